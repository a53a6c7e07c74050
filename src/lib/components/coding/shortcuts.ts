/**
 * Keyboard shortcuts of the coding workspace: 1–9 toggle the first nine themes, Enter saves
 * and moves on, S skips, P goes back. Pure, so the rules (above all: never steal a key from
 * someone typing) are tested without a browser.
 */

export type Shortcut =
	{ kind: 'toggle'; index: number } | { kind: 'save' } | { kind: 'skip' } | { kind: 'previous' };

export interface KeyInput {
	key: string;
	altKey?: boolean;
	ctrlKey?: boolean;
	metaKey?: boolean;
	/** The focused element: its tag name, input type and contenteditable state. */
	target: { tagName?: string; type?: string; isContentEditable?: boolean } | null;
	/** Already handled (an IME composing, a default prevented elsewhere). */
	isComposing?: boolean;
}

/** Input types that take typed characters; a checkbox or radio does not. */
const TYPING_INPUTS = new Set([
	'text',
	'search',
	'email',
	'url',
	'tel',
	'password',
	'number',
	'date',
	'month',
	'week',
	'time',
	'datetime-local'
]);

/** Whether keys belong to the focused element: someone is typing there or choosing in it. */
export function isTypingTarget(target: KeyInput['target']): boolean {
	if (!target) return false;
	if (target.isContentEditable) return true;
	const tag = (target.tagName ?? '').toUpperCase();
	if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
	if (tag === 'INPUT') return TYPING_INPUTS.has((target.type ?? 'text').toLowerCase());
	return false;
}

/** The shortcut a key press means, or null when it is not one or must be left alone. */
export function shortcutFor(event: KeyInput, themeCount: number): Shortcut | null {
	if (event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return null;
	if (isTypingTarget(event.target)) return null;
	const tag = (event.target?.tagName ?? '').toUpperCase();
	if (/^[1-9]$/.test(event.key)) {
		const index = Number(event.key) - 1;
		return index < themeCount ? { kind: 'toggle', index } : null;
	}
	// Enter on a button or link already does what it says; only elsewhere does it mean "save".
	if (event.key === 'Enter') return tag === 'BUTTON' || tag === 'A' ? null : { kind: 'save' };
	const letter = event.key.toLowerCase();
	if (letter === 's') return { kind: 'skip' };
	if (letter === 'p') return { kind: 'previous' };
	return null;
}
