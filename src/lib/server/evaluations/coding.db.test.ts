import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { codedAnswers, findings, themes } from '../db/schema';
import { useTestDatabase, wholeDatabaseText } from '../db/testing';
import { fixtures } from '../db/testing/fixtures';
import type { Actor } from '../orgs/service';
import {
	addEvaluation,
	addProgramme,
	addResponses,
	feedbackInstrument,
	publishedSurvey
} from './coding-fixtures';
import {
	answerQueue,
	codeAnswer,
	codingWorkspace,
	createTheme,
	deleteTheme,
	listThemes,
	mergeThemes,
	moveTheme,
	openTextQuestions,
	renameTheme,
	reorderThemes
} from './coding';
import { themeFigures } from './theme-counts';

let db: Db;
let database: Parameters<Parameters<typeof useTestDatabase>[0]>[0];
useTestDatabase((d) => {
	database = d;
	db = d.db;
});
const make = fixtures(() => db);

let actor: Actor;
let orgId: string;
let otherOrgId: string;
let programmeId: string;
let evaluationId: string;
let otherEvaluationId: string;
let ids: string[];
let outOfScope: string;
let foreignResponse: string;

const SECRET_TEXT = 'my employer took my passport';

beforeAll(async () => {
	actor = await make.person('analyst');
	orgId = (await make.organisation('coding', actor)).id;
	otherOrgId = (await make.organisation('coding-other', actor)).id;
	programmeId = await addProgramme(db, orgId);
	const survey = await publishedSurvey(db, orgId, 'Feedback', [
		feedbackInstrument(),
		feedbackInstrument({ textName: 'problems' })
	]);
	evaluationId = await addEvaluation(db, actor, orgId, programmeId, [survey.surveyId]);
	otherEvaluationId = await addEvaluation(db, actor, orgId, programmeId, []);
	// Days out of order on purpose: the queue orders by day, then id.
	ids = await addResponses(db, orgId, survey, [
		{ submittedOn: '2026-02-03', language: 'en', answers: { problems: 'Waited too long' } },
		{
			submittedOn: '2026-02-01',
			language: 'ar',
			channel: 'sms',
			answers: { problems: 'انتظرت طويلا' }
		},
		{ submittedOn: '2026-02-02', language: 'fr', answers: { problems: SECRET_TEXT } },
		{ submittedOn: '2026-02-04', answers: { problems: '   ' } },
		{ submittedOn: '2026-02-04', answers: { problems: '.pnts' } },
		{ submittedOn: '2026-02-04', answers: { sex: 'female' } }
	]);
	outOfScope = (
		await addResponses(db, orgId, survey, [
			{ submittedOn: '2025-02-01', answers: { problems: 'Too early' } }
		])
	)[0]!;
	const foreignSurvey = await publishedSurvey(db, otherOrgId, 'Theirs');
	foreignResponse = (
		await addResponses(db, otherOrgId, foreignSurvey, [{ answers: { problems: 'Not yours' } }])
	)[0]!;
});

/** The three answers to code, in the queue's stable order: by day submitted. */
const ordered = () => [ids[1]!, ids[2]!, ids[0]!];

async function theme(name: string, evaluation = evaluationId) {
	const created = await createTheme(db, actor, orgId, evaluation, { name, description: '' });
	if (!created.ok) throw new Error(created.error);
	return created.id;
}

describe('open-text questions', () => {
	it('lists text questions by name once across versions, in the UI language', () => {
		const list = openTextQuestions(
			[feedbackInstrument(), feedbackInstrument({ textName: 'changes' })],
			'fr'
		);
		expect(list).toEqual([
			{ name: 'problems', label: 'Des problèmes ?' },
			{ name: 'changes', label: 'Des problèmes ?' }
		]);
	});
});

