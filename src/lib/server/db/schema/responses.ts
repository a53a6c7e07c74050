import { sql } from 'drizzle-orm';
import {
	boolean,
	date,
	index,
	integer,
	primaryKey,
	jsonb,
	pgEnum,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import type { Answers } from '../../../survey/relevance';
import { orgIdColumn } from './columns';
import { surveyIdColumn, surveyVersions } from './surveys';

export const linkStatusEnum = pgEnum('link_status', ['open', 'paused', 'closed']);
export const channelEnum = pgEnum('response_channel', ['web', 'sms']);

/** An open link `/s/<slug>` to a survey: the slug is random and says nothing of the topic. */
export const surveyLinks = pgTable(
	'survey_links',
	{
		id: uuid().primaryKey().defaultRandom(),
		orgId: orgIdColumn(),
		surveyId: surveyIdColumn(),
		slug: text().notNull(),
		status: linkStatusEnum().notNull().default('open'),
		/** Last day answers are accepted (inclusive), in UTC. */
		endsOn: date({ mode: 'string' }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('survey_links_slug_idx').on(t.slug),
		index('survey_links_survey_idx').on(t.surveyId)
	]
);

/**
 * Single-use invitation codes. Only a hash is kept; a response never points at the code that
 * opened it — the code is only marked used.
 */
export const respondentCodes = pgTable(
	'respondent_codes',
	{
		id: uuid().primaryKey().defaultRandom(),
		orgId: orgIdColumn(),
		surveyId: surveyIdColumn(),
		codeHash: text().notNull(),
		used: boolean().notNull().default(false),
		revoked: boolean().notNull().default(false),
		expiresOn: date({ mode: 'string' }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('respondent_codes_hash_idx').on(t.codeHash),
		index('respondent_codes_survey_idx').on(t.surveyId)
	]
);

/**
 * A respondent's answers while they go through the pages. Deleted on completion, quick exit,
 * "not now", declined consent, or after 24 hours idle. The id is the SHA-256 of the token in
 * the respondent's session cookie.
 */
export const responseDrafts = pgTable(
	'response_drafts',
	{
		id: text().primaryKey(),
		orgId: orgIdColumn(),
		surveyId: surveyIdColumn(),
		versionId: uuid()
			.notNull()
			.references(() => surveyVersions.id, { onDelete: 'cascade' }),
		language: text().notNull(),
		answers: jsonb()
			.$type<Answers>()
			.notNull()
			.default(sql`'{}'::jsonb`),
		page: integer().notNull().default(0),
		/** The code that opened this draft, marked used on completion; never copied to the response. */
		codeId: uuid().references(() => respondentCodes.id, { onDelete: 'set null' }),
		idleUntil: timestamp({ withTimezone: true }).notNull()
	},
	(t) => [index('response_drafts_idle_idx').on(t.idleUntil)]
);

/**
 * A completed response. Deliberately without time of day, IP, user agent, phone number or
 * code: only the date, the channel, the language and the answers.
 */
export const responses = pgTable(
	'responses',
	{
		id: uuid().primaryKey().defaultRandom(),
		orgId: orgIdColumn(),
		surveyId: surveyIdColumn(),
		versionId: uuid()
			.notNull()
			.references(() => surveyVersions.id),
		channel: channelEnum().notNull(),
		language: text().notNull(),
		submittedOn: date({ mode: 'string' }).notNull(),
		answers: jsonb().$type<Answers>().notNull()
	},
	(t) => [
		index('responses_survey_idx').on(t.surveyId, t.submittedOn, t.id),
		index('responses_org_idx').on(t.orgId)
	]
);

/**
 * Proof that a draft was completed, so a double-clicked or retried final submission shows the
 * thank-you page instead of storing a second response or an error. Keyed by the draft's id (the
 * hash of the respondent's cookie token), never linked to the response; the expiry is rounded
 * to the end of the UTC day so it records no more than the response's own date. Purged with idle
 * drafts.
 */
export const responseReceipts = pgTable('response_receipts', {
	id: text().primaryKey(),
	surveyId: surveyIdColumn(),
	language: text().notNull(),
	expiresAt: timestamp({ withTimezone: true }).notNull()
});

/**
 * Fixed-window counters for rate limits that every app server shares (e.g. new drafts and
 * submissions per survey link per minute). The key names a purpose and a link, never a person.
 */
export const rateWindows = pgTable(
	'rate_windows',
	{
		key: text().notNull(),
		windowStart: timestamp({ withTimezone: true }).notNull(),
		hits: integer().notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.key, t.windowStart] })]
);

export type SurveyLink = typeof surveyLinks.$inferSelect;
export type RespondentCode = typeof respondentCodes.$inferSelect;
export type ResponseDraft = typeof responseDrafts.$inferSelect;
export type Response = typeof responses.$inferSelect;
