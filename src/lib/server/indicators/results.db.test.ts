import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { organisations, responses, type Programme } from '../db/schema';
import { useTestDatabase } from '../db/testing';
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

beforeAll(async () => {
	await seedDemo(db, { password: 'correct horse battery staple' });
	const org = (await findOrganisation(db, DEMO_ORG_SLUG))!;
	orgId = org.id;
	const [owner] = await db.select().from(organisations).where(eq(organisations.id, orgId));
	expect(owner).toBeDefined();
	const viewer = { userId: '00000000-0000-0000-0000-000000000000', role: 'owner' as const };
	const [listed] = (await listProgrammes(db, orgId, viewer)).filter(
		(p) => p.name === DEMO_PROGRAMME_NAME
	);
	programme = (await findProgramme(db, orgId, listed!.id, viewer))!;
}, 60_000);

const options = { k: 5, today: '2026-12-01', lang: 'en' };

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
		const results = await programmeResults(db, orgId, programme, { ...options, audience: 'team' });
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
		const team = await programmeResults(db, orgId, programme, { ...options, audience: 'team' });
		const donor = await programmeResults(db, orgId, programme, { ...options, audience: 'donor' });
		const satisfied = (r: typeof team) => r.indicators.find((i) => i.code === 'OC2.1')!;
		const teamGender = satisfied(team).breakdowns.find((b) => b.dimension === 'gender')!;
		const small = teamGender.cells.filter(
			(c) => c.figure.shown && 'flagged' in c.figure && c.figure.flagged
		);
		expect(small.map((c) => c.key)).toEqual(['other_identity', '']);
		const otherTeam = teamGender.cells.find((c) => c.key === 'other_identity')!.figure;
		expect(otherTeam.shown && otherTeam.n).toBeLessThan(5);
		const donorGender = satisfied(donor).breakdowns.find((b) => b.dimension === 'gender')!;
		const other = donorGender.cells.find((c) => c.key === 'other_identity')!;
		expect(other.figure).toEqual({ shown: false });
		// Nothing under k anywhere in what a donor receives.
		const text = JSON.stringify(donor);
		for (const match of text.matchAll(/"n":(\d+)/g))
			expect(Number(match[1])).toBeGreaterThanOrEqual(5);
		expect(team.labels.gender?.cells.woman).toBe('Woman');
		expect(donor.counts?.channel.cells.map((c) => c.key).sort()).toEqual(['sms', 'web']);
	});

	it('counts a new response in the current period at once', async () => {
		const survey = (await listSurveys(db, orgId)).find((s) => s.name === DEMO_SURVEY_NAME)!;
		const before = await programmeResults(db, orgId, programme, { ...options, audience: 'team' });
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
		const after = await programmeResults(db, orgId, programme, { ...options, audience: 'team' });
		const last = (r: typeof before) =>
			r.indicators.find((i) => i.code === 'OC2.1')!.trend.at(-1)!.figure;
		const [b, a] = [last(before), last(after)];
		expect(b.shown && a.shown && a.n! - b.n!).toBe(1);
	});

	it('has the figures ready after the background refresh once a response arrives', async () => {
		const survey = (await listSurveys(db, orgId)).find((s) => s.name === DEMO_SURVEY_NAME)!;
		const before = await programmeResults(db, orgId, programme, { ...options, audience: 'team' });
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
		const after = await programmeResults(db, orgId, programme, { ...options, audience: 'team' });
		const last = (r: typeof before) =>
			r.indicators.find((i) => i.code === 'OC2.1')!.trend.at(-1)!.figure;
		const [b, a] = [last(before), last(after)];
		expect(b.shown && a.shown && a.n! - b.n!).toBe(1);
	});
});

describe('listProgrammes', () => {
	it('counts each programme’s own indicators', async () => {
		const viewer = { userId: '00000000-0000-0000-0000-000000000000', role: 'owner' as const };
		const [listed] = (await listProgrammes(db, orgId, viewer)).filter(
			(p) => p.name === DEMO_PROGRAMME_NAME
		);
		expect(listed?.indicators).toBe(13);
	});
});
