import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PREFER_NOT_TO_SAY as PNTS } from '../../survey/chrome';
import type { Answers } from '../../survey/relevance';
import {
	achievementRatio,
	computeIndicator,
	countResponses,
	DEFAULT_THRESHOLDS,
	meanOf,
	medianOf,
	percentInSet,
	percentSelecting,
	progressToTarget,
	scaleScore,
	status,
	type IndicatorRule
} from './math';

/** One question's answers as a list of responses. */
const column = (question: string, answers: Answers[string][]): Answers[] =>
	answers.map((a) => ({ [question]: a }));

// Ten respondents, by hand: 3 very, 2 fairly, 1 neither, 2 not, 1 declined, 1 skipped.
const satisfied = column('satisfied', [
	'very',
	'fairly',
	'not',
	PNTS,
	undefined,
	'very',
	'neither',
	'fairly',
	'not',
	'very'
]);

// Seven respondents to a multi-select; [] and undefined are both "ticked nothing".
const support = column('support', [
	['legal', 'shelter'],
	['shelter'],
	PNTS,
	undefined,
	['legal'],
	['medical'],
	[]
]);

// Feeling of safety, 0–10.
const safety = column('safety', ['7', '3', '10', PNTS, undefined, '0', '5']);

describe('percentInSet', () => {
	it.each([
		// 5 of the 8 who answered (3 very + 2 fairly); the decliner and the skipper are excluded.
		['very or fairly', ['very', 'fairly'], { value: 62.5, n: 8, excluded: 2 }],
		['very', ['very'], { value: 37.5, n: 8, excluded: 2 }],
		['a set nobody chose', ['unsure'], { value: 0, n: 8, excluded: 2 }],
		['every answer', ['very', 'fairly', 'neither', 'not'], { value: 100, n: 8, excluded: 2 }],
		// "Prefer not to say" is never a success, even if a rule lists it.
		['a set naming prefer not to say', [PNTS], { value: 0, n: 8, excluded: 2 }]
	])('%s', (_, choices, expected) => {
		expect(percentInSet(satisfied, 'satisfied', choices)).toEqual(expected);
	});

	it('counts a multi-select answer in the set when any option ticked is in it', () => {
		// 4 answered: legal+shelter, shelter, legal, medical → 3 have legal or shelter.
		expect(percentInSet(support, 'support', ['legal', 'shelter'])).toEqual({
			value: 75,
			n: 4,
			excluded: 3
		});
	});
});

describe('percentSelecting', () => {
	it.each([
		['legal', { value: 50, n: 4, excluded: 3 }],
		['shelter', { value: 50, n: 4, excluded: 3 }],
		['medical', { value: 25, n: 4, excluded: 3 }],
		['cash', { value: 0, n: 4, excluded: 3 }]
	])('%s', (choice, expected) => {
		expect(percentSelecting(support, 'support', choice)).toEqual(expected);
	});

	it('reads a single answer as one option ticked (a question that was select_one once)', () => {
		const mixed = column('support', ['legal', ['legal', 'medical'], ['shelter'], 'medical']);
		expect(percentSelecting(mixed, 'support', 'legal')).toEqual({ value: 50, n: 4, excluded: 0 });
	});

	it('treats prefer not to say among options as declining the question', () => {
		const mixed = column('support', [[PNTS, 'legal'], ['legal']]);
		expect(percentSelecting(mixed, 'support', 'legal')).toEqual({
			value: 100,
			n: 1,
			excluded: 1
		});
	});
});

