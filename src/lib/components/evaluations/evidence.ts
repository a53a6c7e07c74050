import type { FlagReason } from '$lib/server/indicators/present';
import type { DacCriterion, EvidenceRef, Strength } from '$lib/evaluations/model';
import { DAC_CRITERIA } from '$lib/evaluations/model';

/**
 * The findings page's view of each piece of evidence, as the team sees it now (the report
 * freezes its own, suppressed, copy at publication). Pure: the page's load builds it from what
 * the services read; tested beside it.
 */

export interface CurrentFigure {
	value: number | null;
	n: number | null;
	/** Why donors would not see it (null when they do). */
	reason: FlagReason | null;
}

export type EvidenceView =
	| {
			kind: 'indicator';
			code: string;
			statement: string;
			unit: string;
			period: string;
			periodLabel: string;
			dimensionLabel: string | null;
			current: CurrentFigure | null;
	  }
	| { kind: 'theme'; name: string; dimensionLabel: string | null; count: number | null }
	| { kind: 'paraphrase'; text: string }
	/** What it named has since been deleted (an indicator, a theme). */
	| { kind: 'missing'; was: 'indicator' | 'theme' };

export interface IndicatorLookup {
	code: string;
	statement: string;
	unit: string;
	/** period key ('all' for the programme to date) → the team's figure. */
	figures: Record<string, CurrentFigure | null>;
}

export function evidenceView(
	ref: EvidenceRef,
	lookups: {
		indicators: Record<string, IndicatorLookup>;
		themes: Record<string, { name: string; count: number | null }>;
		periodLabel: (key: string) => string;
		dimensionLabel: (dimension: string) => string;
	}
): EvidenceView {
	switch (ref.kind) {
		case 'indicator': {
			const indicator = lookups.indicators[ref.indicatorId];
			if (!indicator) return { kind: 'missing', was: 'indicator' };
			return {
				kind: 'indicator',
				code: indicator.code,
				statement: indicator.statement,
				unit: indicator.unit,
				period: ref.period,
				periodLabel: lookups.periodLabel(ref.period),
				dimensionLabel: ref.dimension === null ? null : lookups.dimensionLabel(ref.dimension),
				current: indicator.figures[ref.period] ?? null
			};
		}
		case 'theme': {
			const theme = lookups.themes[ref.themeId];
			if (!theme) return { kind: 'missing', was: 'theme' };
			return {
				kind: 'theme',
				name: theme.name,
				dimensionLabel: ref.dimension === null ? null : lookups.dimensionLabel(ref.dimension),
				count: theme.count
			};
		}
		case 'paraphrase':
			return { kind: 'paraphrase', text: ref.text };
	}
}

/** Findings grouped by criterion in DAC order, each group in the findings' own order. */
export function byCriterion<T extends { criterion: DacCriterion }>(
	findings: readonly T[]
): { criterion: DacCriterion; findings: T[] }[] {
	return DAC_CRITERIA.map((criterion) => ({
		criterion,
		findings: findings.filter((f) => f.criterion === criterion)
	})).filter((g) => g.findings.length > 0);
}

export interface FindingView {
	id: string;
	statement: string;
	criterion: DacCriterion;
	questionId: string | null;
	strength: Strength;
	evidence: EvidenceView[];
}
