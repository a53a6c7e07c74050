import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	addPage,
	blankQuestion,
	duplicateQuestion,
	insertQuestion,
	locate,
	movePage,
	moveQuestion,
	removePage,
	removeQuestion,
	uniqueName,
	updatePage,
	updateQuestion
} from './edit';
import {
	allQuestions,
	LIST_TYPES,
	QUESTION_TYPES,
	type Instrument,
	type Question,
	type QuestionType
} from './model';
import { NAME_PATTERN } from './schema';

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

/** An instrument laid out as [page name, question names][]; ids are `p_<page>` / `id_<q>`. */
function instrument(layout: [string, string[]][], more: Partial<Instrument> = {}): Instrument {
	return {
		formId: 'edit_test',
		languages: [{ code: 'en', name: 'English', dir: 'ltr' }],
		defaultLanguage: 'en',
		title: { en: 'Title' },
		choiceLists: [],
		pages: layout.map(([name, questions]) => ({
			id: `p_${name}`,
			name,
			label: {},
			questions: questions.map((q) => question(q))
		})),
		...more
	};
}

/** Question names page by page: what a person sees in the outline. */
const layoutOf = (i: Instrument) => i.pages.map((p) => p.questions.map((q) => q.name));
const pageNames = (i: Instrument) => i.pages.map((p) => p.name);

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const child of Object.values(value)) deepFreeze(child);
	}
	return value;
}

const three = () =>
	deepFreeze(
		instrument([
			['p1', ['a', 'b', 'c']],
			['p2', ['d']],
			['p3', ['e', 'f']]
		])
	);

describe('uniqueName', () => {
	const taken = instrument([['page', ['age', 'age_2', 'name']]]);
	it.each([
		['free', 'free'],
		['name', 'name_2'],
		['age', 'age_3'],
		['page', 'page_2'],
		['my question?', 'my_question_'],
		['2nd', '_2nd'],
		['.dot', '_.dot'],
		['âge', '_ge'],
		['', 'q'],
		['keep.dots-and_dashes', 'keep.dots-and_dashes']
	])('%j → %j', (base, expected) => {
		expect(uniqueName(taken, base)).toBe(expected);
	});

	it('always returns a well-formed name nobody uses', () => {
		fc.assert(
			fc.property(
				fc.array(fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/), { maxLength: 12 }),
				fc.string({ maxLength: 20 }),
				(names, base) => {
					const unique = [...new Set(names)];
					const existing = instrument([['pg', unique]]);
					const name = uniqueName(existing, base);
					expect(NAME_PATTERN.test(name)).toBe(true);
					expect([...unique, 'pg']).not.toContain(name);
				}
			)
		);
	});
});

describe('blankQuestion', () => {
	const withLists = instrument([['p1', ['choice', 'text']]], {
		choiceLists: [
			{ name: 'yesno', choices: [{ name: 'yes', label: { en: 'Yes' } }] },
			{ name: 'other', choices: [{ name: 'x', label: { en: 'X' } }] }
		]
	});

	it.each<[QuestionType, string, boolean]>([
		['select_one', 'choice_2', true],
		['select_multiple', 'choice_2', true],
		['rank', 'rank', true],
		['range', 'range', true],
		['integer', 'integer', true],
		['decimal', 'decimal', true],
		['text', 'text_2', true],
		['date', 'date', true],
		['note', 'note', false],
		['calculate', 'calculate', false],
		['safety_check', 'safety_check', false],
		['consent', 'consent', false]
	])('%s is named %s; offers "prefer not to say": %s', (type, name, pnts) => {
		const q = blankQuestion(withLists, type);
		expect(q).toMatchObject({ type, name, preferNotToSay: pnts, label: {} });
		expect(q.id).not.toBe('');
	});

	it('gives list questions the first choice list, and other types none', () => {
		for (const type of QUESTION_TYPES) {
			expect(blankQuestion(withLists, type).listName, type).toBe(
				LIST_TYPES.includes(type) ? 'yesno' : undefined
			);
		}
		expect(blankQuestion(instrument([['p1', []]]), 'select_one').listName).toBeUndefined();
	});

	it('starts a range at 0…10 in steps of 1 and a calculation empty', () => {
		expect(blankQuestion(withLists, 'range').range).toEqual({ start: 0, end: 10, step: 1 });
		expect(blankQuestion(withLists, 'calculate').calculation).toBe('');
		expect(blankQuestion(withLists, 'text').range).toBeUndefined();
	});

	it('gives every new question a new id', () => {
		const ids = new Set(Array.from({ length: 200 }, () => blankQuestion(withLists, 'text').id));
		expect(ids.size).toBe(200);
	});
});

