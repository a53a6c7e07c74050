/**
 * Audit events keep their details as the services wrote them, in English words and enum
 * values (`change: 'evidence added (theme)'`, `priority: 'high'`). The log page shows each
 * value through the first of these message keys that exists, and the value itself otherwise:
 * names, titles, codes and dates are people's own words and stay as they are.
 */

/** Where the fixed values of a detail are translated, in the order they are tried. */
const NAMESPACES: Record<string, readonly string[]> = {
	criterion: ['library.dac'],
	priority: ['evaluation.priorities'],
	decision: ['evaluation.decisions'],
	state: ['evaluation.actionStates'],
	kind: ['evaluation.kinds'],
	// A member's role, or a report's status (report.status_changed).
	role: ['roles', 'evaluation.statuses'],
	from: ['roles', 'evaluation.statuses'],
	to: ['roles', 'evaluation.statuses'],
	// A survey link's state (link.changed).
	status: ['distribution.links.states'],
	// Who an indicator table was computed for: 'donor' or 'team'.
	audience: ['roles', 'audit.values'],
	format: ['exports', 'audit.values']
};

/** Events whose `from` and `to` are names people chose (a theme's), not roles or statuses. */
const NAMED_FROM_TO = new Set(['codebook.changed']);

/** An enum value: safe inside a message key (no `.` or `:` for i18next to split on). */
const ENUM_VALUE = /^[A-Za-z]+$/;

/** A change's message key: lower case, each run of non-letters one `_`, none at the ends. */
export function changeToken(value: string): string {
	return value
		.toLowerCase()
		.replace(/\P{L}+/gu, '_')
		.replace(/^_+|_+$/g, '');
}

/**
 * The message keys that may translate `value` of the detail `detailKey`, best first; none for
 * a free value. `action` (the event's) tells a theme's old and new names from roles.
 */
export function auditValueKey(detailKey: string, value: string, action?: string): string[] {
	if (detailKey === 'change') {
		const token = changeToken(value);
		return token ? [`audit.changes.${token}`] : [];
	}
	if ((detailKey === 'from' || detailKey === 'to') && action && NAMED_FROM_TO.has(action))
		return [];
	const namespaces = NAMESPACES[detailKey];
	if (!namespaces || !ENUM_VALUE.test(value)) return [];
	return namespaces.map((namespace) => `${namespace}.${value}`);
}
