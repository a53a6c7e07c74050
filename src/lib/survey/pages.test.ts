import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEMO_SURVEY } from '../server/demo/survey';
import { checkAnswers } from './answers';
import { PREFER_NOT_TO_SAY } from './chrome';
import { visibleChoices } from './choices';
import {
	allQuestions,
	QUESTION_TYPES,
	type Choice,
	type Instrument,
	type Page,
	type Question,
	type QuestionType,
	type Text
} from './model';
import {
	pageInstrument,
	currentPage,
	endingOf,
	logicOnly,
	nextPage,
	previousPage,
	progressOf,
	readPage,
	revealedQuestions,
	shownPages,
	shownQuestions
} from './pages';
import { relevanceOf, type Answers } from './relevance';
import { starterInstrument } from './starter';

function question(
	name: string,
	type: QuestionType = 'text',
	more: Partial<Question> = {}
): Question {
	return { id: `id_${name}`, type, name, label: { en: name }, preferNotToSay: true, ...more };
}

function page(name: string, questions: Question[], relevant?: string): Page {
	return { id: `p_${name}`, name, label: {}, questions, ...(relevant ? { relevant } : {}) };
}

function instrument(pages: Page[], choiceLists: Instrument['choiceLists'] = []): Instrument {
	return {
		formId: 'pages_test',
		languages: [{ code: 'en', name: 'English', dir: 'ltr' }],
		defaultLanguage: 'en',
		title: { en: 'T' },
		choiceLists,
		pages
	};
}

const demoPage = (name: string) => DEMO_SURVEY.pages.find((p) => p.name === name)!;
const demoVisible = relevanceOf(DEMO_SURVEY);
const form = (query: string) => new URLSearchParams(query);
const names = (questions: Question[]) => questions.map((q) => q.name);

/** The demo's choice names per question, to answer it with something it offers. */
const demoChoices = (q: Question) =>
	DEMO_SURVEY.choiceLists.find((l) => l.name === q.listName)?.choices.map((c) => c.name) ?? [];

/** Any answers a person could leave on the demo survey, including odd and missing ones. */
const demoAnswers: fc.Arbitrary<Answers> = fc.record(
	Object.fromEntries(
		allQuestions(DEMO_SURVEY).map((q) => {
			const choices = [...demoChoices(q), PREFER_NOT_TO_SAY, '', 'yes', 'no', 'nonsense'];
			const answer =
				q.type === 'select_multiple'
					? fc.oneof(fc.subarray(choices), fc.constantFrom(...choices))
					: fc.constantFrom(...choices);
			return [q.name, fc.option(answer, { nil: undefined })];
		})
	),
	{ requiredKeys: [] }
);

/** Sorted, distinct page indexes such as `shownPages` returns. */
const shownArb = fc
	.uniqueArray(fc.nat(30), { maxLength: 12 })
	.map((xs) => [...xs].sort((a, b) => a - b));

// ---------------------------------------------------------------------------------------------

describe('shownQuestions', () => {
	const p = page('p', [
		question('a'),
		question('calc', 'calculate', { calculation: '1 + 1' }),
		question('info', 'note'),
		question('b'),
		question('c')
	]);

	it.each<[string, string[], string[]]>([
		[
			'all visible: calculations never show',
			['a', 'calc', 'info', 'b', 'c'],
			['a', 'info', 'b', 'c']
		],
		['some hidden', ['a', 'c'], ['a', 'c']],
		['nothing visible', [], []],
		['visible names of other pages do not count', ['elsewhere', 'b'], ['b']]
	])('%s', (_what, visible, expected) => {
		expect(names(shownQuestions(p, new Set(visible)))).toEqual(expected);
	});

	it('keeps page order whatever the order of the visible set', () => {
		fc.assert(
			fc.property(fc.shuffledSubarray(['a', 'calc', 'info', 'b', 'c']), (visible) => {
				const order = ['a', 'info', 'b', 'c'];
				expect(names(shownQuestions(p, new Set(visible)))).toEqual(
					order.filter((n) => visible.includes(n))
				);
			})
		);
	});
});

