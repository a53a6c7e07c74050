import type { IndicatorKind, Period } from '../../programmes/model';
import type { IndicatorResult } from '../indicators/math';
import type { RawResults } from '../indicators/present';
import { LinkedTables, type Cell, type HiddenReason, type ValueFact } from './linked';

/**
 * A programme's release as linked tables (DOMAIN.md, "Tables are linked"): every count a donor
 * can read at once, as sums of the same unknowns, with what always holds between them. Pure:
 * the release service reads the figures, this lays them out for protect.ts.
 *
 * Per survey-bound indicator, over the released (closed) periods:
 * - an unknown per period (its total) and per period × cell of each breakdown, tied together:
 *   each breakdown of a period adds up to the period; the trend, every period's breakdown, the
 *   breakdowns to date and the programme to date are tables over them;
 * - when the first two breakdowns are shown crossed, an unknown per period × row × column, whose
 *   margins are the two breakdowns (the exact three-way structure, not an approximation);
 * - for a percentage, a numerator beside every count (0 ≤ hits ≤ n); for a mean on a bounded
 *   scale, a sum (min·n ≤ sum ≤ max·n); a shown value pins its numerator to its rounding;
 * - the responses behind it: at most (or, for a plain count, exactly) the responses to its
 *   surveys in the period, and with "left out" shown, exactly the responses less those counted.
 * Responses by channel and by language, manual figures that count people, and (for a report)
 * the evaluation's response count and theme counts join through the same response unknowns.
 */

/** A breakdown's cells, in the order a table shows them. */
export type CellKeys = Record<string, string[]>;

export interface ReleaseIndicator {
	id: string;
	kind: IndicatorKind;
	manual: boolean;
	/** Surveys the rule reads (survey-bound only). */
	surveyIds: string[];
	/** A plain count of responses (no condition): its n is the responses themselves. */
	countsResponses: boolean;
	/** Breakdowns (survey-bound only). */
	dimensions: string[];
	/** For a mean or scale score: the scale's ends, when known (bounded answers). */
	scale?: { min: number; max: number };
	raw: RawResults;
}

export interface ResponseCounts {
	/** survey → period → responses. */
	bySurvey: Record<string, Record<string, number>>;
	/** Responses to the programme's surveys, by channel and by language: period → key → n. */
	channel: Record<string, Record<string, number>>;
	language: Record<string, Record<string, number>>;
}

/**
 * An earlier release of the same programme (at the end of an earlier period): what it decided
 * for its to-date figures, which donors may have kept. Its per-period figures are the same cells
 * as now and are passed as `alreadyShown`.
 */
export interface EarlierRelease {
	/** How many of the periods it covered. */
	through: number;
	/** To-date cell id → 'shown', or why it was hidden. */
	decisions: Record<string, HiddenReason | 'shown'>;
}

export interface ReleaseEvaluation {
	surveyIds: string[];
	/** Responses to its surveys within its dates (clipped to the release). */
	responses: number;
	/** Periods it covers in full, and per survey the responses in those it covers in part. */
	fullPeriods: string[];
	partial: Record<string, Record<string, number>>;
	/** Responses outside every released period (before the programme began), per survey. */
	outside: Record<string, number>;
	/** People whose answers were coded, and per theme, people by each breakdown asked for. */
	coded: number;
	themes: { id: string; count: number; breakdowns: Record<string, Record<string, number>> }[];
}

export interface ReleaseInput {
	/** The minimum cell size: "left out" is shown only from k, so only then is it a fact. */
	k: number;
	periods: readonly Period[];
	indicators: readonly ReleaseIndicator[];
	/** Cells of every breakdown, full lists (a choice nobody picked is a cell of 0, not absent). */
	cellKeys: CellKeys;
	responses: ResponseCounts;
	evaluation?: ReleaseEvaluation;
	/** Earlier releases, oldest first: their to-date figures are audited with this one. */
	earlier?: EarlierRelease[];
	/** Per-period cells an earlier release showed: public already, so shown again. */
	alreadyShown?: string[];
	/** Per-period cells the release before hid, and why: hidden again. */
	alreadyHidden?: Record<string, HiddenReason>;
}

