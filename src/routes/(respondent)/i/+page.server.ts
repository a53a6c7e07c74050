import { fail, redirect } from '@sveltejs/kit';
import { codeEntrySchema } from '$lib/schemas/respond';
import * as flow from '$lib/server/respond/flow';
import { readBoundedForm } from '$lib/server/respond/http';
import { printedCode } from '$lib/server/respond/service';
import type { Actions, PageServerLoad } from './$types';

/** For cards whose QR code cannot be scanned: the person types the code. */
export const load = (async (event) => ({
	view: await flow.codeEntryView(event)
})) satisfies PageServerLoad;

export const actions = {
	go: async (event) => {
		const form = await readBoundedForm(event.request);
		if (!form) return fail(413, { message: 'unreadable' as const });
		const typed = form.get('code') ?? '';
		const parsed = codeEntrySchema.safeParse({ code: typed });
		if (!parsed.success) return fail(400, { code: { value: typed.slice(0, 40), invalid: true } });
		redirect(303, `/i/${printedCode(parsed.data.code)}`);
	},
	exit: flow.exitOnly
} satisfies Actions;
