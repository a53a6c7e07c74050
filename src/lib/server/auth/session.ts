import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { sessions, users, type User } from '../db/schema';
import { generateToken, hashToken } from './tokens';

const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME = 30 * DAY;
/** Sliding expiry: a session used in its second half is extended to the full lifetime again. */
const RENEW_WITHIN = 15 * DAY;

export const SESSION_COOKIE = 'heard_session';

export interface SessionInfo {
	id: string;
	userId: string;
	expiresAt: Date;
}

export type SessionUser = Pick<User, 'id' | 'email' | 'displayName' | 'locale' | 'lastOrgId'>;

export async function createSession(
	db: Db,
	userId: string,
	now = new Date()
): Promise<{ token: string; session: SessionInfo }> {
	const token = generateToken();
	const session = {
		id: hashToken(token),
		userId,
		expiresAt: new Date(now.getTime() + SESSION_LIFETIME)
	};
	await db.insert(sessions).values(session);
	return { token, session };
}

/** Resolves a cookie token to its session and user, extending or deleting the session as due. */
export async function validateSessionToken(
	db: Db,
	token: string,
	now = new Date()
): Promise<{ session: SessionInfo; user: SessionUser } | null> {
	const id = hashToken(token);
	const [row] = await db
		.select({
			session: { id: sessions.id, userId: sessions.userId, expiresAt: sessions.expiresAt },
			user: {
				id: users.id,
				email: users.email,
				displayName: users.displayName,
				locale: users.locale,
				lastOrgId: users.lastOrgId
			}
		})
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(eq(sessions.id, id));
	if (!row) return null;
	const { session, user } = row;
	if (now.getTime() >= session.expiresAt.getTime()) {
		await db.delete(sessions).where(eq(sessions.id, id));
		return null;
	}
	if (now.getTime() >= session.expiresAt.getTime() - RENEW_WITHIN) {
		session.expiresAt = new Date(now.getTime() + SESSION_LIFETIME);
		await db.update(sessions).set({ expiresAt: session.expiresAt }).where(eq(sessions.id, id));
	}
	return { session, user };
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function invalidateUserSessions(db: Db, userId: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.userId, userId));
}
