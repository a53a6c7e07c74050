import { z } from 'zod';

/**
 * The dashboard's period selector, read from the query string (a GET form, so it works without
 * JavaScript): 'all' or one of the programme's periods so far. Anything else can only come from
 * an edited address and falls back to the programme to date rather than an error page.
 */
export function dashboardQuerySchema(periodKeys: readonly string[]) {
	return z.object({
		period: z
			.enum(['all', ...periodKeys])
			.catch('all')
			.default('all')
	});
}

export type DashboardQuery = z.infer<ReturnType<typeof dashboardQuerySchema>>;
