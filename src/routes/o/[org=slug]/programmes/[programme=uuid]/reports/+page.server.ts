import { error } from '@sveltejs/kit';
import { requireOrg } from '$lib/server/auth/guards';
import { findProgramme } from '$lib/server/programmes/service';
import { listPublished } from '$lib/server/reports/published';
import type { PageServerLoad } from './$types';

/**
 * The programme's published reports: revisions only (frozen, suppressed snapshots), never a
 * draft. Donors see this for the programmes they are attached to; others get 404.
 */
export const load = (async (event) => {
	const { user, org, role } = await requireOrg(event, 'reports.read');
	const { db, t } = event.locals;
	const programme = await findProgramme(db, org.id, event.params.programme, {
		userId: user.id,
		role
	});
	if (!programme) error(404, { message: t('errors.notFound') });
	return { published: await listPublished(db, org.id, programme.id) };
}) satisfies PageServerLoad;
