import { describe, expect, it } from 'vitest';
import { SUMMARY_MAX_CHARACTERS, summariesSchema, summaryFits } from './summaries';

describe('summaryFits', () => {
	it.each([
		['', true],
		['a'.repeat(SUMMARY_MAX_CHARACTERS), true],
		['a'.repeat(SUMMARY_MAX_CHARACTERS + 1), false],
		// UCS-2: 3 × 67 units.
		['ب'.repeat(201), true],
		['ب'.repeat(202), false],
		['я'.repeat(202), false],
		// One character outside GSM-7 turns a Latin text into UCS-2 too.
		['ç' + 'a'.repeat(200), true],
		['ç' + 'a'.repeat(201), false],
		// GSM-7 extension characters cost two septets, and a pair is never split between segments.
		['€'.repeat(228), true],
		['€'.repeat(229), false]
	])('%#: %s… fits: %s', (text, fits) => {
		expect(summaryFits(text)).toBe(fits);
	});
});

describe('summariesSchema', () => {
	const schema = summariesSchema(['en', 'ar']);

	it('maps fields to languages, trims, keeps single blank lines and fills missing ones with ""', () => {
		expect(schema.parse({ 'summary-en': '  Hello\r\n\r\n\r\n\r\nThanks  ' })).toEqual({
			en: 'Hello\n\nThanks',
			ar: ''
		});
	});

	it('refuses a field of a language the survey does not have, and a note too long', () => {
		expect(schema.safeParse({ 'summary-de': 'Hallo' }).success).toBe(false);
		const result = schema.safeParse({ 'summary-ar': 'ب'.repeat(202) });
		expect(result.success).toBe(false);
		expect(result.error?.issues[0]).toMatchObject({
			path: ['summary-ar'],
			message: 'summaries.tooLong'
		});
	});
});
