import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportSnapshot } from '../../evaluations/model';
import type { Db } from '../db';
import { reportRevisions, reports, type Organisation } from '../db/schema';
import { useTestDatabase } from '../db/testing';
import { fixtures } from '../db/testing/fixtures';
import { createEvaluation } from '../evaluations/service';
import type { Actor } from '../orgs/service';
import { createProgramme } from '../programmes/service';
import { findRevision, listPublished } from './published';

/**
 * What donors read goes through listPublished / findRevision only, so these must never hand
 * out a draft: not a report that was never published, not the draft text written after a
 * publication, not an id of a report, an evaluation, another programme or another organisation.
 * Rows are inserted directly (publishing has its own tests); every draft text carries a marker
 * that must appear in no result.
 */

let db: Db;
useTestDatabase((d) => {
	db = d.db;
});
const { person, organisation } = fixtures(() => db);

const DRAFT = 'DRAFT-ONLY-TEXT';

let owner: Actor;
let org: Organisation;
let other: Organisation;
let programmeId: string;
let secondProgrammeId: string;
let otherOrgProgrammeId: string;
/** Published twice, then its draft edited again. */
let corrected: { reportId: string; evaluationId: string; first: string; second: string };
/** Never published: a draft in review. */
let unpublished: { reportId: string; evaluationId: string };
let secondProgrammeRevision: string;
let otherOrgRevision: string;

const programmeInput = (name: string) => ({
	name,
	description: '',
	countries: [],
	sites: [],
	startsOn: '2026-01-01',
	endsOn: '2026-12-31',
	icatTags: [],
	periodKind: 'quarterly' as const,
	customPeriods: [],
	levelLabels: null,
	atRisk: 0.1,
	offTrack: 0.25,
	goal: name
});

/** Just enough of a snapshot for the lists (the title); the rest is the snapshot tests' job. */
const snapshot = (title: string, revision: number, publishedOn: string) =>
	({
		version: 1,
		title,
		revision,
		publishedOn,
		summary: `Published summary ${revision}`
	}) as unknown as ReportSnapshot;

async function evaluationWithReport(
	orgId: string,
	programme: string,
	title: string,
	status: 'draft' | 'review' | 'published'
) {
	const evaluation = await createEvaluation(db, owner, orgId, programme, {
		kind: 'midline',
		title,
		startsOn: '2026-01-01',
		endsOn: '2026-06-30',
		purpose: '',
		methodology: '',
		limitations: '',
		surveyIds: []
	});
	const [report] = await db
		.insert(reports)
		.values({
			orgId,
			evaluationId: evaluation.id,
			status,
			title: `${DRAFT} title`,
			summary: `${DRAFT} summary`,
			whatDidNotWork: `${DRAFT} what did not work`,
			unintendedEffects: `${DRAFT} effects`,
			limitations: `${DRAFT} limitations`
		})
		.returning();
	return { reportId: report!.id, evaluationId: evaluation.id };
}

async function revision(
	orgId: string,
	programme: string,
	reportId: string,
	number: number,
	title: string,
	publishedOn: string
) {
	const [row] = await db
		.insert(reportRevisions)
		.values({
			orgId,
			reportId,
			programmeId: programme,
			number,
			snapshot: snapshot(title, number, publishedOn),
			changeNote: number > 1 ? `Correction ${number}` : '',
			publishedBy: owner.id,
			publishedOn
		})
		.returning();
	return row!.id;
}

beforeAll(async () => {
	owner = await person('reports-owner');
	org = await organisation('published', owner);
	other = await organisation('published-other', owner);
	programmeId = (await createProgramme(db, owner, org.id, programmeInput('Main'))).id;
	secondProgrammeId = (await createProgramme(db, owner, org.id, programmeInput('Second'))).id;
	otherOrgProgrammeId = (await createProgramme(db, owner, other.id, programmeInput('Other'))).id;

	const c = await evaluationWithReport(org.id, programmeId, 'Midline', 'published');
	const first = await revision(org.id, programmeId, c.reportId, 1, 'Midline report', '2026-07-01');
	const second = await revision(
		org.id,
		programmeId,
		c.reportId,
		2,
		'Midline report (corrected)',
		'2026-08-01'
	);
	// After the correction, the team starts another one: the draft changes, nothing is published.
	await db
		.update(reports)
		.set({ status: 'draft', title: `${DRAFT} newer title` })
		.where(eq(reports.id, c.reportId));
	corrected = { ...c, first, second };

	unpublished = await evaluationWithReport(org.id, programmeId, 'Endline', 'review');
	await evaluationWithReport(org.id, programmeId, 'Baseline', 'draft');

	const s = await evaluationWithReport(org.id, secondProgrammeId, 'Second', 'published');
	secondProgrammeRevision = await revision(
		org.id,
		secondProgrammeId,
		s.reportId,
		1,
		'Second report',
		'2026-09-01'
	);
	const o = await evaluationWithReport(other.id, otherOrgProgrammeId, 'Other', 'published');
	otherOrgRevision = await revision(
		other.id,
		otherOrgProgrammeId,
		o.reportId,
		1,
		'Other org report',
		'2026-09-01'
	);
});

