import { KNOWN_LANGUAGES } from '../languages';
import { NON_ANSWER_TYPES, type QuestionType, type SurveyLanguage } from '../model';

/**
 * XLSForm column headers: which column means what, and how a translated header
 * (`label::English (en)`, `label::en`, `label::English`, plain `label`) names its language.
 * Shared by import (reading headers) and export (writing them) so the two always agree.
 */

export type SheetKind = 'survey' | 'choices' | 'settings';

/** Columns holding one value per row, by their canonical (lower-case) XLSForm spelling. */
const PLAIN_COLUMNS: Record<SheetKind, readonly string[]> = {
	survey: [
		'type',
		'name',
		'required',
		'relevant',
		'constraint',
		'calculation',
		'choice_filter',
		'appearance',
		'default',
		'parameters',
		'prefer_not_to_say',
		'heard_type'
	],
	choices: ['list_name', 'name'],
	settings: ['form_id', 'version', 'default_language']
};

/**
 * Columns holding text per language; `range_*_label` and `title` are Heard's extensions, as are
 * `prefer_not_to_say` and `heard_type` above.
 */
const TEXT_COLUMNS: Record<SheetKind, readonly string[]> = {
	survey: [
		'label',
		'hint',
		'required_message',
		'constraint_message',
		'range_start_label',
		'range_end_label'
	],
	choices: ['label'],
	// XLSForm has one untranslated `form_title`; the other languages go in `title::…`.
	settings: ['title']
};

/** Older or alternative spellings that pyxform accepts, mapped to the canonical one. */
const ALIASES: Record<SheetKind, Record<string, string>> = {
	survey: {
		'jr:constraintmsg': 'constraint_message',
		'jr:requiredmsg': 'required_message',
		'constraint message': 'constraint_message',
		'required message': 'required_message',
		'choice filter': 'choice_filter'
	},
	choices: { 'list name': 'list_name' },
	settings: { form_title: 'title' }
};

export interface LanguageRef {
	code: string;
	/** The name written in the header; absent when only a code was written. */
	name?: string;
}

export type Column =
	| { kind: 'plain'; key: string; header: string; index: number }
	/** `language` is null for a column without `::`: it belongs to the default language. */
	| { kind: 'text'; key: string; language: LanguageRef | null; header: string; index: number }
	| { kind: 'extra'; header: string; index: number }
	/** A translated header whose language cannot be made into a usable code. */
	| { kind: 'badLanguage'; header: string; index: number };

/** Reads one header cell. `index` is the 0-based column position, kept for error messages. */
export function parseHeader(sheet: SheetKind, header: string, index = 0): Column {
	const separator = header.indexOf('::');
	const rawBase = (separator < 0 ? header : header.slice(0, separator)).trim().toLowerCase();
	const base = ALIASES[sheet][rawBase] ?? rawBase;
	if (separator < 0) {
		if (PLAIN_COLUMNS[sheet].includes(base)) return { kind: 'plain', key: base, header, index };
		if (TEXT_COLUMNS[sheet].includes(base))
			return { kind: 'text', key: base, language: null, header, index };
		return { kind: 'extra', header, index };
	}
	if (!TEXT_COLUMNS[sheet].includes(base)) return { kind: 'extra', header, index };
	const language = parseLanguage(header.slice(separator + 2));
	if (!language) return { kind: 'badLanguage', header, index };
	return { kind: 'text', key: base, language, header, index };
}

/** Whether an `extra` key would be read back as the same unknown column. */
export function isExtraHeader(sheet: SheetKind, header: string): boolean {
	return parseHeader(sheet, header).kind === 'extra';
}

/** `English (en)`: how a language is written in headers and in `default_language`. */
export function formatLanguage(language: SurveyLanguage): string {
	return `${language.name} (${language.code})`;
}

/** `label::English (en)`. */
export function textHeader(base: string, language: SurveyLanguage): string {
	return `${base}::${formatLanguage(language)}`;
}

