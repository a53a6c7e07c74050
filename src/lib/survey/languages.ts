/**
 * Survey languages: names in their own script and writing direction. Direction is data, set
 * per language (DOMAIN.md), so a survey in Kurdish Sorani (ckb) is rtl even if a label starts
 * with a Latin word.
 */
export const RTL_CODES = new Set([
	'ar',
	'fa',
	'ur',
	'he',
	'ps',
	'ckb',
	'dv',
	'yi',
	'sd',
	'ug',
	'prs'
]);

export const KNOWN_LANGUAGES: Record<string, string> = {
	en: 'English',
	fr: 'Français',
	es: 'Español',
	ar: 'العربية',
	pt: 'Português',
	ru: 'Русский',
	uk: 'Українська',
	ro: 'Română',
	sw: 'Kiswahili',
	am: 'አማርኛ',
	ha: 'Hausa',
	hi: 'हिन्दी',
	bn: 'বাংলা',
	ne: 'नेपाली',
	ur: 'اردو',
	fa: 'فارسی',
	th: 'ไทย',
	vi: 'Tiếng Việt',
	id: 'Bahasa Indonesia',
	tl: 'Tagalog',
	zh: '中文',
	ps: 'پښتو',
	he: 'עברית',
	ckb: 'کوردی',
	so: 'Soomaali',
	ti: 'ትግርኛ',
	my: 'မြန်မာ',
	km: 'ខ្មែរ',
	tr: 'Türkçe',
	de: 'Deutsch',
	it: 'Italiano',
	pl: 'Polski',
	bg: 'Български',
	sq: 'Shqip',
	uz: 'Oʻzbekcha',
	ky: 'Кыргызча',
	tg: 'Тоҷикӣ'
};

export function languageDirection(code: string): 'ltr' | 'rtl' {
	return RTL_CODES.has(code.split(/[-_]/)[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}

export function languageName(code: string): string {
	return KNOWN_LANGUAGES[code] ?? KNOWN_LANGUAGES[code.split(/[-_]/)[0]!] ?? code;
}