describe('shownPages', () => {
	it('shows every page of the demo survey before anything is answered', () => {
		expect(shownPages(DEMO_SURVEY, demoVisible({}))).toEqual([0, 1, 2, 3, 4, 5, 6]);
	});

	const x = instrument([
		page('start', [question('go', 'select_one')]),
		page('gated', [question('g1'), question('g2')], "${go} = 'yes'"),
		page('only_calc', [question('calc', 'calculate', { calculation: "'x'" })]),
		page('follow_up', [question('why', 'text', { relevant: "${go} = 'no'" })]),
		page('only_note', [question('bye', 'note')]),
		page('empty', [])
	]);

	it.each<[string, Answers, number[]]>([
		['nothing answered', {}, [0, 4]],
		['yes opens the gated page', { go: 'yes' }, [0, 1, 4]],
		['no reveals the follow-up page', { go: 'no' }, [0, 3, 4]],
		['prefer not to say opens neither', { go: PREFER_NOT_TO_SAY }, [0, 4]]
	])('%s: skips pages without a question a person sees', (_what, answers, expected) => {
		expect(shownPages(x, relevanceOf(x)(answers))).toEqual(expected);
	});

	it('lists, in order, exactly the pages with a shown question (property, demo survey)', () => {
		fc.assert(
			fc.property(demoAnswers, (answers) => {
				const visible = demoVisible(answers);
				const shown = shownPages(DEMO_SURVEY, visible);
				expect(shown).toEqual([...shown].sort((a, b) => a - b));
				DEMO_SURVEY.pages.forEach((p, i) => {
					expect(shown.includes(i)).toBe(shownQuestions(p, visible).length > 0);
				});
			})
		);
	});
});

describe('currentPage', () => {
	it.each<[number[], number, number | null]>([
		[[1, 3, 5], 0, 1],
		[[1, 3, 5], 1, 1],
		[[1, 3, 5], 2, 3],
		[[1, 3, 5], 5, 5],
		// An answer changed on an earlier page hid the saved page and all after it: the last
		// shown page, not nothing.
		[[1, 3, 5], 6, 5],
		[[1, 3, 5], 99, 5],
		[[0], 0, 0],
		[[], 0, null],
		[[], 4, null]
	])('shown %j, saved at %i → %s', (shown, saved, expected) => {
		expect(currentPage(shown, saved)).toBe(expected);
	});

	it('is the first shown page at or after the saved one, else the last (property)', () => {
		fc.assert(
			fc.property(shownArb, fc.nat(40), (shown, saved) => {
				const current = currentPage(shown, saved);
				const atOrAfter = shown.filter((i) => i >= saved);
				expect(current).toBe(atOrAfter[0] ?? shown.at(-1) ?? null);
				if (shown.length) expect(shown).toContain(current);
			})
		);
	});
});

describe('nextPage and previousPage', () => {
	it.each<[number[], number, number | null, number | null]>([
		[[0, 2, 5], 0, 2, null],
		[[0, 2, 5], 2, 5, 0],
		[[0, 2, 5], 5, null, 2],
		// From a page that no longer shows (an answer on it hid it).
		[[0, 2, 5], 3, 5, 2],
		[[0, 2, 5], 9, null, 5],
		[[4], 4, null, null],
		[[], 0, null, null]
	])('shown %j, at %i: next %s, back %s', (shown, at, next, back) => {
		expect(nextPage(shown, at)).toBe(next);
		expect(previousPage(shown, at)).toBe(back);
	});

	it('lead to the nearest shown page strictly after / before (property)', () => {
		fc.assert(
			fc.property(shownArb, fc.nat(40), (shown, at) => {
				const next = nextPage(shown, at);
				const back = previousPage(shown, at);
				const after = shown.filter((i) => i > at);
				const before = shown.filter((i) => i < at);
				if (next === null) expect(after).toEqual([]);
				else {
					expect(shown).toContain(next);
					expect(next).toBeGreaterThan(at);
					expect(after.every((i) => i >= next)).toBe(true);
				}
				if (back === null) expect(before).toEqual([]);
				else {
					expect(shown).toContain(back);
					expect(back).toBeLessThan(at);
					expect(before.every((i) => i <= back)).toBe(true);
				}
			})
		);
	});

	it('do not change the list they are given', () => {
		const shown = [0, 2, 5];
		previousPage(shown, 5);
		nextPage(shown, 0);
		expect(shown).toEqual([0, 2, 5]);
	});

	it('walk every shown page once, in order, forwards and back (property)', () => {
		fc.assert(
			fc.property(shownArb, (shown) => {
				if (!shown.length) return;
				const forwards: number[] = [];
				for (let p: number | null = shown[0]!; p !== null; p = nextPage(shown, p)) {
					forwards.push(p);
					if (forwards.length > shown.length) break;
				}
				expect(forwards).toEqual(shown);
				const backwards: number[] = [];
				for (let p: number | null = shown.at(-1)!; p !== null; p = previousPage(shown, p)) {
					backwards.push(p);
					if (backwards.length > shown.length) break;
				}
				expect(backwards).toEqual([...shown].reverse());
			})
		);
	});

	it('walk the demo survey page by page with "Page n of N" counting up (property)', () => {
		fc.assert(
			fc.property(demoAnswers, (answers) => {
				const shown = shownPages(DEMO_SURVEY, demoVisible(answers));
				let at = currentPage(shown, 0);
				const seen: { page: number; total: number }[] = [];
				while (at !== null && seen.length <= shown.length) {
					seen.push(progressOf(shown, at));
					at = nextPage(shown, at);
				}
				expect(seen).toEqual(shown.map((_, i) => ({ page: i + 1, total: shown.length })));
			})
		);
	});
});

