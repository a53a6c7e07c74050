import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { reportRevisions, reports } from '../db/schema';
import type { Viewer } from '../auth/viewer';
import { rows, testViewer, useTestDatabase } from '../db/testing';
import { fixtures } from '../db/testing/fixtures';
import { findRevision, listPublished } from './published';
import {
	publish,
	reportOf,
	returnToDraft,
	saveReportText,
	startCorrection,
	submitForReview,
	type ReportInput
} from './service';
import { buildSnapshot } from './snapshot';
import { addResponses, demoEvaluation } from './test-evaluation';

let db: Db;
useTestDatabase((d) => {
	db = d.db;
});
const f = fixtures(() => db);

let demo: Awaited<ReturnType<typeof demoEvaluation>>;
let manager: Viewer;
const today = '2026-12-02';

beforeAll(async () => {
	demo = await demoEvaluation(db);
	manager = await testViewer(db, demo.org.id, 'manager', demo.actor);
}, 120_000);

const filled: ReportInput = {
	title: 'Midline report',
	summary: 'Survivors feel safer; appointments clash with work.',
	whatDidNotWork: 'Evening access.',
	unintendedEffects: 'Some people were seen entering the office.',
	limitations: 'Only people in touch answered.',
	language: 'en',
	changeNote: ''
};

async function storedSnapshotText(id: string): Promise<string> {
	const [row] = await rows<{ t: string }>(
		db.execute(sql`select snapshot::text as t from report_revisions where id = ${id}`)
	);
	return row!.t;
}

