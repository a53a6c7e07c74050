import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffInstruments, isEmptyDiff, type InstrumentDiff } from './diff';
import type { Instrument, Question } from './model';

function question(name: string, more: Partial<Question> = {}): Question {
	return {
		id: `id_${name}`,
		type: 'text',
		name,
		label: { en: `Label of ${name}` },
		preferNotToSay: true,
		...more
	};
}

function instrument(pages: [string, Question[]][], more: Partial<Instrument> = {}): Instrument {
	return {
		formId: 'diff_test',
		languages: [{ code: 'en', name: 'English', dir: 'ltr' }],
		defaultLanguage: 'en',
		title: { en: 'Title' },
		choiceLists: [
			{
				name: 'yesno',
				choices: [
					{ name: 'yes', label: { en: 'Yes' } },
					{ name: 'no', label: { en: 'No' } }
				]
			},
			{ name: 'other', choices: [{ name: 'x', label: { en: 'X' } }] }
		],
		pages: pages.map(([name, questions]) => ({ id: `p_${name}`, name, label: {}, questions })),
		...more
	};
}

const base = () =>
	instrument([
		['p1', [question('a'), question('b', { type: 'select_one', listName: 'yesno' })]],
		[
			'p2',
			[
				question('c', { type: 'select_multiple', listName: 'yesno' }),
				question('d', { type: 'range', range: { start: 0, end: 10, step: 1 } })
			]
		]
	]);

/** `base()` with the question called `name` patched. */
function withQuestion(name: string, patch: Partial<Question>): Instrument {
	const x = base();
	for (const page of x.pages)
		page.questions = page.questions.map((q) => (q.name === name ? { ...q, ...patch } : q));
	return x;
}

const EMPTY: InstrumentDiff = {
	added: [],
	removed: [],
	changed: [],
	languagesAdded: [],
	languagesRemoved: []
};

