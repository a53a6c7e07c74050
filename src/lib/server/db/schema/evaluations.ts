import { sql } from 'drizzle-orm';
import {
	check,
	date,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import {
	ACTION_STATES,
	DAC_CRITERIA,
	EVALUATION_KINDS,
	PRIORITIES,
	REPORT_STATUSES,
	RESPONSE_DECISIONS,
	STRENGTHS,
	type EvidenceRef,
	type ReportSnapshot
} from '../../../evaluations/model';
import { users } from './auth';
import { orgIdColumn } from './columns';
import { programmes } from './programmes';
import { responses } from './responses';
import { surveys } from './surveys';

/**
 * Evaluations of a programme (DOMAIN.md, "Evaluation criteria"): their questions, the codebook
 * and coded open-text answers, findings with their evidence, recommendations with management
 * responses, and reports with their frozen, published revisions.
 */

export const evaluationKindEnum = pgEnum('evaluation_kind', EVALUATION_KINDS);
export const criterionEnum = pgEnum('dac_criterion', DAC_CRITERIA);
export const strengthEnum = pgEnum('evidence_strength', STRENGTHS);
export const priorityEnum = pgEnum('recommendation_priority', PRIORITIES);
export const decisionEnum = pgEnum('response_decision', RESPONSE_DECISIONS);
export const actionStateEnum = pgEnum('action_state', ACTION_STATES);
export const reportStatusEnum = pgEnum('report_status', REPORT_STATUSES);

export const evaluations = pgTable(
	'evaluations',
	{
		id: uuid().primaryKey().defaultRandom(),
		orgId: orgIdColumn(),
		programmeId: uuid()
			.notNull()
			.references(() => programmes.id, { onDelete: 'cascade' }),
		kind: evaluationKindEnum().notNull(),
		title: text().notNull(),
		/** The responses it draws on were submitted in this range (rounds of the same instrument). */
		startsOn: date({ mode: 'string' }).notNull(),
		endsOn: date({ mode: 'string' }).notNull(),
		purpose: text().notNull().default(''),
		methodology: text().notNull().default(''),
		limitations: text().notNull().default(''),
		createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('evaluations_programme_idx').on(t.programmeId),
		check('evaluations_period_order', sql`${t.startsOn} <= ${t.endsOn}`)
	]
);

const evaluationIdColumn = () =>
	uuid()
		.notNull()
		.references(() => evaluations.id, { onDelete: 'cascade' });

/** The surveys an evaluation draws on (every published version of each counts). */
export const evaluationSurveys = pgTable(
	'evaluation_surveys',
	{
		evaluationId: evaluationIdColumn(),
		surveyId: uuid()
			.notNull()
			.references(() => surveys.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.evaluationId, t.surveyId] })]
);

/** An evaluation question, tagged with a DAC criterion and linked to logframe nodes and indicators. */
export const evaluationQuestions = pgTable(
	'evaluation_questions',
	{
		id: uuid().primaryKey().defaultRandom(),
		orgId: orgIdColumn(),
		evaluationId: evaluationIdColumn(),
		criterion: criterionEnum().notNull(),
		text: text().notNull(),
		/** Logframe node ids (any level); ids of deleted nodes are ignored when read. */
		nodeIds: jsonb()
			.$type<string[]>()
			.notNull()
			.default(sql`'[]'::jsonb`),
		indicatorIds: jsonb()
			.$type<string[]>()
			.notNull()
			.default(sql`'[]'::jsonb`),
		position: integer().notNull().default(0)
	},
	(t) => [index('evaluation_questions_evaluation_idx').on(t.evaluationId, t.position)]
);

/** The codebook: themes open-text answers are coded with, per evaluation. */
export const themes = pgTable(
	'themes',
	{
		id: uuid().primaryKey().defaultRandom(),
		orgId: orgIdColumn(),
		evaluationId: evaluationIdColumn(),
		name: text().notNull(),
		description: text().notNull().default(''),
		position: integer().notNull().default(0)
	},
	(t) => [
		index('themes_evaluation_idx').on(t.evaluationId, t.position),
		uniqueIndex('themes_name_idx').on(t.evaluationId, sql`lower(${t.name})`)
	]
);

/**
 * One open-text answer (a response's question, by name) as an analyst coded it: the themes it
 * speaks of, possibly none ("read, nothing to code"). The text itself stays in the response; a
 * deleted response takes its coding with it.
 */
