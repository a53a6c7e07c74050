import { describe, expect, it } from 'vitest';
import {
	addFromLibrarySchema,
	addIndicatorSchema,
	checkBinding,
	type CandidateSurvey,
	addNodeSchema,
	bindingSchema,
	definitionSchema,
	deleteNodeSchema,
	importLogframeSchema,
	libraryFilterSchema,
	manualValuesSchema,
	MAX_DISAGGREGATIONS,
	moveNodeSchema,
	QUESTIONS_FOR_KIND
} from './logframe';
import { INDICATOR_KINDS, type IndicatorRule } from '../programmes/model';

const ID = '3f2b8c9e-1d4a-4b6f-9a7c-2e5d8f1b3a6c';
const OTHER = '9d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';

/** The first message per field, as parseForm collects them. */
function errorsOf(result: {
	success: boolean;
	error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
	const errors: Record<string, string> = {};
	for (const issue of result.error?.issues ?? [])
		errors[issue.path.join('.') || 'form'] ??= issue.message;
	return errors;
}

describe('node forms', () => {
	it('need a narrative and a real node id', () => {
		const refused = addNodeSchema.safeParse({
			parent: '00000000-0000-0000-0000-00000000000',
			narrative: '   '
		});
		expect(errorsOf(refused)).toEqual({
			parent: 'validation.invalid',
			narrative: 'validation.required'
		});
		expect(addNodeSchema.parse({ parent: ID, narrative: ' Survivors feel safe ' })).toEqual({
			parent: ID,
			code: '',
			narrative: 'Survivors feel safe',
			assumptions: ''
		});
	});

	it('limit the length of every text', () => {
		const result = addNodeSchema.safeParse({
			parent: ID,
			code: 'x'.repeat(21),
			narrative: 'x'.repeat(2001),
			assumptions: 'x'.repeat(2001)
		});
		expect(errorsOf(result)).toEqual({
			code: 'validation.tooLong',
			narrative: 'validation.tooLong',
			assumptions: 'validation.tooLong'
		});
	});

	it('move only up or down', () => {
		expect(moveNodeSchema.safeParse({ node: ID, direction: 'up' }).success).toBe(true);
		expect(moveNodeSchema.safeParse({ node: ID, direction: 'sideways' }).success).toBe(false);
	});

	it('delete and import only when the box is ticked', () => {
		expect(errorsOf(deleteNodeSchema.safeParse({ node: ID }))).toEqual({
			confirm: 'logframe.delete.confirmRequired'
		});
		expect(deleteNodeSchema.safeParse({ node: ID, confirm: 'yes' }).success).toBe(true);
		expect(errorsOf(importLogframeSchema.safeParse({}))).toEqual({
			confirm: 'logframe.import.confirmRequired'
		});
	});

	it('add an indicator of a known kind, direction and source', () => {
		const ok = { node: ID, code: 'OC1.3', statement: 'Mean score', kind: 'mean' };
		expect(
			addIndicatorSchema.safeParse({ ...ok, direction: 'increase', source: 'survey' }).success
		).toBe(true);
		expect(
			errorsOf(addIndicatorSchema.safeParse({ ...ok, kind: 'ratio', direction: 'up', source: 'x' }))
		).toEqual({
			kind: 'validation.invalid',
			direction: 'validation.invalid',
			source: 'validation.invalid'
		});
	});
});

describe('the definition form', () => {
	const schema = definitionSchema(['2025-Q1', '2025-Q2']);
	const base = { node: ID, code: 'OC1.1', statement: 'Mean safety', direction: 'increase' };

	it('reads numbers (a decimal comma too), dates and one milestone per period', () => {
		expect(
			schema.parse({
				...base,
				baselineValue: '5,2',
				baselineDate: '2025-01-15',
				target: '7',
				'milestone-2025-Q1': '6',
				'milestone-2025-Q2': '',
				'milestone-1999-Q9': '3'
			})
		).toEqual({
			nodeId: ID,
			code: 'OC1.1',
			statement: 'Mean safety',
			unit: '',
			direction: 'increase',
			baselineValue: 5.2,
			baselineDate: '2025-01-15',
			target: 7,
			meansOfVerification: '',
			milestones: { '2025-Q1': 6 }
		});
	});

	it('leaves empty numbers empty, not zero', () => {
		const parsed = schema.parse({ ...base, baselineValue: '', target: ' ' });
		expect([parsed.baselineValue, parsed.target, parsed.baselineDate]).toEqual([null, null, null]);
	});

	it('names the field of every mistake', () => {
		expect(
			errorsOf(
				schema.safeParse({
					...base,
					code: '',
					target: 'seven',
					baselineDate: '2025-02-30',
					'milestone-2025-Q2': '1e999'
				})
			)
		).toEqual({
			code: 'validation.required',
			target: 'indicator.errors.number',
			baselineDate: 'validation.date',
			'milestone-2025-Q2': 'indicator.errors.number'
		});
	});
});

describe('the binding form', () => {
	const survey = { source: 'survey', surveys: ID };

	it.each([
		[
			'percent in set',
			{ kind: 'percentInSet', question: 'satisfaction', choices: ['very', 'fairly'] },
			{ kind: 'percentInSet', question: 'satisfaction', choices: ['very', 'fairly'] }
		],
		[
			'percent selecting',
			{ kind: 'percentSelecting', question: 'support_received', choices: 'legal' },
			{ kind: 'percentSelecting', question: 'support_received', choice: 'legal' }
		],
		[
			'mean',
			{ kind: 'mean', question: 'safety_today' },
			{ kind: 'mean', question: 'safety_today' }
		],
		['median', { kind: 'median', question: 'age' }, { kind: 'median', question: 'age' }],
		['count of all', { kind: 'count', question: '' }, { kind: 'count' }],
		[
			'count where',
			{ kind: 'count', question: 'was_referred', choices: 'yes' },
			{ kind: 'count', where: { question: 'was_referred', choices: ['yes'] } }
		],
		[
			'scale score',
			{
				kind: 'scaleScore',
				items: ['a', 'b', 'c'],
				minAnswered: '2',
				rescaleMin: '1',
				rescaleMax: '5'
			},
			{
				kind: 'scaleScore',
				items: ['a', 'b', 'c'],
				minAnswered: 2,
				rescaleFrom: { min: 1, max: 5 }
			}
		],
		[
			'plain scale score',
			{ kind: 'scaleScore', items: ['a', 'b'] },
			{ kind: 'scaleScore', items: ['a', 'b'] }
		]
	])('builds the rule of a %s', (_, form, rule) => {
		const parsed = bindingSchema.parse({ ...survey, ...form });
		expect(parsed.rule).toEqual(rule);
		expect(parsed.surveyIds).toEqual([ID]);
		expect(parsed.kind).toBe(form.kind);
	});

	it.each([
		[
			'no survey',
			{ source: 'survey', kind: 'mean', question: 'x' },
			{ surveys: 'indicator.errors.noSurvey' }
		],
		['no question', { ...survey, kind: 'mean' }, { question: 'indicator.errors.noQuestion' }],
		[
			'no choice',
			{ ...survey, kind: 'percentInSet', question: 'satisfaction' },
			{ choices: 'indicator.errors.noChoices' }
		],
		[
			'two choices where one counts',
			{ ...survey, kind: 'percentSelecting', question: 'q', choices: ['a', 'b'] },
			{ choices: 'indicator.errors.oneChoice' }
		],
		[
			'a count condition without choices',
			{ ...survey, kind: 'count', question: 'was_referred' },
			{ choices: 'indicator.errors.noChoices' }
		],
		[
			'a one-item scale',
			{ ...survey, kind: 'scaleScore', items: 'a' },
			{ items: 'indicator.errors.fewItems' }
		],
		[
			'a scale with half a range',
			{ ...survey, kind: 'scaleScore', items: ['a', 'b'], rescaleMin: '1' },
			{ rescaleMax: 'indicator.errors.range' }
		],
		[
			'a scale with its range upside down',
			{ ...survey, kind: 'scaleScore', items: ['a', 'b'], rescaleMin: '5', rescaleMax: '1' },
			{ rescaleMax: 'indicator.errors.range' }
		],
		[
			'more items needed than the scale has',
			{ ...survey, kind: 'scaleScore', items: ['a', 'b'], minAnswered: '3' },
			{ minAnswered: 'validation.invalid' }
		],
		[
			'too many breakdowns',
			{
				...survey,
				kind: 'mean',
				question: 'q',
				disaggregations: Array.from({ length: MAX_DISAGGREGATIONS + 1 }, (_, i) => `d${i}`)
			},
			{ disaggregations: 'indicator.errors.tooManyBreakdowns' }
		],
		['an unknown kind', { ...survey, kind: 'ratio' }, { kind: 'validation.invalid' }]
	])('refuses %s', (_, form, errors) => {
		expect(errorsOf(bindingSchema.safeParse(form))).toEqual(errors);
	});

	it('keeps no surveys, rule or breakdowns for a manual indicator', () => {
		expect(
			bindingSchema.parse({
				source: 'manual',
				kind: 'count',
				surveys: ID,
				question: 'anything',
				disaggregations: 'gender'
			})
		).toEqual({ source: 'manual', kind: 'count', surveyIds: [], rule: null, disaggregations: [] });
	});

	it('keeps each survey and breakdown once', () => {
		const parsed = bindingSchema.parse({
			...survey,
			surveys: [ID, ID],
			kind: 'mean',
			question: 'q',
			disaggregations: ['gender', 'gender', 'channel']
		});
		expect([parsed.surveyIds, parsed.disaggregations]).toEqual([[ID], ['gender', 'channel']]);
	});

	it('offers questions of a type each kind can read', () => {
		for (const kind of INDICATOR_KINDS) expect(QUESTIONS_FOR_KIND[kind].length).toBeGreaterThan(0);
		expect(QUESTIONS_FOR_KIND.percentSelecting).toEqual(['select_multiple']);
		expect(QUESTIONS_FOR_KIND.mean).not.toContain('text');
	});
});

describe('the manual values form', () => {
	const schema = manualValuesSchema(['2025-Q1', '2025-Q2', '2025-Q3']);

	it('gives one row per period, an empty value clearing it', () => {
		expect(
			schema.parse({
				'value-2025-Q1': '12',
				'n-2025-Q1': '40',
				'note-2025-Q1': 'Training records',
				'value-2025-Q2': '',
				'value-2025-Q3': '0'
			})
		).toEqual([
			{ periodKey: '2025-Q1', value: 12, n: 40, note: 'Training records' },
			{ periodKey: '2025-Q2', value: null, n: null, note: '' },
			{ periodKey: '2025-Q3', value: 0, n: null, note: '' }
		]);
	});

	it('refuses people counted or a note without a value, and a count that is not whole', () => {
		expect(
			errorsOf(
				schema.safeParse({
					'n-2025-Q1': '5',
					'note-2025-Q2': 'Why empty?',
					'value-2025-Q3': '3',
					'n-2025-Q3': '2.5'
				})
			)
		).toEqual({
			'value-2025-Q1': 'indicator.errors.valueRequired',
			'value-2025-Q2': 'indicator.errors.valueRequired',
			'n-2025-Q3': 'indicator.errors.count'
		});
	});
});

describe('the library forms', () => {
	it('filter by known tags only, anything else reading as all', () => {
		expect(
			libraryFilterSchema.parse({ icat: 'livelihoods', criterion: 'impact', level: 'output' })
		).toEqual({ icat: 'livelihoods', criterion: 'impact', level: 'output' });
		expect(libraryFilterSchema.parse({ icat: 'piracy', criterion: '', level: 'goal' })).toEqual({
			icat: undefined,
			criterion: undefined,
			level: undefined
		});
	});

	it('add with a survey, or with none', () => {
		expect(addFromLibrarySchema.parse({ entry: 'x', node: ID, survey: ID }).survey).toBe(ID);
		expect(addFromLibrarySchema.parse({ entry: 'x', node: ID, survey: 'none' }).survey).toBe(null);
		expect(addFromLibrarySchema.parse({ entry: 'x', node: ID }).survey).toBe(null);
		expect(
			errorsOf(addFromLibrarySchema.safeParse({ entry: '', node: ID, survey: 'other' }))
		).toEqual({
			entry: 'validation.required',
			survey: 'validation.invalid'
		});
	});
});

describe('checkBinding', () => {
	const demo: CandidateSurvey = {
		id: ID,
		name: 'Feedback',
		version: 2,
		questions: [
			{
				name: 'satisfaction',
				label: 'Satisfied?',
				type: 'select_one',
				choices: [
					{ name: 'very', label: 'Very' },
					{ name: 'not', label: 'Not' }
				]
			},
			{ name: 'safety_today', label: 'Safe today?', type: 'range', choices: [] },
			{ name: 'story', label: 'Tell us', type: 'text', choices: [] },
			{
				name: 'gender',
				label: 'Gender',
				type: 'select_one',
				choices: [{ name: 'woman', label: 'Woman' }]
			},
			{
				name: 'support',
				label: 'Support',
				type: 'select_multiple',
				choices: [{ name: 'legal', label: 'Legal' }]
			}
		]
	};
	const bind = (
		rule: IndicatorRule,
		more: { surveyIds?: string[]; disaggregations?: string[] } = {}
	) => checkBinding({ surveyIds: [ID], disaggregations: [], rule, ...more }, [demo]);

	it('accepts questions, choices and breakdowns the published version has', () => {
		expect(
			bind({ kind: 'mean', question: 'safety_today' }, { disaggregations: ['gender', 'channel'] })
		).toEqual({});
		expect(bind({ kind: 'percentInSet', question: 'satisfaction', choices: ['very'] })).toEqual({});
		expect(bind({ kind: 'percentSelecting', question: 'support', choice: 'legal' })).toEqual({});
		expect(bind({ kind: 'count' })).toEqual({});
	});

	it.each([
		[
			'an unknown question',
			{ kind: 'mean', question: 'nowhere' },
			{ question: 'indicator.errors.unknownQuestion' }
		],
		[
			'a question of the wrong type',
			{ kind: 'mean', question: 'story' },
			{ question: 'indicator.errors.unknownQuestion' }
		],
		[
			'a single-select where a multi-select is needed',
			{ kind: 'percentSelecting', question: 'satisfaction', choice: 'very' },
			{ question: 'indicator.errors.unknownQuestion' }
		],
		[
			'an unknown choice',
			{ kind: 'percentInSet', question: 'satisfaction', choices: ['very', 'ecstatic'] },
			{ choices: 'indicator.errors.unknownChoice' }
		],
		[
			'an unknown count condition choice',
			{ kind: 'count', where: { question: 'gender', choices: ['man'] } },
			{ choices: 'indicator.errors.unknownChoice' }
		],
		[
			'a scale item that is not numeric',
			{ kind: 'scaleScore', items: ['safety_today', 'story'] },
			{ items: 'indicator.errors.unknownQuestion' }
		]
	] as [string, IndicatorRule, Record<string, string>][])('refuses %s', (_, rule, errors) => {
		expect(bind(rule)).toEqual(errors);
	});

	it('refuses a survey that is not published, and breakdowns that are not single-selects', () => {
		expect(bind({ kind: 'mean', question: 'safety_today' }, { surveyIds: [ID, OTHER] })).toEqual({
			surveys: 'indicator.errors.unpublished'
		});
		expect(
			bind({ kind: 'mean', question: 'safety_today' }, { disaggregations: ['support'] })
		).toEqual({ disaggregations: 'indicator.errors.unknownBreakdown' });
		// Questions of a survey that is not ticked do not count.
		expect(
			checkBinding(
				{ surveyIds: [], disaggregations: [], rule: { kind: 'mean', question: 'safety_today' } },
				[demo]
			)
		).toEqual({
			question: 'indicator.errors.unknownQuestion'
		});
	});

	it('has nothing to check on a manual indicator', () => {
		expect(checkBinding({ surveyIds: [], disaggregations: [], rule: null }, [])).toEqual({});
	});
});
