import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { elapsedShare, MAX_PERIODS, periodsOf, periodsProblem, periodsSoFar } from './periods';

describe('periodsOf', () => {
	it('cuts calendar quarters to the programme dates', () => {
		expect(
			periodsOf({ startsOn: '2025-02-10', endsOn: '2025-08-15', periodKind: 'quarterly' })
		).toEqual([
			{ key: '2025-Q1', start: '2025-02-10', end: '2025-03-31' },
			{ key: '2025-Q2', start: '2025-04-01', end: '2025-06-30' },
			{ key: '2025-Q3', start: '2025-07-01', end: '2025-08-15' }
		]);
	});

	it('gives eight quarters for two calendar years, across the year end', () => {
		const quarters = periodsOf({
			startsOn: '2025-01-01',
			endsOn: '2026-12-31',
			periodKind: 'quarterly'
		});
		expect(quarters.map((q) => q.key)).toEqual([
			'2025-Q1',
			'2025-Q2',
			'2025-Q3',
			'2025-Q4',
			'2026-Q1',
			'2026-Q2',
			'2026-Q3',
			'2026-Q4'
		]);
		expect(quarters[3]).toEqual({ key: '2025-Q4', start: '2025-10-01', end: '2025-12-31' });
	});

	it('knows month lengths and leap years', () => {
		const months = periodsOf({
			startsOn: '2024-01-15',
			endsOn: '2024-03-31',
			periodKind: 'monthly'
		});
		expect(months).toEqual([
			{ key: '2024-01', start: '2024-01-15', end: '2024-01-31' },
			{ key: '2024-02', start: '2024-02-01', end: '2024-02-29' },
			{ key: '2024-03', start: '2024-03-01', end: '2024-03-31' }
		]);
		expect(
			periodsOf({ startsOn: '2025-02-01', endsOn: '2025-02-28', periodKind: 'monthly' })[0]?.end
		).toBe('2025-02-28');
	});

	it('sorts custom periods and stops at the cap', () => {
		const custom = [
			{ key: 'b', start: '2025-07-01', end: '2025-12-31' },
			{ key: 'a', start: '2025-01-01', end: '2025-06-30' }
		];
		expect(
			periodsOf({
				startsOn: '2025-01-01',
				endsOn: '2025-12-31',
				periodKind: 'custom',
				customPeriods: custom
			}).map((p) => p.key)
		).toEqual(['a', 'b']);
		expect(
			periodsOf({ startsOn: '2000-01-01', endsOn: '2099-12-31', periodKind: 'monthly' })
		).toHaveLength(MAX_PERIODS);
	});

	it('tiles the programme exactly: contiguous, inside it, every day in one period', () => {
		const day = fc
			.integer({ min: 0, max: 3000 })
			.map((n) => new Date(Date.UTC(2020, 0, 1) + n * 864e5).toISOString().slice(0, 10));
		fc.assert(
			fc.property(
				day,
				day,
				fc.constantFrom('monthly' as const, 'quarterly' as const),
				(a, b, kind) => {
					const [startsOn, endsOn] = a <= b ? [a, b] : [b, a];
					const periods = periodsOf({ startsOn, endsOn, periodKind: kind });
					expect(periods[0]?.start).toBe(startsOn);
					expect(periods.at(-1)?.end).toBe(endsOn);
					for (const [i, p] of periods.entries()) {
						expect(p.start <= p.end).toBe(true);
						const next = periods[i + 1];
						if (next) {
							const after = new Date(Date.parse(`${p.end}T00:00:00Z`) + 864e5)
								.toISOString()
								.slice(0, 10);
							expect(next.start).toBe(after);
						}
					}
					expect(new Set(periods.map((p) => p.key)).size).toBe(periods.length);
				}
			)
		);
	});
});

describe('periodsSoFar and elapsedShare', () => {
	const periods = periodsOf({
		startsOn: '2025-01-01',
		endsOn: '2026-12-31',
		periodKind: 'quarterly'
	});

	it('keeps the periods begun by today', () => {
		expect(
			periodsSoFar(periods, '2026-12-01')
				.map((p) => p.key)
				.at(-1)
		).toBe('2026-Q4');
		expect(periodsSoFar(periods, '2025-03-31')).toHaveLength(1);
		expect(periodsSoFar(periods, '2024-12-31')).toHaveLength(0);
	});

	it('measures elapsed time from 0 to 1', () => {
		expect(elapsedShare('2025-01-01', '2025-01-10', '2025-01-05')).toBeCloseTo(0.5);
		expect(elapsedShare('2025-01-01', '2025-01-10', '2024-01-01')).toBe(0);
		expect(elapsedShare('2025-01-01', '2025-01-10', '2030-01-01')).toBe(1);
		expect(elapsedShare('2025-01-01', '2025-01-10', '2025-01-10')).toBe(1);
	});
});

describe('periodsProblem', () => {
	it.each([
		[[{ key: 'a', start: '2025-01-01', end: '2025-01-31' }], null],
		[[{ key: 'a', start: '2025-02-01', end: '2025-01-31' }], 'order'],
		[
			[
				{ key: 'a', start: '2025-01-01', end: '2025-01-31' },
				{ key: 'b', start: '2025-01-31', end: '2025-02-28' }
			],
			'overlap'
		],
		[
			[
				{ key: 'a', start: '2025-01-01', end: '2025-01-31' },
				{ key: 'a', start: '2025-02-01', end: '2025-02-28' }
			],
			'duplicate'
		]
	])('%j → %s', (periods, problem) => {
		expect(periodsProblem(periods)).toBe(problem);
	});
});
