import type { IndicatorDefinition } from '../../programmes/model';
import { allQuestions, type Instrument, type Question } from '../../survey/model';
import type { RawResults } from '../indicators/present';

/**
 * What a release needs to know of the surveys behind it, read from their published versions:
 * every cell a breakdown can have (so a choice nobody picked is a cell of 0, hidden like any
 * small cell, rather than a row whose absence says "nobody"), and the ends of the scales means
 * are taken on (an attacker knows a 0–10 answer lies within 0 and 10). Pure.
 */

/** The breakdowns every response has. */
export const CHANNELS = ['web', 'sms'];
/** The cell of those who did not answer a breakdown question (or preferred not to say). */
export const NOT_STATED = '';

/**
 * Cells of each dimension in the order tables show them: choice-list order of the newest version
 * first, choices only older versions had after, any value only the answers have (sorted), and
 * "not stated" last. `instruments` newest first.
 */
export function cellKeysOf(
	dimensions: Iterable<string>,
	instruments: readonly Instrument[],
	raws: Iterable<RawResults>
): Record<string, string[]> {
	const seen = new Map<string, Set<string>>();
	for (const raw of raws)
		for (const scope of Object.values(raw.breakdowns))
			for (const [dimension, cells] of Object.entries(scope))
				for (const key of Object.keys(cells)) {
					const set = seen.get(dimension) ?? new Set<string>();
					set.add(key);
					seen.set(dimension, set);
				}
	const keys: Record<string, string[]> = {};
	for (const dimension of dimensions) {
		const known: string[] = [];
		const add = (key: string) => {
			if (!known.includes(key)) known.push(key);
		};
		if (dimension === 'channel') CHANNELS.forEach(add);
		else if (dimension === 'language')
			for (const instrument of instruments) instrument.languages.forEach((l) => add(l.code));
		else
			for (const instrument of instruments)
				for (const q of allQuestions(instrument))
					if (q.name === dimension)
						instrument.choiceLists
							.find((l) => l.name === q.listName)
							?.choices.forEach((c) => add(c.name));
		const extra = [...(seen.get(dimension) ?? [])]
			.filter((key) => key !== NOT_STATED && !known.includes(key))
			.sort();
		const builtIn = dimension === 'channel' || dimension === 'language';
		keys[dimension] = [
			...known,
			...extra,
			...(builtIn && !seen.get(dimension)?.has(NOT_STATED) ? [] : [NOT_STATED])
		];
	}
	return keys;
}

type Bounds = { min: number; max: number };

/** The ends of a question's answers in one version, or null when they are not bounded. */
function questionBounds(instrument: Instrument, q: Question): Bounds | null {
	if (q.type === 'range' && q.range)
		return { min: Math.min(q.range.start, q.range.end), max: Math.max(q.range.start, q.range.end) };
	if (q.type === 'select_one') {
		const names = instrument.choiceLists.find((l) => l.name === q.listName)?.choices ?? [];
		const values = names.map((c) => Number(c.name));
		if (
			values.length &&
			values.every((v) => Number.isFinite(v) && /^-?\d+(\.\d+)?$/.test(String(v)))
		)
			return { min: Math.min(...values), max: Math.max(...values) };
	}
	return null;
}

/** The ends of a question's answers across every version that asks it; null if any is unbounded. */
function boundsAcross(instruments: readonly Instrument[], name: string): Bounds | null {
	let found: Bounds | null = null;
	for (const instrument of instruments)
		for (const q of allQuestions(instrument)) {
			if (q.name !== name) continue;
			const b = questionBounds(instrument, q);
			if (!b) return null;
			found = found ? { min: Math.min(found.min, b.min), max: Math.max(found.max, b.max) } : b;
		}
	return found;
}

/**
 * The scale a mean or scale score is taken on, when every answer it reads is bounded: a range
 * question's ends, numeric choices' least and greatest, or 0–100 for a rescaled score.
 */
export function scaleOf(
	indicator: Pick<IndicatorDefinition, 'rule'>,
	instruments: readonly Instrument[]
): Bounds | undefined {
	const rule = indicator.rule;
	if (!rule) return undefined;
	if (rule.kind === 'mean') return boundsAcross(instruments, rule.question) ?? undefined;
	if (rule.kind === 'scaleScore') {
		if (rule.rescaleFrom) return { min: 0, max: 100 };
		const items = rule.items.map((item) => boundsAcross(instruments, item));
		if (items.some((b) => !b)) return undefined;
		return {
			min: Math.min(...items.map((b) => b!.min)),
			max: Math.max(...items.map((b) => b!.max))
		};
	}
	return undefined;
}
