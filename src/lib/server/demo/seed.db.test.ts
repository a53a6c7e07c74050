import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signIn } from '../auth/service';
import type { Db } from '../db';
import { auditEvents, memberships, organisations, users } from '../db/schema';
import { useTestDatabase } from '../db/testing';
import { resolveMembership } from '../orgs/service';
import { DEMO_EMAIL, DEMO_ORG_SLUG, isEmpty, seedDemo } from './seed';

let db: Db;
useTestDatabase((d) => {
	db = d.db;
});

async function counts() {
	const tables = { users, organisations, memberships, auditEvents };
	const entries = await Promise.all(
		Object.entries(tables).map(async ([name, table]) => {
			const [row] = await db.select({ n: count() }).from(table);
			return [name, row!.n] as const;
		})
	);
	return Object.fromEntries(entries);
}

describe('seedDemo', () => {
	let password: string | null;

	it('finds a new database empty', async () => {
		expect(await isEmpty(db)).toBe(true);
	});

	it('creates the demo organisation with its owner', async () => {
		const credentials = await seedDemo(db);
		password = credentials.password;
		expect(credentials.email).toBe(DEMO_EMAIL);
		expect(password).toMatch(/^[a-zA-Z2-9]{16}$/);
		expect(await isEmpty(db)).toBe(false);
		const [owner] = await db.select().from(users);
		expect(owner?.email).toBe(DEMO_EMAIL);
		expect(await resolveMembership(db, owner!.id, DEMO_ORG_SLUG)).toMatchObject({
			org: { slug: 'demo' },
			role: 'owner'
		});
	});

	it('gives a password that signs in', async () => {
		const result = await signIn(db, {
			email: DEMO_EMAIL,
			password: password!,
			address: '192.0.2.1'
		});
		expect(result.ok).toBe(true);
	});

	it('creates nothing the second time and does not know the password', async () => {
		const before = await counts();
		expect(await seedDemo(db)).toEqual({ email: DEMO_EMAIL, password: null });
		expect(await counts()).toEqual(before);
	});
});
