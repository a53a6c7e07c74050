import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Period } from '../../programmes/model';
import type { IndicatorResult } from './math';
import { presentCounts, presentIndicator, type IndicatorHead, type RawResults } from './present';
import { auditOneWay, type DonorOneWay } from './suppression';

const periods: Period[] = ['Q1', 'Q2', 'Q3', 'Q4'].map((key, i) => ({
	key,
	start: `2025-${String(i * 3 + 1).padStart(2, '0')}-01`,
	end: `2025-${String(i * 3 + 3).padStart(2, '0')}-28`
}));

const head: IndicatorHead = {
	id: 'i1',
	nodeId: 'n1',
	code: 'OC1',
	statement: 'People satisfied',
	unit: '%',
	kind: 'percentInSet',
	direction: 'increase',
	source: 'survey',
	baselineValue: 40,
	baselineDate: '2024-12-01',
	target: 80,
	milestones: {},
	disaggregations: ['gender', 'age_band']
};

const options = (audience: 'donor' | 'team', scope?: string) => ({
	audience,
	k: 5,
	periods,
	programme: { startsOn: '2025-01-01', endsOn: '2025-12-28' },
	thresholds: { atRisk: 0.1, offTrack: 0.25 },
	scope
});

const r = (n: number, value: number | null = n ? 50 : null, excluded = 0): IndicatorResult => ({
	n,
	value,
	excluded
});

function raw(periodNs: number[], genders: Record<string, number>): RawResults {
	const total = periodNs.reduce((a, b) => a + b, 0);
	return {
		periods: Object.fromEntries(periodNs.map((n, i) => [periods[i]!.key, r(n, 40 + i * 10, 2)])),
		overall: r(total, 55, 8),
		breakdowns: {
			all: { gender: Object.fromEntries(Object.entries(genders).map(([k, n]) => [k, r(n, 60)])) },
			Q2: { gender: { woman: r(3, 70) } }
		},
		crossed: { all: { 'woman\u0000adult': r(12), 'man\u0000adult': r(2) } }
	};
}

describe('presentIndicator for donors', () => {
	it('hides a small period and a complementary one so the total cannot give it away', () => {
		const view = presentIndicator(
			head,
			raw([20, 3, 30, 40], { woman: 60, man: 33 }),
			options('donor')
		);
		const shown = view.trend.map((p) => p.figure.shown);
		expect(shown).toEqual([false, false, true, true]);
		expect(view.trend[1]!.figure).toEqual({ shown: false });
		expect(JSON.stringify(view.trend)).not.toMatch(/"n":3[,}]/);
	});

	it('shows left-out counts on the whole only from k, never per period', () => {
		const view = presentIndicator(
			head,
			raw([20, 10, 30, 40], { woman: 60, man: 40 }),
			options('donor')
		);
		expect(view.overall).toEqual({ shown: true, value: 55, n: 100, excluded: 8 });
		for (const point of view.trend) expect(point.figure).not.toHaveProperty('excluded');
		const few = raw([20, 10, 30, 40], { woman: 60, man: 40 });
		few.overall = r(100, 55, 3);
		expect(presentIndicator(head, few, options('donor')).overall).toEqual({
			shown: true,
			value: 55,
			n: 100
		});
	});

	it('gives breakdowns of the programme to date only, whatever scope is asked', () => {
		const view = presentIndicator(
			head,
			raw([20, 10, 30, 40], { woman: 96, man: 4 }),
			options('donor', 'Q2')
		);
		expect(view.scope).toBe('all');
		const gender = view.breakdowns.find((b) => b.dimension === 'gender')!;
		expect(gender.cells.map((c) => c.figure.shown)).toEqual([false, false]);
		expect(JSON.stringify(view)).not.toMatch(/"n":4[,}]/);
	});

	it('withholds a two-way table with any small cell, labels included', () => {
		const view = presentIndicator(
			head,
			raw([20, 10, 30, 40], { woman: 60, man: 40 }),
			options('donor')
		);
		expect(view.crossed?.table).toEqual({ shown: false, reason: 'smallCell' });
	});

	it('derives progress and status only from a shown figure', () => {
		const view = presentIndicator(
			head,
			raw([20, 10, 30, 2], { woman: 60, man: 2 }),
			options('donor')
		);
		// Q4 (2) and Q2 (its complement, the smallest shown) are hidden: the latest shown is Q3.
		expect(view.latest?.key).toBe('Q3');
		expect(view.latest?.value).toBe(60);
		expect(view.latest?.progress).toBeCloseTo((60 - 40) / (80 - 40));
		expect(view.latest?.status).not.toBeNull();
	});
});

describe('presentIndicator for the team', () => {
	it('keeps every number and flags what donors do not see', () => {
		const view = presentIndicator(
			head,
			raw([20, 3, 30, 40], { woman: 60, man: 33 }),
			options('team')
		);
		expect(view.trend.map((p) => p.figure)).toEqual([
			{ shown: true, value: 40, n: 20, excluded: 2, flagged: true },
			{ shown: true, value: 50, n: 3, excluded: 2, flagged: true },
			{ shown: true, value: 60, n: 30, excluded: 2, flagged: false },
			{ shown: true, value: 70, n: 40, excluded: 2, flagged: false }
		]);
		expect(view.latest?.key).toBe('Q4');
	});

	it('breaks down by the period asked for', () => {
		const view = presentIndicator(
			head,
			raw([20, 3, 30, 40], { woman: 60, man: 33 }),
			options('team', 'Q2')
		);
		expect(view.scope).toBe('Q2');
		expect(view.breakdowns[0]?.cells).toEqual([
			{ key: 'woman', figure: { shown: true, value: 70, n: 3, excluded: 0, flagged: true } }
		]);
	});

	it('computes status from the milestone of the period when there is one', () => {
		const withMilestone = { ...head, milestones: { Q4: 70 } };
		const view = presentIndicator(
			withMilestone,
			raw([20, 10, 30, 40], { woman: 60, man: 40 }),
			options('team')
		);
		// Q4 value 70 = the milestone: expected progress (70−40)/(80−40) is met exactly.
		expect(view.latest?.expected).toBeCloseTo(0.75);
		expect(view.latest?.status).toBe('onTrack');
		const behind = presentIndicator(
			{ ...head, milestones: { Q4: 90 } },
			raw([20, 10, 30, 40], {}),
			options('team')
		);
		expect(behind.latest?.status).toBe('offTrack');
	});

	it('has no progress without a baseline or a target', () => {
		const view = presentIndicator(
			{ ...head, baselineValue: null },
			raw([20, 10, 30, 40], {}),
			options('team')
		);
		expect(view.latest?.progress).toBeNull();
		expect(view.latest?.status).toBeNull();
		expect(view.latest?.achievement).toBeCloseTo(70 / 80);
	});
});

