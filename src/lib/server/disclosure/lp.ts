import loadHighs, { type Highs } from 'highs';

/**
 * The attacker's solver: for linear expressions over non-negative unknowns held by linear
 * constraints, the smallest and largest value each can take (DOMAIN.md, "Tables are linked":
 * "an attacker with a linear-programming solver computes, for every hidden cell, the smallest
 * and largest values consistent with everything shown"). HiGHS does the solving; this module
 * only shapes the problem and keeps it small:
 *
 * - The system falls apart into independent components (unknowns that never meet in a row),
 *   and each is solved on its own: a hidden cell of one indicator has nothing to do with
 *   another's unless a constraint joins them.
 * - A known feasible point (the true figures) and every optimum found on the way bound each
 *   target from inside: once the values seen already span `enough`, the target is safe and
 *   needs no solve of its own. Only targets that might be too narrow are solved exactly.
 *
 * Solves are synchronous WebAssembly calls of a few milliseconds; the loop gives the event
 * loop a turn between components so a large audit never stalls the server for long.
 */

export interface LinearRow {
	/** Unknowns in the row, each once. */
	atoms: readonly number[];
	/** Coefficients, one per atom; all 1 when absent. */
	coefs?: readonly number[];
	lo: number;
	hi: number;
}

export interface LinearSystem {
	/** Number of unknowns. */
	size: number;
	/** Bounds per unknown: default 0 and +∞ (counts cannot be negative). */
	lower?: ArrayLike<number>;
	upper?: ArrayLike<number>;
	rows: readonly LinearRow[];
}

/** A sum of unknowns (with coefficients) whose range is wanted. */
export interface LinearTarget {
	atoms: readonly number[];
	coefs?: readonly number[];
}

export interface Range {
	min: number;
	max: number;
	/** false when the range was only shown to be wide enough (min and max are then values seen, not extremes). */
	exact: boolean;
}

export interface RangeOptions {
	/** Whether a range is wide enough: refining stops once the values seen already make it so. */
	wideEnough?: (min: number, max: number) => boolean;
	/** A point known to satisfy every row (the true figures), to bound targets from inside. */
	feasible?: ArrayLike<number>;
}

export class InfeasibleSystem extends Error {
	constructor() {
		super('the published figures contradict each other');
	}
}

let loading: Promise<Highs> | undefined;
/** HiGHS compiled to WebAssembly, loaded once per process (~50 ms). */
function solver(): Promise<Highs> {
	loading ??= loadHighs();
	return loading;
}

const TOLERANCE = 1e-6;

/** Solves run since the process started (for the benchmark's figures). */
export const solverStats = { solves: 0 };
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

class UnionFind {
	private readonly parent: Int32Array;
	constructor(size: number) {
		this.parent = Int32Array.from({ length: size }, (_, i) => i);
	}
	find(i: number): number {
		let root = i;
		while (this.parent[root] !== root) root = this.parent[root]!;
		while (this.parent[i] !== root) {
			const next = this.parent[i]!;
			this.parent[i] = root;
			i = next;
		}
		return root;
	}
	union(a: number, b: number): void {
		const [x, y] = [this.find(a), this.find(b)];
		if (x !== y) this.parent[Math.max(x, y)] = Math.min(x, y);
	}
}

interface Component {
	atoms: number[];
	rows: number[];
	/** Target parts in this component: target index and its terms here. */
	parts: { target: number; atoms: number[]; coefs: number[] }[];
}

function boundsOf(system: LinearSystem) {
	const { size } = system;
	return {
		lower: Float64Array.from({ length: size }, (_, i) => system.lower?.[i] ?? 0),
		upper: Float64Array.from({ length: size }, (_, i) => system.upper?.[i] ?? Infinity)
	};
}

/**
 * The component of each unknown (the smallest unknown it is joined to through rows), or -1 for
 * one fixed by its bounds, which is a constant and joins nothing. Removing rows can only split
 * components, so a caller who removes rows need re-solve only the components they touched.
 */
export function componentRoots(system: LinearSystem): Int32Array {
	const { lower, upper } = boundsOf(system);
	const fixed = (a: number) => upper[a]! - lower[a]! <= TOLERANCE;
	const sets = new UnionFind(system.size);
	for (const row of system.rows) {
		let first = -1;
		for (const a of row.atoms)
			if (!fixed(a)) {
				if (first < 0) first = a;
				else sets.union(first, a);
			}
	}
	return Int32Array.from({ length: system.size }, (_, a) => (fixed(a) ? -1 : sets.find(a)));
}

const coefAt = (c: readonly number[] | undefined, i: number) => (c ? c[i]! : 1);

/**
 * For each target, the range of values consistent with every row, or throws InfeasibleSystem
 * when the rows contradict each other (figures that cannot all be true).
 */
