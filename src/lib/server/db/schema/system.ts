import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Instance-wide values every app server must agree on (e.g. a generated secret when
 * APP_SECRET is not configured). Kept in the database, never in process memory.
 */
export const instanceSettings = pgTable('instance_settings', {
	key: text().primaryKey(),
	value: text().notNull(),
	createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
});
