import type { IndicatorRule, IndicatorKind } from '../server/indicators/math';

export type { IndicatorRule, IndicatorKind };

/**
 * Programmes and their logframes (DOMAIN.md, "Logframe vocabulary"). Plain data shared by the
 * server (database rows map onto these), the pure checks, the .xlsx round trip and the pages.
 */

/** The four levels, top down. Their labels are configurable; the levels are not. */
export const LEVELS = ['goal', 'outcome', 'output', 'activity'] as const;
export type Level = (typeof LEVELS)[number];

/** Results are the levels an evaluation judges: a sane logframe has at most ~10 of them. */
export const RESULT_LEVELS: readonly Level[] = ['outcome', 'output'];
export const MAX_RESULTS = 10;

/** The child level of each level; activities have none. */
export function childLevel(level: Level): Level | null {
	return LEVELS[LEVELS.indexOf(level) + 1] ?? null;
}

/** ICAT counter-trafficking activity types a programme (and a library indicator) is tagged with. */
export const ICAT_ACTIVITY_TYPES = [
	'awareness_raising',
	'safe_migration',
	'livelihoods',
	'legal_framework',
	'criminal_justice',
	'victim_protection',
	'reintegration',
	'coordination',
	'research'
] as const;
export type IcatActivityType = (typeof ICAT_ACTIVITY_TYPES)[number];

/** OECD-DAC evaluation criteria (2019). */
export const DAC_CRITERIA = [
	'relevance',
	'coherence',
	'effectiveness',
	'efficiency',
	'impact',
	'sustainability'
] as const;
export type DacCriterion = (typeof DAC_CRITERIA)[number];

export const INDICATOR_KINDS = [
	'percentInSet',
	'percentSelecting',
	'mean',
	'median',
	'count',
	'scaleScore'
] as const satisfies readonly IndicatorKind[];

export const DIRECTIONS = ['increase', 'decrease'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const PERIOD_KINDS = ['monthly', 'quarterly', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A reporting period: `key` is stable ("2025-Q1", "2025-03", or a custom one's own key). */
export interface Period {
	key: string;
	/** Custom periods carry their name; monthly and quarterly ones are labelled by the page. */
	label?: string;
	/** Inclusive ISO dates. */
	start: string;
	end: string;
}

/**
 * What an indicator can be broken down by: a single-select question of its surveys (by name,
 * like the rule) or the response's channel or language.
 */
export type Disaggregation = string;
export const BUILT_IN_DISAGGREGATIONS = ['channel', 'language'] as const;

export interface LevelLabels {
	goal: string;
	outcome: string;
	output: string;
	activity: string;
}

export interface LogframeNode {
	id: string;
	parentId: string | null;
	level: Level;
	/** Short reference such as "1.2"; optional. */
	code: string;
	narrative: string;
	assumptions: string;
	position: number;
}

export type IndicatorSource = 'survey' | 'manual';

export interface IndicatorDefinition {
	id: string;
	nodeId: string;
	code: string;
	statement: string;
	unit: string;
	kind: IndicatorKind;
	direction: Direction;
	baselineValue: number | null;
	baselineDate: string | null;
	/** Life-of-programme target. */
	target: number | null;
	/** Targets for individual periods, by period key. */
	milestones: Record<string, number>;
	disaggregations: Disaggregation[];
	meansOfVerification: string;
	source: IndicatorSource;
	/** Surveys the rule reads (by question name, so it keeps working across versions). */
	surveyIds: string[];
	/** How answers become the figure; null for manual indicators or a survey binding not set yet. */
	rule: IndicatorRule | null;
	/** Library entry it was added from, if any. */
	libraryId: string | null;
	position: number;
}

export interface Logframe {
	nodes: LogframeNode[];
	indicators: IndicatorDefinition[];
}
