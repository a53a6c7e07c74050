import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	auditOneWay,
	DEFAULT_K,
	isValidK,
	MAX_K,
	MIN_K,
	suppressFigure,
	suppressOneWay,
	type CellInput,
	type DonorOneWay
} from './suppression';

const cellsOf = (counts: readonly number[]): CellInput[] =>
	counts.map((n, i) => ({ key: `g${i}`, n }));

/** The donor view in one line: shown counts as numbers, hidden cells as '·', then the total. */
function sketch(published: DonorOneWay): string {
	const cells = published.cells.map((c) => (c.shown ? String(c.n) : '·')).join(' ');
	return `${cells} | ${published.total.shown ? published.total.n : '·'}`;
}

/** Every field name and every number anywhere in a value, as JSON would carry them. */
function walk(value: unknown): { fields: Set<string>; numbers: number[] } {
	const fields = new Set<string>();
	const numbers: number[] = [];
	const visit = (v: unknown) => {
		if (typeof v === 'number') numbers.push(v);
		else if (Array.isArray(v)) v.forEach(visit);
		else if (v && typeof v === 'object')
			for (const [name, inner] of Object.entries(v)) {
				fields.add(name);
				visit(inner);
			}
	};
	visit(JSON.parse(JSON.stringify(value)));
	return { fields, numbers };
}

const kArb = fc.oneof(fc.constantFrom(MIN_K, MAX_K), fc.integer({ min: MIN_K, max: MAX_K }));
// Mostly counts near k, where suppression decides anything, with some large ones.
const countArb = fc.oneof(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 5000 }));
const valueArb = fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), {
	nil: undefined
});
const cellsArb = fc
	.array(fc.record({ n: countArb, value: valueArb }), { maxLength: 8 })
	.map((cells) =>
		cells.map(({ n, value }, i): CellInput => ({
			key: `g${i}`,
			n,
			...(value === undefined ? {} : { value })
		}))
	);

describe('k', () => {
	it.each([
		[3, true],
		[5, true],
		[20, true],
		[2, false],
		[21, false],
		[0, false],
		[-5, false],
		[4.5, false],
		[Number.NaN, false],
		[Number.POSITIVE_INFINITY, false]
	])('%s allowed: %s', (k, allowed) => {
		expect(isValidK(k)).toBe(allowed);
		const run = () => suppressOneWay(cellsOf([10, 10]), k);
		if (allowed) expect(run).not.toThrow();
		else expect(run).toThrow(RangeError);
		// Every entry point refuses a bad k rather than publishing unchecked figures.
		if (!allowed) {
			expect(() => suppressFigure({ value: 1, n: 50, excluded: 0 }, k)).toThrow(RangeError);
			expect(() => auditOneWay({ cells: [], total: { shown: false } }, k)).toThrow(RangeError);
		}
	});

	it('defaults to 5, inside the allowed range', () => {
		expect([MIN_K, DEFAULT_K, MAX_K]).toEqual([3, 5, 20]);
	});
});

