import { PREFER_NOT_TO_SAY } from '../../survey/chrome';
import type { Answers } from '../../survey/relevance';

/**
 * Indicator math over stored answers (DOMAIN.md, "Indicators computed from survey answers") and
 * progress against logframe targets ("Logframe vocabulary"). Pure: the service loads or
 * aggregates the answers; nothing here reads the database.
 *
 * "Prefer not to say" and skipped answers are left out of the denominator and counted in
 * `excluded`, shown beside the figure. So are answers the kind cannot use (text where a number
 * is expected, a value outside a scale's range): an indicator bound by question name keeps
 * working across survey versions, and an answer from a version where the question was different
 * is counted as left out rather than silently read as something else.
 */

export interface IndicatorResult {
	/** null when no respondent could be counted (n = 0). */
	value: number | null;
	/** Respondents the value is computed from (for `count`, the respondents counted). */
	n: number;
	/** Respondents left out: skipped, prefer not to say, or an answer the kind cannot use. */
	excluded: number;
}

export type IndicatorRule =
	/** % of respondents whose answer is one of `choices` (for a multi-select: any of them). */
	| { kind: 'percentInSet'; question: string; choices: readonly string[] }
	/** % of respondents who ticked `choice` in a multi-select. */
	| { kind: 'percentSelecting'; question: string; choice: string }
	| { kind: 'mean'; question: string }
	| { kind: 'median'; question: string }
	/** Responses, or only those whose answer to `where.question` is one of `where.choices`. */
	| { kind: 'count'; where?: { question: string; choices: readonly string[] } }
	| {
			kind: 'scaleScore';
			/** The scale's items: each respondent's score is the mean of their answers to them. */
			items: readonly string[];
			/** Fewest items answered for a score (default: all of them). */
			minAnswered?: number;
			/** The items' range: scores are rescaled to 0–100 and answers outside it left out. */
			rescaleFrom?: { min: number; max: number };
	  };

export type IndicatorKind = IndicatorRule['kind'];

type Answer = Answers[string];

/** The options a person picked, or null when they skipped or preferred not to say. */
function choicesOf(answer: Answer): readonly string[] | null {
	if (answer === undefined) return null;
	const list = Array.isArray(answer) ? answer : [answer];
	// As the server's answer check does: "prefer not to say" among options stands for them all.
	if (list.length === 0 || list.includes(PREFER_NOT_TO_SAY)) return null;
	return list;
}

// Stored numbers are String(Number(typed)), which can be in exponent form.
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** A numeric answer, or null. Not Number() alone: Number('') and Number(' ') are 0. */
function numberOf(answer: Answer): number | null {
	if (typeof answer !== 'string' || !NUMBER.test(answer)) return null;
	const x = Number(answer);
	return Number.isFinite(x) ? x : null;
}

function result(value: number | null, n: number, respondents: number): IndicatorResult {
	return { value: n === 0 ? null : value, n, excluded: respondents - n };
}

function percentWhere(
	responses: readonly Answers[],
	question: string,
	success: (choices: readonly string[]) => boolean
): IndicatorResult {
	let n = 0;
	let hits = 0;
	for (const answers of responses) {
		const choices = choicesOf(answers[question]);
		if (!choices) continue;
		n++;
		if (success(choices)) hits++;
	}
	return result((hits / n) * 100, n, responses.length);
}

/** % of respondents who answered `question` with one of `choices`. */
export function percentInSet(
	responses: readonly Answers[],
	question: string,
	choices: readonly string[]
): IndicatorResult {
	const set = new Set(choices);
	return percentWhere(responses, question, (picked) => picked.some((c) => set.has(c)));
}

/** % of respondents who answered the multi-select `question` and ticked `choice`. */
export function percentSelecting(
	responses: readonly Answers[],
	question: string,
	choice: string
): IndicatorResult {
	return percentWhere(responses, question, (picked) => picked.includes(choice));
}

