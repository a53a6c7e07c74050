import { redirect } from '@sveltejs/kit';
import { newOrgSchema } from '$lib/schemas/orgs';
import { requireUser } from '$lib/server/auth/guards';
import { invalid, parseForm } from '$lib/server/forms';
import * as orgs from '$lib/server/orgs/service';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	const user = requireUser(event);
	const memberships = await orgs.membershipsOf(event.locals.db, user.id);
	return {
		memberships: memberships.map((m) => ({ slug: m.org.slug, name: m.org.name, role: m.role }))
	};
}) satisfies PageServerLoad;

export const actions = {
	/** Anyone signed in may start an organisation; they become its owner. */
	create: async (event) => {
		const user = requireUser(event);
		const { t } = event.locals;
		const parsed = parseForm(await event.request.formData(), newOrgSchema, t);
		if (!parsed.ok) return invalid(parsed.errors, { values: parsed.values });
		const handle = event.locals.db;
		const created = await orgs.createOrganisation(handle, parsed.data, user);
		if (!created.ok) return invalid({ slug: t('orgs.slugTaken') }, { values: parsed.values });
		await orgs.rememberLastOrg(handle, user.id, created.org.id);
		redirect(303, `/o/${created.org.slug}`);
	}
} satisfies Actions;
