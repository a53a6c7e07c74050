import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SnapshotFigure } from '../../evaluations/model';
import { auditOneWay, MAX_K, MIN_K, type DonorOneWay } from '../indicators/suppression';
import { feedbackInstrument } from './coding-fixtures';
import {
	dimensionsOf,
	flagThemeFigures,
	NOT_STATED,
	orderCells,
	suppressThemeFigures,
	type ThemeFigures
} from './theme-counts';

/** Theme figures from a table of counts: one theme per row, one cell per column. */
function figures(table: number[][], dimension: string | null = 'language'): ThemeFigures {
	const keys = (table[0] ?? []).map((_, j) => `c${j}`);
	return {
		dimension,
		dimensionLabel: dimension && 'Language',
		cellLabels: dimension ? Object.fromEntries(keys.map((k) => [k, `Cell ${k}`])) : {},
		coded: table.reduce((a, row) => a + row.reduce((x, y) => x + y, 0), 0),
		themes: table.map((row, i) => ({
			id: `t${i}`,
			name: `Theme ${i}`,
			count: row.reduce((a, b) => a + b, 0),
			cells: Object.fromEntries(row.map((n, j) => [`c${j}`, n]))
		}))
	};
}

const shown = (f: SnapshotFigure) => (f.shown ? f.value : null);

describe('suppressThemeFigures', () => {
	it('hides theme counts and the coded total under k, and shows the rest as value = n = count', () => {
		const f: ThemeFigures = {
			dimension: null,
			dimensionLabel: null,
			cellLabels: {},
			coded: 4,
			themes: [
				{ id: 'a', name: 'Waiting', count: 4, cells: {} },
				{ id: 'b', name: 'Stigma', count: 0, cells: {} }
			]
		};
		const out = suppressThemeFigures(f, 5);
		expect(out.coded).toEqual({ shown: false });
		expect(out.themes.map((t) => t.figure)).toEqual([{ shown: false }, { shown: false }]);
		const big = suppressThemeFigures(
			{ ...f, coded: 12, themes: [{ ...f.themes[0]!, count: 5 }] },
			5
		);
		expect(big.coded).toEqual({ shown: true, value: 12, n: 12 });
		expect(big.themes[0]).toEqual({
			id: 'a',
			name: 'Waiting',
			figure: { shown: true, value: 5, n: 5 },
			cells: []
		});
	});

	it('hides a small cell and the next smallest so the total cannot give it away', () => {
		const out = suppressThemeFigures(figures([[20, 3, 7, 9]]), 5);
		const theme = out.themes[0]!;
		expect(theme.figure).toEqual({ shown: true, value: 39, n: 39 });
		expect(theme.cells.map((c) => shown(c.figure))).toEqual([20, null, null, 9]);
		expect(theme.cells.map((c) => c.label)).toEqual(['Cell c0', 'Cell c1', 'Cell c2', 'Cell c3']);
	});

	it('keeps every cell when all pass, and hides all of a theme whose total is under k', () => {
		const out = suppressThemeFigures(
			figures([
				[5, 6, 7],
				[1, 1, 2]
			]),
			5
		);
		expect(out.themes[0]!.cells.map((c) => shown(c.figure))).toEqual([5, 6, 7]);
		expect(out.themes[1]!.figure).toEqual({ shown: false });
		expect(out.themes[1]!.cells.every((c) => !c.figure.shown)).toBe(true);
	});

	it('carries no number of a hidden figure anywhere in its JSON', () => {
		const out = suppressThemeFigures(figures([[13, 2, 11]]), 5);
		const hidden = out.themes[0]!.cells.filter((c) => !c.figure.shown);
		expect(hidden.map((c) => c.key)).toEqual(['c1', 'c2']);
		expect(hidden.map((c) => Object.keys(c.figure))).toEqual([['shown'], ['shown']]);
		expect(JSON.stringify(out)).not.toMatch(/:(2|11)[,}]/);
	});

	it('rejects an invalid k rather than publishing unchecked figures', () => {
		expect(() => suppressThemeFigures(figures([[10]]), 2)).toThrow(RangeError);
		expect(() => suppressThemeFigures(figures([[10]]), 21)).toThrow(RangeError);
	});

	it('property: no hidden cell can be recovered from the theme total minus the shown cells', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: MIN_K, max: MAX_K }),
				fc.integer({ min: 1, max: 6 }).chain((width) =>
					fc.array(fc.array(fc.nat({ max: 40 }), { minLength: width, maxLength: width }), {
						minLength: 1,
						maxLength: 5
					})
				),
				(k, table) => {
					const out = suppressThemeFigures(figures(table), k);
					out.themes.forEach((theme, i) => {
						const counts = table[i]!;
						const total = counts.reduce((a, b) => a + b, 0);
						// What a reader sees, in the form the primitive's own audit reads.
						const view: DonorOneWay = {
							cells: theme.cells.map((c) =>
								c.figure.shown
									? { key: c.key, shown: true, n: c.figure.n! }
									: { key: c.key, shown: false }
							),
							total: theme.figure.shown ? { shown: true, n: theme.figure.n! } : { shown: false }
						};
						expect(auditOneWay(view, k)).toBeNull();
						// Shown figures are the true counts, and none is under k.
						theme.cells.forEach((c, j) => {
							if (c.figure.shown) {
								expect(c.figure.n).toBe(counts[j]);
								expect(c.figure.n).toBeGreaterThanOrEqual(k);
							}
						});
						expect(theme.figure.shown).toBe(total >= k);
						// The direct attack: with one hidden cell, total − shown would be it.
						const hidden = theme.cells.filter((c) => !c.figure.shown);
						if (theme.figure.shown) expect(hidden.length === 1).toBe(false);
					});
				}
			),
			{ numRuns: 500 }
		);
	});
});

