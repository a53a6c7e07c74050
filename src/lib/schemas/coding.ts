import { z } from 'zod';
import { uuid } from './fields';

/**
 * Forms of the coding page: coding one answer, and the codebook (create, rename, merge,
 * delete, move). Messages are translation keys.
 */

export const MAX_THEME_NAME = 80;
export const MAX_THEME_DESCRIPTION = 500;
/** XLSForm names: a letter or underscore, then letters, digits, `_ . -`. */
const questionName = z
	.string()
	.trim()
	.min(1, 'validation.required')
	.max(100, 'validation.tooLong')
	.regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, 'validation.invalid');

/** Checkboxes post nothing, one value or several: always a list here. */
const checked = z.preprocess(
	(v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
	z.array(uuid).max(200, 'validation.tooLong')
);

const themeName = z
	.string()
	.trim()
	.transform((v) => v.replace(/\s+/g, ' '))
	.pipe(
		z.string().min(1, 'coding.errors.nameRequired').max(MAX_THEME_NAME, 'coding.errors.nameTooLong')
	);
const description = z
	.string()
	.optional()
	.transform((v) => (v ?? '').trim())
	.pipe(z.string().max(MAX_THEME_DESCRIPTION, 'validation.tooLong'));

export const codeAnswerSchema = z.object({
	responseId: uuid,
	question: questionName,
	themes: checked
});

export const createThemeSchema = z.object({ name: themeName, description });

export const renameThemeSchema = z.object({ themeId: uuid, name: themeName, description });

export const mergeThemesSchema = z
	.object({ from: uuid, into: uuid })
	.refine((v) => v.from !== v.into, { message: 'coding.errors.mergeSame', path: ['into'] });

export const themeIdSchema = z.object({ themeId: uuid });

export const moveThemeSchema = z.object({ themeId: uuid, direction: z.enum(['up', 'down']) });
