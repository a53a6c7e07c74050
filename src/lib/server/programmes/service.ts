import { and, asc, eq, inArray, max, sql } from 'drizzle-orm';
import {
	childLevel,
	type IndicatorDefinition,
	type Level,
	type Logframe,
	type LogframeNode
} from '../../programmes/model';
import type { IndicatorRule } from '../indicators/math';
import type { AuditChange } from '../audit/actions';
import { record } from '../audit/service';
import type { Db, Tx } from '../db';
import {
	indicatorSurveys,
	indicators,
	logframeNodes,
	manualValues,
	memberships,
	organisations,
	programmeDonors,
	programmes,
	surveys,
	users,
	type IndicatorRow,
	type Programme,
	type Role
} from '../db/schema';
import type { Actor } from '../orgs/service';

/**
 * Programmes, their logframes and indicators. Every function takes the organisation id and
 * scopes every statement by it, so an id from another organisation finds nothing; donors see
 * only the programmes they are attached to. Changes are written in transactions with their
 * audit event.
 */

/** Who is looking, as far as programmes care (the request's Viewer fits it). */
export interface ProgrammeViewer {
	user: { id: string };
	role: Role;
}

export type ProgrammeInput = Pick<
	Programme,
	| 'name'
	| 'description'
	| 'countries'
	| 'sites'
	| 'startsOn'
	| 'endsOn'
	| 'icatTags'
	| 'periodKind'
	| 'customPeriods'
	| 'levelLabels'
	| 'atRisk'
	| 'offTrack'
>;

/** Donors see a programme only when attached to it; the team sees all of the organisation's. */
function visibleTo(viewer: ProgrammeViewer) {
	return viewer.role === 'donor'
		? sql`exists (select 1 from ${programmeDonors} d where d.programme_id = "programmes"."id" and d.user_id = ${viewer.user.id})`
		: undefined;
}

export async function listProgrammes(db: Db, orgId: string, viewer: ProgrammeViewer) {
	return db
		.select({
			id: programmes.id,
			name: programmes.name,
			startsOn: programmes.startsOn,
			endsOn: programmes.endsOn,
			icatTags: programmes.icatTags,
			countries: programmes.countries,
			indicators: sql<number>`(select count(*)::int from ${indicators} i where i.programme_id = "programmes"."id")`
		})
		.from(programmes)
		.where(and(eq(programmes.orgId, orgId), visibleTo(viewer)))
		.orderBy(asc(programmes.name));
}

export async function findProgramme(
	db: Db,
	orgId: string,
	id: string,
	viewer: ProgrammeViewer
): Promise<Programme | undefined> {
	const [programme] = await db
		.select()
		.from(programmes)
		.where(and(eq(programmes.id, id), eq(programmes.orgId, orgId), visibleTo(viewer)));
	return programme;
}

/** A new programme with its goal, so the logframe starts from the top as ICAT asks. */
export async function createProgramme(
	db: Db,
	actor: Actor,
	orgId: string,
	input: ProgrammeInput & { goal: string }
): Promise<Programme> {
	const { goal, ...fields } = input;
	return db.transaction(async (tx) => {
		const [programme] = await tx
			.insert(programmes)
			.values({ ...fields, orgId, createdBy: actor.id })
			.returning();
		await tx.insert(logframeNodes).values({
			orgId,
			programmeId: programme!.id,
			level: 'goal',
			narrative: goal || fields.name
		});
		await record(tx, {
			orgId,
			action: 'programme.created',
			actor,
			target: programme!.id,
			details: { name: fields.name }
		});
		return programme!;
	});
}

export async function updateProgramme(
	db: Db,
	actor: Actor,
	orgId: string,
	id: string,
	input: ProgrammeInput
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const updated = await tx
			.update(programmes)
			.set(input)
			.where(and(eq(programmes.id, id), eq(programmes.orgId, orgId)))
			.returning({ id: programmes.id });
		if (updated.length === 0) return false;
		await record(tx, {
			orgId,
			action: 'programme.changed',
			actor,
			target: id,
			details: { name: input.name }
		});
		return true;
	});
}

export async function deleteProgramme(db: Db, actor: Actor, orgId: string, id: string) {
	return db.transaction(async (tx) => {
		const deleted = await tx
			.delete(programmes)
			.where(and(eq(programmes.id, id), eq(programmes.orgId, orgId)))
			.returning({ name: programmes.name });
		if (deleted.length === 0) return false;
		await record(tx, {
			orgId,
			action: 'programme.deleted',
			actor,
			target: id,
			details: { name: deleted[0]!.name }
		});
		return true;
	});
}

