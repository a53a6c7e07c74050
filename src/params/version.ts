import type { ParamMatcher } from '@sveltejs/kit';

/** Published version numbers: 1, 2, … */
export const match = ((param: string): boolean =>
	/^[1-9][0-9]{0,5}$/.test(param)) satisfies ParamMatcher;
