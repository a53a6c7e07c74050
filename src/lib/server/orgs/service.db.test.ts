import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerWithInvitation } from '../auth/service';
import { validateSessionToken } from '../auth/session';
import { generateToken, hashToken } from '../auth/tokens';
import type { Db } from '../db';
import { memberships, organisations, users, type Organisation } from '../db/schema';
import { useTestDatabase, rows } from '../db/testing';
import { fixtures } from '../db/testing/fixtures';
import {
	acceptInvitation,
	changeRole,
	createInvitation,
	createOrganisation,
	inspectInvitation,
	listMembers,
	listPendingInvitations,
	membershipsOf,
	removeMember,
	resolveMembership,
	revokeInvitation,
	updateSettings,
	type Actor
} from './service';

let db: Db;
useTestDatabase((d) => {
	db = d.db;
});
const { person, organisation, auditOf } = fixtures(() => db);

const DAY = 24 * 60 * 60 * 1000;
const PASSWORD = 'a long enough password';

async function join(
	org: Organisation,
	user: Actor,
	role: 'owner' | 'manager' | 'analyst' | 'donor'
) {
	await db.insert(memberships).values({ orgId: org.id, userId: user.id, role });
}

async function roleOf(orgId: string, userId: string) {
	const [row] = await db
		.select({ role: memberships.role })
		.from(memberships)
		.where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
	return row?.role;
}

async function userExists(email: string) {
	const found = await db
		.select()
		.from(users)
		.where(eq(sql`lower(${users.email})`, email.toLowerCase()));
	return found.length > 0;
}

describe('createOrganisation', () => {
	it('makes the creator its owner and records it', async () => {
		const owner = await person();
		const org = await organisation('created', owner);
		expect(await roleOf(org.id, owner.id)).toBe('owner');
		expect(org.minCellSize).toBe(5);
		const [event] = await auditOf(org.id, 'org.created');
		expect(event).toMatchObject({ actorId: owner.id, target: 'created' });
	});

	it('refuses a slug already taken and changes nothing', async () => {
		const first = await person();
		const second = await person();
		const org = await organisation('taken', first);
		expect(await createOrganisation(db, { slug: 'taken', name: 'Other' }, second)).toEqual({
			ok: false,
			error: 'slugTaken'
		});
		expect(await roleOf(org.id, second.id)).toBeUndefined();
		expect(await auditOf(org.id, 'org.created')).toHaveLength(1);
	});
});

describe('tenant isolation', () => {
	let alice: Actor;
	let bob: Actor;
	let orgA: Organisation;
	let orgB: Organisation;

	beforeAll(async () => {
		alice = await person('alice');
		bob = await person('bob');
		orgA = await organisation('tenant-a', alice);
		orgB = await organisation('tenant-b', bob);
	});

	it('shows a person only their own organisations', async () => {
		expect(await membershipsOf(db, alice.id)).toEqual([
			{ org: { id: orgA.id, slug: 'tenant-a', name: 'Org tenant-a' }, role: 'owner' }
		]);
	});

	it("resolves another organisation's slug to nothing", async () => {
		expect(await resolveMembership(db, alice.id, 'tenant-b')).toBeNull();
		expect(await resolveMembership(db, alice.id, 'no-such-org')).toBeNull();
		expect(await resolveMembership(db, alice.id, 'tenant-a')).toMatchObject({
			org: { id: orgA.id },
			role: 'owner'
		});
	});

	it("lists only the organisation's own members", async () => {
		expect((await listMembers(db, orgA.id)).map((m) => m.userId)).toEqual([alice.id]);
	});

	it('refuses to change or remove a member of another organisation', async () => {
		expect(await changeRole(db, alice, orgA.id, bob.id, 'donor')).toEqual({
			ok: false,
			error: 'notMember'
		});
		expect(await removeMember(db, alice, orgA.id, bob.id)).toEqual({
			ok: false,
			error: 'notMember'
		});
		expect(await roleOf(orgB.id, bob.id)).toBe('owner');
	});
});

