import { and, asc, eq } from 'drizzle-orm';
import type { ActionState, Priority, ResponseDecision } from '../../evaluations/model';
import type { AuditChange } from '../audit/actions';
import { record } from '../audit/service';
import type { Db, Tx } from '../db';
import { recommendations, type RecommendationRow } from '../db/schema';
import type { Actor } from '../orgs/service';
import { findingsAmong } from './findings';
import { evaluationIn, moved, nextPosition, writeOrder } from './scope';

/**
 * Recommendations of an evaluation and the management response to each (decision, action,
 * owner, date, where the action stands), tracked to completion. Scoped by organisation and
 * evaluation; linked findings must be this evaluation's. Changes are audited as
 * `recommendation.changed` (what changed and the priority or decision; never the text).
 */

export interface RecommendationInput {
	text: string;
	priority: Priority;
	addressedTo: string;
	dueOn: string | null;
	findingIds: string[];
}

export interface ResponseInput {
	decision: ResponseDecision;
	action: string;
	actionOwner: string;
	respondedOn: string | null;
	actionState: ActionState;
}

export type RecommendationError = 'notFound' | 'unknownFinding';

export async function listRecommendations(
	db: Db,
	orgId: string,
	evaluationId: string
): Promise<RecommendationRow[]> {
	return db
		.select()
		.from(recommendations)
		.where(and(eq(recommendations.orgId, orgId), eq(recommendations.evaluationId, evaluationId)))
		.orderBy(asc(recommendations.position), asc(recommendations.id));
}

async function changed(
	tx: Tx,
	orgId: string,
	actor: Actor,
	id: string,
	details: { change: AuditChange; [key: string]: string }
) {
	await record(tx, { orgId, action: 'recommendation.changed', actor, target: id, details });
}

const scoped = (orgId: string, evaluationId: string, id: string) =>
	and(
		eq(recommendations.id, id),
		eq(recommendations.orgId, orgId),
		eq(recommendations.evaluationId, evaluationId)
	);

async function findingsOk(tx: Tx, orgId: string, evaluationId: string, ids: readonly string[]) {
	return (await findingsAmong(tx, orgId, evaluationId, ids)).length === new Set(ids).size;
}

export async function addRecommendation(
	db: Db,
	actor: Actor,
	orgId: string,
	evaluationId: string,
	input: RecommendationInput
): Promise<{ ok: true; id: string } | { ok: false; error: RecommendationError }> {
	return db.transaction(async (tx) => {
		if (!(await evaluationIn(tx, orgId, evaluationId))) return { ok: false, error: 'notFound' };
		if (!(await findingsOk(tx, orgId, evaluationId, input.findingIds)))
			return { ok: false, error: 'unknownFinding' };
		const position = await nextPosition(tx, recommendations, evaluationId);
		const [row] = await tx
			.insert(recommendations)
			.values({ ...input, orgId, evaluationId, position })
			.returning({ id: recommendations.id });
		await changed(tx, orgId, actor, row!.id, { change: 'added', priority: input.priority });
		return { ok: true, id: row!.id };
	});
}

/** Changes the recommendation itself; its management response stays. */
export async function updateRecommendation(
	db: Db,
	actor: Actor,
	orgId: string,
	evaluationId: string,
	id: string,
	input: RecommendationInput
): Promise<{ ok: true } | { ok: false; error: RecommendationError }> {
	return db.transaction(async (tx) => {
		if (!(await findingsOk(tx, orgId, evaluationId, input.findingIds)))
			return { ok: false, error: 'unknownFinding' };
		const updated = await tx
			.update(recommendations)
			.set(input)
			.where(scoped(orgId, evaluationId, id))
			.returning({ id: recommendations.id });
		if (updated.length === 0) return { ok: false, error: 'notFound' };
		await changed(tx, orgId, actor, id, { change: 'changed', priority: input.priority });
		return { ok: true };
	});
}

/** Records (or corrects) the management response to a recommendation. */
export async function respond(
	db: Db,
	actor: Actor,
	orgId: string,
	evaluationId: string,
	id: string,
	input: ResponseInput
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const updated = await tx
			.update(recommendations)
			.set(input)
			.where(scoped(orgId, evaluationId, id))
			.returning({ id: recommendations.id });
		if (updated.length === 0) return false;
		await changed(tx, orgId, actor, id, {
			change: 'response',
			decision: input.decision,
			state: input.actionState
		});
		return true;
	});
}

export async function deleteRecommendation(
	db: Db,
	actor: Actor,
	orgId: string,
	evaluationId: string,
	id: string
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const deleted = await tx
			.delete(recommendations)
			.where(scoped(orgId, evaluationId, id))
			.returning({ priority: recommendations.priority });
		if (deleted.length === 0) return false;
		await changed(tx, orgId, actor, id, { change: 'deleted', priority: deleted[0]!.priority });
		return true;
	});
}

export async function moveRecommendation(
	db: Db,
	actor: Actor,
	orgId: string,
	evaluationId: string,
	id: string,
	direction: 'up' | 'down'
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const list = await tx
			.select({ id: recommendations.id })
			.from(recommendations)
			.where(and(eq(recommendations.orgId, orgId), eq(recommendations.evaluationId, evaluationId)))
			.orderBy(asc(recommendations.position), asc(recommendations.id));
		const order = moved(
			list.map((r) => r.id),
			id,
			direction
		);
		if (!order) return false;
		await writeOrder(tx, recommendations, order);
		await changed(tx, orgId, actor, id, { change: 'moved' });
		return true;
	});
}