describe('progressOf', () => {
	it.each<[number[], number, { page: number; total: number }]>([
		[[0, 2, 5], 0, { page: 1, total: 3 }],
		[[0, 2, 5], 2, { page: 2, total: 3 }],
		[[0, 2, 5], 5, { page: 3, total: 3 }],
		// Counting only shown pages: page 5 of the instrument is the third a person sees.
		[[1, 3, 5, 6], 5, { page: 3, total: 4 }],
		// Never "page 0" or "of 0".
		[[0, 2, 5], 3, { page: 1, total: 3 }],
		[[], 0, { page: 1, total: 1 }]
	])('shown %j, at %i → %j', (shown, at, expected) => {
		expect(progressOf(shown, at)).toEqual(expected);
	});

	it('says page 1..total, total counting the shown pages (property)', () => {
		fc.assert(
			fc.property(shownArb, fc.nat(40), (shown, at) => {
				const { page: n, total } = progressOf(shown, at);
				expect(total).toBe(Math.max(shown.length, 1));
				expect(n).toBeGreaterThanOrEqual(1);
				expect(n).toBeLessThanOrEqual(total);
				if (shown.includes(at)) expect(n).toBe(shown.indexOf(at) + 1);
			})
		);
	});
});

describe('readPage', () => {
	describe('on the demo survey', () => {
		it('reads the page’s own questions and nothing posted for other pages', () => {
			const raw = readPage(
				demoPage('experience'),
				form(
					'satisfaction=fairly_satisfied&support_received=housing&support_received=legal_help&consent=no&safety_check=no&nonsense=1'
				)
			);
			expect(raw).toEqual({
				satisfaction: 'fairly_satisfied',
				dissatisfaction_reasons: [],
				support_received: ['housing', 'legal_help']
			});
			expect(Object.keys(raw).sort()).toEqual([
				'dissatisfaction_reasons',
				'satisfaction',
				'support_received'
			]);
		});

		it('gives every answerable question a key (notes none), so an emptied page clears answers', () => {
			const raw = readPage(demoPage('about_you'), form(''));
			expect(Object.keys(raw).sort()).toEqual([
				'age_band',
				'exploitation_form',
				'gender',
				'months_since_support'
			]);
			expect(Object.values(raw).every((v) => v === undefined)).toBe(true);

			// Ticked before, unticked now: the earlier answer is gone once the page is posted.
			const before = { safety_check: 'yes', consent: 'yes', support_received: ['housing'] };
			const after = { ...before, ...readPage(demoPage('experience'), form('')) };
			expect(checkAnswers(DEMO_SURVEY, before).answers.support_received).toEqual(['housing']);
			expect(checkAnswers(DEMO_SURVEY, after).answers).not.toHaveProperty('support_received');
		});

		it.each<[string, string, string, unknown]>([
			['a single choice', 'experience', 'satisfaction=very_satisfied', 'very_satisfied'],
			[
				'prefer not to say wins over a choice sent with it',
				'experience',
				`satisfaction=very_satisfied&satisfaction=${PREFER_NOT_TO_SAY}`,
				PREFER_NOT_TO_SAY
			],
			[
				'prefer not to say sent first',
				'experience',
				`satisfaction=${PREFER_NOT_TO_SAY}&satisfaction=very_satisfied`,
				PREFER_NOT_TO_SAY
			],
			['of two values, the first', 'experience', 'satisfaction=a&satisfaction=b', 'a'],
			['a text, as typed', 'referral', 'problems_caused=%20two%0Alines%20', ' two\nlines '],
			['a scale', 'today', 'safety_today=7', '7'],
			['the safety check', 'safety', 'safety_check=no', 'no'],
			['consent', 'intro', 'consent=yes', 'yes']
		])('%s', (_what, pageName, query, expected) => {
			const p = demoPage(pageName);
			const raw = readPage(p, form(query));
			const name = query.split('=')[0]!;
			expect(raw[name]).toEqual(expected);
		});

		it('keeps all ticked boxes, and "prefer not to say" among them is what is stored', () => {
			const raw = readPage(
				demoPage('experience'),
				form(`support_received=housing&support_received=${PREFER_NOT_TO_SAY}`)
			);
			expect(raw.support_received).toEqual(['housing', PREFER_NOT_TO_SAY]);
			const { answers } = checkAnswers(DEMO_SURVEY, {
				safety_check: 'yes',
				consent: 'yes',
				...raw
			});
			expect(answers.support_received).toBe(PREFER_NOT_TO_SAY);
		});

		it('refuses "prefer not to say" on consent, where it is not offered', () => {
			const raw = readPage(demoPage('intro'), form(`consent=${PREFER_NOT_TO_SAY}`));
			expect(raw.consent).toBe(PREFER_NOT_TO_SAY);
			expect(checkAnswers(DEMO_SURVEY, { safety_check: 'yes', ...raw }).errors).toEqual([
				{ question: 'consent', code: 'invalidChoice' }
			]);
		});
	});

	describe('ranks', () => {
		const needs = ['housing', 'work', 'health', 'school'];
		const x = instrument(
			[
				page('p', [
					question('priorities', 'rank', { listName: 'needs' }),
					question('priorities2', 'rank', { listName: 'needs' }),
					question('calc', 'calculate', { calculation: "'x'" })
				])
			],
			[{ name: 'needs', choices: needs.map((name) => ({ name, label: { en: name } })) }]
		);
		const p = x.pages[0]!;
		const rank = (query: string) => readPage(p, form(query)).priorities;
		const rankErrors = (query: string) =>
			checkAnswers(x, readPage(p, form(query))).errors.filter((e) => e.question === 'priorities');

		it.each<[string, string, string[] | string]>([
			[
				'all ranked, posted in any order',
				'priorities.work=2&priorities.housing=3&priorities.health=1&priorities.school=4',
				['health', 'work', 'housing', 'school']
			],
			['some left blank', 'priorities.work=&priorities.health=1&priorities.school=%20', ['health']],
			['gaps between positions', 'priorities.school=9&priorities.work=4', ['work', 'school']],
			[
				'spaces around a position',
				'priorities.work=%202%20&priorities.health=1',
				['health', 'work']
			],
			['nothing ranked', '', []],
			[
				'another question’s ranks are not mixed in',
				'priorities2.work=1&prioritiesx.health=1&priorities.school=1',
				['school']
			],
			[
				'prefer not to say wins over positions',
				`priorities=${PREFER_NOT_TO_SAY}&priorities.work=1`,
				PREFER_NOT_TO_SAY
			]
		])('%s', (_what, query, expected) => {
			expect(rank(query)).toEqual(expected);
			expect(rankErrors(query)).toEqual([]);
		});

		it('keeps the ranks of each rank question apart', () => {
			const raw = readPage(p, form('priorities.work=1&priorities2.health=1&priorities2.work=2'));
			expect(raw).toEqual({ priorities: ['work'], priorities2: ['health', 'work'] });
		});

		it.each<[string, string]>([
			['two choices with the same rank', 'priorities.work=1&priorities.health=1'],
			['rank 0', 'priorities.work=0'],
			['a negative rank', 'priorities.work=-1'],
			['a fraction', 'priorities.work=1.5'],
			['letters', 'priorities.work=first'],
			['infinity', 'priorities.work=Infinity'],
			['a choice the list does not have', 'priorities.fishing=1'],
			['one choice ranked twice', 'priorities.work=1&priorities.work=2']
		])('refuses %s', (_what, query) => {
			expect(rankErrors(query)).toEqual([{ question: 'priorities', code: 'invalidChoice' }]);
			expect(checkAnswers(x, readPage(p, form(query))).answers).not.toHaveProperty('priorities');
		});

		it('orders any ranked choices by their distinct positions (property)', () => {
			const ranking = fc.shuffledSubarray(needs).chain((chosen) =>
				fc.tuple(
					fc.constant(chosen),
					fc.uniqueArray(fc.integer({ min: 1, max: 1000 }), {
						minLength: chosen.length,
						maxLength: chosen.length
					})
				)
			);
			fc.assert(
				fc.property(ranking, ([chosen, positions]) => {
					const posted = new URLSearchParams(
						chosen.map((c, i) => [`priorities.${c}`, String(positions[i])])
					);
					const expected = chosen
						.map((c, i) => [positions[i]!, c] as const)
						.sort((a, b) => a[0] - b[0])
						.map(([, c]) => c);
					const raw = readPage(p, posted);
					expect(raw.priorities).toEqual(expected);
					const checked = checkAnswers(x, raw);
					expect(checked.errors).toEqual([]);
					if (expected.length) expect(checked.answers.priorities).toEqual(expected);
				})
			);
		});

		it('refuses any ranking that gives two choices one position (property)', () => {
			fc.assert(
				fc.property(
					fc.shuffledSubarray(needs, { minLength: 2 }),
					fc.integer({ min: 1, max: 9 }),
					(chosen, same) => {
						const posted = new URLSearchParams(
							chosen.map((c, i) => [`priorities.${c}`, String(i < 2 ? same : same + i + 10)])
						);
						expect(checkAnswers(x, readPage(p, posted)).errors).toEqual([
							{ question: 'priorities', code: 'invalidChoice' }
						]);
					}
				)
			);
		});
	});
});

