import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Staff accounts (managers, analysts, donors, owners). Respondents never have one. */
export const users = pgTable(
	'users',
	{
		id: uuid().primaryKey().defaultRandom(),
		email: text().notNull(),
		displayName: text().notNull().default(''),
		passwordHash: text().notNull(),
		/** UI language chosen by the person; null means "follow the browser". */
		locale: text(),
		/** Organisation opened last, so `/` can take the person straight back to it. */
		lastOrgId: uuid(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('users_email_lower_idx').on(sql`lower(${t.email})`)]
);

/** Lucia-style sessions: the id is SHA-256 of the cookie token, so a leaked table opens nothing. */
export const sessions = pgTable(
	'sessions',
	{
		id: text().primaryKey(),
		userId: uuid()
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: timestamp({ withTimezone: true }).notNull(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

/**
 * Failed sign-in counters, kept in the database so every app server sees the same numbers.
 * `key` is `account:<hmac>` or `address:<hmac>`; raw e-mails and addresses are not stored.
 */
export const signInThrottle = pgTable('sign_in_throttle', {
	key: text().primaryKey(),
	failures: integer().notNull().default(0),
	windowStartedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	lockedUntil: timestamp({ withTimezone: true })
});

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
