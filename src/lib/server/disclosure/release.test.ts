import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IndicatorKind, Period } from '../../programmes/model';
import type { Answers } from '../../survey/relevance';
import { computeIndicator, type IndicatorRule } from '../indicators/math';
import {
	presentCounts,
	presentIndicator,
	type Decide,
	type IndicatorHead,
	type RawResults
} from '../indicators/present';
import { recoverable } from './attacker';
import { NOT_STATED } from './instruments';
import { protect } from './protect';
import { releaseDecide } from './release';
import { releaseModel, type ReleaseIndicator, type ReleaseInput } from './release-model';

/**
 * Random programmes, made from random respondents so every figure is consistent with every
 * other (as SQL computes them from the same answers): random periods, breakdowns with rare
 * groups, percentages, bounded and unbounded means, medians, plain and conditional counts,
 * manual counts with and without people, indicators over different surveys. Each is released
 * (protected and audited), shaped for donors exactly as the dashboard shapes it, and attacked by
 * attacker.ts, which knows nothing of the release model: no hidden count may be narrower than k.
 */

const KEYS: Record<string, string[]> = {
	gender: ['woman', 'man', 'other'],
	age: ['young', 'adult', 'older'],
	site: ['north', 'south'],
	channel: ['web', 'sms'],
	language: ['en', 'ar']
};

interface Respondent {
	period: number;
	survey: string;
	channel: string;
	language: string;
	answers: Answers;
}

