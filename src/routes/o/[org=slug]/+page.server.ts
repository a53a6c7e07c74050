import { requireOrg } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	const { org } = await requireOrg(event, 'org.view');
	return { minCellSize: org.minCellSize };
}) satisfies PageServerLoad;