describe('diffInstruments', () => {
	it('finds nothing between an instrument and itself or a copy', () => {
		expect(diffInstruments(base(), base())).toEqual(EMPTY);
	});

	it('lists added and removed questions by name, in order', () => {
		const after = base();
		after.pages[0]!.questions.splice(0, 1, question('new1'));
		after.pages[1]!.questions.push(question('new2'));
		after.pages[1]!.questions.splice(0, 1);
		expect(diffInstruments(base(), after)).toEqual({
			...EMPTY,
			added: ['new1', 'new2'],
			removed: ['a', 'c']
		});
	});

	it('sees a renamed question as one removed and one added (names are the identity)', () => {
		const diff = diffInstruments(base(), withQuestion('a', { name: 'a_renamed' }));
		expect(diff).toEqual({ ...EMPTY, added: ['a_renamed'], removed: ['a'] });
	});

	it('ignores a new builder id (ids are not the identity)', () => {
		expect(isEmptyDiff(diffInstruments(base(), withQuestion('a', { id: 'other' })))).toBe(true);
	});

	it.each<[string, Partial<Question>, string[]]>([
		['label', { label: { en: 'New label' } }, ['label']],
		['a new translation', { label: { en: 'Label of a', fr: 'Libellé' } }, ['label']],
		['type', { type: 'integer' }, ['type']],
		['hint', { hint: { en: 'A hint' } }, ['hint']],
		['required', { required: true }, ['required']],
		['requiredMessage', { requiredMessage: { en: 'Please' } }, ['requiredMessage']],
		['relevant', { relevant: '${b} = 1' }, ['relevant']],
		['constraint', { constraint: '. > 1' }, ['constraint']],
		['constraintMessage', { constraintMessage: { en: 'Too small' } }, ['constraintMessage']],
		['calculation', { calculation: '1 + 1' }, ['calculation']],
		['choiceFilter', { choiceFilter: '${b}' }, ['choiceFilter']],
		['appearance', { appearance: 'multiline' }, ['appearance']],
		['default', { default: 'hello' }, ['default']],
		['preferNotToSay', { preferNotToSay: false }, ['preferNotToSay']],
		[
			'several fields',
			{ type: 'note', relevant: '${b}', label: { en: 'N' } },
			['type', 'label', 'relevant']
		]
	])('reports a change of %s on question a', (_what, patch, fields) => {
		expect(diffInstruments(base(), withQuestion('a', patch))).toEqual({
			...EMPTY,
			changed: [{ name: 'a', fields }]
		});
	});

	it('reports range changes, including an end label', () => {
		const diff = diffInstruments(
			base(),
			withQuestion('d', { range: { start: 0, end: 10, step: 1, endLabel: { en: 'Max' } } })
		);
		expect(diff.changed).toEqual([{ name: 'd', fields: ['range'] }]);
		expect(
			diffInstruments(base(), withQuestion('d', { range: { start: 1, end: 10, step: 1 } })).changed
		).toEqual([{ name: 'd', fields: ['range'] }]);
	});

	it('reports another list as a change of listName and of choices', () => {
		expect(diffInstruments(base(), withQuestion('b', { listName: 'other' })).changed).toEqual([
			{ name: 'b', fields: ['listName', 'choices'] }
		]);
	});

	it.each<[string, (x: Instrument) => void]>([
		[
			'a choice added',
			(x) => x.choiceLists[0]!.choices.push({ name: 'maybe', label: { en: 'Maybe' } })
		],
		['a choice removed', (x) => x.choiceLists[0]!.choices.pop()],
		['a choice relabelled', (x) => (x.choiceLists[0]!.choices[0]!.label = { en: 'Yes!' })],
		['choices reordered', (x) => x.choiceLists[0]!.choices.reverse()]
	])('marks every question using a list as changed (choices) when %s', (_what, change) => {
		const after = base();
		change(after);
		expect(diffInstruments(base(), after).changed).toEqual([
			{ name: 'b', fields: ['choices'] },
			{ name: 'c', fields: ['choices'] }
		]);
	});

	it('reports a list taken away as a change of listName and of choices', () => {
		const diff = diffInstruments(base(), withQuestion('b', { listName: undefined }));
		expect(diff.changed).toEqual([{ name: 'b', fields: ['listName', 'choices'] }]);
	});

	it('ignores choices that differ only in key order or empty extras', () => {
		const after = base();
		after.choiceLists[0]!.choices = after.choiceLists[0]!.choices.map((c) => ({
			extra: {},
			label: c.label,
			name: c.name
		}));
		expect(diffInstruments(base(), after)).toEqual(EMPTY);
	});

	it('ignores changes to a list no question uses', () => {
		const after = base();
		after.choiceLists[1]!.choices.push({ name: 'y', label: { en: 'Y' } });
		expect(isEmptyDiff(diffInstruments(base(), after))).toBe(true);
	});

	it('reports a question moved to another page, and not one moved within its page', () => {
		const moved = base();
		const [a] = moved.pages[0]!.questions.splice(0, 1);
		moved.pages[1]!.questions.push(a!);
		expect(diffInstruments(base(), moved).changed).toEqual([{ name: 'a', fields: ['page'] }]);

		const reordered = base();
		reordered.pages[1]!.questions.reverse();
		expect(diffInstruments(base(), reordered).changed).toEqual([]);
	});

	it('lists languages added and removed', () => {
		const after = base();
		after.languages = [
			{ code: 'fr', name: 'Français', dir: 'ltr' },
			{ code: 'ar', name: 'العربية', dir: 'rtl' }
		];
		expect(diffInstruments(base(), after)).toEqual({
			...EMPTY,
			languagesAdded: ['fr', 'ar'],
			languagesRemoved: ['en']
		});
	});

	describe('treats empty and missing values as the same nothing', () => {
		it.each<[string, Partial<Question>, Partial<Question>]>([
			['an empty hint and no hint', { hint: {} }, { hint: undefined }],
			['a hint of empty strings and no hint', { hint: { en: '', fr: '' } }, {}],
			['an empty translation and none', { label: { en: 'L', fr: '' } }, { label: { en: 'L' } }],
			['an empty relevant and none', { relevant: '' }, {}],
			['keys in another order', { label: { en: 'L', fr: 'F' } }, { label: { fr: 'F', en: 'L' } }],
			[
				'a range with an empty end label and one without',
				{ range: { start: 0, end: 10, step: 1, endLabel: {} } },
				{ range: { start: 0, end: 10, step: 1 } }
			],
			[
				'a range with a blank start label and one without',
				{ range: { start: 0, end: 10, step: 1, startLabel: { en: '' } } },
				{ range: { start: 0, end: 10, step: 1 } }
			]
		])('%s', (_what, before, after) => {
			const diff = diffInstruments(withQuestion('d', before), withQuestion('d', after));
			expect(diff).toEqual(EMPTY);
			expect(diffInstruments(withQuestion('d', after), withQuestion('d', before))).toEqual(EMPTY);
		});

		it('but not a real text and an empty one', () => {
			expect(
				diffInstruments(withQuestion('a', { hint: {} }), withQuestion('a', { hint: { en: 'H' } }))
					.changed
			).toEqual([{ name: 'a', fields: ['hint'] }]);
		});
	});
});

