import { sql } from 'drizzle-orm';
import {
	check,
	index,
	integer,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { users } from './auth';

/** A neutral, everyday site for the quick exit until an owner chooses another. */
export const DEFAULT_EXIT_URL = 'https://www.wikipedia.org/';

export const roleEnum = pgEnum('org_role', ['owner', 'manager', 'analyst', 'donor']);

export const organisations = pgTable(
	'organisations',
	{
		id: uuid().primaryKey().defaultRandom(),
		slug: text().notNull(),
		name: text().notNull(),
		/** Minimum cell size k for disclosure control (DOMAIN.md: default 5, allowed 3–20). */
		minCellSize: integer().notNull().default(5),
		/**
		 * Where a respondent's quick exit goes: a neutral, everyday site chosen per organisation
		 * (DOMAIN.md, "Safety of the respondent's device").
		 */
		exitUrl: text().notNull().default(DEFAULT_EXIT_URL),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('organisations_slug_idx').on(t.slug),
		check('organisations_min_cell_size_range', sql`${t.minCellSize} between 3 and 20`)
	]
);

export const memberships = pgTable(
	'memberships',
	{
		orgId: uuid()
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		userId: uuid()
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		role: roleEnum().notNull(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.orgId, t.userId] }), index('memberships_user_idx').on(t.userId)]
);

/** Invitation links: only the SHA-256 of the token is kept, so the link is shown once. */
export const invitations = pgTable(
	'invitations',
	{
		id: uuid().primaryKey().defaultRandom(),
		orgId: uuid()
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		tokenHash: text().notNull(),
		role: roleEnum().notNull(),
		/** Optional: when set, only an account with this e-mail may accept. */
		email: text(),
		createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp({ withTimezone: true }).notNull(),
		acceptedAt: timestamp({ withTimezone: true }),
		acceptedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		revokedAt: timestamp({ withTimezone: true })
	},
	(t) => [
		uniqueIndex('invitations_token_idx').on(t.tokenHash),
		index('invitations_org_idx').on(t.orgId)
	]
);

export type Organisation = typeof organisations.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
export type Role = (typeof roleEnum.enumValues)[number];
