import type { Direction, IndicatorKind, IndicatorSource, Period } from '../../programmes/model';
import { elapsedShare } from '../../programmes/periods';
import type { HiddenReason } from '../disclosure/linked';
import { cellId, roundForRelease } from '../disclosure/release-model';
import {
	achievementRatio,
	progressToTarget,
	status,
	type IndicatorResult,
	type Status,
	type StatusThresholds
} from './math';

/**
 * Indicator results shaped for one audience (DOMAIN.md, "Disclosure control"). Pure: the figures
 * come from SQL, and what each figure's audience may see comes from `decide` — for donors the
 * release's decisions (disclosure/release.ts: the linked tables protected together and audited),
 * for the team's live view the plain rule (under k) and whether the period is released yet.
 *
 * A donor's hidden figure has no number, no reason and no derived figure (progress, status);
 * "left out" counts appear only on the whole and only from k; values are rounded as the release
 * audit assumes. The team gets every number, each one donors do not see flagged with why.
 * Breakdown cells follow the breakdown's own order (choice-list order), never their size: an
 * order by size would place a hidden cell between two shown ones and so bound it.
 */

export type Audience = 'donor' | 'team';

/** Why donors do not see a figure: a reason of the release, or a period not yet released. */
export type FlagReason = HiddenReason | 'unreleased';

/** A figure as `decide` sees it: its cell in the release, its count and its period ('all' to date). */
export interface CellRef {
	id: string;
	n: number;
	period: string;
}
/** null when donors see the figure. */
export type Decide = (cell: CellRef) => FlagReason | null;

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
	/** Donors do not see this figure … */
	flagged: boolean;
	/** … and why. */
	reason?: FlagReason;
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

export interface TwoWayCell {
	n: number;
	value?: number | null;
}
export type DonorTwoWay =
	| { shown: true; rows: string[]; columns: string[]; cells: TwoWayCell[][] }
	/** Neither numbers nor labels: which combinations exist is itself a detail of the table. */
	| { shown: false; reason: 'smallCell' };
export interface TeamTwoWay {
	/** Whether donors see this table. */
	shownToDonors: boolean;
	rows: string[];
	columns: string[];
	cells: (TwoWayCell & { flagged: boolean; reason?: FlagReason })[][];
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
	/** Breakdown scope: 'all' (the programme to date) or a period key. */
	scope?: string;
	/** Every breakdown's cells in the order a table shows them (a choice nobody picked included). */
	cellKeys: Record<string, string[]>;
	decide: Decide;
}

const EMPTY: IndicatorResult = { value: null, n: 0, excluded: 0 };

/** A figure for the audience: the team's with its flag, the donor's with nothing when hidden. */
function figureOf(
	head: IndicatorHead,
	r: IndicatorResult,
	cell: CellRef | null,
	options: PresentOptions,
	withExcluded = false
): FigureView {
	const reason = cell ? options.decide(cell) : null;
	if (options.audience === 'team')
		return reason
			? { shown: true, value: r.value, n: r.n, excluded: r.excluded, flagged: true, reason }
			: { shown: true, value: r.value, n: r.n, excluded: r.excluded, flagged: false };
	if (reason) return { shown: false };
	const value = roundForRelease(head.kind, r.value);
	return withExcluded && r.excluded >= options.k
		? { shown: true, value, n: r.n, excluded: r.excluded }
		: { shown: true, value, n: r.n };
}

/** A manual value: its people counted when it says (n = 0: unknown, not a count of people). */
function manualFigure(
	head: IndicatorHead,
	r: IndicatorResult,
	id: string,
	period: string,
	options: PresentOptions
): FigureView {
	const counted = r.n > 0 || head.kind === 'count';
	const figure = figureOf(head, r, counted ? { id, n: r.n, period } : null, options);
	if (figure.shown && r.n === 0) return { ...figure, n: null };
	return figure;
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
	return options.periods.map((p) => {
		const r = raw.periods[p.key];
		const id = cellId.period(head.id, p.key);
		const figure: FigureView = raw.manual
			? r
				? manualFigure(head, r, id, p.key, options)
				: options.audience === 'team'
					? { shown: true, value: null, n: null, excluded: 0, flagged: false }
					: { shown: true, value: null, n: null }
			: figureOf(head, r ?? EMPTY, { id, n: r?.n ?? 0, period: p.key }, options);
		return { key: p.key, label: p.label, figure, milestone: head.milestones[p.key] ?? null };
	});
}

function overallOf(head: IndicatorHead, raw: RawResults, options: PresentOptions): FigureView {
	const r = raw.overall;
	if (!raw.manual)
		return figureOf(head, r, { id: cellId.overall(head.id), n: r.n, period: 'all' }, options, true);
	if (head.kind === 'count') return manualFigure(head, r, cellId.overall(head.id), 'all', options);
	// Any other manual kind's "to date" is its latest entry: that entry's decision.
	const latest = [...options.periods].reverse().find((p) => raw.periods[p.key]);
	return latest
		? manualFigure(head, r, cellId.period(head.id, latest.key), latest.key, options)
		: figureOf(head, r, null, options);
}

