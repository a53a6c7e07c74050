/**
 * Disclosure control at scale (issue 13): `npm run bench:disclosure`. Prints figures; never
 * fails on them.
 *
 *   demo       the demo programme's release (PostgreSQL on loopback, demo seeded): the linked
 *              tables built, the rules applied and the LP audit run until nothing is exposed,
 *              nothing kept between runs (target ≤ 200 ms) — the release of the last closed
 *              period, audited with the to-date figures of every earlier one (what a period's
 *              closing costs), and the whole chain of releases (what the first view after a
 *              restart costs)
 *   large      a synthetic programme of 40 indicators × 12 periods × 4 breakdowns from 24,000
 *              respondents, with rare groups: the same two figures (target ≤ 2 s)
 *   attacker   the independent attacker (attacker.ts) over every release a donor could have
 *              kept of the demo (and, with ATTACK_LARGE=1, of the large programme: minutes): the
 *              check the tests make, timed for the record
 *   dashboard  a donor's dashboard (programmeResults for a donor and loadLogframe, as the page
 *              load runs them) on RESPONSES responses: the first view (figures computed, release
 *              audited) and the kept one (target < 300 ms)
 *
 * BENCH_DATABASE_URL overrides the server; RESPONSES the responses (default 200,000); RUNS the
 * runs per figure (default 5).
 */
import { eq } from 'drizzle-orm';
import { viewerOf } from '../src/lib/server/auth/viewer';
import { organisations } from '../src/lib/server/db/schema';
import { DEMO_PROGRAMME_NAME } from '../src/lib/server/demo/programme';
import { seededRandom } from '../src/lib/server/demo/random';
import { DEMO_ORG_SLUG, seedDemo } from '../src/lib/server/demo/seed';
import { recoverable, type DonorRelease } from '../src/lib/server/disclosure/attacker';
import { figuresThrough } from '../src/lib/server/disclosure/earlier';
import { scaleOf } from '../src/lib/server/disclosure/instruments';
import { solverStats } from '../src/lib/server/disclosure/lp';
import { protect } from '../src/lib/server/disclosure/protect';
import {
	forgetReleases,
	programmeRelease,
	publishedInstruments,
	releaseChain,
	releaseInput,
	releasedPeriods
} from '../src/lib/server/disclosure/release';
import { releaseModel, type ReleaseInput } from '../src/lib/server/disclosure/release-model';
import {
	programmeOf,
	releaseAndAttack,
	type Respondent,
	type Spec
} from '../src/lib/server/disclosure/synthetic';
import { forgetAll } from '../src/lib/server/indicators/cache';
import { programmeFigures } from '../src/lib/server/indicators/figures';
import type { IndicatorRule } from '../src/lib/server/indicators/math';
import { programmeResults } from '../src/lib/server/indicators/results';
import { findOrganisation } from '../src/lib/server/orgs/service';
import { findProgramme, listProgrammes, loadLogframe } from '../src/lib/server/programmes/service';
import { topUpDemoResponses } from './support/responses';
import { BENCH_USER, withBenchDatabase } from './support/database';

