import { describe, expect, it } from 'vitest';
import type { Period } from '../../programmes/model';
import { cellId } from '../disclosure/release-model';
import type { IndicatorResult } from './math';
import {
	presentCounts,
	presentIndicator,
	type Decide,
	type IndicatorHead,
	type PresentOptions,
	type RawResults
} from './present';
import { liveDecide } from './results';

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

const r = (n: number, value: number | null = n ? 50 : null, excluded = 0): IndicatorResult => ({
	n,
	value,
	excluded
});

function raw(periodNs: number[], genders: Record<string, number>): RawResults {
	const total = periodNs.reduce((a, b) => a + b, 0);
	return {
		periods: Object.fromEntries(periodNs.map((n, i) => [periods[i]!.key, r(n, 40 + i * 10, 2)])),
		overall: r(total, 55.5555, 8),
		breakdowns: {
			all: { gender: Object.fromEntries(Object.entries(genders).map(([k, n]) => [k, r(n, 60)])) },
			Q2: { gender: { woman: r(3, 70) } }
		},
		crossed: { all: { 'woman\u0000adult': r(12), 'man\u0000adult': r(2) } }
	};
}

/** Decisions by cell id, as a release would give them (null: shown). */
const decideFrom =
	(hidden: Record<string, ReturnType<Decide>>): Decide =>
	({ id }) =>
		hidden[id] ?? null;

const options = (
	audience: 'donor' | 'team',
	decide: Decide = () => null,
	scope?: string
): PresentOptions => ({
	audience,
	k: 5,
	periods,
	programme: { startsOn: '2025-01-01', endsOn: '2025-12-28' },
	thresholds: { atRisk: 0.1, offTrack: 0.25 },
	scope,
	cellKeys: { gender: ['woman', 'man', 'other', ''], age_band: ['adult', 'older'] },
	decide
});

describe('presentIndicator for donors', () => {
	it('leaves a hidden figure without any number, value or derived figure', () => {
		const view = presentIndicator(
			head,
			raw([20, 3, 30, 40], { woman: 60, man: 33 }),
			options(
				'donor',
				decideFrom({
					[cellId.period('i1', 'Q2')]: 'small',
					[cellId.period('i1', 'Q1')]: 'complementary'
				})
			)
		);
		expect(view.trend.map((p) => p.figure.shown)).toEqual([false, false, true, true]);
		expect(view.trend[1]!.figure).toEqual({ shown: false });
		expect(JSON.stringify(view.trend)).not.toMatch(/"n":3[,}]/);
		// Nor a reason: which hidden cell is the small one would narrow it down.
		expect(JSON.stringify(view)).not.toMatch(/small|complementary/);
	});

	it('rounds values as the release audit assumes and shows left-out counts from k only', () => {
		const view = presentIndicator(
			head,
			raw([20, 10, 30, 40], { woman: 60, man: 40 }),
			options('donor')
		);
		expect(view.overall).toEqual({ shown: true, value: 55.6, n: 100, excluded: 8 });
		for (const point of view.trend) expect(point.figure).not.toHaveProperty('excluded');
		const few = raw([20, 10, 30, 40], { woman: 60, man: 40 });
		few.overall = r(100, 55, 3);
		expect(presentIndicator(head, few, options('donor')).overall).toEqual({
			shown: true,
			value: 55,
			n: 100
		});
	});

	it('lists breakdown cells in the breakdown’s own order, a choice nobody picked included', () => {
		const view = presentIndicator(
			head,
			raw([20, 10, 30, 40], { man: 70, woman: 30 }),
			options('donor')
		);
		const gender = view.breakdowns.find((b) => b.dimension === 'gender')!;
		// Not by size: an order by size would place a hidden cell between two shown ones.
		expect(gender.cells.map((c) => c.key)).toEqual(['woman', 'man', 'other', '']);
		expect(gender.cells[2]!.figure).toEqual({ shown: true, value: null, n: 0 });
	});

	it('gives the breakdowns of a released period when asked for it', () => {
		const hidden = decideFrom({ [cellId.breakdown('i1', 'gender', 'Q2', 'woman')]: 'small' });
		const view = presentIndicator(head, raw([20, 10, 30, 40], {}), options('donor', hidden, 'Q2'));
		expect(view.scope).toBe('Q2');
		const gender = view.breakdowns.find((b) => b.dimension === 'gender')!;
		expect(gender.cells[0]).toEqual({ key: 'woman', figure: { shown: false } });
		expect(gender.total).toEqual({ shown: true, value: 50, n: 10 });
		// A period outside the release falls back to the programme to date.
		expect(
			presentIndicator(head, raw([1, 2, 3, 4], {}), options('donor', undefined, 'Q9')).scope
		).toBe('all');
	});

	it('withholds the two-way table, labels included, when any cell of it is hidden', () => {
		const hidden = decideFrom({ [cellId.crossed('i1', 'man', 'adult')]: 'small' });
		const view = presentIndicator(head, raw([20, 10, 30, 40], {}), options('donor', hidden));
		expect(view.crossed?.table).toEqual({ shown: false, reason: 'smallCell' });
	});

	it('derives progress and status only from a shown figure', () => {
		const hidden = decideFrom({
			[cellId.period('i1', 'Q4')]: 'small',
			[cellId.period('i1', 'Q2')]: 'complementary'
		});
		const view = presentIndicator(head, raw([20, 10, 30, 2], {}), options('donor', hidden));
		expect(view.latest?.key).toBe('Q3');
		expect(view.latest?.value).toBe(60);
		expect(view.latest?.progress).toBeCloseTo((60 - 40) / (80 - 40));
		expect(view.latest?.status).not.toBeNull();
	});

	it('hides any cell the release does not hold (never a figure nobody audited)', () => {
		const view = presentIndicator(head, raw([20, 10, 30, 40], { woman: 50 }), {
			...options('donor'),
			decide: ({ id }) => (id.includes(':d:') ? 'withheld' : null)
		});
		expect(view.breakdowns[0]!.cells.every((c) => !c.figure.shown)).toBe(true);
	});
});

