import { describe, expect, it } from 'vitest';
import {
	CHROME_LANGUAGES,
	chromeFor,
	formatChrome,
	PREFER_NOT_TO_SAY,
	type Chrome
} from './chrome';

const KEYS = Object.keys(chromeFor('en')).sort() as (keyof Chrome)[];

/** Every language's own entry (the codes are exact, so chromeFor returns that entry). */
const entries = (): [string, Chrome][] => CHROME_LANGUAGES.map((code) => [code, chromeFor(code)]);

/** Placeholders such as {page}, which stay Latin in every script. */
const PLACEHOLDER = /\{\w+\}/g;

describe('chrome languages', () => {
	it('lists the 21 web languages once each', () => {
		expect(CHROME_LANGUAGES).toHaveLength(21);
		expect(new Set(CHROME_LANGUAGES).size).toBe(21);
		for (const code of ['en', 'fr', 'es', 'ar', 'pt', 'ru', 'uk', 'ro', 'sw', 'am', 'ha'])
			expect(CHROME_LANGUAGES).toContain(code);
		for (const code of ['hi', 'bn', 'ne', 'ur', 'fa', 'th', 'vi', 'id', 'tl', 'zh'])
			expect(CHROME_LANGUAGES).toContain(code);
	});

	it('has its own entry for every listed language (no silent fallback to English)', () => {
		for (const [code, chrome] of entries())
			if (code !== 'en') expect(chrome, code).not.toBe(chromeFor('en'));
	});

	it('gives every language every key, non-empty and trimmed', () => {
		expect(KEYS.length).toBeGreaterThanOrEqual(35);
		const problems: string[] = [];
		for (const [code, chrome] of entries()) {
			expect(Object.keys(chrome).sort(), code).toEqual(KEYS);
			for (const key of KEYS) {
				const value = chrome[key];
				if (typeof value !== 'string' || value.trim() === '') problems.push(`${code}.${key}`);
				else if (value !== value.trim()) problems.push(`${code}.${key} (spaces)`);
			}
		}
		expect(problems).toEqual([]);
	});

	it('has exactly {page} and {total} in progress, and no placeholder anywhere else', () => {
		const problems: string[] = [];
		for (const [code, chrome] of entries()) {
			const found = (chrome.progress.match(PLACEHOLDER) ?? []).sort();
			if (found.join() !== '{page},{total}') problems.push(`${code}.progress: ${found.join()}`);
			for (const key of KEYS)
				if (key !== 'progress' && /[{}]/.test(chrome[key])) problems.push(`${code}.${key}`);
		}
		expect(problems).toEqual([]);
	});

	it('is translated: at most 2 keys per language identical to English', () => {
		const en = chromeFor('en');
		const offenders: string[] = [];
		for (const [code, chrome] of entries()) {
			if (code === 'en') continue;
			const same = KEYS.filter((key) => chrome[key] === en[key]);
			if (same.length > 2) offenders.push(`${code}: ${same.join(', ')}`);
		}
		expect(offenders, 'languages with untranslated (English) values').toEqual([]);
	});

	it('never names the topic (a shared phone may show any of these words)', () => {
		const forbidden = [
			/trafficking/i,
			/exploitation/i,
			/shelter/i,
			/(?<!\p{L})traite(?!\p{L})/iu,
			/(?<!\p{L})trata(?!\p{L})/iu,
			/الاتجار/u,
			/торговля\s+людьми/iu
		];
		const problems: string[] = [];
		for (const [code, chrome] of entries())
			for (const key of KEYS)
				for (const word of forbidden)
					if (word.test(chrome[key])) problems.push(`${code}.${key}: ${word}`);
		expect(problems).toEqual([]);
	});

	it('keeps the page title short and neutral', () => {
		for (const [code, chrome] of entries()) {
			expect(chrome.pageTitle.length, code).toBeLessThanOrEqual(30);
			expect(chrome.quickExit.length, code).toBeLessThanOrEqual(20);
		}
	});

	it('writes right-to-left languages in their own script and punctuation', () => {
		const problems: string[] = [];
		for (const code of ['ar', 'fa', 'ur']) {
			const chrome = chromeFor(code);
			for (const key of KEYS) {
				const value = chrome[key].replace(PLACEHOLDER, '');
				// Latin letters or Latin comma, question mark, semicolon, parentheses break the flow.
				if (/[A-Za-z,?;()]/.test(value)) problems.push(`${code}.${key}: ${value}`);
				// Urdu ends sentences with ۔ (U+06D4), not a Latin full stop.
				if (code === 'ur' && value.includes('.')) problems.push(`${code}.${key}: full stop`);
				// Persian and Urdu use their own yeh and kaf (ی ک), not the Arabic ones (ي ك).
				if (code !== 'ar' && /[\u064A\u0643]/.test(value)) problems.push(`${code}.${key}: ي/ك`);
				// Urdu writes he as ہ or ھ, not the Arabic ه.
				if (code === 'ur' && value.includes('\u0647')) problems.push(`${code}.${key}: ه`);
			}
		}
		expect(problems).toEqual([]);
	});

	it('writes Romanian with comma-below ș and ț, not the cedilla forms', () => {
		for (const key of KEYS) expect(chromeFor('ro')[key], key).not.toMatch(/[şţŞŢ]/);
	});
});

