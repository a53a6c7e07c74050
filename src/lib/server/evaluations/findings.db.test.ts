import { beforeAll, describe, expect, it } from 'vitest';
import type { EvidenceRef } from '../../evaluations/model';
import type { Db } from '../db';
import { evaluationSurveys } from '../db/schema';
import { useTestDatabase } from '../db/testing';
import { publishedSurvey } from './coding-fixtures';
import { evaluationWorld, type EvaluationWorld } from './evaluation-fixtures';
import {
	addEvidence,
	addFinding,
	deleteFinding,
	listFindings,
	moveFinding,
	removeEvidence,
	themeDimensions,
	updateFinding,
	type FindingInput
} from './findings';
import { addQuestion } from './questions';

let db: Db;
useTestDatabase((d) => {
	db = d.db;
});

let w: EvaluationWorld;
let other: EvaluationWorld;
let questionId: string;
let findingId: string;
beforeAll(async () => {
	w = await evaluationWorld(db, 'findings-a');
	other = await evaluationWorld(db, 'findings-b');
	// A survey asking the single-select question `sex`, so theme counts can be cut by it.
	const survey = await publishedSurvey(db, w.orgId, 'Feedback');
	await db
		.insert(evaluationSurveys)
		.values({ evaluationId: w.evaluationId, surveyId: survey.surveyId });
	const q = await addQuestion(db, w.actor, w.orgId, w.evaluationId, {
		criterion: 'effectiveness',
		text: 'Do survivors feel safer?',
		nodeIds: [w.outcomeId],
		indicatorIds: []
	});
	if (!q.ok) throw new Error(q.error);
	questionId = q.id;
}, 60_000);

const input = (extra: Partial<FindingInput> = {}): FindingInput => ({
	statement: 'Most survivors feel safer than a year ago.',
	criterion: 'effectiveness',
	questionId,
	strength: 'moderate',
	...extra
});

const evidenceOf = async (id: string) =>
	(await listFindings(db, w.orgId, w.evaluationId)).find((f) => f.id === id)!.evidence;

describe('findings', () => {
	it('adds a finding answering a question of the evaluation, audited without its text', async () => {
		const added = await addFinding(db, w.actor, w.orgId, w.evaluationId, input());
		if (!added.ok) throw new Error(added.error);
		findingId = added.id;
		expect(await listFindings(db, w.orgId, w.evaluationId)).toMatchObject([
			{ id: findingId, questionId, criterion: 'effectiveness', strength: 'moderate', evidence: [] }
		]);
		const [event] = (await w.audit('finding.changed')).slice(-1);
		expect(event).toMatchObject({
			target: findingId,
			details: { change: 'added', criterion: 'effectiveness' }
		});
		expect(JSON.stringify(event!.details)).not.toContain('safer');
	});

	it("refuses another evaluation's question and another organisation's evaluation", async () => {
		const foreign = await addQuestion(db, other.actor, other.orgId, other.evaluationId, {
			criterion: 'impact',
			text: 'Elsewhere',
			nodeIds: [],
			indicatorIds: []
		});
		if (!foreign.ok) throw new Error(foreign.error);
		const count = (await listFindings(db, w.orgId, w.evaluationId)).length;
		expect(
			await addFinding(db, w.actor, w.orgId, w.evaluationId, input({ questionId: foreign.id }))
		).toEqual({ ok: false, error: 'unknownQuestion' });
		expect(await addFinding(db, w.actor, w.orgId, other.evaluationId, input())).toEqual({
			ok: false,
			error: 'notFound'
		});
		expect(
			await updateFinding(db, w.actor, w.orgId, w.evaluationId, findingId, {
				...input(),
				questionId: foreign.id
			})
		).toEqual({ ok: false, error: 'unknownQuestion' });
		expect(await listFindings(db, w.orgId, w.evaluationId)).toHaveLength(count);
	});

	it('updates a finding, keeping its evidence', async () => {
		expect(
			await updateFinding(db, w.actor, w.orgId, w.evaluationId, findingId, {
				statement: 'Changed',
				criterion: 'impact',
				questionId: null,
				strength: 'strong'
			})
		).toEqual({ ok: true });
		expect((await listFindings(db, w.orgId, w.evaluationId))[0]).toMatchObject({
			statement: 'Changed',
			criterion: 'impact',
			questionId: null,
			strength: 'strong'
		});
		expect(
			await updateFinding(
				db,
				other.actor,
				other.orgId,
				other.evaluationId,
				findingId,
				input({ questionId: null })
			)
		).toEqual({ ok: false, error: 'notFound' });
	});
});

