import { programmeScope } from '$lib/server/auth/viewer';
import { listPublished } from '$lib/server/reports/published';
import type { PageServerLoad } from './$types';

/**
 * The programme's published reports: revisions only (frozen, suppressed snapshots), never a
 * draft. Donors see this for the programmes they are attached to; others get 404.
 */
export const load = (async (event) => {
	const { viewer, programme } = await programmeScope(event, 'reports.read');
	return { published: await listPublished(event.locals.db, viewer.org.id, programme.id) };
}) satisfies PageServerLoad;
