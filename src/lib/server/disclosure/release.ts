import { createHash } from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Period } from '../../programmes/model';
import { periodsOf } from '../../programmes/periods';
import type { Instrument } from '../../survey/model';
import type { Db } from '../db';
import { rows } from '../db/rows';
import { surveyVersions, type Programme } from '../db/schema';
import { programmeFigures, type ProgrammeFigures } from '../indicators/figures';
import { programmesWithDonors } from '../programmes/service';
import type { Decide } from '../indicators/present';
import { MAX_DIMENSIONS } from '../indicators/sql';
import { cellKeysOf, scaleOf } from './instruments';
import type { LinkedTables } from './linked';
import { protect, type Decision, type Exposure } from './protect';
import { earlierRelease, figuresThrough, perPeriodDecisions } from './earlier';
import {
	releaseModel,
	type EarlierRelease,
	type ReleaseEvaluation,
	type ReleaseInput
} from './release-model';

/**
 * A programme's release: everything a donor can read of it at once (the dashboard, the
 * downloads, a report's figures), protected together and audited (decision 011).
 *
 * Donors see closed periods only. The period in progress changes with every answer, and a
 * reader who looks twice would learn one person's answer from the difference; a closed
 * period's figures stay as they are, so the release changes when a period closes (or when
 * answers of a closed period are excluded), and looking again teaches nothing new.
 *
 * The decisions are kept per release input (the figures, k, the breakdowns' cells): the same
 * figures always give the same decisions, on every server, so a donor's dashboard reads a kept
 * release instead of running the audit again.
 */

export interface Release {
	/** Released periods: those that ended before today. */
	periods: Period[];
	/** The last day released, or null while no period has closed. */
	through: string | null;
	k: number;
	figures: ProgrammeFigures;
	cellKeys: Record<string, string[]>;
	/** Cell id → decision, for every hidden cell (a cell absent from it is shown). */
	decisions: Map<string, Decision>;
	model: LinkedTables;
	audit: {
		/** Counts in the release, hidden among them, and what the attacker could still narrow. */
		cells: number;
		hidden: number;
		exposed: Exposure[];
		rounds: number;
		/** Milliseconds the protection and audit took when the release was made. */
		ms: number;
	};
}

/** Periods that ended before `today`: only those are released. */
export function releasedPeriods(programme: Programme, today: string): Period[] {
	return periodsOf(programme).filter((p) => p.end < today);
}

/** Published versions of the surveys, newest first (what cells and scales are read from). */
export async function publishedInstruments(
	db: Db,
	orgId: string,
	surveyIds: readonly string[]
): Promise<Instrument[]> {
	if (surveyIds.length === 0) return [];
	const versions = await db
		.select({ instrument: surveyVersions.instrument })
		.from(surveyVersions)
		.where(and(eq(surveyVersions.orgId, orgId), inArray(surveyVersions.surveyId, [...surveyIds])))
		.orderBy(desc(surveyVersions.publishedAt), desc(surveyVersions.number));
	return versions.map((v) => v.instrument);
}

/** The release input of a programme's figures (pure). */
export function releaseInput(
	figures: ProgrammeFigures,
	instruments: readonly Instrument[],
	k: number,
	evaluation?: ReleaseEvaluation,
	history: Pick<ReleaseInput, 'earlier' | 'alreadyShown' | 'alreadyHidden'> = {}
): { input: ReleaseInput; cellKeys: Record<string, string[]> } {
	const indicators = figures.logframe.indicators;
	const dimensions = new Set([
		'channel',
		'language',
		...indicators.flatMap((i) => i.disaggregations.slice(0, MAX_DIMENSIONS))
	]);
	const cellKeys = cellKeysOf(dimensions, instruments, figures.raw.values());
	const input: ReleaseInput = {
		k,
		periods: figures.periods,
		cellKeys,
		indicators: indicators.map((i) => ({
			id: i.id,
			kind: i.kind,
			manual: i.source === 'manual' || !i.rule || i.surveyIds.length === 0,
			surveyIds: [...i.surveyIds].sort(),
			countsResponses: i.rule?.kind === 'count' && !i.rule.where,
			dimensions: i.disaggregations.slice(0, MAX_DIMENSIONS),
			scale: scaleOf(i, instruments),
			raw: figures.raw.get(i.id)!
		})),
		responses: {
			bySurvey: figures.bySurvey,
			channel: figures.countsByPeriod.channel,
			language: figures.countsByPeriod.language
		},
		evaluation,
		...history
	};
	return { input, cellKeys };
}

