import { describe, expect, it } from 'vitest';
import { dashboardQuerySchema } from '$lib/schemas/dashboard';
import {
	achievementDiffers,
	cellLabel,
	clampShare,
	countsOf,
	dimensionLabel,
	displayOf,
	formatShare,
	formatValue,
	periodLabel
} from './format';

const t = (key: string, values?: Record<string, unknown>) =>
	values ? `${key} ${JSON.stringify(values)}` : key;

describe('periodLabel', () => {
	it.each([
		{ period: { key: '2026-Q4' }, want: 'dashboard.periods.quarter {"quarter":"4","year":"2026"}' },
		{ period: { key: '2025-03' }, want: 'Mar 2025' },
		{ period: { key: 'round-1', label: 'Baseline round' }, want: 'Baseline round' },
		{ period: { key: 'round-1' }, want: 'round-1' },
		{ period: { key: '2025-Q5' }, want: '2025-Q5' },
		{ period: { key: '2025-13' }, want: '2025-13' }
	])('names $period.key as $want', ({ period, want }) => {
		expect(periodLabel(period, 'en', t)).toBe(want);
	});

	it('writes the numbers of a quarter in the reader’s digits', () => {
		const arabic = new Intl.NumberFormat('ar-EG', { useGrouping: false }).format(2026);
		expect(periodLabel({ key: '2026-Q1' }, 'ar-EG', t)).toContain(arabic);
	});
});

describe('formatValue', () => {
	it.each([
		{ value: 62, unit: '%', lang: 'en', want: '62%' },
		{ value: 78.44, unit: '%', lang: 'en', want: '78.4%' },
		{ value: 78.44, unit: ' % ', lang: 'fr', want: /^78,4\s%$/ },
		{ value: 6.456, unit: 'score 0–10', lang: 'en', want: '6.5 score 0–10' },
		{ value: 1234, unit: 'people', lang: 'en', want: '1,234 people' },
		{ value: 3, unit: '', lang: 'en', want: '3' }
	])('$value $unit in $lang reads $want', ({ value, unit, lang, want }) => {
		// French puts a (narrow) no-break space before %, whichever the ICU version picks.
		if (want instanceof RegExp) expect(formatValue(value, unit, lang)).toMatch(want);
		else expect(formatValue(value, unit, lang)).toBe(want);
	});
});

describe('shares', () => {
	it.each([
		[-0.2, 0],
		[0, 0],
		[0.45, 0.45],
		[1.3, 1],
		[NaN, 0]
	])('clamps %s to %s for drawing', (input, want) => {
		expect(clampShare(input)).toBe(want);
	});

	it('keeps the real figure in words', () => {
		expect(formatShare(1.3, 'en')).toBe('130%');
		expect(formatShare(-0.2, 'en')).toBe('-20%');
	});

	it.each([
		{ progress: 0.5, achievement: 0.5, want: false, why: 'the same figure (baseline 0)' },
		{ progress: 0.501, achievement: 0.499, want: false, why: 'equal once rounded' },
		{ progress: 0.4, achievement: 0.9, want: true, why: 'different' },
		{ progress: null, achievement: 0.9, want: true, why: 'no progress (target = baseline)' },
		{ progress: 0.4, achievement: null, want: false, why: 'no ratio (target 0)' }
	])('achievement shown beside progress: $want when $why', ({ progress, achievement, want }) => {
		expect(achievementDiffers(progress, achievement)).toBe(want);
	});
});