export async function feasibleRanges(
	system: LinearSystem,
	targets: readonly LinearTarget[],
	options: RangeOptions = {}
): Promise<Range[]> {
	const { size, rows } = system;
	const { lower, upper } = boundsOf(system);
	const fixed = (a: number) => upper[a]! - lower[a]! <= TOLERANCE;
	const root = componentRoots(system);
	const sets = { find: (a: number) => root[a]! };
	const components = new Map<number, Component>();
	const componentOf = (root: number) => {
		let c = components.get(root);
		if (!c) components.set(root, (c = { atoms: [], rows: [], parts: [] }));
		return c;
	};
	for (let a = 0; a < size; a++) if (!fixed(a)) componentOf(sets.find(a)).atoms.push(a);
	rows.forEach((row, r) => {
		const free = row.atoms.find((a) => !fixed(a));
		if (free === undefined) {
			// A row of constants only: it must hold, or the figures contradict each other.
			const value = row.atoms.reduce((s, a, i) => s + coefAt(row.coefs, i) * lower[a]!, 0);
			if (value < row.lo - TOLERANCE || value > row.hi + TOLERANCE) throw new InfeasibleSystem();
		} else componentOf(sets.find(free)).rows.push(r);
	});

	const ranges: Range[] = targets.map((target) => {
		// Fixed unknowns add a constant to both ends.
		const constant = target.atoms.reduce(
			(s, a, i) => (fixed(a) ? s + coefAt(target.coefs, i) * lower[a]! : s),
			0
		);
		return { min: constant, max: constant, exact: true };
	});
	targets.forEach((target, t) => {
		const byComponent = new Map<number, { atoms: number[]; coefs: number[] }>();
		target.atoms.forEach((a, i) => {
			if (fixed(a)) return;
			const root = sets.find(a);
			const part = byComponent.get(root) ?? { atoms: [], coefs: [] };
			part.atoms.push(a);
			part.coefs.push(coefAt(target.coefs, i));
			byComponent.set(root, part);
		});
		for (const [root, part] of byComponent) componentOf(root).parts.push({ target: t, ...part });
	});

	const highs = await solver();
	for (const component of components.values()) {
		if (component.parts.length === 0) continue;
		await turn();
		const partRanges = solveComponent(highs, component, system, lower, upper, options);
		component.parts.forEach((part, i) => {
			const range = ranges[part.target]!;
			const found = partRanges[i]!;
			range.min += found.min;
			range.max += found.max;
			range.exact &&= found.exact;
		});
	}
	return ranges;
}

/**
 * A component of one unknown needs no solver: each row bounds it directly (lo ≤ c·x + rest ≤ hi
 * with the rest constant). Most hidden cells of a well-protected release end up alone like this.
 */
function solveOne(
	component: Component,
	system: LinearSystem,
	lower: Float64Array,
	upper: Float64Array
): Range[] {
	const atom = component.atoms[0]!;
	let min = lower[atom]!;
	let max = upper[atom]!;
	for (const r of component.rows) {
		const row = system.rows[r]!;
		let coef = 0;
		let constant = 0;
		row.atoms.forEach((a, i) => {
			if (a === atom) coef += coefAt(row.coefs, i);
			else constant += coefAt(row.coefs, i) * lower[a]!;
		});
		if (Math.abs(coef) < TOLERANCE) {
			if (constant < row.lo - TOLERANCE || constant > row.hi + TOLERANCE)
				throw new InfeasibleSystem();
			continue;
		}
		const [a, b] = [(row.lo - constant) / coef, (row.hi - constant) / coef];
		min = Math.max(min, Math.min(a, b));
		max = Math.min(max, Math.max(a, b));
	}
	if (min > max + TOLERANCE) throw new InfeasibleSystem();
	return component.parts.map((part) => {
		const c = part.coefs.reduce((x, y) => x + y, 0);
		const ends = [c * min, c * max].map((x) => (Number.isNaN(x) ? 0 : x));
		return { min: Math.min(...ends), max: Math.max(...ends), exact: true };
	});
}

