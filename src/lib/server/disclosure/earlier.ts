import type { IndicatorKind } from '../../programmes/model';
import type { ProgrammeFigures } from '../indicators/figures';
import type { IndicatorResult } from '../indicators/math';
import type { RawResults } from '../indicators/present';
import type { HiddenReason, LinkedTables } from './linked';
import type { Decision } from './protect';
import type { EarlierRelease } from './release-model';

/**
 * Earlier releases of a programme, as donors saw them at the end of each earlier period (decision
 * 011, "Releases over time"). Donors see closed periods only, so a programme has had one release
 * per closed period; each later one shows every figure again over more periods, and a reader who
 * kept an earlier one holds its to-date figures too (their difference with today's is a period's
 * figure). Releases are therefore made in order, each audited together with the to-date figures
 * of all before it and keeping shown what they showed. Pure: release.ts runs the chain.
 */

/** One figure of several periods, from theirs: counts add up, a value by its numerator. */
function combine(results: (IndicatorResult | undefined)[], kind: IndicatorKind): IndicatorResult {
	let n = 0;
	let excluded = 0;
	let numerator = 0;
	for (const r of results) {
		if (!r) continue;
		n += r.n;
		excluded += r.excluded;
		numerator += (r.value ?? 0) * r.n;
	}
	// A median of several periods is not their medians' anything; the release never needs it
	// (it sets no fact on a median) and no earlier release is shown, only audited.
	const value = kind === 'count' ? n : kind === 'median' || n === 0 ? null : numerator / n;
	return { n, excluded, value };
}

/** An indicator's figures over its first periods: the to-date scope worked out from them. */
function rawThrough(raw: RawResults, keys: readonly string[], kind: IndicatorKind): RawResults {
	const periods = Object.fromEntries(
		keys.flatMap((k) => (raw.periods[k] ? [[k, raw.periods[k]!]] : []))
	);
	if (raw.manual) {
		const entries = keys.flatMap((k) => (raw.periods[k] ? [raw.periods[k]!] : []));
		const overall =
			kind === 'count'
				? {
						value: entries.reduce((a, e) => a + (e.value ?? 0), 0),
						n: entries.every((e) => e.n > 0) ? entries.reduce((a, e) => a + e.n, 0) : 0,
						excluded: 0
					}
				: (entries.at(-1) ?? { value: null, n: 0, excluded: 0 });
		return { periods, overall, breakdowns: {}, crossed: {}, manual: true };
	}
	const all: RawResults['breakdowns'][string] = {};
	for (const k of keys)
		for (const [dimension, cells] of Object.entries(raw.breakdowns[k] ?? {}))
			for (const key of Object.keys(cells))
				(all[dimension] ??= {})[key] = combine(
					keys.map((p) => raw.breakdowns[p]?.[dimension]?.[key]),
					kind
				);
	const crossed: Record<string, IndicatorResult> = {};
	for (const k of keys)
		for (const key of Object.keys(raw.crossed[k] ?? {}))
			crossed[key] = combine(
				keys.map((p) => raw.crossed[p]?.[key]),
				kind
			);
	return {
		periods,
		overall: combine(
			keys.map((k) => raw.periods[k]),
			kind
		),
		breakdowns: {
			all,
			...Object.fromEntries(
				keys.flatMap((k) => (raw.breakdowns[k] ? [[k, raw.breakdowns[k]!]] : []))
			)
		},
		crossed: {
			all: crossed,
			...Object.fromEntries(keys.flatMap((k) => (raw.crossed[k] ? [[k, raw.crossed[k]!]] : [])))
		}
	};
}

/** The programme's figures as they stood at the end of its `through`-th released period. */
export function figuresThrough(figures: ProgrammeFigures, through: number): ProgrammeFigures {
	const periods = figures.periods.slice(0, through);
	const keys = periods.map((p) => p.key);
	const pick = <T>(byPeriod: Record<string, T>) =>
		Object.fromEntries(keys.flatMap((k) => (k in byPeriod ? [[k, byPeriod[k]!]] : [])));
	const kinds = new Map(figures.logframe.indicators.map((i) => [i.id, i.kind]));
	const countsByPeriod = {
		channel: pick(figures.countsByPeriod.channel),
		language: pick(figures.countsByPeriod.language)
	};
	const toDate = (byPeriod: Record<string, Record<string, number>>) => {
		const sum: Record<string, number> = {};
		for (const counts of Object.values(byPeriod))
			for (const [key, n] of Object.entries(counts)) sum[key] = (sum[key] ?? 0) + n;
		return sum;
	};
	return {
		...figures,
		periods,
		raw: new Map(
			[...figures.raw].map(([id, raw]) => [id, rawThrough(raw, keys, kinds.get(id) ?? 'count')])
		),
		bySurvey: Object.fromEntries(
			Object.entries(figures.bySurvey).map(([survey, byPeriod]) => [survey, pick(byPeriod)])
		),
		countsByPeriod,
		counts: figures.counts && {
			channel: toDate(countsByPeriod.channel),
			language: toDate(countsByPeriod.language)
		}
	};
}

/** What a release decided for its to-date figures, as the next release needs it. */
export function earlierRelease(
	model: LinkedTables,
	decisions: ReadonlyMap<string, Decision>,
	through: number
): EarlierRelease {
	const decided: EarlierRelease['decisions'] = {};
	for (const cell of model.cells.values()) {
		if (!cell.dated) continue;
		const d = decisions.get(cell.id);
		decided[cell.id] = d && !d.shown ? d.reason : 'shown';
	}
	return { through, decisions: decided };
}

/**
 * Per-period figures as a release decided them: those it showed are public from then on; those
 * it hid stay hidden (they protect the same small groups next period, and choosing other
 * complements each period would hide more in all and tell which ones changed).
 */
export function perPeriodDecisions(
	model: LinkedTables,
	decisions: ReadonlyMap<string, Decision>
): { alreadyShown: string[]; alreadyHidden: Record<string, HiddenReason> } {
	const alreadyShown: string[] = [];
	const alreadyHidden: Record<string, HiddenReason> = {};
	for (const cell of model.cells.values()) {
		if (cell.dated || cell.id.includes('@')) continue;
		const d = decisions.get(cell.id);
		if (d && !d.shown) alreadyHidden[cell.id] = d.reason;
		else alreadyShown.push(cell.id);
	}
	return { alreadyShown, alreadyHidden };
}