/** The organisation's donor members, and whether each is attached to the programme. */
export async function donorsOf(db: Db, orgId: string, programmeId: string) {
	return db
		.select({
			userId: users.id,
			email: users.email,
			displayName: users.displayName,
			attached: sql<boolean>`exists (select 1 from ${programmeDonors} d where d.programme_id = ${programmeId} and d.user_id = "users"."id")`
		})
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(and(eq(memberships.orgId, orgId), eq(memberships.role, 'donor')))
		.orderBy(asc(users.email));
}

/** Attaches exactly these donors (members with the donor role; others are ignored). */
export async function setDonors(
	db: Db,
	actor: Actor,
	orgId: string,
	programmeId: string,
	userIds: readonly string[]
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [programme] = await tx
			.select({ id: programmes.id })
			.from(programmes)
			.where(and(eq(programmes.id, programmeId), eq(programmes.orgId, orgId)));
		if (!programme) return false;
		const donors = userIds.length
			? await tx
					.select({ userId: memberships.userId })
					.from(memberships)
					.where(
						and(
							eq(memberships.orgId, orgId),
							eq(memberships.role, 'donor'),
							inArray(memberships.userId, [...userIds])
						)
					)
			: [];
		await tx.delete(programmeDonors).where(eq(programmeDonors.programmeId, programmeId));
		if (donors.length)
			await tx
				.insert(programmeDonors)
				.values(donors.map((d) => ({ programmeId, userId: d.userId })));
		await record(tx, {
			orgId,
			action: 'programme.donors_changed',
			actor,
			target: programmeId,
			details: { donors: donors.length }
		});
		return true;
	});
}

// ---------------------------------------------------------------------------------------------
// Logframe

function toDefinition(row: IndicatorRow, surveyIds: string[]): IndicatorDefinition {
	return {
		id: row.id,
		nodeId: row.nodeId,
		code: row.code,
		statement: row.statement,
		unit: row.unit,
		kind: row.kind,
		direction: row.direction,
		baselineValue: row.baselineValue,
		baselineDate: row.baselineDate,
		target: row.target,
		milestones: row.milestones,
		disaggregations: row.disaggregations,
		meansOfVerification: row.meansOfVerification,
		source: row.source,
		surveyIds,
		rule: row.rule,
		libraryId: row.libraryId,
		position: row.position
	};
}

/** The programme's whole logframe: its nodes and its indicators with their surveys. */
export async function loadLogframe(
	db: Db | Tx,
	orgId: string,
	programmeId: string
): Promise<Logframe> {
	const [nodes, rows, bindings] = await Promise.all([
		db
			.select()
			.from(logframeNodes)
			.where(and(eq(logframeNodes.programmeId, programmeId), eq(logframeNodes.orgId, orgId)))
			.orderBy(asc(logframeNodes.position), asc(logframeNodes.id)),
		db
			.select()
			.from(indicators)
			.where(and(eq(indicators.programmeId, programmeId), eq(indicators.orgId, orgId)))
			.orderBy(asc(indicators.position), asc(indicators.id)),
		db
			.select({ indicatorId: indicatorSurveys.indicatorId, surveyId: indicatorSurveys.surveyId })
			.from(indicatorSurveys)
			.innerJoin(indicators, eq(indicators.id, indicatorSurveys.indicatorId))
			.where(and(eq(indicators.programmeId, programmeId), eq(indicators.orgId, orgId)))
	]);
	const surveysOf = new Map<string, string[]>();
	for (const b of bindings)
		surveysOf.set(b.indicatorId, [...(surveysOf.get(b.indicatorId) ?? []), b.surveyId]);
	return {
		nodes: nodes.map((n): LogframeNode => ({
			id: n.id,
			parentId: n.parentId,
			level: n.level,
			code: n.code,
			narrative: n.narrative,
			assumptions: n.assumptions,
			position: n.position
		})),
		indicators: rows.map((row) => toDefinition(row, (surveysOf.get(row.id) ?? []).sort()))
	};
}

export type NodeInput = Pick<LogframeNode, 'code' | 'narrative' | 'assumptions'>;

