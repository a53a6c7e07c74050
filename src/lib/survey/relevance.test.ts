import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PREFER_NOT_TO_SAY } from './chrome';
import { allQuestions, type Instrument, type Page, type Question } from './model';
import { expressionValue, relevanceOf, type Answers } from './relevance';

function question(name: string, relevant?: string, more: Partial<Question> = {}): Question {
	return {
		id: `id_${name}`,
		type: 'text',
		name,
		label: { en: name },
		preferNotToSay: true,
		...(relevant === undefined ? {} : { relevant }),
		...more
	};
}

function page(name: string, questions: Question[], relevant?: string): Page {
	return { id: `p_${name}`, name, label: {}, questions, ...(relevant ? { relevant } : {}) };
}

function instrument(pages: Page[]): Instrument {
	return {
		formId: 'relevance_test',
		languages: [{ code: 'en', name: 'English', dir: 'ltr' }],
		defaultLanguage: 'en',
		title: { en: 'T' },
		choiceLists: [],
		pages
	};
}

/** The programme-feedback shape: consent gates a page; follow-ups depend on earlier answers. */
const survey = instrument([
	page('start', [question('consent')]),
	page(
		'support',
		[
			question('helped'),
			question('why_not', "${helped} = 'no'"),
			question('services', "${helped} = 'yes'", { type: 'select_multiple' }),
			question('shelter_stay', "selected(${services}, 'shelter')"),
			question('age'),
			question('adult_only', '${age} >= 18')
		],
		"${consent} = 'yes'"
	),
	page('about', [question('gender'), question('gender_other', "${gender} = 'other'")])
]);

const visible = (answers: Answers) => [...relevanceOf(survey)(answers)].sort();
const ALWAYS = ['consent', 'gender'];

describe('relevanceOf', () => {
	it.each<[string, Answers, string[]]>([
		['nothing answered yet', {}, ALWAYS],
		[
			'consent refused: the whole page stays hidden',
			{ consent: 'no', helped: 'yes', age: '30' },
			ALWAYS
		],
		['consent given', { consent: 'yes' }, [...ALWAYS, 'age', 'helped']],
		['not helped', { consent: 'yes', helped: 'no' }, [...ALWAYS, 'age', 'helped', 'why_not']],
		['helped', { consent: 'yes', helped: 'yes' }, [...ALWAYS, 'age', 'helped', 'services']],
		[
			'helped with a shelter',
			{ consent: 'yes', helped: 'yes', services: ['food', 'shelter'] },
			[...ALWAYS, 'age', 'helped', 'services', 'shelter_stay']
		],
		[
			'helped without a shelter',
			{ consent: 'yes', helped: 'yes', services: ['food'] },
			[...ALWAYS, 'age', 'helped', 'services']
		],
		['an adult', { consent: 'yes', age: '18' }, [...ALWAYS, 'adult_only', 'age', 'helped']],
		['a minor', { consent: 'yes', age: '17' }, [...ALWAYS, 'age', 'helped']],
		['another gender', { gender: 'other' }, [...ALWAYS, 'gender_other']]
	])('%s', (_what, answers, expected) => {
		expect(visible(answers)).toEqual([...expected].sort());
	});

	describe('counts "prefer not to say" as unanswered', () => {
		const pnts = instrument([
			page('p', [
				question('q'),
				question('answered', "${q} != ''"),
				question('skipped', "${q} = ''"),
				question('multi', undefined, { type: 'select_multiple' }),
				question('picked_a', "selected(${multi}, 'a')"),
				question('picked_any', 'count-selected(${multi}) > 0'),
				question('pnts_text', `\${q} = '${PREFER_NOT_TO_SAY}'`)
			])
		]);
		const shown = (answers: Answers) =>
			[...relevanceOf(pnts)(answers)].filter((n) => !['q', 'multi'].includes(n)).sort();

		it.each<[string, Answers, string[]]>([
			['an answer', { q: 'x' }, ['answered']],
			['prefer not to say', { q: PREFER_NOT_TO_SAY }, ['skipped']],
			['no answer', {}, ['skipped']],
			['an empty answer', { q: '' }, ['skipped']],
			['choices with prefer not to say alone', { multi: [PREFER_NOT_TO_SAY] }, ['skipped']],
			['choices with a real one', { multi: ['a'] }, ['picked_a', 'picked_any', 'skipped']],
			[
				'choices mixed with prefer not to say',
				{ multi: ['a', PREFER_NOT_TO_SAY] },
				['picked_a', 'picked_any', 'skipped']
			]
		])('%s', (_what, answers, expected) => {
			expect(shown(answers)).toEqual(expected);
		});
	});

	it('hides every question of a hidden page, even those with their own relevant true', () => {
		const x = instrument([
			page('gate', [question('go')]),
			page(
				'inner',
				[question('a'), question('b', 'true()'), question('c', "${go} = 'yes'")],
				"${go} = 'yes'"
			)
		]);
		expect([...relevanceOf(x)({ go: 'no' })]).toEqual(['go']);
		expect([...relevanceOf(x)({ go: 'yes' })].sort()).toEqual(['a', 'b', 'c', 'go']);
	});

	it('reads references to unknown names as unanswered', () => {
		const x = instrument([page('p', [question('a', "${ghost} = ''"), question('b', '${ghost}')])]);
		expect([...relevanceOf(x)({ ghost: 'boo' })]).toEqual(['a']);
	});

	it('shows a question whose relevant does not parse (validation reports it, the respondent is not stuck)', () => {
		const x = instrument([page('p', [question('a', '${b} = = 1'), question('b')])]);
		expect([...relevanceOf(x)({})].sort()).toEqual(['a', 'b']);
	});

	it('gives each call its own answers (one compiled instrument, many respondents)', () => {
		const check = relevanceOf(survey);
		const first = check({ consent: 'yes', helped: 'no' });
		const second = check({ consent: 'yes', helped: 'yes' });
		const third = check({ consent: 'yes', helped: 'no' });
		expect(first.has('why_not')).toBe(true);
		expect(second.has('why_not')).toBe(false);
		expect(second.has('services')).toBe(true);
		expect([...third].sort()).toEqual([...first].sort());
	});
});

