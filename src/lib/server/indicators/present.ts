import type { Direction, IndicatorKind, IndicatorSource, Period } from '../../programmes/model';
import { elapsedShare } from '../../programmes/periods';
import {
	achievementRatio,
	progressToTarget,
	status,
	type IndicatorResult,
	type Status,
	type StatusThresholds
} from './math';
import {
	suppressOneWay,
	suppressTwoWay,
	type CellInput,
	type DonorTwoWay,
	type TeamTwoWay
} from './suppression';

/**
 * Indicator results as each audience may see them (DOMAIN.md, "Disclosure control"). Pure: the
 * service computes the raw figures in SQL and hands them here.
 *
 * Donors get only what passes: the trend is a one-way table of periods (its total is the whole
 * programme to date) suppressed with complementary cells, so a hidden period cannot be worked
 * out by subtracting the shown ones from the total; breakdowns are shown for the programme to
 * date only (per-period breakdowns beside an all-periods one would let a reader subtract one
 * table from another); "left out" counts appear only on the whole, and only from k; progress,
 * achievement and status exist only where the figure they come from is shown. The team gets
 * every number, with the ones donors do not see flagged.
 */

export type Audience = 'donor' | 'team';

export interface IndicatorHead {
	id: string;
	nodeId: string;
	code: string;
	statement: string;
	unit: string;
	kind: IndicatorKind;
	direction: Direction;
	source: IndicatorSource;
	baselineValue: number | null;
	baselineDate: string | null;
	target: number | null;
	milestones: Record<string, number>;
	disaggregations: string[];
}

/** What the service computed for one indicator: every period, and breakdowns per scope. */
export interface RawResults {
	/** Per period key (only periods begun); absent periods had no responses. */
	periods: Record<string, IndicatorResult>;
	/** All periods so far. */
	overall: IndicatorResult;
	/** Manual figures carry no breakdowns; `n` may be unknown (not a count of respondents). */
	manual?: boolean;
	/** scope ('all' or a period key) → dimension → cell key → figure. */
	breakdowns: Record<string, Record<string, Record<string, IndicatorResult>>>;
	/** scope → the first two dimensions crossed: "row\u0000column" → figure. */
	crossed: Record<string, Record<string, IndicatorResult>>;
}

export type Shown =
	{ shown: true; value: number | null; n: number | null; excluded?: number } | { shown: false };
export interface TeamShown {
	shown: true;
	value: number | null;
	n: number | null;
	excluded: number;
	/** Donors do not see this figure. */
	flagged: boolean;
}
export type FigureView = Shown | TeamShown;

export interface TrendPoint {
	key: string;
	label?: string;
	figure: FigureView;
	milestone: number | null;
}

export interface Latest {
	key: string;
	value: number;
	/**
	 * For counts: the programme to date (the sum of the periods), which is what a life-of-
	 * programme target is met by; progress, achievement and status are computed from it.
	 */
	toDate: number | null;
	progress: number | null;
	achievement: number | null;
	expected: number | null;
	status: Status | null;
}

export interface BreakdownCell {
	key: string;
	figure: FigureView;
}

export interface BreakdownView {
	dimension: string;
	cells: BreakdownCell[];
	total: FigureView;
}

export interface IndicatorView extends IndicatorHead {
	trend: TrendPoint[];
	overall: FigureView;
	latest: Latest | null;
	scope: string;
	breakdowns: BreakdownView[];
	crossed: { rows: string; columns: string; table: DonorTwoWay | TeamTwoWay } | null;
}

export interface PresentOptions {
	audience: Audience;
	k: number;
	periods: readonly Period[];
	programme: { startsOn: string; endsOn: string };
	thresholds: StatusThresholds;
	/** Today (ISO date): time elapsed in the current period is counted up to today, not its end. */
	today?: string;
	/** Breakdown scope for the team: 'all' or a period key. Donors always get 'all'. */
	scope?: string;
}

