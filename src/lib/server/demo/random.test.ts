import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from './random';

const take = (seed: number, n: number) => {
	const random = seededRandom(seed);
	return Array.from({ length: n }, () => random.next());
};

describe('seededRandom', () => {
	it('gives the same sequence for the same seed, so the demo is the same everywhere', () => {
		fc.assert(
			fc.property(fc.integer(), (seed) => {
				expect(take(seed, 20)).toEqual(take(seed, 20));
			})
		);
	});

	it('gives different sequences for different seeds', () => {
		expect(take(1, 10)).not.toEqual(take(2, 10));
		expect(take(20_161_101, 10)).not.toEqual(take(20_161_102, 10));
	});

	it('stays in [0, 1)', () => {
		fc.assert(
			fc.property(fc.integer(), (seed) => {
				for (const x of take(seed, 50)) {
					expect(x).toBeGreaterThanOrEqual(0);
					expect(x).toBeLessThan(1);
				}
			})
		);
	});

	it('draws integers within the bounds, both included', () => {
		fc.assert(
			fc.property(
				fc.integer(),
				fc.integer({ min: -1000, max: 1000 }),
				fc.nat(50),
				(seed, min, span) => {
					const random = seededRandom(seed);
					for (let i = 0; i < 30; i++) {
						const n = random.int(min, min + span);
						expect(Number.isInteger(n)).toBe(true);
						expect(n).toBeGreaterThanOrEqual(min);
						expect(n).toBeLessThanOrEqual(min + span);
					}
				}
			)
		);
	});

	it('reaches both ends of a small range', () => {
		const random = seededRandom(7);
		const seen = new Set(Array.from({ length: 200 }, () => random.int(1, 4)));
		expect([...seen].sort()).toEqual([1, 2, 3, 4]);
	});

	it('never picks an item whose weight is zero', () => {
		fc.assert(
			fc.property(
				fc.integer(),
				fc.array(fc.nat(5), { minLength: 1, maxLength: 8 }),
				(seed, weights) => {
					fc.pre(weights.some((w) => w > 0));
					const items = weights.map((_, i) => i);
					const random = seededRandom(seed);
					for (let i = 0; i < 30; i++)
						expect(weights[random.pick(items, weights)]).toBeGreaterThan(0);
				}
			)
		);
	});

	it('picks in proportion to the weights', () => {
		const random = seededRandom(42);
		const counts = { a: 0, b: 0, c: 0 };
		for (let i = 0; i < 4000; i++) counts[random.pick(['a', 'b', 'c'] as const, [1, 3, 0])]++;
		expect(counts.c).toBe(0);
		expect(counts.b / counts.a).toBeGreaterThan(2.5);
		expect(counts.b / counts.a).toBeLessThan(3.5);
	});

	it('picks every item sometimes when no weights are given', () => {
		const random = seededRandom(3);
		const seen = new Set(Array.from({ length: 100 }, () => random.pick(['x', 'y', 'z'])));
		expect(seen).toEqual(new Set(['x', 'y', 'z']));
	});
});
