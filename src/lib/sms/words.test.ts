import { describe, expect, it } from 'vitest';
import { CHROME_LANGUAGES, chromeFor } from '../survey/chrome';
import { smsInfo } from './segments';
import {
	formatWords,
	helpText,
	invitationText,
	optedInText,
	optedOutText,
	PLACEHOLDERS,
	reminderText,
	SMS_LANGUAGES,
	smsWordsFor,
	wordsFor,
	type SmsWords
} from './words';

const KEYS = Object.keys(smsWordsFor('en')).sort() as (keyof SmsWords)[];
const entries = (): [string, SmsWords][] => SMS_LANGUAGES.map((code) => [code, smsWordsFor(code)]);

describe('SMS words', () => {
	it('are written in the same 21 languages as the respondent chrome', () => {
		expect([...SMS_LANGUAGES].sort()).toEqual([...CHROME_LANGUAGES].sort());
		for (const [code, words] of entries())
			if (code !== 'en') expect(words, code).not.toBe(smsWordsFor('en'));
	});

	it('give every language every key, non-empty and trimmed', () => {
		expect(KEYS).toEqual(Object.keys(PLACEHOLDERS).sort());
		const problems: string[] = [];
		for (const [code, words] of entries()) {
			expect(Object.keys(words).sort(), code).toEqual(KEYS);
			for (const key of KEYS) {
				const value = words[key];
				if (typeof value !== 'string' || value.trim() === '') problems.push(`${code}.${key}`);
				else if (value !== value.trim()) problems.push(`${code}.${key} (spaces)`);
			}
		}
		expect(problems).toEqual([]);
	});

	it('carry exactly the placeholders each key needs, in every language', () => {
		const problems: string[] = [];
		for (const [code, words] of entries())
			for (const key of KEYS) {
				const found = (words[key].match(/\{\w+\}/g) ?? []).map((p) => p.slice(1, -1));
				const want = [...new Set(found)].sort().join();
				if (want !== [...PLACEHOLDERS[key]].sort().join()) problems.push(`${code}.${key}: ${want}`);
				if (/[{}]/.test(words[key].replace(/\{\w+\}/g, ''))) problems.push(`${code}.${key} braces`);
			}
		expect(problems).toEqual([]);
	});

	it('are translated: at most one key per language identical to English', () => {
		const en = smsWordsFor('en');
		const offenders: string[] = [];
		for (const [code, words] of entries()) {
			if (code === 'en') continue;
			const same = KEYS.filter((key) => words[key] === en[key]);
			if (same.length > 1) offenders.push(`${code}: ${same.join(', ')}`);
		}
		expect(offenders).toEqual([]);
	});

	it('tell the person how to leave and come back with the carrier keywords, in capitals', () => {
		const problems: string[] = [];
		for (const [code, words] of entries()) {
			if (!words.help.includes('STOP')) problems.push(`${code}.help`);
			if (!words.optedOut.includes('START')) problems.push(`${code}.optedOut`);
			if (!words.invitation.includes('STOP')) problems.push(`${code}.invitation`);
			if (!words.reminder.includes('STOP')) problems.push(`${code}.reminder`);
		}
		expect(problems).toEqual([]);
	});

	it('never name the topic, a shelter or an organisation', () => {
		const forbidden = [
			/trafficking/i,
			/exploitation/i,
			/shelter/i,
			/victim/i,
			/(?<!\p{L})traite(?!\p{L})/iu,
			/(?<!\p{L})trata(?!\p{L})/iu,
			/víctima/iu,
			/الاتجار/u,
			/ضحي/u,
			/торговл/iu,
			/жертв/iu,
			/(?<!\p{L})ngo(?!\p{L})|organi[sz]ation|organisme|organización/iu
		];
		const problems: string[] = [];
		for (const [code, words] of entries())
			for (const key of KEYS)
				for (const word of forbidden) if (word.test(words[key])) problems.push(`${code}.${key}`);
		expect(problems).toEqual([]);
	});

	it('stay short: every text fits in one SMS segment of its script', () => {
		// 160 GSM-7 characters, or 70 UCS-2 ones for any other script (Arabic, Thai …).
		const gsm =
			/^[A-Za-z0-9 @£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!"#¤%&'()*+,\-./:;<=>?¡ÄÖÑÜ§¿äöñüà\n{}]*$/;
		const problems: string[] = [];
		for (const [code, words] of entries())
			for (const key of KEYS) {
				const text = formatWords(words[key], {
					start: 0,
					end: 10,
					step: 2,
					example: '31/12/2000',
					code: '0',
					keyword: 'HELLO'
				});
				// UCS-2 counts UTF-16 code units, which `length` is.
				const limit = gsm.test(text) ? 160 : 70;
				// Help goes out once, on request, and the invitation and reminder once per person: two
				// segments are allowed there (those two are held to the exact count below).
				const allowed = ['help', 'invitation', 'reminder'].includes(key) ? limit * 2 : limit;
				if (text.length > allowed) problems.push(`${code}.${key}: ${text.length}`);
			}
		expect(problems).toEqual([]);
	});

	it('keep English text in GSM-7 (no curly quotes), so it costs the fewest segments', () => {
		const gsm = /^[A-Za-z0-9 .,'{}?!-]*$/;
		for (const key of KEYS) expect(smsWordsFor('en')[key], key).toMatch(gsm);
	});

	it('fall back to the primary subtag, then English; never reach the prototype', () => {
		expect(smsWordsFor('pt-BR')).toBe(smsWordsFor('pt'));
		expect(smsWordsFor('zh_Hans')).toBe(smsWordsFor('zh'));
		expect(smsWordsFor('xx')).toBe(smsWordsFor('en'));
		expect(smsWordsFor('constructor')).toBe(smsWordsFor('en'));
		expect(smsWordsFor('__proto__')).toBe(smsWordsFor('en'));
	});

	it('share the thank-you, "nothing saved" and "prefer not to say" words with the web pages', () => {
		for (const code of ['en', 'ar', 'zh', 'xx']) {
			const words = wordsFor(code);
			const chrome = chromeFor(code);
			expect(words.thankYou).toBe(chrome.thankYou);
			expect(words.notNowLeft).toBe(chrome.notNowLeft);
			expect(words.declinedLeft).toBe(chrome.declinedLeft);
			expect(words.preferNotToSay).toBe(chrome.preferNotToSay);
			expect(words.chooseOne).toBe(smsWordsFor(code).chooseOne);
		}
	});

	it('fill the keyword into the help and opt-in texts', () => {
		expect(helpText('en', 'HELLO')).toBe(
			'Reply with the number of your answer. Send HELLO to start. Send STOP to stop all messages.'
		);
		expect(helpText('fr', 'BONJOUR')).toContain('Envoyez BONJOUR pour commencer');
		expect(optedInText('es', 'HOLA')).toBe(
			'Los mensajes están activados de nuevo. Envíe HOLA para empezar.'
		);
		expect(optedOutText('ar')).toBe(smsWordsFor('ar').optedOut);
		for (const code of SMS_LANGUAGES) {
			expect(helpText(code, 'HELLO')).toContain('HELLO');
			expect(optedInText(code, 'HELLO')).not.toMatch(/[{}]/);
		}
	});

	it('invite in at most two segments, one in GSM-7, even with a long keyword', () => {
		expect(invitationText('en', 'HELLO')).toBe(
			'Hello. You are invited to answer a short questionnaire. Reply HELLO to start, or STOP if you do not want messages.'
		);
		expect(invitationText('pt-BR', 'OLA')).toBe(invitationText('pt', 'OLA'));
		const problems: string[] = [];
		for (const code of SMS_LANGUAGES) {
			const text = invitationText(code, 'QUESTIONS');
			const info = smsInfo(text);
			if (!text.includes('QUESTIONS') || /[{}]/.test(text)) problems.push(`${code}: keyword`);
			if (info.segments > (info.encoding === 'gsm7' ? 1 : 2))
				problems.push(`${code}: ${info.encoding} ${info.segments}`);
		}
		expect(problems).toEqual([]);
	});

	it('remind in at most two segments, one in GSM-7', () => {
		expect(reminderText('en')).toBe(
			'You have not finished the short questionnaire. Reply to the last question to go on, or STOP if you do not want messages.'
		);
		expect(reminderText('pt-BR')).toBe(reminderText('pt'));
		expect(reminderText('xx')).toBe(reminderText('en'));
		const problems: string[] = [];
		for (const code of SMS_LANGUAGES) {
			const text = reminderText(code);
			const info = smsInfo(text);
			if (/[{}]/.test(text)) problems.push(`${code}: braces`);
			if (info.segments > (info.encoding === 'gsm7' ? 1 : 2))
				problems.push(`${code}: ${info.encoding} ${info.segments}`);
		}
		expect(problems).toEqual([]);
	});
});
