import { describe, expect, it } from 'vitest';
import { halves } from './figures';

const item = (id: string, dimensions: number) => ({
	id,
	disaggregations: Array.from({ length: dimensions }, (_, i) => `d${i}`)
});

describe('halves', () => {
	it('keeps a single indicator (or none) in one part', () => {
		expect(halves([item('a', 3)])).toEqual([[item('a', 3)]]);
		expect(halves([])).toEqual([[]]);
	});

	it('puts every indicator in exactly one part', () => {
		const group = [item('a', 0), item('b', 4), item('c', 2), item('d', 1), item('e', 3)];
		const parts = halves(group);
		expect(parts).toHaveLength(2);
		const ids = parts.flat().map((i) => i.id);
		expect([...ids].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
	});

	it('balances the work (breakdowns) between the two parts', () => {
		const group = [item('a', 4), item('b', 4), item('c', 0), item('d', 0), item('e', 2)];
		const work = (part: ReturnType<typeof item>[]) =>
			part.reduce((sum, i) => sum + 1 + 2 * i.disaggregations.length, 0);
		const [left, right] = halves(group);
		// Work 9, 9, 5, 1, 1: the best split is 14 / 11 (no subset sums to 12 or 13).
		expect(Math.abs(work(left!) - work(right!))).toBe(3);
		expect(left!.length).toBeGreaterThan(0);
		expect(right!.length).toBeGreaterThan(0);
	});

	it('never leaves the parts further apart than the heaviest indicator', () => {
		for (let seed = 1; seed < 200; seed++) {
			const group = Array.from({ length: 2 + (seed % 9) }, (_, i) =>
				item(`i${i}`, (seed * (i + 3)) % 7)
			);
			const work = (part: ReturnType<typeof item>[]) =>
				part.reduce((sum, i) => sum + 1 + 2 * Math.min(i.disaggregations.length, 6), 0);
			const heaviest = Math.max(...group.map((i) => work([i])));
			const [left, right] = halves(group);
			expect(Math.abs(work(left!) - work(right!))).toBeLessThanOrEqual(heaviest);
		}
	});

	it('counts at most the breakdowns the SQL computes', () => {
		const [left, right] = halves([item('a', 40), item('b', 6), item('c', 0)]);
		// 40 dimensions cost the same as 6 (only 6 are computed): a and b go apart.
		expect(left!.map((i) => i.id)).not.toEqual(expect.arrayContaining(['a', 'b']));
		expect(right!.map((i) => i.id)).not.toEqual(expect.arrayContaining(['a', 'b']));
	});
});
