import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/** 160 bits of randomness, base32: the form lucia-auth.com recommends for session tokens. */
export function generateToken(): string {
	return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
}

/** What we store instead of a token: its SHA-256, hex encoded. */
export function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** A readable random password for the demo account (no look-alike characters). */
export function generatePassword(length = 16): string {
	const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
	const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
	let out = '';
	for (const b of bytes) {
		// Rejection sampling keeps every character equally likely.
		if (b < 256 - (256 % alphabet.length)) out += alphabet[b % alphabet.length];
		if (out.length === length) break;
	}
	return out.length === length ? out : generatePassword(length);
}