describe('orderCells', () => {
	it('puts known cells in their order, then unknown values, then "not stated" last', () => {
		expect(
			orderCells({ female: 'F', male: 'M', other: 'O' }, [NOT_STATED, 'zz', 'male', 'female', 'aa'])
		).toEqual(['female', 'male', 'other', 'aa', 'zz', NOT_STATED]);
	});

	it('keeps a known cell nobody falls in: a missing column would say "nobody"', () => {
		expect(orderCells({ web: 'Web', sms: 'SMS' }, ['sms'])).toEqual(['web', 'sms']);
	});
});

describe('dimensionsOf', () => {
	it('offers language, channel and single-select questions, labelled in the UI language', () => {
		const older = feedbackInstrument();
		const newer = feedbackInstrument({ extraChoice: true });
		const dims = dimensionsOf([newer, older], 'fr');
		expect(dims.map((d) => d.key)).toEqual(['language', 'channel', 'sex']);
		expect(dims[0]!.cells).toEqual({ en: 'English', ar: 'العربية', fr: 'Français' });
		expect(Object.keys(dims[1]!.cells)).toEqual(['web', 'sms']);
		expect(dims[1]!.cells.web).toBe('Lien web');
		expect(dims[0]!.label).not.toBe('');
		expect(dims[2]).toEqual({
			key: 'sex',
			label: 'Sexe',
			// French where the survey has it, the default language otherwise.
			cells: { female: 'Femme', male: 'Homme', other: 'Other' }
		});
	});

	it('never offers open-text or numeric questions as breakdowns', () => {
		const keys = dimensionsOf([feedbackInstrument()], 'en').map((d) => d.key);
		expect(keys).not.toContain('problems');
		expect(keys).not.toContain('age');
	});
});

describe('flagThemeFigures', () => {
	it('keeps every number for the team and flags exactly what donors would not see', () => {
		const f = figures([
			[20, 3, 7, 9],
			[1, 1, 0, 0]
		]);
		const team = flagThemeFigures(f, 5);
		expect(team.themes[0]!.cells).toEqual([
			{ n: 20, flag: null },
			{ n: 3, flag: 'small' },
			{ n: 7, flag: 'complementary' },
			{ n: 9, flag: null }
		]);
		expect(team.themes[0]!.count).toEqual({ n: 39, flag: null });
		expect(team.themes[1]!.count).toEqual({ n: 2, flag: 'small' });
		const donor = suppressThemeFigures(f, 5);
		team.themes.forEach((t, i) =>
			t.cells.forEach((c, j) =>
				expect(c.flag === null).toBe(donor.themes[i]!.cells[j]!.figure.shown)
			)
		);
		const plain = flagThemeFigures(figures([[4]], null), 5);
		expect(plain.themes[0]).toMatchObject({ count: { n: 4, flag: 'small' }, cells: [] });
	});
});
