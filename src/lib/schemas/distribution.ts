import { z } from 'zod';
import { uuid } from './fields';

/** Forms of the distribution page: open links, single-use codes, help contacts. */

export const MAX_CODES = 1000;
export const MAX_HELP_CONTACT = 1000;

function isRealDay(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const day = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

/**
 * An optional last day (`YYYY-MM-DD`, as a date input posts it), not before today in UTC: the
 * day the respond service compares with. Empty means "no last day".
 */
export const optionalFutureDay = z
	.string()
	.trim()
	.optional()
	.transform((v) => v ?? '')
	.refine((v) => v === '' || isRealDay(v), 'validation.date')
	.refine((v) => v === '' || v >= new Date().toISOString().slice(0, 10), 'validation.pastDate')
	.transform((v) => v || null);

export const createLinkSchema = z.object({ endsOn: optionalFutureDay });

export const linkStatusSchema = z.object({
	link: uuid,
	status: z.enum(['open', 'paused', 'closed'], 'validation.invalid')
});

export const linkEndsSchema = z.object({ link: uuid, endsOn: optionalFutureDay });

export const createCodesSchema = z.object({
	count: z.coerce
		.number('validation.invalid')
		.int('validation.codeCount')
		.min(1, 'validation.codeCount')
		.max(MAX_CODES, 'validation.codeCount'),
	expiresOn: optionalFutureDay
});

export const revokeCodeSchema = z.object({
	code: z.string().trim().min(1, 'validation.required').max(40, 'validation.invalid')
});

/** "Revoke all unused codes" needs the box ticked: it cannot be undone. */
export const revokeUnusedSchema = z.object({
	confirm: z.literal('yes', 'distribution.codes.confirmRequired')
});

/** The form field of one language's help contacts. */
export const helpField = (language: string) => `help-${language}`;

/**
 * Help contacts for exactly the survey's languages: one field each, at most 1000 characters;
 * a field for any other language is refused rather than stored.
 */
export function helpContactsSchema(languages: readonly string[]) {
	return z
		.strictObject(
			Object.fromEntries(
				languages.map((code) => [
					helpField(code),
					z.string().trim().max(MAX_HELP_CONTACT, 'validation.tooLong').optional()
				])
			)
		)
		.transform((fields) =>
			Object.fromEntries(
				languages.flatMap((code) => {
					const text = fields[helpField(code)];
					return text ? [[code, text]] : [];
				})
			)
		);
}
