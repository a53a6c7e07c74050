import {
	allQuestions,
	LIST_TYPES,
	NON_ANSWER_TYPES,
	newId,
	type Instrument,
	type Page,
	type Question,
	type QuestionType
} from './model';

/**
 * Pure edits of an instrument for the builder. Each returns a new instrument (or the same one
 * when nothing applies), so undo, autosave and tests all see plain values.
 */

/** `base`, or `base_2`, `base_3`… whichever is not taken by a page or question. */
export function uniqueName(instrument: Instrument, base: string): string {
	const taken = new Set([
		...instrument.pages.map((p) => p.name),
		...allQuestions(instrument).map((q) => q.name)
	]);
	// Room for a `_NN` suffix within the 64-character limit of names.
	const clean =
		base
			.replace(/[^A-Za-z0-9_.-]/g, '_')
			.replace(/^([^A-Za-z_])/, '_$1')
			.slice(0, 58) || 'q';
	if (!taken.has(clean)) return clean;
	for (let i = 2; ; i++) if (!taken.has(`${clean}_${i}`)) return `${clean}_${i}`;
}

export function blankQuestion(instrument: Instrument, type: QuestionType): Question {
	const question: Question = {
		id: newId(),
		type,
		name: uniqueName(
			instrument,
			type === 'select_one' || type === 'select_multiple' ? 'choice' : type
		),
		label: {},
		preferNotToSay:
			!NON_ANSWER_TYPES.includes(type) && type !== 'safety_check' && type !== 'consent'
	};
	if (type === 'range') question.range = { start: 0, end: 10, step: 1 };
	if (LIST_TYPES.includes(type)) question.listName = instrument.choiceLists[0]?.name;
	if (type === 'calculate') question.calculation = '';
	return question;
}

/** Where a question sits: page index and index within the page. */
export function locate(instrument: Instrument, id: string): { page: number; index: number } | null {
	for (let page = 0; page < instrument.pages.length; page++) {
		const index = instrument.pages[page]!.questions.findIndex((q) => q.id === id);
		if (index >= 0) return { page, index };
	}
	return null;
}

function withPages(instrument: Instrument, pages: Page[]): Instrument {
	return { ...instrument, pages };
}

export function insertQuestion(
	instrument: Instrument,
	pageIndex: number,
	question: Question,
	at?: number
): Instrument {
	const pages = instrument.pages.map((p, i) => {
		if (i !== pageIndex) return p;
		const questions = [...p.questions];
		questions.splice(at ?? questions.length, 0, question);
		return { ...p, questions };
	});
	return withPages(instrument, pages);
}

export function updateQuestion(
	instrument: Instrument,
	id: string,
	patch: Partial<Question>
): Instrument {
	return withPages(
		instrument,
		instrument.pages.map((p) =>
			p.questions.some((q) => q.id === id)
				? { ...p, questions: p.questions.map((q) => (q.id === id ? { ...q, ...patch } : q)) }
				: p
		)
	);
}

export function removeQuestion(instrument: Instrument, id: string): Instrument {
	return withPages(
		instrument,
		instrument.pages.map((p) => ({ ...p, questions: p.questions.filter((q) => q.id !== id) }))
	);
}

/** A copy just below the original, with a fresh id and an unused name. */
export function duplicateQuestion(
	instrument: Instrument,
	id: string
): { instrument: Instrument; id: string } {
	const at = locate(instrument, id);
	if (!at) return { instrument, id };
	const original = instrument.pages[at.page]!.questions[at.index]!;
	const copy: Question = structuredClone({
		...original,
		id: newId(),
		name: uniqueName(instrument, original.name)
	});
	return { instrument: insertQuestion(instrument, at.page, copy, at.index + 1), id: copy.id };
}

/**
 * Moves a question one step up or down; at the edge of a page it crosses into the
 * neighbouring page (end of the previous, start of the next).
 */
export function moveQuestion(instrument: Instrument, id: string, direction: -1 | 1): Instrument {
	const at = locate(instrument, id);
	if (!at) return instrument;
	const page = instrument.pages[at.page]!;
	const question = page.questions[at.index]!;
	const target = at.index + direction;
	if (target >= 0 && target < page.questions.length) {
		const questions = [...page.questions];
		questions.splice(at.index, 1);
		questions.splice(target, 0, question);
		return withPages(
			instrument,
			instrument.pages.map((p, i) => (i === at.page ? { ...p, questions } : p))
		);
	}
	const neighbour = at.page + direction;
	if (neighbour < 0 || neighbour >= instrument.pages.length) return instrument;
	const removed = removeQuestion(instrument, id);
	const destination = removed.pages[neighbour]!;
	return insertQuestion(
		removed,
		neighbour,
		question,
		direction === 1 ? 0 : destination.questions.length
	);
}

export function addPage(
	instrument: Instrument,
	after?: number
): { instrument: Instrument; index: number } {
	const page: Page = {
		id: newId(),
		name: uniqueName(instrument, 'page'),
		label: {},
		questions: []
	};
	const pages = [...instrument.pages];
	// Clamped so the returned index is where the page really went, whatever `after` was.
	const index = after === undefined ? pages.length : Math.min(Math.max(after + 1, 0), pages.length);
	pages.splice(index, 0, page);
	return { instrument: withPages(instrument, pages), index };
}

export function movePage(instrument: Instrument, index: number, direction: -1 | 1): Instrument {
	const target = index + direction;
	// An index outside the pages would splice `undefined` in (or move the wrong page).
	if (index < 0 || index >= instrument.pages.length) return instrument;
	if (target < 0 || target >= instrument.pages.length) return instrument;
	const pages = [...instrument.pages];
	const [page] = pages.splice(index, 1);
	pages.splice(target, 0, page!);
	return withPages(instrument, pages);
}

/** Removes a page; its questions move to the previous page (or the next) so nothing is lost. */
export function removePage(instrument: Instrument, index: number): Instrument {
	const page = instrument.pages[index];
	if (!page || instrument.pages.length === 1) return instrument;
	const pages = instrument.pages.filter((_, i) => i !== index);
	const heir = Math.max(0, index - 1);
	pages[heir] = {
		...pages[heir]!,
		questions:
			index === 0
				? [...page.questions, ...pages[heir]!.questions]
				: [...pages[heir]!.questions, ...page.questions]
	};
	return withPages(instrument, pages);
}

export function updatePage(
	instrument: Instrument,
	index: number,
	patch: Partial<Page>
): Instrument {
	return withPages(
		instrument,
		instrument.pages.map((p, i) => (i === index ? { ...p, ...patch } : p))
	);
}
