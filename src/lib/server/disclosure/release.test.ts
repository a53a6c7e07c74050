import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IndicatorKind } from '../../programmes/model';
import type { Answers } from '../../survey/relevance';
import type { IndicatorRule } from '../indicators/math';
import { presentIndicator, type Decide, type RawResults } from '../indicators/present';
import { recoverable } from './attacker';
import { protect } from './protect';
import { releaseDecide } from './release';
import { releaseModel, type ReleaseIndicator } from './release-model';
import { head, KEYS, periodsOf, releaseAndAttack, type Spec } from './synthetic';

/**
 * Random programmes, made from random respondents so every figure is consistent with every
 * other (as SQL computes them from the same answers): random periods, breakdowns with rare
 * groups, percentages, bounded and unbounded means, medians, plain and conditional counts,
 * manual counts with and without people, indicators over different surveys. Each is released
 * (protected and audited), shaped for donors exactly as the dashboard shapes it, and attacked by
 * attacker.ts, which knows nothing of the release model: no hidden count may be narrower than k.
 */

const choice = (keys: string[]) =>
	fc.oneof(
		{ weight: 12, arbitrary: fc.constantFrom(...keys.slice(0, 1)) },
		{ weight: 6, arbitrary: fc.constantFrom(...keys) },
		{ weight: 1, arbitrary: fc.constant('.pnts') },
		{ weight: 1, arbitrary: fc.constant(undefined) }
	);

const respondent = (periods: number) =>
	fc.record({
		period: fc.integer({ min: 0, max: periods - 1 }),
		survey: fc.constantFrom('s1', 's1', 's1', 's2'),
		channel: fc.constantFrom('web', 'web', 'sms'),
		language: fc.constantFrom('en', 'en', 'en', 'ar'),
		gender: choice(KEYS.gender!),
		age: choice(KEYS.age!),
		site: choice(KEYS.site!),
		satisfied: choice(['yes', 'no']),
		safety: fc.oneof(fc.integer({ min: 0, max: 10 }).map(String), fc.constant('.pnts')),
		income: fc.oneof(fc.integer({ min: 0, max: 900 }).map(String), fc.constant(undefined))
	});

const RULES: { kind: IndicatorKind; rule: IndicatorRule }[] = [
	{ kind: 'percentInSet', rule: { kind: 'percentInSet', question: 'satisfied', choices: ['yes'] } },
	{ kind: 'mean', rule: { kind: 'mean', question: 'safety' } },
	{ kind: 'mean', rule: { kind: 'mean', question: 'income' } },
	{ kind: 'median', rule: { kind: 'median', question: 'safety' } },
	{ kind: 'count', rule: { kind: 'count' } },
	{ kind: 'count', rule: { kind: 'count', where: { question: 'satisfied', choices: ['no'] } } }
];

const spec: fc.Arbitrary<Spec> = fc
	.record({ k: fc.integer({ min: 3, max: 8 }), periods: fc.integer({ min: 1, max: 4 }) })
	.chain(({ k, periods }) =>
		fc.record({
			k: fc.constant(k),
			periods: fc.constant(periods),
			respondents: fc.array(respondent(periods), { minLength: 0, maxLength: 60 }).map((list) =>
				list.map(({ period, survey, channel, language, ...answers }) => ({
					period,
					survey,
					channel,
					language,
					answers: Object.fromEntries(
						Object.entries(answers).filter(([, v]) => v !== undefined)
					) as Answers
				}))
			),
			indicators: fc.array(
				fc.oneof(
					{
						weight: 5,
						arbitrary: fc.record({
							rule: fc.constantFrom(...RULES),
							dimensions: fc.subarray(['gender', 'age', 'site', 'channel', 'language'], {
								maxLength: 3
							}),
							surveys: fc.constantFrom(['s1'], ['s1', 's2'])
						})
					},
					{
						weight: 1,
						arbitrary: fc.record({
							rule: fc.constant(null),
							dimensions: fc.constant([] as string[]),
							surveys: fc.constant([] as string[]),
							manual: fc.array(
								fc.record({
									value: fc.integer({ min: 0, max: 40 }),
									n: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 }))
								}),
								{ minLength: periods, maxLength: periods }
							)
						})
					}
				),
				{ minLength: 1, maxLength: 3 }
			)
		})
	)
	.map((s): Spec => ({
		...s,
		indicators: s.indicators.map((i) => ({
			kind: i.rule?.kind ?? 'count',
			rule: i.rule?.rule ?? null,
			dimensions: i.dimensions,
			surveys: [...i.surveys],
			manual: 'manual' in i ? i.manual.map((m) => ({ ...m, n: m.n ? m.value : 0 })) : undefined
		}))
	}));