describe('meanOf and medianOf', () => {
	it.each([
		// 0, 3, 5, 7, 10: sum 25 over 5.
		['odd count', safety, { value: 5, n: 5, excluded: 2 }, { value: 5, n: 5, excluded: 2 }],
		// 1, 2, 4, 10: mean 17 ÷ 4; median (2 + 4) ÷ 2.
		[
			'even count',
			column('safety', ['10', '1', '4', '2']),
			{ value: 4.25, n: 4, excluded: 0 },
			{ value: 3, n: 4, excluded: 0 }
		],
		[
			'one answer',
			column('safety', ['6', PNTS]),
			{ value: 6, n: 1, excluded: 1 },
			{ value: 6, n: 1, excluded: 1 }
		],
		// Decimals and negatives as stored (String(Number(typed))).
		[
			'decimals and negatives',
			column('x', ['2.5', '-3', '1e+21', '0.5']),
			{ value: 2.5e20, n: 4, excluded: 0 },
			{ value: 1.5, n: 4, excluded: 0 }
		],
		// Skipped, declined, empty, blank, text and a list are all left out, not read as 0.
		[
			'answers that are not numbers',
			column('x', ['4', undefined, PNTS, '', ' ', 'abc', '1,5', ['3'], '8']),
			{ value: 6, n: 2, excluded: 7 },
			{ value: 6, n: 2, excluded: 7 }
		],
		[
			'everyone excluded',
			column('x', [PNTS, undefined, PNTS]),
			{ value: null, n: 0, excluded: 3 },
			{ value: null, n: 0, excluded: 3 }
		],
		['no responses', [], { value: null, n: 0, excluded: 0 }, { value: null, n: 0, excluded: 0 }]
	])('%s', (_, responses, mean, median) => {
		const question = Object.keys(responses[0] ?? { x: 0 })[0]!;
		expect(meanOf(responses, question)).toEqual(mean);
		expect(medianOf(responses, question)).toEqual(median);
	});

	it('does not reorder the responses it was given', () => {
		const responses = column('x', ['3', '1', '2']);
		medianOf(responses, 'x');
		expect(responses.map((r) => r.x)).toEqual(['3', '1', '2']);
	});
});

describe('countResponses', () => {
	const helped = column('helped', ['yes', 'no', 'yes', PNTS, undefined, 'yes']);
	it.each([
		['every response', undefined, { value: 6, n: 6, excluded: 0 }],
		// 3 yes; the decliner and the skipper cannot be counted either way.
		[
			'where helped = yes',
			{ question: 'helped', choices: ['yes'] },
			{ value: 3, n: 3, excluded: 2 }
		],
		[
			'where helped is yes or no',
			{ question: 'helped', choices: ['yes', 'no'] },
			{ value: 4, n: 4, excluded: 2 }
		],
		[
			'where a question nobody answered',
			{ question: 'other', choices: ['yes'] },
			{ value: 0, n: 0, excluded: 6 }
		]
	])('%s', (_, where, expected) => {
		expect(countResponses(helped, where)).toEqual(expected);
	});
});

describe('scaleScore', () => {
	const items = ['w1', 'w2', 'w3', 'w4', 'w5'];
	const row = (...values: Answers[string][]): Answers =>
		Object.fromEntries(values.map((v, i) => [items[i]!, v]));
	// WHO-5 style: five items scored 0–5.
	const wellbeing = [
		row('5', '4', '3', '4', '4'), // mean 4 → 80
		row('2', '2', '1', '3', '2'), // mean 2 → 40
		row('5', PNTS, '5', '4', '5'), // 4 items, mean 4.75 → 95
		row(undefined, undefined, undefined, undefined, undefined)
	];

	it.each([
		['all items required, raw', {}, { value: 3, n: 2, excluded: 2 }],
		[
			'all items required, 0–100',
			{ rescaleFrom: { min: 0, max: 5 } },
			{ value: 60, n: 2, excluded: 2 }
		],
		// (80 + 40 + 95) ÷ 3
		[
			'four of five items, 0–100',
			{ minAnswered: 4, rescaleFrom: { min: 0, max: 5 } },
			{ value: 215 / 3, n: 3, excluded: 1 }
		],
		[
			'one item is enough, raw',
			{ minAnswered: 1 },
			{ value: (4 + 2 + 4.75) / 3, n: 3, excluded: 1 }
		]
	])('%s', (_, options, expected) => {
		const got = scaleScore(wellbeing, items, options);
		expect(got.n).toBe(expected.n);
		expect(got.excluded).toBe(expected.excluded);
		expect(got.value).toBeCloseTo(expected.value, 12);
	});

	it.each([
		// A 1–5 agreement scale: 1 is 0, 5 is 100, 3.5 is 62.5.
		[['5', '5'], 100],
		[['1', '1'], 0],
		[['3', '4'], 62.5]
	])('rescales %j from 1–5 to %d', (answers, expected) => {
		const responses = [{ a: answers[0], b: answers[1] }];
		expect(scaleScore(responses, ['a', 'b'], { rescaleFrom: { min: 1, max: 5 } }).value).toBe(
			expected
		);
	});

	it('leaves out item answers outside the declared range', () => {
		const responses = [
			{ a: '6', b: '4' },
			{ a: '0', b: '2' }
		];
		expect(scaleScore(responses, ['a', 'b'], { rescaleFrom: { min: 1, max: 5 } })).toEqual({
			value: null,
			n: 0,
			excluded: 2
		});
		// With one item enough, each keeps its in-range answer: 4 → 75 and 2 → 25.
		expect(
			scaleScore(responses, ['a', 'b'], { minAnswered: 1, rescaleFrom: { min: 1, max: 5 } })
		).toEqual({
			value: 50,
			n: 2,
			excluded: 0
		});
	});

	it.each([
		['no items', [], {}],
		['an item twice', ['a', 'a'], {}],
		['minAnswered of 0', ['a', 'b'], { minAnswered: 0 }],
		['minAnswered above the items', ['a', 'b'], { minAnswered: 3 }],
		['a range upside down', ['a'], { rescaleFrom: { min: 5, max: 1 } }],
		['an empty range', ['a'], { rescaleFrom: { min: 3, max: 3 } }]
	])('refuses %s', (_, scaleItems, options) => {
		expect(() => scaleScore([], scaleItems, options)).toThrow(RangeError);
	});
});

