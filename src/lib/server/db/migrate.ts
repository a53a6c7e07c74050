import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';
import type { Database, Db } from './client';

// Any constant works; it only has to be the same on every app server.
const MIGRATION_LOCK = 727_001;

/**
 * Applies pending migrations, then runs `after` (e.g. the demo seed) while still holding the
 * lock, so several app servers starting at once on one PostgreSQL do the work exactly once.
 */
export async function migrate(
	database: Database,
	migrationsFolder: string,
	after?: (db: Db) => Promise<void>
): Promise<void> {
	if (database.driver.kind === 'pglite') {
		const pg = database.driver.client;
		await migratePglite(drizzlePglite(pg, { schema, casing: 'snake_case' }), { migrationsFolder });
		if (after) await after(database.db);
		return;
	}
	// A dedicated single connection: a session-level advisory lock belongs to one connection.
	const sql = postgres(database.driver.url, { max: 1, onnotice: () => {} });
	try {
		await sql`select pg_advisory_lock(${MIGRATION_LOCK})`;
		const db = drizzlePostgres(sql, { schema, casing: 'snake_case' });
		await migratePostgres(db, { migrationsFolder });
		if (after) await after(db as unknown as Db);
		await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`;
	} finally {
		await sql.end({ timeout: 5 });
	}
}
