import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportSnapshot } from '../../evaluations/model';
import type { Db } from '../db';
import { reportRevisions, reports } from '../db/schema';
import { useTestDatabase } from '../db/testing';
import { evaluationWorld, type EvaluationWorld } from './evaluation-fixtures';
import { addFinding } from './findings';
import {
	addRecommendation,
	deleteRecommendation,
	listRecommendations,
	moveRecommendation,
	respond,
	updateRecommendation,
	type RecommendationInput
} from './recommendations';
import { createEvaluation, deleteEvaluation, findEvaluation, listEvaluations } from './service';

let db: Db;
useTestDatabase((d) => {
	db = d.db;
});

let w: EvaluationWorld;
let other: EvaluationWorld;
let findingId: string;
let otherFindingId: string;
beforeAll(async () => {
	w = await evaluationWorld(db, 'recs-a');
	other = await evaluationWorld(db, 'recs-b');
	const finding = (x: EvaluationWorld) =>
		addFinding(db, x.actor, x.orgId, x.evaluationId, {
			statement: 'Waiting times are long',
			criterion: 'efficiency',
			questionId: null,
			strength: 'limited'
		});
	const [a, b] = await Promise.all([finding(w), finding(other)]);
	if (!a.ok || !b.ok) throw new Error('finding');
	findingId = a.id;
	otherFindingId = b.id;
}, 60_000);

const input = (extra: Partial<RecommendationInput> = {}): RecommendationInput => ({
	text: 'Shorten the wait for a first appointment.',
	priority: 'high',
	addressedTo: 'Case management team',
	dueOn: '2026-09-30',
	findingIds: [findingId],
	...extra
});

describe('recommendations', () => {
	let id: string;

	it('adds a recommendation linked to findings of the evaluation, awaiting a response', async () => {
		const added = await addRecommendation(db, w.actor, w.orgId, w.evaluationId, input());
		if (!added.ok) throw new Error(added.error);
		id = added.id;
		expect(await listRecommendations(db, w.orgId, w.evaluationId)).toMatchObject([
			{
				id,
				priority: 'high',
				addressedTo: 'Case management team',
				dueOn: '2026-09-30',
				findingIds: [findingId],
				decision: null,
				actionState: 'notStarted'
			}
		]);
		expect((await w.audit('recommendation.changed')).at(-1)).toMatchObject({
			target: id,
			details: { change: 'added', priority: 'high' }
		});
	});

	it("refuses another evaluation's finding and another organisation's evaluation", async () => {
		expect(
			await addRecommendation(
				db,
				w.actor,
				w.orgId,
				w.evaluationId,
				input({ findingIds: [otherFindingId] })
			)
		).toEqual({ ok: false, error: 'unknownFinding' });
		expect(
			await addRecommendation(db, w.actor, w.orgId, other.evaluationId, input({ findingIds: [] }))
		).toEqual({ ok: false, error: 'notFound' });
		expect(
			await updateRecommendation(
				db,
				w.actor,
				w.orgId,
				w.evaluationId,
				id,
				input({ findingIds: [otherFindingId] })
			)
		).toEqual({ ok: false, error: 'unknownFinding' });
		expect(await listRecommendations(db, w.orgId, w.evaluationId)).toHaveLength(1);
	});

	it('updates the recommendation and records the management response apart', async () => {
		expect(
			await updateRecommendation(
				db,
				w.actor,
				w.orgId,
				w.evaluationId,
				id,
				input({ priority: 'low', dueOn: null, findingIds: [] })
			)
		).toEqual({ ok: true });
		expect(
			await respond(db, w.actor, w.orgId, w.evaluationId, id, {
				decision: 'partial',
				action: 'Add a second intake day',
				actionOwner: 'Programme manager',
				respondedOn: '2026-11-01',
				actionState: 'inProgress'
			})
		).toBe(true);
		expect((await listRecommendations(db, w.orgId, w.evaluationId))[0]).toMatchObject({
			priority: 'low',
			dueOn: null,
			findingIds: [],
			decision: 'partial',
			action: 'Add a second intake day',
			actionOwner: 'Programme manager',
			respondedOn: '2026-11-01',
			actionState: 'inProgress'
		});
		expect((await w.audit('recommendation.changed')).at(-1)!.details).toEqual({
			change: 'response',
			decision: 'partial',
			state: 'inProgress'
		});
		// Changing the recommendation again leaves the response alone.
		await updateRecommendation(db, w.actor, w.orgId, w.evaluationId, id, input());
		expect((await listRecommendations(db, w.orgId, w.evaluationId))[0]).toMatchObject({
			decision: 'partial',
			actionState: 'inProgress'
		});
	});

	it('answers nothing through another organisation', async () => {
		const response = {
			decision: 'accepted' as const,
			action: 'x',
			actionOwner: '',
			respondedOn: null,
			actionState: 'done' as const
		};
		expect(await respond(db, other.actor, other.orgId, other.evaluationId, id, response)).toBe(
			false
		);
		expect(await respond(db, other.actor, other.orgId, w.evaluationId, id, response)).toBe(false);
		expect(await deleteRecommendation(db, other.actor, other.orgId, other.evaluationId, id)).toBe(
			false
		);
		expect((await listRecommendations(db, w.orgId, w.evaluationId))[0]!.actionState).toBe(
			'inProgress'
		);
	});

	it('moves and deletes recommendations', async () => {
		const second = await addRecommendation(
			db,
			w.actor,
			w.orgId,
			w.evaluationId,
			input({ text: 'Second' })
		);
		if (!second.ok) throw new Error(second.error);
		const order = async () =>
			(await listRecommendations(db, w.orgId, w.evaluationId)).map((r) => r.id);
		expect(await order()).toEqual([id, second.id]);
		expect(await moveRecommendation(db, w.actor, w.orgId, w.evaluationId, second.id, 'down')).toBe(
			false
		);
		expect(await moveRecommendation(db, w.actor, w.orgId, w.evaluationId, second.id, 'up')).toBe(
			true
		);
		expect(await order()).toEqual([second.id, id]);
		expect(await deleteRecommendation(db, w.actor, w.orgId, w.evaluationId, second.id)).toBe(true);
		expect(await order()).toEqual([id]);
	});
});