describe('computeIndicator', () => {
	it.each([
		[{ kind: 'percentInSet', question: 'satisfied', choices: ['very', 'fairly'] }, 62.5],
		[{ kind: 'percentSelecting', question: 'support', choice: 'legal' }, 50],
		[{ kind: 'mean', question: 'safety' }, 5],
		[{ kind: 'median', question: 'safety' }, 5],
		[{ kind: 'count' }, 24],
		[{ kind: 'count', where: { question: 'satisfied', choices: ['not'] } }, 2],
		[{ kind: 'scaleScore', items: ['safety'], rescaleFrom: { min: 0, max: 10 } }, 50]
	] satisfies [IndicatorRule, number][])('%j', (rule, value) => {
		// 0.7 × 100 is 70.00000000000001: rescaled scores are close, not exact.
		expect(computeIndicator([...satisfied, ...support, ...safety], rule).value).toBeCloseTo(
			value,
			10
		);
	});
});

describe('indicator properties', () => {
	const choices = ['a', 'b', 'c', 'd'];
	const answerArb: fc.Arbitrary<Answers[string]> = fc.oneof(
		fc.constant(undefined),
		fc.constant(PNTS),
		fc.constantFrom(...choices),
		fc.subarray(choices),
		fc.integer({ min: -1000, max: 1000 }).map(String),
		fc.double({ min: -1e9, max: 1e9, noNaN: true }).map(String),
		fc.string()
	);
	const responsesArb = fc.array(
		fc.record({ q: answerArb, r: answerArb, s: answerArb }, { requiredKeys: [] }),
		{ maxLength: 40 }
	);
	const numbers = (responses: Answers[], q: 'q' | 'r' | 's') =>
		responses
			.map((a) => a[q])
			// Written independently of math.ts: a decimal literal, no spaces, no hex or Infinity.
			.filter(
				(v): v is string =>
					typeof v === 'string' &&
					v !== '' &&
					v === v.trim() &&
					Number.isFinite(Number(v)) &&
					!/^0[xbo]/i.test(v)
			)
			.map(Number);
	const rules: IndicatorRule[] = [
		{ kind: 'percentInSet', question: 'q', choices: ['a', 'b'] },
		{ kind: 'percentSelecting', question: 'q', choice: 'c' },
		{ kind: 'mean', question: 'q' },
		{ kind: 'median', question: 'q' },
		{ kind: 'scaleScore', items: ['q', 'r', 's'], minAnswered: 2 },
		{
			kind: 'scaleScore',
			items: ['q', 'r', 's'],
			minAnswered: 1,
			rescaleFrom: { min: -1000, max: 1000 }
		}
	];

	it.each(rules.map((r) => [r.kind, r] as const))(
		'%s: n + excluded = respondents, and value is null exactly when n = 0',
		(_, rule) => {
			fc.assert(
				fc.property(responsesArb, (responses) => {
					const got = computeIndicator(responses, rule);
					expect(got.n + got.excluded).toBe(responses.length);
					expect(got.value === null).toBe(got.n === 0);
				})
			);
		}
	);

	it('percentages are within 0–100, and so are rescaled scale scores', () => {
		fc.assert(
			fc.property(responsesArb, (responses) => {
				for (const rule of [rules[0]!, rules[1]!, rules[5]!]) {
					const { value } = computeIndicator(responses, rule);
					if (value !== null) {
						expect(value).toBeGreaterThanOrEqual(0);
						expect(value).toBeLessThanOrEqual(100);
					}
				}
			})
		);
	});

	it('the mean and median lie within the smallest and largest answer', () => {
		fc.assert(
			fc.property(responsesArb, (responses) => {
				const xs = numbers(responses, 'q');
				for (const got of [meanOf(responses, 'q'), medianOf(responses, 'q')]) {
					expect(got.n).toBe(xs.length);
					if (got.value === null) continue;
					expect(got.value).toBeGreaterThanOrEqual(Math.min(...xs));
					expect(got.value).toBeLessThanOrEqual(Math.max(...xs));
				}
			})
		);
	});

	it('the mean of equal answers is that answer exactly', () => {
		fc.assert(
			fc.property(
				fc.double({ min: -1e9, max: 1e9, noNaN: true }),
				fc.integer({ min: 1, max: 50 }),
				(x, times) => {
					expect(meanOf(column('q', Array(times).fill(String(x))), 'q').value).toBe(
						Number(String(x))
					);
				}
			)
		);
	});

	it('adding respondents who declined or skipped changes only the excluded count', () => {
		fc.assert(
			fc.property(
				responsesArb,
				fc.array(fc.constantFrom(PNTS, undefined), { maxLength: 10 }),
				(responses, extra) => {
					for (const rule of rules) {
						const before = computeIndicator(responses, rule);
						const after = computeIndicator(
							[...responses, ...extra.map((a) => ({ q: a, r: a, s: a }))],
							rule
						);
						expect(after).toEqual({ ...before, excluded: before.excluded + extra.length });
					}
				}
			)
		);
	});

	it('a count is its own n, and never more than the responses', () => {
		fc.assert(
			fc.property(responsesArb, (responses) => {
				const got = countResponses(responses, { question: 'q', choices: ['a'] });
				expect(got.value).toBe(got.n);
				expect(got.n + got.excluded).toBeLessThanOrEqual(responses.length);
			})
		);
	});
});

