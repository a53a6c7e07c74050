import { describe, expect, it } from 'vitest';
import type { Role } from '../db/schema';
import { can, PERMISSIONS, ROLES, type Permission } from './permissions';

/** Who may do what, written out in full so widening a role shows up as a change here. */
const EXPECTED: Record<Permission, Record<Role, boolean>> = {
	'org.view': { owner: true, manager: true, analyst: true, donor: true },
	'members.manage': { owner: true, manager: false, analyst: false, donor: false },
	'audit.read': { owner: true, manager: false, analyst: false, donor: false },
	'settings.manage': { owner: true, manager: false, analyst: false, donor: false },
	'surveys.view': { owner: true, manager: true, analyst: true, donor: false },
	'surveys.edit': { owner: true, manager: true, analyst: false, donor: false },
	'surveys.distribute': { owner: true, manager: true, analyst: false, donor: false },
	'responses.view': { owner: true, manager: true, analyst: true, donor: false },
	'sms.manage': { owner: true, manager: false, analyst: false, donor: false },
	'sms.simulate': { owner: true, manager: true, analyst: false, donor: false },
	'sms.invite': { owner: true, manager: true, analyst: false, donor: false },
	'programmes.view': { owner: true, manager: true, analyst: true, donor: true },
	'programmes.edit': { owner: true, manager: true, analyst: false, donor: false },
	'logframe.view': { owner: true, manager: true, analyst: true, donor: false },
	'evaluations.view': { owner: true, manager: true, analyst: true, donor: false },
	'evaluations.edit': { owner: true, manager: true, analyst: false, donor: false },
	'feedback.code': { owner: true, manager: true, analyst: true, donor: false },
	'reports.publish': { owner: true, manager: true, analyst: false, donor: false },
	'reports.read': { owner: true, manager: true, analyst: true, donor: true },
	'results.export': { owner: true, manager: true, analyst: true, donor: true }
};

describe('can', () => {
	it('covers every permission in the table above', () => {
		expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
	});

	const cases = (Object.keys(EXPECTED) as Permission[]).flatMap((permission) =>
		ROLES.map((role) => [role, permission, EXPECTED[permission][role]] as const)
	);
	it.each(cases)('%s may %s: %s', (role, permission, allowed) => {
		expect(can(role, permission)).toBe(allowed);
	});

	it('lets donors only view the organisation and the results of programmes', () => {
		const allowed = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can('donor', p));
		expect(allowed).toEqual(['org.view', 'programmes.view', 'results.export', 'reports.read']);
	});

	it('gives owners every permission', () => {
		for (const permission of Object.keys(PERMISSIONS) as Permission[])
			expect(can('owner', permission)).toBe(true);
	});
});
