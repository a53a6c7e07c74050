import { beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../auth/viewer';
import type { Db } from '../db';
import { responses, type Programme } from '../db/schema';
import { testViewer, useTestDatabase } from '../db/testing';
import { DEMO_PROGRAMME_NAME } from '../demo/programme';
import { DEMO_ORG_SLUG, seedDemo } from '../demo/seed';
import { programmeResults, type ProgrammeResults } from '../indicators/results';
import { findOrganisation } from '../orgs/service';
import { findProgramme, listProgrammes, loadLogframe } from '../programmes/service';
import { recoverable, type DonorRelease, type PublicKnowledge } from './attacker';
import { scaleOf } from './instruments';
import { forgetReleases, programmeRelease, publishedInstruments, warmReleases } from './release';

/**
 * The demo's release as a donor receives it, attacked by attacker.ts on PGlite and (in CI) on
 * PostgreSQL: the OP5.1 case a tester found and everything of its kind.
 */

let db: Db;
useTestDatabase((d) => {
	db = d.db;
});

// A fixed day, so the released periods do not move with the calendar.
const today = '2026-12-08';
let orgId: string;
let programme: Programme;
let donor: Viewer;
let team: Viewer;

beforeAll(async () => {
	await seedDemo(db, { password: 'correct horse battery staple' });
	orgId = (await findOrganisation(db, DEMO_ORG_SLUG))!.id;
	team = await testViewer(db, orgId, 'owner');
	donor = await testViewer(db, orgId, 'donor');
	const listed = (await listProgrammes(db, orgId, team)).find(
		(p) => p.name === DEMO_PROGRAMME_NAME
	)!;
	programme = (await findProgramme(db, orgId, listed.id, team))!;
}, 120_000);

/** Everything a donor can read of the dashboard on `day`: to date and every released period. */
async function donorRelease(
	viewer = donor,
	day = today
): Promise<DonorRelease & { all: ProgrammeResults }> {
	const all = await programmeResults(db, viewer, programme, { today: day, lang: 'en' });
	const byScope: Record<string, ProgrammeResults['indicators']> = { all: all.indicators };
	for (const period of all.periods)
		byScope[period.key] = (
			await programmeResults(db, viewer, programme, { today: day, lang: 'en', scope: period.key })
		).indicators;
	return { all, periods: all.periods, byScope, counts: all.counts };
}

/** What a donor who looked the day after each period closed has kept: one release per period. */
async function everyRelease(viewer = donor): Promise<DonorRelease[]> {
	const { all } = await donorRelease(viewer);
	const days = all.periods.map((p) =>
		new Date(Date.parse(`${p.end}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
	);
	return Promise.all(days.map((day) => donorRelease(viewer, day)));
}

async function knowledge(): Promise<PublicKnowledge> {
	const logframe = await loadLogframe(db, orgId, programme.id);
	const instruments = await publishedInstruments(db, orgId, [
		...new Set(logframe.indicators.flatMap((i) => i.surveyIds))
	]);
	return {
		scales: Object.fromEntries(logframe.indicators.map((i) => [i.id, scaleOf(i, instruments)])),
		surveys: Object.fromEntries(logframe.indicators.map((i) => [i.id, i.surveyIds])),
		countsResponses: Object.fromEntries(
			logframe.indicators.map((i) => [i.id, i.rule?.kind === 'count' && !i.rule.where])
		)
	};
}

describe('the demo programme’s release', () => {
	it('shows donors the closed periods only, OP5.1’s small quarter not among them', async () => {
		const { all } = await donorRelease();
		expect(all.through).toBe('2026-09-30');
		expect(all.periods.map((p) => p.key)).not.toContain('2026-Q4');
		const op51 = all.indicators.find((i) => i.code === 'OP5.1')!;
		expect(op51.trend).toHaveLength(7);
	});

	it('lets a donor pin down no hidden count from anything the dashboard gives them', async () => {
		const latest = await donorRelease();
		const hidden = JSON.stringify(latest.byScope).split('"shown":false').length - 1;
		expect(hidden).toBeGreaterThan(50);
		expect(await recoverable(latest, await knowledge(), donor.k)).toEqual([]);
	}, 120_000);

	it('nor from every release a donor kept, one per closed period, together', async () => {
		const releases = await everyRelease();
		expect(releases.map((r) => r.periods.length)).toEqual([1, 2, 3, 4, 5, 6, 7]);
		expect(await recoverable(releases, await knowledge(), donor.k)).toEqual([]);
	}, 240_000);

	it('holds for a stricter organisation too (k = 11, as the CTDC publishes)', async () => {
		const strict = { ...donor, k: 11 };
		const latest = await donorRelease(strict);
		const text = JSON.stringify(latest.byScope);
		for (const m of text.matchAll(/"n":(\d+)/g))
			if (Number(m[1]) > 0) expect(Number(m[1])).toBeGreaterThanOrEqual(11);
		expect(await recoverable(latest, await knowledge(), 11)).toEqual([]);
	}, 120_000);

	it('passes its own audit, and the team sees why each hidden figure is hidden', async () => {
		const release = await programmeRelease(db, orgId, programme, { today, k: 5 });
		expect(release.audit.exposed).toEqual([]);
		const preview = await programmeResults(db, team, programme, {
			today,
			lang: 'en',
			view: 'release'
		});
		expect(preview.view).toBe('release');
		const reasons = new Set(
			preview.indicators.flatMap((i) =>
				[
					...i.trend.map((p) => p.figure),
					...i.breakdowns.flatMap((b) => b.cells.map((c) => c.figure))
				]
					.filter((f) => f.shown && 'reason' in f && f.reason)
					.map((f) => (f.shown && 'reason' in f ? f.reason : null))
			)
		);
		expect(reasons).toContain('small');
		expect(reasons).toContain('complementary');
		// Every number the team sees hidden is one the donor does not get.
		const forDonor = await programmeResults(db, donor, programme, { today, lang: 'en' });
		preview.indicators.forEach((indicator, i) =>
			indicator.trend.forEach((point, p) => {
				const flagged = point.figure.shown && 'flagged' in point.figure && point.figure.flagged;
				expect(forDonor.indicators[i]!.trend[p]!.figure.shown).toBe(!flagged);
			})
		);
	}, 120_000);

	it('is made ahead of a donor’s visit for every programme a donor is attached to', async () => {
		forgetReleases();
		expect(await warmReleases(db, today)).toBeGreaterThanOrEqual(1);
		const warmed = await programmeRelease(db, orgId, programme, { today, k: 5 });
		// Kept: the same release again, not made anew.
		expect(warmed.decisions).toBe(
			(await programmeRelease(db, orgId, programme, { today, k: 5 })).decisions
		);
	}, 120_000);

	it('is kept: the same figures give the same release, answers of the period in progress change nothing', async () => {
		const first = await programmeRelease(db, orgId, programme, { today, k: 5 });
		const again = await programmeRelease(db, orgId, programme, { today, k: 5 });
		expect(again.decisions).toBe(first.decisions);
		const [sample] = await db.select().from(responses).limit(1);
		await db.insert(responses).values({ ...sample!, id: undefined, submittedOn: '2026-12-01' });
		const live = await programmeRelease(db, orgId, programme, { today, k: 5 });
		expect(live.decisions).toBe(first.decisions);
		// An answer of a closed period is a new release.
		await db.insert(responses).values({ ...sample!, id: undefined, submittedOn: '2026-08-01' });
		const changed = await programmeRelease(db, orgId, programme, { today, k: 5 });
		expect(changed.decisions).not.toBe(first.decisions);
		expect(changed.audit.exposed).toEqual([]);
	}, 120_000);
});