describe('suppressOneWay: hand-worked tables', () => {
	// Each row: counts, k, what donors see (shown counts, '·' hidden, then the total), and the
	// reasons managers see for the hidden cells (s = small, c = complementary, - = shown).
	it.each([
		['nothing small', [12, 8, 30], 5, '12 8 30 | 50', '- - -'],
		['a cell at exactly k is shown', [5, 9], 5, '5 9 | 14', '- -'],
		['two small cells protect each other', [3, 2, 20, 25], 5, '· · 20 25 | 50', 's s - -'],
		['one small cell: the next smallest goes too', [2, 9, 7, 15], 5, '· 9 · 15 | 33', 's - c -'],
		['ties for next smallest all go', [2, 7, 15, 7], 5, '· · 15 · | 31', 's c - c'],
		['a zero is a count under k', [0, 10, 12], 5, '· · 12 | 22', 's c -'],
		// Two zeros beside a total: 22 − 22 = 0 says both are 0, so one more cell goes.
		['hidden cells adding to 0', [0, 0, 6, 9], 5, '· · · 9 | 15', 's s c -'],
		// 4 + 4 = 8 with both under 5: both must be 4.
		['hidden cells all at k − 1', [4, 4, 10, 12], 5, '· · · 12 | 30', 's s c -'],
		// After 12 joins the zeros, 0 + 0 + 12 = 12 = 3 × 4 would read as three 4s: repeat.
		['repeated until safe', [0, 0, 12, 15], 5, '· · · · | 27', 's s c c'],
		// [0, 8] publishes the same as [4, 4], so neither cell can be told.
		['every cell hidden, total kept', [4, 4], 5, '· · | 8', 's s'],
		['total under k hides everything', [1, 2], 5, '· · | ·', 's s'],
		['nothing at all', [], 5, ' | ·', ''],
		['one cell under k', [4], 5, '· | ·', 's'],
		['one cell at k', [5], 5, '5 | 5', '-'],
		['k = 3', [2, 3, 4, 40], 3, '· · 4 40 | 49', 's c - -'],
		['k = 20', [19, 20, 21, 100], 20, '· · 21 100 | 160', 's c - -'],
		['k = 20, all small', [19, 19, 19], 20, '· · · | 57', 's s s']
	])('%s: %j with k = %i', (_, counts, k, donors, reasons) => {
		const cells = cellsOf(counts);
		expect(sketch(suppressOneWay(cells, k))).toBe(donors);
		const team = suppressOneWay(cells, k, { audience: 'team' });
		expect(team.cells.map((c) => (c.flagged ? c.reason[0] : '-')).join(' ')).toBe(reasons);
		// Managers keep every number.
		expect(team.cells.map((c) => c.n)).toEqual(counts);
		expect(team.total.n).toBe(counts.reduce((a, b) => a + b, 0));
		expect(team.total.flagged).toBe(donors.endsWith('| ·'));
	});

	it('hides the figure of a hidden cell and keeps the figures of shown ones', () => {
		const published = suppressOneWay(
			[
				{ key: 'women', n: 40, value: 72.5 },
				{ key: 'men', n: 3, value: 33.3 },
				{ key: 'other', n: 12, value: 50 }
			],
			5,
			{ totalValue: 65.45 }
		);
		expect(published).toEqual({
			cells: [
				{ key: 'women', shown: true, n: 40, value: 72.5 },
				{ key: 'men', shown: false },
				{ key: 'other', shown: false }
			],
			total: { shown: true, n: 55, value: 65.45 }
		});
		expect(JSON.stringify(published)).not.toMatch(/33\.3|"n":3\b|"n":12\b/);
	});

	it('hides the total figure with the total', () => {
		const published = suppressOneWay(cellsOf([1, 1]), 5, { totalValue: 50 });
		expect(published.total).toEqual({ shown: false });
		const team = suppressOneWay(cellsOf([1, 1]), 5, { audience: 'team', totalValue: 50 });
		expect(team.total).toEqual({ n: 2, value: 50, flagged: true });
	});

	it('copies only its own fields, whatever else the caller attached', () => {
		const cells = [
			{ key: 'a', n: 2, respondentIds: ['r1', 'r2'] },
			{ key: 'b', n: 30, label: 'Site B' }
		];
		const donor = JSON.stringify(suppressOneWay(cells, 5));
		const team = JSON.stringify(suppressOneWay(cells, 5, { audience: 'team' }));
		for (const out of [donor, team]) expect(out).not.toMatch(/respondentIds|r1|label|Site B/);
	});

	it.each([
		['a negative count', [{ key: 'a', n: -1 }]],
		['a fractional count', [{ key: 'a', n: 2.5 }]],
		['a count that is not a number', [{ key: 'a', n: Number.NaN }]],
		[
			'two cells with one key',
			[
				{ key: 'a', n: 10 },
				{ key: 'a', n: 10 }
			]
		]
	])('refuses %s', (_, cells) => {
		expect(() => suppressOneWay(cells, 5)).toThrow();
	});
});

