import { redirect } from '@sveltejs/kit';
import { registerSchema } from '$lib/schemas/auth';
import * as auth from '$lib/server/auth/service';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { requireUser } from '$lib/server/auth/guards';
import { invalid, parseForm } from '$lib/server/forms';
import * as orgs from '$lib/server/orgs/service';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ params, locals }) => {
	const found = await orgs.inspectInvitation(locals.db, params.token);
	if (!found.ok) return { problem: found.error, invitation: null };
	return {
		problem: null,
		invitation: {
			orgName: found.org.name,
			role: found.invitation.role,
			email: found.invitation.email
		},
		signedInAs: locals.user?.email ?? null
	};
}) satisfies PageServerLoad;

export const actions = {
	join: async (event) => {
		const user = requireUser(event);
		const result = await orgs.acceptInvitation(event.locals.db, event.params.token, user);
		if (!result.ok) return invalid({ form: event.locals.t(`invite.problems.${result.error}`) });
		await orgs.rememberLastOrg(event.locals.db, user.id, result.org.id);
		redirect(303, `/o/${result.org.slug}`);
	},
	register: async ({ request, locals, params, cookies, url }) => {
		const parsed = parseForm(await request.formData(), registerSchema, locals.t);
		if (!parsed.ok) return invalid(parsed.errors, { values: parsed.values });
		const result = await auth.registerWithInvitation(locals.db, params.token, {
			...parsed.data,
			locale: locals.lang
		});
		if (!result.ok) {
			const [field, key] = describeRegisterError(result.error);
			return invalid({ [field]: locals.t(key) }, { values: parsed.values });
		}
		setSessionCookie(cookies, url, result.token, result.session.expiresAt);
		redirect(303, `/o/${result.orgSlug}`);
	}
} satisfies Actions;

/** Which field an error belongs beside, and its message key. */
function describeRegisterError(error: string): [field: string, key: string] {
	if (['tooShort', 'tooLong', 'common', 'containsEmail'].includes(error))
		return ['password', `auth.passwordProblems.${error}`];
	if (error === 'emailTaken' || error === 'wrongEmail')
		return ['email', `invite.problems.${error}`];
	return ['form', `invite.problems.${error}`];
}
