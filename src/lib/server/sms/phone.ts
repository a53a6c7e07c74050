import type { Db } from '../db';
import { keyedHash } from '../secret';

/**
 * Respondents' phone numbers. A number is kept in the clear only while an invitation waits to be
 * sent; everywhere else it exists only as a keyed hash (HMAC under the instance secret), so the
 * database alone cannot be turned back into a list of numbers.
 */

/** The keyed hash of an E.164 number, the same on every app server of the instance. */
export async function phoneHash(db: Db, e164: string): Promise<string> {
	return keyedHash(db, 'sms-phone', e164);
}

/**
 * A pasted or uploaded number in E.164 (`+` and 8–15 digits), or null when it is not one.
 * Spaces, dashes, dots and parentheses are ignored (so is a trunk `(0)` after the country code),
 * `00` stands for `+`; a number without either
 * is national and takes `defaultCountryCallingCode` (e.g. `44`, its leading trunk `0` dropped),
 * or is refused when there is none. Letters and anything else are refused.
 */
export function normalisePhone(raw: string, defaultCountryCallingCode?: string): string | null {
	const trimmed = raw.trim();
	if (!trimmed) return null;
	if (!/^\+?[\d\s\-().]+$/u.test(trimmed)) return null;
	const plus = trimmed.startsWith('+');
	// "+44 (0)20 …": the trunk 0 in parentheses is not dialled from abroad.
	const written = plus || trimmed.startsWith('00') ? trimmed.replace(/\(\s*0\s*\)/gu, '') : trimmed;
	const digits = written.replace(/[^\d]/gu, '');
	if (!digits) return null;
	let international: string;
	if (plus) international = digits;
	else if (digits.startsWith('00')) international = digits.slice(2);
	else {
		const country = defaultCountryCallingCode?.replace(/^\+/u, '');
		if (!country || !/^[1-9]\d{0,2}$/u.test(country)) return null;
		international = country + digits.replace(/^0/u, '');
	}
	if (!/^[1-9]\d{7,14}$/u.test(international)) return null;
	return `+${international}`;
}
