import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clean, fontsOf, layoutText, type Line } from './pdf-text';

// One point per character: widths are predictable, so line breaks are too.
const measure = (text: string) => [...text].length;
const texts = (line: Line) => line.runs.map((r) => r.text);

describe('layoutText', () => {
	it('breaks left-to-right text at spaces within the width, keeping every word in order', () => {
		const lines = layoutText(
			'the quick brown fox jumps over the lazy dog',
			15,
			measure,
			'ltr',
			'latin'
		);
		expect(lines.map((l) => texts(l).join(''))).toEqual([
			'the quick brown',
			'fox jumps over',
			'the lazy dog'
		]);
		expect(lines.every((l) => l.width <= 15 && !l.rtl)).toBe(true);
	});

	it('cuts a word longer than the line', () => {
		const lines = layoutText('abcdefghij', 4, measure, 'ltr', 'latin');
		expect(lines.map((l) => texts(l).join(''))).toEqual(['abcd', 'efgh', 'ij']);
	});

	it('keeps an empty paragraph as an empty line', () => {
		expect(layoutText('a\n\nb', 10, measure, 'ltr', 'latin').map((l) => l.runs.length)).toEqual([
			1, 0, 1
		]);
	});

	it('hands Arabic to the engine in logical order and lays numbers out left to right', () => {
		// "Quarter 2 2026": the visual order, left to right, is 2026 · 2 · the word.
		const [line] = layoutText('الربع 2 2026', 100, measure, 'rtl', 'arabic');
		expect(line!.rtl).toBe(true);
		expect(texts(line!)).toEqual(['2026', ' ', '2', 'الربع ']);
		expect(line!.runs.map((r) => r.font)).toEqual(['latin', 'latin', 'latin', 'arabic']);
		expect(line!.runs.map((r) => r.rtl)).toEqual([false, true, false, true]);
	});

	it('reverses Arabic-Indic digits for the engine, which would lay them out right to left', () => {
		const [line] = layoutText('مستقبل ٢٠٢٦', 100, measure, 'rtl', 'arabic');
		expect(texts(line!)).toEqual(['٦٢٠٢', 'مستقبل ']);
		expect(line!.runs[0]!.rtl).toBe(false);
	});

	it('puts an English phrase inside Arabic where it belongs', () => {
		const [line] = layoutText('رسائل SMS قصيرة', 100, measure, 'rtl', 'arabic');
		// Visual order: the last Arabic word, the space before it (a right-to-left level), SMS,
		// then the first word with its space.
		expect(texts(line!)).toEqual(['قصيرة', ' ', 'SMS', 'رسائل ']);
	});

	it('breaks right-to-left lines in logical order: the first words on the first line', () => {
		const lines = layoutText('واحد اثنان ثلاثة أربعة', 11, measure, 'rtl', 'arabic');
		expect(lines.map((l) => texts(l).join(''))).toEqual(['واحد اثنان', 'ثلاثة أربعة']);
		expect(lines.every((l) => l.rtl)).toBe(true);
	});

	it('takes the direction from the text itself when asked for auto', () => {
		expect(layoutText('Hello عالم', 100, measure, 'auto', 'arabic')[0]!.rtl).toBe(false);
		expect(layoutText('عالم Hello', 100, measure, 'auto', 'latin')[0]!.rtl).toBe(true);
	});

	it('reverses and mirrors brackets that stand at a right-to-left level on their own', () => {
		// "(" after an English word inside Arabic: a neutral run at an RTL level.
		const [line] = layoutText('نص SMS (نص)', 100, measure, 'rtl', 'arabic');
		const all = texts(line!).join('');
		expect(all).toContain('SMS');
		expect([...all].filter((c) => c === '(' || c === ')').length).toBe(2);
	});

	it('loses no character and adds none, whatever the text (property)', () => {
		const alphabet = fc.constantFrom(...'ab عربي 12٣٤ ()-.,'.split(''));
		fc.assert(
			fc.property(
				fc.array(alphabet, { maxLength: 60 }),
				fc.integer({ min: 3, max: 30 }),
				(chars, width) => {
					const text = chars.join('');
					const lines = layoutText(text, width, measure, 'auto', 'latin');
					const kept = lines
						.flatMap((l) => l.runs.map((r) => r.text))
						.join('')
						.replace(/\s/g, '');
					const sort = (s: string) =>
						[...s]
							.map((c) => ({ '(': '()', ')': '()' })[c] ?? c)
							.sort()
							.join('');
					expect(sort(kept)).toBe(sort(text.replace(/\s/g, '')));
					expect(lines.every((l) => l.width <= width)).toBe(true);
				}
			)
		);
	});
});

describe('fontsOf', () => {
	it('gives Arabic letters the Arabic font and spaces their neighbour’s', () => {
		expect(fontsOf('ab عر', 'latin')).toEqual(['latin', 'latin', 'latin', 'arabic', 'arabic']);
		expect(fontsOf(' عر', 'latin')).toEqual(['arabic', 'arabic', 'arabic']);
		expect(fontsOf('  ', 'arabic')).toEqual(['arabic', 'arabic']);
	});
});

describe('clean', () => {
	it('drops bidi marks the fonts cannot draw', () => {
		expect(clean('72\u200e%\u061c')).toBe('72%');
	});
});
