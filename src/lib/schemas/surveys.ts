import { z } from 'zod';

const languageCode = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'validation.invalid');

export const newSurveySchema = z.object({
	name: z.string().trim().min(1, 'validation.required').max(120, 'validation.tooLong'),
	languages: z
		.union([languageCode, z.array(languageCode)], 'surveys.errors.languages')
		.transform((v) => [...new Set([v].flat())])
		.pipe(z.array(languageCode).min(1, 'surveys.errors.languages').max(20, 'validation.tooLong'))
});

/** The autosave body sent by the builder as JSON. */
export const draftSaveSchema = z.object({
	revision: z.number().int().positive(),
	name: z.string().trim().min(1).max(120).optional(),
	instrument: z.unknown()
});

export const archiveSchema = z.object({
	number: z.coerce.number().int().positive('validation.invalid')
});

export const MAX_XLSFORM_BYTES = 5 * 1024 * 1024;
