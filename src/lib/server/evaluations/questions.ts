import { and, asc, eq } from 'drizzle-orm';
import type { DacCriterion } from '../../evaluations/model';
import type { AuditChange } from '../audit/actions';
import { record } from '../audit/service';
import type { Db, Tx } from '../db';
import { evaluationQuestions, type EvaluationQuestionRow } from '../db/schema';
import type { Actor } from '../orgs/service';
import { allNodesOf, evaluationIn, indicatorsOf, moved, nextPosition, writeOrder } from './scope';

/**
 * Evaluation questions: each tagged with a DAC criterion and linked to logframe nodes and
 * indicators of the evaluation's programme. Every statement is scoped by organisation and
 * evaluation; a link to anything outside the programme is refused, not dropped, so the person
 * learns their form was stale. Changes are audited as `evaluation.changed`.
 */

export interface QuestionInput {
	criterion: DacCriterion;
	text: string;
	nodeIds: string[];
	indicatorIds: string[];
}

export type QuestionError = 'notFound' | 'unknownNode' | 'unknownIndicator';
export type QuestionResult = { ok: true; id: string } | { ok: false; error: QuestionError };

export async function listQuestions(
	db: Db,
	orgId: string,
	evaluationId: string
): Promise<EvaluationQuestionRow[]> {
	return db
		.select()
		.from(evaluationQuestions)
		.where(
			and(eq(evaluationQuestions.orgId, orgId), eq(evaluationQuestions.evaluationId, evaluationId))
		)
		.orderBy(asc(evaluationQuestions.position), asc(evaluationQuestions.id));
}

async function checkLinks(
	tx: Tx,
	orgId: string,
	programmeId: string,
	input: QuestionInput
): Promise<QuestionError | null> {
	if (!(await allNodesOf(tx, orgId, programmeId, input.nodeIds))) return 'unknownNode';
	const found = await indicatorsOf(tx, orgId, programmeId, input.indicatorIds);
	if (found.length !== new Set(input.indicatorIds).size) return 'unknownIndicator';
	return null;
}

async function changed(
	tx: Tx,
	orgId: string,
	actor: Actor,
	evaluationId: string,
	change: AuditChange,
	criterion?: DacCriterion
) {
	await record(tx, {
		orgId,
		action: 'evaluation.changed',
		actor,
		target: evaluationId,
		details: criterion ? { change, criterion } : { change }
	});
}

const scoped = (orgId: string, evaluationId: string, id: string) =>
	and(
		eq(evaluationQuestions.id, id),
		eq(evaluationQuestions.orgId, orgId),
		eq(evaluationQuestions.evaluationId, evaluationId)
	);

/** Adds a question at the end of the list. */
export async function addQuestion(
	db: Db,
	actor: Actor,
	orgId: string,
	evaluationId: string,
	input: QuestionInput
): Promise<QuestionResult> {
	return db.transaction(async (tx) => {
		const evaluation = await evaluationIn(tx, orgId, evaluationId);
		if (!evaluation) return { ok: false, error: 'notFound' };
		const problem = await checkLinks(tx, orgId, evaluation.programmeId, input);
		if (problem) return { ok: false, error: problem };
		const position = await nextPosition(tx, evaluationQuestions, evaluationId);
		const [row] = await tx
			.insert(evaluationQuestions)
			.values({ ...input, orgId, evaluationId, position })
			.returning({ id: evaluationQuestions.id });
		await changed(tx, orgId, actor, evaluationId, 'question added', input.criterion);
		return { ok: true, id: row!.id };
	});
}

export async function updateQuestion(
	db: Db,
	actor: Actor,
	orgId: string,
	evaluationId: string,
	id: string,
	input: QuestionInput
): Promise<QuestionResult> {
	return db.transaction(async (tx) => {
		const evaluation = await evaluationIn(tx, orgId, evaluationId);
		if (!evaluation) return { ok: false, error: 'notFound' };
		const problem = await checkLinks(tx, orgId, evaluation.programmeId, input);
		if (problem) return { ok: false, error: problem };
		const updated = await tx
			.update(evaluationQuestions)
			.set(input)
			.where(scoped(orgId, evaluationId, id))
			.returning({ id: evaluationQuestions.id });
		if (updated.length === 0) return { ok: false, error: 'notFound' };
		await changed(tx, orgId, actor, evaluationId, 'question changed', input.criterion);
		return { ok: true, id };
	});
}

/** Deletes a question; its findings stay, no longer answering a question (the key sets null). */
export async function deleteQuestion(
	db: Db,
	actor: Actor,
	orgId: string,
	evaluationId: string,
	id: string
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const deleted = await tx
			.delete(evaluationQuestions)
			.where(scoped(orgId, evaluationId, id))
			.returning({ criterion: evaluationQuestions.criterion });
		if (deleted.length === 0) return false;
		await changed(tx, orgId, actor, evaluationId, 'question deleted', deleted[0]!.criterion);
		return true;
	});
}

/** Swaps a question with the one before or after it. */
export async function moveQuestion(
	db: Db,
	actor: Actor,
	orgId: string,
	evaluationId: string,
	id: string,
	direction: 'up' | 'down'
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const list = await tx
			.select({ id: evaluationQuestions.id })
			.from(evaluationQuestions)
			.where(
				and(
					eq(evaluationQuestions.orgId, orgId),
					eq(evaluationQuestions.evaluationId, evaluationId)
				)
			)
			.orderBy(asc(evaluationQuestions.position), asc(evaluationQuestions.id));
		const order = moved(
			list.map((q) => q.id),
			id,
			direction
		);
		if (!order) return false;
		await writeOrder(tx, evaluationQuestions, order);
		await changed(tx, orgId, actor, evaluationId, 'question moved');
		return true;
	});
}
