import { sql } from 'drizzle-orm';
import type { IndicatorDefinition, Logframe, Period } from '../../programmes/model';
import type { Db } from '../db';
import { rows } from '../db/rows';
import type { Programme } from '../db/schema';
import { loadLogframe, manualValuesOf } from '../programmes/service';
import { remembered, responsesFingerprint } from './cache';
import type { IndicatorResult } from './math';
import type { RawResults } from './present';
import { computeFiguresBatch, MAX_DIMENSIONS, type FigureRow } from './sql';

/**
 * A programme's raw figures over a set of periods: every indicator computed in SQL (each set of
 * surveys in one statement), manual values arranged alike, and the responses behind them by
 * survey and period, channel and language. Raw: no audience has shaped them yet; callers are
 * the live team view (results.ts) and the donor release (disclosure/release.ts).
 */

export interface ProgrammeFigures {
	periods: Period[];
	logframe: Logframe;
	/** Indicator id → its figures. */
	raw: Map<string, RawResults>;
	/** Responses to the programme's surveys in the periods, by channel and by language. */
	counts: { channel: Record<string, number>; language: Record<string, number> } | null;
	/** The same per period: dimension → period → key → responses. */
	countsByPeriod: Record<'channel' | 'language', Record<string, Record<string, number>>>;
	/** Survey → period → responses. */
	bySurvey: Record<string, Record<string, number>>;
}

export const emptyRaw = (): RawResults => ({
	periods: {},
	overall: { value: null, n: 0, excluded: 0 },
	breakdowns: {},
	crossed: {}
});

/** Figures of one survey-bound indicator, arranged by period, scope, dimension and cell. */
function arrange(dimensions: readonly string[], figures: readonly FigureRow[]): RawResults {
	const raw = emptyRaw();
	for (const f of figures) {
		const result: IndicatorResult = { value: f.value, n: f.n, excluded: f.excluded };
		const scope = f.period ?? 'all';
		const grouped = f.cells.flatMap((c, i) => (c === null ? [] : [i]));
		if (grouped.length === 0) {
			if (f.period === null) raw.overall = result;
			else raw.periods[f.period] = result;
		} else if (grouped.length === 1) {
			const dimension = dimensions[grouped[0]!]!;
			((raw.breakdowns[scope] ??= {})[dimension] ??= {})[f.cells[grouped[0]!]!] = result;
		} else {
			(raw.crossed[scope] ??= {})[`${f.cells[0]}\u0000${f.cells[1]}`] = result;
		}
	}
	return raw;
}

/**
 * A set of indicators cut in two of about equal work (the grouping sets grow with the
 * breakdowns), so PostgreSQL computes them on two connections — two cores — at once. Each half
 * scans the responses again; that costs less than it saves from 2,000 responses on (and on
 * PGlite, which runs one statement at a time, a second scan of a small table costs
 * milliseconds).
 */
export function halves<T extends { disaggregations: readonly string[] }>(group: T[]): T[][] {
	if (group.length < 2) return [group];
	const weight = (i: T) => 1 + Math.min(i.disaggregations.length, MAX_DIMENSIONS) * 2;
	const sorted = [...group].sort((a, b) => weight(b) - weight(a));
	const parts: [T[], T[]] = [[], []];
	const load = [0, 0];
	for (const item of sorted) {
		const side = load[0]! <= load[1]! ? 0 : 1;
		parts[side].push(item);
		load[side]! += weight(item);
	}
	return parts;
}

/**
 * Every survey-bound indicator's raw results: one statement per set of surveys (in the demo,
 * one for all of them), so the responses are scanned once, not once per indicator.
 */
async function surveyResults(
	db: Db,
	orgId: string,
	indicators: readonly IndicatorDefinition[],
	periods: readonly Period[]
): Promise<Map<string, RawResults>> {
	const bound = indicators.filter((i) => i.source === 'survey' && i.rule && i.surveyIds.length);
	const bySurveys = new Map<string, IndicatorDefinition[]>();
	for (const i of bound) {
		const key = [...i.surveyIds].sort().join(',');
		bySurveys.set(key, [...(bySurveys.get(key) ?? []), i]);
	}
	const results = new Map<string, RawResults>();
	// Inside a transaction (a report being published) there is one connection: statements
	// would queue anyway, and interleaved savepoints of concurrent sub-transactions release
	// each other. There, the sets run one after the other, whole.
	const inTransaction = 'rollback' in db;
	const groups = inTransaction ? [...bySurveys.values()] : [...bySurveys.values()].flatMap(halves);
	const run = async (group: IndicatorDefinition[]) => {
		const items = group.map((i) => ({
			rule: i.rule!,
			dimensions: i.disaggregations.slice(0, MAX_DIMENSIONS)
		}));
		const figures = await computeFiguresBatch(db, {
			orgId,
			surveyIds: group[0]!.surveyIds,
			periods,
			items
		});
		group.forEach((indicator, i) =>
			results.set(indicator.id, arrange(items[i]!.dimensions, figures[i]!))
		);
	};
	if (inTransaction) for (const group of groups) await run(group);
	else await Promise.all(groups.map(run));
	return results;
}

