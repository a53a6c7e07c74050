import { z } from 'zod';
import {
	ACTION_STATES,
	DAC_CRITERIA,
	EVALUATION_KINDS,
	PRIORITIES,
	RESPONSE_DECISIONS,
	STRENGTHS
} from '../evaluations/model';
import { uuid } from './fields';
import { isRealDay } from './programmes';

/**
 * Forms of the evaluation pages: the list's create form and the overview's details, questions
 * and delete forms; the findings page (findings and their evidence); the recommendations page
 * (recommendations and management responses). Messages are translation keys. Safe on the client.
 */

export const MAX_TITLE = 200;
export const MAX_LONG_TEXT = 8000;
export const MAX_QUESTION = 1000;
export const MAX_STATEMENT = 2000;
/** A paraphrase stands for what people said in an analyst's words: short, never a transcript. */
export const MAX_PARAPHRASE = 1000;
export const MAX_RECOMMENDATION = 2000;
export const MAX_ADDRESSED_TO = 200;
export const MAX_ACTION = 2000;
export const MAX_OWNER = 200;
export const MAX_LINKS = 100;
export const MAX_SURVEYS = 20;
/** More pieces of evidence than this on one finding is a finding that should be split. */
export const MAX_EVIDENCE = 20;

const requiredText = (max: number) =>
	z.string().trim().min(1, 'validation.required').max(max, 'validation.tooLong');
const optionalText = (max: number) =>
	z.string().trim().max(max, 'validation.tooLong').optional().default('');

const day = z.string().trim().min(1, 'validation.required').refine(isRealDay, 'validation.date');
const optionalDay = z
	.string()
	.trim()
	.optional()
	.transform((v) => v ?? '')
	.refine((v) => v === '' || isRealDay(v), 'validation.date')
	.transform((v) => v || null);