const DB_NAME = 'heard_bench_disclosure';
const TOTAL = Number(process.env.RESPONSES ?? 200_000);
const RUNS = Number(process.env.RUNS ?? 5);
const TODAY = '2026-12-08';
const USER = BENCH_USER;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(0)} ms`;
const spread = (xs: number[]) =>
	`median ${ms(median(xs))}, min ${ms(Math.min(...xs))}, max ${ms(Math.max(...xs))} over ${xs.length} runs`;

/** The chain of releases, nothing kept, the time to build inputs left out. */
async function timeChain(count: number, inputFor: Parameters<typeof releaseChain>[1]) {
	const times: number[] = [];
	let last: ReleaseInput | undefined;
	for (let run = 0; run < RUNS; run++) {
		forgetReleases();
		let building = 0;
		const t0 = performance.now();
		const chain = await releaseChain(count, (j, history) => {
			const b = performance.now();
			const input = inputFor(j, history);
			building += performance.now() - b;
			return input;
		});
		times.push(performance.now() - t0 - building);
		last = chain.at(-1)!.input;
	}
	return { times, last: last! };
}

/** The rules and the audit over one release input, nothing kept: the figure the issue names. */
async function timeProtection(input: ReleaseInput) {
	const times: number[] = [];
	let summary = '';
	for (let run = 0; run < RUNS; run++) {
		const solves = solverStats.solves;
		const t0 = performance.now();
		const model = releaseModel(input);
		const result = await protect(model, input.k);
		times.push(performance.now() - t0);
		summary =
			`${model.cells.size.toLocaleString('en')} counts, ${model.truth.length.toLocaleString('en')} unknowns, ` +
			`${result.decisions.size.toLocaleString('en')} hidden, ${result.rounds} audit rounds, ` +
			`${(solverStats.solves - solves).toLocaleString('en')} LP solves, exposed ${result.exposed.length}`;
	}
	return { times, summary };
}

/** 40 indicators × 12 monthly periods × 4 breakdowns, from respondents with rare groups. */
function largeProgramme(): Spec {
	const random = seededRandom(13);
	const pick = <T>(items: T[], weights: number[]) => random.pick(items, weights);
	const respondents: Respondent[] = Array.from({ length: 24_000 }, () => ({
		period: random.int(0, 11),
		survey: 's1',
		channel: pick(['web', 'sms'], [70, 30]),
		language: pick(['en', 'ar'], [85, 15]),
		answers: Object.fromEntries(
			Object.entries({
				gender: pick(['woman', 'man', 'other', '.pnts'], [560, 410, 4, 26]),
				age: pick(['young', 'adult', 'older', '.pnts'], [300, 560, 120, 20]),
				site: pick(['north', 'south'], [97, 3]),
				satisfied: pick(['yes', 'no', '.pnts'], [70, 27, 3]),
				safety: pick([String(random.int(0, 10)), '.pnts'], [95, 5])
			}).filter(([, v]) => v !== undefined)
		)
	}));
	const rules: IndicatorRule[] = [
		{ kind: 'percentInSet', question: 'satisfied', choices: ['yes'] },
		{ kind: 'mean', question: 'safety' },
		{ kind: 'median', question: 'safety' },
		{ kind: 'count' },
		{ kind: 'count', where: { question: 'satisfied', choices: ['no'] } }
	];
	const dimensions = [
		['gender', 'age', 'site', 'channel'],
		['age', 'gender', 'language', 'site'],
		['gender', 'site', 'channel', 'language'],
		['site', 'age', 'gender', 'language']
	];
	return {
		k: 5,
		periods: 12,
		respondents,
		indicators: Array.from({ length: 40 }, (_, i) => ({
			kind: rules[i % rules.length]!.kind,
			rule: rules[i % rules.length]!,
			dimensions: dimensions[i % dimensions.length]!,
			surveys: ['s1']
		}))
	};
}

async function main() {
	await withBenchDatabase(DB_NAME, async ({ db }) => {
		await seedDemo(db, { password: 'quiet-harbour-lantern-27' });
		const org = (await findOrganisation(db, DEMO_ORG_SLUG))!;
		const [orgRow] = await db.select().from(organisations).where(eq(organisations.id, org.id));
		const owner = { user: USER, role: 'owner' as const };
		const listed = (await listProgrammes(db, org.id, owner)).find(
			(p) => p.name === DEMO_PROGRAMME_NAME
		)!;
		const programme = (await findProgramme(db, org.id, listed.id, owner))!;

		// (a) The demo's release (the demo's 2,400 responses), the audit alone timed.
		const periods = releasedPeriods(programme, TODAY);
		const figures = await programmeFigures(db, org.id, programme, periods);
		const instruments = await publishedInstruments(db, org.id, [
			...new Set(figures.logframe.indicators.flatMap((i) => i.surveyIds))
		]);
		const k = orgRow!.minCellSize;
		const demoChain = await timeChain(periods.length, (j, history) =>
			j === periods.length
				? releaseInput(figures, instruments, k, undefined, history).input
				: releaseInput(figuresThrough(figures, j), instruments, k, undefined, history).input
		);
		const demo = await timeProtection(demoChain.last);
		console.log(
			`demo release (${periods.length} periods): ${spread(demo.times)} (target ≤ 200 ms); ${demo.summary}`
		);
		console.log(`demo, all ${periods.length} releases in order: ${spread(demoChain.times)}`);

		// (b) The large synthetic programme.
		const spec = largeProgramme();
		const largeChain = await timeChain(12, (j, history) => programmeOf(spec, j, history).input);
		const big = await timeProtection(largeChain.last);
		console.log(`large release (40 × 12 × 4): ${spread(big.times)} (target ≤ 2 s); ${big.summary}`);
		console.log(`large, all 12 releases in order: ${spread(largeChain.times)}`);

		// (c) The independent attacker over everything a donor who looked every period kept.
		const donor = viewerOf(USER, orgRow!, 'donor');
		const t0 = performance.now();
		const releases: DonorRelease[] = [];
		for (const period of periods) {
			const day = new Date(Date.parse(`${period.end}T00:00:00Z`) + 86_400_000)
				.toISOString()
				.slice(0, 10);
			const all = await programmeResults(db, donor, programme, { today: day, lang: 'en' });
			const byScope: Record<string, typeof all.indicators> = { all: all.indicators };
			for (const p of all.periods)
				byScope[p.key] = (
					await programmeResults(db, donor, programme, { today: day, lang: 'en', scope: p.key })
				).indicators;
			releases.push({ periods: all.periods, byScope, counts: all.counts });
		}
		const logframe = figures.logframe;
		const found = await recoverable(
			releases,
			{
				scales: Object.fromEntries(logframe.indicators.map((i) => [i.id, scaleOf(i, instruments)])),
				surveys: Object.fromEntries(logframe.indicators.map((i) => [i.id, i.surveyIds])),
				countsResponses: Object.fromEntries(
					logframe.indicators.map((i) => [i.id, i.rule?.kind === 'count' && !i.rule.where])
				)
			},
			orgRow!.minCellSize
		);
		console.log(
			`attacker, the demo's ${releases.length} donor releases together: ${found.length} hidden counts narrower than k (${ms(performance.now() - t0)})`
		);
		// Over the large programme's twelve releases the attacker's program is large (every
		// period × group × two-way cell of 40 indicators, twelve times): minutes, so on request.
		if (process.env.ATTACK_LARGE === '1') {
			const t1 = performance.now();
			const attacked = await releaseAndAttack(largeProgramme());
			console.log(
				`attacker, the large programme's 12 releases together: ${attacked.found.length} hidden counts narrower than k (${ms(performance.now() - t1)}, releases included)`
			);
		}

		// (d) The donor dashboard on many responses: first view, then kept.
		const seeded = await topUpDemoResponses(db, org.id, TOTAL);
		console.log(
			`seeded ${seeded.responses.toLocaleString('en')} responses in ${seeded.seconds.toFixed(1)} s`
		);
		const load = () =>
			Promise.all([
				programmeResults(db, donor, programme, { today: TODAY, lang: 'en', scope: 'all' }),
				loadLogframe(db, org.id, programme.id)
			]);
		const first: number[] = [];
		const kept: number[] = [];
		for (let run = 0; run < RUNS; run++) {
			forgetAll();
			forgetReleases();
			const a = performance.now();
			await load();
			first.push(performance.now() - a);
			const b = performance.now();
			await load();
			kept.push(performance.now() - b);
		}
		const release = await programmeRelease(db, org.id, programme, {
			today: TODAY,
			k: orgRow!.minCellSize
		});
		console.log(
			`donor dashboard, first view (figures and audit): ${spread(first)} on ${seeded.responses.toLocaleString('en')} responses; audit ${ms(release.audit.ms)} of it`
		);
		console.log(`donor dashboard, kept release: ${spread(kept)} (target < 300 ms)`);
	});
}

await main();
