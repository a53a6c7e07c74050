import { describe, expect, it } from 'vitest';
import { normalisePhone } from './phone';

describe('normalisePhone', () => {
	it('keeps E.164 numbers', () => {
		expect(normalisePhone('+15005550006')).toBe('+15005550006');
		expect(normalisePhone('  +447700900123 ')).toBe('+447700900123');
	});

	it('ignores spaces, dashes, dots and parentheses', () => {
		expect(normalisePhone('+44 (0)7700-900 123')).toBe('+447700900123');
		expect(normalisePhone('0044 (0) 7700 900123')).toBe('+447700900123');
		expect(normalisePhone('+1 (500) 555-0006')).toBe('+15005550006');
		expect(normalisePhone('+33 6.12.34.56.78')).toBe('+33612345678');
	});

	it('reads a leading 00 as +', () => {
		expect(normalisePhone('00 33 6 12 34 56 78')).toBe('+33612345678');
		expect(normalisePhone('0033612345678', '44')).toBe('+33612345678');
	});

	it('gives national numbers the default country code, without the trunk 0', () => {
		expect(normalisePhone('07700 900123', '44')).toBe('+447700900123');
		expect(normalisePhone('07700 900123', '+44')).toBe('+447700900123');
		expect(normalisePhone('(500) 555-0006', '1')).toBe('+15005550006');
	});

	it('refuses national numbers without a default country', () => {
		expect(normalisePhone('07700 900123')).toBeNull();
		expect(normalisePhone('07700 900123', 'x')).toBeNull();
		expect(normalisePhone('07700 900123', '0')).toBeNull();
	});

	it('refuses anything else', () => {
		for (const raw of [
			'',
			'   ',
			'+',
			'abc',
			'+1 500 CALL NOW',
			'+44 7700 900123 ext 4',
			'+44/7700900123',
			'++447700900123',
			'44+7700900123',
			'+0447700900123',
			'+1234567',
			'+1234567890123456',
			'tel:+447700900123',
			'+４４７７００９００１２３'
		]) {
			expect(normalisePhone(raw, '44'), raw).toBeNull();
		}
	});
});