export function manualResults(
	values: { periodKey: string; value: number; n: number | null }[],
	periods: readonly Period[],
	kind: IndicatorDefinition['kind']
): RawResults {
	const raw: RawResults = { ...emptyRaw(), manual: true };
	const keys = new Set(periods.map((p) => p.key));
	for (const v of values)
		if (keys.has(v.periodKey))
			raw.periods[v.periodKey] = { value: v.value, n: v.n ?? 0, excluded: 0 };
	// The programme to date: for a count, the sum of its periods (with the people counted, when
	// every entry says); for any other kind, its latest entry.
	const entries = periods.flatMap((p) => (raw.periods[p.key] ? [raw.periods[p.key]!] : []));
	if (kind === 'count' && entries.length) {
		const known = entries.every((e) => e.n > 0);
		raw.overall = {
			value: entries.reduce((a, e) => a + (e.value ?? 0), 0),
			n: known ? entries.reduce((a, e) => a + e.n, 0) : 0,
			excluded: 0
		};
	} else if (entries.length) raw.overall = entries.at(-1)!;
	return raw;
}

/** Responses to the programme's surveys per survey and period, and by channel and by language. */
async function responseCounts(
	db: Db,
	orgId: string,
	surveyIds: string[],
	periods: readonly Period[]
): Promise<Pick<ProgrammeFigures, 'counts' | 'bySurvey' | 'countsByPeriod'>> {
	const countsByPeriod = { channel: {}, language: {} };
	if (surveyIds.length === 0 || periods.length === 0)
		return { counts: null, bySurvey: {}, countsByPeriod };
	const sorted = [...periods].sort((a, b) => a.start.localeCompare(b.start));
	const periodOf = sql`case ${sql.join(
		sorted.map(
			(p) =>
				sql`when submitted_on < ${p.start}::date then null when submitted_on <= ${p.end}::date then ${p.key}::text`
		),
		sql` `
	)} end`;
	const result = await rows<{
		survey: string | null;
		period: string | null;
		channel: string | null;
		language: string | null;
		n: number;
	}>(
		db.execute(sql`
			select survey_id::text as survey, period, channel, language, count(*)::int as n
			from (
				select survey_id, ${periodOf} as period, channel::text as channel, language from responses
				where org_id = ${orgId}
					and survey_id = any(array(select jsonb_array_elements_text(${JSON.stringify(surveyIds)}::jsonb)::uuid))
					and submitted_on between ${sorted[0]!.start}::date and ${sorted.at(-1)!.end}::date
			) r
			where period is not null
			group by grouping sets ((survey_id, period), (channel, period), (language, period))`)
	);
	const channel: Record<string, number> = {};
	const language: Record<string, number> = {};
	const bySurvey: Record<string, Record<string, number>> = {};
	const byPeriod: ProgrammeFigures['countsByPeriod'] = { channel: {}, language: {} };
	for (const r of result) {
		if (r.survey !== null && r.period !== null) (bySurvey[r.survey] ??= {})[r.period] = r.n;
		else if (r.channel !== null && r.period !== null) {
			channel[r.channel] = (channel[r.channel] ?? 0) + r.n;
			(byPeriod.channel[r.period] ??= {})[r.channel] = r.n;
		} else if (r.language !== null && r.period !== null) {
			language[r.language] = (language[r.language] ?? 0) + r.n;
			(byPeriod.language[r.period] ??= {})[r.language] = r.n;
		}
	}
	return { counts: { channel, language }, bySurvey, countsByPeriod: byPeriod };
}

/**
 * The programme's raw figures over `periods`, kept (cache.ts) while the indicators' rules and
 * breakdowns, the periods and the responses under them stay the same. Manual values are read
 * each time (a small table).
 */
export async function programmeFigures(
	db: Db,
	orgId: string,
	programme: Programme,
	periods: readonly Period[]
): Promise<ProgrammeFigures> {
	const [logframe, manual] = await Promise.all([
		loadLogframe(db, orgId, programme.id),
		manualValuesOf(db, orgId, programme.id)
	]);
	const surveyIds = [...new Set(logframe.indicators.flatMap((i) => i.surveyIds))].sort();
	const bound = logframe.indicators
		.filter((i) => i.source === 'survey')
		.map((i) => [i.id, i.rule, i.surveyIds, i.disaggregations]);
	const key = JSON.stringify({ orgId, bound, periods });
	const fingerprint = () =>
		responsesFingerprint(db, surveyIds, periods[0]!.start, periods.at(-1)!.end);
	const computed = periods.length
		? await fingerprint().then((print) =>
				remembered(
					key,
					print,
					async () => {
						const [fromSurveys, counts] = await Promise.all([
							surveyResults(db, orgId, logframe.indicators, periods),
							responseCounts(db, orgId, surveyIds, periods)
						]);
						return { fromSurveys, ...counts };
					},
					// A transaction's handle is gone once it ends: no background refresh from it.
					'rollback' in db ? undefined : fingerprint
				)
			)
		: {
				fromSurveys: new Map<string, RawResults>(),
				counts: null,
				bySurvey: {},
				countsByPeriod: { channel: {}, language: {} }
			};
	const raw = new Map(
		logframe.indicators.map((indicator) => [
			indicator.id,
			indicator.source === 'manual'
				? manualResults(
						manual.filter((m) => m.indicatorId === indicator.id),
						periods,
						indicator.kind
					)
				: (computed.fromSurveys.get(indicator.id) ?? emptyRaw())
		])
	);
	return {
		periods: [...periods],
		logframe,
		raw,
		counts: computed.counts,
		bySurvey: computed.bySurvey,
		countsByPeriod: computed.countsByPeriod
	};
}
