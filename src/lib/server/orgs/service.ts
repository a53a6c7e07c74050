import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import * as audit from '../audit/service';
import type { Db } from '../db';
import {
	invitations,
	memberships,
	organisations,
	users,
	type Invitation,
	type Organisation,
	type Role
} from '../db/schema';
import { generateToken, hashToken } from '../auth/tokens';

export type Actor = { id: string; email: string };
export type OrgSummary = Pick<Organisation, 'id' | 'slug' | 'name'>;

const INVITATION_LIFETIME = 7 * 24 * 60 * 60 * 1000;

/** Creates an organisation; when `owner` is given they become its first owner. */
export async function createOrganisation(
	db: Db,
	input: { slug: string; name: string },
	owner?: Actor
): Promise<{ ok: true; org: Organisation } | { ok: false; error: 'slugTaken' }> {
	return db.transaction(async (tx) => {
		const [org] = await tx
			.insert(organisations)
			.values({ slug: input.slug, name: input.name })
			.onConflictDoNothing()
			.returning();
		if (!org) return { ok: false, error: 'slugTaken' } as const;
		if (owner)
			await tx.insert(memberships).values({ orgId: org.id, userId: owner.id, role: 'owner' });
		await audit.record(tx, {
			orgId: org.id,
			action: 'org.created',
			actor: owner,
			target: org.slug
		});
		return { ok: true, org } as const;
	});
}

export async function findOrganisation(db: Db, slug: string): Promise<Organisation | undefined> {
	const [org] = await db.select().from(organisations).where(eq(organisations.slug, slug));
	return org;
}

/** The organisations a person belongs to, with their role in each, by name. */
export async function membershipsOf(
	db: Db,
	userId: string
): Promise<{ org: OrgSummary; role: Role }[]> {
	return db
		.select({
			org: { id: organisations.id, slug: organisations.slug, name: organisations.name },
			role: memberships.role
		})
		.from(memberships)
		.innerJoin(organisations, eq(organisations.id, memberships.orgId))
		.where(eq(memberships.userId, userId))
		.orderBy(asc(organisations.name));
}

/** The person's membership in the organisation with this slug, or null if they have none. */
export async function resolveMembership(
	db: Db,
	userId: string,
	slug: string
): Promise<{ org: Organisation; role: Role } | null> {
	const [row] = await db
		.select({ org: organisations, role: memberships.role })
		.from(memberships)
		.innerJoin(organisations, eq(organisations.id, memberships.orgId))
		.where(and(eq(memberships.userId, userId), eq(organisations.slug, slug)));
	return row ?? null;
}

export async function rememberLastOrg(db: Db, userId: string, orgId: string): Promise<void> {
	await db.update(users).set({ lastOrgId: orgId }).where(eq(users.id, userId));
}

export async function listMembers(db: Db, orgId: string) {
	return db
		.select({
			userId: users.id,
			email: users.email,
			displayName: users.displayName,
			role: memberships.role,
			joinedAt: memberships.createdAt
		})
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(eq(memberships.orgId, orgId))
		.orderBy(asc(users.email));
}

type MemberChangeError = 'notMember' | 'lastOwner';

/** Changes a member's role; an organisation always keeps at least one owner. */
export async function changeRole(
	db: Db,
	actor: Actor,
	orgId: string,
	userId: string,
	role: Role
): Promise<{ ok: true } | { ok: false; error: MemberChangeError }> {
	return db.transaction(async (tx) => {
		const member = await lockMember(tx, orgId, userId);
		if (!member) return { ok: false, error: 'notMember' } as const;
		if (member.role === role) return { ok: true } as const;
		if (member.role === 'owner' && (await ownerCount(tx, orgId)) <= 1)
			return { ok: false, error: 'lastOwner' } as const;
		await tx
			.update(memberships)
			.set({ role })
			.where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
		await audit.record(tx, {
			orgId,
			action: 'member.role_changed',
			actor,
			target: member.email,
			details: { from: member.role, to: role }
		});
		return { ok: true } as const;
	});
}

export async function removeMember(
	db: Db,
	actor: Actor,
	orgId: string,
	userId: string
): Promise<{ ok: true } | { ok: false; error: MemberChangeError }> {
	return db.transaction(async (tx) => {
		const member = await lockMember(tx, orgId, userId);
		if (!member) return { ok: false, error: 'notMember' } as const;
		if (member.role === 'owner' && (await ownerCount(tx, orgId)) <= 1)
			return { ok: false, error: 'lastOwner' } as const;
		await tx
			.delete(memberships)
			.where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
		await audit.record(tx, {
			orgId,
			action: 'member.removed',
			actor,
			target: member.email,
			details: { role: member.role }
		});
		return { ok: true } as const;
	});
}

async function lockMember(tx: Db, orgId: string, userId: string) {
	const [row] = await tx
		.select({ role: memberships.role, email: users.email })
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
		.for('update', { of: memberships });
	return row;
}

async function ownerCount(tx: Db, orgId: string): Promise<number> {
	// Lock every owner row so two concurrent demotions cannot both see "two owners".
	const rows = await tx
		.select({ userId: memberships.userId })
		.from(memberships)
		.where(and(eq(memberships.orgId, orgId), eq(memberships.role, 'owner')))
		.for('update');
	return rows.length;
}

