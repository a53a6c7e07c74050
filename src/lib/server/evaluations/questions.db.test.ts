import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { useTestDatabase } from '../db/testing';
import { evaluationWorld, type EvaluationWorld } from './evaluation-fixtures';
import { addFinding, listFindings } from './findings';
import {
	addQuestion,
	deleteQuestion,
	listQuestions,
	moveQuestion,
	updateQuestion,
	type QuestionInput
} from './questions';

let db: Db;
useTestDatabase((d) => {
	db = d.db;
});

let w: EvaluationWorld;
let other: EvaluationWorld;
beforeAll(async () => {
	w = await evaluationWorld(db, 'questions-a');
	other = await evaluationWorld(db, 'questions-b');
}, 60_000);

const input = (extra: Partial<QuestionInput> = {}): QuestionInput => ({
	criterion: 'effectiveness',
	text: 'Do survivors feel safer?',
	nodeIds: [],
	indicatorIds: [],
	...extra
});

describe('evaluation questions', () => {
	it('adds questions at the end with their links, and audits each', async () => {
		const before = (await w.audit('evaluation.changed')).length;
		const first = await addQuestion(
			db,
			w.actor,
			w.orgId,
			w.evaluationId,
			input({ nodeIds: [w.outcomeId], indicatorIds: [w.outcomeIndicatorId] })
		);
		const second = await addQuestion(
			db,
			w.actor,
			w.orgId,
			w.evaluationId,
			input({ criterion: 'relevance', text: 'Is it the right support?' })
		);
		expect(first.ok && second.ok).toBe(true);
		const list = await listQuestions(db, w.orgId, w.evaluationId);
		expect(list.map((q) => [q.text, q.criterion, q.nodeIds, q.indicatorIds])).toEqual([
			['Do survivors feel safer?', 'effectiveness', [w.outcomeId], [w.outcomeIndicatorId]],
			['Is it the right support?', 'relevance', [], []]
		]);
		const events = (await w.audit('evaluation.changed')).slice(before);
		expect(events.map((e) => e.details)).toEqual([
			{ change: 'question added', criterion: 'effectiveness' },
			{ change: 'question added', criterion: 'relevance' }
		]);
		expect(events.every((e) => e.target === w.evaluationId)).toBe(true);
	});

	it.each([
		['a node of another programme', () => input({ nodeIds: [other.outcomeId] }), 'unknownNode'],
		['a made-up node', () => input({ nodeIds: [crypto.randomUUID()] }), 'unknownNode'],
		[
			'an indicator of another programme',
			() => input({ indicatorIds: [w.outputIndicatorId, other.outcomeIndicatorId] }),
			'unknownIndicator'
		]
	])('refuses a link to %s and stores nothing', async (_, make, error) => {
		const count = (await listQuestions(db, w.orgId, w.evaluationId)).length;
		expect(await addQuestion(db, w.actor, w.orgId, w.evaluationId, make())).toEqual({
			ok: false,
			error
		});
		expect(await listQuestions(db, w.orgId, w.evaluationId)).toHaveLength(count);
	});

	it("finds no evaluation of another organisation's", async () => {
		expect(await addQuestion(db, w.actor, w.orgId, other.evaluationId, input())).toEqual({
			ok: false,
			error: 'notFound'
		});
		expect(await listQuestions(db, w.orgId, other.evaluationId)).toEqual([]);
	});

	it('updates a question, and never one of another evaluation', async () => {
		const [q] = await listQuestions(db, w.orgId, w.evaluationId);
		const changed = input({ criterion: 'impact', text: 'Changed', nodeIds: [w.outputId] });
		expect(await updateQuestion(db, w.actor, w.orgId, w.evaluationId, q!.id, changed)).toEqual({
			ok: true,
			id: q!.id
		});
		expect((await listQuestions(db, w.orgId, w.evaluationId))[0]).toMatchObject({
			criterion: 'impact',
			text: 'Changed',
			nodeIds: [w.outputId],
			indicatorIds: []
		});
		// The right organisation's question through another organisation's evaluation id.
		expect(
			await updateQuestion(db, other.actor, other.orgId, other.evaluationId, q!.id, input())
		).toEqual({ ok: false, error: 'notFound' });
		// And a bad link leaves the question as it was.
		const refused = await updateQuestion(db, w.actor, w.orgId, w.evaluationId, q!.id, {
			...changed,
			nodeIds: [other.goalId]
		});
		expect(refused).toEqual({ ok: false, error: 'unknownNode' });
		expect((await listQuestions(db, w.orgId, w.evaluationId))[0]!.nodeIds).toEqual([w.outputId]);
	});

	it('moves questions up and down, and not past the ends', async () => {
		const ids = () => listQuestions(db, w.orgId, w.evaluationId).then((l) => l.map((q) => q.id));
		const [a, b] = await ids();
		expect(await moveQuestion(db, w.actor, w.orgId, w.evaluationId, a!, 'up')).toBe(false);
		expect(await moveQuestion(db, w.actor, w.orgId, w.evaluationId, b!, 'down')).toBe(false);
		expect(await moveQuestion(db, w.actor, w.orgId, w.evaluationId, a!, 'down')).toBe(true);
		expect(await ids()).toEqual([b, a]);
		expect(await moveQuestion(db, w.actor, w.orgId, w.evaluationId, a!, 'up')).toBe(true);
		expect(await ids()).toEqual([a, b]);
		expect(await moveQuestion(db, other.actor, other.orgId, other.evaluationId, a!, 'up')).toBe(
			false
		);
	});

	it('deletes a question; its findings stay, answering no question', async () => {
		const added = await addQuestion(db, w.actor, w.orgId, w.evaluationId, input({ text: 'Gone' }));
		if (!added.ok) throw new Error(added.error);
		const finding = await addFinding(db, w.actor, w.orgId, w.evaluationId, {
			statement: 'Survivors feel safer',
			criterion: 'effectiveness',
			questionId: added.id,
			strength: 'moderate'
		});
		expect(finding.ok).toBe(true);
		expect(await deleteQuestion(db, other.actor, other.orgId, other.evaluationId, added.id)).toBe(
			false
		);
		expect(await deleteQuestion(db, w.actor, w.orgId, w.evaluationId, added.id)).toBe(true);
		expect((await listQuestions(db, w.orgId, w.evaluationId)).map((q) => q.id)).not.toContain(
			added.id
		);
		const kept = (await listFindings(db, w.orgId, w.evaluationId)).find(
			(f) => f.statement === 'Survivors feel safer'
		);
		expect(kept).toMatchObject({ questionId: null });
		expect(await deleteQuestion(db, w.actor, w.orgId, w.evaluationId, added.id)).toBe(false);
	});
});
