import { hiddenCellsExposed } from '../indicators/suppression';
import { componentRoots, feasibleRanges, type LinearRow, type LinearSystem } from './lp';
import { singleAtom, type Cell, type HiddenReason, type LinkedTables } from './linked';

/**
 * Choosing what a release hides, and proving that it is enough (DOMAIN.md, "Disclosure control"
 * and "Tables are linked"). Pure apart from the solver.
 *
 * 1. Primary: every count under k is hidden; a two-way table with a cell under k is withheld.
 * 2. The one-way rules of suppression.ts, table by table, until nothing changes: no hidden cell
 *    may be the difference of a total and shown cells, nor pinned by k and the rules.
 * 3. The audit: an attacker takes every shown count and value as a constraint and computes, with
 *    HiGHS, the smallest and largest value of every hidden count. A range narrower than k (in
 *    whole people) is an exposure; the cheapest cell that breaks it (a sibling before a total,
 *    the smallest first) is hidden too, and the audit runs again on what changed, until nothing
 *    is exposed. Hiding can only widen ranges, so this ends; hiding everything is always safe.
 */

export type Decision = { shown: true } | { shown: false; reason: HiddenReason };

export interface Exposure {
	cell: string;
	min: number;
	max: number;
}

export interface Protection {
	decisions: Map<string, Decision>;
	/** The attacker's range for every hidden count, as last computed. */
	ranges: Map<string, { min: number; max: number }>;
	/** Audit rounds run (1 when the rules alone were enough). */
	rounds: number;
	/** Hidden cells still exposed: empty when the release is safe. */
	exposed: Exposure[];
}

const EPSILON = 1e-6;

/** Whole people between the attacker's bounds: a count is a whole number. */
export function rangeWidth(min: number, max: number): number {
	if (max === Infinity) return Infinity;
	return Math.floor(max + EPSILON) - Math.ceil(min - EPSILON);
}

const shown = (d: Decision | undefined) => !d || d.shown;

/** The attacker's system for a set of decisions: what always holds plus what is shown. */
export function attackerSystem(model: LinkedTables, decisions: Map<string, Decision>) {
	const lower = [...model.lower];
	const upper = [...model.upper];
	const rows: LinearRow[] = [...model.rows];
	for (const cell of visibleCells(model, decisions)) {
		const atom = singleAtom(cell.count);
		if (atom !== undefined) {
			lower[atom] = Math.max(lower[atom]!, cell.n);
			upper[atom] = Math.min(upper[atom]!, cell.n);
		} else rows.push({ ...cell.count, lo: cell.n, hi: cell.n });
		const value = cell.value;
		if (value && cell.n > 0) {
			const low = (cell.n * (value.value - value.precision)) / value.scale;
			const high = (cell.n * (value.value + value.precision)) / value.scale;
			rows.push({ ...value.numerator, lo: low - EPSILON, hi: high + EPSILON });
		}
		if (cell.facts) rows.push(...cell.facts);
	}
	const system: LinearSystem = { size: model.truth.length, lower, upper, rows };
	return system;
}

function* visibleCells(model: LinkedTables, decisions: Map<string, Decision>) {
	for (const cell of model.cells.values()) if (shown(decisions.get(cell.id))) yield cell;
}

/**
 * Hidden cells the audit must keep wide: every hidden count but those of a withheld two-way
 * table, which is not published at all (like any other cross-tabulation nobody asked for), and
 * those that are no sum of anything (the responses of an evaluation that reads no survey: zero
 * by its definition, which everyone knows).
 */
function auditedCells(model: LinkedTables, decisions: Map<string, Decision>): Cell[] {
	const withheld = new Set(
		[...decisions].flatMap(([id, d]) => (d.shown ? [] : [model.cells.get(id)?.table2 ?? '']))
	);
	return [...model.cells.values()].filter((cell) => {
		const d = decisions.get(cell.id);
		return (
			d && !d.shown && cell.count.atoms.length > 0 && !(cell.table2 && withheld.has(cell.table2))
		);
	});
}

/**
 * The attacker: the range of every hidden count given everything shown. Cells whose range is
 * narrower than k are exposures. `only` limits the work to those cells (the rest are not
 * computed and not returned).
 */
