import { PREFER_NOT_TO_SAY } from './chrome';
import { visibleChoices } from './choices';
import { evaluate, evaluateBoolean, parse, toText, type Expr } from './expr';
import { allQuestions, NON_ANSWER_TYPES, type Instrument, type Question } from './model';
import { expressionValue, relevanceOf, type Answers } from './relevance';

/**
 * The server's check of answers, shared by every channel (web pages, SMS). Pure: it never
 * trusts the browser, whose skip logic and checks only exist to help the person.
 */

export const MAX_TEXT = 2000;

export type AnswerErrorCode =
	| 'required'
	| 'invalidChoice'
	| 'invalidNumber'
	| 'invalidWholeNumber'
	| 'invalidDate'
	| 'outOfRange'
	| 'constraint'
	| 'tooLong';

export interface AnswerError {
	question: string;
	code: AnswerErrorCode;
}

/** Raw values as a form posts them: one string, or several for checkboxes. */
export type RawValues = Record<string, string | string[] | undefined>;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(value: string): boolean {
	const m = DATE.exec(value);
	if (!m) return false;
	const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return date.toISOString().slice(0, 10) === value;
}

/**
 * One question's raw value, normalised and checked for its type (not yet for its constraint).
 * Returns undefined for "no answer".
 */
export function normaliseAnswer(
	question: Question,
	instrument: Instrument,
	raw: string | string[] | undefined
): { value: string | string[] | undefined; error?: AnswerErrorCode } {
	const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw])
		// NUL cannot be stored in PostgreSQL text or jsonb, and no person types it.
		.map((v) => v.replaceAll('\u0000', '').trim())
		.filter((v) => v !== '');
	if (values.length === 0) return { value: undefined };
	if (values.includes(PREFER_NOT_TO_SAY)) {
		return question.preferNotToSay
			? { value: PREFER_NOT_TO_SAY }
			: { value: undefined, error: 'invalidChoice' };
	}
	const choices = new Set(
		instrument.choiceLists.find((l) => l.name === question.listName)?.choices.map((c) => c.name)
	);
	const single = values[values.length - 1]!;
	switch (question.type) {
		case 'safety_check':
		case 'consent':
			return single === 'yes' || single === 'no'
				? { value: single }
				: { value: undefined, error: 'invalidChoice' };
		case 'select_one':
			return choices.has(single) ? { value: single } : { value: undefined, error: 'invalidChoice' };
		case 'select_multiple': {
			const unique = [...new Set(values)];
			return unique.every((v) => choices.has(v))
				? { value: unique }
				: { value: undefined, error: 'invalidChoice' };
		}
		case 'rank': {
			// Posted as the choice names in the order the person ranked them.
			const unique = [...new Set(values)];
			return unique.length === values.length && unique.every((v) => choices.has(v))
				? { value: unique }
				: { value: undefined, error: 'invalidChoice' };
		}
		case 'range': {
			const n = Number(single);
			const r = question.range;
			if (!/^-?\d+(\.\d+)?$/.test(single) || !r)
				return { value: undefined, error: 'invalidNumber' };
			const steps = (n - r.start) / r.step;
			if (n < r.start || n > r.end || Math.abs(steps - Math.round(steps)) > 1e-9)
				return { value: undefined, error: 'outOfRange' };
			return { value: String(n) };
		}
		case 'integer':
			return /^[-+]?\d{1,15}$/.test(single)
				? { value: String(Number(single)) }
				: { value: undefined, error: 'invalidWholeNumber' };
		case 'decimal': {
			const normalised = single.replace(',', '.');
			return /^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(normalised) && normalised.length <= 30
				? { value: String(Number(normalised)) }
				: { value: undefined, error: 'invalidNumber' };
		}
		case 'date':
			return isRealDate(single) ? { value: single } : { value: undefined, error: 'invalidDate' };
		case 'text':
			return [...single].length <= MAX_TEXT
				? { value: single }
				: { value: undefined, error: 'tooLong' };
		default:
			// note, calculate: nothing a person can answer.
			return { value: undefined };
	}
}

