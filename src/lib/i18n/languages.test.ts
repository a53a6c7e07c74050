import { describe, expect, it } from 'vitest';
import { direction, isUiLanguage, LANGUAGE_NAMES, UI_LANGUAGES } from './languages';

describe('direction', () => {
	it.each([
		['ar', 'rtl'],
		['ar-EG', 'rtl'],
		['AR-eg', 'rtl'],
		['fa', 'rtl'],
		['fa-IR', 'rtl'],
		['ur', 'rtl'],
		['ur-PK', 'rtl'],
		['he', 'rtl'],
		['he-IL', 'rtl'],
		['ps', 'rtl'],
		['ckb', 'rtl'],
		['en', 'ltr'],
		['en-GB', 'ltr'],
		['fr', 'ltr'],
		['fr-CA', 'ltr'],
		['es', 'ltr'],
		['pt-BR', 'ltr'],
		['ru', 'ltr'],
		['arn', 'ltr'],
		['', 'ltr']
	])('%s is %s', (lang, expected) => {
		expect(direction(lang)).toBe(expected);
	});
});

describe('the interface languages', () => {
	it('each have a name in their own script', () => {
		expect(Object.keys(LANGUAGE_NAMES).sort()).toEqual([...UI_LANGUAGES].sort());
		for (const lang of UI_LANGUAGES) expect(LANGUAGE_NAMES[lang]).not.toBe('');
	});

	it.each([
		['en', true],
		['ar', true],
		['pt-BR', false],
		['EN', false],
		['', false],
		[undefined, false],
		[42, false]
	])('isUiLanguage(%j) is %s', (value, expected) => {
		expect(isUiLanguage(value)).toBe(expected);
	});
});