/** Cell ids: the stable names every view uses to look up a decision. */
export const cellId = {
	period: (indicator: string, period: string) => `i:${indicator}:p:${period}`,
	overall: (indicator: string) => `i:${indicator}:all`,
	breakdown: (indicator: string, dimension: string, scope: string, key: string) =>
		`i:${indicator}:d:${dimension}:${scope}:${key}`,
	crossed: (indicator: string, row: string, column: string) =>
		`i:${indicator}:x:${row}\u0000${column}`,
	responses: (dimension: 'channel' | 'language', key: string) => `r:${dimension}:${key}`,
	allResponses: 'r:all',
	evaluationResponses: 'e:responses',
	coded: 'e:coded',
	theme: (theme: string) => `t:${theme}`,
	themeCell: (theme: string, dimension: string, key: string) => `t:${theme}:${dimension}:${key}`
};

const PERCENT_PRECISION = 0.05;
const MEAN_PRECISION = 0.005;

/** Rounding of a value a donor receives: what the audit assumes they can read. */
export function roundForRelease(kind: IndicatorKind, value: number | null): number | null {
	if (value === null || !Number.isFinite(value)) return null;
	if (kind === 'percentInSet' || kind === 'percentSelecting') return Math.round(value * 10) / 10;
	if (kind === 'count') return value;
	return Math.round(value * 100) / 100;
}

type Measure = 'share' | 'sum' | null;
function measureOf(indicator: ReleaseIndicator): Measure {
	if (indicator.manual) return null;
	if (indicator.kind === 'percentInSet' || indicator.kind === 'percentSelecting') return 'share';
	if ((indicator.kind === 'mean' || indicator.kind === 'scaleScore') && indicator.scale)
		return 'sum';
	return null;
}

/**
 * Counts and their numerators side by side: `pair` makes a count unknown and, for a measured
 * indicator, its numerator bounded by it; `same` ties sums of both alike.
 */
class Paired {
	constructor(
		private readonly model: LinkedTables,
		private readonly indicator: ReleaseIndicator,
		private readonly measure: Measure
	) {}
	readonly numerator = new Map<number, number>();

	pair(result: IndicatorResult | undefined): number {
		const n = result?.n ?? 0;
		const count = this.model.atom(n);
		if (this.measure === 'share') {
			const hits = Math.round(((result?.value ?? 0) * n) / 100);
			const h = this.model.atom(hits);
			this.model.atMost([h], [count]);
			this.numerator.set(count, h);
		} else if (this.measure === 'sum') {
			const { min, max } = this.indicator.scale!;
			const s = this.model.atom((result?.value ?? 0) * n, -Infinity, Infinity);
			this.model.row([s, count], [1, -min], 0, Infinity);
			this.model.row([s, count], [1, -max], -Infinity, 0);
			this.numerator.set(count, s);
		}
		return count;
	}

	/** Σ plus = Σ minus, for the counts and (when measured) their numerators. */
	same(plus: number[], minus: number[]): void {
		this.model.equal(plus, minus);
		if (this.measure)
			this.model.equal(
				plus.map((a) => this.numerator.get(a)!),
				minus.map((a) => this.numerator.get(a)!)
			);
	}

	/** The figure of several periods together, from theirs (n adds up; a value by its numerator). */
	combine(results: (IndicatorResult | undefined)[]): IndicatorResult {
		let n = 0;
		let numerator = 0;
		for (const r of results) {
			if (!r) continue;
			n += r.n;
			numerator += (r.value ?? 0) * r.n;
		}
		const value =
			this.measure && n > 0 ? numerator / n : this.indicator.kind === 'count' ? n : null;
		return { n, value, excluded: 0 };
	}