describe('evidence', () => {
	const indicator = (extra: Partial<Extract<EvidenceRef, { kind: 'indicator' }>> = {}) =>
		({
			kind: 'indicator',
			indicatorId: w.outcomeIndicatorId,
			period: 'all',
			dimension: null,
			...extra
		}) as EvidenceRef;

	it.each([
		['the programme to date', () => indicator()],
		[
			'a period of the programme, by one of its breakdowns',
			() => indicator({ period: '2026-Q1', dimension: 'sex' })
		],
		[
			'a theme of the codebook',
			() => ({ kind: 'theme', themeId: w.themeId, dimension: null }) as EvidenceRef
		],
		[
			'a theme by language',
			() => ({ kind: 'theme', themeId: w.themeId, dimension: 'language' }) as EvidenceRef
		],
		[
			'a theme by channel',
			() => ({ kind: 'theme', themeId: w.themeId, dimension: 'channel' }) as EvidenceRef
		],
		[
			'a theme by a single-select question',
			() => ({ kind: 'theme', themeId: w.themeId, dimension: 'sex' }) as EvidenceRef
		],
		[
			'a paraphrase',
			() =>
				({ kind: 'paraphrase', text: '  Several people said the wait was long.  ' }) as EvidenceRef
		]
	])('attaches %s', async (_, make) => {
		const before = await evidenceOf(findingId);
		expect(await addEvidence(db, w.actor, w.orgId, w.evaluationId, findingId, make())).toEqual({
			ok: true
		});
		const after = await evidenceOf(findingId);
		expect(after).toHaveLength(before.length + 1);
		const ref = make();
		expect(after.at(-1)).toEqual(
			ref.kind === 'paraphrase' ? { ...ref, text: ref.text.trim() } : ref
		);
	});

	it.each([
		[
			'an indicator of another programme',
			() => indicator({ indicatorId: other.outcomeIndicatorId }),
			'unknownIndicator'
		],
		[
			'a period the programme does not have',
			() => indicator({ period: '2030-Q1' }),
			'unknownPeriod'
		],
		[
			'a breakdown the indicator does not have',
			() => indicator({ dimension: 'age' }),
			'unknownDimension'
		],
		[
			'a breakdown of another indicator',
			() => indicator({ indicatorId: w.outputIndicatorId, dimension: 'sex' }),
			'unknownDimension'
		],
		[
			"another evaluation's theme",
			() => ({ kind: 'theme', themeId: other.themeId, dimension: null }) as EvidenceRef,
			'unknownTheme'
		],
		[
			'a theme by a question the surveys do not ask as single-select',
			() => ({ kind: 'theme', themeId: w.themeId, dimension: 'age' }) as EvidenceRef,
			'unknownDimension'
		],
		[
			'an empty paraphrase',
			() => ({ kind: 'paraphrase', text: '   ' }) as EvidenceRef,
			'paraphraseLength'
		],
		[
			'a paraphrase over 1000 characters',
			() => ({ kind: 'paraphrase', text: 'x'.repeat(1001) }) as EvidenceRef,
			'paraphraseLength'
		]
	])('refuses %s and stores nothing', async (_, make, error) => {
		const before = await evidenceOf(findingId);
		expect(await addEvidence(db, w.actor, w.orgId, w.evaluationId, findingId, make())).toEqual({
			ok: false,
			error
		});
		expect(await evidenceOf(findingId)).toEqual(before);
	});

	it('stores only the fields of the kind', async () => {
		const sneaky = { ...indicator(), text: 'verbatim answer' } as EvidenceRef;
		await addEvidence(db, w.actor, w.orgId, w.evaluationId, findingId, sneaky);
		expect((await evidenceOf(findingId)).at(-1)).toEqual(indicator());
		await removeEvidence(
			db,
			w.actor,
			w.orgId,
			w.evaluationId,
			findingId,
			(await evidenceOf(findingId)).length - 1
		);
	});

	it('removes one piece by its place, and nothing through another organisation', async () => {
		const before = await evidenceOf(findingId);
		expect(
			await removeEvidence(db, other.actor, other.orgId, other.evaluationId, findingId, 0)
		).toBe(false);
		expect(
			await removeEvidence(db, w.actor, w.orgId, w.evaluationId, findingId, before.length)
		).toBe(false);
		expect(await removeEvidence(db, w.actor, w.orgId, w.evaluationId, findingId, 1)).toBe(true);
		expect(await evidenceOf(findingId)).toEqual(before.filter((_, i) => i !== 1));
		const [event] = (await w.audit('finding.changed')).slice(-1);
		expect(event!.details).toMatchObject({ change: 'evidence removed (indicator)' });
	});

	it('stops at 20 pieces of evidence', async () => {
		const added = await addFinding(
			db,
			w.actor,
			w.orgId,
			w.evaluationId,
			input({ questionId: null })
		);
		if (!added.ok) throw new Error(added.error);
		for (let i = 0; i < 20; i++)
			await addEvidence(db, w.actor, w.orgId, w.evaluationId, added.id, indicator());
		expect(await addEvidence(db, w.actor, w.orgId, w.evaluationId, added.id, indicator())).toEqual({
			ok: false,
			error: 'tooMuchEvidence'
		});
		expect(await evidenceOf(added.id)).toHaveLength(20);
		expect(await deleteFinding(db, w.actor, w.orgId, w.evaluationId, added.id)).toBe(true);
	});

	it('lists the breakdowns theme evidence may use, labelled', async () => {
		const dimensions = await themeDimensions(db, w.orgId, w.evaluationId, 'fr');
		expect(dimensions.map((d) => d.key)).toEqual(['language', 'channel', 'sex']);
		expect(dimensions.find((d) => d.key === 'sex')!.label).toBe('Sexe');
		expect(await themeDimensions(db, w.orgId, other.evaluationId, 'en')).toEqual([]);
	});
});

