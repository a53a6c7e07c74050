import { redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/auth/service';
import { clearSessionCookie } from '$lib/server/auth/cookies';
import type { Actions, PageServerLoad } from './$types';

// Signing out changes state, so it is a POST only; a GET (e.g. a prefetched link) does nothing.
export const load = (() => redirect(303, '/')) satisfies PageServerLoad;

export const actions = {
	default: async ({ locals, cookies, url }) => {
		if (locals.user && locals.session)
			await auth.signOut(locals.db, locals.user, locals.session.id);
		clearSessionCookie(cookies, url);
		redirect(303, '/login');
	}
} satisfies Actions;
