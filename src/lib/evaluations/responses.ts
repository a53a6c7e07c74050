import type { ActionState, ResponseDecision } from './model';

/**
 * Where the management responses to an evaluation's recommendations stand (issue 7, "tracked
 * to completion"). Pure: the recommendations page shows it as a summary strip.
 */

export interface TrackedRecommendation {
	decision: ResponseDecision | null;
	dueOn: string | null;
	actionState: ActionState;
}

/**
 * Late: the due date has passed (before `today`) and the action is not done. A recommendation
 * management did not accept has no action to be late with; one still awaiting a response is
 * late all the same, since the response is what is missing.
 */
export function isOverdue(r: TrackedRecommendation, today: string): boolean {
	return (
		r.decision !== 'notAccepted' && r.dueOn !== null && r.dueOn < today && r.actionState !== 'done'
	);
}

export interface ResponseSummary {
	total: number;
	accepted: number;
	partial: number;
	notAccepted: number;
	awaiting: number;
	/** Actions (of recommendations not refused), each counted once: done, overdue, in progress. */
	done: number;
	overdue: number;
	inProgress: number;
	notStarted: number;
}

export function responseSummary(
	recommendations: readonly TrackedRecommendation[],
	today: string
): ResponseSummary {
	const summary: ResponseSummary = {
		total: recommendations.length,
		accepted: 0,
		partial: 0,
		notAccepted: 0,
		awaiting: 0,
		done: 0,
		overdue: 0,
		inProgress: 0,
		notStarted: 0
	};
	for (const r of recommendations) {
		if (r.decision === null) summary.awaiting++;
		else summary[r.decision]++;
		if (r.decision === 'notAccepted') continue;
		// Overdue wins over "in progress": a late action is what a reader must see first.
		if (r.actionState === 'done') summary.done++;
		else if (isOverdue(r, today)) summary.overdue++;
		else if (r.actionState === 'inProgress') summary.inProgress++;
		else summary.notStarted++;
	}
	return summary;
}
