import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UI_LANGUAGES } from './languages';
import { parseAcceptLanguage, pickLanguage } from './negotiate';

describe('parseAcceptLanguage', () => {
	it.each([
		['no header', undefined, []],
		['null', null, []],
		['an empty header', '', []],
		['one language', 'fr', ['fr']],
		['tags in lower case', 'pt-BR', ['pt-br']],
		['best quality first', 'en;q=0.5, fr;q=0.9, ar', ['ar', 'fr', 'en']],
		['header order on equal quality', 'es, ru, fr;q=0.8, pt;q=0.8', ['es', 'ru', 'fr', 'pt']],
		['spaces around parts', '  de-CH ;  q=0.7 ,  en  ', ['en', 'de-ch']],
		['the wildcard dropped', '*, fr;q=0.5', ['fr']],
		['q=0 meaning "not this"', 'en;q=0, fr', ['fr']],
		['q=0.000 too', 'en;q=0.000, fr;q=0.1', ['fr']],
		['an unreadable q dropped', 'en;q=abc, fr', ['fr']],
		['empty parts ignored', ',,fr,,', ['fr']],
		['other parameters ignored', 'en;level=1;q=0.4, fr;q=0.5', ['fr', 'en']],
		[
			'a typical browser header',
			'pt-BR,pt;q=0.9,en-US;q=0.8,en;q=0.7',
			['pt-br', 'pt', 'en-us', 'en']
		]
	])('%s', (_name, header, expected) => {
		expect(parseAcceptLanguage(header)).toEqual(expected);
	});

	it('never throws, and returns only non-empty lower-case ranges without the wildcard', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 200 }), (header) => {
				const ranges = parseAcceptLanguage(header);
				for (const range of ranges) {
					expect(range).not.toBe('');
					expect(range).not.toBe('*');
					expect(range).toBe(range.toLowerCase());
				}
			})
		);
	});

	it('orders well-formed headers by quality, keeping header order for ties', () => {
		const entry = fc.record({
			tag: fc.constantFrom('en', 'fr', 'es', 'ar', 'pt-br', 'ru', 'de'),
			q: fc.integer({ min: 1, max: 1000 }).map((n) => n / 1000)
		});
		fc.assert(
			fc.property(fc.uniqueArray(entry, { selector: (e) => e.tag, maxLength: 7 }), (entries) => {
				const header = entries.map((e) => `${e.tag};q=${e.q}`).join(', ');
				const expected = entries
					.map((e, i) => ({ ...e, i }))
					.sort((a, b) => b.q - a.q || a.i - b.i)
					.map((e) => e.tag);
				expect(parseAcceptLanguage(header)).toEqual(expected);
			})
		);
	});
});

describe('pickLanguage', () => {
	const supported = ['en', 'fr', 'pt', 'ar'] as const;

	it.each([
		['an exact match', ['fr'], 'fr'],
		['case does not matter', ['FR'], 'fr'],
		['the primary subtag of a regional tag', ['pt-BR'], 'pt'],
		['a script and region subtag', ['ar-Arab-EG'], 'ar'],
		['the first wish that matches', ['de', 'ru', 'ar', 'en'], 'ar'],
		['a regional first wish beats an exact later wish', ['pt-BR', 'en'], 'pt'],
		['empty wishes skipped', [null, undefined, '', 'en'], 'en'],
		['nothing supported', ['de', 'zh-Hans'], undefined],
		['no wishes', [], undefined],
		['a prefix is not a primary subtag', ['english'], undefined]
	])('%s', (_name, wishes, expected) => {
		expect(pickLanguage(wishes, supported)).toBe(expected);
	});

	it('prefers an exact regional match when the regional tag itself is supported', () => {
		expect(pickLanguage(['pt-BR'], ['pt', 'pt-BR'])).toBe('pt-BR');
	});

	it('never throws and answers a supported language or undefined', () => {
		fc.assert(
			fc.property(
				fc.array(fc.option(fc.string({ maxLength: 20 }), { nil: undefined })),
				fc.string({ maxLength: 200 }),
				(wishes, header) => {
					for (const list of [wishes, parseAcceptLanguage(header)]) {
						const picked = pickLanguage(list, UI_LANGUAGES);
						if (picked !== undefined) expect(UI_LANGUAGES).toContain(picked);
					}
				}
			)
		);
	});

	it('finds a supported language whenever one is asked for, with or without a region', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...UI_LANGUAGES),
				fc.option(fc.stringMatching(/^[A-Za-z]{2}$/)),
				(lang, region) => {
					const wish = region ? `${lang}-${region}` : lang;
					expect(pickLanguage(['xx', wish], UI_LANGUAGES)).toBe(lang);
				}
			)
		);
	});
});
