import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase, rows } from './testing';
import type { Database } from './client';
import * as audit from '../audit/service';
import { createOrganisation } from '../orgs/service';

let database: Database;
useTestDatabase((d) => {
	database = d;
});

describe('migrations', () => {
	it('create every table of the schema', async () => {
		const tables = await rows<{ table_name: string }>(
			database.db.execute(
				sql`select table_name from information_schema.tables where table_schema = 'public'`
			)
		);
		const names = tables.map((r) => r.table_name);
		expect(names).toEqual(
			expect.arrayContaining([
				'audit_events',
				'instance_settings',
				'invitations',
				'memberships',
				'organisations',
				'sessions',
				'sign_in_throttle',
				'users'
			])
		);
	});

	it('make the audit log append-only', async () => {
		const created = await createOrganisation(database.db, { slug: 'append-only', name: 'A' });
		if (!created.ok) throw new Error('setup');
		await audit.record(database.db, { orgId: created.org.id, action: 'org.settings_changed' });
		await expect(database.db.execute(sql`update audit_events set action = 'x'`)).rejects.toThrow();
		await expect(database.db.execute(sql`delete from audit_events`)).rejects.toThrow();
		await expect(database.db.execute(sql`truncate audit_events`)).rejects.toThrow();
		const [row] = await rows<{ n: number }>(
			database.db.execute(sql`select count(*)::int as n from audit_events`)
		);
		expect(row?.n).toBe(2);
	});

	it('keep the minimum cell size within 3 to 20', async () => {
		await expect(
			database.db.execute(
				sql`insert into organisations (slug, name, min_cell_size) values ('k-two', 'K', 2)`
			)
		).rejects.toThrow();
	});
});
