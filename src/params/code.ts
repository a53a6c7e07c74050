import type { ParamMatcher } from '@sveltejs/kit';

/** Single-use codes as printed (XXXXX-XXXXX) or typed loosely (any case, dash optional). */
export const match = ((param: string): boolean =>
	/^[A-Za-z0-9]{5}-?[A-Za-z0-9]{5}$/.test(param)) satisfies ParamMatcher;
