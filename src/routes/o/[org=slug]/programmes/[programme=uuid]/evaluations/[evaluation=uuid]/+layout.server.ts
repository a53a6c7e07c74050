import { error } from '@sveltejs/kit';
import { orgViewer } from '$lib/server/auth/viewer';
import { findEvaluation } from '$lib/server/evaluations/service';
import { can } from '$lib/server/orgs/permissions';
import type { LayoutServerLoad } from './$types';

/**
 * Every page of one evaluation: the team only (donors read published revisions under
 * /reports), 404 for an evaluation of another programme or organisation.
 */
export const load = (async (event) => {
	const { org, role } = await orgViewer(event, 'evaluations.view');
	// Scoped by organisation and programme: the programme's own layout has already answered 404
	// for a programme of another organisation.
	const evaluation = await findEvaluation(
		event.locals.db,
		org.id,
		event.params.programme,
		event.params.evaluation
	);
	if (!evaluation) error(404, { message: event.locals.t('errors.notFound') });
	return {
		evaluation: {
			id: evaluation.id,
			kind: evaluation.kind,
			title: evaluation.title,
			startsOn: evaluation.startsOn,
			endsOn: evaluation.endsOn,
			purpose: evaluation.purpose,
			methodology: evaluation.methodology,
			limitations: evaluation.limitations,
			surveyIds: evaluation.surveyIds
		},
		evaluationAccess: {
			edit: can(role, 'evaluations.edit'),
			code: can(role, 'feedback.code'),
			publish: can(role, 'reports.publish')
		}
	};
}) satisfies LayoutServerLoad;
