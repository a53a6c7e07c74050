import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { signInThrottle } from '../db/schema';
import { keyedHash } from '../secret';
import {
	ACCOUNT_RULE,
	ADDRESS_RULE,
	lockRemaining,
	registerFailure,
	type ThrottleRule
} from './throttle-policy';

export interface ThrottleKeys {
	account: string;
	address: string;
}

/** Keys are keyed hashes: the table never holds an e-mail or an IP address. */
export async function throttleKeys(db: Db, email: string, address: string): Promise<ThrottleKeys> {
	return {
		account: 'account:' + (await keyedHash(db, 'sign-in-throttle', email.trim().toLowerCase())),
		address: 'address:' + (await keyedHash(db, 'sign-in-throttle', address))
	};
}

/** Milliseconds the caller must wait before trying again (0 = go ahead). */
export async function throttleWait(db: Db, keys: ThrottleKeys, now = new Date()): Promise<number> {
	const rows = await db
		.select()
		.from(signInThrottle)
		.where(inArray(signInThrottle.key, [keys.account, keys.address]));
	return Math.max(0, ...rows.map((row) => lockRemaining(row, now)));
}

export async function recordFailure(db: Db, keys: ThrottleKeys, now = new Date()): Promise<void> {
	const pairs: [string, ThrottleRule][] = [
		[keys.account, ACCOUNT_RULE],
		[keys.address, ADDRESS_RULE]
	];
	await db.transaction(async (tx) => {
		for (const [key, rule] of pairs) {
			const [row] = await tx
				.select()
				.from(signInThrottle)
				.where(eq(signInThrottle.key, key))
				.for('update');
			const next = registerFailure(row, now, rule);
			await tx
				.insert(signInThrottle)
				.values({ key, ...next })
				.onConflictDoUpdate({ target: signInThrottle.key, set: next });
		}
	});
}

/** A successful sign-in clears the account's counter (the address keeps its own). */
export async function clearAccount(db: Db, keys: ThrottleKeys): Promise<void> {
	await db.delete(signInThrottle).where(eq(signInThrottle.key, keys.account));
}