describe('deleting an evaluation', () => {
	const make = () =>
		createEvaluation(db, w.actor, w.orgId, w.programmeId, {
			kind: 'endline',
			title: 'To delete',
			startsOn: '2026-07-01',
			endsOn: '2026-12-31',
			purpose: '',
			methodology: '',
			limitations: '',
			surveyIds: []
		});

	it('deletes a draft evaluation with what it holds', async () => {
		const evaluation = await make();
		await db.insert(reports).values({ orgId: w.orgId, evaluationId: evaluation.id });
		expect(
			await deleteEvaluation(db, other.actor, other.orgId, w.programmeId, evaluation.id)
		).toEqual({
			ok: false,
			error: 'notFound'
		});
		expect(await deleteEvaluation(db, w.actor, w.orgId, w.programmeId, evaluation.id)).toEqual({
			ok: true
		});
		expect(await findEvaluation(db, w.orgId, w.programmeId, evaluation.id)).toBeUndefined();
	});

	it('refuses once its report has a published revision, which donors may be reading', async () => {
		const evaluation = await make();
		const [report] = await db
			.insert(reports)
			.values({ orgId: w.orgId, evaluationId: evaluation.id, status: 'published' })
			.returning({ id: reports.id });
		await db.insert(reportRevisions).values({
			orgId: w.orgId,
			reportId: report!.id,
			programmeId: w.programmeId,
			number: 1,
			snapshot: { version: 1 } as unknown as ReportSnapshot,
			publishedOn: '2026-11-30'
		});
		expect(await deleteEvaluation(db, w.actor, w.orgId, w.programmeId, evaluation.id)).toEqual({
			ok: false,
			error: 'published'
		});
		expect(await findEvaluation(db, w.orgId, w.programmeId, evaluation.id)).toBeDefined();
		const listed = (await listEvaluations(db, w.orgId, w.programmeId)).find(
			(e) => e.id === evaluation.id
		);
		expect(listed).toMatchObject({ reportStatus: 'published' });
	});
});
