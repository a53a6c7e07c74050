import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LinkedTables } from './linked';
import { applyRules, audit, protect, rangeWidth } from './protect';

/** A one-way table of counts and its total (e.g. quarters and the programme to date). */
function oneWay(counts: number[]) {
	const model = new LinkedTables();
	const atoms = counts.map((n) => model.atom(n));
	counts.forEach((n, i) =>
		model.cell({ id: `c${i}`, n, count: { atoms: [atoms[i]!] }, total: false })
	);
	const total = counts.reduce((a, b) => a + b, 0);
	model.cell({ id: 'total', n: total, count: { atoms }, total: true });
	model.oneWay({ id: 't', cells: counts.map((_, i) => `c${i}`), total: 'total' });
	return model;
}

/** A periods × groups table with every margin: per-period breakdowns, the trend, to date. */
function grid(counts: number[][]) {
	const model = new LinkedTables();
	const atoms = counts.map((row) => row.map((n) => model.atom(n)));
	const groups = counts[0]!.length;
	counts.forEach((row, p) => {
		row.forEach((n, g) =>
			model.cell({ id: `p${p}g${g}`, n, count: { atoms: [atoms[p]![g]!] }, total: false })
		);
		model.cell({
			id: `p${p}`,
			n: row.reduce((a, b) => a + b, 0),
			count: { atoms: atoms[p]! },
			total: true
		});
		model.oneWay({ id: `period${p}`, cells: row.map((_, g) => `p${p}g${g}`), total: `p${p}` });
	});
	for (let g = 0; g < groups; g++)
		model.cell({
			id: `g${g}`,
			n: counts.reduce((a, row) => a + row[g]!, 0),
			count: { atoms: atoms.map((row) => row[g]!) },
			total: false
		});
	model.cell({
		id: 'all',
		n: counts.flat().reduce((a, b) => a + b, 0),
		count: { atoms: atoms.flat() },
		total: true
	});
	model.oneWay({ id: 'trend', cells: counts.map((_, p) => `p${p}`), total: 'all' });
	model.oneWay({
		id: 'todate',
		cells: [...Array(groups).keys()].map((g) => `g${g}`),
		total: 'all'
	});
	return model;
}

const hiddenOf = (decisions: Map<string, { shown: boolean }>) =>
	[...decisions].filter(([, d]) => !d.shown).map(([id]) => id);

describe('applyRules', () => {
	it('hides a small quarter and the next smallest, so the total minus the rest says nothing', () => {
		// The demo's OP5.1: seven quarters and a small eighth against "all periods so far".
		const model = oneWay([14, 22, 25, 31, 29, 34, 38, 2]);
		const decisions = applyRules(model, 5);
		expect(decisions.get('c7')).toEqual({ shown: false, reason: 'small' });
		expect(decisions.get('c0')).toEqual({ shown: false, reason: 'complementary' });
		expect(hiddenOf(decisions)).toHaveLength(2);
	});

	it('hides equal cells together and a total under k with everything in it', () => {
		expect(hiddenOf(applyRules(oneWay([3, 9, 9, 20]), 5)).sort()).toEqual(['c0', 'c1', 'c2']);
		expect(hiddenOf(applyRules(oneWay([1, 2]), 5)).sort()).toEqual(['c0', 'c1', 'total']);
	});
});

describe('audit', () => {
	it('finds the single hidden quarter that the one-way rules were never asked about', async () => {
		const model = oneWay([14, 22, 25, 31, 29, 34, 38, 2]);
		const decisions = new Map([['c7', { shown: false as const, reason: 'small' as const }]]);
		const { exposed } = await audit(model, decisions, 5);
		expect(exposed).toEqual([{ cell: 'c7', min: 2, max: 2 }]);
	});

	it('sees through a period breakdown whose other margins are shown', async () => {
		// Women in quarter 1 are 2; hidden in the quarter's table with the next smallest (men, 6),
		// but the to-date table and quarter 2 pin both through the columns.
		const model = grid([
			[2, 6, 30],
			[10, 12, 40]
		]);
		const decisions = new Map([
			['p0g0', { shown: false as const, reason: 'small' as const }],
			['p0g1', { shown: false as const, reason: 'complementary' as const }]
		]);
		const { exposed } = await audit(model, decisions, 5);
		expect(exposed.map((e) => [e.cell, e.min, e.max])).toEqual([
			['p0g0', 2, 2],
			['p0g1', 6, 6]
		]);
	});
});

describe('protect', () => {
	it('protects the grid the rules alone leave open, and says why each cell is hidden', async () => {
		const model = grid([
			[2, 6, 30],
			[10, 12, 40]
		]);
		const result = await protect(model, 5);
		expect(result.exposed).toEqual([]);
		expect(result.rounds).toBeGreaterThan(1);
		expect(result.decisions.get('p0g0')).toEqual({ shown: false, reason: 'small' });
		for (const [id, range] of result.ranges)
			expect(rangeWidth(range.min, range.max), id).toBeGreaterThanOrEqual(5);
		// A fresh attacker over the final decisions agrees.
		expect((await audit(model, result.decisions, 5)).exposed).toEqual([]);
	});

	it('leaves a table with nothing small alone', async () => {
		const result = await protect(
			grid([
				[10, 12],
				[15, 20]
			]),
			5
		);
		expect(hiddenOf(result.decisions)).toEqual([]);
		expect(result.rounds).toBe(1);
	});

	it('leaves no hidden count narrower than k in random period × group tables', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.integer({ min: 3, max: 8 }),
				fc.integer({ min: 1, max: 5 }).chain((periods) =>
					fc.integer({ min: 1, max: 4 }).chain((groups) =>
						fc.array(
							fc.array(fc.integer({ min: 0, max: 25 }), { minLength: groups, maxLength: groups }),
							{
								minLength: periods,
								maxLength: periods
							}
						)
					)
				),
				async (k, counts) => {
					const model = grid(counts);
					const result = await protect(model, k);
					expect(result.exposed).toEqual([]);
					// Nothing under k is shown, and an independent audit finds nothing narrow.
					for (const cell of model.cells.values())
						if (cell.n < k) expect(result.decisions.get(cell.id)?.shown, cell.id).toBe(false);
					expect((await audit(model, result.decisions, k)).exposed).toEqual([]);
				}
			),
			{ numRuns: 200 }
		);
	});
});
