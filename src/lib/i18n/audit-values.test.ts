import { describe, expect, it } from 'vitest';
import { AUDIT_CHANGES } from '../server/audit/actions';
import { translatorFor } from '../server/i18n';
import { auditValueKey, changeToken } from './audit-values';
import { UI_LANGUAGES } from './languages';

describe('changeToken', () => {
	it.each([
		['question added', 'question_added'],
		['evidence added (indicator)', 'evidence_added_indicator'],
		['added outcome', 'added_outcome'],
		['response', 'response'],
		['  Moved -- Goal!! ', 'moved_goal'],
		['v2 changed', 'v_changed'],
		['(…)', '']
	])('%j → %j', (value, token) => {
		expect(changeToken(value)).toBe(token);
	});
});

describe('auditValueKey', () => {
	it('looks a change up by its token under audit.changes', () => {
		expect(auditValueKey('change', 'evidence removed (theme)')).toEqual([
			'audit.changes.evidence_removed_theme'
		]);
		expect(auditValueKey('change', 'added outcome')).toEqual(['audit.changes.added_outcome']);
		expect(auditValueKey('change', '!!')).toEqual([]);
	});

	it.each([
		['criterion', 'relevance', ['library.dac.relevance']],
		['priority', 'high', ['evaluation.priorities.high']],
		['decision', 'notAccepted', ['evaluation.decisions.notAccepted']],
		['state', 'inProgress', ['evaluation.actionStates.inProgress']],
		['kind', 'adhoc', ['evaluation.kinds.adhoc']],
		['status', 'paused', ['distribution.links.states.paused']],
		['audience', 'team', ['roles.team', 'audit.values.team']],
		['format', 'xlsform', ['exports.xlsform', 'audit.values.xlsform']]
	])('looks %s %j up in its namespace', (key, value, keys) => {
		expect(auditValueKey(key, value)).toEqual(keys);
	});

	it('tries a role before a report status for from, to and role', () => {
		for (const key of ['from', 'to', 'role'])
			expect(auditValueKey(key, 'draft')).toEqual(['roles.draft', 'evaluation.statuses.draft']);
		expect(auditValueKey('to', 'owner', 'member.role_changed')).toEqual([
			'roles.owner',
			'evaluation.statuses.owner'
		]);
	});

	it('leaves the names of a renamed or merged theme alone', () => {
		expect(auditValueKey('from', 'owner', 'codebook.changed')).toEqual([]);
		expect(auditValueKey('to', 'draft', 'codebook.changed')).toEqual([]);
	});

	it('leaves free values alone', () => {
		expect(auditValueKey('name', 'Team')).toEqual([]);
		expect(auditValueKey('title', 'high')).toEqual([]);
		expect(auditValueKey('languages', 'en, fr')).toEqual([]);
		expect(auditValueKey('unknownKey', 'added')).toEqual([]);
	});

	it('keeps an enum value as written and refuses one that is not a bare word', () => {
		expect(auditValueKey('state', 'notStarted')).toEqual(['evaluation.actionStates.notStarted']);
		expect(auditValueKey('role', 'roles.owner')).toEqual([]);
		expect(auditValueKey('priority', 'high: now')).toEqual([]);
	});
});

describe('the audit changes', () => {
	it('are distinct and each has its own token', () => {
		expect(new Set(AUDIT_CHANGES).size).toBe(AUDIT_CHANGES.length);
		expect(new Set(AUDIT_CHANGES.map(changeToken)).size).toBe(AUDIT_CHANGES.length);
	});

	it.each(UI_LANGUAGES)('have a message in %s', (lang) => {
		const t = translatorFor(lang);
		const missing = AUDIT_CHANGES.filter((change) => {
			const [key] = auditValueKey('change', change);
			return !key || !t(key, { defaultValue: '' });
		});
		expect(missing).toEqual([]);
	});
});
