import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodingOf, segmentCount, smsInfo, splitSegments, type SmsEncoding } from './segments';

// An oracle written independently of the module's table strings: the code points of the
// Unicode Consortium's GSM0338.TXT mapping of 3GPP TS 23.038, listed by number.
const range = (from: number, to: number) =>
	Array.from({ length: to - from + 1 }, (_, i) => from + i);
const BASIC_CODE_POINTS = new Set([
	0x0a,
	0x0d,
	0x20,
	0x21,
	0x22,
	0x23,
	0x24,
	...range(0x25, 0x3f),
	0x40,
	...range(0x41, 0x5a),
	0x5f,
	...range(0x61, 0x7a),
	0xa1,
	0xa3,
	0xa4,
	0xa5,
	0xa7,
	0xbf,
	0xc4,
	0xc5,
	0xc6,
	0xc7,
	0xc9,
	0xd1,
	0xd6,
	0xd8,
	0xdc,
	0xdf,
	0xe0,
	0xe4,
	0xe5,
	0xe6,
	0xe8,
	0xe9,
	0xec,
	0xf1,
	0xf2,
	0xf6,
	0xf8,
	0xf9,
	0xfc,
	0x393,
	0x394,
	0x398,
	0x39b,
	0x39e,
	0x3a0,
	0x3a3,
	0x3a6,
	0x3a8,
	0x3a9
]);
const EXTENSION_CODE_POINTS = new Set([
	0x0c, 0x5b, 0x5c, 0x5d, 0x5e, 0x7b, 0x7c, 0x7d, 0x7e, 0x20ac
]);

const a = (n: number) => 'a'.repeat(n); // GSM-7, 1 septet each
const e = (n: number) => 'ê'.repeat(n); // not GSM-7: 1 UTF-16 unit each
const EMOJI = '😀'; // outside the BMP: 2 UTF-16 units

function costIn(char: string, encoding: SmsEncoding) {
	return encoding === 'ucs2'
		? char.length
		: EXTENSION_CODE_POINTS.has(char.codePointAt(0)!)
			? 2
			: 1;
}
function costOf(text: string, encoding: SmsEncoding) {
	return Array.from(text).reduce((sum, char) => sum + costIn(char, encoding), 0);
}

describe('the GSM 03.38 character set', () => {
	it('has the 127 characters and 10 extension characters of the standard', () => {
		expect(BASIC_CODE_POINTS.size).toBe(127);
		expect(EXTENSION_CODE_POINTS.size).toBe(10);
	});

	it('is exactly the oracle, over every BMP code point', () => {
		const wrong: string[] = [];
		for (let cp = 0; cp <= 0xffff; cp++) {
			const char = String.fromCharCode(cp);
			const inSet = BASIC_CODE_POINTS.has(cp) || EXTENSION_CODE_POINTS.has(cp);
			const info = smsInfo(char);
			const expected = inSet
				? { encoding: 'gsm7', units: EXTENSION_CODE_POINTS.has(cp) ? 2 : 1 }
				: { encoding: 'ucs2', units: 1 };
			if (info.encoding !== expected.encoding || info.units !== expected.units)
				wrong.push(cp.toString(16));
		}
		expect(wrong).toEqual([]);
	});

	it.each([
		// French, Italian, German, Nordic, Spanish letters that ARE in the basic set
		['é', 'gsm7'],
		['è', 'gsm7'],
		['ù', 'gsm7'],
		['à', 'gsm7'],
		['ì', 'gsm7'],
		['ò', 'gsm7'],
		['É', 'gsm7'],
		['Ç', 'gsm7'], // printed at 0x09 in the standard
		['ñ', 'gsm7'],
		['Ñ', 'gsm7'],
		['ü', 'gsm7'],
		['ß', 'gsm7'],
		['Ø', 'gsm7'],
		['å', 'gsm7'],
		['¿', 'gsm7'],
		['¡', 'gsm7'],
		['£', 'gsm7'],
		['¥', 'gsm7'],
		['¤', 'gsm7'],
		['§', 'gsm7'],
		['Ω', 'gsm7'], // U+03A9 Greek capital omega
		['Δ', 'gsm7'],
		// and ones that are NOT
		['ç', 'ucs2'], // lower case: not in the printed standard
		['ê', 'ucs2'],
		['â', 'ucs2'],
		['î', 'ucs2'],
		['ô', 'ucs2'],
		['û', 'ucs2'],
		['ë', 'ucs2'],
		['ï', 'ucs2'],
		['È', 'ucs2'],
		['À', 'ucs2'],
		['á', 'ucs2'],
		['í', 'ucs2'],
		['ó', 'ucs2'],
		['ú', 'ucs2'],
		['œ', 'ucs2'],
		['\u2126', 'ucs2'], // ohm sign, which looks like omega
		['α', 'ucs2'], // lower-case Greek
		['`', 'ucs2'],
		['’', 'ucs2'], // a typographic apostrophe, as word processors paste
		['“', 'ucs2'],
		['…', 'ucs2'],
		['\u00a0', 'ucs2'], // no-break space
		['\t', 'ucs2'],
		['😀', 'ucs2']
	])('%s is %s', (char, encoding) => {
		expect(encodingOf(char)).toBe(encoding);
		expect(encodingOf(`Reply 1 Yes ${char} 2 No`)).toBe(encoding);
	});

	it.each(['^', '{', '}', '\\', '[', '~', ']', '|', '€', '\f'])(
		'%s is an extension character costing 2 septets',
		(char) => {
			expect(smsInfo(char)).toEqual({ encoding: 'gsm7', segments: 1, units: 2, perSegment: 160 });
		}
	);
});