export async function audit(
	model: LinkedTables,
	decisions: Map<string, Decision>,
	k: number,
	only?: ReadonlySet<string>
): Promise<{ ranges: Map<string, { min: number; max: number }>; exposed: Exposure[] }> {
	const system = attackerSystem(model, decisions);
	const cells = auditedCells(model, decisions).filter((c) => !only || only.has(c.id));
	const found = await feasibleRanges(
		system,
		cells.map((c) => c.count),
		{ feasible: model.truth, wideEnough: (min, max) => rangeWidth(min, max) >= k }
	);
	const ranges = new Map<string, { min: number; max: number }>();
	const exposed: Exposure[] = [];
	cells.forEach((cell, i) => {
		const { min, max } = found[i]!;
		ranges.set(cell.id, { min, max });
		if (rangeWidth(min, max) < k) exposed.push({ cell: cell.id, min, max });
	});
	return { ranges, exposed };
}

function hide(decisions: Map<string, Decision>, cell: Cell, reason: HiddenReason): boolean {
	if (!shown(decisions.get(cell.id))) return false;
	decisions.set(cell.id, {
		shown: false,
		reason: cell.total && reason === 'complementary' ? 'total' : reason
	});
	return true;
}

/** Steps 1 and 2: primary suppression and the one-way rules until nothing changes. */
export function applyRules(
	model: LinkedTables,
	k: number,
	decisions = new Map<string, Decision>()
) {
	const cell = (id: string) => model.cells.get(id)!;
	for (const [id, reason] of model.hiddenAlready)
		if (!decisions.has(id)) decisions.set(id, { shown: false, reason });
	for (const c of model.cells.values()) if (c.n < k && !c.alwaysShown) hide(decisions, c, 'small');
	for (const table of model.twoWays)
		if (table.cells.some((id) => cell(id).n < k))
			for (const id of table.cells) hide(decisions, cell(id), 'withheld');
	for (let changed = true; changed;) {
		changed = false;
		for (const table of model.oneWays) changed = oneWayPass(table, decisions, cell, k) || changed;
	}
	return decisions;
}

function oneWayPass(
	table: LinkedTables['oneWays'][number],
	decisions: Map<string, Decision>,
	cell: (id: string) => Cell,
	k: number
): boolean {
	const cells = table.cells.map(cell);
	const total = cell(table.total);
	let changed = false;
	for (;;) {
		const hidden = cells.filter((c) => !shown(decisions.get(c.id)));
		const visible = cells.filter((c) => shown(decisions.get(c.id)));
		const movable = visible.filter((c) => !c.alwaysShown);
		const totalShown = shown(decisions.get(total.id));
		// A hidden total with every cell shown is their sum; with one cell hidden it is that cell
		// plus the rest, which the audit judges; here only the plain sum is prevented.
		const exposed = totalShown
			? hiddenCellsExposed(
					hidden.length,
					hidden.reduce((a, c) => a + c.n, 0),
					visible.length > 0,
					k
				)
			: hidden.length === 0 && visible.length > 0;
		if (!exposed || movable.length === 0) return changed;
		// Ties are hidden together: choosing one of equal cells by position would tell a reader
		// who knows the rule which one was hidden, and so its count.
		const smallest = Math.min(...movable.map((c) => c.n));
		for (const c of movable)
			if (c.n === smallest) changed = hide(decisions, c, 'complementary') || changed;
	}
}

/**
 * Cells that could break an exposure of `cellId`, cheapest first: shown cells of its one-way
 * tables (siblings before totals, smallest first); failing those, any shown cell tied to it by
 * what always holds (the same indicator, the responses behind it, the counts by channel and
 * language), whole two-way tables included — so there is always one while anything linked to it
 * is shown.
 */