describe('endingOf', () => {
	const starter = starterInstrument('t');
	const [safety, intro] = starter.pages as [Page, Page];
	const both = page('both', [...safety.questions, ...intro.questions]);
	const other = page('other', [question('happy', 'select_one', { listName: 'yesno' })]);

	it.each<[string, Page, Answers, string | null]>([
		['"Not now" on the safety check', safety, { safety_check: 'no' }, 'notNow'],
		['a safe time', safety, { safety_check: 'yes' }, null],
		['the safety check not answered', safety, {}, null],
		['declined consent', intro, { safety_check: 'yes', consent: 'no' }, 'declined'],
		['consent given', intro, { safety_check: 'yes', consent: 'yes' }, null],
		['consent: prefer not to say is not a refusal', intro, { consent: PREFER_NOT_TO_SAY }, null],
		['a "no" to an ordinary question', other, { happy: 'no' }, null],
		['a "no" on another page does not end this one', intro, { safety_check: 'no' }, null],
		[
			'both on one page: the safety check comes first',
			both,
			{ safety_check: 'no', consent: 'no' },
			'notNow'
		],
		['both on one page: consent declined', both, { safety_check: 'yes', consent: 'no' }, 'declined']
	])('%s', (_what, p, answers, expected) => {
		expect(endingOf(p, answers)).toBe(expected);
	});
});

