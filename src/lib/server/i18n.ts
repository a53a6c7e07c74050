import i18next from 'i18next';
import ar from '../../../messages/ar.json';
import en from '../../../messages/en.json';
import es from '../../../messages/es.json';
import fr from '../../../messages/fr.json';
import pt from '../../../messages/pt.json';
import ru from '../../../messages/ru.json';
import type { UiLanguage } from '../i18n/languages';
import type { Messages, TFunction } from '../i18n/translator';

export const MESSAGES: Record<UiLanguage, Messages> = { en, fr, es, ar, pt, ru };

// One shared instance for the whole server; requests take getFixedT(lang) and never call
// changeLanguage, which would leak one person's language into another's request.
const instance = i18next.createInstance();
void instance.init({
	fallbackLng: false,
	resources: Object.fromEntries(
		Object.entries(MESSAGES).map(([lang, translation]) => [lang, { translation }])
	),
	interpolation: { escapeValue: false },
	initAsync: false,
	returnNull: false
});

export function translatorFor(lang: UiLanguage): TFunction {
	return instance.getFixedT(lang);
}
