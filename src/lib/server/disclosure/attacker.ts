import type { Period } from '../../programmes/model';
import type { CountsView, FigureView, IndicatorView } from '../indicators/present';
import { feasibleRanges, type LinearRow } from './lp';
import { rangeWidth } from './protect';

/**
 * An attacker who reads only what a donor receives — the dashboard of every period and to date,
 * the responses counted — and knows how such tables are made (each breakdown adds up to its
 * period, the periods to the programme to date, a percentage is hits over n, an answer on a
 * 0–10 scale lies within 0 and 10). It builds its own linear program from the published figures,
 * independently of the release model that chose them, and asks HiGHS for the smallest and largest
 * value of every hidden count. Used by the tests (random programmes, the demo on PGlite and
 * PostgreSQL) and the benchmark: a release is safe when no hidden count is narrower than k.
 */

export interface PublicKnowledge {
	/** Released periods, in order. */
	periods: readonly Period[];
	/** Per indicator id: the scale of a mean, when its answers are bounded. */
	scales: Record<string, { min: number; max: number } | undefined>;
	/** Per indicator id: its surveys (indicators over the same surveys share their respondents). */
	surveys: Record<string, readonly string[]>;
	/** Per indicator id: whether it counts every response (its n is the responses themselves). */
	countsResponses: Record<string, boolean>;
}

export interface DonorRelease {
	/** The donor's indicators to date and, per released period, with that period's breakdowns. */
	byScope: Record<string, IndicatorView[]>;
	counts: { channel: CountsView; language: CountsView } | null;
}

export interface Recovered {
	/** What the figure is, in words for a failing test. */
	figure: string;
	min: number;
	max: number;
}

class Program {
	size = 0;
	readonly rows: LinearRow[] = [];
	readonly targets: { figure: string; atoms: number[] }[] = [];
	unknown(): number {
		return this.size++;
	}
	equal(atoms: number[], value: number): void {
		if (atoms.length) this.rows.push({ atoms, lo: value, hi: value });
	}
	between(atoms: number[], coefs: number[], lo: number, hi: number): void {
		if (atoms.length) this.rows.push({ atoms, coefs, lo, hi });
	}
}

const isPercent = (i: IndicatorView) => i.kind === 'percentInSet' || i.kind === 'percentSelecting';

/** What a shown figure tells: its count, and (percentage or bounded mean) its numerator. */
function learn(
	program: Program,
	figure: FigureView,
	counts: number[],
	numerators: number[] | null,
	scale: number,
	name: string
): void {
	if (!figure.shown) {
		program.targets.push({ figure: name, atoms: counts });
		return;
	}
	if (figure.n === null) return;
	program.equal(counts, figure.n);
	if (numerators && figure.value !== null && figure.n > 0) {
		// Values are published rounded: a percentage to 0.1, a mean to 0.01.
		const half = scale === 100 ? 0.05 : 0.005;
		program.between(
			numerators,
			numerators.map(() => 1),
			(figure.n * (figure.value - half)) / scale - 1e-6,
			(figure.n * (figure.value + half)) / scale + 1e-6
		);
	}
}