describe('revealedQuestions', () => {
	const experience = demoPage('experience');
	const onPage = new Set(names(experience.questions));

	it('names the follow-up a negative answer revealed on the same page', () => {
		const seen = new Set(['satisfaction', 'support_received']);
		expect(
			revealedQuestions(experience, demoVisible({ satisfaction: 'not_very_satisfied' }), seen)
		).toEqual(['dissatisfaction_reasons']);
		expect(
			revealedQuestions(experience, demoVisible({ satisfaction: 'very_satisfied' }), seen)
		).toEqual([]);
		// Already on the page the person saw: nothing new to point out.
		expect(
			revealedQuestions(experience, demoVisible({ satisfaction: 'not_very_satisfied' }), onPage)
		).toEqual([]);
	});

	it('never names notes or calculations', () => {
		const about = demoPage('about_you');
		expect(revealedQuestions(about, demoVisible({}), new Set())).toEqual([
			'age_band',
			'gender',
			'exploitation_form',
			'months_since_support'
		]);
		const withCalc = page('c', [question('calc', 'calculate'), question('t')]);
		expect(revealedQuestions(withCalc, new Set(['calc', 't']), new Set())).toEqual(['t']);
	});

	it('names only shown, unseen, answerable questions of the page (property)', () => {
		fc.assert(
			fc.property(
				demoAnswers,
				fc.subarray(allQuestions(DEMO_SURVEY).map((q) => q.name)),
				(a, s) => {
					const visible = demoVisible(a);
					const seen = new Set(s);
					for (const p of DEMO_SURVEY.pages) {
						const revealed = revealedQuestions(p, visible, seen);
						const shown = names(shownQuestions(p, visible));
						expect(revealed).toEqual(
							p.questions
								.filter((q) => q.type !== 'note' && shown.includes(q.name) && !seen.has(q.name))
								.map((q) => q.name)
						);
					}
				}
			)
		);
	});
});

// ---------------------------------------------------------------------------------------------