/** Creates an invitation link; the token is returned once and only its hash is stored. */
export async function createInvitation(
	db: Db,
	actor: Actor,
	orgId: string,
	input: { role: Role; email?: string | null },
	now = new Date()
): Promise<{ token: string; invitation: Invitation }> {
	const token = generateToken();
	const email = input.email?.trim().toLowerCase() || null;
	return db.transaction(async (tx) => {
		const [invitation] = await tx
			.insert(invitations)
			.values({
				orgId,
				tokenHash: hashToken(token),
				role: input.role,
				email,
				createdBy: actor.id,
				expiresAt: new Date(now.getTime() + INVITATION_LIFETIME)
			})
			.returning();
		await audit.record(tx, {
			orgId,
			action: 'invitation.created',
			actor,
			target: email,
			details: { role: input.role }
		});
		return { token, invitation: invitation! };
	});
}

/** Invitations that can still be accepted, newest first. */
export async function listPendingInvitations(db: Db, orgId: string, now = new Date()) {
	return db
		.select({
			id: invitations.id,
			role: invitations.role,
			email: invitations.email,
			createdAt: invitations.createdAt,
			expiresAt: invitations.expiresAt
		})
		.from(invitations)
		.where(
			and(
				eq(invitations.orgId, orgId),
				isNull(invitations.acceptedAt),
				isNull(invitations.revokedAt),
				gt(invitations.expiresAt, now)
			)
		)
		.orderBy(sql`${invitations.createdAt} desc`);
}

export async function revokeInvitation(
	db: Db,
	actor: Actor,
	orgId: string,
	invitationId: string
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(invitations)
			.set({ revokedAt: new Date() })
			.where(
				and(
					eq(invitations.id, invitationId),
					eq(invitations.orgId, orgId),
					isNull(invitations.acceptedAt),
					isNull(invitations.revokedAt)
				)
			)
			.returning();
		if (!row) return false;
		await audit.record(tx, {
			orgId,
			action: 'invitation.revoked',
			actor,
			target: row.email,
			details: { role: row.role }
		});
		return true;
	});
}

export type InvitationProblem = 'invalid' | 'expired' | 'used' | 'revoked';

/** Looks an invitation up by its token and says whether it can still be accepted. */
export async function inspectInvitation(
	db: Db,
	token: string,
	now = new Date()
): Promise<
	{ ok: true; invitation: Invitation; org: OrgSummary } | { ok: false; error: InvitationProblem }
> {
	const [row] = await db
		.select({
			invitation: invitations,
			org: { id: organisations.id, slug: organisations.slug, name: organisations.name }
		})
		.from(invitations)
		.innerJoin(organisations, eq(organisations.id, invitations.orgId))
		.where(eq(invitations.tokenHash, hashToken(token)));
	if (!row) return { ok: false, error: 'invalid' };
	if (row.invitation.revokedAt) return { ok: false, error: 'revoked' };
	if (row.invitation.acceptedAt) return { ok: false, error: 'used' };
	if (row.invitation.expiresAt.getTime() <= now.getTime()) return { ok: false, error: 'expired' };
	return { ok: true, ...row };
}

export type AcceptError = InvitationProblem | 'wrongEmail' | 'alreadyMember';

/** Accepts an invitation for an existing account, inside the caller's transaction if any. */
export async function acceptInvitation(
	db: Db,
	token: string,
	user: Actor,
	now = new Date()
): Promise<{ ok: true; org: OrgSummary } | { ok: false; error: AcceptError }> {
	return db.transaction(async (tx) => {
		const found = await inspectInvitation(tx, token, now);
		if (!found.ok) return found;
		const { invitation, org } = found;
		if (invitation.email && invitation.email !== user.email.toLowerCase())
			return { ok: false, error: 'wrongEmail' } as const;
		const [existing] = await tx
			.select({ role: memberships.role })
			.from(memberships)
			.where(and(eq(memberships.orgId, org.id), eq(memberships.userId, user.id)));
		if (existing) return { ok: false, error: 'alreadyMember' } as const;
		// Single use even under a double click: only one transaction flips accepted_at.
		const [claimed] = await tx
			.update(invitations)
			.set({ acceptedAt: now, acceptedBy: user.id })
			.where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt)))
			.returning({ id: invitations.id });
		if (!claimed) return { ok: false, error: 'used' } as const;
		await tx
			.insert(memberships)
			.values({ orgId: org.id, userId: user.id, role: invitation.role })
			.onConflictDoNothing();
		await audit.record(tx, {
			orgId: org.id,
			action: 'member.joined',
			actor: user,
			target: user.email,
			details: { role: invitation.role }
		});
		return { ok: true, org } as const;
	});
}

/** Saves the organisation's settings; the quick-exit site is kept when not given. */
export async function updateSettings(
	db: Db,
	actor: Actor,
	orgId: string,
	input: { name: string; minCellSize: number; exitUrl?: string }
): Promise<void> {
	await db.transaction(async (tx) => {
		const [before] = await tx.select().from(organisations).where(eq(organisations.id, orgId));
		await tx.update(organisations).set(input).where(eq(organisations.id, orgId));
		await audit.record(tx, {
			orgId,
			action: 'org.settings_changed',
			actor,
			details: {
				name: input.name,
				minCellSize: input.minCellSize,
				previousMinCellSize: before?.minCellSize ?? null,
				// The exit site is not secret, and a wrong one sends respondents somewhere
				// conspicuous: who changed it, and from what, must be traceable.
				...(input.exitUrl !== undefined && input.exitUrl !== before?.exitUrl
					? { exitUrl: input.exitUrl, previousExitUrl: before?.exitUrl ?? null }
					: {})
			}
		});
	});
}
