import { MESSAGES } from '$lib/server/i18n';
import type { LayoutServerLoad } from './$types';

/** The browser gets only its own language's messages, not all six. */
export const load = (({ locals }) => ({
	lang: locals.lang,
	dir: locals.dir,
	messages: MESSAGES[locals.lang],
	user: locals.user ? { email: locals.user.email, displayName: locals.user.displayName } : null
})) satisfies LayoutServerLoad;
