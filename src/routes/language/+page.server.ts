import { error, redirect } from '@sveltejs/kit';
import { languageSchema } from '$lib/schemas/auth';
import * as auth from '$lib/server/auth/service';
import { LANGUAGE_COOKIE } from '$lib/server/auth/cookies';
import { parseForm } from '$lib/server/forms';
import { safeRedirect } from '$lib/server/orgs/landing';
import type { Actions, PageServerLoad } from './$types';

export const load = (() => redirect(303, '/')) satisfies PageServerLoad;

export const actions = {
	/** Remembers the choice in a cookie, and on the account when signed in. */
	default: async ({ request, locals, cookies, url }) => {
		const parsed = parseForm(await request.formData(), languageSchema, locals.t);
		if (!parsed.ok) error(400, { message: locals.t('language.invalid') });
		const { lang, redirectTo } = parsed.data;
		cookies.set(LANGUAGE_COOKIE, lang, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			maxAge: 60 * 60 * 24 * 365
		});
		if (locals.user) await auth.setLocale(locals.db, locals.user.id, lang);
		redirect(303, safeRedirect(redirectTo, '/'));
	}
} satisfies Actions;