const EMPTY: IndicatorResult = { value: null, n: 0, excluded: 0 };

function teamFigure(r: IndicatorResult, flagged: boolean): TeamShown {
	return { shown: true, value: r.value, n: r.n, excluded: r.excluded, flagged };
}

function manualFigure(r: IndicatorResult, k: number, audience: Audience): FigureView {
	// A manual value is shown unless it says it counts fewer than k people.
	const small = r.n > 0 && r.n < k;
	const n = r.n > 0 ? r.n : null;
	if (audience === 'team') return { shown: true, value: r.value, n, excluded: 0, flagged: small };
	return small ? { shown: false } : { shown: true, value: r.value, n };
}

function latestOf(
	head: IndicatorHead,
	trend: readonly TrendPoint[],
	overall: FigureView,
	periods: readonly Period[],
	options: PresentOptions
): Latest | null {
	const point = [...trend]
		.reverse()
		.find((p) => p.figure.shown && p.figure.value !== null && (p.figure.n ?? 1) > 0);
	if (!point || !point.figure.shown || point.figure.value === null) return null;
	const toDate = head.kind === 'count' && overall.shown ? overall.value : null;
	// A count's target is for the whole programme: it is met by the total so far, not a quarter.
	const value = head.kind === 'count' ? toDate : point.figure.value;
	if (value === null)
		return {
			key: point.key,
			value: point.figure.value,
			toDate,
			progress: null,
			achievement: null,
			expected: null,
			status: null
		};
	const { baselineValue: baseline, target } = head;
	const progress =
		baseline !== null && target !== null ? progressToTarget(value, baseline, target) : null;
	const achievement = target !== null ? achievementRatio(value, target) : null;
	const period = periods.find((p) => p.key === point.key);
	const milestone = head.milestones[point.key];
	let expected: number | null = null;
	if (baseline !== null && target !== null) {
		expected =
			milestone !== undefined
				? progressToTarget(milestone, baseline, target)
				: period
					? elapsedShare(
							options.programme.startsOn,
							options.programme.endsOn,
							options.today && options.today < period.end ? options.today : period.end
						)
					: null;
	}
	return {
		key: point.key,
		value: point.figure.value,
		toDate,
		progress,
		achievement,
		expected,
		status:
			progress !== null && expected !== null ? status(progress, expected, options.thresholds) : null
	};
}

function trendOf(head: IndicatorHead, raw: RawResults, options: PresentOptions): TrendPoint[] {
	const { periods, k, audience } = options;
	const milestone = (key: string) => head.milestones[key] ?? null;
	const results = periods.map((p) => raw.periods[p.key] ?? EMPTY);
	if (raw.manual)
		return periods.map((p, i) => ({
			key: p.key,
			label: p.label,
			figure: raw.periods[p.key]
				? manualFigure(results[i]!, k, audience)
				: { shown: true, value: null, n: null, excluded: 0, flagged: false },
			milestone: milestone(p.key)
		}));
	const cells: CellInput[] = periods.map((p, i) => ({ key: p.key, n: results[i]!.n }));
	if (audience === 'team') {
		const table = suppressOneWay(cells, k, { audience: 'team' });
		return periods.map((p, i) => ({
			key: p.key,
			label: p.label,
			figure: teamFigure(results[i]!, table.cells[i]!.flagged),
			milestone: milestone(p.key)
		}));
	}
	const table = suppressOneWay(cells, k);
	return periods.map((p, i) => {
		const cell = table.cells[i]!;
		const r = results[i]!;
		return {
			key: p.key,
			label: p.label,
			figure: cell.shown ? { shown: true, value: r.value, n: r.n } : { shown: false },
			milestone: milestone(p.key)
		};
	});
}