describe('chromeFor', () => {
	it('takes the exact code, then the primary subtag, then English', () => {
		expect(chromeFor('fr')).toBe(chromeFor('fr'));
		expect(chromeFor('pt-BR')).toBe(chromeFor('pt'));
		expect(chromeFor('zh_Hans')).toBe(chromeFor('zh'));
		expect(chromeFor('xx')).toBe(chromeFor('en'));
		expect(chromeFor('xx-YY')).toBe(chromeFor('en'));
		expect(chromeFor('')).toBe(chromeFor('en'));
		expect(chromeFor('pt').next).toBe('Seguinte');
	});

	it('never returns something from Object.prototype', () => {
		for (const lang of ['constructor', '__proto__', 'toString', 'hasOwnProperty-x'])
			expect(chromeFor(lang)).toBe(chromeFor('en'));
	});

	it('keeps the prefer-not-to-say value', () => {
		expect(PREFER_NOT_TO_SAY).toBe('.pnts');
	});
});

describe('formatChrome', () => {
	it('fills placeholders with strings and numbers', () => {
		expect(formatChrome(chromeFor('en').progress, { page: 2, total: 5 })).toBe('Page 2 of 5');
		expect(formatChrome(chromeFor('fr').progress, { page: '1', total: '3' })).toBe('Page 1 sur 3');
		expect(formatChrome(chromeFor('zh').progress, { page: 1, total: 4 })).toBe('第 1 页，共 4 页');
	});

	it('fills placeholders in any order and more than once', () => {
		expect(formatChrome('{total} / {page} / {total}', { page: 1, total: 2 })).toBe('2 / 1 / 2');
		expect(formatChrome('{a}{a}', { a: 0 })).toBe('00');
	});

	it('leaves unknown placeholders and plain text alone', () => {
		expect(formatChrome('Page {page} of {total}', { page: 1 })).toBe('Page 1 of {total}');
		expect(formatChrome('No placeholder', { page: 1 })).toBe('No placeholder');
		expect(formatChrome('{constructor}', {})).toBe('{constructor}');
	});

	it('does not re-expand a value that looks like a placeholder', () => {
		expect(formatChrome('{a} {b}', { a: '{b}', b: 'x' })).toBe('{b} x');
	});

	it('fills every language so that no placeholder is left', () => {
		for (const [code, chrome] of entries())
			expect(formatChrome(chrome.progress, { page: 3, total: 7 }), code).not.toMatch(/[{}]/);
	});
});
