/** Every kind of audit event. Each has a translation under `audit.actions.*`. */
export const AUDIT_ACTIONS = [
	'org.created',
	'org.settings_changed',
	'auth.sign_in',
	'auth.sign_in_failed',
	'auth.sign_out',
	'auth.password_changed',
	'member.joined',
	'member.role_changed',
	'member.removed',
	'invitation.created',
	'invitation.revoked',
	'survey.created',
	'survey.imported',
	'survey.published',
	'survey.version_archived',
	'survey.exported',
	'link.created',
	'link.changed',
	'codes.created',
	'codes.revoked',
	'survey.help_contacts_changed',
	'sms.channel_created',
	'sms.channel_changed',
	'sms.channel_deleted',
	'sms.invitations_queued'
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
