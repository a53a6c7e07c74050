import { describe, expect, it } from 'vitest';
import { DEMO_SURVEY } from '../server/demo/survey';
import { translatorFor } from '../server/i18n';
import { checkQuestion, type QuestionSmsCheck } from '../sms/check';
import { allQuestions } from '../survey/model';
import { UI_LANGUAGES } from './languages';
import { smsVerdict, unicodeText, visibleCharacter } from './sms-check-text';

const demo = (name: string) =>
	checkQuestion(
		DEMO_SURVEY,
		allQuestions(DEMO_SURVEY).find((q) => q.name === name)!
	);

describe('smsVerdict', () => {
	it.each([
		['en', 'consent', 'Longer than 3 segments in en, fr, es, and ar.'],
		['fr', 'consent', 'Dépasse 3 SMS dans ces langues\u00a0: en, fr, es et ar.'],
		['ru', 'consent', 'Занимает больше 3 сегментов на языках: en, fr, es и ar.'],
		['en', 'privacy_kept', 'Fits in 3 segments in every language.'],
		['ar', 'privacy_kept', 'لا تتجاوز الرسالة 3 مقاطع في أي لغة.'],
		['en', 'problems_caused', 'Cannot be asked by SMS (long text): SMS respondents skip it.'],
		[
			'es',
			'problems_caused',
			'No se puede preguntar por SMS (texto largo): quienes respondan por SMS no la verán.'
		]
	] as const)('%s: %s', (lang, name, expected) => {
		expect(smsVerdict(translatorFor(lang), lang, demo(name), 3)).toBe(expected);
	});

	it('says a required question SMS cannot ask ends the conversation, naming its type', () => {
		const check: QuestionSmsCheck = {
			messages: [],
			findings: [{ kind: 'notAskable', type: 'rank', required: true }]
		};
		expect(smsVerdict(translatorFor('en'), 'en', check, 3)).toBe(
			'Cannot be asked by SMS (Ranking), and it is required: SMS conversations end here.'
		);
	});

	it('says nothing of what SMS never sends', () => {
		expect(smsVerdict(translatorFor('en'), 'en', { messages: [], findings: [] }, 3)).toBe('');
	});

	it('uses the right plural for the limit in every language, with nothing left unfilled', () => {
		for (const lang of UI_LANGUAGES)
			for (const max of [0, 1, 2, 3, 5, 11, 21, 100]) {
				const t = translatorFor(lang);
				for (const name of ['consent', 'privacy_kept', 'problems_caused']) {
					const text = smsVerdict(t, lang, demo(name), max);
					expect(text, `${lang} ${max} ${name}`).not.toMatch(/\{\{|smsCheck\.|undefined/);
				}
			}
		expect(smsVerdict(translatorFor('en'), 'en', demo('privacy_kept'), 1)).toBe(
			'Fits in 1 segment in every language.'
		);
		// 3 and 2 of the demo's message sizes fall in different Arabic plural forms.
		expect(smsVerdict(translatorFor('ar'), 'ar', demo('privacy_kept'), 11)).toBe(
			'لا تتجاوز الرسالة 11 مقطعًا في أي لغة.'
		);
	});
});

describe('unicodeText', () => {
	it('names the few characters that make a language need UCS-2, and not a whole script', () => {
		expect(unicodeText(translatorFor('en'), 'en', demo('privacy_kept').findings)).toBe(
			'Needs Unicode (UCS-2, 70 characters per segment instead of 160) in fr (U+00A0), es (ó í ú), and ar. In brackets: the only characters that need it.'
		);
	});

	it('is empty when every message fits the GSM alphabet', () => {
		expect(unicodeText(translatorFor('fr'), 'fr', [])).toBe('');
	});

	it('reads in every interface language', () => {
		for (const lang of UI_LANGUAGES) {
			const text = unicodeText(translatorFor(lang), lang, demo('consent').findings);
			expect(text, lang).toContain('UCS-2');
			expect(text, lang).not.toMatch(/\{\{|smsCheck\./);
		}
	});
});

describe('visibleCharacter', () => {
	it.each([
		['’', '’'],
		['ê', 'ê'],
		['ع', 'ع'],
		['\u00a0', 'U+00A0'],
		['\u200f', 'U+200F'],
		['\u0301', 'U+0301'],
		['\t', 'U+0009'],
		['😀', '😀']
	])('%j → %s', (char, shown) => {
		expect(visibleCharacter(char)).toBe(shown);
	});
});
