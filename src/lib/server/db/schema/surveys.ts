import {
	index,
	integer,
	jsonb,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { Instrument, Text } from '../../../survey/model';
import { users } from './auth';
import { orgIdColumn } from './columns';

/** A survey being designed: its draft is edited freely (autosaved) until published. */
export const surveys = pgTable(
	'surveys',
	{
		id: uuid().primaryKey().defaultRandom(),
		orgId: orgIdColumn(),
		/** Internal name for staff; respondents see the instrument's neutral title instead. */
		name: text().notNull(),
		draft: jsonb().$type<Instrument>().notNull(),
		/**
		 * The programme's help contacts shown on the end screen, per survey language. Not part of
		 * the versioned instrument: a changed phone number must not wait for a new version.
		 */
		helpContacts: jsonb()
			.$type<Text>()
			.notNull()
			.default(sql`'{}'::jsonb`),
		/** Bumped on every save, so two tabs editing one draft cannot silently overwrite. */
		draftRevision: integer().notNull().default(1),
		draftUpdatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('surveys_org_idx').on(t.orgId)]
);

/** The survey a row belongs to; deleting the survey deletes the row. */
export const surveyIdColumn = () =>
	uuid()
		.notNull()
		.references(() => surveys.id, { onDelete: 'cascade' });

/** Published versions are immutable: answers reference the exact version they were given on. */
export const surveyVersions = pgTable(
	'survey_versions',
	{
		id: uuid().primaryKey().defaultRandom(),
		surveyId: surveyIdColumn(),
		orgId: orgIdColumn(),
		number: integer().notNull(),
		instrument: jsonb().$type<Instrument>().notNull(),
		publishedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		publishedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		/** Closed to new answers; the version itself never changes. */
		archivedAt: timestamp({ withTimezone: true })
	},
	(t) => [
		uniqueIndex('survey_versions_number_idx').on(t.surveyId, t.number),
		index('survey_versions_org_idx').on(t.orgId)
	]
);

export type Survey = typeof surveys.$inferSelect;
export type SurveyVersion = typeof surveyVersions.$inferSelect;
