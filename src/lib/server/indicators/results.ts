import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { IndicatorDefinition, Period } from '../../programmes/model';
import { periodsOf, periodsSoFar } from '../../programmes/periods';
import { allQuestions, textIn, type Instrument } from '../../survey/model';
import type { Db } from '../db';
import { rows } from '../db/rows';
import { surveyVersions, type Programme } from '../db/schema';
import { loadLogframe, manualValuesOf } from '../programmes/service';
import type { IndicatorResult } from './math';
import {
	presentCounts,
	presentIndicator,
	type Audience,
	type IndicatorHead,
	type IndicatorView,
	type RawResults
} from './present';
import { remembered, responsesFingerprint } from './cache';
import { computeFiguresBatch, MAX_DIMENSIONS, type FigureRow } from './sql';

/**
 * A programme's results: every indicator computed in SQL (all at once, each one statement),
 * shaped per audience by present.ts. Nothing here returns a raw answer.
 */

export interface ProgrammeResults {
	periods: Period[];
	indicators: IndicatorView[];
	counts: {
		channel: ReturnType<typeof presentCounts>;
		language: ReturnType<typeof presentCounts>;
	} | null;
	/** dimension → { label, cells: key → label } in the requested language. */
	labels: Record<string, { label: string; cells: Record<string, string> }>;
	k: number;
	audience: Audience;
}

const emptyRaw = (): RawResults => ({
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

function manualResults(
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

/** Responses to the programme's surveys in its periods, by channel and by language. */
async function responseCounts(
	db: Db,
	orgId: string,
	surveyIds: string[],
	periods: readonly Period[]
) {
	if (surveyIds.length === 0 || periods.length === 0) return null;
	const first = periods[0]!.start;
	const last = periods.at(-1)!.end;
	const result = await rows<{ channel: string | null; language: string | null; n: number }>(
		db.execute(sql`
			select channel::text as channel, language, count(*)::int as n from responses
			where org_id = ${orgId}
				and survey_id = any(array(select jsonb_array_elements_text(${JSON.stringify(surveyIds)}::jsonb)::uuid))
				and submitted_on between ${first}::date and ${last}::date
			group by grouping sets ((channel), (language))`)
	);
	const channel: Record<string, number> = {};
	const language: Record<string, number> = {};
	for (const r of result) {
		if (r.channel !== null) channel[r.channel] = r.n;
		else if (r.language !== null) language[r.language] = r.n;
	}
	return { channel, language };
}

/**
 * Labels of breakdown dimensions in `lang`, from the newest published version of the surveys
 * that ask them (question label, and choice labels for the cells).
 */
async function dimensionLabels(
	db: Db,
	orgId: string,
	surveyIds: string[],
	dimensions: Set<string>,
	lang: string
) {
	const labels: ProgrammeResults['labels'] = {};
	if (surveyIds.length === 0) return labels;
	const versions = await db
		.selectDistinctOn([surveyVersions.surveyId], { instrument: surveyVersions.instrument })
		.from(surveyVersions)
		.where(
			and(
				eq(surveyVersions.orgId, orgId),
				inArray(surveyVersions.surveyId, surveyIds),
				isNull(surveyVersions.archivedAt)
			)
		)
		.orderBy(surveyVersions.surveyId, desc(surveyVersions.number));
	for (const { instrument } of versions as { instrument: Instrument }[]) {
		for (const q of allQuestions(instrument)) {
			if (!dimensions.has(q.name) || labels[q.name]) continue;
			const list = instrument.choiceLists.find((l) => l.name === q.listName);
			labels[q.name] = {
				label: textIn(q.label, lang, instrument.defaultLanguage),
				cells: Object.fromEntries(
					(list?.choices ?? []).map((c) => [
						c.name,
						textIn(c.label, lang, instrument.defaultLanguage)
					])
				)
			};
		}
		for (const l of instrument.languages)
			if (dimensions.has('language'))
				(labels.language ??= { label: '', cells: {} }).cells[l.code] ??= l.name;
	}
	return labels;
}

/** Only what a page shows of an indicator's definition (not its rule or its surveys). */
function headOf(i: IndicatorDefinition): IndicatorHead {
	return {
		id: i.id,
		nodeId: i.nodeId,
		code: i.code,
		statement: i.statement,
		unit: i.unit,
		kind: i.kind,
		direction: i.direction,
		source: i.source,
		baselineValue: i.baselineValue,
		baselineDate: i.baselineDate,
		target: i.target,
		milestones: i.milestones,
		disaggregations: i.disaggregations.slice(0, MAX_DIMENSIONS)
	};
}

export async function programmeResults(
	db: Db,
	orgId: string,
	programme: Programme,
	options: { audience: Audience; k: number; today: string; lang: string; scope?: string }
): Promise<ProgrammeResults> {
	const periods = periodsSoFar(periodsOf(programme), options.today);
	const logframe = await loadLogframe(db, orgId, programme.id);
	const manual = await manualValuesOf(db, orgId, programme.id);
	const surveyIds = [...new Set(logframe.indicators.flatMap((i) => i.surveyIds))].sort();
	const dimensions = new Set(logframe.indicators.flatMap((i) => i.disaggregations));
	// The raw figures depend on the bound indicators' rules and breakdowns, the periods and the
	// responses; kept while all of these stay the same (cache.ts). Audience, k and language only
	// shape them afterwards.
	const bound = logframe.indicators
		.filter((i) => i.source === 'survey')
		.map((i) => [i.id, i.rule, i.surveyIds, i.disaggregations]);
	const key = JSON.stringify({ orgId, bound, periods });
	const fingerprint = () =>
		responsesFingerprint(db, surveyIds, periods[0]!.start, periods.at(-1)!.end);
	const [figures, labels] = await Promise.all([
		periods.length
			? fingerprint().then((print) =>
					remembered(
						key,
						print,
						async () => {
							const [fromSurveys, counts] = await Promise.all([
								surveyResults(db, orgId, logframe.indicators, periods),
								responseCounts(db, orgId, surveyIds, periods)
							]);
							return { fromSurveys, counts };
						},
						// A transaction's handle is gone once it ends: no background refresh from it.
						'rollback' in db ? undefined : fingerprint
					)
				)
			: Promise.resolve({ fromSurveys: new Map<string, RawResults>(), counts: null }),
		dimensionLabels(db, orgId, surveyIds, dimensions, options.lang)
	]);
	const { fromSurveys, counts } = figures;
	const raws = logframe.indicators.map((indicator) =>
		indicator.source === 'manual'
			? manualResults(
					manual.filter((m) => m.indicatorId === indicator.id),
					periods,
					indicator.kind
				)
			: (fromSurveys.get(indicator.id) ?? emptyRaw())
	);
	const presentOptions = {
		audience: options.audience,
		k: options.k,
		periods,
		programme,
		thresholds: { atRisk: programme.atRisk, offTrack: programme.offTrack },
		today: options.today,
		scope: options.scope
	};
	return {
		periods,
		indicators: logframe.indicators.map((indicator, i) =>
			presentIndicator(headOf(indicator), raws[i]!, presentOptions)
		),
		counts: counts && {
			channel: presentCounts(counts.channel, options.k, options.audience),
			language: presentCounts(counts.language, options.k, options.audience)
		},
		labels,
		k: options.k,
		audience: options.audience
	};
}
