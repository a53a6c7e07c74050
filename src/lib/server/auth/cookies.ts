import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from './session';

/** HttpOnly, SameSite=Lax, Secure whenever the public origin is https. */
export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date) {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		expires: expiresAt
	});
}

export function clearSessionCookie(cookies: Cookies, url: URL) {
	cookies.delete(SESSION_COOKIE, { path: '/', secure: url.protocol === 'https:' });
}

export const LANGUAGE_COOKIE = 'heard_lang';