describe('insertQuestion', () => {
	it.each<[string, number, number | undefined, string[][]]>([
		['at the end of a page by default', 0, undefined, [['a', 'b', 'c', 'new'], ['d'], ['e', 'f']]],
		['at the top of a page', 2, 0, [['a', 'b', 'c'], ['d'], ['new', 'e', 'f']]],
		['in the middle of a page', 0, 1, [['a', 'new', 'b', 'c'], ['d'], ['e', 'f']]]
	])('puts a question %s', (_where, page, at, expected) => {
		const before = three();
		const after = insertQuestion(before, page, question('new'), at);
		expect(layoutOf(after)).toEqual(expected);
		expect(layoutOf(before)).toEqual([['a', 'b', 'c'], ['d'], ['e', 'f']]);
	});

	it('keeps untouched pages as they were (same objects)', () => {
		const before = three();
		const after = insertQuestion(before, 1, question('new'));
		expect(after.pages[0]).toBe(before.pages[0]);
		expect(after.pages[2]).toBe(before.pages[2]);
	});
});

describe('updateQuestion', () => {
	it('changes only the question with that id', () => {
		const before = three();
		const after = updateQuestion(before, 'id_b', { label: { en: 'New' }, required: true });
		const b = allQuestions(after).find((q) => q.id === 'id_b');
		expect(b).toMatchObject({ name: 'b', label: { en: 'New' }, required: true });
		expect(allQuestions(after).filter((q) => q.required)).toHaveLength(1);
		expect(allQuestions(before).find((q) => q.id === 'id_b')?.label).toEqual({
			en: 'Label of b'
		});
		expect(after.pages[1]).toBe(before.pages[1]);
	});

	it('changes nothing for an unknown id', () => {
		const before = three();
		expect(updateQuestion(before, 'nope', { name: 'x' })).toEqual(before);
	});
});

describe('removeQuestion', () => {
	it('removes only that question', () => {
		expect(layoutOf(removeQuestion(three(), 'id_d'))).toEqual([['a', 'b', 'c'], [], ['e', 'f']]);
		expect(layoutOf(removeQuestion(three(), 'id_a'))).toEqual([['b', 'c'], ['d'], ['e', 'f']]);
	});

	it('changes nothing for an unknown id', () => {
		expect(removeQuestion(three(), 'nope')).toEqual(three());
	});
});

describe('duplicateQuestion', () => {
	it('places a copy just below the original, with a new id and a free name', () => {
		const before = deepFreeze(
			instrument([['p1', ['a', 'b']]], {
				pages: [
					{
						id: 'p_1',
						name: 'p1',
						label: {},
						questions: [
							question('a', { hint: { en: 'Hint' }, range: { start: 1, end: 5, step: 1 } }),
							question('b'),
							question('a_2')
						]
					}
				]
			})
		);
		const { instrument: after, id } = duplicateQuestion(before, 'id_a');
		expect(layoutOf(after)).toEqual([['a', 'a_3', 'b', 'a_2']]);
		const copy = after.pages[0]!.questions[1]!;
		expect(copy.id).toBe(id);
		expect(id).not.toBe('id_a');
		expect(copy).toMatchObject({ hint: { en: 'Hint' }, range: { start: 1, end: 5, step: 1 } });
	});

	it('makes a deep copy: editing the copy leaves the original alone', () => {
		const { instrument: after, id } = duplicateQuestion(three(), 'id_e');
		const copy = allQuestions(after).find((q) => q.id === id)!;
		expect(copy.label).not.toBe(allQuestions(after).find((q) => q.id === 'id_e')!.label);
		copy.label.en = 'Changed';
		expect(allQuestions(after).find((q) => q.id === 'id_e')!.label.en).toBe('Label of e');
	});

	it('returns the same instrument for an unknown id', () => {
		const before = three();
		expect(duplicateQuestion(before, 'nope')).toEqual({ instrument: before, id: 'nope' });
	});
});

