import { config } from '../config';
import { openDatabase, type Database } from './client';

export type { Db, Tx, Database, DatabaseKind } from './client';

// Kept on globalThis so Vite's hot reload in development does not open a second PGlite on the
// same directory. This is a connection handle, not state another app server would need.
const holder = globalThis as unknown as { __heardDb?: Promise<Database> };

/** The process-wide database, opened from the environment on first use. */
export function database(): Promise<Database> {
	if (!holder.__heardDb) {
		const { databaseUrl, dataDir } = config();
		holder.__heardDb = openDatabase({
			url: databaseUrl,
			dataDir: databaseUrl ? undefined : dataDir
		});
	}
	return holder.__heardDb;
}

/** Shorthand for the drizzle handle of the process-wide database. */
export async function db() {
	return (await database()).db;
}

export async function closeDatabase(): Promise<void> {
	const pending = holder.__heardDb;
	holder.__heardDb = undefined;
	if (pending) await (await pending).close();
}
