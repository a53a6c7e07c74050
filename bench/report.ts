/**
 * Reports at scale: a fresh PostgreSQL database on loopback with the demo seeded (its midline
 * report published) and topped up to 200,000 simulated responses, then
 *
 *   pdf      the demo's published report rendered to PDF, charts and all (target under 3 s);
 *            the fixture report of the PDF tests if the demo has no published revision
 *   donor    the programme page's server work for a donor: programmeResults for a donor (the
 *            release: closed periods, protected and audited) and loadLogframe, as its load runs
 *            them (target under 300 ms), cold (figures and audit recomputed) and warm
 *
 * `npm run bench:report`. Prints figures; never fails on them. BENCH_DATABASE_URL overrides the
 * server; RESPONSES the number of responses (default 200,000); RUNS the runs (default 7).
 */
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import type { ReportSnapshot } from '../src/lib/evaluations/model';
import { openDatabase } from '../src/lib/server/db/client';
import { migrate } from '../src/lib/server/db/migrate';
import { organisations, responses } from '../src/lib/server/db/schema';
import { DEMO_PROGRAMME_NAME } from '../src/lib/server/demo/programme';
import { DEMO_ORG_SLUG, seedDemo } from '../src/lib/server/demo/seed';
import { translatorFor } from '../src/lib/server/i18n';
import { viewerOf } from '../src/lib/server/auth/viewer';
import { forgetReleases } from '../src/lib/server/disclosure/release';
import { forgetAll, refreshChanged } from '../src/lib/server/indicators/cache';
import { programmeResults } from '../src/lib/server/indicators/results';
import { findOrganisation } from '../src/lib/server/orgs/service';
import { findProgramme, listProgrammes, loadLogframe } from '../src/lib/server/programmes/service';
import { snapshotLanguage } from '../src/lib/server/reports/download';
import { reportFixture } from '../src/lib/server/reports/fixtures';
import { renderReportPdf } from '../src/lib/server/reports/pdf';
import { findRevision, listPublished } from '../src/lib/server/reports/published';
import { topUpDemoResponses } from './support/responses';
import { BENCH_USER } from './support/database';
import { PG_URL, ROOT } from './support/server';

const USER = BENCH_USER;

const DB_NAME = 'heard_bench_report';
const TOTAL = Number(process.env.RESPONSES ?? 200_000);
const RUNS = Number(process.env.RUNS ?? 7);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(0)} ms`;
const spread = (xs: number[]) =>
	`median ${ms(median(xs))}, min ${ms(Math.min(...xs))}, max ${ms(Math.max(...xs))} over ${xs.length} runs`;

async function main() {
	const admin = postgres(PG_URL, { max: 1, onnotice: () => {} });
	await admin.unsafe(`drop database if exists ${DB_NAME} with (force)`);
	await admin.unsafe(`create database ${DB_NAME}`);
	const url = new URL(PG_URL);
	url.pathname = `/${DB_NAME}`;
	const database = await openDatabase({ url: url.toString() });
	try {
		await migrate(database, `${ROOT}/drizzle`);
		const { db } = database;
		await seedDemo(db, { password: 'quiet-harbour-lantern-27' });
		const org = (await findOrganisation(db, DEMO_ORG_SLUG))!;
		const seeded = await topUpDemoResponses(db, org.id, TOTAL);
		console.log(
			`seeded ${seeded.responses.toLocaleString('en')} responses in ${seeded.seconds.toFixed(1)} s`
		);
		const owner = { user: { id: '00000000-0000-0000-0000-000000000000' }, role: 'owner' as const };
		const listed = (await listProgrammes(db, org.id, owner)).find(
			(p) => p.name === DEMO_PROGRAMME_NAME
		)!;
		const programme = (await findProgramme(db, org.id, listed.id, owner))!;

		// (a) The demo's published report as a PDF.
		const published = await listPublished(db, org.id, programme.id);
		const newest = published[0]?.revisions[0];
		let snapshot: ReportSnapshot;
		let source: string;
		if (newest) {
			snapshot = (await findRevision(db, org.id, programme.id, newest.id))!.snapshot;
			source = `demo report "${snapshot.title}", revision ${snapshot.revision}`;
		} else {
			snapshot = reportFixture('en');
			source = 'the demo has no published report: fixture report of the PDF tests';
		}
		const findings = snapshot.findings.reduce((n, g) => n + g.findings.length, 0);
		const t = translatorFor(snapshotLanguage(snapshot));
		const times: number[] = [];
		let bytes = 0;
		let pages = 0;
		for (let run = 0; run < RUNS; run++) {
			const t0 = performance.now();
			const pdf = await renderReportPdf(snapshot, t);
			times.push(performance.now() - t0);
			bytes = pdf.length;
			pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
		}
		console.log(`pdf: ${source}; ${findings} findings, ${snapshot.annex.length} annex rows`);
		console.log(
			`pdf: ${spread(times)}; first run ${ms(times[0]!)} (fonts read); ${pages} pages, ${(bytes / 1024).toFixed(0)} KiB (target < 3 s)`
		);

		// (b) The donor dashboard's server work on all those responses.
		const [orgRow] = await db.select().from(organisations).where(eq(organisations.id, org.id));
		const donorLoad = () =>
			Promise.all([
				programmeResults(db, viewerOf(USER, orgRow!, 'donor'), programme, {
					today: '2026-12-01',
					lang: 'en',
					scope: 'all'
				}),
				loadLogframe(db, org.id, programme.id)
			]);
		const cold: number[] = [];
		const warm: number[] = [];
		for (let run = 0; run < RUNS; run++) {
			forgetAll();
			forgetReleases();
			const t0 = performance.now();
			await donorLoad();
			cold.push(performance.now() - t0);
			const t1 = performance.now();
			await donorLoad();
			warm.push(performance.now() - t1);
		}
		console.log(
			`donor dashboard, figures recomputed: ${spread(cold)} on ${seeded.responses.toLocaleString('en')} responses (target < 300 ms)`
		);
		console.log(`donor dashboard, no new response since: ${spread(warm)}`);

		// A new response arrives, the server's background refresh (every 10 s) runs, a donor looks.
		const [sample] = await db.select().from(responses).limit(1);
		const afterNew: number[] = [];
		const refreshes: number[] = [];
		for (let run = 0; run < RUNS; run++) {
			await db.insert(responses).values({ ...sample!, id: undefined, submittedOn: '2026-11-30' });
			const t0 = performance.now();
			await refreshChanged();
			refreshes.push(performance.now() - t0);
			const t1 = performance.now();
			await donorLoad();
			afterNew.push(performance.now() - t1);
		}
		console.log(
			`donor dashboard after a new response, once the background refresh has run: ${spread(afterNew)} (the refresh itself: ${spread(refreshes)})`
		);
	} finally {
		await database.close();
		await admin.unsafe(`drop database if exists ${DB_NAME} with (force)`);
		await admin.end();
	}
}

await main();
