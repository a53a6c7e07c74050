import type { DacCriterion, Level } from '../programmes/model';

export { DAC_CRITERIA, type DacCriterion } from '../programmes/model';

/**
 * Evaluations, coded feedback, findings and reports (DOMAIN.md, "Evaluation criteria"): plain
 * data shared by the server, the pure checks, the pages, the PDF and the .xlsx annex.
 */

export const EVALUATION_KINDS = ['baseline', 'midline', 'endline', 'final', 'adhoc'] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];

/** How strongly the evidence supports a finding. */
export const STRENGTHS = ['strong', 'moderate', 'limited'] as const;
export type Strength = (typeof STRENGTHS)[number];

export const PRIORITIES = ['high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** A management response to a recommendation. */
export const RESPONSE_DECISIONS = ['accepted', 'partial', 'notAccepted'] as const;
export type ResponseDecision = (typeof RESPONSE_DECISIONS)[number];

/** Where the agreed action stands; tracked to completion. */
export const ACTION_STATES = ['notStarted', 'inProgress', 'done'] as const;
export type ActionState = (typeof ACTION_STATES)[number];

export const REPORT_STATUSES = ['draft', 'review', 'published'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Sections every report must fill before it can be published (ICAT road map, item 8). */
export const REQUIRED_SECTIONS = ['whatDidNotWork', 'unintendedEffects', 'limitations'] as const;
export type RequiredSection = (typeof REQUIRED_SECTIONS)[number];

/**
 * What a finding points at. An indicator figure is named by period ('all' for the programme
 * to date) and optionally one breakdown dimension; a theme by its id (its counts, optionally by
 * one dimension); a paraphrase is an analyst's own words standing for what people said —
 * never a respondent's verbatim text.
 */
export type EvidenceRef =
	| { kind: 'indicator'; indicatorId: string; period: string; dimension: string | null }
	| { kind: 'theme'; themeId: string; dimension: string | null }
	| { kind: 'paraphrase'; text: string };

/** A figure as a reader is allowed to see it: suppressed ones carry no number at all. */
export type SnapshotFigure =
	{ shown: true; value: number | null; n: number | null } | { shown: false };

export interface SnapshotCell {
	key: string;
	label: string;
	figure: SnapshotFigure;
}

/** One piece of evidence as it was when the report was published (already suppressed). */
export type SnapshotEvidence =
	| {
			kind: 'indicator';
			code: string;
			statement: string;
			unit: string;
			period: string;
			periodLabel: string;
			figure: SnapshotFigure;
			/** The trend over periods, for a chart (suppressed points have shown: false). */
			trend: { key: string; label: string; figure: SnapshotFigure }[];
			breakdown: { dimension: string; label: string; cells: SnapshotCell[] } | null;
	  }
	| {
			kind: 'theme';
			name: string;
			/** Answers coded with the theme (suppressed under k). */
			figure: SnapshotFigure;
			breakdown: { dimension: string; label: string; cells: SnapshotCell[] } | null;
	  }
	| { kind: 'paraphrase'; text: string };

export interface SnapshotFinding {
	statement: string;
	criterion: DacCriterion;
	question: string | null;
	strength: Strength;
	evidence: SnapshotEvidence[];
}

export interface SnapshotRecommendation {
	text: string;
	priority: Priority;
	addressedTo: string;
	dueOn: string | null;
	response: {
		decision: ResponseDecision;
		action: string;
		owner: string;
		respondedOn: string | null;
		state: ActionState;
	} | null;
}

export interface SnapshotIndicatorRow {
	code: string;
	statement: string;
	level: Level;
	unit: string;
	baseline: number | null;
	baselineDate: string | null;
	target: number | null;
	latest: SnapshotFigure;
	latestPeriod: string | null;
	progress: number | null;
	achievement: number | null;
	status: 'onTrack' | 'atRisk' | 'offTrack' | null;
}

/**
 * A published report, frozen: everything a reader sees, with figures as they were at
 * publication and already suppressed for the organisation's k. Stored as JSON in the revision
 * and never recomputed; a correction is a new revision.
 */
export interface ReportSnapshot {
	version: 1;
	/** The language labels and period names were written in. */
	lang: string;
	title: string;
	summary: string;
	programme: {
		name: string;
		description: string;
		startsOn: string;
		endsOn: string;
		countries: string[];
		sites: string[];
		icatTags: string[];
	};
	logframe: { level: Level; label: string; code: string; narrative: string; depth: number }[];
	evaluation: {
		kind: EvaluationKind;
		title: string;
		startsOn: string;
		endsOn: string;
		purpose: string;
		methodology: string;
		surveys: string[];
		responses: SnapshotFigure;
	};
	/** Findings grouped by criterion, in DAC_CRITERIA order; criteria without findings omitted. */
	findings: { criterion: DacCriterion; findings: SnapshotFinding[] }[];
	whatDidNotWork: string;
	unintendedEffects: string;
	limitations: string;
	recommendations: SnapshotRecommendation[];
	annex: SnapshotIndicatorRow[];
	k: number;
	/**
	 * The last day the figures cover (the end of the last closed period), or null when none had
	 * closed; absent in revisions published before releases were cut at closed periods.
	 */
	through?: string | null;
	/** ISO date of publication (a date only, like every other time a reader sees). */
	publishedOn: string;
	revision: number;
	changeNote: string;
}

/** The report's own text, as the editor holds it. */
export interface ReportText {
	title: string;
	summary: string;
	whatDidNotWork: string;
	unintendedEffects: string;
	limitations: string;
}

/** Why a report cannot be published yet; empty when it can. */
export function publicationProblems(
	report: ReportText,
	findings: number,
	revision: { next: number; changeNote: string }
): ('title' | 'summary' | 'findings' | RequiredSection | 'changeNote')[] {
	const problems: ('title' | 'summary' | 'findings' | RequiredSection | 'changeNote')[] = [];
	if (!report.title.trim()) problems.push('title');
	if (!report.summary.trim()) problems.push('summary');
	if (findings === 0) problems.push('findings');
	for (const section of REQUIRED_SECTIONS) if (!report[section].trim()) problems.push(section);
	// A correction says what changed, so readers of the earlier revision can tell.
	if (revision.next > 1 && !revision.changeNote.trim()) problems.push('changeNote');
	return problems;
}
