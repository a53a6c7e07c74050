import { z } from 'zod';
import {
	BUILT_IN_DISAGGREGATIONS,
	DAC_CRITERIA,
	DIRECTIONS,
	ICAT_ACTIVITY_TYPES,
	INDICATOR_KINDS,
	type IndicatorKind,
	type IndicatorRule
} from '../programmes/model';
import type { QuestionType } from '../survey/model';
import { uuid } from './fields';
import { indicatorRuleSchema } from './indicators';

/**
 * Forms of the logframe editor, the indicator page and the indicator library. Every message is
 * a translation key. Safe on the client: the indicator page filters questions with
 * `QUESTIONS_FOR_KIND` as the server checks them.
 */

export const MAX_CODE = 20;
export const MAX_NARRATIVE = 2000;
export const MAX_STATEMENT = 500;
export const MAX_UNIT = 40;
export const MAX_NOTE = 500;
/** The SQL computes at most this many breakdowns (indicators/sql.ts, MAX_DIMENSIONS). */
export const MAX_DISAGGREGATIONS = 6;
export const MAX_BOUND_SURVEYS = 10;

const optionalText = (max: number) => z.string().trim().max(max, 'validation.tooLong').default('');
const requiredText = (max: number) =>
	z.string().trim().min(1, 'validation.required').max(max, 'validation.tooLong');

