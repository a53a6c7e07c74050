import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { organisations, responses, type Programme } from '../db/schema';
import { testViewer, useTestDatabase } from '../db/testing';
import type { Viewer } from '../auth/viewer';
import { DEMO_PROGRAMME_NAME } from '../demo/programme';
import { DEMO_ORG_SLUG, DEMO_SURVEY_NAME, seedDemo } from '../demo/seed';
import { findOrganisation } from '../orgs/service';
import { listProgrammes, findProgramme, loadLogframe } from '../programmes/service';
import { listSurveys } from '../surveys/service';
import { computeIndicator } from './math';
import { refreshChanged } from './cache';
import { programmeResults } from './results';

let db: Db;
useTestDatabase((d) => {
	db = d.db;
});

let orgId: string;
let programme: Programme;
let team: Viewer;
let donor: Viewer;

beforeAll(async () => {
	await seedDemo(db, { password: 'correct horse battery staple' });
	const org = (await findOrganisation(db, DEMO_ORG_SLUG))!;
	orgId = org.id;
	const [owner] = await db.select().from(organisations).where(eq(organisations.id, orgId));
	expect(owner).toBeDefined();
	team = await testViewer(db, orgId, 'owner');
	donor = await testViewer(db, orgId, 'donor');
	const [listed] = (await listProgrammes(db, orgId, team)).filter(
		(p) => p.name === DEMO_PROGRAMME_NAME
	);
	programme = (await findProgramme(db, orgId, listed!.id, team))!;
}, 60_000);

const options = { today: '2026-12-01', lang: 'en' };

describe('the demo programme', () => {
	it('has the logframe the issue asks for', async () => {
		const logframe = await loadLogframe(db, orgId, programme.id);
		const count = (level: string) => logframe.nodes.filter((n) => n.level === level).length;
		expect([count('goal'), count('outcome'), count('output')]).toEqual([1, 3, 5]);
		expect(count('activity')).toBeGreaterThan(5);
		expect(logframe.indicators.length).toBeGreaterThanOrEqual(12);
		expect(
			logframe.indicators.filter((i) => i.source === 'survey' && i.surveyIds.length)
		).toHaveLength(8);
	});

	it('computes every survey indicator in SQL as math.ts does over the same answers', async () => {
		const results = await programmeResults(db, team, programme, options);
		const survey = (await listSurveys(db, orgId)).find((s) => s.name === DEMO_SURVEY_NAME)!;
		const stored = await db
			.select({ answers: responses.answers, submittedOn: responses.submittedOn })
			.from(responses)
			.where(and(eq(responses.orgId, orgId), eq(responses.surveyId, survey.id)));
		expect(stored.length).toBeGreaterThanOrEqual(2000);
		const logframe = await loadLogframe(db, orgId, programme.id);
		for (const definition of logframe.indicators.filter((i) => i.rule)) {
			const view = results.indicators.find((i) => i.id === definition.id)!;
			for (const point of view.trend) {
				const period = results.periods.find((p) => p.key === point.key)!;
				const inPeriod = stored.filter(
					(s) => s.submittedOn >= period.start && s.submittedOn <= period.end
				);
				const want = computeIndicator(
					inPeriod.map((s) => s.answers),
					definition.rule!
				);
				expect(point.figure.shown && point.figure.n).toBe(want.n);
				expect(point.figure.shown && point.figure.value).toBeCloseTo(want.value!, 9);
			}
		}
	});

	it('shows the team small cells flagged and donors none of them', async () => {
		const forTeam = await programmeResults(db, team, programme, options);
		const forDonor = await programmeResults(db, donor, programme, options);
		const satisfied = (r: typeof forTeam) => r.indicators.find((i) => i.code === 'OC2.1')!;
		const teamGender = satisfied(forTeam).breakdowns.find((b) => b.dimension === 'gender')!;
		const small = teamGender.cells.filter(
			(c) => c.figure.shown && 'flagged' in c.figure && c.figure.flagged
		);
		// In the live view, exactly the cells under k are flagged, and why.
		expect(small.map((c) => c.key)).toContain('other_identity');
		expect(small.map((c) => c.key)).toEqual(
			teamGender.cells.filter((c) => c.figure.shown && c.figure.n! < 5).map((c) => c.key)
		);
		for (const c of small)
			expect(c.figure.shown && 'reason' in c.figure && c.figure.reason).toBe('small');
		const otherTeam = teamGender.cells.find((c) => c.key === 'other_identity')!.figure;
		expect(otherTeam.shown && otherTeam.n).toBeLessThan(5);
		const donorGender = satisfied(forDonor).breakdowns.find((b) => b.dimension === 'gender')!;
		const other = donorGender.cells.find((c) => c.key === 'other_identity')!;
		expect(other.figure).toEqual({ shown: false });
		// Nothing under k anywhere in what a donor receives, and only closed periods.
		const text = JSON.stringify(forDonor);
		for (const match of text.matchAll(/"n":(\d+)/g))
			expect(Number(match[1])).toBeGreaterThanOrEqual(5);
		expect(forDonor.periods.every((p) => p.end < options.today)).toBe(true);
		expect(forDonor.periods.length).toBeLessThan(forTeam.periods.length);
		expect(forTeam.labels.gender?.cells.woman).toBe('Woman');
		expect(forDonor.counts?.channel.cells.map((c) => c.key)).toEqual(['web', 'sms']);
	});

	it('counts a new response in the current period at once', async () => {
		const survey = (await listSurveys(db, orgId)).find((s) => s.name === DEMO_SURVEY_NAME)!;
		const before = await programmeResults(db, team, programme, options);
		const [version] = await db.select({ versionId: responses.versionId }).from(responses).limit(1);
		await db.insert(responses).values({
			orgId,
			surveyId: survey.id,
			versionId: version!.versionId,
			channel: 'web',
			language: 'en',
			submittedOn: '2026-11-30',
			answers: { satisfaction: 'very_satisfied' }
		});
		const after = await programmeResults(db, team, programme, options);
		const last = (r: typeof before) =>
			r.indicators.find((i) => i.code === 'OC2.1')!.trend.at(-1)!.figure;
		const [b, a] = [last(before), last(after)];
		expect(b.shown && a.shown && a.n! - b.n!).toBe(1);
	});

	it('has the figures ready after the background refresh once a response arrives', async () => {
		const survey = (await listSurveys(db, orgId)).find((s) => s.name === DEMO_SURVEY_NAME)!;
		const before = await programmeResults(db, team, programme, options);
		expect(await refreshChanged()).toBe(0);
		const [version] = await db.select({ versionId: responses.versionId }).from(responses).limit(1);
		await db.insert(responses).values({
			orgId,
			surveyId: survey.id,
			versionId: version!.versionId,
			channel: 'sms',
			language: 'fr',
			submittedOn: '2026-11-30',
			answers: { satisfaction: 'very_satisfied' }
		});
		expect(await refreshChanged()).toBeGreaterThanOrEqual(1);
		const after = await programmeResults(db, team, programme, options);
		const last = (r: typeof before) =>
			r.indicators.find((i) => i.code === 'OC2.1')!.trend.at(-1)!.figure;
		const [b, a] = [last(before), last(after)];
		expect(b.shown && a.shown && a.n! - b.n!).toBe(1);
	});
});

describe('listProgrammes', () => {
	it('counts each programme’s own indicators', async () => {
		const [listed] = (await listProgrammes(db, orgId, team)).filter(
			(p) => p.name === DEMO_PROGRAMME_NAME
		);
		expect(listed?.indicators).toBe(13);
	});
});
