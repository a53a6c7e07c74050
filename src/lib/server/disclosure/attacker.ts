import type { Period } from '../../programmes/model';
import type { CountsView, FigureView, IndicatorView } from '../indicators/present';
import { feasibleRanges, type LinearRow } from './lp';
import { rangeWidth } from './protect';

/**
 * An attacker who reads only what a donor receives — the dashboard of every period and to date,
 * the responses counted, and every earlier release they kept (one per closed period) — and knows
 * how such tables are made: each breakdown adds up to its period, the periods to the programme
 * to date, a percentage is hits over n, an answer on a 0–10 scale lies within 0 and 10. It builds
 * its own linear program from the published figures, independently of the release model that
 * chose them, and asks HiGHS for the smallest and largest value of every hidden count. Used by
 * the tests (random programmes, the demo on PGlite and PostgreSQL, the donor's HTTP view) and the
 * benchmark: a release is safe when no hidden count is narrower than k.
 */

export interface PublicKnowledge {
	/** Per indicator id: the scale of a mean, when its answers are bounded. */
	scales: Record<string, { min: number; max: number } | undefined>;
	/** Per indicator id: its surveys (indicators over the same surveys share their respondents). */
	surveys: Record<string, readonly string[]>;
	/** Per indicator id: whether it counts every response (its n is the responses themselves). */
	countsResponses: Record<string, boolean>;
}

export interface DonorRelease {
	/** Its periods: an earlier release has the first of the latest one's. */
	periods: readonly Period[];
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
	readonly targets: { figure: string; atoms: number[]; earlier: boolean }[] = [];
	/** Whether the figures being read are of an earlier release. */
	earlier = false;
	/**
	 * Figures some release showed: a per-period figure one release hid to protect another and a
	 * later one shows is public, not a hidden count (the same figure in every release).
	 */
	readonly shown = new Set<string>();
	unknown(): number {
		return this.size++;
	}
	equal(atoms: number[], value: number): void {
		if (atoms.length) this.rows.push({ atoms, lo: value, hi: value });
	}
	between(atoms: number[], coefs: number[], lo: number, hi: number): void {
		if (atoms.length) this.rows.push({ atoms, coefs, lo, hi });
	}
	same(a: number[], b: number[]): void {
		this.between([...a, ...b], [...a.map(() => 1), ...b.map(() => -1)], 0, 0);
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
		program.targets.push({ figure: name, atoms: counts, earlier: program.earlier });
		return;
	}
	program.shown.add(name);
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

/** A manual count's value is the count its periods add up by. */
function asCount(figure: FigureView): FigureView {
	if (!figure.shown) return figure;
	return { shown: true, value: null, n: figure.value };
}

/** The unknowns of one indicator over every period, and what each release tells of them. */
class IndicatorUnknowns {
	readonly totals: number[];
	readonly cells = new Map<string, Map<string, number[]>>();
	grid: number[][][] | null = null;
	private readonly numerator = new Map<number, number>();
	private readonly measured: boolean;
	readonly unit: number;

	constructor(
		private readonly program: Program,
		readonly indicator: IndicatorView,
		private readonly scale: { min: number; max: number } | undefined,
		readonly periods: number
	) {
		this.measured =
			indicator.source !== 'manual' &&
			(isPercent(indicator) || (indicator.kind === 'mean' && !!scale));
		this.unit = isPercent(indicator) ? 100 : 1;
		this.totals = this.many();
		for (const breakdown of indicator.breakdowns) {
			const perKey = new Map<string, number[]>();
			for (const cell of breakdown.cells) perKey.set(cell.key, this.many());
			this.cells.set(breakdown.dimension, perKey);
			for (let p = 0; p < periods; p++)
				this.same(
					[...perKey.values()].map((atoms) => atoms[p]!),
					[this.totals[p]!]
				);
		}
	}

	private count(): number {
		const a = this.program.unknown();
		if (this.measured) {
			const h = this.program.unknown();
			this.numerator.set(a, h);
			if (isPercent(this.indicator)) this.program.between([h, a], [1, -1], -Infinity, 0);
			else {
				this.program.between([h, a], [1, -this.scale!.min], 0, Infinity);
				this.program.between([h, a], [1, -this.scale!.max], -Infinity, 0);
			}
		}
		return a;
	}

