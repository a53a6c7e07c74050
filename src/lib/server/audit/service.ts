import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../db';
import { auditEvents, type AuditEvent } from '../db/schema';
import type { AuditAction } from './actions';

export interface AuditInput {
	orgId: string;
	action: AuditAction;
	actor?: { id: string; email: string } | null;
	target?: string | null;
	details?: Record<string, string | number | boolean | null>;
}

/** Appends events to the organisations' logs (one row each). */
export async function record(db: Db, ...events: AuditInput[]): Promise<void> {
	if (events.length === 0) return;
	await db.insert(auditEvents).values(
		events.map((e) => ({
			orgId: e.orgId,
			action: e.action,
			actorId: e.actor?.id ?? null,
			actorEmail: e.actor?.email ?? null,
			target: e.target ?? null,
			details: e.details ?? null
		}))
	);
}

export const AUDIT_PAGE_SIZE = 50;

/** One page of an organisation's log, newest first; `before` is the last id of the previous page. */
export async function listEvents(
	db: Db,
	orgId: string,
	before?: number
): Promise<{ events: AuditEvent[]; nextBefore: number | null }> {
	const rows = await db
		.select()
		.from(auditEvents)
		.where(and(eq(auditEvents.orgId, orgId), before ? lt(auditEvents.id, before) : undefined))
		.orderBy(desc(auditEvents.id))
		.limit(AUDIT_PAGE_SIZE + 1);
	const events = rows.slice(0, AUDIT_PAGE_SIZE);
	return {
		events,
		nextBefore: rows.length > AUDIT_PAGE_SIZE ? events[events.length - 1]!.id : null
	};
}
