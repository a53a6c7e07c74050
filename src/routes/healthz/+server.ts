import { json } from '@sveltejs/kit';
import { checkHealth } from '$lib/server/health';
import type { RequestHandler } from './$types';

/** For load balancers and orchestrators: 200 when the database answers, 503 when not. */
export const GET = (async () => {
	const health = await checkHealth();
	return json(
		{ status: health.ok ? 'ok' : 'unavailable', database: health.database },
		{ status: health.ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } }
	);
}) satisfies RequestHandler;