function solveComponent(
	highs: Highs,
	component: Component,
	system: LinearSystem,
	lower: Float64Array,
	upper: Float64Array,
	options: RangeOptions
): Range[] {
	const { atoms, parts } = component;
	if (atoms.length === 1) return solveOne(component, system, lower, upper);
	const local = new Map(atoms.map((a, i) => [a, i]));
	const starts = [0];
	const indices: number[] = [];
	const values: number[] = [];
	const rowLower: number[] = [];
	const rowUpper: number[] = [];
	for (const r of component.rows) {
		const row = system.rows[r]!;
		let constant = 0;
		row.atoms.forEach((a, i) => {
			const coef = coefAt(row.coefs, i);
			const j = local.get(a);
			if (j === undefined) constant += coef * lower[a]!;
			else {
				indices.push(j);
				values.push(coef);
			}
		});
		starts.push(indices.length);
		rowLower.push(row.lo === -Infinity ? -highs.infinity : row.lo - constant);
		rowUpper.push(row.hi === Infinity ? highs.infinity : row.hi - constant);
	}
	const bound = (x: number) =>
		x === Infinity ? highs.infinity : x === -Infinity ? -highs.infinity : x;
	const model = highs.createModel({
		numCols: atoms.length,
		numRows: component.rows.length,
		colCost: new Float64Array(atoms.length),
		colLower: Float64Array.from(atoms, (a) => bound(lower[a]!)),
		colUpper: Float64Array.from(atoms, (a) => bound(upper[a]!)),
		rowLower: Float64Array.from(rowLower),
		rowUpper: Float64Array.from(rowUpper),
		matrix: {
			format: 'csr',
			numRows: component.rows.length,
			numCols: atoms.length,
			starts: Int32Array.from(starts),
			indices: Int32Array.from(indices),
			values: Float64Array.from(values)
		}
	});
	try {
		// Presolve costs more than it saves on models this small (measured: ~10 % slower with it).
		model.options.set({ output_flag: false, presolve: 'off' });
		const valueAt = (point: ArrayLike<number>, p: number, global: boolean) => {
			const part = parts[p]!;
			let s = 0;
			part.atoms.forEach((a, i) => (s += part.coefs[i]! * point[global ? a : local.get(a)!]!));
			return s;
		};
		// Values seen per part: the feasible point first, then every optimum found.
		const seenMin = parts.map((_, p) =>
			options.feasible ? valueAt(options.feasible, p, true) : Infinity
		);
		const seenMax = seenMin.map((x) => (Number.isFinite(x) ? x : -Infinity));
		const see = (point: ArrayLike<number>) =>
			parts.forEach((_, p) => {
				const x = valueAt(point, p, false);
				if (x < seenMin[p]!) seenMin[p] = x;
				if (x > seenMax[p]!) seenMax[p] = x;
			});
		const enough = options.wideEnough;
		const wideEnough = (p: number) => !!enough && enough(seenMin[p]!, seenMax[p]!);

		/** Optimises Σ cost·x over the component; sees the optimum; its value (±∞ if unbounded). */
		const solve = (costs: Map<number, number>, sense: 'min' | 'max'): number => {
			const cols = [...costs.keys()].sort((a, b) => a - b);
			const selection = { kind: 'set' as const, indices: Int32Array.from(cols) };
			model.changeColsCost(
				selection,
				Float64Array.from(cols, (c) => costs.get(c)!)
			);
			model.changeObjectiveSense(
				sense === 'min'
					? highs.constants.objectiveSense.minimize
					: highs.constants.objectiveSense.maximize
			);
			const { modelStatus } = model.run();
			solverStats.solves++;
			// Read before the costs are reset: changing the model discards its solution.
			const optimum =
				modelStatus === highs.constants.modelStatus.optimal
					? { point: model.getSolution().colValue, value: model.getObjectiveValue() }
					: undefined;
			model.changeColsCost(selection, new Float64Array(cols.length));
			if (optimum) {
				see(optimum.point);
				return optimum.value;
			}
			if (modelStatus === highs.constants.modelStatus.infeasible) throw new InfeasibleSystem();
			if (
				modelStatus === highs.constants.modelStatus.unbounded ||
				modelStatus === highs.constants.modelStatus.unboundedOrInfeasible
			)
				return sense === 'min' ? -Infinity : Infinity;
			throw new Error(`the solver stopped without an answer (status ${modelStatus})`);
		};
		const costsOf = (ps: number[]) => {
			const costs = new Map<number, number>();
			for (const p of ps)
				parts[p]!.atoms.forEach((a, i) => {
					const c = local.get(a)!;
					costs.set(c, (costs.get(c) ?? 0) + parts[p]!.coefs[i]!);
				});
			return costs;
		};
		const optimise = (p: number, sense: 'min' | 'max') => solve(costsOf([p]), sense);

		// Two solves for all at once first — every target as high, then as low, as it can go
		// together — often show most targets wide enough without one solve each.
		const open = parts.map((_, p) => p).filter((p) => !wideEnough(p));
		if (enough && open.length > 2) {
			solve(costsOf(open), 'max');
			solve(costsOf(open), 'min');
		}

		return parts.map((_, p) => {
			if (wideEnough(p)) return { min: seenMin[p]!, max: seenMax[p]!, exact: false };
			const max = optimise(p, 'max');
			if (enough?.(seenMin[p]!, max)) return { min: seenMin[p]!, max, exact: false };
			const min = optimise(p, 'min');
			return { min, max, exact: true };
		});
	} finally {
		model.dispose();
	}
}
