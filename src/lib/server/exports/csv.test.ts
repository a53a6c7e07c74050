import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOM, csvCell, csvRow, neutralise } from './csv';
import { parseCsv } from './testing';

describe('csvCell', () => {
	it.each([
		['plain', 'plain'],
		['', ''],
		[null, ''],
		[undefined, ''],
		[42, '42'],
		[-3.5, '-3.5'],
		[0, '0'],
		[Number.NaN, ''],
		['a,b', '"a,b"'],
		['say "hi"', '"say ""hi"""'],
		['"', '""""'],
		['line\nbreak', '"line\nbreak"'],
		['crlf\r\nbreak', '"crlf\r\nbreak"'],
		['لا أعرف، ربما', 'لا أعرف، ربما'],
		['نعم, لا', '"نعم, لا"'],
		['Très satisfait(e)', 'Très satisfait(e)'],
		['Привет, мир', '"Привет, мир"'],
		// Formula injection: the leading character is neutralised with an apostrophe.
		['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
		['+1', "'+1"],
		['-1', "'-1"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\t=1', "'\t=1"],
		['=1,2', '"\'=1,2"'],
		// Not at the start: left alone.
		['a=b', 'a=b'],
		['1+1', '1+1']
	] as const)('%j → %j', (input, expected) => {
		expect(csvCell(input)).toBe(expected);
	});
});

describe('neutralise', () => {
	it.each([
		['=1', "'=1"],
		['+', "'+"],
		['-', "'-"],
		['@', "'@"],
		['\r=1', "'\r=1"],
		['ok', 'ok'],
		["'already", "'already"]
	])('%j → %j', (input, expected) => expect(neutralise(input)).toBe(expected));
});

describe('csvRow', () => {
	it('joins cells with commas and ends with CRLF', () => {
		expect(csvRow(['a', 1, null, 'b,c'])).toBe('a,1,,"b,c"\r\n');
	});

	it('reads back as the same cells, Arabic, quotes and line breaks included', () => {
		const rows = [
			['Question (name)', 'ما مدى رضاك؟ (satisfaction)', 'x'],
			['1', 'راضٍ/راضية جدًا', 'he said "no, never"\nthen left'],
			['2', '', 'Je préfère ne pas répondre']
		];
		const text = BOM + rows.map(csvRow).join('');
		expect(text.startsWith('\uFEFF')).toBe(true);
		expect(parseCsv(text)).toEqual(rows);
	});

	it('round-trips any text, with formula-like cells neutralised', () => {
		fc.assert(
			fc.property(
				fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 6 }), {
					minLength: 1,
					maxLength: 5
				}),
				(rows) => {
					const parsed = parseCsv(rows.map(csvRow).join(''));
					expect(parsed).toEqual(rows.map((r) => r.map(neutralise)));
				}
			),
			{ numRuns: 300 }
		);
	});

	it('never leaves a cell that a spreadsheet would run as a formula', () => {
		fc.assert(
			fc.property(fc.string(), fc.constantFrom('=', '+', '-', '@', '\t', '\r'), (rest, start) => {
				const [[cell]] = parseCsv(csvRow([start + rest])) as [[string]];
				expect(cell.startsWith("'")).toBe(true);
			})
		);
	});
});