function overallOf(raw: RawResults, k: number, audience: Audience): FigureView {
	const r = raw.overall;
	if (raw.manual) return manualFigure(r, k, audience);
	if (audience === 'team') return teamFigure(r, r.n < k);
	if (r.n < k) return { shown: false };
	return r.excluded >= k
		? { shown: true, value: r.value, n: r.n, excluded: r.excluded }
		: { shown: true, value: r.value, n: r.n };
}

function breakdownOf(
	dimension: string,
	cellsOf: Record<string, IndicatorResult>,
	total: IndicatorResult,
	k: number,
	audience: Audience
): BreakdownView {
	// Stable order: the largest cells first, "not stated" ('') last.
	const keys = Object.keys(cellsOf).sort((a, b) =>
		a === '' ? 1 : b === '' ? -1 : cellsOf[b]!.n - cellsOf[a]!.n || a.localeCompare(b)
	);
	const input = keys.map((key) => ({ key, n: cellsOf[key]!.n, value: cellsOf[key]!.value }));
	if (audience === 'team') {
		const table = suppressOneWay(input, k, { audience: 'team', totalValue: total.value });
		return {
			dimension,
			cells: table.cells.map((c) => ({
				key: c.key,
				figure: teamFigure(cellsOf[c.key]!, c.flagged)
			})),
			total: teamFigure(total, table.total.flagged)
		};
	}
	const table = suppressOneWay(input, k, { totalValue: total.value });
	return {
		dimension,
		cells: table.cells.map((c) => ({
			key: c.key,
			figure: c.shown ? { shown: true, value: c.value ?? null, n: c.n } : { shown: false }
		})),
		total: table.total.shown
			? { shown: true, value: table.total.value ?? null, n: table.total.n }
			: { shown: false }
	};
}

function crossedOf(
	head: IndicatorHead,
	cells: Record<string, IndicatorResult> | undefined,
	k: number,
	audience: Audience
): IndicatorView['crossed'] {
	const [rowsDim, columnsDim] = head.disaggregations;
	if (!rowsDim || !columnsDim || !cells) return null;
	const pairs = Object.keys(cells).map((key) => key.split('\u0000') as [string, string]);
	const rows = [...new Set(pairs.map(([r]) => r))].sort();
	const columns = [...new Set(pairs.map(([, c]) => c))].sort();
	const at = (r: string, c: string) => cells[`${r}\u0000${c}`] ?? EMPTY;
	const input = {
		rows,
		columns,
		counts: rows.map((r) => columns.map((c) => at(r, c).n)),
		values: rows.map((r) => columns.map((c) => at(r, c).value))
	};
	return {
		rows: rowsDim,
		columns: columnsDim,
		table: audience === 'team' ? suppressTwoWay(input, k, 'team') : suppressTwoWay(input, k)
	};
}

export function presentIndicator(
	head: IndicatorHead,
	raw: RawResults,
	options: PresentOptions
): IndicatorView {
	const { k, audience } = options;
	const scope = audience === 'donor' ? 'all' : (options.scope ?? 'all');
	const trend = trendOf(head, raw, options);
	const overall = overallOf(raw, options.k, audience);
	const scoped = scope === 'all' ? raw.overall : (raw.periods[scope] ?? EMPTY);
	const breakdowns = raw.manual
		? []
		: head.disaggregations
				.filter((d) => raw.breakdowns[scope]?.[d])
				.map((d) => breakdownOf(d, raw.breakdowns[scope]![d]!, scoped, k, audience));
	return {
		...head,
		trend,
		overall,
		latest: latestOf(head, trend, overall, options.periods, options),
		scope,
		breakdowns,
		crossed: raw.manual ? null : crossedOf(head, raw.crossed[scope], k, audience)
	};
}

/** Response counts by channel or language for an audience: one one-way table each. */
export function presentCounts(counts: Record<string, number>, k: number, audience: Audience) {
	const input = Object.entries(counts)
		.sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
		.map(([key, n]) => ({ key, n }));
	return audience === 'team'
		? suppressOneWay(input, k, { audience: 'team' })
		: suppressOneWay(input, k);
}