describe('changeRole and removeMember', () => {
	let owner: Actor;
	let manager: Actor;
	let org: Organisation;

	beforeAll(async () => {
		owner = await person('owner');
		manager = await person('manager');
		org = await organisation('roles', owner);
		await join(org, manager, 'manager');
	});

	it('refuse to demote the last owner', async () => {
		expect(await changeRole(db, owner, org.id, owner.id, 'manager')).toEqual({
			ok: false,
			error: 'lastOwner'
		});
		expect(await roleOf(org.id, owner.id)).toBe('owner');
	});

	it('refuse to remove the last owner', async () => {
		expect(await removeMember(db, owner, org.id, owner.id)).toEqual({
			ok: false,
			error: 'lastOwner'
		});
		expect(await roleOf(org.id, owner.id)).toBe('owner');
	});

	it('record a role change with what it was and what it became', async () => {
		expect(await changeRole(db, owner, org.id, manager.id, 'owner')).toEqual({ ok: true });
		expect(await roleOf(org.id, manager.id)).toBe('owner');
		const [event] = await auditOf(org.id, 'member.role_changed');
		expect(event).toMatchObject({
			actorId: owner.id,
			actorEmail: owner.email,
			target: manager.email,
			details: { from: 'manager', to: 'owner' }
		});
	});

	it('record nothing when the role stays the same', async () => {
		const before = await auditOf(org.id, 'member.role_changed');
		expect(await changeRole(db, owner, org.id, manager.id, 'owner')).toEqual({ ok: true });
		expect(await auditOf(org.id, 'member.role_changed')).toHaveLength(before.length);
	});

	it('let one of two owners step down', async () => {
		expect(await changeRole(db, manager, org.id, owner.id, 'analyst')).toEqual({ ok: true });
		expect(await roleOf(org.id, owner.id)).toBe('analyst');
		const events = await auditOf(org.id, 'member.role_changed');
		expect(events.at(-1)?.details).toEqual({ from: 'owner', to: 'analyst' });
		// Now `manager` is the only owner again.
		expect(await changeRole(db, manager, org.id, manager.id, 'donor')).toEqual({
			ok: false,
			error: 'lastOwner'
		});
	});

	it('let one of two owners be removed, and record it', async () => {
		await changeRole(db, manager, org.id, owner.id, 'owner');
		expect(await removeMember(db, manager, org.id, owner.id)).toEqual({ ok: true });
		expect(await roleOf(org.id, owner.id)).toBeUndefined();
		const [event] = await auditOf(org.id, 'member.removed');
		expect(event).toMatchObject({ target: owner.email, details: { role: 'owner' } });
	});

	it('remove members who are not owners', async () => {
		const donor = await person('donor');
		await join(org, donor, 'donor');
		expect(await removeMember(db, manager, org.id, donor.id)).toEqual({ ok: true });
		expect(await resolveMembership(db, donor.id, 'roles')).toBeNull();
	});
});