export const codedAnswers = pgTable(
	'coded_answers',
	{
		evaluationId: evaluationIdColumn(),
		responseId: uuid()
			.notNull()
			.references(() => responses.id, { onDelete: 'cascade' }),
		question: text().notNull(),
		themeIds: jsonb()
			.$type<string[]>()
			.notNull()
			.default(sql`'[]'::jsonb`),
		codedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		codedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.evaluationId, t.responseId, t.question] }),
		index('coded_answers_themes_idx').using('gin', t.themeIds)
	]
);

export const findings = pgTable(
	'findings',
	{
		id: uuid().primaryKey().defaultRandom(),
		orgId: orgIdColumn(),
		evaluationId: evaluationIdColumn(),
		questionId: uuid().references(() => evaluationQuestions.id, { onDelete: 'set null' }),
		criterion: criterionEnum().notNull(),
		statement: text().notNull(),
		strength: strengthEnum().notNull(),
		/** What it rests on: indicator figures, theme counts, analysts' paraphrases (model.ts). */
		evidence: jsonb()
			.$type<EvidenceRef[]>()
			.notNull()
			.default(sql`'[]'::jsonb`),
		position: integer().notNull().default(0)
	},
	(t) => [index('findings_evaluation_idx').on(t.evaluationId, t.position)]
);

/** A recommendation and the management response to it, tracked until the action is done. */
export const recommendations = pgTable(
	'recommendations',
	{
		id: uuid().primaryKey().defaultRandom(),
		orgId: orgIdColumn(),
		evaluationId: evaluationIdColumn(),
		text: text().notNull(),
		priority: priorityEnum().notNull().default('medium'),
		addressedTo: text().notNull().default(''),
		dueOn: date({ mode: 'string' }),
		/** Findings it follows from (ids; deleted ones are ignored when read). */
		findingIds: jsonb()
			.$type<string[]>()
			.notNull()
			.default(sql`'[]'::jsonb`),
		decision: decisionEnum(),
		action: text().notNull().default(''),
		actionOwner: text().notNull().default(''),
		respondedOn: date({ mode: 'string' }),
		actionState: actionStateEnum().notNull().default('notStarted'),
		position: integer().notNull().default(0)
	},
	(t) => [index('recommendations_evaluation_idx').on(t.evaluationId, t.position)]
);

/** The report of an evaluation as it is being written: one per evaluation. */
export const reports = pgTable('reports', {
	id: uuid().primaryKey().defaultRandom(),
	orgId: orgIdColumn(),
	evaluationId: evaluationIdColumn().unique(),
	status: reportStatusEnum().notNull().default('draft'),
	title: text().notNull().default(''),
	summary: text().notNull().default(''),
	whatDidNotWork: text().notNull().default(''),
	unintendedEffects: text().notNull().default(''),
	limitations: text().notNull().default(''),
	/** The language figures and labels are frozen in at publication. */
	language: text().notNull().default('en'),
	/** What the next revision corrects (needed from the second publication on). */
	changeNote: text().notNull().default(''),
	updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
});

/** A published revision: an immutable snapshot. Corrections add a revision, never edit one. */
export const reportRevisions = pgTable(
	'report_revisions',
	{
		id: uuid().primaryKey().defaultRandom(),
		orgId: orgIdColumn(),
		reportId: uuid()
			.notNull()
			.references(() => reports.id, { onDelete: 'cascade' }),
		/** Denormalised so donors' lists are one indexed read. */
		programmeId: uuid()
			.notNull()
			.references(() => programmes.id, { onDelete: 'cascade' }),
		number: integer().notNull(),
		snapshot: jsonb().$type<ReportSnapshot>().notNull(),
		changeNote: text().notNull().default(''),
		publishedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		publishedOn: date({ mode: 'string' }).notNull()
	},
	(t) => [
		uniqueIndex('report_revisions_number_idx').on(t.reportId, t.number),
		index('report_revisions_programme_idx').on(t.programmeId)
	]
);

/**
 * "What we heard, what we are changing": a short, neutrally worded note per survey language,
 * shown on the survey's end screen and sendable by SMS. Not versioned with the instrument.
 */
export const surveySummaries = pgTable(
	'survey_summaries',
	{
		surveyId: uuid()
			.notNull()
			.references(() => surveys.id, { onDelete: 'cascade' }),
		language: text().notNull(),
		text: text().notNull(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.surveyId, t.language] })]
);

export type Evaluation = typeof evaluations.$inferSelect;
export type EvaluationQuestionRow = typeof evaluationQuestions.$inferSelect;
export type ThemeRow = typeof themes.$inferSelect;
export type FindingRow = typeof findings.$inferSelect;
export type RecommendationRow = typeof recommendations.$inferSelect;
export type ReportRow = typeof reports.$inferSelect;
export type ReportRevisionRow = typeof reportRevisions.$inferSelect;