async function nodeIn(tx: Db | Tx, orgId: string, programmeId: string, id: string) {
	const [node] = await tx
		.select()
		.from(logframeNodes)
		.where(
			and(
				eq(logframeNodes.id, id),
				eq(logframeNodes.programmeId, programmeId),
				eq(logframeNodes.orgId, orgId)
			)
		);
	return node;
}

async function logframeChanged(
	tx: Tx,
	orgId: string,
	actor: Actor,
	programmeId: string,
	change: AuditChange
) {
	await record(tx, {
		orgId,
		action: 'logframe.changed',
		actor,
		target: programmeId,
		details: { change }
	});
}

/** Adds a node under `parentId` at the next level down (its position: last among siblings). */
export async function addNode(
	db: Db,
	actor: Actor,
	orgId: string,
	programmeId: string,
	parentId: string,
	input: NodeInput
): Promise<{ ok: true; id: string } | { ok: false; error: 'notFound' | 'noChildLevel' }> {
	return db.transaction(async (tx) => {
		const parent = await nodeIn(tx, orgId, programmeId, parentId);
		if (!parent) return { ok: false, error: 'notFound' };
		const level = childLevel(parent.level);
		if (!level) return { ok: false, error: 'noChildLevel' };
		const [last] = await tx
			.select({ position: max(logframeNodes.position) })
			.from(logframeNodes)
			.where(eq(logframeNodes.parentId, parentId));
		const [node] = await tx
			.insert(logframeNodes)
			.values({
				...input,
				orgId,
				programmeId,
				parentId,
				level,
				position: (last?.position ?? -1) + 1
			})
			.returning({ id: logframeNodes.id });
		await logframeChanged(tx, orgId, actor, programmeId, `added ${level}`);
		return { ok: true, id: node!.id };
	});
}

export async function updateNode(
	db: Db,
	actor: Actor,
	orgId: string,
	programmeId: string,
	id: string,
	input: NodeInput
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const node = await nodeIn(tx, orgId, programmeId, id);
		if (!node) return false;
		await tx.update(logframeNodes).set(input).where(eq(logframeNodes.id, id));
		await logframeChanged(tx, orgId, actor, programmeId, `changed ${node.level}`);
		return true;
	});
}

/** Deletes a node with everything under it and their indicators; the goal stays. */
export async function deleteNode(
	db: Db,
	actor: Actor,
	orgId: string,
	programmeId: string,
	id: string
): Promise<{ ok: true } | { ok: false; error: 'notFound' | 'goal' }> {
	return db.transaction(async (tx) => {
		const node = await nodeIn(tx, orgId, programmeId, id);
		if (!node) return { ok: false, error: 'notFound' };
		if (node.level === 'goal') return { ok: false, error: 'goal' };
		await tx.delete(logframeNodes).where(eq(logframeNodes.id, id));
		await logframeChanged(tx, orgId, actor, programmeId, `deleted ${node.level}`);
		return { ok: true };
	});
}

/** Swaps a node with its previous or next sibling. */
export async function moveNode(
	db: Db,
	actor: Actor,
	orgId: string,
	programmeId: string,
	id: string,
	direction: 'up' | 'down'
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const node = await nodeIn(tx, orgId, programmeId, id);
		if (!node || !node.parentId) return false;
		const siblings = await tx
			.select({ id: logframeNodes.id })
			.from(logframeNodes)
			.where(eq(logframeNodes.parentId, node.parentId))
			.orderBy(asc(logframeNodes.position), asc(logframeNodes.id));
		const order = siblings.map((s) => s.id);
		const i = order.indexOf(id);
		const j = direction === 'up' ? i - 1 : i + 1;
		if (j < 0 || j >= order.length) return false;
		[order[i], order[j]] = [order[j]!, order[i]!];
		// Renumber the siblings 0…n−1: positions stay dense whatever earlier edits left.
		for (const [position, siblingId] of order.entries())
			await tx.update(logframeNodes).set({ position }).where(eq(logframeNodes.id, siblingId));
		await logframeChanged(tx, orgId, actor, programmeId, `moved ${node.level}`);
		return true;
	});
}

// ---------------------------------------------------------------------------------------------
// Indicators

export type IndicatorInput = Omit<IndicatorDefinition, 'id' | 'nodeId' | 'position' | 'libraryId'>;

/** Surveys of the organisation among `ids` (a binding to another organisation's survey is dropped). */
async function ownSurveys(tx: Db | Tx, orgId: string, ids: readonly string[]) {
	if (ids.length === 0) return [];
	const rows = await tx
		.select({ id: surveys.id })
		.from(surveys)
		.where(and(eq(surveys.orgId, orgId), inArray(surveys.id, [...ids])));
	return rows.map((r) => r.id);
}