// Several programmes' chains of releases (one per closed period) fit; the oldest go first.
const MAX_KEPT = 64;
const kept = new Map<
	string,
	Promise<Omit<Release, 'figures' | 'cellKeys' | 'periods' | 'through' | 'k'>>
>();

/** For tests and benchmarks that must time the protection itself. */
export function forgetReleases(): void {
	kept.clear();
}

/** The protection of a release input, kept by the input's hash (the same input, the same decisions). */
function protectedRelease(input: ReleaseInput, maxRounds?: number) {
	const key = createHash('sha256').update(JSON.stringify({ input, maxRounds })).digest('base64url');
	let found = kept.get(key);
	if (found) {
		kept.delete(key);
		kept.set(key, found);
		return found;
	}
	found = (async () => {
		const started = performance.now();
		const model = releaseModel(input);
		const result = await protect(model, input.k, { maxRounds });
		return {
			model,
			decisions: result.decisions,
			audit: {
				cells: model.cells.size,
				hidden: result.decisions.size,
				exposed: result.exposed,
				rounds: result.rounds,
				ms: performance.now() - started
			}
		};
	})();
	kept.set(key, found);
	// A failure is not kept: the next request tries again.
	found.catch(() => kept.delete(key));
	while (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value!);
	return found;
}

export interface ReleaseOptions {
	today: string;
	k: number;
	/** A report's own figures (its evaluation's response count and theme counts), when publishing. */
	evaluation?: (through: string, periods: Period[]) => Promise<ReleaseEvaluation>;
	/**
	 * A bound on the audit's rounds per release (default: protect.ts's). A release still exposed
	 * when it is reached is not safe, and nothing is published from it.
	 */
	maxRounds?: number;
}

/**
 * The programme's release as of `today`: made in order with the release of every earlier closed
 * period (each kept while its input is the same), the last one with the report's own figures when
 * a report is being published.
 */
export async function programmeRelease(
	db: Db,
	orgId: string,
	programme: Programme,
	options: ReleaseOptions
): Promise<Release> {
	const periods = releasedPeriods(programme, options.today);
	const through = periods.at(-1)?.end ?? null;
	const figures = await programmeFigures(db, orgId, programme, periods);
	const surveyIds = [...new Set(figures.logframe.indicators.flatMap((i) => i.surveyIds))];
	const evaluation =
		options.evaluation && through ? await options.evaluation(through, periods) : undefined;
	const instruments = await publishedInstruments(db, orgId, [
		...surveyIds,
		...(evaluation?.surveyIds ?? [])
	]);
	const last = Math.max(1, periods.length);
	const { cellKeys } = releaseInput(figures, instruments, options.k);
	const chain = await releaseChain(
		last,
		(j, history) =>
			j === last
				? releaseInput(figures, instruments, options.k, evaluation, history).input
				: releaseInput(figuresThrough(figures, j), instruments, options.k, undefined, history)
						.input,
		options.maxRounds
	);
	return { ...chain.at(-1)!, periods, through, k: options.k, figures, cellKeys };
}

type Made = Awaited<ReturnType<typeof protectedRelease>>;

/**
 * The releases of the first 1 … `count` periods in order, each audited with the to-date figures
 * of those before it and keeping shown what they showed (earlier.ts): what every donor who looked
 * once a period could have kept. Each is kept by its input, so a new period costs one release.
 */
