import { error, type RequestEvent } from '@sveltejs/kit';
import type { Organisation, Role } from '../db/schema';
import type { Audience } from '../indicators/present';
import { findEvaluation } from '../evaluations/service';
import { can, type Permission } from '../orgs/permissions';
import { resolveMembership } from '../orgs/service';
import { findProgramme } from '../programmes/service';
import { findRevision } from '../reports/published';
import { findSurvey } from '../surveys/service';
import { requireUser } from './guards';
import type { SessionUser } from './session';

/**
 * Who is looking, decided once per request (decision 011). Every door — load, action, endpoint —
 * calls the guard of its scope, which checks membership and permission (404 for a non-member so
 * other organisations' slugs reveal nothing, 403 for a role without the permission) and returns
 * a Viewer. Domain functions that return figures, counts, themes or exports take the Viewer and
 * derive the audience and the minimum cell size from it; no route passes either.
 */
export interface Viewer {
	user: SessionUser;
	org: Organisation;
	role: Role;
	/** Donors get the release (suppressed, audited); everyone else the team's view. */
	audience: Audience;
	/** The organisation's minimum cell size. */
	k: number;
}

/** The Viewer of a member: the one place the audience is worked out from the role. */
export function viewerOf(user: SessionUser, org: Organisation, role: Role): Viewer {
	return { user, org, role, audience: role === 'donor' ? 'donor' : 'team', k: org.minCellSize };
}

type Event = Pick<RequestEvent, 'locals' | 'url' | 'params'>;

/** The guard of every organisation page, action and endpoint. */
export async function orgViewer(event: Event, permission: Permission): Promise<Viewer> {
	const user = requireUser(event);
	const slug = (event.params as Record<string, string | undefined>).org;
	const membership = slug ? await resolveMembership(event.locals.db, user.id, slug) : null;
	if (!membership) error(404, { message: event.locals.t('errors.notFound') });
	if (!can(membership.role, permission))
		error(403, { message: event.locals.t('errors.forbidden') });
	return viewerOf(user, membership.org, membership.role);
}

/** A 404 with the page's words: the one "not found" every scope guard ends in. */
export function notFound(event: Pick<RequestEvent, 'locals'>): never {
	error(404, { message: event.locals.t('errors.notFound') });
}

type ProgrammeEvent = Event & { params: { programme: string } };

/**
 * What a scope guard hands its route: the Viewer, its parts (so a route can take what it needs
 * in one destructuring) and the request's database and translator.
 */
function door(event: Pick<RequestEvent, 'locals'>, viewer: Viewer) {
	return { viewer, ...viewer, db: event.locals.db, t: event.locals.t };
}

/**
 * The guard of every programme door: the permission, then the programme of this organisation as
 * the viewer may see it (donors only those they are attached to), 404 otherwise.
 */
export async function programmeScope(event: ProgrammeEvent, permission: Permission) {
	const viewer = await orgViewer(event, permission);
	const programme = await findProgramme(
		event.locals.db,
		viewer.org.id,
		event.params.programme,
		viewer
	);
	if (!programme) notFound(event);
	return { ...door(event, viewer), programme };
}

/** programmeScope, then the evaluation of that programme (404 for one of another). */
export async function evaluationScope(
	event: ProgrammeEvent & { params: { evaluation: string } },
	permission: Permission
) {
	const scope = await programmeScope(event, permission);
	const evaluation = await findEvaluation(
		event.locals.db,
		scope.viewer.org.id,
		scope.programme.id,
		event.params.evaluation
	);
	if (!evaluation) notFound(event);
	return { ...scope, evaluation };
}

/** programmeScope, then a published revision of one of that programme's reports. */
export async function revisionScope(
	event: ProgrammeEvent & { params: { revision: string } },
	permission: Permission
) {
	const scope = await programmeScope(event, permission);
	const revision = await findRevision(
		event.locals.db,
		scope.viewer.org.id,
		scope.programme.id,
		event.params.revision
	);
	if (!revision) notFound(event);
	return { ...scope, revision };
}

/** The guard of every survey door: the permission, then the survey of this organisation. */
export async function surveyScope(
	event: Event & { params: { survey: string } },
	permission: Permission
) {
	const viewer = await orgViewer(event, permission);
	const survey = await findSurvey(event.locals.db, viewer.org.id, event.params.survey);
	if (!survey) notFound(event);
	return { ...door(event, viewer), survey };
}
