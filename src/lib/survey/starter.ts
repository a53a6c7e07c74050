import type { Instrument, Text } from './model';
import { languageDirection, languageName } from './languages';

/**
 * A new survey starts with the two screens every survey of survivors needs (DOMAIN.md):
 * the safety check, then informed consent. Texts are in English; the builder flags the
 * other languages as missing until translated.
 */
export function starterInstrument(formId: string, languages: string[] = ['en']): Instrument {
	const en = (value: string): Text => ({ [languages[0] ?? 'en']: value });
	return {
		formId,
		languages: languages.map((code) => ({
			code,
			name: languageName(code),
			dir: languageDirection(code)
		})),
		defaultLanguage: languages[0] ?? 'en',
		title: en('Short feedback survey'),
		choiceLists: [],
		pages: [
			{
				id: 'p_safety',
				name: 'safety',
				label: {},
				questions: [
					{
						id: 'q_safety_check',
						type: 'safety_check',
						name: 'safety_check',
						label: en('Is now a safe and private time to answer a few questions?'),
						hint: en('You can leave at any time with the Exit button.'),
						required: true,
						preferNotToSay: false
					}
				]
			},
			{
				id: 'p_intro',
				// Not `consent`: page and question names share one namespace in XLSForm.
				name: 'intro',
				label: {},
				questions: [
					{
						id: 'q_consent',
						type: 'consent',
						name: 'consent',
						label: en(
							'Your answers help improve the support people receive. They are anonymous: we do not ask your name. You can skip any question and stop at any time. Do you agree to answer?'
						),
						required: true,
						preferNotToSay: false
					}
				]
			}
		]
	};
}
