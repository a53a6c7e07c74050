import { formatDate } from '../../format';
import { PREFER_NOT_TO_SAY } from '../../survey/chrome';
import { allQuestions, textIn, type Instrument, type Question } from '../../survey/model';
import { relevanceOf, type Answers } from '../../survey/relevance';

/**
 * Pure helpers for the responses pages: one response's answers in words, and page links.
 * No database here; tested beside this file.
 */

/**
 * Types not shown among a response's answers: notes and calculations are not answers, and
 * every stored response has "yes" to the safety check and to consent (else nothing is stored).
 */
const NOT_SHOWN = new Set<Question['type']>(['note', 'calculate', 'safety_check', 'consent']);

export type AnswerValue =
	| { kind: 'none' }
	| { kind: 'preferNotToSay' }
	/** What the person typed, or a number or date. */
	| { kind: 'text'; text: string }
	/** The label of the choice picked, in the display language. */
	| { kind: 'choice'; text: string }
	| { kind: 'list'; items: string[]; ordered: boolean };

export interface AnswerView {
	name: string;
	label: string;
	value: AnswerValue;
}

/**
 * The survey language to show a response in: the staff member's interface language when the
 * survey has it (exactly, or a regional variant such as pt-BR for pt), else the default.
 */
export function displayLanguage(instrument: Instrument, uiLang: string) {
	const languages = instrument.languages;
	const found =
		languages.find((l) => l.code === uiLang) ??
		languages.find((l) => l.code.split(/[-_]/)[0] === uiLang) ??
		languages.find((l) => l.code === instrument.defaultLanguage) ??
		languages[0];
	return { code: found?.code ?? instrument.defaultLanguage, dir: found?.dir ?? 'ltr' };
}

/**
 * A response's answers with the question and choice texts of its own version, in page order.
 * Questions that were not shown to this respondent (skip logic) are left out; questions shown
 * but skipped say so.
 */
export function presentAnswers(
	instrument: Instrument,
	answers: Answers,
	lang: string
): AnswerView[] {
	const fallback = instrument.defaultLanguage;
	const shown = relevanceOf(instrument)(answers);
	const choiceLabel = (q: Question, name: string) => {
		const choice = instrument.choiceLists
			.find((l) => l.name === q.listName)
			?.choices.find((c) => c.name === name);
		return choice ? textIn(choice.label, lang, fallback) || name : name;
	};
	return allQuestions(instrument)
		.filter((q) => !NOT_SHOWN.has(q.type) && shown.has(q.name))
		.map((q) => ({
			name: q.name,
			label: textIn(q.label, lang, fallback) || q.name,
			value: valueOf(q, answers[q.name], lang, choiceLabel)
		}));
}

function valueOf(
	q: Question,
	answer: string | string[] | undefined,
	lang: string,
	choiceLabel: (q: Question, name: string) => string
): AnswerValue {
	if (answer === undefined || (Array.isArray(answer) && answer.length === 0))
		return { kind: 'none' };
	if (answer === PREFER_NOT_TO_SAY || (Array.isArray(answer) && answer[0] === PREFER_NOT_TO_SAY))
		return { kind: 'preferNotToSay' };
	if (Array.isArray(answer))
		return {
			kind: 'list',
			items: answer.map((name) => choiceLabel(q, name)),
			ordered: q.type === 'rank'
		};
	if (q.type === 'select_one') return { kind: 'choice', text: choiceLabel(q, answer) };
	if (q.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(answer))
		return { kind: 'text', text: formatDate(answer, lang) };
	return { kind: 'text', text: answer };
}

/**
 * Page numbers to link to: the first, the last, and two either side of the current one, with
 * `null` where pages are skipped. Keeps the pager short however many pages there are.
 */
export function pageLinks(current: number, pageCount: number): (number | null)[] {
	const wanted = new Set([1, pageCount]);
	for (let p = current - 2; p <= current + 2; p++) if (p >= 1 && p <= pageCount) wanted.add(p);
	const sorted = [...wanted].filter((p) => p >= 1).sort((a, b) => a - b);
	const out: (number | null)[] = [];
	for (const p of sorted) {
		const last = out[out.length - 1];
		if (typeof last === 'number' && p - last > 1) out.push(p - last === 2 ? p - 1 : null);
		out.push(p);
	}
	return out;
}
