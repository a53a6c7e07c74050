import { sql, type SQL } from 'drizzle-orm';
import type { Period } from '../../programmes/model';
import type { Db } from '../db';
import { rows } from '../db/rows';
import type { IndicatorResult, IndicatorRule } from './math';

/**
 * Indicator figures computed where the answers are (PostgreSQL, or PGlite in the embedded
 * default), so no response is loaded into Node. One statement computes every indicator that
 * reads the same surveys, for every period and every breakdown, in a single scan of the
 * responses: GROUPING SETS give the periods, the whole programme and the cells, and each
 * indicator has its own aggregate columns. The answer readers are SQL functions (migration
 * 0009) that mirror math.ts, which serves as the oracle in the tests.
 *
 * Measured on 200,000 responses (bench/indicators.ts): one statement per indicator cost a scan
 * and the JSON reads of every row each time, and PostgreSQL's JIT compiler alone took seconds
 * on such wide expressions; one scan, each answer read once per row, and JIT off for the
 * statement brought the whole programme under the target.
 */

/** A breakdown dimension: a single-select question by name, or the response's channel or language. */
export type Dimension = string;

export interface FigureItem {
	rule: IndicatorRule;
	/** One-way breakdowns by each; the first two are also crossed (two-way). */
	dimensions: readonly Dimension[];
}

export interface FigureQuery extends FigureItem {
	orgId: string;
	surveyIds: readonly string[];
	periods: readonly Period[];
}

export interface FigureRow extends IndicatorResult {
	/** null: all periods together. */
	period: string | null;
	/** One entry per dimension of the item: the cell ('' for not stated), or null when not broken down by it. */
	cells: (string | null)[];
}

/** Cap on breakdowns per indicator: each adds grouping sets to the statement. */
export const MAX_DIMENSIONS = 6;

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;
const textArray = (values: readonly string[]) =>
	sql`array(select jsonb_array_elements_text(${json(values)}))`;
const BUILT_IN = new Set(['channel', 'language']);

/**
 * Names the statement's columns, so each answer is read from its row once — as jsonb (`a…`) and
 * as text (`t…`, the option itself for a single choice) — and read as a number (`x…`) or as a
 * breakdown cell (`d…`) once, however many indicators use it.
 */
class Columns {
	readonly answers = new Map<string, number>();
	readonly readers = new Map<string, { name: string; expression: SQL }>();
	readonly dimensions = new Map<string, string>();
	/**
	 * A question's answer in the b layer as text (read once per row), and the expression that
	 * reads it as jsonb from `layer`'s copy of the answers — only evaluated where the text looks
	 * like an array, which few answers are.
	 */
	private answer(question: string): { t: SQL; json: (layer: 'b' | 'c') => SQL } {
		if (!this.answers.has(question)) this.answers.set(question, this.answers.size);
		const j = this.answers.get(question)!;
		return {
			t: sql.raw(`b.t${j}`),
			json: (layer) => sql`${sql.raw(`${layer}.doc`)} -> ${question}`
		};
	}
	private reader(key: string, prefix: string, expression: () => SQL): SQL {
		if (!this.readers.has(key))
			this.readers.set(key, { name: `${prefix}${this.readers.size}`, expression: expression() });
		return sql.raw(`c.${this.readers.get(key)!.name}`);
	}
	/**
	 * Whether a person picked anything, and whether they picked one of `choices`. Most answers are
	 * a single option, compared as text at a fraction of the cost of jsonb containment; only
	 * answers that are arrays go through heard_choices.
	 */
	choices(question: string): {
		picked: SQL;
		anyOf: (choices: SQL) => SQL;
		has: (choice: string) => SQL;
	} {
		const answer = this.answer(question);
		const t = this.reader(`t:${question}`, 't', () => answer.t);
		const a = answer.json('c');
		const isArray = sql`left(${t}, 1) = '['`;
		return {
			picked: sql`case when ${isArray} then heard_choices(${a}) is not null
				else ${t} is not null and ${t} <> '.pnts' end`,
			anyOf: (choices) => sql`case when ${isArray}
				then coalesce(jsonb_exists_any(heard_choices(${a}), ${choices}), false)
				else coalesce(${t} = any(${choices}), false) end`,
			has: (choice) => sql`case when ${isArray}
				then coalesce(jsonb_exists(heard_choices(${a}), ${choice}), false)
				else coalesce(${t} = ${choice}, false) end`
		};
	}
	number(question: string): SQL {
		const answer = this.answer(question);
		return this.reader(`x:${question}`, 'x', () => sql`heard_number(${answer.t})`);
	}
	dimension(dimension: string): string {
		if (!this.dimensions.has(dimension)) {
			this.dimensions.set(dimension, `d${this.dimensions.size}`);
			if (!BUILT_IN.has(dimension)) this.answer(dimension);
		}
		return this.dimensions.get(dimension)!;
	}
	dimensionExpression(dimension: string): SQL {
		if (BUILT_IN.has(dimension)) return sql.raw(`b.${dimension}`);
		const { t, json } = this.answer(dimension);
		// Only text that starts like an array needs its JSON type checked.
		return sql`heard_cell(${t}, case when left(${t}, 1) = '[' then jsonb_typeof(${json('b')}) else 'string' end)`;
	}
}

