import type { ParamMatcher } from '@sveltejs/kit';

/** SMS channel ids: random lower-case base32 (the demo's is `demo`). */
export const match = ((param: string): boolean =>
	/^[a-z0-9]{4,32}$/.test(param)) satisfies ParamMatcher;