describe('expressionValue', () => {
	it.each<[string, string | string[] | undefined, unknown]>([
		['no answer', undefined, ''],
		['prefer not to say', PREFER_NOT_TO_SAY, ''],
		['a text', 'hello', 'hello'],
		['an empty text', '', ''],
		['choices', ['a', 'b'], ['a', 'b']],
		['choices with prefer not to say', ['a', PREFER_NOT_TO_SAY], ['a']],
		['only prefer not to say', [PREFER_NOT_TO_SAY], []]
	])('%s', (_what, answer, expected) => {
		expect(expressionValue(answer)).toEqual(expected);
	});
});

// ---------------------------------------------------------------------------------------------
// Properties

/** Pages of questions `q<n>`; some relevant on an earlier answer, some pages gated too. */
const arbitrarySurvey = fc
	.array(
		fc.record({
			gated: fc.boolean(),
			questions: fc.array(fc.constantFrom('always', 'onYes', 'onNo', 'onAnswered'), {
				maxLength: 4
			})
		}),
		{ minLength: 1, maxLength: 5 }
	)
	.map((pages) => {
		let n = 0;
		return instrument(
			pages.map((p, i) =>
				page(
					`page${i}`,
					p.questions.map((kind) => {
						const name = `q${n}`;
						const prev = n > 0 ? `\${q${n - 1}}` : "''";
						n++;
						if (kind === 'onYes') return question(name, `${prev} = 'yes'`);
						if (kind === 'onNo') return question(name, `${prev} = 'no'`);
						if (kind === 'onAnswered') return question(name, `${prev} != ''`);
						return question(name);
					}),
					p.gated && i > 0 ? "${q0} = 'yes'" : undefined
				)
			)
		);
	});

const arbitraryAnswers = (x: Instrument) =>
	fc.record(
		Object.fromEntries(
			allQuestions(x).map((q) => [
				q.name,
				fc.constantFrom<string | undefined>('yes', 'no', PREFER_NOT_TO_SAY, '', undefined)
			])
		),
		{ requiredKeys: [] }
	) as fc.Arbitrary<Answers>;

describe('properties of relevanceOf', () => {
	it('shows ungated questions without relevant, never shows a hidden page, never invents names', () => {
		fc.assert(
			fc.property(
				arbitrarySurvey.chain((x) => fc.tuple(fc.constant(x), arbitraryAnswers(x))),
				([x, answers]) => {
					const shown = relevanceOf(x)(answers);
					const names = new Set(allQuestions(x).map((q) => q.name));
					for (const name of shown) expect(names.has(name)).toBe(true);
					const pageOfQ0 = x.pages.findIndex((p) => p.questions.some((q) => q.name === 'q0'));
					for (const [index, p] of x.pages.entries()) {
						// q0 counts only while it is shown; once hidden on an earlier page its answer
						// is ignored (on the same page it has not been decided yet, so it counts).
						const q0Counts = index <= pageOfQ0 || shown.has('q0');
						const open = !p.relevant || (q0Counts && answers.q0 === 'yes');
						for (const q of p.questions) {
							if (!open) expect(shown.has(q.name), q.name).toBe(false);
							else if (!q.relevant) expect(shown.has(q.name), q.name).toBe(true);
						}
					}
				}
			)
		);
	});

	it('treats "prefer not to say" exactly like no answer', () => {
		fc.assert(
			fc.property(
				arbitrarySurvey.chain((x) => fc.tuple(fc.constant(x), arbitraryAnswers(x))),
				([x, answers]) => {
					const blanked = Object.fromEntries(
						Object.entries(answers).map(([k, v]) => [k, v === PREFER_NOT_TO_SAY ? undefined : v])
					);
					const check = relevanceOf(x);
					expect([...check(answers)].sort()).toEqual([...check(blanked)].sort());
				}
			)
		);
	});
});

describe('answers of hidden questions', () => {
	it('do not reveal later questions once their own question is hidden again', () => {
		const instrument = {
			formId: 'cascade',
			languages: [{ code: 'en', name: 'English', dir: 'ltr' as const }],
			defaultLanguage: 'en',
			title: { en: 'T' },
			choiceLists: [],
			pages: [
				{
					id: 'p',
					name: 'p',
					label: {},
					questions: [
						{ id: 'a', type: 'text' as const, name: 'a', label: { en: 'A' }, preferNotToSay: true },
						{
							id: 'b',
							type: 'text' as const,
							name: 'b',
							label: { en: 'B' },
							relevant: "${a} = 'x'",
							preferNotToSay: true
						},
						{
							id: 'c',
							type: 'text' as const,
							name: 'c',
							label: { en: 'C' },
							relevant: "${b} = 'y'",
							preferNotToSay: true
						}
					]
				}
			]
		};
		const visible = relevanceOf(instrument);
		expect([...visible({ a: 'x', b: 'y' })]).toEqual(['a', 'b', 'c']);
		// `a` changed: `b` hides, and its stale answer no longer shows `c`.
		expect([...visible({ a: 'z', b: 'y' })]).toEqual(['a']);
	});
});
