import { allQuestions, type Instrument, type Question } from './model';

export interface QuestionChange {
	name: string;
	/** Which parts changed: label, type, relevant, choices, … */
	fields: string[];
}

export interface InstrumentDiff {
	added: string[];
	removed: string[];
	changed: QuestionChange[];
	/** Languages added or removed. */
	languagesAdded: string[];
	languagesRemoved: string[];
}

const COMPARED: (keyof Question)[] = [
	'type',
	'label',
	'hint',
	'required',
	'requiredMessage',
	'relevant',
	'constraint',
	'constraintMessage',
	'calculation',
	'choiceFilter',
	'appearance',
	'default',
	'listName',
	'range',
	'preferNotToSay'
];

/**
 * What changed between two versions, matched by question name (the identity indicators bind
 * to). A question whose choice list changed counts as changed with field `choices`.
 */
export function diffInstruments(before: Instrument, after: Instrument): InstrumentDiff {
	const old = new Map(allQuestions(before).map((q) => [q.name, q]));
	const now = new Map(allQuestions(after).map((q) => [q.name, q]));
	const listOf = (i: Instrument, name?: string) =>
		JSON.stringify(normalise(i.choiceLists.find((l) => l.name === name)?.choices));
	const changed: QuestionChange[] = [];
	for (const [name, q] of now) {
		const was = old.get(name);
		if (!was) continue;
		// `required: false` and no `required` mean the same thing.
		const value = (x: Question, f: keyof Question) => (f === 'required' ? !!x.required : x[f]);
		const fields = COMPARED.filter((f) => !sameValue(value(was, f), value(q, f))).map(String);
		if ((q.listName || was.listName) && listOf(before, was.listName) !== listOf(after, q.listName))
			fields.push('choices');
		const pageOf = (i: Instrument) =>
			i.pages.findIndex((p) => p.questions.some((x) => x.name === name));
		if (before.pages[pageOf(before)]?.name !== after.pages[pageOf(after)]?.name)
			fields.push('page');
		if (fields.length) changed.push({ name, fields });
	}
	const codes = (i: Instrument) => new Set(i.languages.map((l) => l.code));
	return {
		added: [...now.keys()].filter((n) => !old.has(n)),
		removed: [...old.keys()].filter((n) => !now.has(n)),
		changed,
		languagesAdded: [...codes(after)].filter((c) => !codes(before).has(c)),
		languagesRemoved: [...codes(before)].filter((c) => !codes(after).has(c))
	};
}

export function isEmptyDiff(diff: InstrumentDiff): boolean {
	return (
		diff.added.length +
			diff.removed.length +
			diff.changed.length +
			diff.languagesAdded.length +
			diff.languagesRemoved.length ===
		0
	);
}

/**
 * True when two instruments say exactly the same thing, key order and empty values aside. Wider
 * than an empty diff: page relevance and labels, question order and language settings count.
 */
export function sameInstrument(a: Instrument, b: Instrument): boolean {
	return sameValue(a, b);
}

function sameValue(a: unknown, b: unknown): boolean {
	return JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));
}

/** Empty strings, empty maps and undefined are the same "nothing". Keys sorted. */
function normalise(value: unknown): unknown {
	if (value === undefined || value === null || value === '') return null;
	if (Array.isArray(value)) return value.map(normalise);
	if (typeof value !== 'object') return value;
	// Normalised before filtering, so a nested empty map (a range's `startLabel: {}`) is nothing too.
	const entries = Object.entries(value as Record<string, unknown>)
		.map(([k, v]) => [k, normalise(v)] as const)
		.filter(([, v]) => v !== null)
		.sort(([a], [b]) => a.localeCompare(b));
	return entries.length ? Object.fromEntries(entries) : null;
}
