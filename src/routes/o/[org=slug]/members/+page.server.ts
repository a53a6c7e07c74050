import {
	changeRoleSchema,
	inviteSchema,
	removeMemberSchema,
	revokeInvitationSchema
} from '$lib/schemas/orgs';
import { orgViewer } from '$lib/server/auth/viewer';
import { config } from '$lib/server/config';
import { invalid, parseForm } from '$lib/server/forms';
import * as orgs from '$lib/server/orgs/service';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	const { org, user } = await orgViewer(event, 'members.manage');
	const handle = event.locals.db;
	const [members, invitations] = await Promise.all([
		orgs.listMembers(handle, org.id),
		orgs.listPendingInvitations(handle, org.id)
	]);
	return { members, invitations, me: user.id };
}) satisfies PageServerLoad;

export const actions = {
	invite: async (event) => {
		const { org, user } = await orgViewer(event, 'members.manage');
		const parsed = parseForm(await event.request.formData(), inviteSchema, event.locals.t);
		if (!parsed.ok) return invalid(parsed.errors, { action: 'invite', values: parsed.values });
		const { token } = await orgs.createInvitation(event.locals.db, user, org.id, parsed.data);
		return { action: 'invite', inviteLink: `${config().origin}/invite/${token}` };
	},
	role: async (event) => {
		const { org, user } = await orgViewer(event, 'members.manage');
		const { t } = event.locals;
		const parsed = parseForm(await event.request.formData(), changeRoleSchema, t);
		if (!parsed.ok) return invalid({ form: t('validation.invalid') }, { action: 'role' });
		const result = await orgs.changeRole(
			event.locals.db,
			user,
			org.id,
			parsed.data.userId,
			parsed.data.role
		);
		if (!result.ok)
			return invalid({ form: t(`members.errors.${result.error}`) }, { action: 'role' });
		return { action: 'role', saved: true };
	},
	remove: async (event) => {
		const { org, user } = await orgViewer(event, 'members.manage');
		const { t } = event.locals;
		const parsed = parseForm(await event.request.formData(), removeMemberSchema, t);
		if (!parsed.ok) return invalid({ form: t('validation.invalid') }, { action: 'remove' });
		const result = await orgs.removeMember(event.locals.db, user, org.id, parsed.data.userId);
		if (!result.ok)
			return invalid({ form: t(`members.errors.${result.error}`) }, { action: 'remove' });
		return { action: 'remove', saved: true };
	},
	revoke: async (event) => {
		const { org, user } = await orgViewer(event, 'members.manage');
		const { t } = event.locals;
		const parsed = parseForm(await event.request.formData(), revokeInvitationSchema, t);
		if (!parsed.ok) return invalid({ form: t('validation.invalid') }, { action: 'revoke' });
		const revoked = await orgs.revokeInvitation(event.locals.db, user, org.id, parsed.data.id);
		if (!revoked)
			return invalid({ form: t('members.errors.invitationGone') }, { action: 'revoke' });
		return { action: 'revoke', saved: true };
	}
} satisfies Actions;
