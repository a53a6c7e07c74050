import { isRespondentPath } from '$lib/server/respond/http';
import { MESSAGES } from '$lib/server/i18n';
import type { LayoutServerLoad } from './$types';

/**
 * The browser gets only its own language's messages, not all six. Respondent pages get none:
 * they use the survey's own chrome and never show staff navigation.
 */
export const load = (({ locals, url }) =>
	isRespondentPath(url.pathname)
		? { lang: locals.lang, dir: locals.dir, messages: {}, user: null }
		: {
				lang: locals.lang,
				dir: locals.dir,
				messages: MESSAGES[locals.lang],
				user: locals.user
					? { email: locals.user.email, displayName: locals.user.displayName }
					: null
			}) satisfies LayoutServerLoad;