/**
 * Checks answers against the whole instrument: types, required, constraints, and relevance —
 * answers to questions that are not shown are dropped, and calculations are recomputed here.
 * `only` limits which questions report errors (the page being submitted).
 */
export function checkAnswers(
	instrument: Instrument,
	raw: RawValues,
	options: {
		only?: ReadonlySet<string>;
		/** `relevanceOf(instrument)` made once by the caller, when it checks often (servers). */
		visibleFor?: (answers: Answers) => Set<string>;
	} = {}
): { answers: Answers; errors: AnswerError[] } {
	const questions = allQuestions(instrument);
	const answers: Answers = {};
	const errors: AnswerError[] = [];
	for (const q of questions) {
		if (NON_ANSWER_TYPES.includes(q.type)) continue;
		const { value, error } = normaliseAnswer(q, instrument, raw[q.name]);
		if (value !== undefined) answers[q.name] = value;
		if (error) errors.push({ question: q.name, code: error });
	}
	const visible = settle(questions, answers, options.visibleFor ?? relevanceOf(instrument));
	for (const q of questions) if (!visible.has(q.name)) delete answers[q.name];
	const reportable = (name: string) =>
		visible.has(name) && (!options.only || options.only.has(name));

	const context = {
		value: (name: string) => expressionValue(answers[name]),
		current: undefined as ReturnType<typeof expressionValue>
	};
	for (const q of questions) {
		if (!visible.has(q.name)) continue;
		// Calculations were settled above.
		if (NON_ANSWER_TYPES.includes(q.type)) continue;
		const value = answers[q.name];
		if (value === undefined) {
			if (q.required && reportable(q.name) && !errors.some((e) => e.question === q.name))
				errors.push({ question: q.name, code: 'required' });
			continue;
		}
		if (value === PREFER_NOT_TO_SAY) continue;
		if (q.choiceFilter && (q.type === 'select_one' || q.type === 'select_multiple')) {
			const offered = new Set(visibleChoices(q, instrument, answers).map((c) => c.name));
			if (![value].flat().every((v) => offered.has(v))) {
				delete answers[q.name];
				errors.push({ question: q.name, code: 'invalidChoice' });
				continue;
			}
		}
		const constraint = compiled(q.constraint);
		if (
			constraint &&
			!evaluateBoolean(constraint, { ...context, current: expressionValue(value) })
		) {
			delete answers[q.name];
			errors.push({ question: q.name, code: 'constraint' });
		}
	}
	return { answers, errors: errors.filter((e) => reportable(e.question)) };
}

/**
 * Calculations can decide what is shown (`relevant="${total} > 10"`), and what is shown decides
 * calculations: compute them until both stop changing (one pass per calculation at most, so a
 * chain of calculations settles and a cycle — refused by validation anyway — cannot loop).
 * Hidden questions count as unanswered in calculations, as in relevance. Returns what is shown.
 */
function settle(
	questions: Question[],
	answers: Answers,
	visibleFor: (answers: Answers) => Set<string>
): Set<string> {
	const calculations = questions.filter((q) => q.type === 'calculate');
	let visible = visibleFor(answers);
	for (let pass = 0; pass <= calculations.length; pass++) {
		const shown = visible;
		const context = {
			value: (name: string) => (shown.has(name) ? expressionValue(answers[name]) : '')
		};
		let changed = false;
		for (const q of calculations) {
			const ast = shown.has(q.name) ? compiled(q.calculation) : null;
			const value = ast ? toText(evaluate(ast, context)) : undefined;
			if (answers[q.name] === value) continue;
			if (value === undefined) delete answers[q.name];
			else answers[q.name] = value;
			changed = true;
		}
		if (!changed) break;
		visible = visibleFor(answers);
	}
	return visible;
}

const cache = new Map<string, Expr | null>();
function compiled(source: string | undefined): Expr | null {
	if (!source?.trim()) return null;
	if (!cache.has(source)) {
		const parsed = parse(source);
		if (cache.size > 5000) cache.clear();
		cache.set(source, parsed.ok ? parsed.ast : null);
	}
	return cache.get(source) ?? null;
}
