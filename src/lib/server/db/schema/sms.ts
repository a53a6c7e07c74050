import {
	boolean,
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
import type { ConversationState } from '../../../sms/conversation';
import { orgIdColumn } from './columns';
import { surveyIdColumn, surveyVersions } from './surveys';

export const smsProviderEnum = pgEnum('sms_provider', ['twilio']);

/**
 * An SMS number an organisation answers surveys on. The auth token is kept only encrypted
 * (AES-256-GCM, key derived from APP_SECRET) and never leaves the server. The id is part of
 * the webhook address (`/api/sms/twilio/ID`), so it is random (the demo's is `demo`).
 */
export const smsChannels = pgTable(
	'sms_channels',
	{
		id: text().primaryKey(),
		orgId: orgIdColumn(),
		surveyId: surveyIdColumn(),
		provider: smsProviderEnum().notNull().default('twilio'),
		/** E.164, e.g. +15005550006: the organisation's own number, not a respondent's. */
		senderNumber: text().notNull(),
		accountId: text().notNull(),
		authTokenEncrypted: text().notNull(),
		/** Neutral start keyword, upper case (e.g. HELLO). */
		keyword: text().notNull(),
		/** Ends the conversation silently and deletes it; null for none. */
		panicWord: text(),
		expiryDays: integer().notNull().default(3),
		/** At most one reminder, this many hours after the last message; null = off. */
		reminderHours: integer(),
		/**
		 * At the end of a survey, ask once whether the person wants one short message later
		 * ("what we heard, what we are changing"); off unless an owner turns it on (010).
		 */
		offerFollowUp: boolean().notNull().default(false),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('sms_channels_org_idx').on(t.orgId)]
);

/**
 * Inbound messages already handled, so that a provider's retry of the same message (Twilio
 * re-sends when it gets no timely answer) changes nothing and gets the same reply. Only a keyed
 * hash of the provider's message id is kept, never the body or number, and only until the end
 * of the next UTC day (at most 48 h); the reply is our own text, which holds no answer.
 */
export const smsReceipts = pgTable(
	'sms_receipts',
	{
		id: text().primaryKey(),
		reply: jsonb().$type<string[]>().notNull(),
		until: date({ mode: 'string' }).notNull()
	},
	(t) => [index('sms_receipts_until_idx').on(t.until)]
);

/**
 * One phone's conversation in progress. The phone exists only as a keyed hash; message bodies
 * are never kept, only the parsed state. Deleted on completion, opt-out, panic word or expiry.
 */
export const smsConversations = pgTable(
	'sms_conversations',
	{
		id: uuid().primaryKey().defaultRandom(),
		channelId: text()
			.notNull()
			.references(() => smsChannels.id, { onDelete: 'cascade' }),
		phoneHash: text().notNull(),
		/** The version the conversation started on: its question names are the state's. */
		versionId: uuid()
			.notNull()
			.references(() => surveyVersions.id, { onDelete: 'cascade' }),
		state: jsonb().$type<ConversationState>().notNull(),
		expiresAt: timestamp({ withTimezone: true }).notNull(),
		reminded: boolean().notNull().default(false)
	},
	(t) => [
		uniqueIndex('sms_conversations_phone_idx').on(t.channelId, t.phoneHash),
		index('sms_conversations_expiry_idx').on(t.expiresAt)
	]
);

/** Our own opt-out list (carriers' cannot be relied on), per organisation, by phone hash. */
export const smsOptOuts = pgTable(
	'sms_opt_outs',
	{
		orgId: orgIdColumn(),
		phoneHash: text().notNull(),
		since: date({ mode: 'string' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.orgId, t.phoneHash] })]
);

export const outboxStatusEnum = pgEnum('sms_outbox_status', [
	'queued',
	'sent',
	'failed',
	'skipped'
]);

/**
 * Outgoing messages waiting for the provider: a durable queue that survives restarts, retried
 * with backoff. The raw number is erased as soon as the provider has the message.
 */
export const smsOutbox = pgTable(
	'sms_outbox',
	{
		id: uuid().primaryKey().defaultRandom(),
		channelId: text()
			.notNull()
			.references(() => smsChannels.id, { onDelete: 'cascade' }),
		toNumber: text(),
		phoneHash: text().notNull(),
		language: text().notNull(),
		body: text().notNull(),
		status: outboxStatusEnum().notNull().default('queued'),
		attempts: integer().notNull().default(0),
		nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		lastError: text(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('sms_outbox_due_idx').on(t.status, t.nextAttemptAt)]
);

/**
 * A reminder waiting to go out, only on channels where an owner turned reminders on. The
 * number is needed to send it, so it is kept — encrypted, apart from the conversation's
 * answers — until the one reminder is queued or the conversation ends (docs/decisions/007).
 */
export const smsReminders = pgTable(
	'sms_reminders',
	{
		channelId: text()
			.notNull()
			.references(() => smsChannels.id, { onDelete: 'cascade' }),
		phoneHash: text().notNull(),
		numberEncrypted: text().notNull(),
		language: text().notNull(),
		dueAt: timestamp({ withTimezone: true }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.channelId, t.phoneHash] }),
		index('sms_reminders_due_idx').on(t.dueAt)
	]
);

/**
 * A person who said yes, at the end of an SMS survey, to one short message later about what
 * changes (docs/decisions/010). The number is needed to send it, so it is kept sealed
 * (AES-256-GCM) until that message is queued, the person sends STOP or the panic word, or the
 * expiry day passes — whichever comes first — and then deleted. The row names the survey, not
 * the response: it has no response id, no answer and no time of day (the expiry is a date).
 */
export const smsFollowUps = pgTable(
	'sms_followups',
	{
		id: uuid().primaryKey().defaultRandom(),
		orgId: orgIdColumn(),
		surveyId: surveyIdColumn(),
		/** The number the message goes out from; deleting the channel deletes the row. */
		channelId: text()
			.notNull()
			.references(() => smsChannels.id, { onDelete: 'cascade' }),
		/** The conversation's language: the message is sent in it, or not at all. */
		language: text().notNull(),
		numberEncrypted: text().notNull(),
		/** The keyed hash, for STOP and the panic word to find the row; never the number. */
		phoneHash: text().notNull(),
		/** The last day the row may be used; purged after it. */
		expiresOn: date({ mode: 'string' }).notNull()
	},
	(t) => [
		uniqueIndex('sms_followups_survey_phone_idx').on(t.surveyId, t.phoneHash),
		index('sms_followups_phone_idx').on(t.orgId, t.phoneHash),
		index('sms_followups_expiry_idx').on(t.expiresOn)
	]
);

export type SmsChannel = typeof smsChannels.$inferSelect;
export type SmsConversation = typeof smsConversations.$inferSelect;
export type SmsOutboxRow = typeof smsOutbox.$inferSelect;
