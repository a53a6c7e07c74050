import type { ParamMatcher } from '@sveltejs/kit';

/** Organisation slugs: lower-case letters, digits and inner hyphens. */
export const match = ((param: string): boolean =>
	/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/.test(param)) satisfies ParamMatcher;
