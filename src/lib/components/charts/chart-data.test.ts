import { describe, expect, it } from 'vitest';
import {
	chartConfig,
	describeChart,
	numberFormatter,
	PALETTE,
	REFERENCE_COLOR,
	type ChartEnvironment,
	type ChartProps
} from './config';

const LTR: ChartEnvironment = { rtl: false, reducedMotion: false };

function props(overrides: Partial<ChartProps> = {}): ChartProps {
	return {
		kind: 'bar',
		title: 'Reached by quarter',
		labels: ['Q1', 'Q2', 'Q3', 'Q4'],
		series: [
			{ label: 'Women', values: [12, null, 30, 41] },
			{ label: 'Men', values: [8, 9, null, 20] }
		],
		hiddenLabel: 'hidden (fewer than 5)',
		...overrides
	};
}

/** WCAG relative luminance and contrast ratio, written out here rather than trusted. */
function luminance(hex: string): number {
	const n = parseInt(hex.slice(1), 16);
	const channel = (c: number) => {
		const s = c / 255;
		return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * channel(n >> 16) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}
function contrastWithWhite(hex: string): number {
	return 1.05 / (luminance(hex) + 0.05);
}

describe('chartConfig', () => {
	it.each(['bar', 'line'] as const)(
		'keeps nulls as nulls in a %s chart (gaps, never 0)',
		(kind) => {
			const config = chartConfig(props({ kind }), LTR);
			expect(config.data.datasets.map((d) => d.data)).toEqual([
				[12, null, 30, 41],
				[8, 9, null, 20]
			]);
			if (kind === 'line')
				for (const d of config.data.datasets) expect(d).toMatchObject({ spanGaps: false });
		}
	);

	it.each([
		{ values: [1, 2], expected: [1, 2, null, null], why: 'a short series is padded at the end' },
		{ values: [1, NaN, Infinity, 4], expected: [1, null, null, 4], why: 'non-finite is a gap' },
		{ values: [1, 2, 3, 4, 5], expected: [1, 2, 3, 4], why: 'extra values are dropped' }
	])('gives one value per label: $why', ({ values, expected }) => {
		const config = chartConfig(props({ series: [{ label: 'A', values }] }), LTR);
		expect(config.data.datasets[0]!.data).toEqual(expected);
	});

	it.each([
		{ kind: 'bar' as const, labels: ['Q1', 'Q2', 'Q3'] },
		{ kind: 'line' as const, labels: ['2024', '2025'] },
		{ kind: 'bar' as const, labels: ['Only'] }
	])('draws references as dashed constant lines in a $kind chart', ({ kind, labels }) => {
		const reference = [
			{ label: 'Baseline', value: 20 },
			{ label: 'Target', value: 60 }
		];
		const series = [{ label: 'Reached', values: labels.map((_, i) => i * 10) }];
		const config = chartConfig(props({ kind, labels, series, reference }), LTR);
		const datasets = config.data.datasets;
		expect(datasets).toHaveLength(3);
		const lines = datasets.slice(1);
		expect(lines.map((d) => d.label)).toEqual(['Baseline', 'Target']);
		for (const [i, line] of lines.entries()) {
			expect(line.type).toBe('line');
			expect(line.data).toEqual(labels.map(() => reference[i]!.value));
			expect((line as { borderDash?: number[] }).borderDash?.length).toBeGreaterThan(0);
		}
		// Two references are told apart by their dashes, not only by their labels.
		expect((lines[0] as { borderDash?: number[] }).borderDash).not.toEqual(
			(lines[1] as { borderDash?: number[] }).borderDash
		);
		// The series itself is not dashed.
		expect((datasets[0] as { borderDash?: number[] }).borderDash).toBeUndefined();
	});

	it.each([
		{ kind: 'bar' as const, horizontal: false, rtl: false, xReversed: false, indexAxis: 'x' },
		{ kind: 'bar' as const, horizontal: false, rtl: true, xReversed: true, indexAxis: 'x' },
		{ kind: 'line' as const, horizontal: false, rtl: true, xReversed: true, indexAxis: 'x' },
		{ kind: 'line' as const, horizontal: false, rtl: false, xReversed: false, indexAxis: 'x' },
		{ kind: 'bar' as const, horizontal: true, rtl: true, xReversed: false, indexAxis: 'y' },
		{ kind: 'bar' as const, horizontal: true, rtl: false, xReversed: false, indexAxis: 'y' }
	])(
		'$kind, horizontal $horizontal, rtl $rtl: x reversed $xReversed, index axis $indexAxis',
		({ kind, horizontal, rtl, xReversed, indexAxis }) => {
			const config = chartConfig(props({ kind, horizontal }), { rtl, reducedMotion: false });
			const scales = config.options!.scales!;
			expect(config.options!.indexAxis).toBe(indexAxis);
			expect(Boolean(scales.x!.reverse)).toBe(xReversed);
			expect(Boolean(scales.y!.reverse)).toBe(false);
			// The categories sit on the index axis; the values on the other.
			expect(scales[indexAxis]!.type).toBe('category');
			expect(scales[indexAxis === 'x' ? 'y' : 'x']!.type).toBe('linear');
			const { legend, tooltip } = config.options!.plugins!;
			expect(legend).toMatchObject({ rtl, textDirection: rtl ? 'rtl' : 'ltr' });
			expect(tooltip).toMatchObject({ rtl, textDirection: rtl ? 'rtl' : 'ltr' });
		}
	);

	it('puts min, max and the unit on the value axis', () => {
		const config = chartConfig(props({ horizontal: true, min: 0, max: 100, unit: '%' }), LTR);
		expect(config.options!.scales!.x).toMatchObject({
			min: 0,
			max: 100,
			title: { display: true, text: '%' }
		});
	});

	it.each([
		{ reducedMotion: true, animated: false },
		{ reducedMotion: false, animated: true }
	])('animates $animated when reduced motion is $reducedMotion', ({ reducedMotion, animated }) => {
		const config = chartConfig(props(), { rtl: false, reducedMotion });
		expect(config.options!.animation !== false).toBe(animated);
	});

	it('uses the palette in order and a series colour when given', () => {
		const series = [
			{ label: 'A', values: [1] },
			{ label: 'B', values: [2], color: '#123456' },
			{ label: 'C', values: [3] }
		];
		const config = chartConfig(props({ labels: ['x'], series }), LTR);
		expect(config.data.datasets.map((d) => d.backgroundColor)).toEqual([
			PALETTE[0],
			'#123456',
			PALETTE[2]
		]);
	});

	it('does not share arrays with its props (Chart.js mutates what it is given)', () => {
		const input = props();
		const config = chartConfig(input, LTR);
		expect(config.data.labels).not.toBe(input.labels);
		expect(config.data.datasets[0]!.data).not.toBe(input.series[0]!.values);
	});
});

describe('the palette', () => {
	it.each([...PALETTE, REFERENCE_COLOR])('%s has at least 3:1 contrast against white', (hex) => {
		expect(contrastWithWhite(hex)).toBeGreaterThanOrEqual(3);
	});

	it('has no colour twice', () => {
		expect(new Set(PALETTE.map((c) => c.toLowerCase())).size).toBe(PALETTE.length);
	});

	it('checks contrast correctly (the test would catch a pale colour)', () => {
		expect(contrastWithWhite('#F0E442')).toBeLessThan(3);
		expect(contrastWithWhite('#000000')).toBeCloseTo(21, 5);
	});
});

describe('numberFormatter', () => {
	it.each([
		{ locale: 'en', n: 1234.5, expected: '1,234.5' },
		{ locale: 'fr', n: 1234.5, expected: '1\u202f234,5' },
		{ locale: 'ar', n: 12, expected: new Intl.NumberFormat('ar').format(12) }
	])('formats $n in $locale as $expected', ({ locale, n, expected }) => {
		expect(numberFormatter(locale)(n)).toBe(expected);
	});

	it('prefers the format prop', () => {
		expect(numberFormatter('en', (n) => `${n * 100}%`)(0.5)).toBe('50%');
	});
});

describe('describeChart', () => {
	const t = (key: string, values: Record<string, string> = {}) =>
		`${key}(${Object.entries(values)
			.map(([k, v]) => `${k}=${v}`)
			.join(';')})`;

	it.each([
		{
			labels: ['Q1', 'Q2', 'Q3'],
			expected: 'charts.summary(kind=charts.kinds.bar();series=Women and Men;first=Q1;last=Q3)'
		},
		{
			labels: ['Q1'],
			expected: 'charts.summaryOne(kind=charts.kinds.bar();series=Women and Men;first=Q1)'
		},
		{ labels: [], expected: 'charts.empty(kind=charts.kinds.bar())' }
	])('sums up $labels.length labels', ({ labels, expected }) => {
		expect(describeChart({ ...props({ labels }), locale: 'en' }, t)).toBe(expected);
	});

	it('names the reference lines with their values', () => {
		const text = describeChart(
			{ ...props({ reference: [{ label: 'Target', value: 1500 }] }), locale: 'en' },
			t
		);
		expect(text).toContain('charts.references(references=Target 1,500)');
	});
});
