import { redirect } from '@sveltejs/kit';
import { landingPath } from '$lib/server/orgs/landing';
import type { PageServerLoad } from './$types';

/** `/` sends people where they most likely want to be. */
export const load = (async ({ locals }) => {
	if (!locals.user) redirect(303, '/login');
	redirect(303, await landingPath(locals.user));
}) satisfies PageServerLoad;