	value(atoms: number[], result: IndicatorResult | undefined): ValueFact | undefined {
		if (!this.measure || !result || result.n === 0 || result.value === null) return undefined;
		const value = roundForRelease(this.indicator.kind, result.value)!;
		return {
			numerator: { atoms: atoms.map((a) => this.numerator.get(a)!) },
			value,
			precision: this.measure === 'share' ? PERCENT_PRECISION : MEAN_PRECISION,
			scale: this.measure === 'share' ? 100 : 1
		};
	}
}

/** The release's linked tables. */
export function releaseModel(input: ReleaseInput): LinkedTables {
	const model = new LinkedTables();
	const { periods } = input;
	// The responses: an unknown per survey and period, which every indicator's counts answer to.
	const responseAtoms = new Map<string, Map<string, number>>();
	const surveys = new Set([
		...input.indicators.flatMap((i) => (i.manual ? [] : i.surveyIds)),
		...(input.evaluation?.surveyIds ?? [])
	]);
	for (const survey of [...surveys].sort()) {
		const perPeriod = new Map<string, number>();
		for (const p of periods)
			perPeriod.set(p.key, model.atom(input.responses.bySurvey[survey]?.[p.key] ?? 0));
		responseAtoms.set(survey, perPeriod);
	}
	const responsesIn = (surveyIds: readonly string[], period: string) =>
		surveyIds.map((s) => responseAtoms.get(s)!.get(period)!);

	for (const indicator of input.indicators) {
		if (indicator.manual) manualTables(model, indicator, input);
		else surveyTables(model, indicator, input, responsesIn);
	}
	responseTables(model, input, responseAtoms);
	if (input.evaluation) evaluationTables(model, input.evaluation, periods, responseAtoms);
	for (const id of input.alreadyShown ?? []) {
		const cell = model.cells.get(id);
		if (cell) cell.alwaysShown = true;
	}
	for (const [id, reason] of Object.entries(input.alreadyHidden ?? {}))
		if (model.cells.has(id)) model.hiddenAlready.set(id, reason);
	return model;
}

/**
 * A to-date figure, and the same figure as each earlier release gave it (over its periods):
 * shown then, it is a fact now; hidden then, it stays hidden and must stay wide.
 */
function addToDate(
	model: LinkedTables,
	input: ReleaseInput,
	cell: Omit<Cell, 'count' | 'n' | 'value'>,
	perPeriod: { atoms: number[][]; n: number[]; cells?: (string | undefined)[] },
	value?: (through: number) => ValueFact | undefined
): void {
	const all = (through: number) => ({
		atoms: perPeriod.atoms.slice(0, through).flat(),
		n: perPeriod.n.slice(0, through).reduce((a, b) => a + b, 0)
	});
	const now = all(perPeriod.atoms.length);
	model.cell({
		...cell,
		n: now.n,
		count: { atoms: now.atoms },
		value: value?.(perPeriod.atoms.length),
		dated: true
	});
	for (const earlier of input.earlier ?? []) {
		const decided = earlier.decisions[cell.id];
		// A figure hidden then to protect another told nothing and protects nothing now (what it
		// protected, a small group, is what stays audited); only what was shown or small matters.
		if (!decided || (decided !== 'shown' && decided !== 'small')) continue;
		const then = all(earlier.through);
		const id = `${cell.id}@${earlier.through}`;
		model.cell({
			...cell,
			id,
			n: then.n,
			count: { atoms: then.atoms },
			value: value?.(earlier.through),
			alwaysShown: decided === 'shown'
		});
		if (decided !== 'shown') model.hiddenAlready.set(id, decided);
		// Today's figure is that one plus the periods since, each shown on its own: a table of its
		// own, so the rules keep the earlier figure from being today's less the periods since.
		const since = (perPeriod.cells ?? []).slice(earlier.through);
		if (perPeriod.cells && since.every((c) => c && model.cells.has(c)))
			model.oneWay({ id: `${id}:since`, cells: [id, ...(since as string[])], total: cell.id });
	}
}