describe('moving and deleting findings', () => {
	it('moves a finding within its criterion, passing over others', async () => {
		const make = async (criterion: FindingInput['criterion'], statement: string) => {
			const r = await addFinding(
				db,
				w.actor,
				w.orgId,
				w.evaluationId,
				input({ criterion, statement, questionId: null })
			);
			if (!r.ok) throw new Error(r.error);
			return r.id;
		};
		const a = await make('relevance', 'A');
		const x = await make('efficiency', 'X');
		const b = await make('relevance', 'B');
		const order = async () =>
			(await listFindings(db, w.orgId, w.evaluationId))
				.map((f) => f.id)
				.filter((id) => [a, x, b].includes(id));
		expect(await moveFinding(db, w.actor, w.orgId, w.evaluationId, b, 'up')).toBe(true);
		expect(await order()).toEqual([b, x, a]);
		expect(await moveFinding(db, w.actor, w.orgId, w.evaluationId, b, 'up')).toBe(false);
		expect(await moveFinding(db, w.actor, w.orgId, w.evaluationId, x, 'down')).toBe(false);
		expect(await moveFinding(db, other.actor, other.orgId, other.evaluationId, a, 'up')).toBe(
			false
		);
		for (const id of [a, x, b])
			expect(await deleteFinding(db, w.actor, w.orgId, w.evaluationId, id)).toBe(true);
		expect(await deleteFinding(db, w.actor, w.orgId, w.evaluationId, a)).toBe(false);
	});
});