describe('suppressOneWay: properties', () => {
	it('never shows a count under k, to donors, in a cell or the total', () => {
		fc.assert(
			fc.property(cellsArb, kArb, (cells, k) => {
				const published = suppressOneWay(cells, k);
				for (const c of published.cells) if (c.shown) expect(c.n).toBeGreaterThanOrEqual(k);
				if (published.total.shown) expect(published.total.n).toBeGreaterThanOrEqual(k);
			})
		);
	});

	it('never leaves one hidden cell beside a shown total (it would be the difference)', () => {
		fc.assert(
			fc.property(cellsArb, kArb, (cells, k) => {
				const published = suppressOneWay(cells, k);
				const hidden = published.cells.filter((c) => !c.shown).length;
				if (published.total.shown) expect(hidden).not.toBe(1);
			})
		);
	});

	it('shows cells with their exact count and figure, and managers get every number', () => {
		fc.assert(
			fc.property(cellsArb, kArb, (cells, k) => {
				const published = suppressOneWay(cells, k);
				const team = suppressOneWay(cells, k, { audience: 'team' });
				cells.forEach((input, i) => {
					const donor = published.cells[i]!;
					const manager = team.cells[i]!;
					expect(donor.key).toBe(input.key);
					expect(manager).toMatchObject({ key: input.key, n: input.n });
					expect(manager.value).toBe(input.value);
					// Flagged for managers exactly where hidden from donors; "small" exactly under k.
					expect(manager.flagged).toBe(!donor.shown);
					if (manager.flagged) expect(manager.reason).toBe(input.n < k ? 'small' : 'complementary');
					if (donor.shown) {
						expect(donor.n).toBe(input.n);
						expect(donor.value).toBe(input.value);
					}
				});
				expect(team.total.flagged).toBe(!published.total.shown);
			})
		);
	});

	it('puts no hidden number anywhere in what donors receive', () => {
		fc.assert(
			fc.property(cellsArb, kArb, valueArb, (cells, k, totalValue) => {
				const published = suppressOneWay(cells, k, { totalValue });
				const { fields, numbers } = walk(published);
				expect(
					[...fields].every((f) => ['cells', 'total', 'key', 'shown', 'n', 'value'].includes(f))
				).toBe(true);
				const expected: number[] = [];
				published.cells.forEach((c, i) => {
					if (!c.shown) {
						expect(Object.keys(c).sort()).toEqual(['key', 'shown']);
						return;
					}
					expected.push(cells[i]!.n);
					if (cells[i]!.value != null) expected.push(cells[i]!.value!);
				});
				if (published.total.shown) {
					expected.push(published.total.n);
					if (totalValue != null) expected.push(totalValue);
				} else expect(published.total).toEqual({ shown: false });
				expect(numbers).toEqual(expected.map((x) => JSON.parse(JSON.stringify(x))));
			})
		);
	});

	it('publishes the same whatever the hidden cells’ figures are', () => {
		fc.assert(
			fc.property(cellsArb, kArb, fc.double({ noNaN: true }), (cells, k, other) => {
				const published = suppressOneWay(cells, k);
				const changed = cells.map((c, i) =>
					published.cells[i]!.shown ? c : { ...c, value: other }
				);
				expect(suppressOneWay(changed, k)).toEqual(published);
			})
		);
	});

	it('is idempotent: re-applying the rules to what donors see finds nothing more to hide', () => {
		fc.assert(
			fc.property(cellsArb, kArb, (cells, k) => {
				expect(auditOneWay(suppressOneWay(cells, k), k)).toBeNull();
			})
		);
	});

	it('does not depend on the order of the cells', () => {
		fc.assert(
			fc.property(
				cellsArb.chain((cells) =>
					fc.tuple(
						fc.constant(cells),
						fc.shuffledSubarray(cells, { minLength: cells.length, maxLength: cells.length })
					)
				),
				kArb,
				([cells, shuffled], k) => {
					const byKey = (p: DonorOneWay) =>
						Object.fromEntries(p.cells.map((c) => [c.key, c.shown ? c.n : null]));
					const a = suppressOneWay(cells, k);
					const b = suppressOneWay(shuffled, k);
					expect(byKey(b)).toEqual(byKey(a));
					expect(b.total).toEqual(a.total);
				}
			)
		);
	});
});

/**
 * Every table of `length` cells with a total of at most `maxTotal`. A reader who sees one donor
 * view and knows k and the rules can only narrow the table down to the tables in this set that
 * publish the same view: with a shown total they all have that total (so are in the set), and
 * with a hidden total every cell is under k (so are in the set too). The search is exact.
 */
function* tables(length: number, maxTotal: number): Generator<number[]> {
	if (length === 0) {
		yield [];
		return;
	}
	for (let x = 0; x <= maxTotal; x++)
		for (const rest of tables(length - 1, maxTotal - x)) yield [x, ...rest];
}

/** Tables in which some hidden cell has only one value among all tables publishing the same. */
function recoverable(
	publish: (counts: number[]) => DonorOneWay,
	length: number,
	maxTotal: number
): { table: number[]; cell: number }[] {
	const readings = new Map<string, number[][]>();
	for (const table of tables(length, maxTotal)) {
		const seen = JSON.stringify(publish(table));
		const same = readings.get(seen) ?? [];
		same.push(table);
		readings.set(seen, same);
	}
	const found: { table: number[]; cell: number }[] = [];
	for (const [seen, same] of readings) {
		(JSON.parse(seen) as DonorOneWay).cells.forEach((c, cell) => {
			if (!c.shown && new Set(same.map((t) => t[cell])).size === 1)
				found.push({ table: same[0]!, cell });
		});
	}
	return found;
}

/** The rule as often first written: primary, then one more cell when exactly one is hidden. */
function textbook(counts: number[], k: number): DonorOneWay {
	const hidden = counts.map((n) => n < k);
	const total = counts.reduce((a, b) => a + b, 0);
	if (total >= k && hidden.filter(Boolean).length === 1) {
		const smallest = Math.min(...counts.filter((_, i) => !hidden[i]));
		counts.forEach((n, i) => (hidden[i] ||= n === smallest));
	}
	return {
		cells: counts.map((n, i) =>
			hidden[i] ? { key: `g${i}`, shown: false } : { key: `g${i}`, shown: true, n }
		),
		total: total < k ? { shown: false } : { shown: true, n: total }
	};
}