interface Spec {
	k: number;
	periods: number;
	respondents: Respondent[];
	indicators: {
		kind: IndicatorKind;
		rule: IndicatorRule | null;
		dimensions: string[];
		surveys: string[];
		manual?: { value: number; n: number }[];
	}[];
}

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
			respondents: fc.array(respondent(periods), { minLength: 0, maxLength: 90 }).map((list) =>
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
				{ minLength: 1, maxLength: 4 }
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

const periodsOf = (n: number): Period[] =>
	Array.from({ length: n }, (_, i) => ({
		key: `P${i + 1}`,
		start: `2025-${String(i + 1).padStart(2, '0')}-01`,
		end: `2025-${String(i + 1).padStart(2, '0')}-28`
	}));

const cellOf = (r: Respondent, dimension: string): string => {
	if (dimension === 'channel') return r.channel;
	if (dimension === 'language') return r.language;
	const answer = r.answers[dimension];
	return typeof answer === 'string' && answer !== '.pnts' ? answer : NOT_STATED;
};

/** An indicator's figures as the SQL computes them: every period, cell and crossed cell. */
function rawOf(
	rule: IndicatorRule,
	dimensions: string[],
	respondents: Respondent[],
	periods: Period[]
): RawResults {
	const of = (list: Respondent[]) => {
		const result = computeIndicator(
			list.map((r) => r.answers),
			rule
		);
		return result;
	};
	const raw: RawResults = {
		periods: {},
		overall: of(respondents),
		breakdowns: {},
		crossed: {}
	};
	const scopes = [
		['all', respondents] as const,
		...periods.map((p, i) => [p.key, respondents.filter((r) => r.period === i)] as const)
	];
	for (const [scope, list] of scopes) {
		if (scope !== 'all' && list.length) raw.periods[scope] = of(list);
		for (const d of dimensions) {
			const groups = new Map<string, Respondent[]>();
			for (const r of list) groups.set(cellOf(r, d), [...(groups.get(cellOf(r, d)) ?? []), r]);
			for (const [key, members] of groups)
				((raw.breakdowns[scope] ??= {})[d] ??= {})[key] = of(members);
		}
		const [d1, d2] = dimensions;
		if (d1 && d2)
			for (const r of list) {
				const key = `${cellOf(r, d1)}\u0000${cellOf(r, d2)}`;
				const members = list.filter((x) => `${cellOf(x, d1)}\u0000${cellOf(x, d2)}` === key);
				(raw.crossed[scope] ??= {})[key] = of(members);
			}
	}
	return raw;
}

function programmeOf(s: Spec) {
	const periods = periodsOf(s.periods);
	const indicators: ReleaseIndicator[] = s.indicators.map((def, i) => {
		const id = `i${i}`;
		if (def.manual) {
			const raw: RawResults = {
				periods: {},
				overall: { value: null, n: 0, excluded: 0 },
				breakdowns: {},
				crossed: {},
				manual: true
			};
			periods.forEach(
				(p, j) =>
					(raw.periods[p.key] = { value: def.manual![j]!.value, n: def.manual![j]!.n, excluded: 0 })
			);
			const entries = Object.values(raw.periods);
			raw.overall = {
				value: entries.reduce((a, e) => a + (e.value ?? 0), 0),
				n: entries.every((e) => e.n > 0) ? entries.reduce((a, e) => a + e.n, 0) : 0,
				excluded: 0
			};
			return {
				id,
				kind: 'count',
				manual: true,
				surveyIds: [],
				countsResponses: false,
				dimensions: [],
				raw
			};
		}
		const respondents = s.respondents.filter((r) => def.surveys.includes(r.survey));
		const bounded = def.rule!.kind === 'mean' && def.rule!.question === 'safety';
		return {
			id,
			kind: def.kind,
			manual: false,
			surveyIds: def.surveys,
			countsResponses: def.rule!.kind === 'count' && !def.rule!.where,
			dimensions: def.dimensions,
			scale: bounded ? { min: 0, max: 10 } : undefined,
			raw: rawOf(def.rule!, def.dimensions, respondents, periods)
		};
	});
	const bySurvey: Record<string, Record<string, number>> = {};
	const counted = s.respondents.filter((r) =>
		indicators.some((i) => i.surveyIds.includes(r.survey))
	);
	for (const r of s.respondents) {
		const p = periods[r.period]!.key;
		(bySurvey[r.survey] ??= {})[p] = (bySurvey[r.survey]![p] ?? 0) + 1;
	}
	const tally = (f: (r: Respondent) => string) =>
		counted.reduce<Record<string, number>>((a, r) => ({ ...a, [f(r)]: (a[f(r)] ?? 0) + 1 }), {});
	const cellKeys: Record<string, string[]> = Object.fromEntries(
		Object.entries(KEYS).map(([d, keys]) => [
			d,
			d === 'channel' || d === 'language' ? keys : [...keys, NOT_STATED]
		])
	);
	const input: ReleaseInput = {
		k: s.k,
		periods,
		indicators,
		cellKeys,
		responses: { bySurvey, channel: tally((r) => r.channel), language: tally((r) => r.language) }
	};
	return { input, periods, cellKeys };
}

const head = (i: ReleaseIndicator, n: number): IndicatorHead => ({
	id: i.id,
	nodeId: 'n',
	code: `C${n}`,
	statement: '',
	unit: '',
	kind: i.kind,
	direction: 'increase',
	source: i.manual ? 'manual' : 'survey',
	baselineValue: null,
	baselineDate: null,
	target: null,
	milestones: {},
	disaggregations: i.dimensions
});

/** Releases a random programme and attacks what a donor receives of it. */
async function releaseAndAttack(s: Spec) {
	const { input, periods, cellKeys } = programmeOf(s);
	const model = releaseModel(input);
	const protection = await protect(model, s.k);
	const decide = releaseDecide({ model, decisions: protection.decisions });
	const options = (scope: string) => ({
		audience: 'donor' as const,
		k: s.k,
		periods,
		programme: { startsOn: periods[0]!.start, endsOn: periods.at(-1)!.end },
		thresholds: { atRisk: 0.1, offTrack: 0.25 },
		scope,
		cellKeys,
		decide
	});
	const byScope = Object.fromEntries(
		['all', ...periods.map((p) => p.key)].map((scope) => [
			scope,
			input.indicators.map((i, n) => presentIndicator(head(i, n), i.raw, options(scope)))
		])
	);
	const counts = input.indicators.some((i) => !i.manual)
		? {
				channel: presentCounts(
					'channel',
					input.responses.channel,
					cellKeys.channel!,
					options('all')
				),
				language: presentCounts(
					'language',
					input.responses.language,
					cellKeys.language!,
					options('all')
				)
			}
		: null;
	const found = await recoverable(
		{ byScope, counts },
		{
			periods,
			scales: Object.fromEntries(input.indicators.map((i) => [i.id, i.scale])),
			surveys: Object.fromEntries(input.indicators.map((i) => [i.id, i.surveyIds])),
			countsResponses: Object.fromEntries(input.indicators.map((i) => [i.id, i.countsResponses]))
		},
		s.k
	);
	return { protection, found, byScope };
}

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
		const known = { periods, scales: {}, surveys: {}, countsResponses: {} };
		// Only the small quarter hidden, as a rule applied per table without the total would do.
		const naive = presentIndicator(
			head(indicator, 51),
			raw,
			options(({ id }) => (id.endsWith('P8') ? 'small' : null))
		);
		expect(await recoverable({ byScope: { all: [naive] }, counts: null }, known, 5)).toEqual([
			{ figure: 'C51 P8', min: 2, max: 2 }
		]);
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
		expect(await recoverable({ byScope: { all: [released] }, counts: null }, known, 5)).toEqual([]);
		expect(released.trend.filter((p) => !p.figure.shown).length).toBeGreaterThanOrEqual(2);
	});
});