describe('smsInfo', () => {
	it.each([
		['empty', '', 'gsm7', 0, 0, 160],
		['one character', 'a', 'gsm7', 1, 1, 160],
		['160 GSM-7', a(160), 'gsm7', 160, 1, 160],
		['161 GSM-7', a(161), 'gsm7', 161, 2, 153],
		['153 × 2 GSM-7', a(306), 'gsm7', 306, 2, 153],
		['153 × 2 + 1 GSM-7', a(307), 'gsm7', 307, 3, 153],
		['153 × 3 GSM-7', a(459), 'gsm7', 459, 3, 153],
		['158 + € = 160 septets', a(158) + '€', 'gsm7', 160, 1, 160],
		['159 + € = 161 septets', a(159) + '€', 'gsm7', 161, 2, 153],
		['80 extension characters', '{'.repeat(80), 'gsm7', 160, 1, 160],
		['81 extension characters', '{'.repeat(81), 'gsm7', 162, 2, 153],
		// 306 septets would be 2 × 153, but the escape pair at 153/154 cannot be split
		['€ straddling the 153 boundary', a(152) + '€' + a(152), 'gsm7', 306, 3, 153],
		['€ ending the first segment', a(151) + '€' + a(153), 'gsm7', 306, 2, 153],
		['CR LF count one septet each', 'a\r\nb', 'gsm7', 4, 1, 160],
		['70 UCS-2', e(70), 'ucs2', 70, 1, 70],
		['71 UCS-2', e(71), 'ucs2', 71, 2, 67],
		['67 × 2 UCS-2', e(134), 'ucs2', 134, 2, 67],
		['67 × 2 + 1 UCS-2', e(135), 'ucs2', 135, 3, 67],
		['one ê makes 160 GSM characters three UCS-2 segments', a(159) + 'ê', 'ucs2', 160, 3, 67],
		['an emoji is two units', EMOJI, 'ucs2', 2, 1, 70],
		['35 emoji fill one SMS', EMOJI.repeat(35), 'ucs2', 70, 1, 70],
		['36 emoji do not', EMOJI.repeat(36), 'ucs2', 72, 2, 67],
		// 134 units would be 2 × 67, but the surrogate pair at 67/68 cannot be split
		['emoji straddling the 67 boundary', e(66) + EMOJI + e(66), 'ucs2', 134, 3, 67],
		['emoji ending the first segment', e(65) + EMOJI + e(67), 'ucs2', 134, 2, 67],
		['GSM-7 text with one emoji', 'Reply 1 Yes, 2 No 👍', 'ucs2', 20, 1, 70],
		['Arabic', 'هل تشعر بالأمان الآن؟', 'ucs2', 21, 1, 70],
		['70 Arabic letters', 'ب'.repeat(70), 'ucs2', 70, 1, 70],
		['71 Arabic letters', 'ب'.repeat(71), 'ucs2', 71, 2, 67],
		['Thai (vowel marks are units too)', 'สวัสดี', 'ucs2', 6, 1, 70],
		['Bengali (virama and vowel signs are units too)', 'নমস্কার', 'ucs2', 7, 1, 70],
		['Chinese', '你现在安全吗？', 'ucs2', 7, 1, 70],
		['French with only GSM accents', 'Très bien, à bientôt'.replace('ô', 'o'), 'gsm7', 20, 1, 160],
		['French with ô', 'Très bien, à bientôt', 'ucs2', 20, 1, 70]
	])('%s', (_, text, encoding, units, segments, perSegment) => {
		expect(smsInfo(text)).toEqual({ encoding, units, segments, perSegment });
		expect(segmentCount(text)).toBe(segments);
		expect(encodingOf(text)).toBe(encoding);
	});
});

