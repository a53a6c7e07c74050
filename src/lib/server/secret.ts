import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { hmac } from '@oslojs/crypto/hmac';
import { SHA256 } from '@oslojs/crypto/sha2';
import { encodeBase64url, encodeHexLowerCase } from '@oslojs/encoding';
import { eq } from 'drizzle-orm';
import { config } from './config';
import type { Db } from './db';
import { instanceSettings } from './db/schema';

const cache = new WeakMap<Db, Promise<Uint8Array>>();

/**
 * The instance secret: APP_SECRET when set, otherwise one generated on first use and kept in the
 * database, so every app server on the same database derives the same keys.
 */
export function appSecret(db: Db): Promise<Uint8Array> {
	let pending = cache.get(db);
	if (!pending) {
		pending = loadSecret(db);
		cache.set(db, pending);
	}
	return pending;
}

async function loadSecret(db: Db): Promise<Uint8Array> {
	const fromEnv = config().appSecret;
	if (fromEnv) return new TextEncoder().encode(fromEnv);
	const generated = encodeBase64url(crypto.getRandomValues(new Uint8Array(32)));
	await db
		.insert(instanceSettings)
		.values({ key: 'app_secret', value: generated })
		.onConflictDoNothing();
	const [row] = await db
		.select({ value: instanceSettings.value })
		.from(instanceSettings)
		.where(eq(instanceSettings.key, 'app_secret'));
	return new TextEncoder().encode(row!.value);
}

/** HMAC-SHA256 of `value` under a key derived from the instance secret for one `purpose`. */
export async function keyedHash(db: Db, purpose: string, value: string): Promise<string> {
	const secret = await appSecret(db);
	const key = hmac(SHA256, secret, new TextEncoder().encode(purpose));
	return encodeHexLowerCase(hmac(SHA256, key, new TextEncoder().encode(value)));
}

async function keyFor(db: Db, purpose: string): Promise<Uint8Array> {
	return hmac(SHA256, await appSecret(db), new TextEncoder().encode(`encrypt:${purpose}`));
}

/**
 * Encrypts a credential (e.g. an SMS provider's auth token) with AES-256-GCM under a key derived
 * from the instance secret for one `purpose`: `v1.<iv>.<ciphertext and tag>`, base64url.
 */
export async function encryptSecret(db: Db, purpose: string, plaintext: string): Promise<string> {
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', await keyFor(db, purpose), iv);
	const sealed = Buffer.concat([
		cipher.update(plaintext, 'utf8'),
		cipher.final(),
		cipher.getAuthTag()
	]);
	return `v1.${encodeBase64url(iv)}.${encodeBase64url(sealed)}`;
}

/** The plaintext, or null when the value was not sealed with this instance's key and purpose. */
export async function decryptSecret(
	db: Db,
	purpose: string,
	sealed: string
): Promise<string | null> {
	const [version, iv, body] = sealed.split('.');
	if (version !== 'v1' || !iv || !body) return null;
	try {
		const bytes = Buffer.from(body, 'base64url');
		const decipher = createDecipheriv(
			'aes-256-gcm',
			await keyFor(db, purpose),
			Buffer.from(iv, 'base64url')
		);
		decipher.setAuthTag(bytes.subarray(bytes.length - 16));
		return Buffer.concat([
			decipher.update(bytes.subarray(0, bytes.length - 16)),
			decipher.final()
		]).toString('utf8');
	} catch {
		return null;
	}
}
