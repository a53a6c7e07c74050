import type { IndicatorDefinition } from '$lib/programmes/model';
import type { ProgrammeResults } from '$lib/server/indicators/results';
import type { FigureView } from '$lib/server/indicators/present';

/** What the indicator page shows of its figures and of how it was added. */

export interface FigureSummary {
	value: number | null;
	n: number | null;
	excluded: number;
	/** Donors do not see it (fewer than k, or it would reveal a cell that is). */
	flagged: boolean;
}

export interface IndicatorFigures {
	k: number;
	latest: (FigureSummary & { period: string; label?: string }) | null;
	overall: FigureSummary | null;
	progress: number | null;
	achievement: number | null;
	status: 'onTrack' | 'atRisk' | 'offTrack' | null;
	/** Periods begun so far, with a figure or not. */
	periods: number;
}

function summary(figure: FigureView): FigureSummary | null {
	if (!figure.shown) return null;
	return {
		value: figure.value,
		n: figure.n,
		excluded: figure.excluded ?? 0,
		flagged: 'flagged' in figure && figure.flagged
	};
}

/** The indicator's latest figure and the programme to date, as the team sees them. */
export function figuresOf(results: ProgrammeResults, indicatorId: string): IndicatorFigures | null {
	const view = results.indicators.find((i) => i.id === indicatorId);
	if (!view) return null;
	const latestPoint = view.latest ? view.trend.find((p) => p.key === view.latest!.key) : undefined;
	const latest = latestPoint ? summary(latestPoint.figure) : null;
	return {
		k: results.k,
		latest:
			latest && latestPoint
				? { ...latest, period: latestPoint.key, label: latestPoint.label }
				: null,
		overall: summary(view.overall),
		progress: view.latest?.progress ?? null,
		achievement: view.latest?.achievement ?? null,
		status: view.latest?.status ?? null,
		periods: results.periods.length
	};
}

export type LibraryNotice =
	| { kind: 'added' | 'asked'; survey: { id: string; name: string }; question: string }
	| { kind: 'unbound' | 'manual' };

const QUESTION_OF = (rule: IndicatorDefinition['rule']): string => {
	if (!rule) return '';
	if (rule.kind === 'scaleScore') return rule.items.join(', ');
	if (rule.kind === 'count') return rule.where?.question ?? '';
	return rule.question;
};

/**
 * The notice after adding from the library (`?library=added|asked|unbound|manual&survey=…`):
 * where the question went and that it collects answers only once the survey is published.
 */
export function noticeOf(
	param: string | null,
	survey: { id: string; name: string } | undefined,
	indicator: IndicatorDefinition
): LibraryNotice | null {
	if (param === 'unbound' || param === 'manual') return { kind: param };
	if ((param === 'added' || param === 'asked') && survey && indicator.surveyIds.includes(survey.id))
		return {
			kind: param,
			survey: { id: survey.id, name: survey.name },
			question: QUESTION_OF(indicator.rule)
		};
	return null;
}
