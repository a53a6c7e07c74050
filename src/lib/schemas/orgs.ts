import { z } from 'zod';
import { optionalEmail, role, uuid } from './fields';

/** Words that would collide with top-level routes or confuse people if used as a slug. */
const RESERVED_SLUGS = new Set(['new', 'admin', 'api', 'login', 'logout', 'settings', 'healthz']);

export const orgName = z
	.string()
	.trim()
	.min(1, 'validation.required')
	.max(120, 'validation.tooLong');

export const newOrgSchema = z.object({
	name: orgName,
	slug: z
		.string()
		.trim()
		.toLowerCase()
		.min(1, 'validation.required')
		.regex(/^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/, 'validation.slug')
		.refine((s) => !RESERVED_SLUGS.has(s), 'validation.slugReserved')
});

/**
 * Where a respondent's Exit button goes: an absolute https address of an everyday site. Plain
 * http would show a browser warning on the way out; a bare host name could be read as a path.
 */
export const exitUrl = z
	.string()
	.trim()
	.min(1, 'validation.required')
	.max(2000, 'validation.tooLong')
	.refine((v) => {
		if (!URL.canParse(v)) return false;
		const url = new URL(v);
		return (
			url.protocol === 'https:' && url.hostname.includes('.') && !url.username && !url.password
		);
	}, 'validation.httpsUrl');

export const orgSettingsSchema = z.object({
	name: orgName,
	minCellSize: z.coerce
		.number('validation.invalid')
		.int('validation.invalid')
		.min(3, 'validation.minCellSize')
		.max(20, 'validation.minCellSize'),
	exitUrl
});

export const inviteSchema = z.object({ role, email: optionalEmail });

export const changeRoleSchema = z.object({ userId: uuid, role });

export const removeMemberSchema = z.object({ userId: uuid });

export const revokeInvitationSchema = z.object({ id: uuid });
