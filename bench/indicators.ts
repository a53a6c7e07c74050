/**
 * Indicators and exports at scale: a fresh PostgreSQL database on loopback with the demo seeded
 * and topped up to 200,000 simulated responses, then
 *
 *   results   every indicator of the demo programme with every breakdown, as the dashboard
 *             asks for it (team and donor views; target under 1 s)
 *   export    all responses of the demo survey as CSV (target under 10 s, memory flat)
 *
 * `npm run bench:indicators`. Prints figures; never fails on them. BENCH_DATABASE_URL
 * overrides the server; RESPONSES the number of responses (default 200,000).
 */
import { count, eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase } from '../src/lib/server/db/client';
import { migrate } from '../src/lib/server/db/migrate';
import { organisations, responses, surveyVersions } from '../src/lib/server/db/schema';
import { DEMO_PROGRAMME_NAME } from '../src/lib/server/demo/programme';
import { seededRandom } from '../src/lib/server/demo/random';
import { DEMO_ORG_SLUG, DEMO_SURVEY_NAME, seedDemo } from '../src/lib/server/demo/seed';
import { calendarQuarters, simulateResponses } from '../src/lib/server/demo/simulate';
import { viewerOf } from '../src/lib/server/auth/viewer';
import { forgetReleases } from '../src/lib/server/disclosure/release';
import { forgetAll } from '../src/lib/server/indicators/cache';
import { programmeResults } from '../src/lib/server/indicators/results';
import { findOrganisation } from '../src/lib/server/orgs/service';
import { findProgramme, listProgrammes } from '../src/lib/server/programmes/service';
import { listSurveys } from '../src/lib/server/surveys/service';
import { BENCH_USER } from './support/database';
import { PG_URL, ROOT } from './support/server';
import { exportAll } from './support/export';

const USER = BENCH_USER;

const DB_NAME = 'heard_bench_indicators';
const TOTAL = Number(process.env.RESPONSES ?? 200_000);
const RUNS = Number(process.env.RUNS ?? 7);
const BATCH = 5_000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(0)} ms`;

async function main() {
	const admin = postgres(PG_URL, { max: 1, onnotice: () => {} });
	// KEEP=1 keeps the seeded database between runs (for profiling queries by hand).
	const kept =
		process.env.KEEP === '1' &&
		(await admin`select 1 from pg_database where datname = ${DB_NAME}`).length > 0;
	if (!kept) {
		await admin.unsafe(`drop database if exists ${DB_NAME} with (force)`);
		await admin.unsafe(`create database ${DB_NAME}`);
	}
	const url = new URL(PG_URL);
	url.pathname = `/${DB_NAME}`;
	const database = await openDatabase({ url: url.toString() });
	try {
		await migrate(database, `${ROOT}/drizzle`);
		const { db } = database;
		if (!kept) await seedDemo(db, { password: 'quiet-harbour-lantern-27' });
		const org = (await findOrganisation(db, DEMO_ORG_SLUG))!;
		const survey = (await listSurveys(db, org.id)).find((s) => s.name === DEMO_SURVEY_NAME)!;
		const [version] = await db
			.select()
			.from(surveyVersions)
			.where(eq(surveyVersions.surveyId, survey.id));
		const [seeded] = await db.select({ n: count() }).from(responses);

		const started = performance.now();
		const more = simulateResponses(version!.instrument, {
			count: Math.max(0, TOTAL - seeded!.n),
			random: seededRandom(7),
			quarters: calendarQuarters(2025, 2026),
			until: '2026-11-30'
		});
		for (let i = 0; i < more.length; i += BATCH)
			await db.insert(responses).values(
				more.slice(i, i + BATCH).map((r) => ({
					...r,
					orgId: org.id,
					surveyId: survey.id,
					versionId: version!.id
				}))
			);
		await db.execute(sql`vacuum analyze responses`);
		const [total] = await db.select({ n: count() }).from(responses);
		console.log(
			`seeded ${total!.n.toLocaleString('en')} responses in ${((performance.now() - started) / 1000).toFixed(1)} s`
		);

		const [orgRow] = await db.select().from(organisations).where(eq(organisations.id, org.id));
		const owner = { user: { id: '00000000-0000-0000-0000-000000000000' }, role: 'owner' as const };
		const listed = (await listProgrammes(db, org.id, owner)).find(
			(p) => p.name === DEMO_PROGRAMME_NAME
		)!;
		const programme = (await findProgramme(db, org.id, listed.id, owner))!;

		for (const audience of ['team', 'donor'] as const) {
			const times: number[] = [];
			let summary = '';
			const warm: number[] = [];
			const compute = () =>
				programmeResults(
					db,
					viewerOf(USER, orgRow!, audience === 'donor' ? 'donor' : 'owner'),
					programme,
					{
						today: '2026-12-01',
						lang: 'en'
					}
				);
			for (let run = 0; run < RUNS; run++) {
				// Cold: the figures computed from the answers, as after a new response arrives.
				forgetAll();
				forgetReleases();
				const t0 = performance.now();
				const results = await compute();
				times.push(performance.now() - t0);
				// Warm: the same responses again (the fingerprint read, the figures kept).
				const t1 = performance.now();
				await compute();
				warm.push(performance.now() - t1);
				const breakdowns = results.indicators.reduce((a, i) => a + i.breakdowns.length, 0);
				summary = `${results.indicators.length} indicators × ${results.periods.length} periods, ${breakdowns} breakdowns`;
			}
			console.log(
				`results (${audience}): median ${ms(median(times))}, min ${ms(Math.min(...times))}, max ${ms(Math.max(...times))} over ${RUNS} runs — ${summary} (target < 1 s)`
			);
			console.log(
				`results (${audience}), no new response since: median ${ms(median(warm))}, max ${ms(Math.max(...warm))}`
			);
		}

		const exported = await exportAll(db, org.id, survey.id);
		console.log(
			`export CSV: ${exported.rows.toLocaleString('en')} rows, ${(exported.bytes / 1e6).toFixed(1)} MB in ${(exported.ms / 1000).toFixed(2)} s (target < 10 s); heap before ${exported.heapBefore} MB, peak ${exported.heapPeak} MB, RSS peak ${exported.rssPeak} MB`
		);
	} finally {
		await database.close();
		if (process.env.KEEP !== '1')
			await admin.unsafe(`drop database if exists ${DB_NAME} with (force)`);
		await admin.end();
	}
}

await main();
