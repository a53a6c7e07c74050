import bidiFactory from 'bidi-js';

/**
 * Line breaking and bidirectional ordering for the report PDF. The PDF library only draws a
 * run of glyphs left to right; this module decides which runs a paragraph becomes, in which
 * order they stand on each line and which font draws each (Arabic script in the Arabic font,
 * everything else in the Latin/Cyrillic one). Within an Arabic run the font engine shapes the
 * letters in logical order and then lays the glyphs out right to left, so the file keeps each
 * glyph's character and a text extractor reads the words back in logical order.
 */

const bidi = bidiFactory();

export type FontKind = 'latin' | 'arabic';

/** A run drawn in one call: `text` as it should be handed to the font engine. */
export interface Run {
	text: string;
	font: FontKind;
	/** Right-to-left level: the engine lays Arabic out right to left itself. */
	rtl: boolean;
}

export interface Line {
	/** Runs in visual order, left to right. */
	runs: Run[];
	width: number;
	/** The paragraph's direction: which side the line is aligned to. */
	rtl: boolean;
}

/** Measures a run's advance in points (font and size are the caller's). */
export type Measure = (text: string, font: FontKind) => number;

// Arabic, Arabic Supplement, Extended-A/B and the presentation forms.
const ARABIC = /[\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;
// Bidi controls and marks: the algorithm below decides direction, and the fonts have no glyphs
// for them (Intl adds LRM/ALM to some numbers).
const CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function isArabic(ch: string): boolean {
	return ARABIC.test(ch);
}

/** Text the fonts can draw: no bidi controls, tabs as spaces. */
export function clean(text: string): string {
	return text.replace(CONTROLS, '').replace(/\t/g, ' ');
}

/** Whether a character decides a font (letters and digits), or takes its neighbours'. */
function strong(ch: string): boolean {
	return /[\p{L}\p{N}]/u.test(ch);
}

/**
 * The font of every character: Arabic script in the Arabic font, other letters in the Latin
 * one, and spaces and punctuation in the font of the letter before them (or after, at the
 * start), so that a run is not cut at every space.
 */
export function fontsOf(text: string, base: FontKind): FontKind[] {
	const chars = [...text];
	const fonts: (FontKind | null)[] = chars.map((ch) =>
		strong(ch) ? (isArabic(ch) ? 'arabic' : 'latin') : null
	);
	let previous: FontKind | null = null;
	for (let i = 0; i < fonts.length; i++) {
		if (fonts[i] === null) fonts[i] = previous;
		else previous = fonts[i]!;
	}
	let next: FontKind = base;
	for (let i = fonts.length - 1; i >= 0; i--) {
		if (fonts[i] === null) fonts[i] = next;
		else next = fonts[i]!;
	}
	// Expand back to UTF-16 indices, which is what bidi-js works in.
	const out: FontKind[] = [];
	chars.forEach((ch, i) => {
		for (let u = 0; u < ch.length; u++) out.push(fonts[i]!);
	});
	return out;
}

/** The runs of `paragraph[start..end]` (inclusive, UTF-16 indices) in visual order. */
function lineRuns(
	paragraph: string,
	levels: ReturnType<typeof bidi.getEmbeddingLevels>,
	fonts: FontKind[],
	start: number,
	end: number
): Run[] {
	if (end < start) return [];
	// bidi-js returns the whole string's indices with only this line's segments flipped.
	const order = bidi.getReorderedIndices(paragraph, levels, start, end).slice(start, end + 1);
	const runs: { from: number; to: number; level: number; font: FontKind }[] = [];
	for (const index of order) {
		const level = levels.levels[index]!;
		const font = fonts[index]!;
		const last = runs.at(-1);
		const step = level % 2 === 1 ? -1 : 1;
		// Visual neighbours belong to one run when they are also logical neighbours.
		if (last && last.level === level && last.font === font && index === last.to + step) {
			last.to = index;
		} else {
			runs.push({ from: index, to: index, level, font });
		}
	}
	return runs.map((r) => {
		const lo = Math.min(r.from, r.to);
		const hi = Math.max(r.from, r.to);
		const logical = paragraph.slice(lo, hi + 1);
		const rtl = r.level % 2 === 1;
		const arabic = [...logical].some(isArabic);
		if (rtl && arabic) {
			// Arabic is shaped from logical order; the engine reverses (and mirrors) it.
			return { text: logical, font: r.font, rtl };
		}
		if (!rtl) {
			// A left-to-right run in Arabic script is digits (٢٠٢٦): the engine would lay it out
			// right to left because of its script, so it gets it reversed and turns it back.
			return { text: arabic ? [...logical].reverse().join('') : logical, font: r.font, rtl };
		}
		// Neutrals at a right-to-left level (spaces, brackets) are reversed and mirrored here.
		const visual = [...logical]
			.reverse()
			.map((ch) => bidi.getMirroredCharacter(ch) ?? ch)
			.join('');
		return { text: visual, font: r.font, rtl };
	});
}

/** Splits one paragraph (no newlines) into runs of a single font, in logical order. */
function fontRuns(text: string, fonts: FontKind[]): { text: string; font: FontKind }[] {
	const runs: { text: string; font: FontKind }[] = [];
	for (let i = 0; i < text.length; i++) {
		const last = runs.at(-1);
		if (last && last.font === fonts[i]) last.text += text[i];
		else runs.push({ text: text[i]!, font: fonts[i]! });
	}
	return runs;
}

/**
 * Breaks text into lines no wider than `width`, each in visual order for a paragraph of
 * direction `dir` ('auto' picks it from the first strong letter, as dir="auto" does on the web).
 * Newlines start new paragraphs; an empty paragraph is an empty line.
 */
export function layoutText(
	text: string,
	width: number,
	measure: Measure,
	dir: 'ltr' | 'rtl' | 'auto',
	base: FontKind
): Line[] {
	const lines: Line[] = [];
	for (const raw of clean(text).split(/\r?\n/)) {
		const paragraph = raw.replace(/\s+$/u, '');
		if (!paragraph) {
			lines.push({ runs: [], width: 0, rtl: dir === 'rtl' });
			continue;
		}
		const levels = bidi.getEmbeddingLevels(paragraph, dir);
		const rtl = (levels.paragraphs[0]?.level ?? 0) % 2 === 1;
		const fonts = fontsOf(paragraph, base);
		const widthOf = (from: number, to: number) =>
			fontRuns(paragraph.slice(from, to), fonts.slice(from, to)).reduce(
				(sum, r) => sum + measure(r.text, r.font),
				0
			);

		// Break opportunities: after each run of spaces.
		const words: { from: number; to: number }[] = [];
		const re = /\S+\s*/gu;
		for (let m = re.exec(paragraph); m; m = re.exec(paragraph))
			words.push({ from: m.index, to: m.index + m[0].length });

		// Widths add up word by word (shaping never joins across a space), so each word is
		// measured once rather than the whole line again for every word added to it.
		let lineStart = words[0]?.from ?? 0;
		let lineEnd = lineStart;
		let lineWidth = 0;
		const flush = (from: number, to: number) => {
			// Trailing spaces do not count toward the line's width or alignment.
			let end = to;
			while (end > from && /\s/u.test(paragraph[end - 1]!)) end--;
			lines.push({
				runs: lineRuns(paragraph, levels, fonts, from, end - 1),
				width: widthOf(from, end),
				rtl
			});
		};
		for (const word of words) {
			const trimmedEnd = paragraph.slice(word.from, word.to).trimEnd().length + word.from;
			const core = widthOf(word.from, trimmedEnd);
			if (lineEnd > lineStart && lineWidth + core > width) {
				flush(lineStart, lineEnd);
				lineStart = word.from;
				lineWidth = 0;
			}
			if (lineWidth + core > width) {
				// A word longer than the whole line is cut where it must be.
				while (widthOf(lineStart, trimmedEnd) > width && trimmedEnd - lineStart > 1) {
					let cut = lineStart + 1;
					while (cut < trimmedEnd && widthOf(lineStart, cut + 1) <= width) cut++;
					flush(lineStart, cut);
					lineStart = cut;
				}
				lineWidth = widthOf(lineStart, word.to);
			} else lineWidth += widthOf(word.from, word.to);
			lineEnd = word.to;
		}
		if (lineEnd > lineStart) flush(lineStart, lineEnd);
	}
	return lines;
}
