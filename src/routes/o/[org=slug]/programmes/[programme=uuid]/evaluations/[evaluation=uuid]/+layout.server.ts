import { evaluationScope } from '$lib/server/auth/viewer';
import { can } from '$lib/server/orgs/permissions';
import type { LayoutServerLoad } from './$types';

/**
 * Every page of one evaluation: the team only (donors read published revisions under
 * /reports), 404 for an evaluation of another programme or organisation.
 */
export const load = (async (event) => {
	const { role, evaluation } = await evaluationScope(event, 'evaluations.view');
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