function numbersOf(responses: readonly Answers[], question: string): number[] {
	const values: number[] = [];
	for (const answers of responses) {
		const x = numberOf(answers[question]);
		if (x !== null) values.push(x);
	}
	return values;
}

function meanOfNumbers(values: readonly number[]): number {
	let sum = 0;
	let min = Infinity;
	let max = -Infinity;
	for (const x of values) {
		sum += x;
		min = Math.min(min, x);
		max = Math.max(max, x);
	}
	// Rounding in the sum can put the mean of equal values an ulp outside them; the true mean is
	// always within, so clamp. (Answers are at most 30 characters: the sum cannot overflow.)
	return Math.min(max, Math.max(min, sum / values.length));
}

/** Mean of the numeric answers to `question`. */
export function meanOf(responses: readonly Answers[], question: string): IndicatorResult {
	const values = numbersOf(responses, question);
	return result(values.length ? meanOfNumbers(values) : null, values.length, responses.length);
}

/** Median of the numeric answers to `question`: the mean of the middle two for an even count. */
export function medianOf(responses: readonly Answers[], question: string): IndicatorResult {
	const values = numbersOf(responses, question).sort((a, b) => a - b);
	const mid = Math.floor(values.length / 2);
	const median =
		values.length === 0
			? null
			: values.length % 2
				? values[mid]!
				: values[mid - 1]! + (values[mid]! - values[mid - 1]!) / 2;
	return result(median, values.length, responses.length);
}

/**
 * Responses, or those whose answer to `where.question` is one of `where.choices`. The value is
 * the count itself, and so is n: a count is a number of people, suppressed like any other.
 * Respondents who skipped or declined `where.question` are in `excluded`; so here n + excluded
 * is at most the number of responses, not equal to it.
 */
export function countResponses(
	responses: readonly Answers[],
	where?: { question: string; choices: readonly string[] }
): IndicatorResult {
	if (!where) return { value: responses.length, n: responses.length, excluded: 0 };
	const set = new Set(where.choices);
	let n = 0;
	let excluded = 0;
	for (const answers of responses) {
		const choices = choicesOf(answers[where.question]);
		if (!choices) excluded++;
		else if (choices.some((c) => set.has(c))) n++;
	}
	return { value: n, n, excluded };
}

/**
 * Mean of each respondent's score, a score being the mean of their answers to the scale's items,
 * rescaled to 0–100 when the items' range is given (a WHO-5 style percentage). Respondents who
 * answered fewer than `minAnswered` items are excluded.
 */
export function scaleScore(
	responses: readonly Answers[],
	items: readonly string[],
	options: { minAnswered?: number; rescaleFrom?: { min: number; max: number } } = {}
): IndicatorResult {
	const { minAnswered = items.length, rescaleFrom } = options;
	// A malformed rule is a bug upstream (rules are checked when saved): fail loudly.
	if (items.length === 0 || new Set(items).size !== items.length)
		throw new RangeError('a scale needs distinct items');
	if (!Number.isInteger(minAnswered) || minAnswered < 1 || minAnswered > items.length)
		throw new RangeError(`minAnswered must be from 1 to ${items.length}`);
	if (
		rescaleFrom &&
		!(
			Number.isFinite(rescaleFrom.min) &&
			Number.isFinite(rescaleFrom.max) &&
			rescaleFrom.max > rescaleFrom.min
		)
	)
		throw new RangeError('a scale range needs min below max');

	const scores: number[] = [];
	for (const answers of responses) {
		const values: number[] = [];
		for (const item of items) {
			const x = numberOf(answers[item]);
			if (x === null) continue;
			// Outside the declared range (a later version changed the scale): not this scale's answer.
			if (rescaleFrom && (x < rescaleFrom.min || x > rescaleFrom.max)) continue;
			values.push(x);
		}
		if (values.length < minAnswered) continue;
		const mean = meanOfNumbers(values);
		scores.push(
			rescaleFrom ? ((mean - rescaleFrom.min) / (rescaleFrom.max - rescaleFrom.min)) * 100 : mean
		);
	}
	return result(scores.length ? meanOfNumbers(scores) : null, scores.length, responses.length);
}