/** English names of languages humanitarian forms often use, for headers like `label::French`. */
const ENGLISH_NAMES: Record<string, string> = {
	english: 'en',
	french: 'fr',
	spanish: 'es',
	arabic: 'ar',
	portuguese: 'pt',
	russian: 'ru',
	ukrainian: 'uk',
	romanian: 'ro',
	swahili: 'sw',
	kiswahili: 'sw',
	amharic: 'am',
	hausa: 'ha',
	hindi: 'hi',
	bengali: 'bn',
	bangla: 'bn',
	nepali: 'ne',
	urdu: 'ur',
	persian: 'fa',
	farsi: 'fa',
	dari: 'prs',
	thai: 'th',
	vietnamese: 'vi',
	indonesian: 'id',
	tagalog: 'tl',
	chinese: 'zh',
	pashto: 'ps',
	hebrew: 'he',
	sorani: 'ckb',
	kurdish: 'ku',
	somali: 'so',
	tigrinya: 'ti',
	burmese: 'my',
	khmer: 'km',
	turkish: 'tr',
	german: 'de',
	italian: 'it',
	polish: 'pl',
	bulgarian: 'bg',
	albanian: 'sq',
	uzbek: 'uz',
	kyrgyz: 'ky',
	tajik: 'tg',
	dutch: 'nl',
	japanese: 'ja',
	korean: 'ko',
	malay: 'ms',
	oromo: 'om',
	tamil: 'ta',
	punjabi: 'pa',
	lingala: 'ln',
	kinyarwanda: 'rw',
	yoruba: 'yo',
	igbo: 'ig',
	zulu: 'zu'
};

/** Names in their own script (`label::العربية`), from the language list the app already has. */
const NATIVE_NAMES: Record<string, string> = Object.fromEntries(
	Object.entries(KNOWN_LANGUAGES).map(([code, name]) => [name.toLowerCase(), code])
);

const CODE_LIKE = /^[a-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/;
const USABLE_CODE = /^[\p{L}\p{N}_-]{1,16}$/u;

/**
 * The language in a header suffix or in `settings.default_language`: `English (en)`, `en`,
 * `English`, `العربية`. Unknown names become their lower-cased selves as the code (as pyxform
 * treats them as opaque). Null when no usable code (≤ 16 letters, digits, `-`, `_`) results.
 */
export function parseLanguage(spec: string): LanguageRef | null {
	const text = spec.trim();
	const withCode = /^(.*?)\s*\(\s*([^()]+?)\s*\)$/.exec(text);
	if (withCode) {
		const code = normaliseCode(withCode[2] ?? '');
		const name = withCode[1]?.trim();
		if (!USABLE_CODE.test(code)) return null;
		return name ? { code, name } : { code };
	}
	const known = ENGLISH_NAMES[text.toLowerCase()] ?? NATIVE_NAMES[text.toLowerCase()];
	if (known) return { code: known, name: text };
	if (CODE_LIKE.test(text)) return { code: normaliseCode(text) };
	const code = text.toLowerCase().replace(/\s+/g, '-');
	return USABLE_CODE.test(code) ? { code, name: text } : null;
}

/** `EN` and `en` are the same language; region and script subtags keep their case. */
function normaliseCode(code: string): string {
	const [primary = '', ...rest] = code.trim().split(/(?=[-_])/);
	return [primary.toLowerCase(), ...rest].join('');
}

/**
 * What an empty `prefer_not_to_say` cell means, so import and export agree: on wherever a
 * person answers (DOMAIN.md), off on notes and calculations, and off on the safety check and
 * consent screens, which are yes/no gates where "prefer not to say" makes no sense.
 */
export function preferNotToSayByDefault(type: QuestionType): boolean {
	return !NON_ANSWER_TYPES.includes(type) && type !== 'safety_check' && type !== 'consent';
}

/**
 * Heard's question types that XLSForm lacks. They are written as `select_one` on a generated
 * yes/no list (so ODK, Kobo and pyxform accept the file), with the Heard type in the
 * `heard_type` column so an import gives them back.
 */
export const GATE_TYPES = ['safety_check', 'consent'] as const;
export type GateType = (typeof GATE_TYPES)[number];

export function isGateType(type: string): type is GateType {
	return (GATE_TYPES as readonly string[]).includes(type);
}
