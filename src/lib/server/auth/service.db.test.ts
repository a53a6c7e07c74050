import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { auditEvents, memberships, users } from '../db/schema';
import { useTestDatabase, rows } from '../db/testing';
import { createOrganisation } from '../orgs/service';
import { createUser, findUserByEmail, signIn } from './service';
import { validateSessionToken } from './session';

let db: Db;
useTestDatabase((d) => {
	db = d.db;
});

const PASSWORD = 'correct horse battery staple';
const T0 = new Date('2025-03-01T10:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);
let addresses = 0;
/** A fresh client address per test, so the per-address counter of one test stays out of others. */
const address = () => `203.0.113.${++addresses}`;

async function auditActions(orgId: string, userId: string) {
	const events = await db
		.select({ action: auditEvents.action })
		.from(auditEvents)
		.where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.actorId, userId)))
		.orderBy(auditEvents.id);
	return events.map((e) => e.action);
}

describe('createUser', () => {
	it('stores the e-mail trimmed and in lower case, and a hash instead of the password', async () => {
		const created = await createUser(db, { email: '  Amina@NGO.example ', password: PASSWORD });
		expect(created).toMatchObject({ ok: true, user: { email: 'amina@ngo.example' } });
		const [row] = await db.select().from(users).where(eq(users.email, 'amina@ngo.example'));
		expect(row!.passwordHash).not.toContain(PASSWORD);
		expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
	});

	it.each(['amina@ngo.example', 'AMINA@ngo.example', ' Amina@Ngo.Example'])(
		'refuses %j as a second account for the same address',
		async (email) => {
			expect(await createUser(db, { email, password: PASSWORD })).toEqual({
				ok: false,
				error: 'emailTaken'
			});
		}
	);

	it('finds the account whatever the case of the e-mail', async () => {
		expect((await findUserByEmail(db, 'AMINA@ngo.EXAMPLE '))?.email).toBe('amina@ngo.example');
		expect(await findUserByEmail(db, 'nobody@ngo.example')).toBeUndefined();
	});

	it.each([
		['short', 'tooShort'],
		['P@ssw0rd1234', 'common'],
		['zzzzzzzzzzzzzzzz', 'common'],
		['i am jonathan.k and this is mine', 'containsEmail']
	])('refuses the password %j (%s) and creates nothing', async (password, error) => {
		const email = 'jonathan.k@ngo.example';
		expect(await createUser(db, { email, password })).toEqual({ ok: false, error });
		expect(await findUserByEmail(db, email)).toBeUndefined();
	});
});