/** One indicator's value over the responses of a period (or of one cell of a breakdown). */
export function computeIndicator(
	responses: readonly Answers[],
	rule: IndicatorRule
): IndicatorResult {
	switch (rule.kind) {
		case 'percentInSet':
			return percentInSet(responses, rule.question, rule.choices);
		case 'percentSelecting':
			return percentSelecting(responses, rule.question, rule.choice);
		case 'mean':
			return meanOf(responses, rule.question);
		case 'median':
			return medianOf(responses, rule.question);
		case 'count':
			return countResponses(responses, rule.where);
		case 'scaleScore':
			return scaleScore(responses, rule.items, rule);
		default:
			// Exhaustive: a new kind without a case here fails to compile.
			return rule satisfies never;
	}
}

// ---------------------------------------------------------------------------------------------
// Progress against targets

function assertFinite(...xs: number[]): void {
	if (!xs.every(Number.isFinite)) throw new RangeError('not a finite number');
}

/**
 * (current − baseline) ÷ (target − baseline): 0 at baseline, 1 at target, whichever way the
 * target lies, so lower-is-better indicators need no special case. Below 0 means further from
 * the target than at baseline; above 1, beyond it. null when target = baseline (a "maintain"
 * target has no distance to cover).
 */
export function progressToTarget(current: number, baseline: number, target: number): number | null {
	assertFinite(current, baseline, target);
	return target === baseline ? null : (current - baseline) / (target - baseline);
}

/**
 * The EU's achievement ratio, current ÷ target; null when the target is 0. It ignores
 * direction: for a lower-is-better indicator a ratio above 1 means the target is not yet met.
 */
export function achievementRatio(current: number, target: number): number | null {
	assertFinite(current, target);
	return target === 0 ? null : current / target;
}

export type Status = 'onTrack' | 'atRisk' | 'offTrack';

/** How far progress may fall short of the expected progress (in the same units) per status. */
export interface StatusThresholds {
	atRisk: number;
	offTrack: number;
}

/**
 * Defaults: up to a tenth of the distance from baseline to target behind schedule is on track,
 * more than a quarter is off track. Shortfalls rather than ratios of progress to expected
 * progress, because early in a programme a ratio divides by almost nothing and turns a small
 * lag into "off track". The bands are a starting point, not a standard: programmes set theirs.
 */
export const DEFAULT_THRESHOLDS: StatusThresholds = { atRisk: 0.1, offTrack: 0.25 };

// Shortfalls are differences of fractions: 0.4 − 0.3 is 0.10000000000000003, which must read as
// exactly on the 0.1 threshold.
const EPSILON = 1e-9;

/**
 * On track, at risk or off track, from progress toward target and the progress expected by now
 * (progressToTarget of the period's milestone, or the share of the programme period elapsed).
 * A shortfall up to `atRisk` is on track, up to `offTrack` at risk, beyond that off track.
 */
export function status(
	progress: number,
	expectedProgress: number,
	thresholds: StatusThresholds = DEFAULT_THRESHOLDS
): Status {
	assertFinite(progress, expectedProgress, thresholds.atRisk, thresholds.offTrack);
	if (thresholds.atRisk < 0 || thresholds.offTrack < thresholds.atRisk)
		throw new RangeError('thresholds must satisfy 0 ≤ atRisk ≤ offTrack');
	const shortfall = expectedProgress - progress;
	if (shortfall <= thresholds.atRisk + EPSILON) return 'onTrack';
	if (shortfall <= thresholds.offTrack + EPSILON) return 'atRisk';
	return 'offTrack';
}
