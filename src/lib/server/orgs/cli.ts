import { z } from 'zod';
import { createUser, findUserByEmail } from '../auth/service';
import type { Db } from '../db';
import { memberships } from '../db/schema';
import { newOrgSchema } from '../../schemas/orgs';
import { email as emailField, role as roleField } from '../../schemas/fields';
import { createOrganisation, findOrganisation } from './service';

const input = z.object({
	email: emailField,
	password: z.string().min(1, 'the password is required'),
	org: newOrgSchema.shape.slug,
	role: roleField,
	name: z.string().trim().max(100).optional()
});

/**
 * `create-user`: an account with a role in an organisation, creating the organisation when the
 * slug is new. Re-running with an existing e-mail updates the role only (the password stays).
 */
export async function createMember(
	db: Db,
	raw: Record<string, unknown>
): Promise<{ ok: boolean; message: string }> {
	const parsed = input.safeParse(raw, {
		error: (issue) => (issue.input === undefined ? 'validation.required' : 'validation.invalid')
	});
	if (!parsed.success) {
		const problems = parsed.error.issues.map(
			(i) => `--${i.path.join('.')}: ${describe(i.message)}`
		);
		return { ok: false, message: `Invalid options:\n  ${problems.join('\n  ')}` };
	}
	const { email, password, org: slug, role, name } = parsed.data;
	return db.transaction(async (tx) => {
		let user = await findUserByEmail(tx, email);
		if (!user) {
			const created = await createUser(tx, { email, password, displayName: name });
			if (!created.ok) return { ok: false, message: `Cannot create the account: ${created.error}` };
			user = created.user;
		}
		let org = await findOrganisation(tx, slug);
		if (!org) {
			const created = await createOrganisation(tx, { slug, name: slug });
			if (!created.ok) return { ok: false, message: `Cannot create organisation ${slug}` };
			org = created.org;
		}
		await tx
			.insert(memberships)
			.values({ orgId: org.id, userId: user.id, role })
			.onConflictDoUpdate({ target: [memberships.orgId, memberships.userId], set: { role } });
		return { ok: true, message: `${user.email} is ${role} of ${slug}.` };
	});
}

const CLI_MESSAGES: Record<string, string> = {
	'validation.required': 'required',
	'validation.email': 'not an e-mail address',
	'validation.slug': 'use 3–40 lower-case letters, digits or inner hyphens',
	'validation.slugReserved': 'reserved word',
	'validation.invalid': 'not valid (roles: owner, manager, analyst, donor)',
	'validation.tooLong': 'too long'
};

function describe(key: string): string {
	return CLI_MESSAGES[key] ?? key;
}