describe('invitations', () => {
	let owner: Actor;
	let org: Organisation;

	beforeAll(async () => {
		owner = await person('inviter');
		org = await organisation('inviting', owner);
	});

	it('give a token once and store only its hash', async () => {
		const { token, invitation } = await createInvitation(db, owner, org.id, {
			role: 'analyst',
			email: 'Guest@NGO.example'
		});
		expect(token).toMatch(/^[a-z2-7]{32}$/);
		expect(invitation.tokenHash).toBe(hashToken(token));
		const stored = await rows<{ row: string }>(
			db.execute(
				sql`select row_to_json(i)::text as row from invitations i where id = ${invitation.id}`
			)
		);
		expect(stored).toHaveLength(1);
		expect(stored[0]!.row).not.toContain(token);
		const logged = await rows<{ row: string }>(
			db.execute(
				sql`select row_to_json(a)::text as row from audit_events a where org_id = ${org.id}`
			)
		);
		for (const { row } of logged) expect(row).not.toContain(token);
		expect(invitation.email).toBe('guest@ngo.example');
	});

	it('can be looked up while valid', async () => {
		const now = new Date('2025-03-01T10:00:00Z');
		const { token } = await createInvitation(db, owner, org.id, { role: 'donor' }, now);
		const found = await inspectInvitation(db, token, new Date(now.getTime() + DAY));
		expect(found).toMatchObject({
			ok: true,
			invitation: { role: 'donor', email: null },
			org: { id: org.id, slug: 'inviting', name: 'Org inviting' }
		});
	});

	it.each([
		['an unknown token', 'abcdefghijklmnopqrstuvwxyz234567'],
		['an empty token', ''],
		['the stored hash itself', 'hash']
	])('are invalid for %s', async (_name, token) => {
		let lookup = token;
		if (token === 'hash') {
			const created = await createInvitation(db, owner, org.id, { role: 'donor' });
			lookup = created.invitation.tokenHash;
		}
		expect(await inspectInvitation(db, lookup)).toEqual({ ok: false, error: 'invalid' });
	});

	it('expire after seven days', async () => {
		const now = new Date('2025-03-01T10:00:00Z');
		const { token } = await createInvitation(db, owner, org.id, { role: 'donor' }, now);
		const at = (ms: number) => new Date(now.getTime() + ms);
		expect((await inspectInvitation(db, token, at(7 * DAY - 1))).ok).toBe(true);
		expect(await inspectInvitation(db, token, at(7 * DAY))).toEqual({
			ok: false,
			error: 'expired'
		});
		const joiner = await person();
		expect(await acceptInvitation(db, token, joiner, at(8 * DAY))).toEqual({
			ok: false,
			error: 'expired'
		});
		expect(await roleOf(org.id, joiner.id)).toBeUndefined();
	});

	it('work once only', async () => {
		const { token } = await createInvitation(db, owner, org.id, { role: 'manager' });
		const first = await person();
		const second = await person();
		expect(await acceptInvitation(db, token, first)).toEqual({
			ok: true,
			org: { id: org.id, slug: 'inviting', name: 'Org inviting' }
		});
		expect(await roleOf(org.id, first.id)).toBe('manager');
		expect(await acceptInvitation(db, token, second)).toEqual({ ok: false, error: 'used' });
		expect(await roleOf(org.id, second.id)).toBeUndefined();
		expect(await inspectInvitation(db, token)).toEqual({ ok: false, error: 'used' });
		const joined = await auditOf(org.id, 'member.joined');
		expect(joined.at(-1)).toMatchObject({ actorId: first.id, details: { role: 'manager' } });
	});

	it('work once even when accepted twice at the same moment', async () => {
		const { token } = await createInvitation(db, owner, org.id, { role: 'analyst' });
		const [a, b] = [await person(), await person()];
		const results = await Promise.all([
			acceptInvitation(db, token, a),
			acceptInvitation(db, token, b)
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		const roles = [await roleOf(org.id, a.id), await roleOf(org.id, b.id)];
		expect(roles.filter(Boolean)).toEqual(['analyst']);
	});

	it('bound to an e-mail refuse any other account', async () => {
		const { token } = await createInvitation(db, owner, org.id, {
			role: 'analyst',
			email: 'bound@ngo.example'
		});
		const stranger = await person();
		expect(await acceptInvitation(db, token, stranger)).toEqual({ ok: false, error: 'wrongEmail' });
		expect(await roleOf(org.id, stranger.id)).toBeUndefined();
		const [bound] = await db
			.insert(users)
			.values({ email: 'bound@ngo.example', passwordHash: 'unused' })
			.returning({ id: users.id, email: users.email });
		expect(
			await acceptInvitation(db, token, { id: bound!.id, email: 'Bound@NGO.example' })
		).toMatchObject({ ok: true });
		expect(await roleOf(org.id, bound!.id)).toBe('analyst');
	});

	it('tell a member they already belong, and stay usable for someone else', async () => {
		const { token } = await createInvitation(db, owner, org.id, { role: 'donor' });
		expect(await acceptInvitation(db, token, owner)).toEqual({ ok: false, error: 'alreadyMember' });
		expect(await roleOf(org.id, owner.id)).toBe('owner');
		expect((await inspectInvitation(db, token)).ok).toBe(true);
	});

	it('can be revoked only by their own organisation', async () => {
		const otherOwner = await person();
		const other = await organisation('other-inviting', otherOwner);
		const { token, invitation } = await createInvitation(db, otherOwner, other.id, {
			role: 'analyst'
		});
		expect(await revokeInvitation(db, owner, org.id, invitation.id)).toBe(false);
		expect((await inspectInvitation(db, token)).ok).toBe(true);
		expect(await auditOf(org.id, 'invitation.revoked')).toHaveLength(0);

		expect(await revokeInvitation(db, otherOwner, other.id, invitation.id)).toBe(true);
		expect(await inspectInvitation(db, token)).toEqual({ ok: false, error: 'revoked' });
		expect(await auditOf(other.id, 'invitation.revoked')).toHaveLength(1);
		expect(await revokeInvitation(db, otherOwner, other.id, invitation.id)).toBe(false);
		expect(await acceptInvitation(db, token, await person())).toEqual({
			ok: false,
			error: 'revoked'
		});
	});

	it('cannot be revoked once used', async () => {
		const { token, invitation } = await createInvitation(db, owner, org.id, { role: 'analyst' });
		await acceptInvitation(db, token, await person());
		expect(await revokeInvitation(db, owner, org.id, invitation.id)).toBe(false);
	});

	it('are listed as pending only while they can be accepted', async () => {
		const fresh = await organisation('pending');
		const now = new Date();
		const open = await createInvitation(db, owner, fresh.id, { role: 'analyst' }, now);
		const used = await createInvitation(db, owner, fresh.id, { role: 'analyst' }, now);
		const revoked = await createInvitation(db, owner, fresh.id, { role: 'analyst' }, now);
		await createInvitation(
			db,
			owner,
			fresh.id,
			{ role: 'analyst' },
			new Date(now.getTime() - 8 * DAY)
		);
		await createInvitation(db, owner, org.id, { role: 'analyst' }, now);
		await acceptInvitation(db, used.token, await person());
		await revokeInvitation(db, owner, fresh.id, revoked.invitation.id);
		const pending = await listPendingInvitations(db, fresh.id, now);
		expect(pending.map((p) => p.id)).toEqual([open.invitation.id]);
		expect(JSON.stringify(pending)).not.toMatch(/tokenHash|token_hash/);
	});
});

describe('registerWithInvitation', () => {
	let owner: Actor;
	let org: Organisation;
	const input = (email: string) => ({
		email,
		password: PASSWORD,
		displayName: ' New Person ',
		locale: 'fr'
	});

	beforeAll(async () => {
		owner = await person('registrar');
		org = await organisation('registering', owner);
	});

	it('creates the account, joins the organisation and signs the person in', async () => {
		const { token } = await createInvitation(db, owner, org.id, { role: 'analyst' });
		const result = await registerWithInvitation(db, token, input('Newcomer@NGO.example'));
		expect(result).toMatchObject({ ok: true, orgSlug: 'registering' });
		if (!result.ok) return;
		const session = await validateSessionToken(db, result.token);
		expect(session?.user).toMatchObject({
			email: 'newcomer@ngo.example',
			displayName: 'New Person',
			locale: 'fr',
			lastOrgId: org.id
		});
		expect(await roleOf(org.id, session!.user.id)).toBe('analyst');
		expect(await inspectInvitation(db, token)).toEqual({ ok: false, error: 'used' });
	});

	it('leaves no account behind when the link is not valid', async () => {
		expect(await registerWithInvitation(db, generateToken(), input('nolink@ngo.example'))).toEqual({
			ok: false,
			error: 'invalid'
		});
		expect(await userExists('nolink@ngo.example')).toBe(false);
	});

	it('leaves no account behind when the link was already used', async () => {
		const { token } = await createInvitation(db, owner, org.id, { role: 'analyst' });
		await acceptInvitation(db, token, await person());
		expect(await registerWithInvitation(db, token, input('late@ngo.example'))).toEqual({
			ok: false,
			error: 'used'
		});
		expect(await userExists('late@ngo.example')).toBe(false);
	});

	it('leaves no account behind when the link is for another e-mail', async () => {
		const { token } = await createInvitation(db, owner, org.id, {
			role: 'analyst',
			email: 'intended@ngo.example'
		});
		expect(await registerWithInvitation(db, token, input('other@ngo.example'))).toEqual({
			ok: false,
			error: 'wrongEmail'
		});
		expect(await userExists('other@ngo.example')).toBe(false);
		expect((await inspectInvitation(db, token)).ok).toBe(true);
	});

	it('refuses a weak password before creating anything', async () => {
		const { token } = await createInvitation(db, owner, org.id, { role: 'analyst' });
		expect(
			await registerWithInvitation(db, token, { ...input('weak@ngo.example'), password: 'short' })
		).toEqual({ ok: false, error: 'tooShort' });
		expect(await userExists('weak@ngo.example')).toBe(false);
		expect((await inspectInvitation(db, token)).ok).toBe(true);
	});

	it('refuses an e-mail that has an account and keeps the link usable', async () => {
		const { token } = await createInvitation(db, owner, org.id, { role: 'analyst' });
		expect(await registerWithInvitation(db, token, input(owner.email.toUpperCase()))).toEqual({
			ok: false,
			error: 'emailTaken'
		});
		expect((await inspectInvitation(db, token)).ok).toBe(true);
	});
});

describe('updateSettings', () => {
	async function settingsOf(orgId: string) {
		const [row] = await db.select().from(organisations).where(eq(organisations.id, orgId));
		return row!;
	}

	it('starts with a neutral quick-exit site', async () => {
		const org = await organisation('settings-default', await person('owner'));
		expect(org.exitUrl).toBe('https://www.wikipedia.org/');
	});

	it('saves name, minimum group size and quick-exit site, and records all three', async () => {
		const owner = await person('owner');
		const org = await organisation('settings-all', owner);
		await updateSettings(db, owner, org.id, {
			name: 'Renamed',
			minCellSize: 7,
			exitUrl: 'https://weather.example.org/today'
		});
		expect(await settingsOf(org.id)).toMatchObject({
			name: 'Renamed',
			minCellSize: 7,
			exitUrl: 'https://weather.example.org/today'
		});
		const [event] = await auditOf(org.id, 'org.settings_changed');
		expect(event).toMatchObject({
			actorId: owner.id,
			details: {
				name: 'Renamed',
				minCellSize: 7,
				previousMinCellSize: 5,
				exitUrl: 'https://weather.example.org/today',
				previousExitUrl: 'https://www.wikipedia.org/'
			}
		});
	});

	it('keeps the quick-exit site when it is not given, and logs it only when it changes', async () => {
		const owner = await person('owner');
		const org = await organisation('settings-keep', owner);
		await updateSettings(db, owner, org.id, { name: 'Kept', minCellSize: 5 });
		await updateSettings(db, owner, org.id, {
			name: 'Kept',
			minCellSize: 6,
			exitUrl: 'https://www.wikipedia.org/'
		});
		expect((await settingsOf(org.id)).exitUrl).toBe('https://www.wikipedia.org/');
		const events = await auditOf(org.id, 'org.settings_changed');
		expect(events).toHaveLength(2);
		for (const event of events) expect(event.details).not.toHaveProperty('exitUrl');
		expect(events[1]?.details).toMatchObject({ minCellSize: 6, previousMinCellSize: 5 });
	});

	it('changes only its own organisation', async () => {
		const owner = await person('owner');
		const org = await organisation('settings-mine', owner);
		const other = await organisation('settings-theirs', await person('owner'));
		await updateSettings(db, owner, org.id, {
			name: 'Mine',
			minCellSize: 9,
			exitUrl: 'https://news.example.org/'
		});
		expect(await settingsOf(other.id)).toMatchObject({
			name: other.name,
			minCellSize: 5,
			exitUrl: 'https://www.wikipedia.org/'
		});
	});
});
