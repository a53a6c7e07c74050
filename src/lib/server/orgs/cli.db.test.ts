import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { findUserByEmail } from '../auth/service';
import { verifyPassword } from '../auth/password';
import type { Db } from '../db';
import { memberships, organisations, users } from '../db/schema';
import { useTestDatabase } from '../db/testing';
import { createMember } from './cli';

let db: Db;
useTestDatabase((d) => {
	db = d.db;
});

const PASSWORD = 'a long enough password';

async function counts() {
	const [[u], [o], [m]] = await Promise.all([
		db.select({ n: count() }).from(users),
		db.select({ n: count() }).from(organisations),
		db.select({ n: count() }).from(memberships)
	]);
	return { users: u!.n, organisations: o!.n, memberships: m!.n };
}

async function roleIn(slug: string, email: string) {
	const [row] = await db
		.select({ role: memberships.role })
		.from(memberships)
		.innerJoin(organisations, eq(organisations.id, memberships.orgId))
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(and(eq(organisations.slug, slug), eq(users.email, email)));
	return row?.role;
}

describe('createMember', () => {
	it('creates the account and the organisation when both are new', async () => {
		const result = await createMember(db, {
			email: 'Admin@NGO.example',
			password: PASSWORD,
			org: 'field-office',
			role: 'owner',
			name: 'Admin'
		});
		expect(result.ok).toBe(true);
		expect(result.message).toMatch(/^admin@ngo\.example is owner of field-office\.$/i);
		expect(await roleIn('field-office', 'admin@ngo.example')).toBe('owner');
		const user = await findUserByEmail(db, 'admin@ngo.example');
		expect(user?.displayName).toBe('Admin');
		expect(await verifyPassword(user!.passwordHash, PASSWORD)).toBe(true);
	});

	it('reuses the account and changes only its role when run again', async () => {
		const before = await counts();
		const result = await createMember(db, {
			email: 'admin@ngo.example',
			password: 'a different password now',
			org: 'field-office',
			role: 'analyst'
		});
		expect(result.ok).toBe(true);
		expect(await roleIn('field-office', 'admin@ngo.example')).toBe('analyst');
		expect(await counts()).toEqual(before);
		const user = await findUserByEmail(db, 'admin@ngo.example');
		expect(await verifyPassword(user!.passwordHash, PASSWORD)).toBe(true);
	});

	it('adds an existing account to an existing organisation', async () => {
		await createMember(db, {
			email: 'second@ngo.example',
			password: PASSWORD,
			org: 'head-office',
			role: 'owner'
		});
		const before = await counts();
		const result = await createMember(db, {
			email: 'admin@ngo.example',
			password: PASSWORD,
			org: 'head-office',
			role: 'donor'
		});
		expect(result.ok).toBe(true);
		expect(await roleIn('head-office', 'admin@ngo.example')).toBe('donor');
		expect(await counts()).toEqual({ ...before, memberships: before.memberships + 1 });
	});

	it.each([
		['a role that does not exist', { role: 'boss' }, '--role'],
		['a missing role', { role: undefined }, '--role'],
		['an address that is not an e-mail', { email: 'admin' }, '--email'],
		['a missing e-mail', { email: undefined }, '--email'],
		['a missing password', { password: undefined }, '--password'],
		['an empty password', { password: '' }, '--password'],
		['a slug with capitals and spaces', { org: 'Field Office' }, '--org'],
		['a slug too short', { org: 'hq' }, '--org'],
		['a reserved slug', { org: 'admin' }, '--org']
	])('refuses %s, names the option, and stores nothing', async (_name, change, option) => {
		const before = await counts();
		const result = await createMember(db, {
			email: 'new@ngo.example',
			password: PASSWORD,
			org: 'new-office',
			role: 'manager',
			...change
		});
		expect(result.ok).toBe(false);
		expect(result.message).toContain(`${option}:`);
		expect(result.message).not.toMatch(/validation\./);
		expect(await counts()).toEqual(before);
	});

	it('refuses a weak password with the reason, and stores nothing', async () => {
		const before = await counts();
		const result = await createMember(db, {
			email: 'weak@ngo.example',
			password: 'short',
			org: 'weak-office',
			role: 'owner'
		});
		expect(result).toEqual({ ok: false, message: 'Cannot create the account: tooShort' });
		expect(await counts()).toEqual(before);
	});
});