export async function releaseChain(
	count: number,
	inputFor: (
		through: number,
		history: Pick<ReleaseInput, 'earlier' | 'alreadyShown' | 'alreadyHidden'>
	) => ReleaseInput,
	maxRounds?: number
): Promise<(Made & { input: ReleaseInput })[]> {
	const earlier: EarlierRelease[] = [];
	let perPeriod: Pick<ReleaseInput, 'alreadyShown' | 'alreadyHidden'> = {};
	const chain: (Made & { input: ReleaseInput })[] = [];
	for (let j = 1; j <= count; j++) {
		const input = inputFor(j, { earlier: [...earlier], ...perPeriod });
		const made = await protectedRelease(input, maxRounds);
		chain.push({ ...made, input });
		earlier.push(earlierRelease(made.model, made.decisions, j));
		perPeriod = perPeriodDecisions(made.model, made.decisions);
	}
	return chain;
}

/**
 * What donors see of each cell of a release: a cell the release does not hold is hidden (a
 * figure nobody audited is never shown), a hidden one by its reason.
 */
export function releaseDecide(release: Pick<Release, 'model' | 'decisions'>): Decide {
	return ({ id }) => {
		if (!release.model.cells.has(id)) return 'withheld';
		const d = release.decisions.get(id);
		return d && !d.shown ? d.reason : null;
	};
}

/**
 * An evaluation's responses within its dates, clipped to the release: per survey, whole
 * released periods, parts of periods, and days outside every released period.
 */
export async function evaluationResponses(
	db: Db,
	orgId: string,
	scope: { surveyIds: string[]; startsOn: string; endsOn: string },
	through: string,
	periods: readonly Period[]
): Promise<Pick<ReleaseEvaluation, 'responses' | 'fullPeriods' | 'partial' | 'outside'>> {
	const last = scope.endsOn < through ? scope.endsOn : through;
	const empty = { responses: 0, fullPeriods: [], partial: {}, outside: {} };
	if (scope.surveyIds.length === 0 || last < scope.startsOn) return empty;
	const sorted = [...periods].sort((a, b) => a.start.localeCompare(b.start));
	const periodOf = sorted.length
		? sql`case ${sql.join(
				sorted.map(
					(p) =>
						sql`when submitted_on < ${p.start}::date then null when submitted_on <= ${p.end}::date then ${p.key}::text`
				),
				sql` `
			)} end`
		: sql`null::text`;
	const found = await rows<{ survey: string; period: string | null; n: number }>(
		db.execute(sql`
			select survey_id::text as survey, ${periodOf} as period, count(*)::int as n from responses
			where org_id = ${orgId}
				and survey_id = any(array(select jsonb_array_elements_text(${JSON.stringify(scope.surveyIds)}::jsonb)::uuid))
				and submitted_on between ${scope.startsOn}::date and ${last}::date
			group by 1, 2`)
	);
	const full = sorted.filter((p) => p.start >= scope.startsOn && p.end <= last).map((p) => p.key);
	const partial: Record<string, Record<string, number>> = {};
	const outside: Record<string, number> = {};
	for (const survey of scope.surveyIds) {
		outside[survey] = 0;
		for (const p of sorted)
			if (!full.includes(p.key) && p.start <= last && p.end >= scope.startsOn)
				(partial[survey] ??= {})[p.key] = 0;
	}
	for (const r of found) {
		if (r.period === null) outside[r.survey] = (outside[r.survey] ?? 0) + r.n;
		else if (!full.includes(r.period)) (partial[r.survey] ??= {})[r.period] = r.n;
	}
	return {
		responses: found.reduce((a, r) => a + r.n, 0),
		fullPeriods: full,
		partial,
		outside
	};
}

/**
 * Makes the release of every programme a donor is attached to ahead of their visit, one after
 * the other: after a restart (or when a period has closed) the whole chain of releases is made
 * here rather than on a donor's first request. A failure is logged; the next run tries again.
 */
export async function warmReleases(db: Db, today = new Date().toISOString().slice(0, 10)) {
	let made = 0;
	for (const { programme, k } of await programmesWithDonors(db)) {
		try {
			await programmeRelease(db, programme.orgId, programme, { today, k });
			made++;
		} catch (error) {
			console.error('release warm-up failed', error instanceof Error ? error.message : error);
		}
	}
	return made;
}