function candidates(
	model: LinkedTables,
	decisions: Map<string, Decision>,
	cellId: string,
	structure: () => Int32Array
): Cell[] {
	const cell = (id: string) => model.cells.get(id)!;
	const visible = (c: Cell) => shown(decisions.get(c.id)) && !c.alwaysShown;
	const order = (a: Cell, b: Cell) =>
		Number(a.total) - Number(b.total) || a.n - b.n || (a.id < b.id ? -1 : 1);
	const near = new Set<string>();
	for (const table of model.oneWays)
		if (table.total === cellId || table.cells.includes(cellId))
			for (const id of [...table.cells, table.total]) near.add(id);
	const first = [...near].map(cell).filter(visible).sort(order);
	if (first.length) return first;
	// Shown cells have fixed unknowns, which join no component of the attacker's system; the
	// structure alone (every unknown free) says which cells are tied together.
	const root = structure();
	const component = new Set(cell(cellId).count.atoms.map((a) => root[a]!));
	const touches = (c: Cell) =>
		[...c.count.atoms, ...(c.value?.numerator.atoms ?? [])].some((a) => component.has(root[a]!));
	return [...model.cells.values()].filter((c) => visible(c) && touches(c)).sort(order);
}

export interface ProtectOptions {
	/** Give up (the release is then not safe) after this many audit rounds. */
	maxRounds?: number;
}

/** Decides what a release shows: rules first, then the audit until nothing hidden is exposed. */
export async function protect(
	model: LinkedTables,
	k: number,
	options: ProtectOptions = {}
): Promise<Protection> {
	const decisions = applyRules(model, k);
	const maxRounds = options.maxRounds ?? 500;
	let tied: Int32Array | undefined;
	const structure = () =>
		(tied ??= componentRoots({
			size: model.truth.length,
			lower: model.lower,
			upper: model.upper,
			rows: [
				...model.rows,
				...[...model.cells.values()].flatMap((c) =>
					c.count.atoms.length > 1 ? [{ ...c.count, lo: 0, hi: 0 }] : []
				)
			]
		}));
	let result = await audit(model, decisions, k);
	const ranges = result.ranges;
	let rounds = 1;
	while (result.exposed.length && rounds < maxRounds) {
		const changed: Cell[] = [];
		for (const exposure of result.exposed) {
			if (changed.some((c) => c.id === exposure.cell)) continue;
			const found = candidates(model, decisions, exposure.cell, structure);
			const pick = found[0];
			if (!pick) continue;
			// Equal cells go together, as in the rules.
			for (const c of found.filter((c) => c.n === pick.n && c.total === pick.total)) {
				const group = c.table2
					? model.twoWays.find((t) => t.id === c.table2)!.cells.map((id) => model.cells.get(id)!)
					: [c];
				for (const member of group)
					if (hide(decisions, member, c.table2 ? 'withheld' : 'complementary'))
						changed.push(member);
			}
		}
		if (changed.length === 0) break;
		const hiddenBefore = new Set(decisions.keys());
		applyRules(model, k, decisions);
		for (const id of decisions.keys())
			if (!hiddenBefore.has(id)) changed.push(model.cells.get(id)!);
		// Only components holding an unknown of a changed cell can have changed: hiding a cell
		// frees its unknowns (which can join components) or drops its row (which can split one,
		// but every piece keeps an unknown of that row). The others keep their ranges.
		const roots = componentRoots(attackerSystem(model, decisions));
		const atomsOf = (c: Cell) => [
			...c.count.atoms,
			...(c.value?.numerator.atoms ?? []),
			...(c.facts ?? []).flatMap((f) => f.atoms)
		];
		const touched = new Set(changed.flatMap(atomsOf).map((a) => roots[a]!));
		const again = new Set(
			auditedCells(model, decisions)
				.filter((c) => !ranges.has(c.id) || c.count.atoms.some((a) => touched.has(roots[a]!)))
				.map((c) => c.id)
		);
		const next = await audit(model, decisions, k, again);
		for (const [id, range] of next.ranges) ranges.set(id, range);
		const exposed = auditedCells(model, decisions).flatMap((c) => {
			const r = ranges.get(c.id);
			return r && rangeWidth(r.min, r.max) < k ? [{ cell: c.id, ...r }] : [];
		});
		result = { ranges, exposed };
		rounds++;
	}
	for (const id of ranges.keys()) if (shown(decisions.get(id))) ranges.delete(id);
	return { decisions, ranges, rounds, exposed: result.exposed };
}