describe('the queue and the workspace', () => {
	it('holds only non-empty answers within the evaluation, uncoded first, in a stable order', async () => {
		const w = (await codingWorkspace(db, orgId, evaluationId, {
			question: null,
			answer: null,
			lang: 'en'
		}))!;
		expect(w.question).toEqual({ name: 'problems', label: 'Did the support cause any problems?' });
		expect(w.progress).toEqual({ coded: 0, total: 3 });
		expect(w.current).toMatchObject({
			responseId: ordered()[0],
			text: 'انتظرت طويلا',
			language: 'ar',
			dir: 'rtl',
			channel: 'sms',
			coded: false,
			themeIds: []
		});
		expect(w.previousId).toBeNull();
		expect(w.nextId).toBe(ordered()[1]);
		const queue = await answerQueue(db, orgId, evaluationId, 'problems', 1);
		expect(queue.items.map((i) => i.responseId)).toEqual(ordered());
		expect(queue.total).toBe(3);
	});

	it('codes an answer, moves it after the uncoded ones, and walks on from it', async () => {
		const waiting = await theme('Waiting');
		const [first, second, third] = ordered();
		expect(
			await codeAnswer(db, actor, orgId, evaluationId, second!, 'problems', [waiting, waiting])
		).toEqual({ ok: true });
		const stored = await db.select().from(codedAnswers).where(eq(codedAnswers.responseId, second!));
		expect(stored).toMatchObject([
			{ themeIds: [waiting], codedBy: actor.id, question: 'problems' }
		]);

		const w = (await codingWorkspace(db, orgId, evaluationId, {
			question: 'problems',
			answer: second!,
			lang: 'en'
		}))!;
		expect(w.progress).toEqual({ coded: 1, total: 3 });
		expect(w.current).toMatchObject({ responseId: second, coded: true, themeIds: [waiting] });
		expect(w.previousId).toBe(first);
		// Next still to code after this one.
		expect(w.nextId).toBe(third);
		const queue = await answerQueue(db, orgId, evaluationId, 'problems', 1);
		expect(queue.items.map((i) => i.responseId)).toEqual([first, third, second]);

		// Recoding replaces; "nothing to code" is a coding too.
		expect(await codeAnswer(db, actor, orgId, evaluationId, second!, 'problems', [])).toEqual({
			ok: true
		});
		const again = await db.select().from(codedAnswers).where(eq(codedAnswers.responseId, second!));
		expect(again.map((a) => a.themeIds)).toEqual([[]]);

		// After the last one still to code comes the first one still to code (wrapping round).
		const atThird = (await codingWorkspace(db, orgId, evaluationId, {
			question: 'problems',
			answer: third!,
			lang: 'en'
		}))!;
		expect(atThird.nextId).toBe(first);
	});

	it('falls back to the first answer to code for an unknown or foreign answer id', async () => {
		for (const answer of ['not-a-uuid', foreignResponse, outOfScope, ids[3]!]) {
			const w = (await codingWorkspace(db, orgId, evaluationId, {
				question: 'problems',
				answer,
				lang: 'en'
			}))!;
			expect(w.current?.responseId).toBe(ordered()[0]);
		}
	});

	it('refuses to code what the evaluation does not read, or with themes of another codebook', async () => {
		const elsewhere = await theme('Elsewhere', otherEvaluationId);
		const [first] = ordered();
		const cases: [string, string, string[], string][] = [
			[foreignResponse, 'problems', [], 'answer'],
			[outOfScope, 'problems', [], 'answer'],
			[ids[3]!, 'problems', [], 'answer'],
			[ids[4]!, 'problems', [], 'answer'],
			['nonsense', 'problems', [], 'answer'],
			[first!, 'sex', [], 'question'],
			[first!, 'nothing', [], 'question'],
			[first!, 'problems', [elsewhere], 'theme'],
			[first!, 'problems', ['not-a-uuid'], 'theme']
		];
		for (const [response, question, themeIds, error] of cases)
			expect(
				await codeAnswer(db, actor, orgId, evaluationId, response, question, themeIds),
				`${response} ${question}`
			).toEqual({ ok: false, error });
		expect(await codeAnswer(db, actor, otherOrgId, evaluationId, first!, 'problems', [])).toEqual({
			ok: false,
			error: 'notFound'
		});
		const stored = await db.select().from(codedAnswers).where(eq(codedAnswers.responseId, first!));
		expect(stored).toEqual([]);
	});
});

