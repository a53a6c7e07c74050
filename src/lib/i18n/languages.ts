/** Languages of the staff interface (respondent pages have their own, longer list). */
export const UI_LANGUAGES = ['en', 'fr', 'es', 'ar', 'pt', 'ru'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: UiLanguage = 'en';

/** Each language named in its own script, so a person can find theirs whatever is shown. */
export const LANGUAGE_NAMES: Record<UiLanguage, string> = {
	en: 'English',
	fr: 'Français',
	es: 'Español',
	ar: 'العربية',
	pt: 'Português',
	ru: 'Русский'
};

/** Written right to left. Set per language, never guessed from text (DOMAIN.md). */
const RTL_LANGUAGES = new Set(['ar', 'fa', 'ur', 'he', 'ps', 'ckb', 'dv', 'yi', 'sd', 'ug']);

export function direction(lang: string): 'ltr' | 'rtl' {
	return RTL_LANGUAGES.has(lang.split(/[-_]/)[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}

export function isUiLanguage(value: unknown): value is UiLanguage {
	return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}
