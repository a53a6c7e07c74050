import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';

type Schema = typeof schema;
/** The drizzle handle domain code receives; the same type whichever engine is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DatabaseKind = 'pglite' | 'postgresql';

export interface Database {
	db: Db;
	kind: DatabaseKind;
	/** Low-level handle for migrations and dumps. */
	driver:
		{ kind: 'pglite'; client: PGlite } | { kind: 'postgresql'; client: postgres.Sql; url: string };
	close(): Promise<void>;
}

export interface OpenOptions {
	/** postgres://… switches to PostgreSQL; otherwise PGlite. */
	url?: string;
	/** PGlite data directory; omitted means in memory. */
	dataDir?: string;
	/** A PGlite data dump to start from (tests load a migrated template). */
	loadDataDir?: Blob | File;
	/** Pool size for PostgreSQL. */
	max?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
	if (options.url) {
		const client = postgres(options.url, {
			max: options.max ?? 10,
			onnotice: () => {},
			// Connection errors must surface quickly so /healthz can answer 503.
			connect_timeout: 5
		});
		const db = drizzlePostgres(client, { schema, casing: 'snake_case' }) as unknown as Db;
		return {
			db,
			kind: 'postgresql',
			driver: { kind: 'postgresql', client, url: options.url },
			close: () => client.end({ timeout: 5 })
		};
	}
	if (options.dataDir) fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
	const client = await PGlite.create({
		dataDir: options.dataDir,
		loadDataDir: options.loadDataDir
	});
	const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Db;
	return {
		db,
		kind: 'pglite',
		driver: { kind: 'pglite', client },
		close: () => client.close()
	};
}