/** A checkbox group or multi-select: absent means none, one value arrives as a string. */
const list = <T extends z.ZodType>(item: T, max: number, tooMany = 'validation.tooLong') =>
	z.preprocess(
		(v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
		z.array(item).max(max, tooMany)
	);

/** A number input: empty is null; a comma as decimal separator is read as a point. */
export const optionalNumber = z
	.string()
	.trim()
	.optional()
	.transform((v) => (v ?? '').replace(',', '.'))
	.refine((v) => v === '' || Number.isFinite(Number(v)), 'indicator.errors.number')
	.transform((v) => (v === '' ? null : Number(v)));

const optionalCount = z
	.string()
	.trim()
	.optional()
	.transform((v) => v ?? '')
	.refine((v) => v === '' || /^\d{1,9}$/.test(v), 'indicator.errors.count')
	.transform((v) => (v === '' ? null : Number(v)));

function isRealDay(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const day = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

const optionalDay = z
	.string()
	.trim()
	.optional()
	.transform((v) => v ?? '')
	.refine((v) => v === '' || isRealDay(v), 'validation.date')
	.transform((v) => v || null);

// ---------------------------------------------------------------------------------------------
// The logframe page

const nodeFields = {
	code: optionalText(MAX_CODE),
	narrative: requiredText(MAX_NARRATIVE),
	assumptions: optionalText(MAX_NARRATIVE)
};

export const addNodeSchema = z.object({ parent: uuid, ...nodeFields });
export const updateNodeSchema = z.object({ node: uuid, ...nodeFields });
export const moveNodeSchema = z.object({
	node: uuid,
	direction: z.enum(['up', 'down'], 'validation.invalid')
});
/** Deleting takes what is under the node with it, so the box must be ticked. */
export const deleteNodeSchema = z.object({
	node: uuid,
	confirm: z.literal('yes', 'logframe.delete.confirmRequired')
});

export const addIndicatorSchema = z.object({
	node: uuid,
	code: requiredText(MAX_CODE),
	statement: requiredText(MAX_STATEMENT),
	unit: optionalText(MAX_UNIT),
	kind: z.enum(INDICATOR_KINDS, 'validation.invalid'),
	direction: z.enum(DIRECTIONS, 'validation.invalid'),
	source: z.enum(['survey', 'manual'], 'validation.invalid')
});

/** An import replaces the whole logframe: the person says so. The file is checked apart. */
export const importLogframeSchema = z.object({
	confirm: z.literal('yes', 'logframe.import.confirmRequired')
});

// ---------------------------------------------------------------------------------------------
// The indicator page

/** The form field of a period's milestone. */
export const milestoneField = (periodKey: string) => `milestone-${periodKey}`;

/** The definition of an indicator, with one milestone field per reporting period. */
export function definitionSchema(periodKeys: readonly string[]) {
	const milestones = Object.fromEntries(periodKeys.map((k) => [milestoneField(k), optionalNumber]));
	return z
		.object({
			node: uuid,
			code: requiredText(MAX_CODE),
			statement: requiredText(MAX_STATEMENT),
			unit: optionalText(MAX_UNIT),
			direction: z.enum(DIRECTIONS, 'validation.invalid'),
			baselineValue: optionalNumber,
			baselineDate: optionalDay,
			target: optionalNumber,
			meansOfVerification: optionalText(MAX_NARRATIVE),
			...milestones
		})
		.transform((form) => {
			const record = form as Record<string, unknown>;
			const byPeriod: Record<string, number> = {};
			for (const key of periodKeys) {
				const value = record[milestoneField(key)];
				if (typeof value === 'number') byPeriod[key] = value;
			}
			return {
				nodeId: form.node,
				code: form.code,
				statement: form.statement,
				unit: form.unit,
				direction: form.direction,
				baselineValue: form.baselineValue,
				baselineDate: form.baselineDate,
				target: form.target,
				meansOfVerification: form.meansOfVerification,
				milestones: byPeriod
			};
		});
}

/** Question types whose answers each kind can read (the rule's question, or a count's condition). */
export const QUESTIONS_FOR_KIND: Record<IndicatorKind, readonly QuestionType[]> = {
	percentInSet: ['select_one', 'select_multiple'],
	percentSelecting: ['select_multiple'],
	mean: ['integer', 'decimal', 'range'],
	median: ['integer', 'decimal', 'range'],
	count: ['select_one', 'select_multiple'],
	scaleScore: ['integer', 'decimal', 'range']
};

/** Breakdowns read single-select questions, or the response's channel or language. */
export const BREAKDOWN_TYPES: readonly QuestionType[] = ['select_one'];

const name = z.string().trim().max(64, 'validation.tooLong');

/** The fields of the binding form, before they become a rule. */
const bindingFields = z.object({
	source: z.enum(['survey', 'manual'], 'validation.invalid'),
	kind: z.enum(INDICATOR_KINDS, 'validation.invalid'),
	surveys: list(uuid, MAX_BOUND_SURVEYS),
	question: name.default(''),
	choices: list(name, 50),
	items: list(name, 50),
	rescaleMin: optionalNumber,
	rescaleMax: optionalNumber,
	minAnswered: optionalCount,
	disaggregations: list(name, MAX_DISAGGREGATIONS, 'indicator.errors.tooManyBreakdowns')
});
export type BindingFields = z.output<typeof bindingFields>;

/** The rule the binding form describes (not yet checked against the rule schema). */
export function ruleFrom(form: BindingFields): unknown {
	const question = form.question;
	switch (form.kind) {
		case 'percentInSet':
			return { kind: 'percentInSet', question, choices: form.choices };
		case 'percentSelecting':
			return { kind: 'percentSelecting', question, choice: form.choices[0] ?? '' };
		case 'mean':
		case 'median':
			return { kind: form.kind, question };
		case 'count':
			return question
				? { kind: 'count', where: { question, choices: form.choices } }
				: { kind: 'count' };
		case 'scaleScore': {
			const { rescaleMin: min, rescaleMax: max } = form;
			return {
				kind: 'scaleScore',
				items: form.items,
				...(form.minAnswered !== null && { minAnswered: form.minAnswered }),
				...(min !== null || max !== null ? { rescaleFrom: { min, max } } : {})
			};
		}
		default:
			return form.kind satisfies never;
	}
}

/** Where a rule problem is shown: the form field it comes from. */
function fieldOf(path: readonly PropertyKey[]): string {
	const [first, second] = path;
	if (first === 'choice' || first === 'choices') return 'choices';
	if (first === 'where') return second === 'choices' ? 'choices' : 'question';
	if (first === 'items') return 'items';
	if (first === 'rescaleFrom') return 'rescaleMax';
	if (first === 'minAnswered') return 'minAnswered';
	return 'question';
}

/**
 * The binding: where the figure comes from and how. A survey indicator needs at least one
 * survey and a rule of its kind that `indicatorRuleSchema` accepts; a manual one keeps neither
 * (nor breakdowns, which manual values do not have). Whether the named questions and choices
 * exist is checked by the server against the surveys' published versions.
 */
export const bindingSchema = bindingFields
	.superRefine((form, ctx) => {
		if (form.source === 'manual') return;
		if (form.surveys.length === 0)
			ctx.addIssue({ code: 'custom', path: ['surveys'], message: 'indicator.errors.noSurvey' });
		if (form.kind === 'percentSelecting' && form.choices.length > 1)
			ctx.addIssue({ code: 'custom', path: ['choices'], message: 'indicator.errors.oneChoice' });
		if (form.kind === 'scaleScore' && form.items.length < 2)
			ctx.addIssue({ code: 'custom', path: ['items'], message: 'indicator.errors.fewItems' });
		const rule = indicatorRuleSchema.safeParse(ruleFrom(form));
		if (!rule.success)
			for (const issue of rule.error.issues) {
				const field = fieldOf(issue.path);
				const message =
					field === 'question' && !form.question
						? 'indicator.errors.noQuestion'
						: field === 'choices' && form.choices.length === 0
							? 'indicator.errors.noChoices'
							: field === 'rescaleMax'
								? 'indicator.errors.range'
								: 'validation.invalid';
				ctx.addIssue({ code: 'custom', path: [field], message });
			}
	})
	.transform((form) => ({
		source: form.source,
		kind: form.kind,
		surveyIds: form.source === 'manual' ? [] : [...new Set(form.surveys)],
		rule: form.source === 'manual' ? null : (ruleFrom(form) as IndicatorRule),
		disaggregations: form.source === 'manual' ? [] : [...new Set(form.disaggregations)]
	}));

/** The form fields of a period's manual value. */
export const manualFields = (periodKey: string) => ({
	value: `value-${periodKey}`,
	n: `n-${periodKey}`,
	note: `note-${periodKey}`
});

/** Manual values, one row per period: an empty value clears the period (n and note with it). */
export function manualValuesSchema(periodKeys: readonly string[]) {
	const shape: Record<string, z.ZodType> = {};
	for (const key of periodKeys) {
		const f = manualFields(key);
		shape[f.value] = optionalNumber;
		shape[f.n] = optionalCount;
		shape[f.note] = optionalText(MAX_NOTE);
	}
	return z
		.object(shape)
		.superRefine((form, ctx) => {
			for (const key of periodKeys) {
				const f = manualFields(key);
				if (form[f.value] === null && (form[f.n] !== null || form[f.note] !== ''))
					ctx.addIssue({
						code: 'custom',
						path: [f.value],
						message: 'indicator.errors.valueRequired'
					});
			}
		})
		.transform((form) =>
			periodKeys.map((periodKey) => {
				const f = manualFields(periodKey);
				return {
					periodKey,
					value: form[f.value] as number | null,
					n: form[f.n] as number | null,
					note: form[f.note] as string
				};
			})
		);
}

export const deleteIndicatorSchema = z.object({
	confirm: z.literal('yes', 'indicator.delete.confirmRequired')
});

// ---------------------------------------------------------------------------------------------
// The library page

/** The library's GET filter: anything unknown reads as "all". */
export const libraryFilterSchema = z.object({
	icat: z.enum(ICAT_ACTIVITY_TYPES).optional().catch(undefined),
	criterion: z.enum(DAC_CRITERIA).optional().catch(undefined),
	level: z.enum(['outcome', 'output']).optional().catch(undefined)
});

/** "Do not add a question": the indicator is added without a survey. */
export const NO_SURVEY = 'none';

export const addFromLibrarySchema = z.object({
	entry: z.string().trim().min(1, 'validation.required').max(80, 'validation.invalid'),
	node: uuid,
	survey: z
		.union([uuid, z.literal(NO_SURVEY)], 'validation.invalid')
		.optional()
		.transform((v) => (v === undefined || v === NO_SURVEY ? null : v))
});

// ---------------------------------------------------------------------------------------------
// Checking a binding against the surveys' published questions

export interface CandidateQuestion {
	name: string;
	/** In the reader's language. */
	label: string;
	type: QuestionType;
	/** For select questions: the choice list, labels in the reader's language. */
	choices: { name: string; label: string }[];
}

/** A published survey of the organisation and the questions of its newest version. */
export interface CandidateSurvey {
	id: string;
	name: string;
	version: number;
	questions: CandidateQuestion[];
}

/** The questions named `name` in the chosen surveys that a rule of `kind` can read. */
export function fittingQuestions(
	chosen: readonly CandidateSurvey[],
	name: string,
	types: readonly QuestionType[]
): CandidateQuestion[] {
	return chosen.flatMap((s) =>
		s.questions.filter((q) => q.name === name && types.includes(q.type))
	);
}

/**
 * What a valid rule still gets wrong about the surveys it reads: a survey that is not a
 * published survey of the organisation, a question that no chosen survey's newest published
 * version asks with a type the kind can read, a choice not in that question's list, a
 * breakdown that is not a single-select question of those surveys (nor channel or language).
 * Field → message key; empty when all is well.
 */
export function checkBinding(
	binding: {
		surveyIds: readonly string[];
		rule: IndicatorRule | null;
		disaggregations: readonly string[];
	},
	candidates: readonly CandidateSurvey[]
): Record<string, string> {
	const errors: Record<string, string> = {};
	const { rule } = binding;
	if (!rule) return errors;
	const byId = new Map(candidates.map((s) => [s.id, s]));
	if (binding.surveyIds.some((id) => !byId.has(id)))
		errors.surveys = 'indicator.errors.unpublished';
	const chosen = binding.surveyIds.flatMap((id) => byId.get(id) ?? []);

	const types = QUESTIONS_FOR_KIND[rule.kind];
	const needChoices = (field: 'question' | 'items', name: string, choices: readonly string[]) => {
		const found = fittingQuestions(chosen, name, types);
		if (found.length === 0) {
			errors[field] ??= 'indicator.errors.unknownQuestion';
			return;
		}
		const known = new Set(found.flatMap((q) => q.choices.map((c) => c.name)));
		if (choices.some((c) => !known.has(c))) errors.choices ??= 'indicator.errors.unknownChoice';
	};
	switch (rule.kind) {
		case 'percentInSet':
			needChoices('question', rule.question, rule.choices);
			break;
		case 'percentSelecting':
			needChoices('question', rule.question, [rule.choice]);
			break;
		case 'mean':
		case 'median':
			needChoices('question', rule.question, []);
			break;
		case 'count':
			if (rule.where) needChoices('question', rule.where.question, rule.where.choices);
			break;
		case 'scaleScore':
			for (const item of rule.items) needChoices('items', item, []);
			break;
	}

	const singles = new Set(
		chosen.flatMap((s) =>
			s.questions.filter((q) => BREAKDOWN_TYPES.includes(q.type)).map((q) => q.name)
		)
	);
	const builtIn: readonly string[] = BUILT_IN_DISAGGREGATIONS;
	if (binding.disaggregations.some((d) => !builtIn.includes(d) && !singles.has(d)))
		errors.disaggregations = 'indicator.errors.unknownBreakdown';
	return errors;
}