function breakdownOf(
	head: IndicatorHead,
	dimension: string,
	raw: RawResults,
	scope: string,
	options: PresentOptions
): BreakdownView {
	const cellsOf = raw.breakdowns[scope]?.[dimension] ?? {};
	const seen = Object.keys(cellsOf).filter(
		(key) => !(options.cellKeys[dimension] ?? []).includes(key)
	);
	const keys = [...(options.cellKeys[dimension] ?? []), ...seen.sort()];
	const total = scope === 'all' ? raw.overall : (raw.periods[scope] ?? EMPTY);
	return {
		dimension,
		cells: keys.map((key) => {
			const r = cellsOf[key] ?? EMPTY;
			const id = cellId.breakdown(head.id, dimension, scope, key);
			return { key, figure: figureOf(head, r, { id, n: r.n, period: scope }, options) };
		}),
		total: figureOf(
			head,
			total,
			{
				id: scope === 'all' ? cellId.overall(head.id) : cellId.period(head.id, scope),
				n: total.n,
				period: scope
			},
			options
		)
	};
}

function crossedOf(
	head: IndicatorHead,
	raw: RawResults,
	scope: string,
	options: PresentOptions
): IndicatorView['crossed'] {
	const [rowsDim, columnsDim] = head.disaggregations;
	if (!rowsDim || !columnsDim) return null;
	const cells = raw.crossed[scope] ?? {};
	const rows = options.cellKeys[rowsDim] ?? [];
	const columns = options.cellKeys[columnsDim] ?? [];
	const at = (r: string, c: string) => cells[`${r}\u0000${c}`] ?? EMPTY;
	const reasons = rows.map((r) =>
		columns.map((c) =>
			options.decide({ id: cellId.crossed(head.id, r, c), n: at(r, c).n, period: scope })
		)
	);
	const passes = reasons.every((row) => row.every((reason) => reason === null));
	const value = (r: IndicatorResult) =>
		options.audience === 'donor' ? roundForRelease(head.kind, r.value) : r.value;
	const grid = rows.map((r) => columns.map((c) => ({ n: at(r, c).n, value: value(at(r, c)) })));
	if (options.audience === 'team')
		return {
			rows: rowsDim,
			columns: columnsDim,
			table: {
				shownToDonors: passes,
				rows,
				columns,
				cells: grid.map((row, i) =>
					row.map((cell, j) => {
						const reason = reasons[i]![j];
						return reason ? { ...cell, flagged: true, reason } : { ...cell, flagged: false };
					})
				)
			}
		};
	return {
		rows: rowsDim,
		columns: columnsDim,
		table: passes
			? { shown: true, rows, columns, cells: grid }
			: { shown: false, reason: 'smallCell' }
	};
}

export function presentIndicator(
	head: IndicatorHead,
	raw: RawResults,
	options: PresentOptions
): IndicatorView {
	const scope =
		options.scope &&
		(options.scope === 'all' || options.periods.some((p) => p.key === options.scope))
			? options.scope
			: 'all';
	const trend = trendOf(head, raw, options);
	const overall = overallOf(head, raw, options);
	const breakdowns = raw.manual
		? []
		: head.disaggregations.map((d) => breakdownOf(head, d, raw, scope, options));
	return {
		...head,
		trend,
		overall,
		latest: latestOf(head, trend, overall, options.periods, options),
		scope,
		breakdowns,
		// Donors get the two-way table to date only (the release's one), whatever scope they chose.
		crossed: raw.manual
			? null
			: crossedOf(head, raw, options.audience === 'donor' ? 'all' : scope, options)
	};
}

export interface CountCell {
	key: string;
	figure: FigureView;
}
export interface CountsView {
	cells: CountCell[];
	total: FigureView;
}

/** Responses by channel or language, in the breakdown's own order, with their total. */
export function presentCounts(
	dimension: 'channel' | 'language',
	counts: Record<string, number>,
	keys: readonly string[],
	options: Pick<PresentOptions, 'audience' | 'decide' | 'k'>
): CountsView {
	const all = [
		...keys,
		...Object.keys(counts)
			.filter((key) => !keys.includes(key))
			.sort()
	];
	const head = { kind: 'count' as const };
	const figure = (id: string, n: number) =>
		figureOf(
			head as IndicatorHead,
			{ value: n, n, excluded: 0 },
			{ id, n, period: 'all' },
			options as PresentOptions
		);
	const total = Object.values(counts).reduce((a, b) => a + b, 0);
	return {
		cells: all.map((key) => ({
			key,
			figure: figure(cellId.responses(dimension, key), counts[key] ?? 0)
		})),
		total: figure(cellId.allResponses, total)
	};
}
