import { describe, expect, it } from 'vitest';
import { isTypingTarget, shortcutFor, type KeyInput } from './shortcuts';

const on = (target: KeyInput['target'], key: string, extra: Partial<KeyInput> = {}) =>
	shortcutFor({ key, target, ...extra }, 4);
const body = { tagName: 'BODY' };
const checkbox = { tagName: 'INPUT', type: 'checkbox' };

describe('shortcutFor', () => {
	it.each([
		['1', { kind: 'toggle', index: 0 }],
		['4', { kind: 'toggle', index: 3 }],
		['5', null],
		['0', null],
		['Enter', { kind: 'save' }],
		['s', { kind: 'skip' }],
		['S', { kind: 'skip' }],
		['p', { kind: 'previous' }],
		['x', null],
		[' ', null]
	])('on the page, %s means %j', (key, expected) => {
		expect(on(body, key)).toEqual(expected);
		expect(on(checkbox, key)).toEqual(expected);
	});

	it('leaves every key to someone typing in a text field, text area, select or editor', () => {
		for (const target of [
			{ tagName: 'INPUT', type: 'text' },
			{ tagName: 'INPUT' },
			{ tagName: 'input', type: 'search' },
			{ tagName: 'TEXTAREA' },
			{ tagName: 'SELECT' },
			{ tagName: 'DIV', isContentEditable: true }
		])
			for (const key of ['1', 'Enter', 's', 'p']) expect(on(target, key)).toBeNull();
	});

	it('leaves Enter to buttons and links, and modified keys to the browser', () => {
		expect(on({ tagName: 'BUTTON' }, 'Enter')).toBeNull();
		expect(on({ tagName: 'A' }, 'Enter')).toBeNull();
		expect(on({ tagName: 'BUTTON' }, '2')).toEqual({ kind: 'toggle', index: 1 });
		expect(on(body, '1', { ctrlKey: true })).toBeNull();
		expect(on(body, 'p', { metaKey: true })).toBeNull();
		expect(on(body, 's', { altKey: true })).toBeNull();
		expect(on(body, '1', { isComposing: true })).toBeNull();
		expect(on(null, '1')).toEqual({ kind: 'toggle', index: 0 });
	});
});

describe('isTypingTarget', () => {
	it('tells typing fields from choice controls', () => {
		expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
		expect(isTypingTarget({ tagName: 'INPUT', type: 'radio' })).toBe(false);
		expect(isTypingTarget({ tagName: 'INPUT', type: 'number' })).toBe(true);
		expect(isTypingTarget(null)).toBe(false);
	});
});
