import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KNOWN_LANGUAGES } from './languages';
import { allQuestions } from './model';
import { instrumentSchema } from './schema';
import { starterInstrument } from './starter';
import { translationGaps, validateInstrument } from './validate';

describe('starterInstrument', () => {
	it('can be published as it is', () => {
		const starter = starterInstrument('feedback');
		expect(validateInstrument(starter)).toEqual([]);
		expect(instrumentSchema.safeParse(starter).error).toBeUndefined();
		expect(starter.formId).toBe('feedback');
	});

	it('asks the safety check first, then consent, both required and without "prefer not to say"', () => {
		const questions = allQuestions(starterInstrument('feedback'));
		expect(questions.map((q) => [q.type, q.name, q.required, q.preferNotToSay])).toEqual([
			['safety_check', 'safety_check', true, false],
			['consent', 'consent', true, false]
		]);
	});

	it('puts the two on separate pages whose names do not clash with the questions', () => {
		const starter = starterInstrument('feedback');
		expect(starter.pages.map((p) => p.questions.map((q) => q.name))).toEqual([
			['safety_check'],
			['consent']
		]);
		const names = [...starter.pages, ...allQuestions(starter)].map((x) => x.name);
		expect(new Set(names).size).toBe(names.length);
	});

	it('writes its texts in the first language and names each language in its own script', () => {
		const starter = starterInstrument('feedback', ['fr', 'ar']);
		expect(starter.defaultLanguage).toBe('fr');
		expect(starter.languages).toEqual([
			{ code: 'fr', name: 'Français', dir: 'ltr' },
			{ code: 'ar', name: 'العربية', dir: 'rtl' }
		]);
		expect(Object.keys(starter.title)).toEqual(['fr']);
		for (const q of allQuestions(starter)) expect(Object.keys(q.label)).toEqual(['fr']);
	});

	it('counts every text as missing in the other languages', () => {
		// Title, safety-check label and hint, consent label.
		expect(translationGaps(starterInstrument('feedback', ['en', 'ar', 'sw']))).toEqual({
			en: 0,
			ar: 4,
			sw: 4
		});
	});

	it('gives each survey its own copy', () => {
		const a = starterInstrument('a');
		const b = starterInstrument('b');
		a.pages[0]!.questions[0]!.label.en = 'Changed';
		expect(b.pages[0]!.questions[0]!.label.en).not.toBe('Changed');
	});

	it('is valid for any list of languages', () => {
		const codes = Object.keys(KNOWN_LANGUAGES);
		fc.assert(
			fc.property(
				fc.uniqueArray(fc.oneof(fc.constantFrom(...codes), fc.constantFrom('pt-BR', 'zz')), {
					minLength: 1,
					maxLength: 6
				}),
				(languages) => {
					const starter = starterInstrument('feedback', languages);
					expect(validateInstrument(starter)).toEqual([]);
					expect(instrumentSchema.safeParse(starter).success).toBe(true);
					expect(starter.languages.map((l) => l.code)).toEqual(languages);
				}
			)
		);
	});
});