/** Per-response columns of item i: `ok_i` (counted in n or excluded), `hit_i`, and the number `x_i`. */
function measures(rule: IndicatorRule, i: number, columns: Columns): SQL {
	const [ok, hit, x] = ['ok', 'hit', 'x'].map((c) => sql.raw(`${c}${i}`));
	switch (rule.kind) {
		case 'percentInSet': {
			const answer = columns.choices(rule.question);
			return sql`${answer.picked} as ${ok}, ${answer.anyOf(textArray(rule.choices))} as ${hit},
				null::float8 as ${x}`;
		}
		case 'percentSelecting': {
			const answer = columns.choices(rule.question);
			return sql`${answer.picked} as ${ok}, ${answer.has(rule.choice)} as ${hit}, null::float8 as ${x}`;
		}
		case 'mean':
		case 'median': {
			const value = columns.number(rule.question);
			return sql`${value} is not null as ${ok}, false as ${hit}, ${value} as ${x}`;
		}
		case 'count': {
			if (!rule.where) return sql`true as ${ok}, true as ${hit}, null::float8 as ${x}`;
			const answer = columns.choices(rule.where.question);
			return sql`${answer.picked} as ${ok}, ${answer.anyOf(textArray(rule.where.choices))} as ${hit},
				null::float8 as ${x}`;
		}
		case 'scaleScore': {
			const range = rule.rescaleFrom;
			const minAnswered = rule.minAnswered ?? rule.items.length;
			const values = sql.join(
				rule.items.map((item) => sql`(${columns.number(item)})`),
				sql`, `
			);
			const score = range
				? sql`(avg(v) - ${range.min}::float8) / (${range.max}::float8 - ${range.min}::float8) * 100`
				: sql`avg(v)`;
			const inRange = range
				? sql`v between ${range.min}::float8 and ${range.max}::float8`
				: sql`v is not null`;
			const score1 = sql`(select case when count(v) >= ${minAnswered}::int then ${score} end
				from (values ${values}) s(v) where ${inRange})`;
			return sql`${score1} is not null as ${ok}, false as ${hit}, ${score1} as ${x}`;
		}
		default:
			return rule satisfies never;
	}
}

function aggregates(rule: IndicatorRule, i: number): SQL {
	const [ok, hit, x] = ['ok', 'hit', 'x'].map((c) => sql.raw(`${c}${i}`));
	const [n, excluded, value] = ['n', 'e', 'v'].map((c) => sql.raw(`${c}${i}`));
	const answered = sql`count(*) filter (where ${ok})`;
	const left = sql`(count(*) filter (where not ${ok}))::int as ${excluded}`;
	switch (rule.kind) {
		case 'percentInSet':
		case 'percentSelecting':
			// (hits ÷ n) × 100 in this order, as math.ts does, so both give the same float.
			return sql`${answered}::int as ${n}, ${left},
				(count(*) filter (where ${hit}))::float8 / nullif(${answered}, 0) * 100 as ${value}`;
		case 'mean':
		case 'scaleScore':
			return sql`${answered}::int as ${n}, ${left}, avg(${x}) as ${value}`;
		case 'median':
			return sql`${answered}::int as ${n}, ${left},
				percentile_cont(0.5) within group (order by ${x}) as ${value}`;
		case 'count':
			return sql`(count(*) filter (where ${hit}))::int as ${n}, ${left},
				(count(*) filter (where ${hit}))::float8 as ${value}`;
		default:
			return rule satisfies never;
	}
}