describe('moveQuestion', () => {
	it.each<[string, string, -1 | 1, string[][]]>([
		['down within a page', 'id_a', 1, [['b', 'a', 'c'], ['d'], ['e', 'f']]],
		['up within a page', 'id_f', -1, [['a', 'b', 'c'], ['d'], ['f', 'e']]],
		[
			'down from the bottom of a page to the top of the next',
			'id_c',
			1,
			[
				['a', 'b'],
				['c', 'd'],
				['e', 'f']
			]
		],
		[
			'up from the top of a page to the bottom of the previous',
			'id_d',
			-1,
			[['a', 'b', 'c', 'd'], [], ['e', 'f']]
		],
		['up from the top of the last page', 'id_e', -1, [['a', 'b', 'c'], ['d', 'e'], ['f']]]
	])('moves %s', (_how, id, direction, expected) => {
		expect(layoutOf(moveQuestion(three(), id, direction))).toEqual(expected);
	});

	it('moves into an empty page', () => {
		const before = instrument([
			['p1', ['a']],
			['p2', []],
			['p3', ['b']]
		]);
		expect(layoutOf(moveQuestion(before, 'id_a', 1))).toEqual([[], ['a'], ['b']]);
		expect(layoutOf(moveQuestion(before, 'id_b', -1))).toEqual([['a'], ['b'], []]);
	});

	it.each<[string, string, -1 | 1]>([
		['the first question up', 'id_a', -1],
		['the last question down', 'id_f', 1],
		['an unknown question', 'nope', 1]
	])('leaves the instrument alone when moving %s', (_what, id, direction) => {
		const before = three();
		expect(moveQuestion(before, id, direction)).toBe(before);
	});
});

describe('addPage', () => {
	it('adds an empty page at the end by default, with a free name', () => {
		const before = deepFreeze(instrument([['page', ['a']]]));
		const { instrument: after, index } = addPage(before);
		expect(index).toBe(1);
		expect(pageNames(after)).toEqual(['page', 'page_2']);
		expect(after.pages[1]!.questions).toEqual([]);
		expect(after.pages[1]!.id).not.toBe(before.pages[0]!.id);
	});

	it('adds a page after the given one', () => {
		const { instrument: after, index } = addPage(three(), 0);
		expect(index).toBe(1);
		expect(pageNames(after)).toEqual(['p1', 'page', 'p2', 'p3']);
		expect(layoutOf(after)).toEqual([['a', 'b', 'c'], [], ['d'], ['e', 'f']]);
	});

	it('reports the index where the new page really is, even past the end', () => {
		const { instrument: after, index } = addPage(three(), 10);
		expect(after.pages[index]?.name).toBe('page');
		expect(index).toBe(3);
	});
});

describe('movePage', () => {
	it.each<[number, -1 | 1, string[]]>([
		[0, 1, ['p2', 'p1', 'p3']],
		[2, -1, ['p1', 'p3', 'p2']],
		[1, -1, ['p2', 'p1', 'p3']]
	])('moves page %i by %i', (index, direction, expected) => {
		const after = movePage(three(), index, direction);
		expect(pageNames(after)).toEqual(expected);
		// Questions travel with their page.
		expect(after.pages.find((p) => p.name === 'p1')!.questions.map((q) => q.name)).toEqual([
			'a',
			'b',
			'c'
		]);
	});

	it.each<[number, -1 | 1]>([
		[0, -1],
		[2, 1],
		[3, -1],
		[-1, 1],
		[7, 1]
	])('leaves the instrument alone for page %i moved by %i', (index, direction) => {
		const before = three();
		expect(movePage(before, index, direction)).toBe(before);
	});
});

