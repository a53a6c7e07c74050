import { eq, sql } from 'drizzle-orm';
import * as audit from '../audit/service';
import type { Db } from '../db';
import { memberships, users, type User } from '../db/schema';
import { acceptInvitation, type AcceptError } from '../orgs/service';
import {
	dummyPasswordHash,
	hashPassword,
	passwordProblem,
	verifyPassword,
	type PasswordProblem
} from './password';
import {
	createSession,
	invalidateSession,
	invalidateUserSessions,
	type SessionInfo
} from './session';
import { clearAccount, recordFailure, throttleKeys, throttleWait } from './throttle';

export type NewUserError = PasswordProblem | 'emailTaken';

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
	const [user] = await db
		.select()
		.from(users)
		.where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()));
	return user;
}

/** Creates an account after checking the password policy; e-mails are unique case-insensitively. */
export async function createUser(
	db: Db,
	input: { email: string; password: string; displayName?: string; locale?: string | null }
): Promise<{ ok: true; user: User } | { ok: false; error: NewUserError }> {
	const email = input.email.trim().toLowerCase();
	const problem = passwordProblem(input.password, email);
	if (problem) return { ok: false, error: problem };
	const passwordHash = await hashPassword(input.password);
	const [user] = await db
		.insert(users)
		.values({
			email,
			passwordHash,
			displayName: input.displayName?.trim() ?? '',
			locale: input.locale ?? null
		})
		.onConflictDoNothing()
		.returning();
	if (!user) return { ok: false, error: 'emailTaken' };
	return { ok: true, user };
}

export type SignInResult =
	| { ok: true; token: string; session: SessionInfo; user: User }
	| { ok: false; error: 'invalid' }
	| { ok: false; error: 'throttled'; retryAfterSeconds: number };

/**
 * Checks e-mail and password. Unknown e-mail and wrong password look the same from outside,
 * take the same time, and both count toward throttling.
 */
export async function signIn(
	db: Db,
	input: { email: string; password: string; address: string },
	now = new Date()
): Promise<SignInResult> {
	const keys = await throttleKeys(db, input.email, input.address);
	const wait = await throttleWait(db, keys, now);
	if (wait > 0) return { ok: false, error: 'throttled', retryAfterSeconds: Math.ceil(wait / 1000) };

	const user = await findUserByEmail(db, input.email);
	const valid = await verifyPassword(
		user?.passwordHash ?? (await dummyPasswordHash()),
		input.password
	);
	if (!user || !valid) {
		await recordFailure(db, keys, now);
		if (user) await recordForEachOrg(db, user, 'auth.sign_in_failed');
		return { ok: false, error: 'invalid' };
	}
	await clearAccount(db, keys);
	const { token, session } = await createSession(db, user.id, now);
	await recordForEachOrg(db, user, 'auth.sign_in');
	return { ok: true, token, session, user };
}

export async function signOut(db: Db, user: Pick<User, 'id' | 'email'>, sessionId: string) {
	await invalidateSession(db, sessionId);
	await recordForEachOrg(db, user, 'auth.sign_out');
}

/**
 * Changes the password and signs every session out, then opens a fresh session for the
 * device that made the change.
 */
export async function changePassword(
	db: Db,
	userId: string,
	current: string,
	next: string
): Promise<
	| { ok: true; token: string; session: SessionInfo }
	| { ok: false; error: PasswordProblem | 'wrongCurrent' }
> {
	const [user] = await db.select().from(users).where(eq(users.id, userId));
	if (!user || !(await verifyPassword(user.passwordHash, current)))
		return { ok: false, error: 'wrongCurrent' };
	const problem = passwordProblem(next, user.email);
	if (problem) return { ok: false, error: problem };
	const passwordHash = await hashPassword(next);
	return db.transaction(async (tx) => {
		await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
		await invalidateUserSessions(tx, userId);
		const { token, session } = await createSession(tx, userId);
		await recordForEachOrg(tx, user, 'auth.password_changed');
		return { ok: true, token, session } as const;
	});
}

export async function updateProfile(
	db: Db,
	userId: string,
	input: { displayName: string; locale: string | null }
): Promise<void> {
	await db
		.update(users)
		.set({ displayName: input.displayName.trim(), locale: input.locale })
		.where(eq(users.id, userId));
}

export async function setLocale(db: Db, userId: string, locale: string | null): Promise<void> {
	await db.update(users).set({ locale }).where(eq(users.id, userId));
}

/**
 * Creates an account from an invitation link and joins the organisation, all or nothing:
 * a refused invitation leaves no account behind.
 */
export async function registerWithInvitation(
	db: Db,
	token: string,
	input: { email: string; password: string; displayName: string; locale: string | null }
): Promise<
	| { ok: true; token: string; session: SessionInfo; orgSlug: string }
	| { ok: false; error: NewUserError | AcceptError }
> {
	const problem = passwordProblem(input.password, input.email);
	if (problem) return { ok: false, error: problem };
	// Hash outside the transaction: argon2 is the slow part and holds no locks.
	const passwordHash = await hashPassword(input.password);
	class Abort extends Error {
		constructor(readonly reason: NewUserError | AcceptError) {
			super(reason);
		}
	}
	try {
		return await db.transaction(async (tx) => {
			const email = input.email.trim().toLowerCase();
			const [user] = await tx
				.insert(users)
				.values({
					email,
					passwordHash,
					displayName: input.displayName.trim(),
					locale: input.locale
				})
				.onConflictDoNothing()
				.returning();
			if (!user) throw new Abort('emailTaken');
			const accepted = await acceptInvitation(tx, token, user);
			if (!accepted.ok) throw new Abort(accepted.error);
			const { token: sessionToken, session } = await createSession(tx, user.id);
			await tx.update(users).set({ lastOrgId: accepted.org.id }).where(eq(users.id, user.id));
			return { ok: true, token: sessionToken, session, orgSlug: accepted.org.slug } as const;
		});
	} catch (e) {
		if (e instanceof Abort) return { ok: false, error: e.reason };
		throw e;
	}
}

async function recordForEachOrg(
	db: Db,
	user: Pick<User, 'id' | 'email'>,
	action: 'auth.sign_in' | 'auth.sign_in_failed' | 'auth.sign_out' | 'auth.password_changed'
) {
	const orgs = await db
		.select({ orgId: memberships.orgId })
		.from(memberships)
		.where(eq(memberships.userId, user.id));
	await audit.record(
		db,
		...orgs.map(({ orgId }) => ({ orgId, action, actor: { id: user.id, email: user.email } }))
	);
}
