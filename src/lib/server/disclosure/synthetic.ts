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
import { recoverable, type DonorRelease } from './attacker';
import { NOT_STATED } from './instruments';
import { releaseChain, releaseDecide } from './release';
import type { ReleaseIndicator, ReleaseInput } from './release-model';

/**
 * Synthetic programmes for the release's property test and benchmark: figures computed from
 * respondents (as SQL computes them from stored answers, with math.ts), so every figure is
 * consistent with every other; then released, shaped for donors as the dashboard shapes them,
 * and attacked by attacker.ts. Pure.
 */

export const KEYS: Record<string, string[]> = {
	gender: ['woman', 'man', 'other'],
	age: ['young', 'adult', 'older'],
	site: ['north', 'south'],
	channel: ['web', 'sms'],
	language: ['en', 'ar']
};

export interface Respondent {
	period: number;
	survey: string;
	channel: string;
	language: string;
	answers: Answers;
}

export interface Spec {
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

export const periodsOf = (n: number): Period[] =>
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
			for (const r of list) {
				const key = cellOf(r, d);
				const members = groups.get(key);
				if (members) members.push(r);
				else groups.set(key, [r]);
			}
			for (const [key, members] of groups)
				((raw.breakdowns[scope] ??= {})[d] ??= {})[key] = of(members);
		}
		const [d1, d2] = dimensions;
		if (d1 && d2) {
			const groups = new Map<string, Respondent[]>();
			for (const r of list) {
				const key = `${cellOf(r, d1)}\u0000${cellOf(r, d2)}`;
				const members = groups.get(key);
				if (members) members.push(r);
				else groups.set(key, [r]);
			}
			for (const [key, members] of groups) (raw.crossed[scope] ??= {})[key] = of(members);
		}
	}
	return raw;
}

/**
 * A synthetic programme's release input as of the end of its `through`-th period (default: its
 * last), with what earlier releases decided.
 */
export function programmeOf(
	s: Spec,
	through = s.periods,
	history: Pick<ReleaseInput, 'earlier' | 'alreadyShown' | 'alreadyHidden'> = {}
) {
	const periods = periodsOf(s.periods).slice(0, through);
	s = {
		...s,
		respondents: s.respondents.filter((r) => r.period < through),
		indicators: s.indicators.map((i) => ({ ...i, manual: i.manual?.slice(0, through) }))
	};
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
	const tally = (f: (r: Respondent) => string) => {
		const counts: Record<string, Record<string, number>> = {};
		for (const r of counted) {
			const byKey = (counts[periods[r.period]!.key] ??= {});
			byKey[f(r)] = (byKey[f(r)] ?? 0) + 1;
		}
		return counts;
	};
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
		responses: { bySurvey, channel: tally((r) => r.channel), language: tally((r) => r.language) },
		...history
	};
	return { input, periods, cellKeys };
}

export const head = (i: ReleaseIndicator, n: number): IndicatorHead => ({
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

/** Responses to date from counts per period. */
function toDate(byPeriod: Record<string, Record<string, number>>): Record<string, number> {
	const sum: Record<string, number> = {};
	for (const counts of Object.values(byPeriod))
		for (const [key, n] of Object.entries(counts)) sum[key] = (sum[key] ?? 0) + n;
	return sum;
}

/** What a donor receives of one release: the dashboard to date and of each period, the counts. */
function donorViews(
	input: ReleaseInput,
	cellKeys: Record<string, string[]>,
	decide: Decide
): DonorRelease {
	const { periods } = input;
	const options = (scope: string) => ({
		audience: 'donor' as const,
		k: input.k,
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
					toDate(input.responses.channel),
					cellKeys.channel!,
					options('all')
				),
				language: presentCounts(
					'language',
					toDate(input.responses.language),
					cellKeys.language!,
					options('all')
				)
			}
		: null;
	return { periods, byScope, counts };
}

/**
 * Releases a random programme at the end of each of its periods, as a donor who looked every
 * period would have seen it, and attacks everything they saw together.
 */
export async function releaseAndAttack(s: Spec) {
	const chain = await releaseChain(
		s.periods,
		(through, history) => programmeOf(s, through, history).input
	);
	const { cellKeys } = programmeOf(s);
	const releases = chain.map((made) =>
		donorViews(
			made.input,
			cellKeys,
			releaseDecide({ model: made.model, decisions: made.decisions })
		)
	);
	const latest = chain.at(-1)!;
	const found = await recoverable(
		releases,
		{
			scales: Object.fromEntries(latest.input.indicators.map((i) => [i.id, i.scale])),
			surveys: Object.fromEntries(latest.input.indicators.map((i) => [i.id, i.surveyIds])),
			countsResponses: Object.fromEntries(
				latest.input.indicators.map((i) => [i.id, i.countsResponses])
			)
		},
		s.k
	);
	return {
		protection: { decisions: latest.decisions, exposed: chain.flatMap((m) => m.audit.exposed) },
		found,
		byScope: releases.at(-1)!.byScope
	};
}