/** Every piece of text a person could read: labels, hints, messages, titles, language names. */
const TEXT_KEYS = new Set([
	'label',
	'hint',
	'requiredMessage',
	'constraintMessage',
	'startLabel',
	'endLabel',
	'title'
]);
function textsOf(x: Instrument): string[] {
	const out: string[] = x.languages.map((l) => l.name);
	const walk = (value: unknown, key?: string) => {
		if (Array.isArray(value)) value.forEach((v) => walk(v));
		else if (value && typeof value === 'object') {
			if (key && TEXT_KEYS.has(key)) out.push(...Object.values(value as Text));
			else for (const [k, v] of Object.entries(value)) walk(v, k);
		}
	};
	walk(x);
	return out.filter(Boolean);
}

/** Every string anywhere in a JSON value, keys included. */
function stringsOf(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap(stringsOf);
	if (value && typeof value === 'object')
		return Object.entries(value).flatMap(([k, v]) => [k, ...stringsOf(v)]);
	return [];
}

const place = (name: string, region: string): Choice => ({
	name,
	label: { en: `Town ${name}`, ar: `بلدة ${name}` },
	extra: { region }
});

/** Cascading selects, a gated page and texts of every kind. */
const cascade: Instrument = {
	formId: 'cascade',
	languages: [
		{ code: 'en', name: 'English', dir: 'ltr' },
		{ code: 'ar', name: 'العربية', dir: 'rtl' }
	],
	defaultLanguage: 'en',
	title: { en: 'Quick questions', ar: 'أسئلة سريعة' },
	settingsExtra: { style: 'pages' },
	choiceLists: [
		{
			name: 'regions',
			choices: [
				{ name: 'north', label: { en: 'The North', ar: 'الشمال' } },
				{ name: 'south', label: { en: 'The South', ar: 'الجنوب' } }
			]
		},
		{ name: 'towns', choices: [place('a', 'north'), place('b', 'north'), place('c', 'south')] },
		{ name: 'unused', choices: [{ name: 'z', label: { en: 'Never filtered list' } }] }
	],
	pages: [
		{
			id: 'p1',
			name: 'where',
			label: { en: 'Where you live' },
			questions: [
				question('region', 'select_one', {
					label: { en: 'Which region?', ar: 'أي منطقة؟' },
					hint: { en: 'Pick the closest one' },
					listName: 'regions',
					required: true,
					requiredMessage: { en: 'Please pick a region' }
				}),
				question('town', 'select_one', {
					label: { en: 'Which town?' },
					listName: 'towns',
					choiceFilter: 'region = ${region}'
				}),
				question('doubled', 'calculate', { calculation: '2 * 2', label: {} })
			]
		},
		{
			id: 'p2',
			name: 'more',
			label: { en: 'A little more' },
			relevant: "${region} = 'north'",
			appearance: 'field-list',
			questions: [
				question('score', 'range', {
					label: { en: 'How was it?' },
					range: {
						start: 0,
						end: 5,
						step: 1,
						startLabel: { en: 'Very badly' },
						endLabel: { en: 'Very well' }
					}
				}),
				question('count', 'integer', {
					label: { en: 'How many times?' },
					constraint: '. >= 0',
					constraintMessage: { en: 'Not below zero' },
					relevant: '${score} > 2',
					extra: { 'media::image': 'picture.png' }
				})
			]
		}
	]
};

const DEMO_TEXTS = textsOf(DEMO_SURVEY);

