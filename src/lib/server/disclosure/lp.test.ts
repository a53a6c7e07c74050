import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feasibleRanges, InfeasibleSystem, type LinearRow } from './lp';

const sum = (atoms: number[], value: number): LinearRow => ({ atoms, lo: value, hi: value });

describe('feasibleRanges', () => {
	it('bounds the hidden cells of a one-way table by the total less the shown ones', async () => {
		// a + b + c = 10, a = 6 shown: b and c are each anywhere from 0 to 4.
		const ranges = await feasibleRanges({ size: 3, rows: [sum([0, 1, 2], 10), sum([0], 6)] }, [
			{ atoms: [1] },
			{ atoms: [2] },
			{ atoms: [1, 2] }
		]);
		expect(ranges.map((r) => [r.min, r.max])).toEqual([
			[0, 4],
			[0, 4],
			[4, 4]
		]);
	});

	it('pins a single hidden cell (the subtraction a tester did on the demo)', async () => {
		// Quarters 14, 22, hidden, total 38: the hidden one is 2.
		const [range] = await feasibleRanges(
			{ size: 3, rows: [sum([0], 14), sum([1], 22), sum([0, 1, 2], 38)] },
			[{ atoms: [2] }]
		);
		expect(range).toMatchObject({ min: 2, max: 2, exact: true });
	});

	it('uses fixed bounds as constants and coefficients in rows', async () => {
		// x fixed at 3 by its bounds; 2x + y ≤ 10 → y ≤ 4.
		const [range] = await feasibleRanges(
			{
				size: 2,
				lower: [3, 0],
				upper: [3, Infinity],
				rows: [{ atoms: [0, 1], coefs: [2, 1], lo: -Infinity, hi: 10 }]
			},
			[{ atoms: [1] }]
		);
		expect(range).toMatchObject({ min: 0, max: 4 });
	});

	it('reports an unbounded cell as reaching infinity', async () => {
		const [range] = await feasibleRanges({ size: 2, rows: [sum([0], 5)] }, [{ atoms: [1] }]);
		expect(range!.max).toBe(Infinity);
		expect(range!.min).toBe(0);
	});

	it('refuses figures that contradict each other', async () => {
		await expect(
			feasibleRanges({ size: 2, rows: [sum([0, 1], 5), sum([0], 7)] }, [{ atoms: [1] }])
		).rejects.toBeInstanceOf(InfeasibleSystem);
		// Constants only (every unknown fixed) are checked too.
		await expect(
			feasibleRanges({ size: 1, lower: [2], upper: [2], rows: [sum([0], 3)] }, [{ atoms: [0] }])
		).rejects.toBeInstanceOf(InfeasibleSystem);
	});

	it('adds the ranges of a target that spans independent parts', async () => {
		// a + b = 4 and c + d = 6 are unrelated; a + c ranges over 0 … 10.
		const [range] = await feasibleRanges({ size: 4, rows: [sum([0, 1], 4), sum([2, 3], 6)] }, [
			{ atoms: [0, 2] }
		]);
		expect(range).toMatchObject({ min: 0, max: 10 });
	});

	it('stops refining a range once a feasible point and an optimum span enough', async () => {
		const rows = [sum([0, 1, 2], 20)];
		const [quick] = await feasibleRanges({ size: 3, rows }, [{ atoms: [0] }], {
			wideEnough: (min, max) => max - min >= 5,
			feasible: [3, 8, 9]
		});
		// The maximum (20) and the true value (3) are 17 apart: safe without solving the minimum.
		expect(quick).toMatchObject({ max: 20, exact: false });
		expect(quick!.max - quick!.min).toBeGreaterThanOrEqual(5);
		const [exact] = await feasibleRanges({ size: 3, rows }, [{ atoms: [0] }]);
		expect(exact).toMatchObject({ min: 0, max: 20, exact: true });
	});

	it('agrees with enumeration on random two-way tables with shown margins and cells', async () => {
		// Two-way tables are totally unimodular: the LP's extremes are whole numbers, so they
		// must equal the extremes over every whole-number table consistent with what is shown.
		const table = fc
			.record({
				rows: fc.integer({ min: 2, max: 3 }),
				cols: fc.integer({ min: 2, max: 3 })
			})
			.chain(({ rows, cols }) =>
				fc.record({
					rows: fc.constant(rows),
					cols: fc.constant(cols),
					cells: fc.array(fc.integer({ min: 0, max: 4 }), {
						minLength: rows * cols,
						maxLength: rows * cols
					}),
					hidden: fc.array(fc.boolean(), { minLength: rows * cols, maxLength: rows * cols })
				})
			);
		await fc.assert(
			fc.asyncProperty(table, async ({ rows, cols, cells, hidden }) => {
				const at = (r: number, c: number) => r * cols + c;
				const system: LinearRow[] = [];
				for (let r = 0; r < rows; r++)
					system.push(
						sum(
							Array.from({ length: cols }, (_, c) => at(r, c)),
							Array.from({ length: cols }, (_, c) => cells[at(r, c)]!).reduce((a, b) => a + b)
						)
					);
				for (let c = 0; c < cols; c++)
					system.push(
						sum(
							Array.from({ length: rows }, (_, r) => at(r, c)),
							Array.from({ length: rows }, (_, r) => cells[at(r, c)]!).reduce((a, b) => a + b)
						)
					);
				cells.forEach((v, i) => {
					if (!hidden[i]) system.push(sum([i], v));
				});
				const targets = cells.flatMap((_, i) => (hidden[i] ? [{ atoms: [i] }] : []));
				const ranges = await feasibleRanges({ size: cells.length, rows: system }, targets, {
					feasible: cells
				});
				// Enumerate every table of the hidden cells with values 0 … 8 meeting the margins.
				const free = cells.flatMap((_, i) => (hidden[i] ? [i] : []));
				const lo = free.map(() => Infinity);
				const hi = free.map(() => -Infinity);
				const values = [...cells];
				const visit = (j: number) => {
					if (j === free.length) {
						for (let r = 0; r < rows; r++) {
							let s = 0;
							let t = 0;
							for (let c = 0; c < cols; c++) {
								s += values[at(r, c)]!;
								t += cells[at(r, c)]!;
							}
							if (s !== t) return;
						}
						for (let c = 0; c < cols; c++) {
							let s = 0;
							let t = 0;
							for (let r = 0; r < rows; r++) {
								s += values[at(r, c)]!;
								t += cells[at(r, c)]!;
							}
							if (s !== t) return;
						}
						free.forEach((i, k) => {
							lo[k] = Math.min(lo[k]!, values[i]!);
							hi[k] = Math.max(hi[k]!, values[i]!);
						});
						return;
					}
					for (let v = 0; v <= 8; v++) {
						values[free[j]!] = v;
						visit(j + 1);
					}
				};
				if (free.length <= 4) {
					visit(0);
					ranges.forEach((range, k) => {
						expect(range.min).toBeCloseTo(lo[k]!, 6);
						expect(range.max).toBeCloseTo(hi[k]!, 6);
					});
				}
				// Whatever the size, the truth lies within every range.
				free.forEach((i, k) => {
					expect(cells[i]!).toBeGreaterThanOrEqual(ranges[k]!.min - 1e-6);
					expect(cells[i]!).toBeLessThanOrEqual(ranges[k]!.max + 1e-6);
				});
			}),
			{ numRuns: 150 }
		);
	});
});
