import { redirect, type RequestEvent } from '@sveltejs/kit';
import {
	deleteProgrammeSchema,
	programmeDetailsSchema,
	programmeDonorsSchema
} from '$lib/schemas/programmes';
import { programmeScope } from '$lib/server/auth/viewer';
import { invalid, parseForm } from '$lib/server/forms';
import * as programmes from '$lib/server/programmes/service';
import type { Actions, PageServerLoad } from './$types';

/** Owners and managers only; the programme must be this organisation's. */
async function guard(
	event: Pick<RequestEvent, 'locals' | 'url' | 'params'> & { params: { programme: string } }
) {
	const { viewer, programme } = await programmeScope(event, 'programmes.edit');
	return { ...viewer, programme };
}

export const load = (async (event) => {
	const { org, role, programme } = await guard(event);
	const donors = await programmes.donorsOf(event.locals.db, org.id, programme.id);
	return {
		settings: {
			name: programme.name,
			description: programme.description,
			startsOn: programme.startsOn,
			endsOn: programme.endsOn,
			periodKind: programme.periodKind,
			customPeriods: programme.customPeriods,
			icatTags: programme.icatTags,
			countries: programme.countries,
			sites: programme.sites,
			levelLabels: programme.levelLabels,
			atRisk: programme.atRisk,
			offTrack: programme.offTrack
		},
		donors: donors.map((d) => ({
			userId: d.userId,
			email: d.email,
			displayName: d.displayName,
			attached: d.attached
		})),
		canManageMembers: role === 'owner'
	};
}) satisfies PageServerLoad;

export const actions = {
	details: async (event) => {
		const { org, user, programme } = await guard(event);
		const form = await event.request.formData();
		const parsed = parseForm(form, programmeDetailsSchema, event.locals.t);
		if (!parsed.ok) {
			const icatTags = form.getAll('icatTags').filter((v) => typeof v === 'string');
			return invalid(parsed.errors, {
				action: 'details',
				values: { ...parsed.values, icatTags: icatTags.join(' ') }
			});
		}
		await programmes.updateProgramme(event.locals.db, user, org.id, programme.id, parsed.data);
		return { action: 'details', saved: true };
	},
	donors: async (event) => {
		const { org, user, programme } = await guard(event);
		const parsed = parseForm(await event.request.formData(), programmeDonorsSchema, event.locals.t);
		if (!parsed.ok) return invalid(parsed.errors, { action: 'donors' });
		await programmes.setDonors(event.locals.db, user, org.id, programme.id, parsed.data.donors);
		return { action: 'donors', saved: true };
	},
	delete: async (event) => {
		const { org, user, programme } = await guard(event);
		const schema = deleteProgrammeSchema(programme.name);
		const parsed = parseForm(await event.request.formData(), schema, event.locals.t);
		if (!parsed.ok) return invalid(parsed.errors, { action: 'delete' });
		await programmes.deleteProgramme(event.locals.db, user, org.id, programme.id);
		redirect(303, `/o/${org.slug}/programmes?deleted=1`);
	}
} satisfies Actions;
