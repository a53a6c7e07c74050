import type { ChartConfiguration, ChartDataset } from 'chart.js';

export type ChartKind = 'bar' | 'line';

export interface ChartSeries {
	label: string;
	/** One value per label; `null` is a value that is suppressed or missing (a gap, never 0). */
	values: (number | null)[];
	color?: string;
}

/** A constant drawn across the chart as a dashed line, such as a baseline or a target. */
export interface ChartReference {
	label: string;
	value: number;
}

export interface ChartProps {
	kind: ChartKind;
	title: string;
	labels: string[];
	series: ChartSeries[];
	unit?: string;
	min?: number;
	max?: number;
	reference?: ChartReference[];
	/** Shown in the data table for a `null` value, e.g. "hidden (fewer than 5)". */
	hiddenLabel: string;
	tableCaption?: string;
	horizontal?: boolean;
	format?: (n: number) => string;
	/** Language of the numbers; the interface language when left out. */
	locale?: string;
}

export interface ChartEnvironment {
	rtl: boolean;
	reducedMotion: boolean;
}

export type ChartData = (number | null)[];
export type HeardChartConfig = ChartConfiguration<ChartKind, ChartData, string>;
type ScaleOptions = NonNullable<NonNullable<HeardChartConfig['options']>['scales']>[string];

/**
 * Okabe–Ito, told apart with any colour vision. Orange is darkened (and sky blue, yellow left
 * out) so every colour keeps 3:1 against a white page, as marks must (WCAG 1.4.11).
 */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#9A6A00', '#000000'] as const;
/** Reference lines are neutral, so they never read as one more series. */
export const REFERENCE_COLOR = '#4D5A57';
const REFERENCE_DASHES = [
	[6, 4],
	[2, 3],
	[10, 3, 2, 3]
];
/** A second cue besides colour for line series. */
const POINT_STYLES = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'star'] as const;
const TEXT_COLOR = '#1D2523';
const GRID_COLOR = '#E1E6E4';

/** The number formatter shared by the table and the chart: `format` when given. */
export function numberFormatter(
	locale: string | undefined,
	format?: (n: number) => string
): (n: number) => string {
	if (format) return format;
	const intl = new Intl.NumberFormat(locale);
	return (n) => intl.format(n);
}

/** Value `i` of a series, or null when it is missing (a short array is padded, never shifted). */
export function valueAt(series: ChartSeries, i: number): number | null {
	const value = series.values[i];
	return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The Chart.js configuration for a chart's props, as plain data (no Svelte state). */
export function chartConfig(props: ChartProps, env: ChartEnvironment): HeardChartConfig {
	const horizontal = props.horizontal ?? false;
	const format = numberFormatter(props.locale, props.format);
	const withUnit = (n: number) => (props.unit ? `${format(n)} ${props.unit}` : format(n));
	const direction = env.rtl ? 'rtl' : 'ltr';

	const datasets: ChartDataset<ChartKind, ChartData>[] = props.series.map((series, i) => {
		const color = series.color ?? PALETTE[i % PALETTE.length]!;
		const data = props.labels.map((_, j) => valueAt(series, j));
		return props.kind === 'bar'
			? { type: 'bar', label: series.label, data, backgroundColor: color, borderColor: color }
			: {
					type: 'line',
					label: series.label,
					data,
					borderColor: color,
					backgroundColor: color,
					pointStyle: POINT_STYLES[i % POINT_STYLES.length],
					pointRadius: 4,
					borderWidth: 2,
					spanGaps: false,
					fill: false
				};
	});
	for (const [i, reference] of (props.reference ?? []).entries()) {
		datasets.push({
			type: 'line',
			label: reference.label,
			data: props.labels.map(() => reference.value),
			borderColor: REFERENCE_COLOR,
			// Transparent, so its legend key is a dashed outline like the line, not a grey block.
			backgroundColor: 'transparent',
			borderDash: REFERENCE_DASHES[i % REFERENCE_DASHES.length],
			borderWidth: 2,
			pointRadius: 0,
			pointHoverRadius: 0,
			spanGaps: false,
			fill: false,
			// Drawn over the bars, or the line would hide behind them.
			order: -1
		});
	}

	const category: ScaleOptions = {
		type: 'category',
		// Right to left, the first label sits on the right (only along a horizontal axis).
		reverse: env.rtl && !horizontal,
		ticks: { color: TEXT_COLOR },
		grid: { display: false }
	};
	const value: ScaleOptions = {
		type: 'linear',
		min: props.min,
		max: props.max,
		beginAtZero: props.kind === 'bar',
		ticks: {
			color: TEXT_COLOR,
			callback: (tick) => (typeof tick === 'number' ? format(tick) : tick)
		},
		grid: { color: GRID_COLOR },
		title: { display: Boolean(props.unit), text: props.unit ?? '', color: TEXT_COLOR },
		// The value axis follows the start of the categories: on the right in rtl.
		position: horizontal ? 'bottom' : env.rtl ? 'right' : 'left'
	};

	return {
		type: props.kind,
		data: { labels: [...props.labels], datasets },
		options: {
			indexAxis: horizontal ? 'y' : 'x',
			responsive: true,
			maintainAspectRatio: false,
			// Room for the first and last labels of a line chart, which sit on the very edge.
			layout: { padding: { left: 8, right: 8 } },
			locale: props.locale,
			color: TEXT_COLOR,
			animation: env.reducedMotion ? false : { duration: 300 },
			interaction: { mode: 'index', intersect: false },
			scales: horizontal ? { x: value, y: category } : { x: category, y: value },
			plugins: {
				legend: {
					display: datasets.length > 1,
					position: 'bottom',
					rtl: env.rtl,
					textDirection: direction,
					labels: { color: TEXT_COLOR }
				},
				tooltip: {
					rtl: env.rtl,
					textDirection: direction,
					callbacks: {
						label: (item) => {
							const n = horizontal ? item.parsed.x : item.parsed.y;
							return typeof n === 'number' ? `${item.dataset.label}: ${withUnit(n)}` : '';
						}
					}
				}
			}
		}
	};
}

type Translate = (key: string, values?: Record<string, string>) => string;

/** What the canvas shows, in a sentence, for its accessible name. */
export function describeChart(
	props: Pick<ChartProps, 'kind' | 'labels' | 'series' | 'reference' | 'locale' | 'format'>,
	t: Translate
): string {
	const kind = t(`charts.kinds.${props.kind}`);
	const list = new Intl.ListFormat(props.locale, { type: 'conjunction' });
	const format = numberFormatter(props.locale, props.format);
	const series = list.format(props.series.map((s) => s.label));
	const first = props.labels[0];
	const last = props.labels.at(-1);
	const parts = [
		first === undefined || props.series.length === 0
			? t('charts.empty', { kind })
			: props.labels.length === 1
				? t('charts.summaryOne', { kind, series, first })
				: t('charts.summary', { kind, series, first, last: last! })
	];
	if (props.reference?.length)
		parts.push(
			t('charts.references', {
				references: list.format(props.reference.map((r) => `${r.label} ${format(r.value)}`))
			})
		);
	return parts.join(' ');
}
