import { z } from 'zod';

/**
 * The dashboard's period selector and view, read from the query string (a GET form, so it works
 * without JavaScript): 'all' or one of the programme's periods, and for the team the live figures
 * or the release as donors see it. Anything else can only come from an edited address and falls
 * back to the defaults rather than an error page.
 */
export function dashboardQuerySchema(periodKeys: readonly string[]) {
	return z.object({
		period: z
			.enum(['all', ...periodKeys])
			.catch('all')
			.default('all'),
		view: z.enum(['live', 'release']).catch('live').default('live')
	});
}

export type DashboardQuery = z.infer<ReturnType<typeof dashboardQuerySchema>>;
