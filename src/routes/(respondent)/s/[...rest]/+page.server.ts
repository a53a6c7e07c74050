import * as flow from '$lib/server/respond/flow';
import type { Actions, PageServerLoad } from './$types';

/** A mistyped survey address gets the same neutral page as a closed survey, not a site 404. */
export const load = (async (event) => {
	event.setHeaders({ 'x-robots-tag': 'noindex' });
	return { view: await flow.nowhereView(event, 'closed') };
}) satisfies PageServerLoad;

export const actions = { exit: flow.exitOnly } satisfies Actions;
