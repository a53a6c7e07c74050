import { and, asc, eq, inArray } from 'drizzle-orm';
import type { EvaluationKind, ReportStatus } from '../../evaluations/model';
import { record } from '../audit/service';
import type { Db } from '../db';
import { evaluationSurveys, evaluations, reports, surveys, type Evaluation } from '../db/schema';
import type { Actor } from '../orgs/service';
import { hasPublishedRevision } from './scope';

/**
 * Evaluations of a programme. Every function takes the organisation and the programme and
 * scopes every statement by both, so an id from elsewhere finds nothing. Who may call which is
 * the routes' business (permissions.ts); donors never reach these (they read published
 * revisions only, reports/published.ts).
 */

export interface EvaluationInput {
	kind: EvaluationKind;
	title: string;
	startsOn: string;
	endsOn: string;
	purpose: string;
	methodology: string;
	limitations: string;
	surveyIds: string[];
}

export interface EvaluationSummary {
	id: string;
	kind: EvaluationKind;
	title: string;
	startsOn: string;
	endsOn: string;
	/** Null until someone opens the report. */
	reportStatus: ReportStatus | null;
}

export async function listEvaluations(
	db: Db,
	orgId: string,
	programmeId: string
): Promise<EvaluationSummary[]> {
	return db
		.select({
			id: evaluations.id,
			kind: evaluations.kind,
			title: evaluations.title,
			startsOn: evaluations.startsOn,
			endsOn: evaluations.endsOn,
			reportStatus: reports.status
		})
		.from(evaluations)
		.leftJoin(reports, eq(reports.evaluationId, evaluations.id))
		.where(and(eq(evaluations.orgId, orgId), eq(evaluations.programmeId, programmeId)))
		.orderBy(asc(evaluations.startsOn), asc(evaluations.createdAt));
}

export async function findEvaluation(
	db: Db,
	orgId: string,
	programmeId: string,
	id: string
): Promise<(Evaluation & { surveyIds: string[] }) | undefined> {
	const [evaluation] = await db
		.select()
		.from(evaluations)
		.where(
			and(
				eq(evaluations.id, id),
				eq(evaluations.orgId, orgId),
				eq(evaluations.programmeId, programmeId)
			)
		);
	if (!evaluation) return undefined;
	const linked = await db
		.select({ surveyId: evaluationSurveys.surveyId })
		.from(evaluationSurveys)
		.where(eq(evaluationSurveys.evaluationId, id));
	return { ...evaluation, surveyIds: linked.map((l) => l.surveyId) };
}

/** Only the organisation's own surveys can be drawn on; others are dropped silently. */
async function ownSurveys(db: Db, orgId: string, ids: readonly string[]): Promise<string[]> {
	if (ids.length === 0) return [];
	const found = await db
		.select({ id: surveys.id })
		.from(surveys)
		.where(and(eq(surveys.orgId, orgId), inArray(surveys.id, [...ids])));
	return found.map((s) => s.id);
}

export async function createEvaluation(
	db: Db,
	actor: Actor,
	orgId: string,
	programmeId: string,
	input: EvaluationInput
): Promise<Evaluation> {
	const { surveyIds, ...fields } = input;
	const own = await ownSurveys(db, orgId, surveyIds);
	return db.transaction(async (tx) => {
		const [evaluation] = await tx
			.insert(evaluations)
			.values({ ...fields, orgId, programmeId, createdBy: actor.id })
			.returning();
		if (own.length)
			await tx
				.insert(evaluationSurveys)
				.values(own.map((surveyId) => ({ evaluationId: evaluation!.id, surveyId })));
		await record(tx, {
			orgId,
			action: 'evaluation.created',
			actor,
			target: evaluation!.id,
			details: { title: fields.title, kind: fields.kind }
		});
		return evaluation!;
	});
}

export async function updateEvaluation(
	db: Db,
	actor: Actor,
	orgId: string,
	programmeId: string,
	id: string,
	input: EvaluationInput
): Promise<boolean> {
	const { surveyIds, ...fields } = input;
	const own = await ownSurveys(db, orgId, surveyIds);
	return db.transaction(async (tx) => {
		const updated = await tx
			.update(evaluations)
			.set(fields)
			.where(
				and(
					eq(evaluations.id, id),
					eq(evaluations.orgId, orgId),
					eq(evaluations.programmeId, programmeId)
				)
			)
			.returning({ id: evaluations.id });
		if (updated.length === 0) return false;
		await tx.delete(evaluationSurveys).where(eq(evaluationSurveys.evaluationId, id));
		if (own.length)
			await tx
				.insert(evaluationSurveys)
				.values(own.map((surveyId) => ({ evaluationId: id, surveyId })));
		await record(tx, {
			orgId,
			action: 'evaluation.changed',
			actor,
			target: id,
			details: { title: fields.title }
		});
		return true;
	});
}

/**
 * Deletes an evaluation with its questions, codebook, findings and draft report, unless its
 * report has been published: donors may be reading that revision, and deleting the evaluation
 * would take the frozen revisions with it.
 */
export async function deleteEvaluation(
	db: Db,
	actor: Actor,
	orgId: string,
	programmeId: string,
	id: string
): Promise<{ ok: true } | { ok: false; error: 'notFound' | 'published' }> {
	return db.transaction(async (tx) => {
		// Locks the report row, so a publication running now finishes first and is seen below.
		await tx
			.select({ id: reports.id })
			.from(reports)
			.where(and(eq(reports.evaluationId, id), eq(reports.orgId, orgId)))
			.for('update');
		if (await hasPublishedRevision(tx, orgId, id)) return { ok: false, error: 'published' };
		const deleted = await tx
			.delete(evaluations)
			.where(
				and(
					eq(evaluations.id, id),
					eq(evaluations.orgId, orgId),
					eq(evaluations.programmeId, programmeId)
				)
			)
			.returning({ title: evaluations.title });
		if (deleted.length === 0) return { ok: false, error: 'notFound' };
		await record(tx, {
			orgId,
			action: 'evaluation.deleted',
			actor,
			target: id,
			details: { title: deleted[0]!.title }
		});
		return { ok: true };
	});
}
