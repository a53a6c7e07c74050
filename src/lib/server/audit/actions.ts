import type { EvidenceRef } from '../../evaluations/model';
import { LEVELS } from '../../programmes/model';

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
	'sms.invitations_queued',
	'programme.created',
	'programme.changed',
	'programme.deleted',
	'programme.donors_changed',
	'logframe.changed',
	'logframe.imported',
	'logframe.exported',
	'indicator.created',
	'indicator.changed',
	'indicator.deleted',
	'indicator.value_set',
	'export.indicators',
	'export.responses',
	'evaluation.created',
	'evaluation.changed',
	'evaluation.deleted',
	'codebook.changed',
	'finding.changed',
	'recommendation.changed',
	'report.status_changed',
	'report.published',
	'report.viewed',
	'report.downloaded',
	'survey.summary_changed',
	'sms.summary_queued'
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

const NODE_CHANGES = ['added', 'changed', 'deleted', 'moved'] as const;
const EVIDENCE_KINDS = [
	'indicator',
	'theme',
	'paraphrase'
] as const satisfies readonly EvidenceRef['kind'][];

/**
 * Every fixed value of an event's `change` detail, as the services write it (in English, for
 * the log's own sake). Each has a translation under `audit.changes.*`, keyed by its token
 * (`auditValueKey` in `$lib/i18n/audit-values`): 'evidence added (theme)' →
 * `audit.changes.evidence_added_theme`.
 */
export const AUDIT_CHANGES = [
	// evaluation.changed (evaluation questions)
	'question added',
	'question changed',
	'question deleted',
	'question moved',
	// finding.changed, recommendation.changed and codebook.changed
	'added',
	'changed',
	'deleted',
	'moved',
	'response',
	...EVIDENCE_KINDS.flatMap(
		(kind) => [`evidence added (${kind})`, `evidence removed (${kind})`] as const
	),
	'created',
	'described',
	'renamed',
	'merged',
	'reordered',
	// logframe.changed: what happened to a box of which level
	...LEVELS.flatMap((level) => NODE_CHANGES.map((verb) => `${verb} ${level}` as const))
] as const;

export type AuditChange = (typeof AUDIT_CHANGES)[number];