describe('logicOnly', () => {
	it.each<[string, Instrument]>([
		['the demo survey', DEMO_SURVEY],
		['a cascading survey', cascade],
		['a starter survey', starterInstrument('s', ['en', 'fr'])]
	])('sends no text of %s, in any language', (_what, x) => {
		const texts = textsOf(x);
		expect(texts.length).toBeGreaterThan(3);
		const logic = logicOnly(x);
		const strings = stringsOf(JSON.parse(JSON.stringify(logic)));
		const json = JSON.stringify(logic);
		for (const text of texts) {
			expect(strings).not.toContain(text);
			// Short words ("No") may sit inside a key such as preferNotToSay; longer ones may not.
			if (text.length >= 4) expect(json).not.toContain(text);
		}
	});

	it('keeps every expression, name and type of the demo survey', () => {
		const logic = logicOnly(DEMO_SURVEY);
		expect(logic.formId).toBe(DEMO_SURVEY.formId);
		expect(logic.defaultLanguage).toBe('en');
		expect(logic.pages.map((p) => p.name)).toEqual(DEMO_SURVEY.pages.map((p) => p.name));
		const pick = (q: Question) => [
			q.id,
			q.name,
			q.type,
			q.relevant,
			q.choiceFilter,
			q.preferNotToSay
		];
		expect(allQuestions(logic).map(pick)).toEqual(allQuestions(DEMO_SURVEY).map(pick));
		expect(allQuestions(logic).find((q) => q.name === 'referral_helped')?.relevant).toBe(
			"${was_referred} = 'yes'"
		);
		// No choice filter in the demo: no choice list is needed.
		expect(logic.choiceLists).toEqual([]);
	});

	it('keeps what choice filters need: the filtered lists, their names and columns', () => {
		const logic = logicOnly(cascade);
		expect(logic.pages[1]!.relevant).toBe("${region} = 'north'");
		const town = logic.pages[0]!.questions[1]!;
		expect(town).toMatchObject({ choiceFilter: 'region = ${region}', listName: 'towns' });
		expect(logic.choiceLists).toEqual([
			{
				name: 'towns',
				choices: [
					{ name: 'a', label: {}, extra: { region: 'north' } },
					{ name: 'b', label: {}, extra: { region: 'north' } },
					{ name: 'c', label: {}, extra: { region: 'south' } }
				]
			}
		]);
		for (const region of ['north', 'south', PREFER_NOT_TO_SAY, undefined]) {
			const answers = { region };
			const offered = (x: Instrument) =>
				visibleChoices(x.pages[0]!.questions[1]!, x, answers).map((c) => c.name);
			expect(offered(logic)).toEqual(offered(cascade));
		}
		expect(visibleChoices(town, logic, { region: 'north' }).map((c) => c.name)).toEqual(['a', 'b']);
	});

	it('shows the same questions as the full demo survey for any answers (property)', () => {
		const full = relevanceOf(DEMO_SURVEY);
		const logic = relevanceOf(logicOnly(DEMO_SURVEY));
		fc.assert(
			fc.property(demoAnswers, (answers) => {
				expect([...logic(answers)].sort()).toEqual([...full(answers)].sort());
			})
		);
	});

	it('leaves the instrument it was given untouched', () => {
		const copy = structuredClone(DEMO_SURVEY);
		logicOnly(DEMO_SURVEY);
		expect(DEMO_SURVEY).toEqual(copy);
		expect(textsOf(DEMO_SURVEY)).toEqual(DEMO_TEXTS);
	});

	describe('on any instrument (properties)', () => {
		// Every text carries a mark that no name, expression or column value has.
		const MARK = '¤';
		const text = fc.dictionary(
			fc.constantFrom('en', 'fr', 'ar'),
			fc.string().map((s) => MARK + s),
			{ minKeys: 1 }
		);
		const ref = fc.nat(11).map((n) => `\${q${n}}`);
		const value = fc.constantFrom('a', 'b', 'c');
		const expression = fc.oneof(
			fc.tuple(ref, value).map(([r, v]) => `${r} = '${v}'`),
			fc.tuple(ref, value).map(([r, v]) => `selected(${r}, '${v}')`),
			ref.map((r) => `${r} != ''`),
			fc.constant('${q0} = ')
		);
		const filter = fc.oneof(
			ref.map((r) => `group = ${r}`),
			value.map((v) => `name != '${v}'`),
			fc.constant("group = 'x' or name = 'a'")
		);
		const questionArb = fc.record(
			{
				type: fc.constantFrom(...QUESTION_TYPES),
				label: text,
				hint: text,
				requiredMessage: text,
				constraintMessage: text,
				constraint: fc.constant('. != 0'),
				calculation: fc.constant("concat('a', 'b')"),
				relevant: expression,
				choiceFilter: filter,
				listName: fc.constantFrom('l1', 'l2', 'l3'),
				range: fc.record({ startLabel: text, endLabel: text }),
				preferNotToSay: fc.boolean()
			},
			{ requiredKeys: ['type', 'label', 'preferNotToSay'] }
		);
		const instrumentArb: fc.Arbitrary<Instrument> = fc
			.record({
				title: text,
				languageNames: fc.array(text, { minLength: 1, maxLength: 3 }),
				pages: fc.array(
					fc.record(
						{
							label: text,
							relevant: expression,
							questions: fc.array(questionArb, { minLength: 1, maxLength: 4 })
						},
						{ requiredKeys: ['label', 'questions'] }
					),
					{ minLength: 1, maxLength: 3 }
				),
				lists: fc.array(
					fc.array(fc.record({ label: text, group: fc.constantFrom('x', 'y') }), {
						minLength: 3,
						maxLength: 3
					}),
					{ minLength: 3, maxLength: 3 }
				)
			})
			.map(({ title, languageNames, pages, lists }) => {
				let n = 0;
				return {
					formId: 'random',
					languages: languageNames.map((name, i) => ({
						code: ['en', 'fr', 'ar'][i]!,
						name: Object.values(name)[0]!,
						dir: 'ltr' as const
					})),
					defaultLanguage: 'en',
					title,
					choiceLists: lists.map((choices, l) => ({
						name: `l${l + 1}`,
						choices: choices.map((c, i) => ({
							name: 'abc'[i]!,
							label: c.label,
							extra: { group: c.group }
						}))
					})),
					pages: pages.map((p, i) => ({
						id: `p${i}`,
						name: `page${i}`,
						...p,
						questions: p.questions.map(({ range, ...q }) => {
							const name = `q${n++}`;
							return {
								id: `id_${name}`,
								name,
								...q,
								...(range ? { range: { start: 0, end: 5, step: 1, ...range } } : {})
							};
						})
					}))
				};
			});
		const answersArb = fc.dictionary(
			fc.nat(11).map((n) => `q${n}`),
			fc.oneof(
				fc.constantFrom('a', 'b', 'c', 'x', PREFER_NOT_TO_SAY, ''),
				fc.subarray(['a', 'b', 'c', PREFER_NOT_TO_SAY])
			)
		);

		it('contains no text at all', () => {
			fc.assert(
				fc.property(instrumentArb, (x) => {
					expect(JSON.stringify(x)).toContain(MARK);
					expect(JSON.stringify(logicOnly(x))).not.toContain(MARK);
				})
			);
		});

		it('keeps every relevant and choice filter where it was', () => {
			fc.assert(
				fc.property(instrumentArb, (x) => {
					const logic = logicOnly(x);
					expect(logic.pages.map((p) => [p.id, p.name, p.relevant])).toEqual(
						x.pages.map((p) => [p.id, p.name, p.relevant])
					);
					const pick = (q: Question) => [
						q.id,
						q.name,
						q.type,
						q.relevant,
						q.choiceFilter,
						q.preferNotToSay
					];
					expect(allQuestions(logic).map(pick)).toEqual(allQuestions(x).map(pick));
					for (const q of allQuestions(logic)) {
						if (!q.choiceFilter || !q.listName) continue;
						const list = logic.choiceLists.find((l) => l.name === q.listName);
						expect(list?.choices.map((c) => [c.name, c.extra])).toEqual(
							x.choiceLists
								.find((l) => l.name === q.listName)!
								.choices.map((c) => [c.name, c.extra])
						);
					}
				})
			);
		});

		it('shows the same questions and offers the same choices for any answers', () => {
			fc.assert(
				fc.property(instrumentArb, answersArb, (x, answers) => {
					const logic = logicOnly(x);
					expect([...relevanceOf(logic)(answers)].sort()).toEqual(
						[...relevanceOf(x)(answers)].sort()
					);
					const full = allQuestions(x);
					allQuestions(logic).forEach((q, i) => {
						if (!q.choiceFilter) return;
						expect(visibleChoices(q, logic, answers).map((c) => c.name)).toEqual(
							visibleChoices(full[i]!, x, answers).map((c) => c.name)
						);
					});
				})
			);
		});

		it('is the same when applied twice', () => {
			fc.assert(
				fc.property(instrumentArb, (x) => {
					expect(JSON.stringify(logicOnly(logicOnly(x)))).toBe(JSON.stringify(logicOnly(x)));
				})
			);
		});
	});
});