function surveyTables(
	model: LinkedTables,
	indicator: ReleaseIndicator,
	input: ReleaseInput,
	responsesIn: (surveyIds: readonly string[], period: string) => number[]
): void {
	const { id, raw, dimensions } = indicator;
	const { periods, cellKeys } = input;
	const paired = new Paired(model, indicator, measureOf(indicator));
	const totals = periods.map((p) => paired.pair(raw.periods[p.key]));
	// Breakdown unknowns per dimension: period → key → atom.
	const cells = new Map<string, Map<string, number>[]>();
	for (const dimension of dimensions) {
		const keys = cellKeys[dimension] ?? [];
		cells.set(
			dimension,
			periods.map((p, i) => {
				const byKey = new Map(
					keys.map((key) => [key, paired.pair(raw.breakdowns[p.key]?.[dimension]?.[key])])
				);
				paired.same([...byKey.values()], [totals[i]!]);
				return byKey;
			})
		);
	}

	// The trend: periods against the programme to date.
	periods.forEach((p, i) =>
		model.cell({
			id: cellId.period(id, p.key),
			n: raw.periods[p.key]?.n ?? 0,
			count: { atoms: [totals[i]!] },
			total: true,
			value: paired.value([totals[i]!], raw.periods[p.key])
		})
	);
	const periodResults = periods.map((p) => raw.periods[p.key]);
	addToDate(
		model,
		input,
		{ id: cellId.overall(id), total: true },
		{
			atoms: totals.map((a) => [a]),
			n: periodResults.map((r) => r?.n ?? 0),
			cells: periods.map((p) => cellId.period(id, p.key))
		},
		(through) =>
			paired.value(
				totals.slice(0, through),
				through === periods.length ? raw.overall : paired.combine(periodResults.slice(0, through))
			)
	);
	model.oneWay({
		id: `i:${id}:trend`,
		cells: periods.map((p) => cellId.period(id, p.key)),
		total: cellId.overall(id)
	});

	// Each breakdown per period and to date.
	for (const dimension of dimensions) {
		const keys = cellKeys[dimension] ?? [];
		const perPeriod = cells.get(dimension)!;
		periods.forEach((p, i) => {
			for (const key of keys)
				model.cell({
					id: cellId.breakdown(id, dimension, p.key, key),
					n: raw.breakdowns[p.key]?.[dimension]?.[key]?.n ?? 0,
					count: { atoms: [perPeriod[i]!.get(key)!] },
					total: false,
					value: paired.value([perPeriod[i]!.get(key)!], raw.breakdowns[p.key]?.[dimension]?.[key])
				});
			model.oneWay({
				id: `i:${id}:d:${dimension}:${p.key}`,
				cells: keys.map((key) => cellId.breakdown(id, dimension, p.key, key)),
				total: cellId.period(id, p.key)
			});
		});
		for (const key of keys) {
			const atoms = perPeriod.map((byKey) => byKey.get(key)!);
			const results = periods.map((p) => raw.breakdowns[p.key]?.[dimension]?.[key]);
			addToDate(
				model,
				input,
				{ id: cellId.breakdown(id, dimension, 'all', key), total: false },
				{
					atoms: atoms.map((a) => [a]),
					n: results.map((r) => r?.n ?? 0),
					cells: periods.map((p) => cellId.breakdown(id, dimension, p.key, key))
				},
				(through) =>
					paired.value(
						atoms.slice(0, through),
						through === periods.length
							? raw.breakdowns.all?.[dimension]?.[key]
							: paired.combine(results.slice(0, through))
					)
			);
		}
		model.oneWay({
			id: `i:${id}:d:${dimension}:all`,
			cells: keys.map((key) => cellId.breakdown(id, dimension, 'all', key)),
			total: cellId.overall(id)
		});
		// Each group over the periods adds up to the group to date: a table of its own (the
		// column of the period × group table), so the rules protect it before the audit has to.
		for (const key of keys)
			model.oneWay({
				id: `i:${id}:d:${dimension}:${key}:periods`,
				cells: periods.map((p) => cellId.breakdown(id, dimension, p.key, key)),
				total: cellId.breakdown(id, dimension, 'all', key)
			});
	}

	crossedTable(model, indicator, input, paired, cells);

	// The responses behind the counts.
	periods.forEach((p, i) => {
		const answered = responsesIn(indicator.surveyIds, p.key);
		if (indicator.countsResponses) model.equal([totals[i]!], answered);
		else model.atMost([totals[i]!], answered);
	});
	// "Left out" beside the programme to date, shown from k: the responses less those counted —
	// or, for a conditional count, at least those who did not answer the condition.
	const excluded = raw.overall.excluded;
	if (excluded >= input.k && !indicator.countsResponses) {
		const all = periods.flatMap((p) => responsesIn(indicator.surveyIds, p.key));
		model.cells.get(cellId.overall(id))!.facts = [
			{
				atoms: [...all, ...totals],
				coefs: [...all.map(() => 1), ...totals.map(() => -1)],
				lo: excluded,
				hi: indicator.kind === 'count' ? Infinity : excluded
			}
		];
	}
}