/**
 * Stage one of two: item i's partials in each finest cell (period × every dimension) — the
 * respondents counted and the hits or the sum, as the kind needs; those left out are the cell's
 * rows (`rows`, shared by all items) minus those counted. Aggregates are the cost of the
 * statement, so none is computed that no figure uses.
 */
function partials(rule: IndicatorRule, i: number): SQL {
	const [ok, hit, x] = ['ok', 'hit', 'x'].map((c) => sql.raw(`${c}${i}`));
	const [n, h, sum] = ['n', 'h', 's'].map((c) => sql.raw(`${c}${i}`));
	switch (rule.kind) {
		case 'percentInSet':
		case 'percentSelecting':
			return sql`count(*) filter (where ${ok}) as ${n}, count(*) filter (where ${hit}) as ${h}`;
		case 'mean':
		case 'scaleScore':
			return sql`count(${x}) as ${n}, sum(${x}) as ${sum}`;
		case 'count':
			return rule.where
				? sql`count(*) filter (where ${ok}) as ${n}, count(*) filter (where ${hit}) as ${h}`
				: sql`count(*) as ${n}, count(*) as ${h}`;
		case 'median':
			throw new Error('a median cannot be computed from partials');
		default:
			return rule satisfies never;
	}
}

/** Stage two: the figures of item i from the cells' partials, for every grouping set. */
function totals(rule: IndicatorRule, i: number): SQL {
	const [n, h, sum] = ['n', 'h', 's'].map((c) => sql.raw(`${c}${i}`));
	const [nOut, eOut, vOut] = ['n', 'e', 'v'].map((c) => sql.raw(`${c}${i}`));
	const counted = sql`sum(${n})::int as ${nOut}, (sum(rows) - sum(${n}))::int as ${eOut}`;
	switch (rule.kind) {
		case 'percentInSet':
		case 'percentSelecting':
			// (hits ÷ n) × 100 in this order, as math.ts does, so both give the same float.
			return sql`${counted}, sum(${h})::float8 / nullif(sum(${n}), 0) * 100 as ${vOut}`;
		case 'mean':
		case 'scaleScore':
			return sql`${counted}, sum(${sum}) / nullif(sum(${n}), 0) as ${vOut}`;
		case 'count':
			// n is those who answered the condition and meet it; left out, those who did not answer it.
			return sql`sum(${h})::int as ${nOut}, (sum(rows) - sum(${n}))::int as ${eOut},
				sum(${h})::float8 as ${vOut}`;
		case 'median':
			throw new Error('a median cannot be computed from partials');
		default:
			return rule satisfies never;
	}
}

/** The sets of dimension columns an item is grouped by: none, each alone, the first two crossed. */
function itemSets(item: FigureItem, columns: Columns): string[][] {
	const names = item.dimensions.map((d) => columns.dimension(d));
	const sets = [[], ...names.map((d) => [d])];
	if (names.length >= 2) sets.push([names[0]!, names[1]!]);
	// Sorted: (d0, d1) and (d1, d0) are one grouping, which must be grouped once.
	return sets.map((set) => [...set].sort());
}

type RawRow = { period: string | null } & Record<string, string | number | null>;

/**
 * Figures of several indicators over the same surveys and periods, in one statement. Returns
 * one list of rows per item, in the items' order.
 */