describe('displayOf', () => {
	it('gives a donor’s hidden figure no number at all', () => {
		expect(displayOf({ shown: false })).toEqual({
			hidden: true,
			value: null,
			n: null,
			excluded: null,
			flagged: false,
			reason: null
		});
	});

	it.each([
		{ n: 3, reason: 'small' as const, why: 'under k' },
		{ n: 7, reason: 'complementary' as const, why: 'hidden to protect another cell' },
		{ n: 70, reason: 'total' as const, why: 'a total hidden to protect a cell' },
		{ n: 9, reason: 'unreleased' as const, why: 'of a period not released yet' },
		{ n: 7, reason: null, why: 'shown to donors' }
	])('marks a team figure $why', ({ n, reason }) => {
		const figure = reason
			? { shown: true as const, value: 50, n, excluded: 1, flagged: true, reason }
			: { shown: true as const, value: 50, n, excluded: 1, flagged: false };
		expect(displayOf(figure)).toMatchObject({
			hidden: false,
			n,
			flagged: reason !== null,
			reason,
			excluded: 1
		});
	});

	it('reads a donor’s shown figure without flags', () => {
		expect(displayOf({ shown: true, value: 50, n: 12 })).toMatchObject({
			hidden: false,
			value: 50,
			n: 12,
			excluded: null,
			flagged: false,
			reason: null
		});
	});
});

describe('countsOf', () => {
	it('reads donor and team tables alike', () => {
		const donor = countsOf({
			cells: [
				{ key: 'web', figure: { shown: true, value: 40, n: 40 } },
				{ key: 'sms', figure: { shown: false } }
			],
			total: { shown: true, value: 43, n: 43 }
		});
		expect(donor.cells.map((c) => [c.key, c.n, c.hidden])).toEqual([
			['web', 40, false],
			['sms', null, true]
		]);
		const team = countsOf({
			cells: [
				{ key: 'web', figure: { shown: true, value: 40, n: 40, excluded: 0, flagged: false } },
				{
					key: 'sms',
					figure: { shown: true, value: 3, n: 3, excluded: 0, flagged: true, reason: 'small' }
				}
			],
			total: { shown: true, value: 43, n: 43, excluded: 0, flagged: false }
		});
		expect(team.cells[1]).toMatchObject({ key: 'sms', n: 3, hidden: false, reason: 'small' });
		expect(team.total.n).toBe(43);
	});
});

describe('labels', () => {
	const labels = { gender: { label: 'Gender', cells: { woman: 'Woman' } } };

	it.each([
		{ dimension: 'gender', key: 'woman', want: 'Woman' },
		{ dimension: 'gender', key: '', want: 'dashboard.notStated' },
		{ dimension: 'gender', key: 'unknown_choice', want: 'unknown_choice' },
		{ dimension: 'channel', key: 'sms', want: 'dashboard.channels.sms' },
		{ dimension: 'channel', key: 'fax', want: 'fax' },
		{ dimension: 'language', key: 'ar', want: 'Arabic' },
		{ dimension: 'language', key: '', want: 'dashboard.notStated' }
	])('$dimension $key reads $want', ({ dimension, key, want }) => {
		expect(cellLabel(labels, dimension, key, 'en', t)).toBe(want);
	});

	it('names dimensions by their question, or as built-in ones', () => {
		expect(dimensionLabel(labels, 'gender', t)).toBe('Gender');
		expect(dimensionLabel(labels, 'channel', t)).toBe('dashboard.dimensions.channel');
		expect(dimensionLabel(labels, 'age_band', t)).toBe('age_band');
	});
});

describe('dashboardQuerySchema', () => {
	const schema = dashboardQuerySchema(['2026-Q3', '2026-Q4']);

	it.each([
		{ query: {}, want: 'all' },
		{ query: { period: '2026-Q4' }, want: '2026-Q4' },
		{ query: { period: 'all' }, want: 'all' },
		{ query: { period: '2027-Q1' }, want: 'all' },
		{ query: { period: '' }, want: 'all' },
		{ query: { period: "2026-Q4' or 1=1" }, want: 'all' }
	])('reads $query as $want', ({ query, want }) => {
		expect(schema.parse(query).period).toBe(want);
	});

	it('accepts only all when the programme has no period yet', () => {
		expect(dashboardQuerySchema([]).parse({ period: '2026-Q4' }).period).toBe('all');
	});
});
