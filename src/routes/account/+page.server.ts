import { changePasswordSchema, profileSchema } from '$lib/schemas/auth';
import * as auth from '$lib/server/auth/service';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { requireUser } from '$lib/server/auth/guards';
import { invalid, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load = ((event) => {
	const user = requireUser(event);
	return { email: user.email, displayName: user.displayName, locale: user.locale ?? '' };
}) satisfies PageServerLoad;

export const actions = {
	profile: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(await event.request.formData(), profileSchema, event.locals.t);
		if (!parsed.ok) return invalid(parsed.errors, { action: 'profile', values: parsed.values });
		await auth.updateProfile(event.locals.db, user.id, {
			displayName: parsed.data.displayName,
			locale: parsed.data.locale || null
		});
		return { action: 'profile', saved: true };
	},
	password: async (event) => {
		const user = requireUser(event);
		const { locals, cookies, url } = event;
		const parsed = parseForm(await event.request.formData(), changePasswordSchema, locals.t);
		if (!parsed.ok) return invalid(parsed.errors, { action: 'password' });
		const result = await auth.changePassword(
			event.locals.db,
			user.id,
			parsed.data.current,
			parsed.data.password
		);
		if (!result.ok) {
			const field = result.error === 'wrongCurrent' ? 'current' : 'password';
			return invalid(
				{ [field]: locals.t(`auth.passwordProblems.${result.error}`) },
				{ action: 'password' }
			);
		}
		setSessionCookie(cookies, url, result.token, result.session.expiresAt);
		return { action: 'password', saved: true };
	}
} satisfies Actions;
