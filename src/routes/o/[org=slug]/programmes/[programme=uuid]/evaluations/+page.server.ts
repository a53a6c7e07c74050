import { redirect } from '@sveltejs/kit';
import { evaluationSchema } from '$lib/schemas/evaluations';
import { invalid, parseForm } from '$lib/server/forms';
import { programmeScope } from '$lib/server/auth/viewer';
import * as evaluations from '$lib/server/evaluations/service';
import { can } from '$lib/server/orgs/permissions';
import { listSurveys } from '$lib/server/surveys/service';
import type { Actions, PageServerLoad } from './$types';

/** The programme's evaluations (the team's), and the form that starts one. */
export const load = (async (event) => {
	const { org, role, programme, db } = await programmeScope(event, 'evaluations.view');
	const canCreate = can(role, 'evaluations.edit');
	const [list, surveys] = await Promise.all([
		evaluations.listEvaluations(db, org.id, programme.id),
		canCreate ? listSurveys(db, org.id) : Promise.resolve([])
	]);
	return {
		evaluations: list,
		surveys: surveys.map((s) => ({ id: s.id, name: s.name, published: s.latestVersion !== null })),
		canCreate
	};
}) satisfies PageServerLoad;

export const actions = {
	create: async (event) => {
		const { user, org, programme, db, t } = await programmeScope(event, 'evaluations.edit');
		const parsed = parseForm(await event.request.formData(), evaluationSchema, t);
		if (!parsed.ok) return invalid(parsed.errors, { action: 'create', values: parsed.values });
		const created = await evaluations.createEvaluation(db, user, org.id, programme.id, parsed.data);
		redirect(303, `/o/${org.slug}/programmes/${programme.id}/evaluations/${created.id}`);
	}
} satisfies Actions;