describe('splitSegments', () => {
	it('moves an escaped character whole into the next segment', () => {
		const parts = splitSegments(a(152) + '€' + a(152));
		expect(parts).toEqual([a(152), '€' + a(151), 'a']);
	});

	it('moves a surrogate pair whole into the next segment', () => {
		const parts = splitSegments(e(66) + EMOJI + e(66));
		expect(parts).toEqual([e(66), EMOJI + e(65), 'ê']);
	});

	it('is empty for the empty text and one piece for a single SMS', () => {
		expect(splitSegments('')).toEqual([]);
		expect(splitSegments(a(160))).toEqual([a(160)]);
		expect(splitSegments(EMOJI.repeat(35))).toEqual([EMOJI.repeat(35)]);
	});
});

describe('properties', () => {
	const basicChar = fc.constantFrom(
		...Array.from(BASIC_CODE_POINTS, (cp) => String.fromCodePoint(cp))
	);
	const extensionChar = fc.constantFrom(
		...Array.from(EXTENSION_CODE_POINTS, (cp) => String.fromCodePoint(cp))
	);
	const gsmChar = fc.oneof(
		{ weight: 4, arbitrary: basicChar },
		{ weight: 1, arbitrary: extensionChar }
	);
	const nonGsmChar = fc.oneof(
		fc.constantFrom('ç', 'ê', 'ب', 'ส', 'ন', '你', '’', '😀', '👍🏽', '𝄞'),
		fc
			.string({ unit: 'binary', minLength: 1, maxLength: 1 })
			.filter(
				(c) =>
					!BASIC_CODE_POINTS.has(c.codePointAt(0)!) && !EXTENSION_CODE_POINTS.has(c.codePointAt(0)!)
			)
	);
	const gsmText = fc.array(gsmChar, { maxLength: 500 }).map((cs) => cs.join(''));
	const anyChar = fc.oneof({ weight: 6, arbitrary: gsmChar }, { weight: 1, arbitrary: nonGsmChar });
	// Mostly-GSM texts with the occasional other character, long enough to need several segments.
	const anyText = fc.array(anyChar, { maxLength: 500 }).map((cs) => cs.join(''));

	it('is GSM-7 exactly when every character is in the basic set or extension table', () => {
		fc.assert(
			fc.property(gsmText, (text) => {
				expect(encodingOf(text)).toBe('gsm7');
			})
		);
		fc.assert(
			fc.property(gsmText, nonGsmChar, fc.nat(), (text, other, at) => {
				const chars = Array.from(text);
				chars.splice(at % (chars.length + 1), 0, other);
				expect(encodingOf(chars.join(''))).toBe('ucs2');
			})
		);
	});

	it('counts units as septets (extension = 2) for GSM-7 and UTF-16 code units for UCS-2', () => {
		fc.assert(
			fc.property(anyText, (text) => {
				const info = smsInfo(text);
				expect(info.units).toBe(info.encoding === 'ucs2' ? text.length : costOf(text, 'gsm7'));
			})
		);
	});

	it('never uses fewer segments for a longer text', () => {
		fc.assert(
			fc.property(anyText, anyText, (text, more) => {
				expect(segmentCount(text + more)).toBeGreaterThanOrEqual(segmentCount(text));
			})
		);
	});

	it('agrees with plain division when no character costs more than one unit', () => {
		const plain = fc.oneof(
			fc.array(basicChar, { maxLength: 700 }).map((cs) => cs.join('')),
			fc.array(fc.constantFrom('ê', 'ب', '你'), { maxLength: 300 }).map((cs) => cs.join(''))
		);
		fc.assert(
			fc.property(plain, (text) => {
				const { encoding, units } = smsInfo(text);
				const [single, concatenated] = encoding === 'gsm7' ? [160, 153] : [70, 67];
				const expected = units === 0 ? 0 : units <= single ? 1 : Math.ceil(units / concatenated);
				expect(segmentCount(text)).toBe(expected);
			})
		);
	});

	it('splits into full segments that respect escape and surrogate pairs', () => {
		fc.assert(
			fc.property(anyText, (text) => {
				const { encoding, segments, units, perSegment } = smsInfo(text);
				const parts = splitSegments(text);
				expect(parts.join('')).toBe(text);
				expect(parts).toHaveLength(segments);
				if (units > 0 && units <= (encoding === 'gsm7' ? 160 : 70)) expect(parts).toEqual([text]);
				parts.forEach((part, i) => {
					expect(part).not.toBe('');
					expect(costOf(part, encoding)).toBeLessThanOrEqual(perSegment);
					// No lone surrogate at either end, so no pair was cut.
					expect(part).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
					const next = parts[i + 1];
					if (next !== undefined) {
						// Greedy: a segment is cut only because the next character would not fit whole.
						const firstOfNext = Array.from(next)[0]!;
						expect(costOf(part, encoding) + costIn(firstOfNext, encoding)).toBeGreaterThan(
							perSegment
						);
					}
				});
			})
		);
	});
});
