import { describe, expect, it } from 'vitest';
import { formatDate, formatLanguage } from './format';

describe('formatLanguage', () => {
	it.each([
		['ar', 'en', 'Arabic'],
		['fr', 'fr', 'français'],
		['pt-BR', 'en', 'Brazilian Portuguese']
	])('names %s in %s as %s', (code, lang, name) => {
		expect(formatLanguage(code, lang)).toBe(name);
	});

	it('falls back to the code for something that is not a language', () => {
		expect(formatLanguage('not a code!', 'en')).toBe('not a code!');
	});
});

describe('formatDate', () => {
	it('reads a date-only value as that day in UTC', () => {
		expect(formatDate('2025-06-15', 'en')).toBe('Jun 15, 2025');
	});
});
