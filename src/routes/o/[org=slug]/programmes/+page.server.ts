import { redirect } from '@sveltejs/kit';
import { createProgrammeSchema } from '$lib/schemas/programmes';
import { orgViewer } from '$lib/server/auth/viewer';
import { invalid, parseForm } from '$lib/server/forms';
import { DEFAULT_THRESHOLDS } from '$lib/server/indicators/math';
import { can } from '$lib/server/orgs/permissions';
import * as programmes from '$lib/server/programmes/service';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	const { user, org, role, audience } = await orgViewer(event, 'programmes.view');
	const list = await programmes.listProgrammes(event.locals.db, org.id, { user, role });
	return {
		programmes: list,
		canCreate: can(role, 'programmes.edit'),
		canExport: can(role, 'results.export'),
		donor: audience === 'donor'
	};
}) satisfies PageServerLoad;

export const actions = {
	create: async (event) => {
		const { org, user } = await orgViewer(event, 'programmes.edit');
		const form = await event.request.formData();
		const parsed = parseForm(form, createProgrammeSchema, event.locals.t);
		if (!parsed.ok) return invalid(parsed.errors, { action: 'create', values: parsed.values });
		const programme = await programmes.createProgramme(event.locals.db, user, org.id, {
			...parsed.data,
			levelLabels: null,
			atRisk: DEFAULT_THRESHOLDS.atRisk,
			offTrack: DEFAULT_THRESHOLDS.offTrack
		});
		redirect(303, `/o/${org.slug}/programmes/${programme.id}/logframe`);
	}
} satisfies Actions;
