/**
 * Disclosure control for figures that leave the team (DOMAIN.md, "Disclosure control (small
 * cells)"). Pure: callers pass counts already computed; nothing here reads the database.
 *
 * The rules, as applied here:
 * - Primary: every count under k is hidden, with every figure computed from it. A count of 0 is
 *   hidden too: it is not a person, but "0 men" beside a published total says something about
 *   everyone in the total, and the rule "count under k is hidden" has no exception for it.
 * - Complementary (one-way breakdowns with a total): no hidden count may be worked out from
 *   what is shown, by subtracting the shown cells from the total and reasoning with k and these
 *   rules. One hidden cell always can be; several can when their sum pins each of them down
 *   (all 0, or all k − 1). Until none can, the smallest shown cells are hidden as well.
 *
 * Donors get a view in which a hidden figure is not there at all (not even as a field the
 * interface forgets to read); managers get every number with hidden ones flagged, never
 * silently dropped.
 */

export const MIN_K = 3;
export const MAX_K = 20;
export const DEFAULT_K = 5;

export type Audience = 'donor' | 'team';

/** Why a figure is hidden from donors: under k itself, or hidden to protect another cell. */
export type HiddenReason = 'small' | 'complementary';

/** Whether k is an allowed minimum cell size (an organisation setting, 3 to 20). */
export function isValidK(k: number): boolean {
	return Number.isInteger(k) && k >= MIN_K && k <= MAX_K;
}

function assertK(k: number): void {
	// An invalid k reaching this module is a bug upstream (the setting is validated on input);
	// throwing is the safe failure, since returning anything would publish unchecked figures.
	if (!isValidK(k)) throw new RangeError(`k must be a whole number from ${MIN_K} to ${MAX_K}`);
}