function indicatorColumns(input: IndicatorInput) {
	const { surveyIds: _, ...fields } = input;
	// A manual indicator reads no survey: its rule is dropped with its bindings.
	return { ...fields, rule: input.source === 'manual' ? null : input.rule };
}

async function bind(tx: Tx, orgId: string, indicatorId: string, input: IndicatorInput) {
	await tx.delete(indicatorSurveys).where(eq(indicatorSurveys.indicatorId, indicatorId));
	if (input.source === 'manual') return;
	const ids = await ownSurveys(tx, orgId, input.surveyIds);
	if (ids.length)
		await tx.insert(indicatorSurveys).values(ids.map((surveyId) => ({ indicatorId, surveyId })));
}

export async function addIndicator(
	db: Db,
	actor: Actor,
	orgId: string,
	programmeId: string,
	nodeId: string,
	input: IndicatorInput,
	options: { libraryId?: string; tx?: Tx } = {}
): Promise<{ ok: true; id: string } | { ok: false; error: 'notFound' }> {
	const work = async (tx: Tx) => {
		const node = await nodeIn(tx, orgId, programmeId, nodeId);
		if (!node) return { ok: false as const, error: 'notFound' as const };
		const [last] = await tx
			.select({ position: max(indicators.position) })
			.from(indicators)
			.where(eq(indicators.programmeId, programmeId));
		const [row] = await tx
			.insert(indicators)
			.values({
				...indicatorColumns(input),
				orgId,
				programmeId,
				nodeId,
				libraryId: options.libraryId ?? null,
				position: (last?.position ?? -1) + 1
			})
			.returning({ id: indicators.id });
		await bind(tx, orgId, row!.id, input);
		await record(tx, {
			orgId,
			action: 'indicator.created',
			actor,
			target: row!.id,
			details: { code: input.code, programme: programmeId }
		});
		return { ok: true as const, id: row!.id };
	};
	return options.tx ? work(options.tx) : db.transaction(work);
}

export async function findIndicator(db: Db, orgId: string, programmeId: string, id: string) {
	const [row] = await db
		.select()
		.from(indicators)
		.where(
			and(
				eq(indicators.id, id),
				eq(indicators.programmeId, programmeId),
				eq(indicators.orgId, orgId)
			)
		);
	if (!row) return undefined;
	const bound = await db
		.select({ surveyId: indicatorSurveys.surveyId })
		.from(indicatorSurveys)
		.where(eq(indicatorSurveys.indicatorId, id));
	return toDefinition(row, bound.map((b) => b.surveyId).sort());
}

export async function updateIndicator(
	db: Db,
	actor: Actor,
	orgId: string,
	programmeId: string,
	id: string,
	input: IndicatorInput & { nodeId?: string }
): Promise<boolean> {
	return db.transaction(async (tx) => {
		if (input.nodeId && !(await nodeIn(tx, orgId, programmeId, input.nodeId))) return false;
		const { nodeId, ...rest } = input;
		const updated = await tx
			.update(indicators)
			.set({ ...indicatorColumns(rest), ...(nodeId ? { nodeId } : {}) })
			.where(
				and(
					eq(indicators.id, id),
					eq(indicators.programmeId, programmeId),
					eq(indicators.orgId, orgId)
				)
			)
			.returning({ id: indicators.id });
		if (updated.length === 0) return false;
		await bind(tx, orgId, id, rest);
		await record(tx, {
			orgId,
			action: 'indicator.changed',
			actor,
			target: id,
			details: { code: input.code }
		});
		return true;
	});
}

export async function deleteIndicator(
	db: Db,
	actor: Actor,
	orgId: string,
	programmeId: string,
	id: string
) {
	return db.transaction(async (tx) => {
		const deleted = await tx
			.delete(indicators)
			.where(
				and(
					eq(indicators.id, id),
					eq(indicators.programmeId, programmeId),
					eq(indicators.orgId, orgId)
				)
			)
			.returning({ code: indicators.code });
		if (deleted.length === 0) return false;
		await record(tx, {
			orgId,
			action: 'indicator.deleted',
			actor,
			target: id,
			details: { code: deleted[0]!.code }
		});
		return true;
	});
}