function crossedTable(
	model: LinkedTables,
	indicator: ReleaseIndicator,
	input: ReleaseInput,
	paired: Paired,
	cells: Map<string, Map<string, number>[]>
): void {
	const [rowsDim, columnsDim] = indicator.dimensions;
	if (!rowsDim || !columnsDim) return;
	const { raw } = indicator;
	const rows = input.cellKeys[rowsDim] ?? [];
	const columns = input.cellKeys[columnsDim] ?? [];
	const crossedAll = raw.crossed.all ?? {};
	const at = (scope: Record<string, IndicatorResult> | undefined, r: string, c: string) =>
		scope?.[`${r}\u0000${c}`];
	const grid = rows.map((r) => columns.map((c) => at(crossedAll, r, c)?.n ?? 0));
	// A two-way table is shown whole or not at all. Withheld from the start (a cell under k — the
	// usual case), it adds nothing: the two breakdowns are then only tied by their periods.
	// Shown, its cells are sums over periods of an unknown per period × row × column whose
	// margins are the period's two breakdowns.
	if (rows.length === 0 || columns.length === 0 || Math.min(...grid.flat()) < input.k) {
		// Still a table of the release, so the team sees it flagged; all hidden from the start.
		addCrossedCells(model, input, indicator, rows, columns, paired, null);
		return;
	}
	const y = input.periods.map((p, i) => {
		const byCell = rows.map((r) => columns.map((c) => paired.pair(at(raw.crossed[p.key], r, c))));
		rows.forEach((r, ri) => paired.same(byCell[ri]!, [cells.get(rowsDim)![i]!.get(r)!]));
		columns.forEach((c, ci) =>
			paired.same(
				byCell.map((row) => row[ci]!),
				[cells.get(columnsDim)![i]!.get(c)!]
			)
		);
		return byCell;
	});
	addCrossedCells(model, input, indicator, rows, columns, paired, (ri, ci) =>
		y.map((period) => period[ri]![ci]!)
	);
}

function addCrossedCells(
	model: LinkedTables,
	input: ReleaseInput,
	indicator: ReleaseIndicator,
	rows: string[],
	columns: string[],
	paired: Paired,
	/** Per row and column, its unknown of each period; null for a table withheld from the start. */
	perPeriod: ((ri: number, ci: number) => number[]) | null
): void {
	const { raw } = indicator;
	const ids: string[] = [];
	rows.forEach((r, ri) =>
		columns.forEach((c, ci) => {
			const id = cellId.crossed(indicator.id, r, c);
			const key = `${r}\u0000${c}`;
			const results = input.periods.map((p) => raw.crossed[p.key]?.[key]);
			const atoms = perPeriod?.(ri, ci);
			if (!atoms) {
				model.cell({
					id,
					n: raw.crossed.all?.[key]?.n ?? 0,
					count: { atoms: [] },
					total: false,
					dated: true
				});
			} else {
				const current = model.cell({
					id,
					n: raw.crossed.all?.[key]?.n ?? 0,
					count: { atoms },
					total: false,
					value: paired.value(atoms, raw.crossed.all?.[key]),
					dated: true
				});
				// A two-way table shown by an earlier release is a fact now (a withheld one said nothing).
				for (const earlier of input.earlier ?? [])
					if (earlier.decisions[id] === 'shown') {
						const then = atoms.slice(0, earlier.through);
						const combined = paired.combine(results.slice(0, earlier.through));
						model.cell({
							...current,
							id: `${id}@${earlier.through}`,
							n: combined.n,
							count: { atoms: then },
							value: paired.value(then, combined),
							dated: false,
							alwaysShown: true
						});
					}
			}
			ids.push(id);
		})
	);
	model.twoWay({ id: `i:${indicator.id}:x`, cells: ids });
}

