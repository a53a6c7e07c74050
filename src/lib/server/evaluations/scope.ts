import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db';
import { rows } from '../db/rows';
import {
	evaluationQuestions,
	evaluations,
	findings,
	indicators,
	logframeNodes,
	recommendations,
	reportRevisions,
	reports
} from '../db/schema';

/**
 * What the question, finding and recommendation services share: the evaluation as one
 * organisation's (so an id from elsewhere finds nothing), the programme links it may make, and
 * dense renumbering for the reorder buttons. Not for routes.
 */

/** The evaluation's programme, when the evaluation is this organisation's. */
export async function evaluationIn(
	db: Db | Tx,
	orgId: string,
	evaluationId: string
): Promise<{ id: string; programmeId: string } | undefined> {
	const [found] = await db
		.select({ id: evaluations.id, programmeId: evaluations.programmeId })
		.from(evaluations)
		.where(and(eq(evaluations.id, evaluationId), eq(evaluations.orgId, orgId)));
	return found;
}

/** Whether every id is a logframe node of the programme. */
export async function allNodesOf(
	db: Db | Tx,
	orgId: string,
	programmeId: string,
	ids: readonly string[]
): Promise<boolean> {
	if (ids.length === 0) return true;
	const found = await db
		.select({ id: logframeNodes.id })
		.from(logframeNodes)
		.where(
			and(
				eq(logframeNodes.orgId, orgId),
				eq(logframeNodes.programmeId, programmeId),
				inArray(logframeNodes.id, [...ids])
			)
		);
	return found.length === new Set(ids).size;
}

/** The programme's indicators among `ids`, with what evidence may name of them. */
export async function indicatorsOf(
	db: Db | Tx,
	orgId: string,
	programmeId: string,
	ids: readonly string[]
): Promise<{ id: string; disaggregations: string[] }[]> {
	if (ids.length === 0) return [];
	return db
		.select({ id: indicators.id, disaggregations: indicators.disaggregations })
		.from(indicators)
		.where(
			and(
				eq(indicators.orgId, orgId),
				eq(indicators.programmeId, programmeId),
				inArray(indicators.id, [...ids])
			)
		);
}

/** Whether the evaluation's report has been published at least once (donors may be reading it). */
export async function hasPublishedRevision(
	db: Db | Tx,
	orgId: string,
	evaluationId: string
): Promise<boolean> {
	const [found] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(reportRevisions)
		.innerJoin(reports, eq(reports.id, reportRevisions.reportId))
		.where(and(eq(reports.evaluationId, evaluationId), eq(reportRevisions.orgId, orgId)));
	return (found?.n ?? 0) > 0;
}

/**
 * The order of a list after moving `id` one place up or down; null when it cannot move (not in
 * the list, or already first or last). Callers renumber 0…n−1 so positions stay dense.
 */
export function moved(
	order: readonly string[],
	id: string,
	direction: 'up' | 'down'
): string[] | null {
	const i = order.indexOf(id);
	const j = direction === 'up' ? i - 1 : i + 1;
	if (i < 0 || j < 0 || j >= order.length) return null;
	const next = [...order];
	[next[i], next[j]] = [next[j]!, next[i]!];
	return next;
}

/** The lists of an evaluation that keep an order of their own. */
type Ordered = typeof evaluationQuestions | typeof findings | typeof recommendations;

/** The position after the last row of the evaluation's list (0 for an empty one). */
export async function nextPosition(tx: Tx, table: Ordered, evaluationId: string): Promise<number> {
	const [row] = await rows<{ next: number }>(
		tx.execute(
			sql`select coalesce(max(position) + 1, 0)::int as next from ${table} where evaluation_id = ${evaluationId}`
		)
	);
	return row?.next ?? 0;
}

/** Numbers `ids` 0…n−1 in the order given, in one statement. */
export async function writeOrder(tx: Tx, table: Ordered, ids: readonly string[]): Promise<void> {
	if (ids.length === 0) return;
	await tx.execute(sql`
		update ${table} set position = o.ord - 1
		from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb) with ordinality o(id, ord)
		where ${table}.id = o.id::uuid`);
}
