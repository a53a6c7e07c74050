import { redirect } from '@sveltejs/kit';
import { signInSchema } from '$lib/schemas/auth';
import * as auth from '$lib/server/auth/service';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { invalid, parseForm } from '$lib/server/forms';
import { landingPath, safeRedirect } from '$lib/server/orgs/landing';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirect(url.searchParams.get('next'), '/'));
	return { next: safeRedirect(url.searchParams.get('next'), '') };
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const { request, locals, cookies, url } = event;
		const parsed = parseForm(await request.formData(), signInSchema, locals.t);
		if (!parsed.ok) return invalid(parsed.errors, { values: parsed.values });
		const { email, password, next } = parsed.data;
		const result = await auth.signIn(event.locals.db, {
			email,
			password,
			address: event.getClientAddress()
		});
		if (!result.ok) {
			const message =
				result.error === 'throttled'
					? locals.t('auth.throttled', { count: Math.ceil(result.retryAfterSeconds / 60) })
					: locals.t('auth.invalidCredentials');
			return invalid(
				{ form: message },
				{ values: parsed.values, status: result.error === 'throttled' ? 429 : 400 }
			);
		}
		setSessionCookie(cookies, url, result.token, result.session.expiresAt);
		redirect(303, safeRedirect(next, await landingPath(result.user)));
	}
} satisfies Actions;
