import { hash, verify } from '@node-rs/argon2';
import { COMMON_PASSWORDS } from './common-passwords';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane); @node-rs/argon2 defaults to argon2id.
const OPTIONS = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
	return hash(password, OPTIONS);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
	try {
		return await verify(hashed, password);
	} catch {
		return false;
	}
}

/**
 * A hash of a password nobody knows, verified when the account does not exist so that a
 * wrong e-mail costs the same time as a wrong password (no account enumeration by timing).
 */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
	dummyHash ??= hashPassword('not-a-real-password-' + crypto.randomUUID());
	return dummyHash;
}

export type PasswordProblem = 'tooShort' | 'tooLong' | 'common' | 'containsEmail';

/** Why a new password is refused, or null when it is acceptable. Pure. */
export function passwordProblem(password: string, email?: string): PasswordProblem | null {
	// Counted in code points, as people count characters (an emoji is one, not two).
	const length = [...password].length;
	if (length < PASSWORD_MIN) return 'tooShort';
	if (length > PASSWORD_MAX) return 'tooLong';
	const folded = password.toLowerCase();
	if (COMMON_PASSWORDS.has(folded) || isTrivial(folded)) return 'common';
	const local = email?.split('@')[0]?.toLowerCase();
	if (local && local.length >= 4 && folded.includes(local)) return 'containsEmail';
	return null;
}

/** One repeated character, a short repeated pattern, or a run of consecutive characters. */
function isTrivial(folded: string): boolean {
	for (let size = 1; size <= 4; size++) {
		const unit = folded.slice(0, size);
		if (unit.repeat(Math.ceil(folded.length / size)).slice(0, folded.length) === folded)
			return true;
	}
	const codes = [...folded].map((c) => c.codePointAt(0) ?? 0);
	const ascending = codes.every((c, i) => i === 0 || c === codes[i - 1]! + 1);
	const descending = codes.every((c, i) => i === 0 || c === codes[i - 1]! - 1);
	return ascending || descending;
}