describe('presentIndicator for the team', () => {
	it('keeps every number and says why donors do not see one', () => {
		const hidden = decideFrom({
			[cellId.period('i1', 'Q2')]: 'small',
			[cellId.period('i1', 'Q1')]: 'complementary'
		});
		const view = presentIndicator(head, raw([20, 3, 30, 40], {}), options('team', hidden));
		expect(view.trend.map((p) => p.figure)).toEqual([
			{ shown: true, value: 40, n: 20, excluded: 2, flagged: true, reason: 'complementary' },
			{ shown: true, value: 50, n: 3, excluded: 2, flagged: true, reason: 'small' },
			{ shown: true, value: 60, n: 30, excluded: 2, flagged: false },
			{ shown: true, value: 70, n: 40, excluded: 2, flagged: false }
		]);
		expect(view.latest?.key).toBe('Q4');
		// The team's values are not rounded.
		expect(view.overall.shown && view.overall.value).toBe(55.5555);
	});

	it('flags live figures under k and periods not yet released', () => {
		const decide = liveDecide(5, new Set(['Q1', 'Q2', 'Q3']));
		const view = presentIndicator(head, raw([20, 3, 30, 40], {}), options('team', decide, 'Q2'));
		const reasons = view.trend.map((p) => ('reason' in p.figure ? p.figure.reason : null));
		expect(reasons).toEqual([null, 'small', null, 'unreleased']);
		const woman = view.breakdowns[0]!.cells[0]!.figure;
		expect(woman).toMatchObject({ n: 3, flagged: true, reason: 'small' });
		// The programme to date is never "unreleased": donors see it, to the release's last day.
		expect(view.overall).toMatchObject({ flagged: false });
	});

	it('computes status from the milestone of the period when there is one', () => {
		const view = presentIndicator(
			{ ...head, milestones: { Q4: 70 } },
			raw([20, 10, 30, 40], {}),
			options('team')
		);
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
		overall: { value: 15, n: 0, excluded: 0 },
		manual: true,
		breakdowns: {},
		crossed: {}
	};

	it('shows values of unknown size and hides what the release hides', () => {
		const hidden = decideFrom({ [cellId.period('i1', 'Q3')]: 'small' });
		const view = presentIndicator(
			{ ...head, source: 'manual', kind: 'count' },
			manual,
			options('donor', hidden)
		);
		expect(view.trend[0]!.figure).toEqual({ shown: true, value: 12, n: null });
		expect(view.trend[1]!.figure).toEqual({ shown: true, value: null, n: null });
		expect(view.trend[2]!.figure).toEqual({ shown: false });
		expect(view.breakdowns).toEqual([]);
	});

	it('takes the latest entry’s decision for a kind whose "to date" is its latest entry', () => {
		const hidden = decideFrom({ [cellId.period('i1', 'Q3')]: 'small' });
		const percent = { ...manual, overall: manual.periods.Q3! };
		const view = presentIndicator({ ...head, source: 'manual' }, percent, options('donor', hidden));
		expect(view.overall).toEqual({ shown: false });
	});
});

describe('presentCounts', () => {
	it('keeps the breakdown’s order, with the total, and hides what the release hides', () => {
		const hidden = decideFrom({
			[cellId.responses('channel', 'sms')]: 'small',
			[cellId.responses('channel', 'web')]: 'complementary'
		});
		const donor = presentCounts('channel', { sms: 2, web: 40 }, ['web', 'sms'], {
			audience: 'donor',
			k: 5,
			decide: hidden
		});
		expect(donor.cells).toEqual([
			{ key: 'web', figure: { shown: false } },
			{ key: 'sms', figure: { shown: false } }
		]);
		expect(donor.total).toEqual({ shown: true, value: 42, n: 42 });
		const team = presentCounts('channel', { sms: 2, web: 40 }, ['web', 'sms'], {
			audience: 'team',
			k: 5,
			decide: hidden
		});
		expect(team.cells.map((c) => (c.figure.shown ? c.figure.n : null))).toEqual([40, 2]);
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
