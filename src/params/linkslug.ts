import type { ParamMatcher } from '@sveltejs/kit';

/** Open survey links: random lower-case base32 slugs (the demo's is `demo`). */
export const match = ((param: string): boolean =>
	/^[a-z0-9]{4,32}$/.test(param)) satisfies ParamMatcher;
