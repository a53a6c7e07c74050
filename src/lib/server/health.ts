import { sql } from 'drizzle-orm';
import { database } from './db';

/** Answers whether the database responds within `timeoutMs`. */
export async function checkHealth(
	timeoutMs = 2000
): Promise<{ ok: boolean; database: 'pglite' | 'postgresql' }> {
	const handle = await database();
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error('database timeout')), timeoutMs);
	});
	try {
		await Promise.race([handle.db.execute(sql`select 1`), timeout]);
		return { ok: true, database: handle.kind };
	} catch {
		return { ok: false, database: handle.kind };
	} finally {
		clearTimeout(timer);
	}
}
