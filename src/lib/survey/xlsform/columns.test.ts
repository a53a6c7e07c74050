import { describe, expect, it } from 'vitest';
import { parseHeader, parseLanguage, textHeader } from './columns';
import { parseRangeParameters } from './import';

describe('parseLanguage', () => {
	it.each([
		['English (en)', { code: 'en', name: 'English' }],
		['العربية (ar)', { code: 'ar', name: 'العربية' }],
		['Português (Brasil) (pt-BR)', { code: 'pt-BR', name: 'Português (Brasil)' }],
		['English (EN)', { code: 'en', name: 'English' }],
		['(fr)', { code: 'fr' }],
		['en', { code: 'en' }],
		['ckb', { code: 'ckb' }],
		['English', { code: 'en', name: 'English' }],
		['french', { code: 'fr', name: 'french' }],
		['Arabic', { code: 'ar', name: 'Arabic' }],
		['Português', { code: 'pt', name: 'Português' }],
		['العربية', { code: 'ar', name: 'العربية' }],
		['Klingon', { code: 'klingon', name: 'Klingon' }],
		['Plain Old Speech', { code: 'plain-old-speech', name: 'Plain Old Speech' }]
	])('%s', (spec, expected) => {
		expect(parseLanguage(spec)).toEqual(expected);
	});

	it('refuses what cannot become a language code', () => {
		expect(parseLanguage('A very long language name indeed')).toBeNull();
		expect(parseLanguage('English (e n)')).toBeNull();
		expect(parseLanguage('')).toBeNull();
	});
});

describe('parseHeader', () => {
	it('reads translated, untranslated and unknown columns', () => {
		expect(parseHeader('survey', 'label::English (en)')).toMatchObject({
			kind: 'text',
			key: 'label',
			language: { code: 'en', name: 'English' }
		});
		expect(parseHeader('survey', 'Label')).toMatchObject({
			kind: 'text',
			key: 'label',
			language: null
		});
		expect(parseHeader('survey', 'hint::fr')).toMatchObject({
			kind: 'text',
			key: 'hint',
			language: { code: 'fr' }
		});
		expect(parseHeader('survey', 'jr:constraintMsg::en')).toMatchObject({
			kind: 'text',
			key: 'constraint_message'
		});
		expect(parseHeader('survey', 'Relevant')).toMatchObject({ kind: 'plain', key: 'relevant' });
		expect(parseHeader('choices', 'list name')).toMatchObject({ kind: 'plain', key: 'list_name' });
		expect(parseHeader('settings', 'form_title')).toMatchObject({
			kind: 'text',
			key: 'title',
			language: null
		});
		expect(parseHeader('settings', 'title::Français (fr)')).toMatchObject({
			kind: 'text',
			key: 'title'
		});
	});

	it('keeps media and custom columns as unknown columns', () => {
		for (const header of [
			'media::image',
			'media::image::English (en)',
			'image::en',
			'read_only',
			'trigger',
			'guidance_hint::English (en)'
		])
			expect(parseHeader('survey', header).kind).toBe('extra');
		// Only the survey sheet has hints; on the choices sheet it is somebody's own column.
		expect(parseHeader('choices', 'hint::en').kind).toBe('extra');
	});

	it('flags a translated header with no usable language', () => {
		expect(parseHeader('survey', 'label::a language with a very long name').kind).toBe(
			'badLanguage'
		);
	});

	it('writes headers that read back the same', () => {
		const language = { code: 'pt-BR', name: 'Português (Brasil)', dir: 'ltr' as const };
		expect(textHeader('label', language)).toBe('label::Português (Brasil) (pt-BR)');
		expect(parseHeader('survey', textHeader('label', language))).toMatchObject({
			language: { code: 'pt-BR', name: 'Português (Brasil)' }
		});
	});
});

describe('parseRangeParameters', () => {
	it.each([
		['', { start: 0, end: 10, step: 1 }],
		['start=0 end=10 step=1', { start: 0, end: 10, step: 1 }],
		['start=1 end=5', { start: 1, end: 5, step: 1 }],
		['end = 100; step = 5', { start: 0, end: 100, step: 5 }],
		['start=-1.5,end=1.5,step=0.5', { start: -1.5, end: 1.5, step: 0.5 }],
		['Start=2 END=4', { start: 2, end: 4, step: 1 }]
	])('%s', (source, range) => {
		expect(parseRangeParameters(source)).toEqual({ ok: true, range });
	});

	it.each(['start=a', 'start=', 'stop=3', 'start=1 start=2', 'step=1=2', '5'])(
		'refuses %s',
		(source) => {
			expect(parseRangeParameters(source).ok).toBe(false);
		}
	);
});
