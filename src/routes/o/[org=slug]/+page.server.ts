import { orgViewer } from '$lib/server/auth/viewer';
import { loadPortal } from '$lib/server/portal/service';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	const viewer = await orgViewer(event, 'org.view');
	// A donor's overview is their portal: their programmes and published reports, nothing else.
	const portal =
		viewer.audience === 'donor'
			? await loadPortal(event.locals.db, viewer.org.id, viewer)
			: undefined;
	return { k: viewer.k, portal };
}) satisfies PageServerLoad;