/** Every hidden count a donor could pin down to fewer than k whole people. */
export async function recoverable(
	release: DonorRelease,
	known: PublicKnowledge,
	k: number
): Promise<Recovered[]> {
	const program = new Program();
	const { periods } = known;
	const toDate = release.byScope.all ?? [];
	// Responses per survey and period, which every indicator's people are part of.
	const responses = new Map<string, number[]>();
	const responsesOf = (surveys: readonly string[], p: number) =>
		surveys.map((s) => {
			if (!responses.has(s))
				responses.set(
					s,
					periods.map(() => program.unknown())
				);
			return responses.get(s)![p]!;
		});

	for (const indicator of toDate) {
		const id = indicator.id;
		const manual = indicator.source === 'manual';
		const scale = known.scales[id];
		const measured = !manual && (isPercent(indicator) || (indicator.kind === 'mean' && !!scale));
		const unit = isPercent(indicator) ? 100 : 1;
		const numerator = new Map<number, number>();
		const count = () => {
			const a = program.unknown();
			if (measured) {
				const h = program.unknown();
				numerator.set(a, h);
				if (isPercent(indicator)) program.between([h, a], [1, -1], -Infinity, 0);
				else {
					program.between([h, a], [1, -scale!.min], 0, Infinity);
					program.between([h, a], [1, -scale!.max], -Infinity, 0);
				}
			}
			return a;
		};
		const nums = (atoms: number[]) => (measured ? atoms.map((a) => numerator.get(a)!) : null);
		const same = (a: number[], b: number[]) => {
			program.between([...a, ...b], [...a.map(() => 1), ...b.map(() => -1)], 0, 0);
			if (measured)
				program.between([...nums(a)!, ...nums(b)!], [...a.map(() => 1), ...b.map(() => -1)], 0, 0);
		};
		const totals = periods.map(() => count());
		const name = (what: string) => `${indicator.code} ${what}`;

		indicator.trend.forEach((point, p) => {
			const figure = point.figure;
			// A manual figure with no number of people is not a count.
			if (manual && figure.shown && figure.n === null) {
				if (indicator.kind === 'count' && figure.value !== null)
					program.equal([totals[p]!], figure.value);
				return;
			}
			learn(
				program,
				manual ? asCount(figure) : figure,
				[totals[p]!],
				nums([totals[p]!]),
				unit,
				name(point.key)
			);
		});
		if (!manual || indicator.kind === 'count')
			learn(
				program,
				manual ? asCount(indicator.overall) : indicator.overall,
				totals,
				nums(totals),
				unit,
				name('to date')
			);
		if (manual) continue;

		// Breakdowns: a per-period cell per group, tied to the period; to date, their sums.
		const cellsOf = new Map<string, Map<string, number[]>>();
		for (const breakdown of indicator.breakdowns) {
			const perKey = new Map<string, number[]>();
			for (const cell of breakdown.cells)
				perKey.set(
					cell.key,
					periods.map(() => count())
				);
			cellsOf.set(breakdown.dimension, perKey);
			periods.forEach((_, p) =>
				same(
					[...perKey.values()].map((atoms) => atoms[p]!),
					[totals[p]!]
				)
			);
			for (const cell of breakdown.cells) {
				const atoms = perKey.get(cell.key)!;
				learn(
					program,
					cell.figure,
					atoms,
					nums(atoms),
					unit,
					name(`${breakdown.dimension}=${cell.key}`)
				);
			}
			periods.forEach((period, p) => {
				// Only what the page says is of that period (a page may answer with another scope).
				const view = release.byScope[period.key]?.find((i) => i.id === id);
				const scoped =
					view?.scope === period.key
						? view.breakdowns.find((b) => b.dimension === breakdown.dimension)
						: undefined;
				for (const cell of scoped?.cells ?? []) {
					const atom = perKey.get(cell.key)?.[p];
					if (atom === undefined) continue;
					learn(
						program,
						cell.figure,
						[atom],
						nums([atom]),
						unit,
						name(`${period.key} ${breakdown.dimension}=${cell.key}`)
					);
				}
			});
		}

		// A shown two-way table: per period, a cell per row and column, whose margins are the two
		// breakdowns of the period.
		const table = indicator.crossed?.table;
		if (indicator.crossed && table && 'shown' in table && table.shown) {
			const rowsOf = cellsOf.get(indicator.crossed.rows);
			const columnsOf = cellsOf.get(indicator.crossed.columns);
			if (rowsOf && columnsOf) {
				const grid = periods.map(() => table.rows.map(() => table.columns.map(() => count())));
				periods.forEach((_, p) => {
					table.rows.forEach((r, ri) => same(grid[p]![ri]!, [rowsOf.get(r)![p]!]));
					table.columns.forEach((c, ci) =>
						same(
							grid[p]!.map((row) => row[ci]!),
							[columnsOf.get(c)![p]!]
						)
					);
				});
				table.rows.forEach((_, ri) =>
					table.columns.forEach((_, ci) => {
						const atoms = grid.map((g) => g[ri]![ci]!);
						const cell = table.cells[ri]![ci]!;
						learn(
							program,
							{ shown: true, value: cell.value ?? null, n: cell.n },
							atoms,
							nums(atoms),
							unit,
							name('crossed')
						);
					})
				);
			}
		}

		// The people counted are among the responses; a plain count is the responses themselves;
		// "left out" beside the programme to date is the rest of them.
		const surveys = known.surveys[id] ?? [];
		periods.forEach((_, p) => {
			const answered = responsesOf(surveys, p);
			if (known.countsResponses[id]) same([totals[p]!], answered);
			else program.between([totals[p]!, ...answered], [1, ...answered.map(() => -1)], -Infinity, 0);
		});
		const overall = indicator.overall;
		if (overall.shown && overall.excluded !== undefined && overall.n !== null) {
			const all = periods.flatMap((_, p) => responsesOf(surveys, p));
			const hi = indicator.kind === 'count' ? Infinity : overall.excluded;
			program.between(
				[...all, ...totals],
				[...all.map(() => 1), ...totals.map(() => -1)],
				overall.excluded,
				hi
			);
		}
	}

	// Responses counted by channel and by language, to date, over every survey read.
	if (release.counts) {
		const everything = [...responses.values()].flat();
		for (const table of [release.counts.channel, release.counts.language]) {
			const cells = table.cells.map(() => program.unknown());
			program.between(
				[...cells, ...everything],
				[...cells.map(() => 1), ...everything.map(() => -1)],
				0,
				0
			);
			table.cells.forEach((cell, i) =>
				learn(program, cell.figure, [cells[i]!], null, 1, `responses ${cell.key}`)
			);
			learn(program, table.total, cells, null, 1, 'responses in all');
		}
	}

	const ranges = await feasibleRanges(
		{ size: program.size, rows: program.rows },
		program.targets.map((t) => ({ atoms: t.atoms }))
	);
	return program.targets.flatMap((t, i) => {
		const { min, max } = ranges[i]!;
		return rangeWidth(min, max) < k ? [{ figure: t.figure, min, max }] : [];
	});
}

/** A manual count's value is the count its periods add up by. */
function asCount(figure: FigureView): FigureView {
	if (!figure.shown) return figure;
	return { shown: true, value: null, n: figure.value };
}
