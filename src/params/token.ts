import type { ParamMatcher } from '@sveltejs/kit';

/** Invitation tokens: 32 base32 characters (see generateToken). */
export const match = ((param: string): boolean =>
	/^[a-z2-7]{32}$/.test(param)) satisfies ParamMatcher;
