import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { reportTextSchema } from '$lib/schemas/reports';
import { evaluationScope } from '$lib/server/auth/viewer';
import { invalid, parseForm } from '$lib/server/forms';
import { can } from '$lib/server/orgs/permissions';
import * as reports from '$lib/server/reports/service';
import type { Actions, PageServerLoad } from './$types';

type Event = Pick<RequestEvent, 'locals' | 'url' | 'params'> & {
	params: { org: string; programme: string; evaluation: string };
};

const today = () => new Date().toISOString().slice(0, 10);

export const load = (async (event) => {
	const { viewer, org, role, evaluation } = await evaluationScope(event, 'evaluations.view');
	const { db } = event.locals;
	const state = (await reports.reportOf(db, org.id, evaluation.id))!;
	const preview = await reports.previewOf(db, org.id, evaluation.id, evaluation.programmeId);
	const r = state.report;
	return {
		report: {
			status: r.status,
			title: r.title,
			summary: r.summary,
			whatDidNotWork: r.whatDidNotWork,
			unintendedEffects: r.unintendedEffects,
			limitations: r.limitations,
			language: r.language,
			changeNote: r.changeNote
		},
		next: state.next,
		latest: state.latest,
		problems: state.problems,
		preview,
		k: viewer.k,
		can: { edit: can(role, 'evaluations.edit'), publish: can(role, 'reports.publish') }
	};
}) satisfies PageServerLoad;

/** A workflow step's refusal as the page shows it (beside its button). */
function refused(
	action: string,
	result: Exclude<reports.WorkflowResult, { ok: true }>,
	event: Event
) {
	if (result.reason === 'notFound') error(404, { message: event.locals.t('errors.notFound') });
	if (result.reason === 'problems')
		return fail(400, { action, problems: result.problems, status: null });
	// The figures cannot be released safely: nothing is published, the page says why.
	if (result.reason === 'unsafe')
		return fail(409, { action, problems: [], status: null, unsafe: true });
	// Someone else moved the report on meanwhile: the page reloads and shows where it is now.
	return fail(409, { action, problems: [], status: result.status });
}

export const actions = {
	save: async (event) => {
		const { org, evaluation } = await evaluationScope(event, 'evaluations.edit');
		const parsed = parseForm(await event.request.formData(), reportTextSchema, event.locals.t);
		if (!parsed.ok) return invalid(parsed.errors, { action: 'save', values: parsed.values });
		const result = await reports.saveReportText(
			event.locals.db,
			org.id,
			evaluation.id,
			parsed.data
		);
		if (!result.ok) return refused('save', result, event);
		return { action: 'save', saved: true };
	},
	submit: async (event) => {
		const { org, user, evaluation } = await evaluationScope(event, 'reports.publish');
		const result = await reports.submitForReview(event.locals.db, user, org.id, evaluation.id);
		return result.ok ? { action: 'submit', done: true } : refused('submit', result, event);
	},
	return: async (event) => {
		const { org, user, evaluation } = await evaluationScope(event, 'reports.publish');
		const result = await reports.returnToDraft(event.locals.db, user, org.id, evaluation.id);
		return result.ok ? { action: 'return', done: true } : refused('return', result, event);
	},
	publish: async (event) => {
		const { viewer, evaluation } = await evaluationScope(event, 'reports.publish');
		const result = await reports.publish(event.locals.db, viewer, evaluation.id, {
			today: today()
		});
		return result.ok ? { action: 'publish', done: true } : refused('publish', result, event);
	},
	correct: async (event) => {
		const { org, user, evaluation } = await evaluationScope(event, 'reports.publish');
		const result = await reports.startCorrection(event.locals.db, user, org.id, evaluation.id);
		return result.ok ? { action: 'correct', done: true } : refused('correct', result, event);
	}
} satisfies Actions;
