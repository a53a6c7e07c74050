import { sql } from 'drizzle-orm';
import {
	type AnyPgColumn,
	check,
	date,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import type { IndicatorRule, LevelLabels, Period } from '../../../programmes/model';
import { users } from './auth';
import { orgIdColumn } from './columns';
import { surveys } from './surveys';

export const periodKindEnum = pgEnum('period_kind', ['monthly', 'quarterly', 'custom']);
export const levelEnum = pgEnum('logframe_level', ['goal', 'outcome', 'output', 'activity']);
export const indicatorKindEnum = pgEnum('indicator_kind', [
	'percentInSet',
	'percentSelecting',
	'mean',
	'median',
	'count',
	'scaleScore'
]);
export const directionEnum = pgEnum('indicator_direction', ['increase', 'decrease']);
export const indicatorSourceEnum = pgEnum('indicator_source', ['survey', 'manual']);

/** A programme: what a logframe describes and what donors are attached to. */
export const programmes = pgTable(
	'programmes',
	{
		id: uuid().primaryKey().defaultRandom(),
		orgId: orgIdColumn(),
		name: text().notNull(),
		description: text().notNull().default(''),
		countries: jsonb()
			.$type<string[]>()
			.notNull()
			.default(sql`'[]'::jsonb`),
		sites: jsonb()
			.$type<string[]>()
			.notNull()
			.default(sql`'[]'::jsonb`),
		startsOn: date({ mode: 'string' }).notNull(),
		endsOn: date({ mode: 'string' }).notNull(),
		/** ICAT activity types (model.ts). */
		icatTags: jsonb()
			.$type<string[]>()
			.notNull()
			.default(sql`'[]'::jsonb`),
		periodKind: periodKindEnum().notNull().default('quarterly'),
		/** Only for `custom`: the programme's own reporting periods. */
		customPeriods: jsonb()
			.$type<Period[]>()
			.notNull()
			.default(sql`'[]'::jsonb`),
		/** The organisation's (or donor's) names for the four levels; null for the defaults. */
		levelLabels: jsonb().$type<LevelLabels>(),
		/** Status bands (math.ts, StatusThresholds), as shortfalls of progress. */
		atRisk: doublePrecision().notNull().default(0.1),
		offTrack: doublePrecision().notNull().default(0.25),
		createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('programmes_org_idx').on(t.orgId),
		check('programmes_period_order', sql`${t.startsOn} <= ${t.endsOn}`),
		check('programmes_thresholds', sql`0 <= ${t.atRisk} and ${t.atRisk} <= ${t.offTrack}`)
	]
);

/** The programme a row belongs to; deleting the programme deletes the row. */
const programmeIdColumn = () =>
	uuid()
		.notNull()
		.references(() => programmes.id, { onDelete: 'cascade' });

/** Donor members who may see a programme's suppressed figures and published reports. */
export const programmeDonors = pgTable(
	'programme_donors',
	{
		programmeId: programmeIdColumn(),
		userId: uuid()
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.programmeId, t.userId] })]
);

/** One box of the logframe: goal → outcomes → outputs → activities. */
export const logframeNodes = pgTable(
	'logframe_nodes',
	{
		id: uuid().primaryKey().defaultRandom(),
		orgId: orgIdColumn(),
		programmeId: programmeIdColumn(),
		parentId: uuid().references((): AnyPgColumn => logframeNodes.id, { onDelete: 'cascade' }),
		level: levelEnum().notNull(),
		code: text().notNull().default(''),
		narrative: text().notNull(),
		assumptions: text().notNull().default(''),
		position: integer().notNull().default(0)
	},
	(t) => [index('logframe_nodes_programme_idx').on(t.programmeId, t.position)]
);

export const indicators = pgTable(
	'indicators',
	{
		id: uuid().primaryKey().defaultRandom(),
		orgId: orgIdColumn(),
		programmeId: programmeIdColumn(),
		nodeId: uuid()
			.notNull()
			.references(() => logframeNodes.id, { onDelete: 'cascade' }),
		code: text().notNull(),
		statement: text().notNull(),
		unit: text().notNull().default(''),
		kind: indicatorKindEnum().notNull(),
		direction: directionEnum().notNull().default('increase'),
		baselineValue: doublePrecision(),
		baselineDate: date({ mode: 'string' }),
		target: doublePrecision(),
		/** Per-period targets by period key. */
		milestones: jsonb()
			.$type<Record<string, number>>()
			.notNull()
			.default(sql`'{}'::jsonb`),
		/** Question names (single-select) or `channel` / `language`. */
		disaggregations: jsonb()
			.$type<string[]>()
			.notNull()
			.default(sql`'[]'::jsonb`),
		meansOfVerification: text().notNull().default(''),
		source: indicatorSourceEnum().notNull().default('survey'),
		/** How answers become the figure (by question name); null until bound, and for manual. */
		rule: jsonb().$type<IndicatorRule>(),
		libraryId: text(),
		position: integer().notNull().default(0)
	},
	(t) => [
		index('indicators_programme_idx').on(t.programmeId, t.position),
		index('indicators_node_idx').on(t.nodeId)
	]
);

/** Surveys an indicator reads, by question name: any published version of them counts. */
export const indicatorSurveys = pgTable(
	'indicator_surveys',
	{
		indicatorId: uuid()
			.notNull()
			.references(() => indicators.id, { onDelete: 'cascade' }),
		surveyId: uuid()
			.notNull()
			.references(() => surveys.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.indicatorId, t.surveyId] }),
		index('indicator_surveys_survey_idx').on(t.surveyId)
	]
);

/**
 * Values entered by hand for indicators without a survey source (training records, case
 * files …); who entered them and when is in the audit log. `n` is the number of people the
 * value counts or is computed from, when known, so suppression can apply to it too.
 */
export const manualValues = pgTable(
	'indicator_manual_values',
	{
		indicatorId: uuid()
			.notNull()
			.references(() => indicators.id, { onDelete: 'cascade' }),
		periodKey: text().notNull(),
		value: doublePrecision().notNull(),
		n: integer(),
		note: text().notNull().default(''),
		updatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.indicatorId, t.periodKey] })]
);

export type Programme = typeof programmes.$inferSelect;
export type LogframeNodeRow = typeof logframeNodes.$inferSelect;
export type IndicatorRow = typeof indicators.$inferSelect;
