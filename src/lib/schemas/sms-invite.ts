import { z } from 'zod';
import { SMS_LANGUAGES } from '../sms/words';

/** The invitation form: numbers pasted (an uploaded CSV is read by the action and added). */

/** Enough for 5,000 lines of `+441234567890,ar` and some spaces. */
export const MAX_INVITE_TEXT = 200_000;
export const MAX_INVITE_FILE_BYTES = 200_000;

export const inviteSchema = z.object({
	channel: z.string().trim().min(1, 'validation.required').max(64, 'validation.invalid'),
	numbers: z
		.string()
		.max(MAX_INVITE_TEXT, 'smsInvite.errors.tooMany')
		.optional()
		.transform((v) => v ?? ''),
	language: z.string().refine((v) => SMS_LANGUAGES.includes(v), 'validation.invalid'),
	countryCode: z
		.string()
		.trim()
		.optional()
		.transform((v) => (v ?? '').replace(/^\+/u, ''))
		.refine((v) => v === '' || /^[1-9]\d{0,2}$/u.test(v), 'smsInvite.errors.countryCode')
		.transform((v) => v || undefined),
	confirmedSafe: z.literal('yes', 'smsInvite.errors.confirm')
});

export type InviteForm = z.infer<typeof inviteSchema>;
