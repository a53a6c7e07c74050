import { redirect } from '@sveltejs/kit';
import * as flow from '$lib/server/respond/flow';
import { printedCode } from '$lib/server/respond/service';
import type { Actions, PageServerLoad } from './$types';

/** A single-use code from a printed card: it opens the survey and completes it once. */
export const load = (async (event) => {
	const printed = printedCode(event.params.code);
	// One spelling per code, so its cookie path is always the same.
	if (printed !== event.params.code) redirect(308, `/i/${printed}${event.url.search}`);
	return { view: await flow.view(event, { kind: 'code', code: printed }) };
}) satisfies PageServerLoad;

export const actions = flow.actions(
	(event) => ({ kind: 'code', code: event.params.code! }),
	(event) => `/i/${printedCode(event.params.code!)}`
) satisfies Actions;