/** Enters (or, with value null, clears) a manual indicator's value for a period. */
export async function setManualValue(
	db: Db,
	actor: Actor,
	orgId: string,
	programmeId: string,
	indicatorId: string,
	entry: { periodKey: string; value: number | null; n: number | null; note: string }
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [indicator] = await tx
			.select({ id: indicators.id, code: indicators.code, source: indicators.source })
			.from(indicators)
			.where(
				and(
					eq(indicators.id, indicatorId),
					eq(indicators.programmeId, programmeId),
					eq(indicators.orgId, orgId)
				)
			);
		if (!indicator || indicator.source !== 'manual') return false;
		if (entry.value === null) {
			await tx
				.delete(manualValues)
				.where(
					and(
						eq(manualValues.indicatorId, indicatorId),
						eq(manualValues.periodKey, entry.periodKey)
					)
				);
		} else {
			const values = {
				value: entry.value,
				n: entry.n,
				note: entry.note,
				updatedBy: actor.id,
				updatedAt: new Date()
			};
			await tx
				.insert(manualValues)
				.values({ indicatorId, periodKey: entry.periodKey, ...values })
				.onConflictDoUpdate({
					target: [manualValues.indicatorId, manualValues.periodKey],
					set: values
				});
		}
		await record(tx, {
			orgId,
			action: 'indicator.value_set',
			actor,
			target: indicatorId,
			details: { code: indicator.code, period: entry.periodKey, value: entry.value }
		});
		return true;
	});
}

export async function manualValuesOf(db: Db, orgId: string, programmeId: string) {
	return db
		.select({
			indicatorId: manualValues.indicatorId,
			periodKey: manualValues.periodKey,
			value: manualValues.value,
			n: manualValues.n,
			note: manualValues.note
		})
		.from(manualValues)
		.innerJoin(indicators, eq(indicators.id, manualValues.indicatorId))
		.where(and(eq(indicators.programmeId, programmeId), eq(indicators.orgId, orgId)));
}

/**
 * Replaces the whole logframe (an .xlsx import) in one transaction: nodes and indicators are
 * created afresh, bindings to surveys are not part of a file and are set again afterwards.
 */
export async function replaceLogframe(
	db: Db,
	actor: Actor,
	orgId: string,
	programmeId: string,
	logframe: Logframe
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [programme] = await tx
			.select({ id: programmes.id })
			.from(programmes)
			.where(and(eq(programmes.id, programmeId), eq(programmes.orgId, orgId)));
		if (!programme) return false;
		await tx.delete(logframeNodes).where(eq(logframeNodes.programmeId, programmeId));
		const ids = new Map<string, string>();
		// Parents before children: insert level by level.
		const levels: Level[] = ['goal', 'outcome', 'output', 'activity'];
		for (const level of levels) {
			const nodes = logframe.nodes.filter((n) => n.level === level);
			if (nodes.length === 0) continue;
			const inserted = await tx
				.insert(logframeNodes)
				.values(
					nodes.map((n) => ({
						orgId,
						programmeId,
						parentId: n.parentId ? (ids.get(n.parentId) ?? null) : null,
						level: n.level,
						code: n.code,
						narrative: n.narrative,
						assumptions: n.assumptions,
						position: n.position
					}))
				)
				.returning({ id: logframeNodes.id });
			nodes.forEach((n, i) => ids.set(n.id, inserted[i]!.id));
		}
		const rows = logframe.indicators.filter((i) => ids.has(i.nodeId));
		if (rows.length)
			await tx.insert(indicators).values(
				rows.map((i) => ({
					...indicatorColumns({ ...i, surveyIds: [] }),
					id: undefined,
					orgId,
					programmeId,
					nodeId: ids.get(i.nodeId)!,
					libraryId: i.libraryId,
					position: i.position
				}))
			);
		await record(tx, {
			orgId,
			action: 'logframe.imported',
			actor,
			target: programmeId,
			details: { nodes: logframe.nodes.length, indicators: rows.length }
		});
		return true;
	});
}

export type { IndicatorRule };

/** Programmes some donor is attached to, with their organisation's minimum cell size. */
export async function programmesWithDonors(db: Db) {
	return db
		.selectDistinct({ programme: programmes, k: organisations.minCellSize })
		.from(programmes)
		.innerJoin(programmeDonors, eq(programmeDonors.programmeId, programmes.id))
		.innerJoin(organisations, eq(organisations.id, programmes.orgId));
}