describe('removePage', () => {
	it('moves its questions to the end of the previous page', () => {
		const after = removePage(three(), 1);
		expect(pageNames(after)).toEqual(['p1', 'p3']);
		expect(layoutOf(after)).toEqual([
			['a', 'b', 'c', 'd'],
			['e', 'f']
		]);
	});

	it('moves the first page’s questions to the top of the next page', () => {
		const after = removePage(three(), 0);
		expect(pageNames(after)).toEqual(['p2', 'p3']);
		expect(layoutOf(after)).toEqual([
			['a', 'b', 'c', 'd'],
			['e', 'f']
		]);
	});

	it('removes the last page into the one before it', () => {
		expect(layoutOf(removePage(three(), 2))).toEqual([
			['a', 'b', 'c'],
			['d', 'e', 'f']
		]);
	});

	it.each([
		['the only page', instrument([['p1', ['a']]]), 0],
		['an unknown page', three(), 3],
		['a negative index', three(), -1]
	])('refuses to remove %s', (_what, before, index) => {
		expect(removePage(before, index)).toBe(before);
	});
});

describe('updatePage', () => {
	it('patches one page and keeps its questions', () => {
		const before = three();
		const after = updatePage(before, 1, { label: { en: 'Second' }, relevant: '${a} = 1' });
		expect(after.pages[1]).toMatchObject({
			name: 'p2',
			label: { en: 'Second' },
			relevant: '${a} = 1'
		});
		expect(layoutOf(after)).toEqual(layoutOf(before));
		expect(after.pages[0]).toBe(before.pages[0]);
		expect(before.pages[1]!.relevant).toBeUndefined();
	});
});

// ---------------------------------------------------------------------------------------------
// Properties

/** An instrument with 1–5 pages of 0–5 questions, all names unique. */
const arbitraryInstrument = fc
	.array(fc.nat({ max: 5 }), { minLength: 1, maxLength: 5 })
	.map((sizes) => {
		let n = 0;
		return deepFreeze(
			instrument(sizes.map((size, p) => [`p${p}`, Array.from({ length: size }, () => `q${n++}`)]))
		);
	});

type Op =
	| { kind: 'insert'; page: number; at: number; type: QuestionType }
	| { kind: 'duplicate'; pick: number }
	| { kind: 'move'; pick: number; direction: -1 | 1 }
	| { kind: 'remove'; pick: number }
	| { kind: 'update'; pick: number; label: string }
	| { kind: 'addPage'; after: number | undefined }
	| { kind: 'removePage'; page: number }
	| { kind: 'movePage'; page: number; direction: -1 | 1 };

const direction = fc.constantFrom<-1 | 1>(-1, 1);
const arbitraryOp: fc.Arbitrary<Op> = fc.oneof(
	fc.record({
		kind: fc.constant('insert' as const),
		page: fc.nat(),
		at: fc.nat({ max: 8 }),
		type: fc.constantFrom(...QUESTION_TYPES)
	}),
	fc.record({ kind: fc.constant('duplicate' as const), pick: fc.nat() }),
	fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), direction }),
	fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
	fc.record({ kind: fc.constant('update' as const), pick: fc.nat(), label: fc.string() }),
	fc.record({
		kind: fc.constant('addPage' as const),
		after: fc.option(fc.nat(), { nil: undefined })
	}),
	fc.record({ kind: fc.constant('removePage' as const), page: fc.nat() }),
	fc.record({ kind: fc.constant('movePage' as const), page: fc.nat(), direction })
);

/** Applies `op`, and says which question ids it added or removed. */
function apply(
	current: Instrument,
	op: Op
): { next: Instrument; added: string[]; removed: string[] } {
	const questions = allQuestions(current);
	const picked = questions.length
		? questions[('pick' in op ? op.pick : 0) % questions.length]
		: undefined;
	const pageIndex = (n: number) => n % current.pages.length;
	switch (op.kind) {
		case 'insert': {
			const q = blankQuestion(current, op.type);
			return {
				next: insertQuestion(current, pageIndex(op.page), q, op.at),
				added: [q.id],
				removed: []
			};
		}
		case 'duplicate': {
			if (!picked) return { next: current, added: [], removed: [] };
			const { instrument: next, id } = duplicateQuestion(current, picked.id);
			return { next, added: [id], removed: [] };
		}
		case 'move':
			return picked
				? { next: moveQuestion(current, picked.id, op.direction), added: [], removed: [] }
				: { next: current, added: [], removed: [] };
		case 'remove':
			return picked
				? { next: removeQuestion(current, picked.id), added: [], removed: [picked.id] }
				: { next: current, added: [], removed: [] };
		case 'update':
			return picked
				? {
						next: updateQuestion(current, picked.id, { label: { en: op.label } }),
						added: [],
						removed: []
					}
				: { next: current, added: [], removed: [] };
		case 'addPage': {
			const after = op.after === undefined ? undefined : pageIndex(op.after);
			return { next: addPage(current, after).instrument, added: [], removed: [] };
		}
		case 'removePage':
			return { next: removePage(current, pageIndex(op.page)), added: [], removed: [] };
		case 'movePage':
			return { next: movePage(current, pageIndex(op.page), op.direction), added: [], removed: [] };
	}
}