describe('a release of a random programme', () => {
	it('leaves no hidden count a donor can narrow below k (1,000 programmes)', async () => {
		let hidden = 0;
		await fc.assert(
			fc.asyncProperty(spec, async (s) => {
				const { protection, found, byScope } = await releaseAndAttack(s);
				expect(protection.exposed).toEqual([]);
				expect(found).toEqual([]);
				// Nothing under k is shown anywhere.
				const text = JSON.stringify(byScope);
				for (const m of text.matchAll(/"n":(\d+)/g))
					if (Number(m[1]) > 0) expect(Number(m[1])).toBeGreaterThanOrEqual(s.k);
				hidden += protection.decisions.size;
			}),
			{ numRuns: 1000 }
		);
		// The programmes had something to protect.
		expect(hidden).toBeGreaterThan(1000);
	}, 600_000);

	it('the attacker finds what table-by-table suppression leaves open (the OP5.1 case)', async () => {
		// A manual count: seven quarters and a small eighth, against the programme to date.
		const values = [14, 22, 25, 31, 29, 34, 38, 2];
		const periods = periodsOf(8);
		const raw: RawResults = {
			periods: Object.fromEntries(
				periods.map((p, i) => [p.key, { value: values[i]!, n: values[i]!, excluded: 0 }])
			),
			overall: { value: 195, n: 195, excluded: 0 },
			breakdowns: {},
			crossed: {},
			manual: true
		};
		const indicator: ReleaseIndicator = {
			id: 'op51',
			kind: 'count',
			manual: true,
			surveyIds: [],
			countsResponses: false,
			dimensions: [],
			raw
		};
		const options = (decide: Decide) => ({
			audience: 'donor' as const,
			k: 5,
			periods,
			programme: { startsOn: periods[0]!.start, endsOn: periods.at(-1)!.end },
			thresholds: { atRisk: 0.1, offTrack: 0.25 },
			cellKeys: {},
			decide
		});
		const known = { scales: {}, surveys: {}, countsResponses: {} };
		// Only the small quarter hidden, as a rule applied per table without the total would do.
		const naive = presentIndicator(
			head(indicator, 51),
			raw,
			options(({ id }) => (id.endsWith('P8') ? 'small' : null))
		);
		expect(
			await recoverable({ periods, byScope: { all: [naive] }, counts: null }, known, 5)
		).toEqual([{ figure: 'C51 P8', min: 2, max: 2 }]);
		// The release hides enough.
		const model = releaseModel({
			k: 5,
			periods,
			indicators: [indicator],
			cellKeys: {},
			responses: { bySurvey: {}, channel: {}, language: {} }
		});
		const protection = await protect(model, 5);
		const released = presentIndicator(
			head(indicator, 51),
			raw,
			options(releaseDecide({ model, decisions: protection.decisions }))
		);
		expect(
			await recoverable({ periods, byScope: { all: [released] }, counts: null }, known, 5)
		).toEqual([]);
		expect(released.trend.filter((p) => !p.figure.shown).length).toBeGreaterThanOrEqual(2);
	});
});
