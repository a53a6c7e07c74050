import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { auditEvents, sessions, users } from '../db/schema';
import { useTestDatabase } from '../db/testing';
import { createOrganisation } from '../orgs/service';
import { changePassword, createUser, signIn } from './service';
import {
	createSession,
	invalidateSession,
	invalidateUserSessions,
	SESSION_LIFETIME,
	validateSessionToken
} from './session';
import { hashToken } from './tokens';

let db: Db;
useTestDatabase((d) => {
	db = d.db;
});

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date('2025-03-01T10:00:00Z');
const after = (ms: number) => new Date(T0.getTime() + ms);

let people = 0;
/** An account without a real password hash: these tests never sign in with it. */
async function person(): Promise<string> {
	const [user] = await db
		.insert(users)
		.values({ email: `person${++people}@ngo.example`, passwordHash: 'unused' })
		.returning({ id: users.id });
	return user!.id;
}

async function storedExpiry(token: string): Promise<Date | undefined> {
	const [row] = await db
		.select({ expiresAt: sessions.expiresAt })
		.from(sessions)
		.where(eq(sessions.id, hashToken(token)));
	return row?.expiresAt;
}

describe('sessions', () => {
	it('store the hash of the token, never the token', async () => {
		const userId = await person();
		const { token, session } = await createSession(db, userId, T0);
		expect(session.id).toBe(hashToken(token));
		const stored = await db.select().from(sessions).where(eq(sessions.userId, userId));
		expect(stored).toHaveLength(1);
		expect(JSON.stringify(stored)).not.toContain(token);
		expect(session.expiresAt).toEqual(after(SESSION_LIFETIME));
	});

	it('resolve an unknown token to nobody', async () => {
		expect(await validateSessionToken(db, 'abcdefghijklmnopqrstuvwxyz234567')).toBeNull();
	});

	it('are refused and deleted once expired', async () => {
		const userId = await person();
		const { token } = await createSession(db, userId, T0);
		expect(await validateSessionToken(db, token, after(DAY))).not.toBeNull();
		expect(await validateSessionToken(db, token, after(SESSION_LIFETIME + 1))).toBeNull();
		expect(await storedExpiry(token)).toBeUndefined();
	});

	it('are refused at the very moment they expire', async () => {
		const { token } = await createSession(db, await person(), T0);
		expect(await validateSessionToken(db, token, after(SESSION_LIFETIME))).toBeNull();
	});

	it('keep their expiry when used in their first half', async () => {
		const { token } = await createSession(db, await person(), T0);
		const result = await validateSessionToken(db, token, after(10 * DAY));
		expect(result?.session.expiresAt).toEqual(after(SESSION_LIFETIME));
		expect(await storedExpiry(token)).toEqual(after(SESSION_LIFETIME));
	});

	it('are extended to a full lifetime when used in their second half', async () => {
		const { token } = await createSession(db, await person(), T0);
		const usedAt = after(20 * DAY);
		const result = await validateSessionToken(db, token, usedAt);
		const extended = new Date(usedAt.getTime() + SESSION_LIFETIME);
		expect(result?.session.expiresAt).toEqual(extended);
		expect(await storedExpiry(token)).toEqual(extended);
		// Still valid after the original expiry, which a person active every few weeks would notice.
		expect(await validateSessionToken(db, token, after(SESSION_LIFETIME + DAY))).not.toBeNull();
	});

	it('resolve to their own person', async () => {
		const [a, b] = [await person(), await person()];
		const tokenA = (await createSession(db, a)).token;
		const tokenB = (await createSession(db, b)).token;
		expect((await validateSessionToken(db, tokenA))?.user.id).toBe(a);
		expect((await validateSessionToken(db, tokenB))?.user.id).toBe(b);
	});

	it('end one at a time on sign-out', async () => {
		const userId = await person();
		const one = await createSession(db, userId);
		const two = await createSession(db, userId);
		await invalidateSession(db, one.session.id);
		expect(await validateSessionToken(db, one.token)).toBeNull();
		expect(await validateSessionToken(db, two.token)).not.toBeNull();
	});

	it('all end for one person, and only for that person', async () => {
		const [a, b] = [await person(), await person()];
		const tokensA = [(await createSession(db, a)).token, (await createSession(db, a)).token];
		const tokenB = (await createSession(db, b)).token;
		await invalidateUserSessions(db, a);
		for (const token of tokensA) expect(await validateSessionToken(db, token)).toBeNull();
		expect((await validateSessionToken(db, tokenB))?.user.id).toBe(b);
	});
});

describe('changePassword', () => {
	const email = 'dana@ngo.example';
	const OLD = 'old password that is long';
	const NEW = 'brand new password, longer';
	let userId: string;
	let orgId: string;

	beforeAll(async () => {
		const created = await createUser(db, { email, password: OLD });
		if (!created.ok) throw new Error(created.error);
		userId = created.user.id;
		const org = await createOrganisation(
			db,
			{ slug: 'passwords', name: 'P' },
			{ id: userId, email }
		);
		if (!org.ok) throw new Error(org.error);
		orgId = org.org.id;
	});

	it('refuses a wrong current password and changes nothing', async () => {
		const { token } = await createSession(db, userId);
		expect(await changePassword(db, userId, 'not my password at all', NEW)).toEqual({
			ok: false,
			error: 'wrongCurrent'
		});
		expect(await validateSessionToken(db, token)).not.toBeNull();
	});

	it.each([
		['short', 'tooShort'],
		['dana dana dana dana', 'containsEmail']
	])('refuses the new password %j (%s)', async (next, error) => {
		expect(await changePassword(db, userId, OLD, next)).toEqual({ ok: false, error });
	});

	it('signs every old session out and opens a new one', async () => {
		const old = [(await createSession(db, userId)).token, (await createSession(db, userId)).token];
		const result = await changePassword(db, userId, OLD, NEW);
		if (!result.ok) throw new Error(result.error);
		for (const token of old) expect(await validateSessionToken(db, token)).toBeNull();
		expect((await validateSessionToken(db, result.token))?.user.id).toBe(userId);
		const remaining = await db.select().from(sessions).where(eq(sessions.userId, userId));
		expect(remaining.map((s) => s.id)).toEqual([result.session.id]);
	});

	it('makes the new password the one that signs in', async () => {
		const address = '198.51.100.7';
		expect(await signIn(db, { email, password: OLD, address })).toEqual({
			ok: false,
			error: 'invalid'
		});
		expect((await signIn(db, { email, password: NEW, address })).ok).toBe(true);
	});

	it('is recorded in the audit log of the organisation', async () => {
		const events = await db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.action, 'auth.password_changed')));
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({ actorId: userId, actorEmail: email });
	});
});
