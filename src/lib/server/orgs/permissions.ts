import type { Role } from '../db/schema';

export const ROLES = ['owner', 'manager', 'analyst', 'donor'] as const satisfies readonly Role[];

/**
 * What each role may do. Later issues add permissions here; routes ask for a permission,
 * never for a role by name, so widening a role is a one-line change with a test.
 */
export const PERMISSIONS = {
	'org.view': ['owner', 'manager', 'analyst', 'donor'],
	'members.manage': ['owner'],
	'audit.read': ['owner'],
	'settings.manage': ['owner'],
	'surveys.view': ['owner', 'manager', 'analyst'],
	'surveys.edit': ['owner', 'manager'],
	/** Open links, single-use codes and help contacts; analysts only look. */
	'surveys.distribute': ['owner', 'manager'],
	/** Raw responses: never donors, who see only published, suppressed aggregates. */
	'responses.view': ['owner', 'manager', 'analyst'],
	/** SMS numbers and their provider credentials. */
	'sms.manage': ['owner'],
	/** Trying a published survey in the SMS simulator (nothing is sent or stored). */
	'sms.simulate': ['owner', 'manager'],
	/** Queueing SMS invitations to numbers a caseworker judged safe. */
	'sms.invite': ['owner', 'manager'],
	/** Programmes and their results; donors only those they are attached to, suppressed. */
	'programmes.view': ['owner', 'manager', 'analyst', 'donor'],
	/** Creating programmes and editing logframes, indicators, manual values and donors. */
	'programmes.edit': ['owner', 'manager'],
	/** The logframe as the team works on it (bindings, rules, design checks): not donors. */
	'logframe.view': ['owner', 'manager', 'analyst'],
	/** Indicator tables as CSV or .xlsx; what a donor downloads is suppressed. */
	'results.export': ['owner', 'manager', 'analyst', 'donor'],
	/** Evaluations as the team works on them: questions, coverage, codebook, findings, drafts. */
	'evaluations.view': ['owner', 'manager', 'analyst'],
	/** Creating evaluations and writing their questions, findings, recommendations and reports. */
	'evaluations.edit': ['owner', 'manager'],
	/** Coding open-text answers with the codebook's themes (and editing the codebook). */
	'feedback.code': ['owner', 'manager', 'analyst'],
	/** Sending a report for review, publishing it and publishing corrections. */
	'reports.publish': ['owner', 'manager'],
	/** Published reports; donors only those of programmes they are attached to. */
	'reports.read': ['owner', 'manager', 'analyst', 'donor']
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
	return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
