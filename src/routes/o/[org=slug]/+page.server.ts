import { requireOrg } from '$lib/server/auth/guards';
import { loadPortal } from '$lib/server/portal/service';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	const { user, org, role } = await requireOrg(event, 'org.view');
	// A donor's overview is their portal: their programmes and published reports, nothing else.
	const portal =
		role === 'donor'
			? await loadPortal(event.locals.db, org.id, { userId: user.id, role })
			: undefined;
	return { minCellSize: org.minCellSize, portal };
}) satisfies PageServerLoad;