describe('listPublished', () => {
	it('lists only reports with a published revision, newest revision first, by its frozen title', async () => {
		const listed = await listPublished(db, org.id, programmeId);
		expect(listed).toEqual([
			{
				reportId: corrected.reportId,
				evaluationId: corrected.evaluationId,
				title: 'Midline report (corrected)',
				kind: 'midline',
				revisions: [
					{
						id: corrected.second,
						number: 2,
						publishedOn: '2026-08-01',
						changeNote: 'Correction 2'
					},
					{ id: corrected.first, number: 1, publishedOn: '2026-07-01', changeNote: '' }
				]
			}
		]);
		expect(listed.map((r) => r.reportId)).not.toContain(unpublished.reportId);
		expect(JSON.stringify(listed)).not.toContain(DRAFT);
	});

	it('returns every id as a row of report_revisions, none from another programme or organisation', async () => {
		const stored = new Set(
			(await db.select({ id: reportRevisions.id }).from(reportRevisions)).map((r) => r.id)
		);
		for (const [orgId, programme] of [
			[org.id, programmeId],
			[org.id, secondProgrammeId],
			[other.id, otherOrgProgrammeId]
		] as const) {
			const ids = (await listPublished(db, orgId, programme)).flatMap((r) =>
				r.revisions.map((v) => v.id)
			);
			expect(ids.length).toBeGreaterThan(0);
			for (const id of ids) expect(stored.has(id)).toBe(true);
		}
		expect(
			(await listPublished(db, org.id, secondProgrammeId)).flatMap((r) =>
				r.revisions.map((v) => v.id)
			)
		).toEqual([secondProgrammeRevision]);
		// Another organisation's programme id, asked for with this organisation: nothing.
		expect(await listPublished(db, org.id, otherOrgProgrammeId)).toEqual([]);
		expect(await listPublished(db, other.id, programmeId)).toEqual([]);
	});
});

describe('findRevision', () => {
	it('finds a published revision with its frozen snapshot and the latest number', async () => {
		const found = await findRevision(db, org.id, programmeId, corrected.first);
		expect(found).toMatchObject({
			id: corrected.first,
			number: 1,
			latest: 2,
			snapshot: { title: 'Midline report', summary: 'Published summary 1' }
		});
		expect(JSON.stringify(found)).not.toContain(DRAFT);
	});

	it.each([
		['the report id of a published report', () => corrected.reportId],
		['the report id of a report never published', () => unpublished.reportId],
		['an evaluation id', () => corrected.evaluationId],
		['an unknown id', () => '00000000-0000-4000-8000-000000000000']
	])('finds nothing for %s', async (_, id) => {
		expect(await findRevision(db, org.id, programmeId, id())).toBeUndefined();
	});

	it('finds nothing through another programme or organisation', async () => {
		expect(await findRevision(db, org.id, programmeId, secondProgrammeRevision)).toBeUndefined();
		expect(await findRevision(db, org.id, secondProgrammeId, corrected.first)).toBeUndefined();
		expect(await findRevision(db, org.id, programmeId, otherOrgRevision)).toBeUndefined();
		expect(await findRevision(db, org.id, otherOrgProgrammeId, otherOrgRevision)).toBeUndefined();
		expect(await findRevision(db, other.id, programmeId, corrected.first)).toBeUndefined();
		expect(await findRevision(db, other.id, otherOrgProgrammeId, otherOrgRevision)).toMatchObject({
			id: otherOrgRevision,
			latest: 1
		});
	});
});
