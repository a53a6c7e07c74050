import { eq, sql } from 'drizzle-orm';
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, inject } from 'vitest';
import { viewerOf, type Viewer } from '../../auth/viewer';
import { openDatabase, type Database, type Db } from '../client';
import { organisations, type Role } from '../schema';
import { migrate } from '../migrate';

/**
 * A fresh, migrated database for one test file: PGlite from the template by default, or a new
 * PostgreSQL database when TEST_DATABASE_URL is set (CI runs the suite both ways).
 */
export async function createTestDatabase(): Promise<Database & { engine: string }> {
	const url = process.env.TEST_DATABASE_URL;
	if (!url) {
		const file = inject('pgliteTemplate');
		const blob = new Blob([fs.readFileSync(file)]);
		const database = await openDatabase({ loadDataDir: blob });
		return Object.assign(database, { engine: 'pglite' });
	}
	const name = `heard_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
	const admin = postgres(url, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	await admin.end();
	const target = new URL(url);
	target.pathname = `/${name}`;
	const database = await openDatabase({ url: target.toString(), max: 4 });
	await migrate(database, path.resolve('drizzle'));
	const closePool = database.close;
	return Object.assign(database, {
		engine: 'postgresql',
		close: async () => {
			await closePool();
			const cleanup = postgres(url, { max: 1, onnotice: () => {} });
			await cleanup.unsafe(`drop database if exists ${name} with (force)`);
			await cleanup.end();
		}
	});
}

import { rows } from '../rows';

export { rows };

/**
 * Registers beforeAll/afterAll for a test file's own database and hands it to `ready`.
 * Usage: `useTestDatabase((d) => { database = d; db = d.db; });`
 */
export function useTestDatabase(ready: (database: Database) => void): void {
	let database: Database | undefined;
	beforeAll(async () => {
		database = await createTestDatabase();
		ready(database);
	});
	afterAll(() => database?.close());
}

/**
 * Every row of every table as text, for tests that prove something is stored nowhere (a phone
 * number, an address, a token): search the result for it.
 */
export async function wholeDatabaseText(db: Database['db']): Promise<string> {
	const tables = await rows<{ table_name: string }>(
		db.execute(
			sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`
		)
	);
	const parts: string[] = [];
	for (const { table_name } of tables) {
		const dump = await rows<{ t: string }>(
			db.execute(sql`select t::text as t from ${sql.identifier(table_name)} t`)
		);
		parts.push(...dump.map((r) => r.t));
	}
	return parts.join('\n');
}

/**
 * A Viewer for domain tests: a member of the organisation in `role` (audience and k derived as
 * every request derives them), with a made-up user unless one is given.
 */
export async function testViewer(
	db: Db,
	orgId: string,
	role: Role,
	user?: { id: string; email: string }
): Promise<Viewer> {
	const [org] = await db.select().from(organisations).where(eq(organisations.id, orgId));
	if (!org) throw new Error(`no organisation ${orgId}`);
	return viewerOf(
		{
			id: user?.id ?? '00000000-0000-0000-0000-000000000000',
			email: user?.email ?? `${role}@test.example`,
			displayName: role,
			locale: null,
			lastOrgId: orgId
		},
		org,
		role
	);
}
