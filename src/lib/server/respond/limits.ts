import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import { rateWindows } from '../db/schema';

/**
 * Fixed-window rate limits kept in the database, so every app server counts together. One
 * atomic upsert per check; old windows are purged with idle drafts.
 */

/** Counts one hit for `key` and says whether it is within `limit` per window. */
export async function allowHit(
	db: Db,
	key: string,
	limit: number,
	windowMs = 60_000,
	now = new Date()
): Promise<boolean> {
	const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
	const [row] = await db
		.insert(rateWindows)
		.values({ key, windowStart, hits: 1 })
		.onConflictDoUpdate({
			target: [rateWindows.key, rateWindows.windowStart],
			set: { hits: sql`${rateWindows.hits} + 1` }
		})
		.returning({ hits: rateWindows.hits });
	return (row?.hits ?? 1) <= limit;
}