describe('suppressOneWay: no hidden count can be worked out (every small table)', () => {
	// Tables of up to 6 cells, totals large enough for several rounds of suppression at each k.
	const sizes: [length: number, maxTotal: number][] = [
		[1, 40],
		[2, 40],
		[3, 30],
		[4, 22],
		[5, 16],
		[6, 13]
	];
	it.each([3, 4, 5, 6])('k = %i', (k) => {
		for (const [length, maxTotal] of sizes)
			expect(recoverable((t) => suppressOneWay(cellsOf(t), k), length, maxTotal)).toEqual([]);
	});

	it('the search finds what a simpler rule gives away', () => {
		// Without the checks for hidden sums of 0 and of k − 1 per cell, readers recover cells.
		const found = recoverable((t) => textbook(t, 5), 4, 22);
		expect(found).toContainEqual({ table: [0, 0, 5, 5], cell: 0 });
		expect(found.some(({ table }) => table.filter((n) => n === 4).length === 2)).toBe(true);
		// And without any complementary cell, a lone hidden cell is the difference.
		const primaryOnly = (t: number[]): DonorOneWay => ({
			...textbook(t, 5),
			cells: t.map((n, i) =>
				n < 5 ? { key: `g${i}`, shown: false } : { key: `g${i}`, shown: true, n }
			)
		});
		expect(recoverable(primaryOnly, 2, 20)).toContainEqual({ table: [0, 5], cell: 0 });
	});
});

describe('auditOneWay', () => {
	it.each([
		['a safe table', suppressOneWay(cellsOf([3, 4, 20]), 5), null],
		[
			'a shown count under k',
			{ cells: [{ key: 'a', shown: true, n: 4 }], total: { shown: true, n: 4 } },
			'smallShown'
		],
		[
			'one hidden cell beside a total',
			{
				cells: [
					{ key: 'a', shown: false },
					{ key: 'b', shown: true, n: 9 }
				],
				total: { shown: true, n: 11 }
			},
			'recoverable'
		],
		[
			'hidden cells adding to 0',
			{
				cells: [
					{ key: 'a', shown: false },
					{ key: 'b', shown: false },
					{ key: 'c', shown: true, n: 9 }
				],
				total: { shown: true, n: 9 }
			},
			'recoverable'
		],
		[
			'a total under k',
			{
				cells: [
					{ key: 'a', shown: false },
					{ key: 'b', shown: false }
				],
				total: { shown: true, n: 3 }
			},
			'smallTotal'
		],
		[
			'no total to subtract from',
			{
				cells: [
					{ key: 'a', shown: false },
					{ key: 'b', shown: true, n: 9 }
				],
				total: { shown: false }
			},
			null
		]
	] satisfies [string, DonorOneWay, string | null][])('%s', (_, published, problem) => {
		expect(auditOneWay(published, 5)).toBe(problem);
	});
});

describe('suppressFigure', () => {
	it.each([
		[{ value: 72.5, n: 40, excluded: 3 }, 5, { shown: true, value: 72.5, n: 40, excluded: 3 }],
		[{ value: 60, n: 5, excluded: 0 }, 5, { shown: true, value: 60, n: 5, excluded: 0 }],
		[{ value: 75, n: 4, excluded: 9 }, 5, { shown: false }],
		[{ value: null, n: 0, excluded: 12 }, 5, { shown: false }],
		[{ value: 50, n: 2, excluded: 0 }, 3, { shown: false }],
		[{ value: 50, n: 3, excluded: 0 }, 3, { shown: true, value: 50, n: 3, excluded: 0 }],
		[{ value: 50, n: 19, excluded: 0 }, 20, { shown: false }],
		[{ value: 50, n: 20, excluded: 1 }, 20, { shown: true, value: 50, n: 20, excluded: 1 }]
	])('%j with k = %i → %j for donors', (figure, k, donors) => {
		expect(suppressFigure(figure, k)).toEqual(donors);
		expect(suppressFigure(figure, k, 'team')).toEqual({ ...figure, flagged: !donors.shown });
	});

	it('gives donors nothing but "not shown" for a figure from fewer than k', () => {
		fc.assert(
			fc.property(kArb, fc.double({ noNaN: true }), fc.nat(100), (k, value, excluded) => {
				for (let n = 0; n < k; n++)
					expect(JSON.stringify(suppressFigure({ value, n, excluded }, k))).toBe('{"shown":false}');
			})
		);
	});
});
