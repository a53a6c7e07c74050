import { sql, type SQL } from 'drizzle-orm';
import type { Period } from '../../programmes/model';
import type { Db } from '../db';
import { rows } from '../db/rows';
import type { IndicatorResult, IndicatorRule } from './math';

/**
 * Indicator figures computed where the answers are (PostgreSQL, or PGlite in the embedded
 * default): one statement per indicator returns every period and every breakdown at once, with
 * GROUPING SETS, so no response is loaded into Node. The answer readers are SQL functions from
 * migration 0009 that mirror math.ts, which serves as the oracle in the tests.
 */

/** A breakdown dimension: a single-select question by name, or the response's channel or language. */
export type Dimension = string;

export interface FigureQuery {
	orgId: string;
	surveyIds: readonly string[];
	rule: IndicatorRule;
	periods: readonly Period[];
	/** One-way breakdowns by each; the first two are also crossed (two-way). */
	dimensions: readonly Dimension[];
}

export interface FigureRow extends IndicatorResult {
	/** null: all periods together. */
	period: string | null;
	/** One entry per dimension: the cell ('' for not stated), or null when not broken down by it. */
	cells: (string | null)[];
}

/** Cap on breakdowns per indicator: each adds grouping sets to one statement. */
export const MAX_DIMENSIONS = 6;

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;
const textArray = (values: readonly string[]) =>
	sql`array(select jsonb_array_elements_text(${json(values)}))`;

function dimensionExpression(dimension: Dimension): SQL {
	if (dimension === 'channel') return sql`r.channel::text`;
	if (dimension === 'language') return sql`r.language`;
	return sql`heard_cell(r.answers -> ${dimension})`;
}

/** Per-response columns: `answered` (counted in n or excluded), `hit` and the number `x`. */
function measures(rule: IndicatorRule): SQL {
	const answer = (question: string) => sql`r.answers -> ${question}`;
	switch (rule.kind) {
		case 'percentInSet': {
			const picked = sql`heard_choices(${answer(rule.question)})`;
			return sql`${picked} is not null as answered,
				coalesce(jsonb_exists_any(${picked}, ${textArray(rule.choices)}), false) as hit,
				null::float8 as x`;
		}
		case 'percentSelecting': {
			const picked = sql`heard_choices(${answer(rule.question)})`;
			return sql`${picked} is not null as answered,
				coalesce(jsonb_exists(${picked}, ${rule.choice}), false) as hit, null::float8 as x`;
		}
		case 'mean':
		case 'median':
			return sql`heard_number(${answer(rule.question)}) is not null as answered, false as hit,
				heard_number(${answer(rule.question)}) as x`;
		case 'count': {
			if (!rule.where) return sql`true as answered, true as hit, null::float8 as x`;
			const picked = sql`heard_choices(${answer(rule.where.question)})`;
			return sql`${picked} is not null as answered,
				coalesce(jsonb_exists_any(${picked}, ${textArray(rule.where.choices)}), false) as hit,
				null::float8 as x`;
		}
		case 'scaleScore': {
			const range = rule.rescaleFrom;
			const minAnswered = rule.minAnswered ?? rule.items.length;
			const value = sql`heard_number(r.answers -> item)`;
			const score = range
				? sql`(avg(v) - ${range.min}::float8) / (${range.max}::float8 - ${range.min}::float8) * 100`
				: sql`avg(v)`;
			const inRange = range
				? sql`v between ${range.min}::float8 and ${range.max}::float8`
				: sql`v is not null`;
			const x = sql`(select case when count(v) >= ${minAnswered}::int then ${score} end
				from (select ${value} as v from jsonb_array_elements_text(${json(rule.items)}) item) s
				where ${inRange})`;
			return sql`${x} is not null as answered, false as hit, ${x} as x`;
		}
		default:
			return rule satisfies never;
	}
}

function aggregates(rule: IndicatorRule): SQL {
	const n = sql`count(*) filter (where answered)`;
	const excluded = sql`(count(*) filter (where not answered))::int as excluded`;
	switch (rule.kind) {
		case 'percentInSet':
		case 'percentSelecting':
			// (hits ÷ n) × 100 in this order, as math.ts does, so both give the same float.
			return sql`${n}::int as n, ${excluded},
				(count(*) filter (where hit))::float8 / nullif(${n}, 0) * 100 as value`;
		case 'mean':
			return sql`${n}::int as n, ${excluded}, avg(x) as value`;
		case 'median':
			return sql`${n}::int as n, ${excluded},
				percentile_cont(0.5) within group (order by x) as value`;
		case 'scaleScore':
			return sql`${n}::int as n, ${excluded}, avg(x) as value`;
		case 'count':
			return sql`(count(*) filter (where hit))::int as n, ${excluded},
				(count(*) filter (where hit))::float8 as value`;
		default:
			return rule satisfies never;
	}
}

/** (period), (period, d) for each d, (period, d0, d1), and the same again over all periods. */
function groupingSets(dimensions: number): SQL {
	const d = Array.from({ length: dimensions }, (_, i) => sql.raw(`d${i}`));
	const sets: SQL[][] = [[], ...d.map((x) => [x])];
	if (dimensions >= 2) sets.push([d[0]!, d[1]!]);
	const all = [...sets.map((set) => [sql`period`, ...set]), ...sets.map((set) => set)].map(
		(set) => sql`(${sql.join(set, sql`, `)})`
	);
	return sql.join(all, sql`, `);
}

interface RawRow {
	period: string | null;
	n: number;
	excluded: number;
	value: number | null;
	[cell: `d${number}`]: string | null;
}

export async function computeFigures(db: Db, query: FigureQuery): Promise<FigureRow[]> {
	const { orgId, surveyIds, rule, periods, dimensions } = query;
	if (dimensions.length > MAX_DIMENSIONS) throw new RangeError('too many breakdowns');
	if (surveyIds.length === 0 || periods.length === 0) return [];
	const first = periods.reduce((a, p) => (p.start < a ? p.start : a), periods[0]!.start);
	const last = periods.reduce((a, p) => (p.end > a ? p.end : a), periods[0]!.end);
	const cells = dimensions.map(
		(dimension, i) => sql`${dimensionExpression(dimension)} as ${sql.raw(`d${i}`)}`
	);
	const cellColumns = dimensions.map((_, i) => sql.raw(`d${i}`));
	const statement = sql`
		with p as (
			select key, start, "end" from jsonb_to_recordset(${json(periods)}) as p(key text, start date, "end" date)
		), r as (
			select p.key as period, ${sql.join([...cells, measures(rule)], sql`, `)}
			from responses r join p on r.submitted_on between p.start and p."end"
			where r.org_id = ${orgId}
				and r.survey_id = any(array(select jsonb_array_elements_text(${json(surveyIds)})::uuid))
				and r.submitted_on between ${first}::date and ${last}::date
		)
		select period${sql.join(
			cellColumns.map((c) => sql`, ${c}`),
			sql``
		)}, ${aggregates(rule)}
		from r
		group by grouping sets (${groupingSets(dimensions.length)})`;
	const result = await rows<RawRow>(db.execute(statement));
	return result.map((row) => ({
		period: row.period,
		cells: dimensions.map((_, i) => row[`d${i}`] ?? null),
		n: row.n,
		excluded: row.excluded,
		// A count is a number even when it is 0; a percentage or mean of no one is no figure.
		value: rule.kind === 'count' ? row.n : row.n === 0 ? null : row.value
	}));
}