describe('manual indicators', () => {
	const manual: RawResults = {
		periods: { Q1: { value: 12, n: 0, excluded: 0 }, Q3: { value: 3, n: 3, excluded: 0 } },
		overall: { value: 3, n: 3, excluded: 0 },
		manual: true,
		breakdowns: {},
		crossed: {}
	};

	it('shows values of unknown size and hides those that say they count fewer than k', () => {
		const view = presentIndicator(
			{ ...head, source: 'manual', kind: 'count' },
			manual,
			options('donor')
		);
		expect(view.trend[0]!.figure).toEqual({ shown: true, value: 12, n: null });
		expect(view.trend[2]!.figure).toEqual({ shown: false });
		expect(view.breakdowns).toEqual([]);
	});
});

describe('donor views never expose a small count', () => {
	it('holds for random trends and breakdowns', () => {
		const counts = fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 4, maxLength: 4 });
		const cells = fc.dictionary(
			fc.constantFrom('woman', 'man', 'other', ''),
			fc.integer({ min: 0, max: 30 }),
			{
				minKeys: 1
			}
		);
		fc.assert(
			fc.property(counts, cells, fc.integer({ min: 3, max: 20 }), (periodNs, genders, k) => {
				const data = raw(periodNs, genders);
				data.breakdowns.all!.gender = Object.fromEntries(
					Object.entries(genders).map(([key, n]) => [key, r(n)])
				);
				data.overall = r(
					Object.values(genders).reduce((a, b) => a + b, 0),
					50
				);
				const view = presentIndicator(head, data, { ...options('donor'), k });
				const figures = [
					view.overall,
					...view.trend.map((p) => p.figure),
					...view.breakdowns.flatMap((b) => [b.total, ...b.cells.map((c) => c.figure)])
				];
				for (const f of figures) if (f.shown && f.n !== null) expect(f.n).toBeGreaterThanOrEqual(k);
				// What a donor sees of the trend passes the same audit as an export.
				const published: DonorOneWay = {
					cells: view.trend.map((p) =>
						p.figure.shown
							? { key: p.key, shown: true, n: p.figure.n ?? 0 }
							: { key: p.key, shown: false }
					),
					total: (() => {
						const total = periodNs.reduce((a, b) => a + b, 0);
						return total >= k ? { shown: true, n: total } : { shown: false };
					})()
				};
				expect(auditOneWay(published, k)).toBeNull();
				for (const b of view.breakdowns) {
					const audit: DonorOneWay = {
						cells: b.cells.map((c) =>
							c.figure.shown
								? { key: c.key, shown: true, n: c.figure.n ?? 0 }
								: { key: c.key, shown: false }
						),
						total: b.total.shown ? { shown: true, n: b.total.n ?? 0 } : { shown: false }
					};
					expect(auditOneWay(audit, k)).toBeNull();
				}
			})
		);
	});
});

describe('presentCounts', () => {
	it('orders by size and suppresses for donors', () => {
		expect(presentCounts({ web: 40, sms: 2 }, 5, 'donor').cells).toEqual([
			{ key: 'web', shown: false },
			{ key: 'sms', shown: false }
		]);
		expect(presentCounts({ sms: 9, web: 40 }, 5, 'donor').cells).toEqual([
			{ key: 'web', shown: true, n: 40 },
			{ key: 'sms', shown: true, n: 9 }
		]);
		expect(
			presentCounts({ web: 40, sms: 2 }, 5, 'team').cells.map((c) => ('n' in c ? c.n : null))
		).toEqual([40, 2]);
	});
});

describe('progress of counts and of the current period', () => {
	it('measures a count against its life-of-programme target by the total so far', () => {
		const count = { ...head, kind: 'count' as const, baselineValue: 0, target: 200 };
		const data = raw([20, 10, 30, 40], {});
		data.overall = r(100, 100);
		const view = presentIndicator(count, data, options('team'));
		expect(view.latest?.value).toBe(70);
		expect(view.latest?.toDate).toBe(100);
		expect(view.latest?.progress).toBeCloseTo(0.5);
		expect(view.latest?.achievement).toBeCloseTo(0.5);
	});

	it('counts time elapsed in the current period up to today', () => {
		const atEnd = presentIndicator(head, raw([20, 10, 30, 40], {}), options('team'));
		const midway = presentIndicator(head, raw([20, 10, 30, 40], {}), {
			...options('team'),
			today: '2025-11-14'
		});
		expect(atEnd.latest?.expected).toBeCloseTo(1);
		expect(midway.latest?.expected).toBeLessThan(0.9);
		expect(midway.latest?.expected).toBeGreaterThan(0.85);
	});
});
