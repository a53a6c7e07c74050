import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import { rows } from '../db/rows';

/**
 * Computed figures kept for as long as the answers under them are the same. A programme's
 * figures take about a second on 200,000 responses, and a dashboard is opened far more often
 * than an answer arrives; so the raw figures (before they are shaped, and suppressed, for an
 * audience) are kept per question asked, together with a fingerprint of the responses they
 * were computed from. The fingerprint is read from the responses' index alone (no row is
 * read): their number and a sum of hashes of their ids, so any response added — or removed —
 * gives another fingerprint and the figures are computed afresh. Nothing here is shared
 * between organisations: the key holds the organisation and the question in full.
 */

const MAX_ENTRIES = 64;

interface Entry {
	fingerprint: string;
	value: unknown;
	/** When it was last asked for (ms since the epoch). */
	usedAt: number;
	/** How to check and recompute it in the background; absent for values computed in a transaction. */
	refresh?: { fingerprint: () => Promise<string>; compute: () => Promise<unknown> };
}

const entries = new Map<string, Entry>();

/** The responses of `surveyIds` submitted between `first` and `last`, as a short string. */
export async function responsesFingerprint(
	db: Db,
	surveyIds: readonly string[],
	first: string,
	last: string
): Promise<string> {
	if (surveyIds.length === 0) return 'none';
	const [row] = await rows<{ n: number; h: string | null }>(
		db.execute(sql`
			select count(*)::int as n, sum(hashtext(id::text)::bigint)::text as h from responses
			where survey_id = any(array(select jsonb_array_elements_text(${JSON.stringify(surveyIds)}::jsonb)::uuid))
				and submitted_on between ${first}::date and ${last}::date`)
	);
	return `${row?.n ?? 0}:${row?.h ?? 0}`;
}

/**
 * The value kept under `key` if it was computed from the same fingerprint, else `compute()`'s
 * (kept in its place). The oldest entries go first once there are MAX_ENTRIES.
 */
export async function remembered<T>(
	key: string,
	fingerprint: string,
	compute: () => Promise<T>,
	refresh?: () => Promise<string>
): Promise<T> {
	const kept = entries.get(key);
	if (kept && kept.fingerprint === fingerprint) {
		// Most recently used last, so the least used is evicted first.
		entries.delete(key);
		entries.set(key, { ...kept, usedAt: Date.now() });
		return kept.value as T;
	}
	const value = await compute();
	entries.delete(key);
	entries.set(key, {
		fingerprint,
		value,
		usedAt: Date.now(),
		refresh: refresh && { fingerprint: refresh, compute }
	});
	while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
	return value;
}

/**
 * Recomputes, one after the other, the entries asked for in the last `recentMs` whose responses
 * changed since — so the next person to open a dashboard after new answers arrived finds its
 * figures ready instead of waiting for them. Run every few seconds by the server; returns how
 * many were recomputed. A failure leaves the entry as it was (the next request recomputes it).
 */
export async function refreshChanged(recentMs = 10 * 60 * 1000): Promise<number> {
	let refreshed = 0;
	const since = Date.now() - recentMs;
	for (const [key, entry] of [...entries]) {
		if (!entry.refresh || entry.usedAt < since) continue;
		try {
			const fingerprint = await entry.refresh.fingerprint();
			if (fingerprint === entry.fingerprint) continue;
			const value = await entry.refresh.compute();
			// Still the same entry (not replaced by a request meanwhile): keep the fresh value.
			if (entries.get(key) === entry) {
				entries.set(key, { ...entry, fingerprint, value });
				refreshed++;
			}
		} catch (error) {
			console.error('figures refresh failed', error instanceof Error ? error.message : error);
		}
	}
	return refreshed;
}

/** For tests and benchmarks that must time the computation itself. */
export function forgetAll(): void {
	entries.clear();
}
