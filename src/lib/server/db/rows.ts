/** Rows of a raw query, whichever driver answered (PGlite returns {rows}, postgres.js an array). */
export async function rows<T>(pending: Promise<unknown>): Promise<T[]> {
	const result = (await pending) as T[] | { rows: T[] };
	return Array.isArray(result) ? result : result.rows;
}