/** Checkboxes post nothing, one value or several: always a list here, without repeats. */
const checkboxes = <T extends z.ZodType<string>>(item: T, max: number) =>
	z
		.preprocess(
			(v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
			z.array(item).max(max, 'validation.tooLong')
		)
		.transform((list) => [...new Set(list as string[])]);

/** A select whose first option is "none": empty is null. */
const optionalId = z
	.string()
	.trim()
	.optional()
	.transform((v) => v ?? '')
	.pipe(z.union([z.literal(''), uuid]))
	.transform((v) => v || null);

const kind = z.enum(EVALUATION_KINDS, 'validation.invalid');
const criterion = z.enum(DAC_CRITERIA, 'validation.invalid');

// ---------------------------------------------------------------------------------------------
// Evaluations

/** The list's "New evaluation" form and the overview's details form: the same fields. */
export const evaluationSchema = z
	.object({
		kind,
		title: requiredText(MAX_TITLE),
		startsOn: day,
		endsOn: day,
		purpose: optionalText(MAX_LONG_TEXT),
		methodology: optionalText(MAX_LONG_TEXT),
		limitations: optionalText(MAX_LONG_TEXT),
		surveys: checkboxes(uuid, MAX_SURVEYS)
	})
	.superRefine((value, ctx) => {
		if (isRealDay(value.startsOn) && isRealDay(value.endsOn) && value.endsOn < value.startsOn)
			ctx.addIssue({
				code: 'custom',
				path: ['endsOn'],
				message: 'evaluations.errors.endBeforeStart'
			});
	})
	.transform(({ surveys, ...fields }) => ({ ...fields, surveyIds: surveys }));

/** Deleting takes its questions, codebook, findings and draft report with it: the box is ticked. */
export const deleteEvaluationSchema = z.object({
	confirm: z.literal('yes', 'evaluations.delete.confirmRequired')
});

// ---------------------------------------------------------------------------------------------
// Evaluation questions

const questionFields = {
	criterion,
	text: requiredText(MAX_QUESTION),
	nodes: checkboxes(uuid, MAX_LINKS),
	indicators: checkboxes(uuid, MAX_LINKS)
};
const toQuestion = <T extends { nodes: string[]; indicators: string[] }>(v: T) => {
	const { nodes, indicators, ...rest } = v;
	return { ...rest, nodeIds: nodes, indicatorIds: indicators };
};

export const addQuestionSchema = z.object(questionFields).transform(toQuestion);
export const updateQuestionSchema = z
	.object({ question: uuid, ...questionFields })
	.transform(toQuestion);

const direction = z.enum(['up', 'down'], 'validation.invalid');
export const moveQuestionSchema = z.object({ question: uuid, direction });
export const deleteQuestionSchema = z.object({ question: uuid });

// ---------------------------------------------------------------------------------------------
// Findings and their evidence

const findingFields = {
	statement: requiredText(MAX_STATEMENT),
	criterion,
	question: optionalId,
	strength: z.enum(STRENGTHS, 'validation.invalid')
};
const toFinding = <T extends { question: string | null }>(v: T) => {
	const { question, ...rest } = v;
	return { ...rest, questionId: question };
};

export const addFindingSchema = z.object(findingFields).transform(toFinding);
export const updateFindingSchema = z
	.object({ finding: uuid, ...findingFields })
	.transform(toFinding);
export const moveFindingSchema = z.object({ finding: uuid, direction });
export const deleteFindingSchema = z.object({ finding: uuid });

/** '' (none) or a dimension name as the breakdown selects post it. */
const dimension = z
	.string()
	.trim()
	.max(64, 'validation.tooLong')
	.optional()
	.transform((v) => v || null);

/** An indicator figure: the programme to date ('all') or a period, optionally one breakdown. */
export const indicatorEvidenceSchema = z
	.object({
		finding: uuid,
		indicator: uuid,
		period: z.string().trim().min(1, 'validation.required').max(40, 'validation.tooLong'),
		dimension
	})
	.transform((v) => ({
		findingId: v.finding,
		ref: {
			kind: 'indicator' as const,
			indicatorId: v.indicator,
			period: v.period,
			dimension: v.dimension
		}
	}));

/** A theme's count of coded answers, optionally by one breakdown. */
export const themeEvidenceSchema = z
	.object({ finding: uuid, theme: uuid, dimension })
	.transform((v) => ({
		findingId: v.finding,
		ref: { kind: 'theme' as const, themeId: v.theme, dimension: v.dimension }
	}));

/** An analyst's paraphrase of what people said: never a respondent's own words. */
export const paraphraseEvidenceSchema = z
	.object({ finding: uuid, text: requiredText(MAX_PARAPHRASE) })
	.transform((v) => ({ findingId: v.finding, ref: { kind: 'paraphrase' as const, text: v.text } }));

export const removeEvidenceSchema = z.object({
	finding: uuid,
	index: z.coerce
		.number('validation.invalid')
		.int('validation.invalid')
		.min(0, 'validation.invalid')
		.max(MAX_EVIDENCE)
});

// ---------------------------------------------------------------------------------------------
// Recommendations and management responses

const recommendationFields = {
	text: requiredText(MAX_RECOMMENDATION),
	priority: z.enum(PRIORITIES, 'validation.invalid'),
	addressedTo: optionalText(MAX_ADDRESSED_TO),
	dueOn: optionalDay,
	findings: checkboxes(uuid, MAX_LINKS)
};
const toRecommendation = <T extends { findings: string[] }>(v: T) => {
	const { findings, ...rest } = v;
	return { ...rest, findingIds: findings };
};

export const addRecommendationSchema = z.object(recommendationFields).transform(toRecommendation);
export const updateRecommendationSchema = z
	.object({ recommendation: uuid, ...recommendationFields })
	.transform(toRecommendation);
export const moveRecommendationSchema = z.object({ recommendation: uuid, direction });
export const deleteRecommendationSchema = z.object({ recommendation: uuid });

/** The management response: the decision, the action agreed, who owns it, and where it stands. */
export const responseSchema = z
	.object({
		recommendation: uuid,
		decision: z.enum(RESPONSE_DECISIONS, 'recommendations.errors.decision'),
		action: optionalText(MAX_ACTION),
		actionOwner: optionalText(MAX_OWNER),
		respondedOn: optionalDay,
		actionState: z.enum(ACTION_STATES, 'validation.invalid')
	})
	.superRefine((value, ctx) => {
		// Accepting, even in part, commits to something: say what.
		if (value.decision !== 'notAccepted' && !value.action)
			ctx.addIssue({ code: 'custom', path: ['action'], message: 'recommendations.errors.action' });
	});
