import i18next, { type TFunction } from 'i18next';

export type Messages = Record<string, unknown>;
export type { TFunction };

/**
 * A translator for one language, built synchronously from its messages. Used in the browser,
 * which receives only the language it needs.
 */
export function createTranslator(lang: string, messages: Messages): TFunction {
	const instance = i18next.createInstance();
	void instance.init({
		lng: lang,
		fallbackLng: false,
		resources: { [lang]: { translation: messages } },
		// Svelte escapes what it renders; escaping here too would show &amp; to people.
		interpolation: { escapeValue: false },
		initAsync: false,
		returnNull: false
	});
	return instance.t;
}