describe('the codebook', () => {
	it('keeps names unique per evaluation, whatever the case, with a typed error', async () => {
		await theme('Stigma');
		expect(
			await createTheme(db, actor, orgId, evaluationId, { name: 'STIGMA', description: '' })
		).toEqual({ ok: false, error: 'nameTaken' });
		// Another evaluation may use the name.
		expect(
			(await createTheme(db, actor, orgId, otherEvaluationId, { name: 'Stigma', description: '' }))
				.ok
		).toBe(true);
		const list = await listThemes(db, orgId, evaluationId);
		const stigma = list.find((t) => t.name === 'Stigma')!;
		expect(
			await renameTheme(db, actor, orgId, evaluationId, stigma.id, {
				name: 'waiting',
				description: ''
			})
		).toEqual({ ok: false, error: 'nameTaken' });
		expect(
			await createTheme(db, actor, otherOrgId, evaluationId, { name: 'New', description: '' })
		).toEqual({ ok: false, error: 'notFound' });
	});

	it('renames with a description, reorders, and logs each change without answer text', async () => {
		const before = await listThemes(db, orgId, evaluationId);
		const stigma = before.find((t) => t.name === 'Stigma')!;
		expect(
			await renameTheme(db, actor, orgId, evaluationId, stigma.id, {
				name: 'Shame and stigma',
				description: 'Feeling judged by neighbours or staff'
			})
		).toEqual({ ok: true, id: stigma.id });
		expect(await moveTheme(db, actor, orgId, evaluationId, stigma.id, 'up')).toMatchObject({
			ok: true
		});
		const after = await listThemes(db, orgId, evaluationId);
		expect(after.map((t) => t.name)).toEqual(['Shame and stigma', 'Waiting']);
		expect(after[0]!.description).toBe('Feeling judged by neighbours or staff');
		expect(await reorderThemes(db, actor, orgId, evaluationId, [after[0]!.id])).toEqual({
			ok: false,
			error: 'notFound'
		});
		expect(
			await reorderThemes(db, actor, orgId, evaluationId, [after[1]!.id, after[0]!.id])
		).toMatchObject({ ok: true });
		expect((await listThemes(db, orgId, evaluationId)).map((t) => t.name)).toEqual([
			'Waiting',
			'Shame and stigma'
		]);

		const events = await make.auditOf(orgId, 'codebook.changed');
		// Waiting, Elsewhere and Stigma twice (two evaluations), then this test's changes.
		expect(events.map((e) => (e.details as { change: string }).change)).toEqual([
			'created',
			'created',
			'created',
			'created',
			'renamed',
			'reordered',
			'reordered'
		]);
		expect(events.every((e) => e.target === evaluationId || e.target === otherEvaluationId)).toBe(
			true
		);
		expect(JSON.stringify(events)).not.toContain('Waited');
		// Answer text lives in the response and nowhere else.
		const everything = await wholeDatabaseText(database.db);
		expect(everything.split(SECRET_TEXT).length - 1).toBe(1);
	});

	it('merges: every answer gets the surviving theme once, findings follow, the old theme goes', async () => {
		const [first, second, third] = ordered();
		const list = await listThemes(db, orgId, evaluationId);
		const waiting = list.find((t) => t.name === 'Waiting')!.id;
		const stigma = list.find((t) => t.name === 'Shame and stigma')!.id;
		await codeAnswer(db, actor, orgId, evaluationId, first!, 'problems', [waiting, stigma]);
		await codeAnswer(db, actor, orgId, evaluationId, second!, 'problems', [stigma]);
		await codeAnswer(db, actor, orgId, evaluationId, third!, 'problems', [waiting]);
		await db.insert(findings).values({
			orgId,
			evaluationId,
			criterion: 'effectiveness',
			statement: 'People felt judged',
			strength: 'moderate',
			evidence: [
				{ kind: 'paraphrase', text: 'Several said staff were curt' },
				{ kind: 'theme', themeId: stigma, dimension: 'language' }
			]
		});
		expect(await mergeThemes(db, actor, orgId, evaluationId, stigma, stigma)).toEqual({
			ok: false,
			error: 'same'
		});
		expect(await mergeThemes(db, actor, otherOrgId, evaluationId, stigma, waiting)).toEqual({
			ok: false,
			error: 'notFound'
		});
		expect(await mergeThemes(db, actor, orgId, evaluationId, stigma, waiting)).toEqual({
			ok: true,
			id: waiting
		});
		const coded = await db
			.select({ responseId: codedAnswers.responseId, themeIds: codedAnswers.themeIds })
			.from(codedAnswers)
			.where(eq(codedAnswers.evaluationId, evaluationId));
		expect(Object.fromEntries(coded.map((c) => [c.responseId, c.themeIds]))).toEqual({
			[first!]: [waiting],
			[second!]: [waiting],
			[third!]: [waiting]
		});
		expect((await listThemes(db, orgId, evaluationId)).map((t) => t.name)).toEqual(['Waiting']);
		const [finding] = await db
			.select({ evidence: findings.evidence })
			.from(findings)
			.where(eq(findings.evaluationId, evaluationId));
		expect(finding!.evidence).toEqual([
			{ kind: 'paraphrase', text: 'Several said staff were curt' },
			{ kind: 'theme', themeId: waiting, dimension: 'language' }
		]);
		const figures = await themeFigures(db, orgId, evaluationId, { dimension: null, lang: 'en' });
		expect(figures.themes).toMatchObject([{ name: 'Waiting', count: 3 }]);
		const [merged] = (await make.auditOf(orgId, 'codebook.changed')).slice(-1);
		expect(merged!.details).toEqual({ change: 'merged', from: 'Shame and stigma', to: 'Waiting' });
	});

	it('deletes a theme and takes it off the answers, which stay coded', async () => {
		const [first] = ordered();
		const waiting = (await listThemes(db, orgId, evaluationId))[0]!.id;
		expect(await deleteTheme(db, actor, otherOrgId, evaluationId, waiting)).toEqual({
			ok: false,
			error: 'notFound'
		});
		expect(await deleteTheme(db, actor, orgId, evaluationId, waiting)).toEqual({
			ok: true,
			id: waiting
		});
		const coded = await db
			.select({ themeIds: codedAnswers.themeIds })
			.from(codedAnswers)
			.where(and(eq(codedAnswers.evaluationId, evaluationId), eq(codedAnswers.responseId, first!)));
		expect(coded).toEqual([{ themeIds: [] }]);
		expect(await db.select().from(themes).where(eq(themes.evaluationId, evaluationId))).toEqual([]);
		const w = (await codingWorkspace(db, orgId, evaluationId, {
			question: 'problems',
			answer: null,
			lang: 'en'
		}))!;
		expect(w.progress).toEqual({ coded: 3, total: 3 });
	});
});