function assertCount(n: number): void {
	if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a count: ${n}`);
}

// ---------------------------------------------------------------------------------------------
// Single derived figures (a percentage, mean or median with its denominator)

export interface Figure {
	value: number | null;
	/** Respondents the value is computed from. */
	n: number;
	/** Respondents left out (skipped or prefer not to say). */
	excluded: number;
}

export type DonorFigure = ({ shown: true } & Figure) | { shown: false };
export type TeamFigure = Figure & { flagged: boolean };

/** One derived figure for an audience: hidden from donors when computed from fewer than k. */
export function suppressFigure(figure: Figure, k: number, audience?: 'donor'): DonorFigure;
export function suppressFigure(figure: Figure, k: number, audience: 'team'): TeamFigure;
export function suppressFigure(
	figure: Figure,
	k: number,
	audience: Audience = 'donor'
): DonorFigure | TeamFigure {
	assertK(k);
	assertCount(figure.n);
	assertCount(figure.excluded);
	const small = figure.n < k;
	// Fresh objects with named fields only, so nothing the caller attached travels along.
	const copy: Figure = { value: figure.value, n: figure.n, excluded: figure.excluded };
	if (audience === 'team') return { ...copy, flagged: small };
	return small ? { shown: false } : { shown: true, ...copy };
}

// ---------------------------------------------------------------------------------------------
// One-way breakdowns with a total

export interface CellInput {
	key: string;
	/** Respondents in the cell. */
	n: number;
	/** A figure computed from the cell's respondents (percentage, mean …), if any. */
	value?: number | null;
}

export type DonorCell =
	| { key: string; shown: true; n: number; value?: number | null }
	/**
	 * No reason for donors: telling which hidden cells are complementary would tell that they
	 * hold at least k and the others fewer, which can narrow a hidden count to one value.
	 */
	| { key: string; shown: false };

export type TeamCell =
	| { key: string; n: number; value?: number | null; flagged: false }
	| { key: string; n: number; value?: number | null; flagged: true; reason: HiddenReason };

export type DonorTotal = { shown: true; n: number; value?: number | null } | { shown: false };
export interface TeamTotal {
	n: number;
	value?: number | null;
	flagged: boolean;
}

export interface DonorOneWay {
	cells: DonorCell[];
	total: DonorTotal;
}
export interface TeamOneWay {
	cells: TeamCell[];
	total: TeamTotal;
}

/**
 * Whether hidden cells can be worked out by a reader who knows k and these rules, from the
 * number of hidden cells, their sum (the total minus the shown cells) and whether any cell is
 * shown. Checked exhaustively against every small table in the tests; the release's one-way
 * rules (disclosure/protect.ts) apply it too.
 */
export function hiddenCellsExposed(
	hiddenCount: number,
	hiddenSum: number,
	anyShown: boolean,
	k: number
): boolean {
	if (hiddenCount === 0) return false;
	// One hidden cell is the difference itself; a sum of 0 makes every hidden cell 0.
	if (hiddenCount === 1 || hiddenSum === 0) return true;
	// With every cell hidden, the table "all 0 but one cell holding the total" publishes the
	// same, so each cell could be 0 or the whole total.
	if (!anyShown) return false;
	// Every hidden cell is under k or hidden to protect one that is. If they could all be under
	// k and their sum puts each at k − 1, that is how a reader will read them.
	return hiddenSum === hiddenCount * (k - 1);
}

interface Plan {
	reasons: (HiddenReason | null)[];
	totalHidden: boolean;
}

function planOneWay(counts: readonly number[], k: number): Plan {
	const reasons: (HiddenReason | null)[] = counts.map((n) => (n < k ? 'small' : null));
	const total = counts.reduce((a, b) => a + b, 0);
	// A total under k means every cell is under k: all hidden, nothing to subtract from.
	if (total < k) return { reasons, totalHidden: true };
	for (;;) {
		let hiddenCount = 0;
		let hiddenSum = 0;
		let minShown: number | undefined;
		counts.forEach((n, i) => {
			if (reasons[i]) {
				hiddenCount++;
				hiddenSum += n;
			} else if (minShown === undefined || n < minShown) minShown = n;
		});
		if (!hiddenCellsExposed(hiddenCount, hiddenSum, minShown !== undefined, k)) break;
		// Cannot happen: with every cell hidden and a total of at least k, there are several
		// hidden cells with a sum above 0, which hiddenCellsExposed accepts.
		if (minShown === undefined) throw new Error('complementary suppression ran out of cells');
		// Ties are hidden together: choosing one of them by position would let a reader who
		// knows the rule tell which of the equal cells was hidden, and so its count.
		counts.forEach((n, i) => {
			if (!reasons[i] && n === minShown) reasons[i] = 'complementary';
		});
	}
	return { reasons, totalHidden: false };
}

function withValue<T extends object>(target: T, value: number | null | undefined) {
	return value === undefined ? target : { ...target, value };
}

/**
 * A one-way breakdown (cells of one disaggregation, e.g. by sex) and its total, suppressed for
 * an audience. Cells keep their order; the total is the sum of the cells, so every respondent
 * counted in the total must be in some cell (an "unknown" cell included), or the difference
 * would be a cell of its own that nobody checked. `totalValue` is the figure over everyone.
 */
export function suppressOneWay(
	cells: readonly CellInput[],
	k: number,
	options?: { audience?: 'donor'; totalValue?: number | null }
): DonorOneWay;
export function suppressOneWay(
	cells: readonly CellInput[],
	k: number,
	options: { audience: 'team'; totalValue?: number | null }
): TeamOneWay;
export function suppressOneWay(
	cells: readonly CellInput[],
	k: number,
	options: { audience?: Audience; totalValue?: number | null } = {}
): DonorOneWay | TeamOneWay {
	assertK(k);
	const keys = new Set<string>();
	for (const cell of cells) {
		assertCount(cell.n);
		if (keys.has(cell.key)) throw new Error(`duplicate cell key: ${cell.key}`);
		keys.add(cell.key);
	}
	const plan = planOneWay(
		cells.map((c) => c.n),
		k
	);
	const totalN = cells.reduce((a, c) => a + c.n, 0);
	if (options.audience === 'team') {
		return {
			cells: cells.map((c, i): TeamCell => {
				const reason = plan.reasons[i];
				return withValue(
					reason
						? { key: c.key, n: c.n, flagged: true as const, reason }
						: { key: c.key, n: c.n, flagged: false as const },
					c.value
				);
			}),
			total: withValue({ n: totalN, flagged: plan.totalHidden }, options.totalValue)
		};
	}
	return {
		cells: cells.map((c, i): DonorCell =>
			plan.reasons[i]
				? { key: c.key, shown: false }
				: withValue({ key: c.key, shown: true as const, n: c.n }, c.value)
		),
		total: plan.totalHidden
			? { shown: false }
			: withValue({ shown: true as const, n: totalN }, options.totalValue)
	};
}

export type OneWayProblem = 'smallShown' | 'smallTotal' | 'recoverable';

/**
 * Re-applies the rules to a donor view, using only what it shows: the check an export makes
 * before anything leaves the team. Returns the first problem found, or null when it is safe.
 */
export function auditOneWay(published: DonorOneWay, k: number): OneWayProblem | null {
	assertK(k);
	let hiddenCount = 0;
	let shownSum = 0;
	let anyShown = false;
	for (const cell of published.cells) {
		if (!cell.shown) {
			hiddenCount++;
			continue;
		}
		if (cell.n < k) return 'smallShown';
		shownSum += cell.n;
		anyShown = true;
	}
	if (!published.total.shown) return null;
	if (published.total.n < k) return 'smallTotal';
	return hiddenCellsExposed(hiddenCount, published.total.n - shownSum, anyShown, k)
		? 'recoverable'
		: null;
}
