import * as flow from '$lib/server/respond/flow';
import type { Actions, PageServerLoad } from './$types';

/** An open survey link: anyone with it may answer, once per visit. */
export const load = (async (event) => ({
	view: await flow.view(event, { kind: 'link', slug: event.params.slug })
})) satisfies PageServerLoad;

export const actions = flow.actions(
	(event) => ({ kind: 'link', slug: event.params.slug! }),
	(event) => `/s/${event.params.slug}`
) satisfies Actions;