describe('the report workflow', () => {
	let firstRevision = '';
	let firstText = '';

	it('creates a draft on first access, titled like the evaluation with its limitations', async () => {
		const state = (await reportOf(db, demo.org.id, demo.evaluationId))!;
		expect(state.report).toMatchObject({
			status: 'draft',
			title: 'Midline review 2026',
			limitations: 'Only people still in touch with the programme answered.',
			summary: ''
		});
		expect(state).toMatchObject({ next: 1, latest: null, findings: 3 });
		expect(state.problems).toEqual(['summary', 'whatDidNotWork', 'unintendedEffects']);
		const again = (await reportOf(db, demo.org.id, demo.evaluationId))!;
		expect(again.report.id).toBe(state.report.id);
		expect(
			await db.select().from(reports).where(eq(reports.evaluationId, demo.evaluationId))
		).toHaveLength(1);
	});

	it('answers nothing for another organisation', async () => {
		const other = await f.organisation('other-reports');
		expect(await reportOf(db, other.id, demo.evaluationId)).toBeUndefined();
		const outsider = await testViewer(db, other.id, 'owner', demo.actor);
		expect(await publish(db, outsider, demo.evaluationId, { today })).toEqual({
			ok: false,
			reason: 'notFound'
		});
	});

	it('refuses to send for review while required sections are empty', async () => {
		const result = await submitForReview(db, demo.actor, demo.org.id, demo.evaluationId);
		expect(result).toEqual({
			ok: false,
			reason: 'problems',
			problems: ['summary', 'whatDidNotWork', 'unintendedEffects']
		});
		// Blank is empty: spaces do not fill a section.
		await saveReportText(db, demo.org.id, demo.evaluationId, {
			...filled,
			whatDidNotWork: '   '
		});
		expect(await submitForReview(db, demo.actor, demo.org.id, demo.evaluationId)).toMatchObject({
			problems: ['whatDidNotWork']
		});
		expect((await reportOf(db, demo.org.id, demo.evaluationId))!.report.status).toBe('draft');
	});

	it('refuses to publish a draft: it has to be reviewed first', async () => {
		expect(await publish(db, manager, demo.evaluationId, { today })).toEqual({
			ok: false,
			reason: 'status',
			status: 'draft'
		});
	});

	it('sends a complete draft for review, back to draft, and for review again', async () => {
		expect(await saveReportText(db, demo.org.id, demo.evaluationId, filled)).toEqual({ ok: true });
		expect(await submitForReview(db, demo.actor, demo.org.id, demo.evaluationId)).toEqual({
			ok: true
		});
		// In review the text is frozen for the reviewer.
		expect(
			await saveReportText(db, demo.org.id, demo.evaluationId, { ...filled, title: 'Changed' })
		).toEqual({ ok: false, reason: 'status', status: 'review' });
		expect(await returnToDraft(db, demo.actor, demo.org.id, demo.evaluationId)).toEqual({
			ok: true
		});
		expect(await submitForReview(db, demo.actor, demo.org.id, demo.evaluationId)).toEqual({
			ok: true
		});
		const report = (await reportOf(db, demo.org.id, demo.evaluationId))!.report;
		const events = (await f.auditOf(demo.org.id, 'report.status_changed')).filter(
			(e) => e.target === report.id
		);
		expect(events.map((e) => e.details)).toEqual([
			{ title: 'Midline report', from: 'draft', to: 'review' },
			{ title: 'Midline report', from: 'review', to: 'draft' },
			{ title: 'Midline report', from: 'draft', to: 'review' }
		]);
	});

	it('refuses to publish when a required section was emptied behind the workflow', async () => {
		await db
			.update(reports)
			.set({ limitations: '' })
			.where(eq(reports.evaluationId, demo.evaluationId));
		expect(await publish(db, manager, demo.evaluationId, { today })).toEqual({
			ok: false,
			reason: 'problems',
			problems: ['limitations']
		});
		const report = (await reportOf(db, demo.org.id, demo.evaluationId))!.report;
		expect(
			await db.select().from(reportRevisions).where(eq(reportRevisions.reportId, report.id))
		).toHaveLength(0);
		await db
			.update(reports)
			.set({ limitations: filled.limitations })
			.where(eq(reports.evaluationId, demo.evaluationId));
	});

	it('refuses to publish figures the audit could not make safe, and stores nothing', async () => {
		// With the audit cut short after its first round, exposures remain: nothing may leave.
		expect(await publish(db, manager, demo.evaluationId, { today, maxRounds: 1 })).toEqual({
			ok: false,
			reason: 'unsafe'
		});
		const state = (await reportOf(db, demo.org.id, demo.evaluationId))!;
		expect(state.report.status).toBe('review');
		expect(
			await db.select().from(reportRevisions).where(eq(reportRevisions.reportId, state.report.id))
		).toHaveLength(0);
		expect(
			(await f.auditOf(demo.org.id, 'report.published')).filter(
				(e) => e.details?.title === 'Midline report'
			)
		).toHaveLength(0);
	});

	it('publishes revision 1 with its audit event, and the report reads as published', async () => {
		const result = await publish(db, manager, demo.evaluationId, { today });
		expect(result).toMatchObject({ ok: true, revision: { number: 1 } });
		firstRevision = result.ok ? result.revision!.id : '';
		firstText = await storedSnapshotText(firstRevision);
		const state = (await reportOf(db, demo.org.id, demo.evaluationId))!;
		expect(state.report.status).toBe('published');
		expect(state).toMatchObject({ next: 2, latest: { id: firstRevision, number: 1 } });
		const [event] = (await f.auditOf(demo.org.id, 'report.published')).filter(
			(e) => e.target === firstRevision
		);
		expect(event).toMatchObject({
			target: firstRevision,
			actorId: demo.actor.id,
			details: { title: 'Midline report', revision: 1, language: 'en' }
		});
		const revision = (await findRevision(db, demo.org.id, demo.programmeId, firstRevision))!;
		expect(revision.snapshot).toMatchObject({ title: 'Midline report', revision: 1 });
	});

	it('freezes the figures: responses after publication leave the revision as it was', async () => {
		const revision = (await findRevision(db, demo.org.id, demo.programmeId, firstRevision))!;
		const published = revision.snapshot.evaluation.responses;
		expect(published.shown).toBe(true);
		// Answers dated in a released period (answers of the period in progress are not released).
		await addResponses(db, demo.org.id, demo.surveyId, '2026-08-14', 300);
		// The live figures did move, so an unchanged revision means something.
		const live = await buildSnapshot(db, manager, demo.evaluationId, {
			lang: 'en',
			today,
			revision: 1,
			changeNote: ''
		});
		if (!live.ok) throw new Error(live.reason);
		expect(live.snapshot.evaluation.responses).toEqual({
			shown: true,
			value: published.shown && published.value! + 300,
			n: published.shown && published.n! + 300
		});
		expect(await storedSnapshotText(firstRevision)).toBe(firstText);
		expect(revision.snapshot).toEqual(JSON.parse(firstText));
	});

	it('refuses any edit of a published revision in the database itself', async () => {
		await expect(
			db
				.update(reportRevisions)
				.set({ changeNote: 'tampered' })
				.where(eq(reportRevisions.id, firstRevision))
		).rejects.toThrow();
		await expect(
			db.execute(
				sql`update report_revisions set snapshot = jsonb_set(snapshot, '{title}', '"x"') where id = ${firstRevision}`
			)
		).rejects.toThrow();
		expect(await storedSnapshotText(firstRevision)).toBe(firstText);
	});

	it('publishes a correction as revision 2 with its change note; revision 1 stays', async () => {
		expect(await saveReportText(db, demo.org.id, demo.evaluationId, filled)).toMatchObject({
			ok: false,
			reason: 'status'
		});
		expect(await startCorrection(db, demo.actor, demo.org.id, demo.evaluationId)).toEqual({
			ok: true
		});
		await saveReportText(db, demo.org.id, demo.evaluationId, {
			...filled,
			summary: 'Corrected summary.'
		});
		// A correction says what it corrects.
		expect(await submitForReview(db, demo.actor, demo.org.id, demo.evaluationId)).toEqual({
			ok: false,
			reason: 'problems',
			problems: ['changeNote']
		});
		await saveReportText(db, demo.org.id, demo.evaluationId, {
			...filled,
			summary: 'Corrected summary.',
			changeNote: 'Summary corrected.'
		});
		expect(await submitForReview(db, demo.actor, demo.org.id, demo.evaluationId)).toEqual({
			ok: true
		});
		const result = await publish(db, manager, demo.evaluationId, { today });
		expect(result).toMatchObject({ ok: true, revision: { number: 2 } });
		const second = result.ok ? result.revision!.id : '';
		const revision = (await findRevision(db, demo.org.id, demo.programmeId, second))!;
		expect(revision).toMatchObject({ number: 2, changeNote: 'Summary corrected.', latest: 2 });
		expect(revision.snapshot).toMatchObject({
			summary: 'Corrected summary.',
			revision: 2,
			changeNote: 'Summary corrected.'
		});
		const first = (await findRevision(db, demo.org.id, demo.programmeId, firstRevision))!;
		const before = first.snapshot.evaluation.responses;
		expect(revision.snapshot.evaluation.responses).toEqual({
			shown: true,
			value: before.shown && before.value! + 300,
			n: before.shown && before.n! + 300
		});
		expect(await storedSnapshotText(firstRevision)).toBe(firstText);
		const listed = (await listPublished(db, demo.org.id, demo.programmeId)).find(
			(r) => r.evaluationId === demo.evaluationId
		);
		expect(listed!.revisions.map((r) => [r.number, r.changeNote])).toEqual([
			[2, 'Summary corrected.'],
			[1, '']
		]);
		// The note was for revision 2: the next correction needs its own.
		expect((await reportOf(db, demo.org.id, demo.evaluationId))!.report.changeNote).toBe('');
	});
});
