import type { LinearRow } from './lp';

/**
 * Linked tables as an attacker sees them: every count a release can show is a sum of unknowns
 * ("atoms", e.g. the women who answered in 2025-Q3), and what always holds between them — a
 * period's breakdown adds up to the period, the periods to the programme to date, a numerator is
 * at most its denominator — is a row over the atoms. Showing a cell adds the row "this sum is
 * n" (and, with its value, the range of its numerator); hiding it leaves an unknown whose range
 * the attacker computes. Pure: built by the release module, read by protect.ts.
 */

export type HiddenReason =
	/** Under k. */
	| 'small'
	/** Hidden so that another hidden cell cannot be worked out. */
	| 'complementary'
	/** A total hidden so that a hidden cell cannot be worked out from it. */
	| 'total'
	/** A two-way table withheld whole because one of its cells is under k. */
	| 'withheld';

export interface Sum {
	atoms: number[];
	coefs?: number[];
}

/** How a shown value constrains its cell's numerator (hits, or the sum of answers). */
export interface ValueFact {
	/** The numerator as a sum of numerator atoms. */
	numerator: Sum;
	/** The value as shown (already rounded) … */
	value: number;
	/** … to within ± this. */
	precision: number;
	/** value = numerator ÷ n × scale: 100 for a percentage, 1 for a mean. */
	scale: number;
}

export interface Cell {
	id: string;
	/** The true count (people). */
	n: number;
	count: Sum;
	/** Counted into totals: its tables' cells sum to it. */
	total: boolean;
	value?: ValueFact;
	/** More that a reader learns when the cell is shown (e.g. "left out" beside a total). */
	facts?: LinearRow[];
	/**
	 * Shown whatever its size: not a count of people (a manual figure without one), or a figure
	 * an earlier release showed already (hiding it now would hide nothing).
	 */
	alwaysShown?: boolean;
	/** A to-date figure: every later release shows it again over more periods. */
	dated?: boolean;
	/** A cell of an all-or-nothing table (two-way): only audited while the table is shown. */
	table2?: string;
}

/** A one-way table: cells that add up to a total cell (the suppression heuristic's unit). */
export interface OneWay {
	id: string;
	cells: string[];
	total: string;
}

/** A two-way table: shown only when every cell has at least k, and then whole. */
export interface TwoWay {
	id: string;
	cells: string[];
}

export class LinkedTables {
	/** True value of each atom (a feasible point, used to bound ranges from inside). */
	readonly truth: number[] = [];
	readonly lower: number[] = [];
	readonly upper: number[] = [];
	/** What always holds, shown or not. */
	readonly rows: LinearRow[] = [];
	readonly cells = new Map<string, Cell>();
	readonly oneWays: OneWay[] = [];
	readonly twoWays: TwoWay[] = [];
	/** Cells hidden before anything is decided (what an earlier release hid stays hidden). */
	readonly hiddenAlready = new Map<string, HiddenReason>();

	/** A new unknown with its true value and bounds (default: a count, 0 … ∞). */
	atom(truth: number, lower = 0, upper = Infinity): number {
		this.truth.push(truth);
		this.lower.push(lower);
		this.upper.push(upper);
		return this.truth.length - 1;
	}

	/** lo ≤ Σ coef·atom ≤ hi, always. */
	row(atoms: number[], coefs: number[] | undefined, lo: number, hi: number): void {
		if (atoms.length) this.rows.push({ atoms, coefs, lo, hi });
	}

	/** Σ plus − Σ minus = 0. */
	equal(plus: number[], minus: number[]): void {
		this.row([...plus, ...minus], [...plus.map(() => 1), ...minus.map(() => -1)], 0, 0);
	}

	/** Σ plus ≤ Σ minus. */
	atMost(plus: number[], minus: number[]): void {
		this.row([...plus, ...minus], [...plus.map(() => 1), ...minus.map(() => -1)], -Infinity, 0);
	}

	cell(cell: Cell): Cell {
		if (this.cells.has(cell.id)) throw new Error(`duplicate cell ${cell.id}`);
		if (!Number.isSafeInteger(cell.n) || cell.n < 0) throw new RangeError(`not a count: ${cell.n}`);
		this.cells.set(cell.id, cell);
		return cell;
	}

	oneWay(table: OneWay): void {
		for (const id of [...table.cells, table.total])
			if (!this.cells.has(id)) throw new Error(`unknown cell ${id} in ${table.id}`);
		this.oneWays.push(table);
	}

	twoWay(table: TwoWay): void {
		for (const id of table.cells) {
			const cell = this.cells.get(id);
			if (!cell) throw new Error(`unknown cell ${id} in ${table.id}`);
			cell.table2 = table.id;
		}
		this.twoWays.push(table);
	}
}

/** The atoms of a sum, as a plain list (a cell made of one atom with coefficient 1 is that atom). */
export function singleAtom(sum: Sum): number | undefined {
	return sum.atoms.length === 1 && (!sum.coefs || sum.coefs[0] === 1) ? sum.atoms[0] : undefined;
}
