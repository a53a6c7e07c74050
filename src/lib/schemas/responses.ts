import { z } from 'zod';

/**
 * The filter and pager of the responses list, read from the query string (a GET form, so it
 * works without JavaScript). Nonsense falls back to the defaults rather than an error page: it
 * can only come from an edited address.
 */
export const responsesQuerySchema = z.object({
	version: z.coerce.number().int().min(1).max(1_000_000).nullable().catch(null).default(null),
	page: z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1)
});

export type ResponsesQuery = z.infer<typeof responsesQuerySchema>;
