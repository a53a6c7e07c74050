import * as flow from '$lib/server/respond/flow';
import type { Actions, PageServerLoad } from './$types';

/** A mistyped code address gets the neutral invalid-code page, not a site 404. */
export const load = (async (event) => {
	event.setHeaders({ 'x-robots-tag': 'noindex' });
	return { view: await flow.nowhereView(event, 'codeInvalid') };
}) satisfies PageServerLoad;

export const actions = { exit: flow.exitOnly } satisfies Actions;
