import { PREFER_NOT_TO_SAY } from './chrome';
import { textIn, type Instrument, type Page, type Question, type Text } from './model';
import type { RawValues } from './answers';
import type { Answers } from './relevance';

/**
 * How a respondent walks the pages of an instrument: which pages show, where "Next" and
 * "Back" lead, what a posted page form holds, and when an answer ends the survey. Pure and
 * shared by the server (which decides) and the browser script (which only helps).
 */

/** The questions of a page a person sees (calculations never show). */
export function shownQuestions(page: Page, visible: ReadonlySet<string>): Question[] {
	return page.questions.filter((q) => q.type !== 'calculate' && visible.has(q.name));
}

/** Indexes of the pages that show at least one question, in order. */
export function shownPages(instrument: Instrument, visible: ReadonlySet<string>): number[] {
	const out: number[] = [];
	instrument.pages.forEach((page, i) => {
		if (shownQuestions(page, visible).length) out.push(i);
	});
	return out;
}

/** The page to show for a saved position: that page if it shows, else the next that does. */
export function currentPage(shown: readonly number[], saved: number): number | null {
	return shown.find((i) => i >= saved) ?? shown[shown.length - 1] ?? null;
}

export function nextPage(shown: readonly number[], current: number): number | null {
	return shown.find((i) => i > current) ?? null;
}

export function previousPage(shown: readonly number[], current: number): number | null {
	return [...shown].reverse().find((i) => i < current) ?? null;
}

/** "Page 2 of 7", counting only pages that show for the answers so far. */
export function progressOf(shown: readonly number[], current: number) {
	const at = shown.indexOf(current);
	return { page: at < 0 ? 1 : at + 1, total: Math.max(shown.length, 1) };
}

/**
 * Placed in the answer when two choices were given the same rank, so the check refuses it
 * (choice names never contain a dot).
 */
const INVALID_RANK = '.invalid-rank';

/**
 * The raw values of one page's questions from a posted form. Every question of the page gets
 * a key, so an unticked group clears its earlier answer. Ranks come as `name.choice=position`
 * and become the choice names in ranked order.
 */
export function readPage(page: Page, form: URLSearchParams): RawValues {
	const raw: RawValues = {};
	for (const q of page.questions) {
		if (q.type === 'calculate' || q.type === 'note') continue;
		if (q.type === 'rank') {
			raw[q.name] = readRank(q, form);
			continue;
		}
		const values = form.getAll(q.name);
		raw[q.name] =
			q.type === 'select_multiple'
				? values
				: values.includes(PREFER_NOT_TO_SAY)
					? PREFER_NOT_TO_SAY
					: values[0];
	}
	return raw;
}

function readRank(q: Question, form: URLSearchParams): string[] | string | undefined {
	if (form.getAll(q.name).includes(PREFER_NOT_TO_SAY)) return PREFER_NOT_TO_SAY;
	const prefix = `${q.name}.`;
	const ranked: [number, string][] = [];
	for (const [key, value] of form) {
		if (!key.startsWith(prefix) || value.trim() === '') continue;
		const position = Number(value);
		if (!Number.isInteger(position) || position < 1) return [INVALID_RANK];
		ranked.push([position, key.slice(prefix.length)]);
	}
	if (new Set(ranked.map(([p]) => p)).size !== ranked.length) return [INVALID_RANK];
	return ranked.sort((a, b) => a[0] - b[0]).map(([, name]) => name);
}

export type Ending = 'notNow' | 'declined';

/** "Not now" on a safety check or declining consent ends the survey, storing nothing. */
export function endingOf(page: Page, answers: Answers): Ending | null {
	for (const q of page.questions) {
		if (answers[q.name] !== 'no') continue;
		if (q.type === 'safety_check') return 'notNow';
		if (q.type === 'consent') return 'declined';
	}
	return null;
}

/** Questions of a page shown now that were not on the page the person saw (revealed). */
export function revealedQuestions(
	page: Page,
	visible: ReadonlySet<string>,
	seen: ReadonlySet<string>
): string[] {
	return shownQuestions(page, visible)
		.filter((q) => q.type !== 'note' && !seen.has(q.name))
		.map((q) => q.name);
}

/** What the browser needs to evaluate skip logic: the instrument without any text. */
export function logicOnly(instrument: Instrument): Instrument {
	return {
		formId: instrument.formId,
		languages: [],
		defaultLanguage: instrument.defaultLanguage,
		title: {},
		pages: instrument.pages.map((p) => ({
			id: p.id,
			name: p.name,
			label: {},
			relevant: p.relevant,
			questions: p.questions.map((q) => ({
				id: q.id,
				type: q.type,
				name: q.name,
				label: {},
				relevant: q.relevant,
				choiceFilter: q.choiceFilter,
				listName: q.choiceFilter ? q.listName : undefined,
				preferNotToSay: q.preferNotToSay
			}))
		})),
		choiceLists: instrument.choiceLists
			.filter((l) =>
				instrument.pages.some((p) =>
					p.questions.some((q) => q.choiceFilter && q.listName === l.name)
				)
			)
			.map((l) => ({
				name: l.name,
				choices: l.choices.map((c) => ({ name: c.name, label: {}, extra: c.extra }))
			}))
	};
}

/**
 * One page of an instrument in one language, with only the choice lists it uses: what a
 * respondent page renders, without carrying every language of every page through the server.
 */
export function pageInstrument(instrument: Instrument, index: number, lang: string): Instrument {
	const only = (text: Text | undefined): Text | undefined =>
		text ? { [lang]: textIn(text, lang, instrument.defaultLanguage) } : undefined;
	const page = instrument.pages[index]!;
	const lists = new Set(page.questions.map((q) => q.listName).filter(Boolean));
	return {
		formId: instrument.formId,
		languages: instrument.languages,
		defaultLanguage: lang,
		title: only(instrument.title) ?? {},
		pages: [
			{
				...page,
				label: only(page.label) ?? {},
				questions: page.questions.map((q) => ({
					...q,
					label: only(q.label) ?? {},
					hint: only(q.hint),
					requiredMessage: only(q.requiredMessage),
					constraintMessage: only(q.constraintMessage),
					range: q.range && {
						...q.range,
						startLabel: only(q.range.startLabel),
						endLabel: only(q.range.endLabel)
					}
				}))
			}
		],
		choiceLists: instrument.choiceLists
			.filter((l) => lists.has(l.name))
			.map((l) => ({
				name: l.name,
				choices: l.choices.map((c) => ({ ...c, label: only(c.label) ?? {} }))
			}))
	};
}
