import postgres from 'postgres';
import { openDatabase, type Database } from '../../src/lib/server/db/client';
import { migrate } from '../../src/lib/server/db/migrate';
import { PG_URL, ROOT } from './server';

/** The benchmarks' reader: whoever it is, the audience comes from the role it is given. */
export const BENCH_USER = {
	id: '00000000-0000-0000-0000-000000000000',
	email: 'bench@heard.example',
	displayName: 'bench',
	locale: null,
	lastOrgId: null
};

/**
 * A fresh, migrated PostgreSQL database on the benchmark server (BENCH_DATABASE_URL), dropped
 * afterwards whatever happens.
 */
export async function withBenchDatabase<T>(
	name: string,
	work: (database: Database) => Promise<T>
): Promise<T> {
	const admin = postgres(PG_URL, { max: 1, onnotice: () => {} });
	await admin.unsafe(`drop database if exists ${name} with (force)`);
	await admin.unsafe(`create database ${name}`);
	const url = new URL(PG_URL);
	url.pathname = `/${name}`;
	const database = await openDatabase({ url: url.toString() });
	try {
		await migrate(database, `${ROOT}/drizzle`);
		return await work(database);
	} finally {
		await database.close();
		await admin.unsafe(`drop database if exists ${name} with (force)`);
		await admin.end();
	}
}