/**
 * Manual figures. A count's periods add up to its programme to date, like a trend, so its values
 * are linked; an entry that says how many people it counts is protected like any count, one
 * that does not is not a count of people and is always shown (but still a fact the sum binds).
 * Any other kind's entries stand alone (its "to date" is the latest entry); only those that
 * count people are in the release.
 */
function manualTables(model: LinkedTables, indicator: ReleaseIndicator, input: ReleaseInput) {
	const { periods } = input;
	const { id, raw } = indicator;
	const entries = periods.filter((p) => raw.periods[p.key]);
	if (indicator.kind === 'count') {
		if (entries.length === 0) return;
		const values = entries.map((p) => Math.max(0, Math.round(raw.periods[p.key]!.value ?? 0)));
		const atoms = values.map((v) => model.atom(v));
		entries.forEach((p, i) =>
			model.cell({
				id: cellId.period(id, p.key),
				n: values[i]!,
				count: { atoms: [atoms[i]!] },
				total: false,
				alwaysShown: !(raw.periods[p.key]!.n > 0)
			})
		);
		const atomOf = new Map(entries.map((p, i) => [p.key, atoms[i]!]));
		addToDate(
			model,
			input,
			{
				id: cellId.overall(id),
				total: true,
				// Figures none of which counts people add up to one that does not either.
				alwaysShown: entries.every((p) => !(raw.periods[p.key]!.n > 0))
			},
			{
				atoms: periods.map((p) => (atomOf.has(p.key) ? [atomOf.get(p.key)!] : [])),
				n: periods.map((p) => (atomOf.has(p.key) ? values[entries.indexOf(p)]! : 0)),
				cells: periods.map((p) => (atomOf.has(p.key) ? cellId.period(id, p.key) : undefined))
			}
		);
		model.oneWay({
			id: `i:${id}:trend`,
			cells: entries.map((p) => cellId.period(id, p.key)),
			total: cellId.overall(id)
		});
		return;
	}
	for (const p of entries) {
		const n = raw.periods[p.key]!.n;
		if (n > 0)
			model.cell({
				id: cellId.period(id, p.key),
				n,
				count: { atoms: [model.atom(n)] },
				total: false
			});
	}
}