describe('signIn', () => {
	let userId: string;
	let orgIds: string[];
	const email = 'bashir@ngo.example';

	beforeAll(async () => {
		const created = await createUser(db, { email, password: PASSWORD });
		if (!created.ok) throw new Error(created.error);
		userId = created.user.id;
		orgIds = [];
		for (const slug of ['sign-in-one', 'sign-in-two']) {
			const org = await createOrganisation(db, { slug, name: slug }, { id: userId, email });
			if (!org.ok) throw new Error(org.error);
			orgIds.push(org.org.id);
		}
	});

	it('opens a session the session cookie then resolves to the person', async () => {
		const result = await signIn(db, {
			email: ' Bashir@NGO.example',
			password: PASSWORD,
			address: address()
		});
		if (!result.ok) throw new Error(result.error);
		expect(result.user.id).toBe(userId);
		const validated = await validateSessionToken(db, result.token);
		expect(validated?.user).toMatchObject({ id: userId, email });
		expect(validated?.session.id).toBe(result.session.id);
	});

	it('says the same for a wrong password and an unknown e-mail', async () => {
		const wrongPassword = await signIn(db, { email, password: PASSWORD + '!', address: address() });
		const unknown = await signIn(db, {
			email: 'nobody@ngo.example',
			password: PASSWORD,
			address: address()
		});
		expect(wrongPassword).toEqual({ ok: false, error: 'invalid' });
		expect(unknown).toEqual(wrongPassword);
	});

	it('records sign-ins and failed sign-ins in each organisation of the person', async () => {
		const before = await Promise.all(orgIds.map((id) => auditActions(id, userId)));
		await signIn(db, { email, password: 'wrong password here', address: address() });
		await signIn(db, { email, password: PASSWORD, address: address() });
		for (const [i, orgId] of orgIds.entries()) {
			const added = (await auditActions(orgId, userId)).slice(before[i]!.length);
			expect(added).toEqual(['auth.sign_in_failed', 'auth.sign_in']);
		}
	});

	describe('throttling', () => {
		const victim = 'chloe@ngo.example';
		beforeAll(async () => {
			const created = await createUser(db, { email: victim, password: PASSWORD });
			if (!created.ok) throw new Error(created.error);
		});

		it('locks the account after five failures, even for the right password from elsewhere', async () => {
			for (let i = 0; i < 4; i++) {
				const attempt = await signIn(
					db,
					{ email: victim, password: `guess number ${i}!`, address: address() },
					T0
				);
				expect(attempt).toEqual({ ok: false, error: 'invalid' });
			}
			expect(
				await signIn(db, { email: victim, password: 'guess number 5!', address: address() }, T0)
			).toEqual({
				ok: false,
				error: 'invalid'
			});
			const locked = await signIn(
				db,
				{ email: 'CHLOE@ngo.example', password: PASSWORD, address: address() },
				later(1_000)
			);
			expect(locked).toMatchObject({ ok: false, error: 'throttled' });
			if (locked.ok || locked.error !== 'throttled') return;
			expect(locked.retryAfterSeconds).toBeGreaterThan(0);
			expect(locked.retryAfterSeconds).toBeLessThanOrEqual(30);
		});

		it('lets the right password in once the lock has passed, and then forgets the failures', async () => {
			const ok = await signIn(
				db,
				{ email: victim, password: PASSWORD, address: address() },
				later(31_000)
			);
			expect(ok.ok).toBe(true);
			// With the counter cleared, four more mistakes are again allowed without a lock.
			for (let i = 0; i < 4; i++) {
				const attempt = await signIn(
					db,
					{ email: victim, password: `again wrong ${i}!!`, address: address() },
					later(32_000)
				);
				expect(attempt).toEqual({ ok: false, error: 'invalid' });
			}
			expect(
				(await signIn(db, { email: victim, password: PASSWORD, address: address() }, later(33_000)))
					.ok
			).toBe(true);
		});

		it('counts unknown e-mails too, so a locked answer does not reveal an account', async () => {
			const ghost = 'ghost@ngo.example';
			for (let i = 0; i < 5; i++)
				await signIn(db, { email: ghost, password: PASSWORD, address: address() }, T0);
			expect(
				await signIn(db, { email: ghost, password: PASSWORD, address: address() }, T0)
			).toMatchObject({
				ok: false,
				error: 'throttled'
			});
		});

		it('locks one address trying many accounts', async () => {
			const from = address();
			for (let i = 0; i < 30; i++)
				await signIn(db, { email: `spray${i}@ngo.example`, password: PASSWORD, address: from }, T0);
			expect(await signIn(db, { email, password: PASSWORD, address: from }, T0)).toMatchObject({
				ok: false,
				error: 'throttled'
			});
			expect((await signIn(db, { email, password: PASSWORD, address: address() }, T0)).ok).toBe(
				true
			);
		}, 30_000);

		it('stores neither e-mail addresses nor client addresses', async () => {
			const keys = await rows<{ key: string; all: string }>(
				db.execute(sql`select key, row_to_json(t)::text as all from sign_in_throttle t`)
			);
			expect(keys.length).toBeGreaterThan(2);
			for (const { key, all } of keys) {
				expect(key).toMatch(/^(account|address):[0-9a-f]{64}$/);
				expect(all).not.toMatch(/@|ngo\.example|203\.0\.113|chloe|ghost/i);
			}
		});
	});

	it('records nothing for an e-mail without an account', async () => {
		const [before] = await rows<{ n: number }>(
			db.execute(sql`select count(*)::int as n from audit_events`)
		);
		await signIn(db, { email: 'stranger@ngo.example', password: PASSWORD, address: address() });
		const [after] = await rows<{ n: number }>(
			db.execute(sql`select count(*)::int as n from audit_events`)
		);
		expect(after!.n).toBe(before!.n);
	});

	it('records in no organisation the person has left', async () => {
		const other = await createOrganisation(
			db,
			{ slug: 'sign-in-left', name: 'Left' },
			{ id: userId, email }
		);
		if (!other.ok) throw new Error(other.error);
		await db
			.delete(memberships)
			.where(and(eq(memberships.orgId, other.org.id), eq(memberships.userId, userId)));
		const before = await auditActions(other.org.id, userId);
		await signIn(db, { email, password: PASSWORD, address: address() });
		expect(await auditActions(other.org.id, userId)).toEqual(before);
	});
});
