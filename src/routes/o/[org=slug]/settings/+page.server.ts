import { orgSettingsSchema } from '$lib/schemas/orgs';
import { orgViewer } from '$lib/server/auth/viewer';
import { invalid, parseForm } from '$lib/server/forms';
import * as orgs from '$lib/server/orgs/service';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	const { org } = await orgViewer(event, 'settings.manage');
	return { settings: { name: org.name, minCellSize: org.minCellSize, exitUrl: org.exitUrl } };
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const { org, user } = await orgViewer(event, 'settings.manage');
		const parsed = parseForm(await event.request.formData(), orgSettingsSchema, event.locals.t);
		if (!parsed.ok) return invalid(parsed.errors, { values: parsed.values });
		await orgs.updateSettings(event.locals.db, user, org.id, parsed.data);
		return { saved: true };
	}
} satisfies Actions;