/** Responses by channel and by language, to date; both add up to all responses. */
function responseTables(
	model: LinkedTables,
	input: ReleaseInput,
	responseAtoms: Map<string, Map<string, number>>
): void {
	const programmeSurveys = [
		...new Set(input.indicators.flatMap((i) => (i.manual ? [] : i.surveyIds)))
	].sort();
	if (programmeSurveys.length === 0) return;
	const { periods } = input;
	const inPeriod = periods.map((p) =>
		programmeSurveys.map((s) => responseAtoms.get(s)!.get(p.key)!)
	);
	const perPeriodN = (counts: Record<string, Record<string, number>>) =>
		periods.map((p) => sumOf(Object.values(counts[p.key] ?? {})));
	addToDate(
		model,
		input,
		{ id: cellId.allResponses, total: true },
		{ atoms: inPeriod, n: perPeriodN(input.responses.channel) }
	);
	for (const dimension of ['channel', 'language'] as const) {
		const counts = input.responses[dimension];
		const seen = new Set(periods.flatMap((p) => Object.keys(counts[p.key] ?? {})));
		const keys = [
			...(input.cellKeys[dimension] ?? []),
			...[...seen].filter((key) => !(input.cellKeys[dimension] ?? []).includes(key)).sort()
		];
		// Per period, the responses by this dimension add up to the period's responses.
		const atoms = periods.map((p, i) => {
			const byKey = keys.map((key) => model.atom(counts[p.key]?.[key] ?? 0));
			model.equal(byKey, inPeriod[i]!);
			return byKey;
		});
		keys.forEach((key, k) =>
			addToDate(
				model,
				input,
				{ id: cellId.responses(dimension, key), total: false },
				{ atoms: atoms.map((a) => [a[k]!]), n: periods.map((p) => counts[p.key]?.[key] ?? 0) }
			)
		);
		model.oneWay({
			id: `r:${dimension}`,
			cells: keys.map((key) => cellId.responses(dimension, key)),
			total: cellId.allResponses
		});
		// An indicator over all the programme's surveys broken down by the same thing counts, in
		// each period, at most the responses in each cell.
		for (const indicator of input.indicators) {
			if (indicator.manual || !indicator.dimensions.includes(dimension)) continue;
			if ([...indicator.surveyIds].sort().join() !== programmeSurveys.join()) continue;
			periods.forEach((p, i) =>
				keys.forEach((key, k) => {
					const cell = model.cells.get(cellId.breakdown(indicator.id, dimension, p.key, key));
					if (cell) model.atMost(cell.count.atoms, [atoms[i]![k]!]);
				})
			);
		}
	}
}

/**
 * A report's own figures: the responses to the evaluation's surveys within its dates (whole
 * periods, parts of periods, and days before the programme), the people whose answers were
 * coded, and theme counts with their breakdowns.
 */
function evaluationTables(
	model: LinkedTables,
	evaluation: ReleaseEvaluation,
	periods: readonly Period[],
	responseAtoms: Map<string, Map<string, number>>
): void {
	// An evaluation that reads no survey has no responses and nothing coded: no figure to protect.
	if (evaluation.surveyIds.length === 0) return;
	const atoms: number[] = [];
	for (const survey of evaluation.surveyIds) {
		const perPeriod = responseAtoms.get(survey)!;
		for (const key of evaluation.fullPeriods) atoms.push(perPeriod.get(key)!);
		for (const [key, n] of Object.entries(evaluation.partial[survey] ?? {})) {
			const part = model.atom(n);
			model.atMost([part], [perPeriod.get(key)!]);
			atoms.push(part);
		}
		const outside = evaluation.outside[survey] ?? 0;
		atoms.push(model.atom(outside));
	}
	model.cell({
		id: cellId.evaluationResponses,
		n: evaluation.responses,
		count: { atoms },
		total: true
	});
	const coded = model.atom(evaluation.coded);
	model.atMost([coded], atoms);
	model.cell({ id: cellId.coded, n: evaluation.coded, count: { atoms: [coded] }, total: true });
	for (const theme of evaluation.themes) {
		const total = model.atom(theme.count);
		model.atMost([total], [coded]);
		model.cell({
			id: cellId.theme(theme.id),
			n: theme.count,
			count: { atoms: [total] },
			total: true
		});
		for (const [dimension, byKey] of Object.entries(theme.breakdowns)) {
			const keys = Object.keys(byKey);
			const cellAtoms = keys.map((key) => model.atom(byKey[key]!));
			model.equal(cellAtoms, [total]);
			keys.forEach((key, i) =>
				model.cell({
					id: cellId.themeCell(theme.id, dimension, key),
					n: byKey[key]!,
					count: { atoms: [cellAtoms[i]!] },
					total: false
				})
			);
			model.oneWay({
				id: `t:${theme.id}:${dimension}`,
				cells: keys.map((key) => cellId.themeCell(theme.id, dimension, key)),
				total: cellId.theme(theme.id)
			});
		}
	}
}

function sumOf(xs: readonly number[]): number {
	return xs.reduce((a, b) => a + b, 0);
}