	private many(): number[] {
		return Array.from({ length: this.periods }, () => this.count());
	}

	nums(atoms: number[]): number[] | null {
		return this.measured ? atoms.map((a) => this.numerator.get(a)!) : null;
	}

	same(a: number[], b: number[]): void {
		this.program.same(a, b);
		const [x, y] = [this.nums(a), this.nums(b)];
		if (x && y) this.program.same(x, y);
	}

	/** Per period, a cell per row and column of a two-way table, tied to its two breakdowns. */
	crossed(rowsDim: string, columnsDim: string, rows: string[], columns: string[]): number[][][] {
		if (this.grid) return this.grid;
		const rowsOf = this.cells.get(rowsDim)!;
		const columnsOf = this.cells.get(columnsDim)!;
		this.grid = Array.from({ length: this.periods }, (_, p) => {
			const grid = rows.map(() => columns.map(() => this.count()));
			rows.forEach((r, ri) => this.same(grid[ri]!, [rowsOf.get(r)![p]!]));
			columns.forEach((c, ci) =>
				this.same(
					grid.map((row) => row[ci]!),
					[columnsOf.get(c)![p]!]
				)
			);
			return grid;
		});
		return this.grid;
	}
}

/** Every hidden count a donor could pin down to fewer than k whole people, from all releases. */
export async function recoverable(
	given: DonorRelease | DonorRelease[],
	known: PublicKnowledge,
	k: number
): Promise<Recovered[]> {
	const releases = Array.isArray(given) ? given : [given];
	const latest = releases.reduce((a, r) => (r.periods.length > a.periods.length ? r : a));
	const periods = latest.periods.length;
	const program = new Program();
	// Responses per survey and period, which every indicator's people are part of.
	const responses = new Map<string, number[]>();
	const responsesOf = (surveys: readonly string[], p: number) =>
		surveys.map((s) => {
			if (!responses.has(s))
				responses.set(
					s,
					Array.from({ length: periods }, () => program.unknown())
				);
			return responses.get(s)![p]!;
		});
	const unknowns = new Map(
		(latest.byScope.all ?? []).map((indicator) => [
			indicator.id,
			new IndicatorUnknowns(program, indicator, known.scales[indicator.id], periods)
		])
	);
	for (const u of unknowns.values()) {
		if (u.indicator.source === 'manual') continue;
		const surveys = known.surveys[u.indicator.id] ?? [];
		for (let p = 0; p < periods; p++) {
			// The people counted are among the responses; a plain count is the responses themselves.
			const answered = responsesOf(surveys, p);
			if (known.countsResponses[u.indicator.id]) program.same([u.totals[p]!], answered);
			else
				program.between([u.totals[p]!, ...answered], [1, ...answered.map(() => -1)], -Infinity, 0);
		}
	}
	// Responses by channel and by language, per period, adding up to the period's responses.
	const countAtoms = new Map<string, Map<string, number[]>>();
	const everyResponse = (p: number) => [...responses.values()].map((atoms) => atoms[p]!);

	for (const release of releases) {
		const j = release.periods.length;
		const when = release === latest ? '' : ` (release to ${release.periods.at(-1)?.key})`;
		program.earlier = release !== latest;
		const upTo = (atoms: number[]) => atoms.slice(0, j);
		for (const indicator of release.byScope.all ?? []) {
			const u = unknowns.get(indicator.id);
			if (!u) continue;
			const manual = indicator.source === 'manual';
			// Per-period figures are the same in every release; to-date ones are of its periods.
			const name = (what: string) => `${indicator.code} ${what}`;
			const dated = (what: string) => `${indicator.code} ${what}${when}`;
			indicator.trend.forEach((point, p) => {
				if (p >= j) return;
				const figure = point.figure;
				// A manual figure with no number of people is not a count, but its value is a fact.
				if (manual && figure.shown && figure.n === null) {
					if (indicator.kind === 'count' && figure.value !== null)
						program.equal([u.totals[p]!], figure.value);
					return;
				}
				const atom = [u.totals[p]!];
				learn(
					program,
					manual ? asCount(figure) : figure,
					atom,
					u.nums(atom),
					u.unit,
					name(point.key)
				);
			});
			const totals = upTo(u.totals);
			if (!manual || indicator.kind === 'count')
				learn(
					program,
					manual ? asCount(indicator.overall) : indicator.overall,
					totals,
					u.nums(totals),
					u.unit,
					dated('to date')
				);
			if (manual) continue;
			for (const breakdown of indicator.breakdowns) {
				const perKey = u.cells.get(breakdown.dimension);
				if (!perKey) continue;
				for (const cell of breakdown.cells) {
					const atoms = perKey.get(cell.key);
					if (!atoms) continue;
					learn(
						program,
						cell.figure,
						upTo(atoms),
						u.nums(upTo(atoms)),
						u.unit,
						dated(`${breakdown.dimension}=${cell.key}`)
					);
				}
				release.periods.forEach((period, p) => {
					// Only what the page says is of that period (a page may answer with another scope).
					const view = release.byScope[period.key]?.find((i) => i.id === indicator.id);
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
							u.nums([atom]),
							u.unit,
							name(`${period.key} ${breakdown.dimension}=${cell.key}`)
						);
					}
				});
			}
			// A shown two-way table: per period a cell per row and column, tied to the breakdowns.
			const crossed = indicator.crossed;
			const table = crossed?.table;
			if (
				crossed &&
				table &&
				'shown' in table &&
				table.shown &&
				u.cells.has(crossed.rows) &&
				u.cells.has(crossed.columns)
			) {
				const grid = u.crossed(crossed.rows, crossed.columns, table.rows, table.columns);
				table.rows.forEach((_, ri) =>
					table.columns.forEach((_, ci) => {
						const atoms = grid.slice(0, j).map((g) => g[ri]![ci]!);
						const cell = table.cells[ri]![ci]!;
						learn(
							program,
							{ shown: true, value: cell.value ?? null, n: cell.n },
							atoms,
							u.nums(atoms),
							u.unit,
							dated('crossed')
						);
					})
				);
			}
			// "Left out" beside the programme to date: the rest of the responses.
			const overall = indicator.overall;
			if (overall.shown && overall.excluded !== undefined && overall.n !== null) {
				const all = Array.from({ length: j }, (_, p) =>
					responsesOf(known.surveys[indicator.id] ?? [], p)
				).flat();
				const hi = indicator.kind === 'count' ? Infinity : overall.excluded;
				program.between(
					[...all, ...totals],
					[...all.map(() => 1), ...totals.map(() => -1)],
					overall.excluded,
					hi
				);
			}
		}
		if (!release.counts) continue;
		for (const [dimension, table] of Object.entries(release.counts)) {
			let perKey = countAtoms.get(dimension);
			if (!perKey) {
				perKey = new Map(
					table.cells.map((c) => [c.key, Array.from({ length: periods }, () => program.unknown())])
				);
				countAtoms.set(dimension, perKey);
				for (let p = 0; p < periods; p++)
					program.same(
						[...perKey.values()].map((a) => a[p]!),
						everyResponse(p)
					);
			}
			for (const cell of table.cells) {
				const atoms = perKey.get(cell.key);
				if (atoms)
					learn(program, cell.figure, atoms.slice(0, j), null, 1, `responses ${cell.key}${when}`);
			}
			learn(
				program,
				table.total,
				Array.from({ length: j }, (_, p) => everyResponse(p)).flat(),
				null,
				1,
				`responses in all${when}`
			);
		}
	}

	const ranges = await feasibleRanges(
		{ size: program.size, rows: program.rows },
		program.targets.map((t) => ({ atoms: t.atoms }))
	);
	const seen = new Set<string>();
	return program.targets.flatMap((t, i) => {
		const { min, max } = ranges[i]!;
		if (program.shown.has(t.figure) || seen.has(t.figure)) return [];
		seen.add(t.figure);
		// The latest release's hidden counts must all stay k wide. An earlier release's hidden
		// figure may since have been shown (or be pinned by what is shown now) when it was only
		// hidden to protect another; what must never be narrowed is a group that may be small.
		const exposed = rangeWidth(min, max) < k && (!t.earlier || min < k);
		return exposed ? [{ figure: t.figure, min, max }] : [];
	});
}
