import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import { rows } from '../db/rows';
import { rateWindows } from '../db/schema';

/**
 * Fixed-window rate limits kept in the database, so every app server counts together. One
 * statement per check, in its own transaction: a counter is never written together with a
 * response, so the database cannot tie a response to the minute it arrived (decision 011). The
 * key's windows older than the one before are deleted by the same statement, so a counter lives
 * for two windows at most.
 */

/** Counts one hit for `key` and says whether it is within `limit` per window. */
export async function allowHit(
	db: Db,
	key: string,
	limit: number,
	windowMs = 60_000,
	now = new Date()
): Promise<boolean> {
	const start = Math.floor(now.getTime() / windowMs) * windowMs;
	const windowStart = new Date(start).toISOString();
	const stale = new Date(start - windowMs).toISOString();
	const [row] = await rows<{ hits: number }>(
		db.execute(sql`
			with purge as (
				delete from ${rateWindows} where key = ${key} and window_start < ${stale}::timestamptz
			)
			insert into ${rateWindows} (key, window_start, hits) values (${key}, ${windowStart}::timestamptz, 1)
			on conflict (key, window_start) do update set hits = ${rateWindows}.hits + 1
			returning hits`)
	);
	return (row?.hits ?? 1) <= limit;
}