describe('progressToTarget and achievementRatio', () => {
	it.each([
		// % satisfied: higher is better, baseline 40, target 70.
		['at baseline', 40, 40, 70, 0, 40 / 70],
		['half way', 55, 40, 70, 0.5, 55 / 70],
		['at target', 70, 40, 70, 1, 1],
		['beyond target', 80, 40, 70, 4 / 3, 80 / 70],
		['worse than baseline', 30, 40, 70, -1 / 3, 30 / 70],
		// Days waiting for legal aid: lower is better, baseline 60, target 30.
		['waiting time at baseline', 60, 60, 30, 0, 2],
		['waiting time half way', 45, 60, 30, 0.5, 1.5],
		['waiting time at target', 30, 60, 30, 1, 1],
		['waiting time beyond target', 20, 60, 30, 4 / 3, 2 / 3],
		['waiting time worse', 70, 60, 30, -1 / 3, 7 / 3],
		// Re-trafficked survivors: baseline 12, target 0. No ratio to a target of 0.
		['a target of 0', 6, 12, 0, 0.5, null],
		// Keep satisfaction at 80: no distance to cover.
		['target equal to baseline', 78, 80, 80, null, 78 / 80]
	])('%s: current %d, baseline %d, target %d', (_, current, baseline, target, progress, ratio) => {
		const got = progressToTarget(current, baseline, target);
		if (progress === null) expect(got).toBeNull();
		else expect(got).toBeCloseTo(progress, 12);
		const r = achievementRatio(current, target);
		if (ratio === null) expect(r).toBeNull();
		else expect(r).toBeCloseTo(ratio, 12);
	});

	it('refuses numbers that are not finite', () => {
		expect(() => progressToTarget(Number.NaN, 1, 2)).toThrow(RangeError);
		expect(() => achievementRatio(1, Number.POSITIVE_INFINITY)).toThrow(RangeError);
	});

	it('reads the same for a target below baseline as for the mirrored target above it', () => {
		const int = fc.integer({ min: -1e6, max: 1e6 });
		fc.assert(
			fc.property(int, int, int, (current, baseline, target) => {
				const mirrored = progressToTarget(-current, -baseline, -target);
				// === rather than toBe: 0 and −0 are the same progress.
				expect(mirrored === progressToTarget(current, baseline, target)).toBe(true);
			})
		);
	});

	it('is the share of the way from baseline to target', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: -1000, max: 1000 }),
				fc.integer({ min: -1000, max: 1000 }),
				fc.integer({ min: -200, max: 200 }),
				(baseline, target, percent) => {
					fc.pre(target !== baseline);
					const current = baseline + ((target - baseline) * percent) / 100;
					expect(progressToTarget(current, baseline, target)).toBeCloseTo(percent / 100, 9);
				}
			)
		);
	});
});