describe('properties of edit sequences', () => {
	it('keep ids and names unique and never lose or invent a question', () => {
		fc.assert(
			fc.property(arbitraryInstrument, fc.array(arbitraryOp, { maxLength: 30 }), (start, ops) => {
				let current = start;
				const expected = new Set(allQuestions(start).map((q) => q.id));
				for (const op of ops) {
					const { next, added, removed } = apply(current, op);
					for (const id of added) {
						expect(expected.has(id), 'a new id is really new').toBe(false);
						expected.add(id);
					}
					for (const id of removed) expected.delete(id);
					current = deepFreeze(next);

					const ids = allQuestions(current).map((q) => q.id);
					expect(new Set(ids).size).toBe(ids.length);
					expect([...ids].sort()).toEqual([...expected].sort());
					const names = [...current.pages, ...allQuestions(current)].map((x) => x.name);
					expect(new Set(names).size).toBe(names.length);
					const pageIds = current.pages.map((p) => p.id);
					expect(new Set(pageIds).size).toBe(pageIds.length);
					expect(current.pages.length).toBeGreaterThan(0);
				}
			})
		);
	});

	it('moveQuestion one way then back restores the layout whenever the first move did anything', () => {
		fc.assert(
			fc.property(arbitraryInstrument, fc.nat(), direction, (start, pick, dir) => {
				const questions = allQuestions(start);
				fc.pre(questions.length > 0);
				const id = questions[pick % questions.length]!.id;
				const moved = moveQuestion(start, id, dir);
				const at = locate(start, id)!;
				const atEdge =
					dir === -1
						? at.page === 0 && at.index === 0
						: at.page === start.pages.length - 1 &&
							at.index === start.pages[at.page]!.questions.length - 1;
				if (atEdge) {
					expect(moved).toBe(start);
					return;
				}
				expect(layoutOf(moved)).not.toEqual(layoutOf(start));
				expect(layoutOf(moveQuestion(moved, id, dir === 1 ? -1 : 1))).toEqual(layoutOf(start));
			})
		);
	});

	it('moveQuestion up then down within a page returns the original order', () => {
		fc.assert(
			fc.property(arbitraryInstrument, fc.nat(), (start, pick) => {
				const inner = allQuestions(start).filter((q) => locate(start, q.id)!.index > 0);
				fc.pre(inner.length > 0);
				const id = inner[pick % inner.length]!.id;
				const up = moveQuestion(start, id, -1);
				expect(locate(up, id)).toEqual({
					...locate(start, id)!,
					index: locate(start, id)!.index - 1
				});
				expect(layoutOf(moveQuestion(up, id, 1))).toEqual(layoutOf(start));
			})
		);
	});

	it('moveQuestion either swaps neighbours in reading order or only changes the page', () => {
		fc.assert(
			fc.property(arbitraryInstrument, fc.nat(), direction, (start, pick, dir) => {
				const order = allQuestions(start).map((q) => q.name);
				fc.pre(order.length > 0);
				const i = pick % order.length;
				const after = allQuestions(moveQuestion(start, `id_${order[i]}`, dir)).map((q) => q.name);
				const swapped = [...order];
				const j = i + dir;
				if (j >= 0 && j < order.length) [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
				expect([order, swapped]).toContainEqual(after);
			})
		);
	});

	it('removePage keeps every question in the same reading order', () => {
		fc.assert(
			fc.property(arbitraryInstrument, fc.nat(), (start, page) => {
				const after = removePage(start, page % start.pages.length);
				expect(allQuestions(after).map((q) => q.id)).toEqual(allQuestions(start).map((q) => q.id));
				expect(after.pages.length).toBe(Math.max(1, start.pages.length - 1));
			})
		);
	});
});
