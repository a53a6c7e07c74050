import { orgViewer } from '$lib/server/auth/viewer';
import { can } from '$lib/server/orgs/permissions';
import * as orgs from '$lib/server/orgs/service';
import type { LayoutServerLoad } from './$types';

export const load = (async (event) => {
	const { user, org, role } = await orgViewer(event, 'org.view');
	const handle = event.locals.db;
	if (user.lastOrgId !== org.id) await orgs.rememberLastOrg(handle, user.id, org.id);
	const memberships = await orgs.membershipsOf(handle, user.id);
	return {
		org: { slug: org.slug, name: org.name },
		role,
		nav: {
			surveys: can(role, 'surveys.view'),
			programmes: can(role, 'programmes.view'),
			members: can(role, 'members.manage'),
			audit: can(role, 'audit.read'),
			settings: can(role, 'settings.manage'),
			sms: can(role, 'sms.manage'),
			smsInvite: can(role, 'sms.invite')
		},
		switchTo: memberships
			.filter((m) => m.org.id !== org.id)
			.map((m) => ({ slug: m.org.slug, name: m.org.name }))
	};
}) satisfies LayoutServerLoad;
