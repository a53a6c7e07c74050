import { z } from 'zod';
import { UI_LANGUAGES } from '../i18n/languages';
import { currentPassword, displayName, email, newPassword } from './fields';

export const signInSchema = z.object({
	email,
	password: currentPassword,
	next: z.string().optional()
});

export const changePasswordSchema = z
	.object({ current: currentPassword, password: newPassword, confirm: z.string() })
	.refine((v) => v.password === v.confirm, {
		message: 'validation.passwordsDiffer',
		path: ['confirm']
	});

export const registerSchema = z
	.object({ displayName, email, password: newPassword, confirm: z.string() })
	.refine((v) => v.password === v.confirm, {
		message: 'validation.passwordsDiffer',
		path: ['confirm']
	});

export const languageSchema = z.object({
	lang: z.enum(UI_LANGUAGES, 'validation.invalid'),
	redirectTo: z.string().optional()
});

export const profileSchema = z.object({
	displayName,
	locale: z.union([z.enum(UI_LANGUAGES), z.literal('')], 'validation.invalid')
});