describe('isEmptyDiff', () => {
	it.each<[string, Partial<InstrumentDiff>, boolean]>([
		['nothing', {}, true],
		['an added question', { added: ['a'] }, false],
		['a removed question', { removed: ['a'] }, false],
		['a changed question', { changed: [{ name: 'a', fields: ['label'] }] }, false],
		['an added language', { languagesAdded: ['fr'] }, false],
		['a removed language', { languagesRemoved: ['fr'] }, false]
	])('%s → %s', (_what, diff, expected) => {
		expect(isEmptyDiff({ ...EMPTY, ...diff })).toBe(expected);
	});
});

// ---------------------------------------------------------------------------------------------
// Properties

const text = fc.dictionary(fc.constantFrom('en', 'fr', 'ar'), fc.string({ maxLength: 6 }), {
	maxKeys: 3
});
const arbitraryQuestion = fc.record(
	{
		type: fc.constantFrom<Question['type']>('text', 'select_one', 'integer', 'note'),
		label: text,
		hint: text,
		required: fc.boolean(),
		relevant: fc.constantFrom('', '${q0} = 1', 'true()'),
		listName: fc.constantFrom('yesno', 'other'),
		preferNotToSay: fc.boolean()
	},
	{ requiredKeys: ['type', 'label', 'preferNotToSay'] }
);

/** Up to 4 pages of up to 5 questions named q0, q1, …, with random fields. */
const arbitraryInstrument = fc
	.tuple(
		fc.array(fc.array(arbitraryQuestion, { maxLength: 5 }), { minLength: 1, maxLength: 4 }),
		fc.subarray(['en', 'fr', 'ar'], { minLength: 1 })
	)
	.map(([pages, languages]) => {
		let n = 0;
		return instrument(
			pages.map((qs, p) => [
				`p${p}`,
				qs.map((q) => ({ ...q, id: `id${n}`, name: `q${n++}` }) as Question)
			]),
			{ languages: languages.map((code) => ({ code, name: code, dir: 'ltr' as const })) }
		);
	});

/** The same instrument with every object's keys in reverse order (as a database might return). */
function reverseKeys<T>(value: T): T {
	if (Array.isArray(value)) return value.map(reverseKeys) as T;
	if (value && typeof value === 'object')
		return Object.fromEntries(
			Object.entries(value)
				.reverse()
				.map(([k, v]) => [k, reverseKeys(v)])
		) as T;
	return value;
}

describe('properties of diffInstruments', () => {
	it('finds nothing between an instrument and itself, or the same with keys reordered', () => {
		fc.assert(
			fc.property(arbitraryInstrument, (x) => {
				expect(diffInstruments(x, x)).toEqual(EMPTY);
				expect(diffInstruments(x, reverseKeys(structuredClone(x)))).toEqual(EMPTY);
			})
		);
	});

	it('is symmetric: swapping the sides swaps added and removed, and changes the same questions', () => {
		fc.assert(
			fc.property(arbitraryInstrument, arbitraryInstrument, (x, y) => {
				const forward = diffInstruments(x, y);
				const backward = diffInstruments(y, x);
				expect([...forward.added].sort()).toEqual([...backward.removed].sort());
				expect([...forward.removed].sort()).toEqual([...backward.added].sort());
				expect(forward.languagesAdded.sort()).toEqual(backward.languagesRemoved.sort());
				const fields = (d: InstrumentDiff) =>
					Object.fromEntries(d.changed.map((c) => [c.name, [...c.fields].sort()]));
				expect(fields(forward)).toEqual(fields(backward));
				expect(isEmptyDiff(forward)).toBe(isEmptyDiff(backward));
			})
		);
	});

	it('accounts for every question name exactly once', () => {
		fc.assert(
			fc.property(arbitraryInstrument, arbitraryInstrument, (x, y) => {
				const diff = diffInstruments(x, y);
				const names = (i: Instrument) => i.pages.flatMap((p) => p.questions.map((q) => q.name));
				const common = names(y).filter((n) => names(x).includes(n));
				expect(new Set([...diff.added, ...common])).toEqual(new Set(names(y)));
				expect(new Set([...diff.removed, ...common])).toEqual(new Set(names(x)));
				for (const c of diff.changed) {
					expect(common).toContain(c.name);
					expect(c.fields.length).toBeGreaterThan(0);
				}
			})
		);
	});
});