describe('status', () => {
	it('defaults to 0.1 behind for at risk and 0.25 for off track', () => {
		expect(DEFAULT_THRESHOLDS).toEqual({ atRisk: 0.1, offTrack: 0.25 });
	});

	it.each([
		[0.5, 0.5, 'onTrack'],
		[0.9, 0.5, 'onTrack'],
		[0.4, 0.5, 'onTrack'], // exactly 0.1 behind
		[0.3, 0.4, 'onTrack'], // 0.1 behind, though 0.4 − 0.3 is 0.10000000000000003
		[0.39, 0.5, 'atRisk'],
		[0.25, 0.5, 'atRisk'], // exactly 0.25 behind
		[0.24, 0.5, 'offTrack'],
		[-0.5, 0.5, 'offTrack'],
		// At the start nothing is expected yet: only moving away from the target counts.
		[-0.1, 0, 'onTrack'],
		[-0.2, 0, 'atRisk'],
		[-0.3, 0, 'offTrack'],
		[1, 1, 'onTrack'],
		[0.8, 1, 'atRisk']
	])('progress %d where %d was expected: %s', (progress, expected, want) => {
		expect(status(progress, expected)).toBe(want);
	});

	it.each([
		[0.5, 0.5, 'onTrack'],
		[0.49, 0.5, 'atRisk'],
		[0.45, 0.5, 'atRisk'],
		[0.44, 0.5, 'offTrack']
	])(
		'with strict thresholds, progress %d where %d was expected: %s',
		(progress, expected, want) => {
			expect(status(progress, expected, { atRisk: 0, offTrack: 0.05 })).toBe(want);
		}
	);

	it.each([
		[{ atRisk: 0.3, offTrack: 0.2 }],
		[{ atRisk: -0.1, offTrack: 0.2 }],
		[{ atRisk: Number.NaN, offTrack: 0.2 }]
	])('refuses thresholds %j', (thresholds) => {
		expect(() => status(0.5, 0.5, thresholds)).toThrow(RangeError);
	});

	it('never gets worse as progress improves', () => {
		const rank = { onTrack: 0, atRisk: 1, offTrack: 2 };
		const fraction = fc.double({ min: -2, max: 2, noNaN: true });
		fc.assert(
			fc.property(
				fraction,
				fraction,
				fraction,
				fc.double({ min: 0, max: 1, noNaN: true }),
				fc.double({ min: 0, max: 1, noNaN: true }),
				(a, b, expected, t1, t2) => {
					const thresholds = { atRisk: Math.min(t1, t2), offTrack: Math.max(t1, t2) };
					const [low, high] = a <= b ? [a, b] : [b, a];
					expect(rank[status(high, expected, thresholds)]).toBeLessThanOrEqual(
						rank[status(low, expected, thresholds)]
					);
				}
			)
		);
	});
});
