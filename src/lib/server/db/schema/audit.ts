import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './orgs';
import { users } from './auth';

/**
 * Append-only: a trigger (migration 0001) refuses UPDATE and DELETE, so not even a bug in
 * our own code can rewrite history.
 */
export const auditEvents = pgTable(
	'audit_events',
	{
		id: bigserial({ mode: 'number' }).primaryKey(),
		orgId: uuid()
			.notNull()
			.references(() => organisations.id),
		actorId: uuid().references(() => users.id),
		/** Kept even if the actor's account disappears later. */
		actorEmail: text(),
		action: text().notNull(),
		target: text(),
		details: jsonb().$type<Record<string, string | number | boolean | null>>(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('audit_events_org_idx').on(t.orgId, t.id)]
);

export type AuditEvent = typeof auditEvents.$inferSelect;