describe('pageInstrument', () => {
	it('keeps one page in one language, falling back to the default, with only its lists', () => {
		const index = DEMO_SURVEY.pages.findIndex((p) => p.name === 'experience');
		const one = pageInstrument(DEMO_SURVEY, index, 'ar');
		expect(one.pages).toHaveLength(1);
		expect(one.pages[0]!.questions.map((q) => q.name)).toEqual(
			DEMO_SURVEY.pages[index]!.questions.map((q) => q.name)
		);
		const used = new Set(DEMO_SURVEY.pages[index]!.questions.map((q) => q.listName));
		expect(one.choiceLists.map((l) => l.name).sort()).toEqual(
			DEMO_SURVEY.choiceLists
				.filter((l) => used.has(l.name))
				.map((l) => l.name)
				.sort()
		);
		const texts = JSON.stringify(one);
		expect(texts).toContain(DEMO_SURVEY.pages[index]!.questions[0]!.label.ar);
		expect(texts).not.toContain(DEMO_SURVEY.pages[index]!.questions[0]!.label.en);
		// A language the survey lacks reads the default language's text.
		const fallback = pageInstrument(DEMO_SURVEY, index, 'sw');
		expect(fallback.pages[0]!.questions[0]!.label).toEqual({
			sw: DEMO_SURVEY.pages[index]!.questions[0]!.label.en
		});
	});
});
