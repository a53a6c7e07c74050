import { z } from 'zod';

/** Building blocks shared by the form schemas; every message is a translation key. */
export const email = z
	.string()
	.trim()
	.min(1, 'validation.required')
	.max(254, 'validation.tooLong')
	.pipe(z.email('validation.email'));

export const optionalEmail = z
	.string()
	.trim()
	.max(254, 'validation.tooLong')
	.refine((v) => v === '' || z.email().safeParse(v).success, 'validation.email')
	.transform((v) => v || null);

/** A password being typed to sign in: any length is accepted, the policy applies to new ones. */
export const currentPassword = z
	.string()
	.min(1, 'validation.required')
	.max(1024, 'validation.tooLong');

/** Length only; the full policy (common passwords, e-mail inside) runs in the auth service. */
export const newPassword = z
	.string()
	.min(1, 'validation.required')
	.refine((v) => [...v].length >= 12, 'validation.passwordTooShort')
	.refine((v) => [...v].length <= 256, 'validation.tooLong');

export const displayName = z.string().trim().max(100, 'validation.tooLong');

export const role = z.enum(['owner', 'manager', 'analyst', 'donor'], 'validation.invalid');

export const uuid = z.uuid('validation.invalid');
