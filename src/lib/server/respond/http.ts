import type { Cookies } from '@sveltejs/kit';

/**
 * The HTTP edges of the respondent pages: their one cookie, bounded form bodies, and which
 * paths are respondent paths (hooks treat those differently: no staff session, no logging of
 * codes).
 */

/** A neutral name: the cookie list of a shared phone may be looked at. */
export const RESPONDENT_COOKIE = 'r';

/** A respondent's post may be at most this big (issue 4: larger posts store nothing). */
export const MAX_BODY_BYTES = 64 * 1024;

const RESPONDENT_PATH = /^\/(s|i)(\/|$)/;

export function isRespondentPath(pathname: string): boolean {
	return RESPONDENT_PATH.test(pathname);
}

/** The path as it may be logged: single-use codes are cut out of it. */
export function loggablePath(pathname: string): string {
	return pathname.startsWith('/i/') ? '/i/…' : pathname;
}

/**
 * The session cookie of one respondent's draft: scoped to the survey's own path, HttpOnly,
 * SameSite=Strict, and without Max-Age or Expires so the browser forgets it when it closes.
 */
export function setRespondentCookie(cookies: Cookies, url: URL, path: string, token: string) {
	cookies.set(RESPONDENT_COOKIE, token, {
		path,
		httpOnly: true,
		sameSite: 'strict',
		secure: url.protocol === 'https:'
	});
}

export function clearRespondentCookie(cookies: Cookies, url: URL, path: string) {
	cookies.delete(RESPONDENT_COOKIE, {
		path,
		httpOnly: true,
		sameSite: 'strict',
		secure: url.protocol === 'https:'
	});
}

/** Form posts only: what browsers send for a plain `<form method="POST">`. */
export function isFormPost(request: Request): boolean {
	const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
	return type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data';
}

/**
 * The posted form, read with a size bound (a declared length is checked before anything is
 * read; a body without one is read only up to the bound). Null when too large or unreadable.
 */
export async function readBoundedForm(
	request: Request,
	limit = MAX_BODY_BYTES
): Promise<URLSearchParams | null> {
	const declared = Number(request.headers.get('content-length') ?? NaN);
	if (declared > limit) return null;
	const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
	if (!request.body) return new URLSearchParams();
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > limit) {
			await reader.cancel();
			return null;
		}
		chunks.push(value);
	}
	const bytes = new Uint8Array(size);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	try {
		if (type === 'application/x-www-form-urlencoded') {
			return new URLSearchParams(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
		}
		if (type === 'multipart/form-data') {
			const form = await new Response(bytes, {
				headers: { 'content-type': request.headers.get('content-type')! }
			}).formData();
			const params = new URLSearchParams();
			for (const [key, value] of form) if (typeof value === 'string') params.append(key, value);
			return params;
		}
	} catch {
		return null;
	}
	return null;
}
