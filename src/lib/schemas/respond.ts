import { z } from 'zod';

/** A single-use code typed from a card: spaces and dashes anywhere, any case. */
export const codeEntrySchema = z.object({
	code: z
		.string()
		.transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
		.pipe(z.string().regex(/^[A-Z0-9]{10}$/))
});