export async function computeFiguresBatch(
	db: Db,
	query: {
		orgId: string;
		surveyIds: readonly string[];
		periods: readonly Period[];
		items: readonly FigureItem[];
	}
): Promise<FigureRow[][]> {
	const { orgId, surveyIds, periods, items } = query;
	for (const item of items)
		if (item.dimensions.length > MAX_DIMENSIONS) throw new RangeError('too many breakdowns');
	if (surveyIds.length === 0 || periods.length === 0 || items.length === 0)
		return items.map(() => []);
	const first = periods.reduce((a, p) => (p.start < a ? p.start : a), periods[0]!.start);
	const last = periods.reduce((a, p) => (p.end > a ? p.end : a), periods[0]!.end);

	const columns = new Columns();
	const perItemSets = items.map((item) => itemSets(item, columns));
	const itemMeasures = items.map((item, i) => measures(item.rule, i, columns));
	const dimensionNames = [...columns.dimensions.values()];
	const list = (parts: SQL[]) =>
		sql.join(
			parts.map((part) => sql`, ${part}`),
			sql``
		);
	const answerColumns = [...columns.answers].map(
		([question, j]) => sql`r.answers ->> ${question} as ${sql.raw(`t${j}`)}`
	);
	const readerColumns = [
		...[...columns.readers.values()].map((r) => sql`${r.expression} as ${sql.raw(r.name)}`),
		...[...columns.dimensions].map(
			([dimension, name]) => sql`${columns.dimensionExpression(dimension)} as ${sql.raw(name)}`
		)
	];
	// Every distinct set, with and without the period.
	const distinct = new Map<string, string[]>();
	for (const set of perItemSets.flat()) distinct.set(set.join(','), set);
	const groupingSets = [...distinct.values()].flatMap((set) => [['period', ...set], set]);
	const groupBy = sql.raw(groupingSets.map((set) => `(${set.join(', ')})`).join(', '));

	// Periods are sorted and do not overlap, so a CASE in date order finds a day's period, and
	// the gaps between custom periods fall to NULL. (A join scanned by index once per period; an
	// array lookup by width_bucket rebuilt the array for every row.)
	const sorted = [...periods].sort((a, b) => a.start.localeCompare(b.start));
	const periodOf = sql`case ${sql.join(
		sorted.map(
			(p) =>
				sql`when r.submitted_on < ${p.start}::date then null when r.submitted_on <= ${p.end}::date then ${p.key}::text`
		),
		sql` `
	)} end`;
	const dims = sql.raw(dimensionNames.map((d) => `, ${d}`).join(''));
	// A median needs every value; other figures add up from per-cell partials, so the grouping
	// sets run over a few thousand cells instead of every response.
	const twoStage = items.every((item) => item.rule.kind !== 'median');
	const aggregateStage = twoStage
		? sql`, g as (
				select period${dims}, count(*) as rows${list(items.map((item, i) => partials(item.rule, i)))}
				from m group by period${dims}
			)
			select period${dims}${list(items.map((item, i) => totals(item.rule, i)))}
			from g group by grouping sets (${groupBy})`
		: sql`
			select period${dims}${list(items.map((item, i) => aggregates(item.rule, i)))}
			from m group by grouping sets (${groupBy})`;
	// Each layer reads the one before once per row; OFFSET 0 keeps PostgreSQL from merging them,
	// which would copy each reader into every place that uses it.
	const statement = sql`
		with b as (
			select ${periodOf} as period, r.channel::text as channel, r.language, r.answers as doc${list(answerColumns)}
			from responses r
			where r.org_id = ${orgId}
				and r.survey_id = any(array(select jsonb_array_elements_text(${json(surveyIds)})::uuid))
				and r.submitted_on between ${first}::date and ${last}::date
			offset 0
		), c as (
			select b.period, b.doc${list(readerColumns)} from b where b.period is not null offset 0
		), m as (
			select c.period${sql.raw(dimensionNames.map((d) => `, c.${d}`).join(''))}${list(itemMeasures)}
			from c offset 0
		)${aggregateStage}`;
	const result = await db.transaction(async (tx) => {
		// JIT compilation of these wide expressions costs more than the statement itself.
		await tx.execute(sql`set local jit = off`);
		// Enough for the per-cell stage to hash rather than sort 200,000 rows on disk.
		await tx.execute(sql`set local work_mem = '64MB'`);
		return rows<RawRow>(tx.execute(statement));
	});

	return items.map((item, i) => {
		const own = item.dimensions.map((d) => columns.dimensions.get(d)!);
		const allowed = new Set(perItemSets[i]!.map((set) => set.join(',')));
		const out: FigureRow[] = [];
		for (const row of result) {
			const grouped = dimensionNames.filter((d) => row[d] !== null).sort();
			// A row of another item's breakdown (grouped by a dimension this item does not have).
			if (!grouped.every((d) => own.includes(d))) continue;
			if (!allowed.has(grouped.join(','))) continue;
			const n = row[`n${i}`] as number;
			out.push({
				period: row.period,
				cells: own.map((d) => (row[d] as string | null) ?? null),
				n,
				excluded: row[`e${i}`] as number,
				// A count is a number even when it is 0; a percentage or mean of no one is no figure.
				value: item.rule.kind === 'count' ? n : n === 0 ? null : (row[`v${i}`] as number | null)
			});
		}
		return out;
	});
}

/** One indicator's figures (see computeFiguresBatch). */
export async function computeFigures(db: Db, query: FigureQuery): Promise<FigureRow[]> {
	const [rows] = await computeFiguresBatch(db, { ...query, items: [query] });
	return rows!;
}
