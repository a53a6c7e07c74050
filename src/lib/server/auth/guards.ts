import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Organisation, Role } from '../db/schema';
import { can, type Permission } from '../orgs/permissions';
import { resolveMembership } from '../orgs/service';
import type { SessionUser } from './session';

/** The signed-in person, or a redirect to sign in that comes back here afterwards. */
export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	const user = event.locals.user;
	if (!user) {
		const next = event.url.pathname + event.url.search;
		redirect(303, `/login?next=${encodeURIComponent(next)}`);
	}
	return user;
}

export interface OrgContext {
	user: SessionUser;
	org: Organisation;
	role: Role;
}

/**
 * The guard for every organisation page, action and endpoint: 404 for anyone who is not a
 * member (so other organisations' slugs reveal nothing), 403 for a member whose role lacks
 * the permission.
 */
export async function requireOrg(
	event: Pick<RequestEvent, 'locals' | 'url' | 'params'>,
	permission: Permission
): Promise<OrgContext> {
	const user = requireUser(event);
	const slug = (event.params as Record<string, string | undefined>).org;
	const membership = slug ? await resolveMembership(event.locals.db, user.id, slug) : null;
	if (!membership) error(404, { message: event.locals.t('errors.notFound') });
	if (!can(membership.role, permission))
		error(403, { message: event.locals.t('errors.forbidden') });
	return { user, org: membership.org, role: membership.role };
}
