/**
 * The survey instrument: the one model shared by the builder, the respondent pages (web and
 * SMS), the XLSForm import/export and the indicators. Plain JSON, stored as a draft while it is
 * edited and frozen into an immutable version when published.
 */

/** Language → text. A missing language falls back to the survey's default language. */
export type Text = Record<string, string>;

export interface SurveyLanguage {
	/** BCP 47 code as used in XLSForm headers, e.g. `en`, `ar`, `pt-BR`. */
	code: string;
	/** The language's name in its own script (shown to respondents choosing a language). */
	name: string;
	/** Set per language, never guessed from the text (DOMAIN.md). */
	dir: 'ltr' | 'rtl';
}

export const QUESTION_TYPES = [
	'safety_check',
	'consent',
	'select_one',
	'select_multiple',
	'range',
	'integer',
	'decimal',
	'text',
	'date',
	'note',
	'calculate',
	'rank'
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Types whose answers come from a choice list. */
export const LIST_TYPES: readonly QuestionType[] = ['select_one', 'select_multiple', 'rank'];
/** Types a respondent never answers (no "prefer not to say", no `required`). */
export const NON_ANSWER_TYPES: readonly QuestionType[] = ['note', 'calculate'];

export interface Range {
	start: number;
	end: number;
	step: number;
	/** Labels of the two ends, e.g. "Not at all safe" … "Completely safe". */
	startLabel?: Text;
	endLabel?: Text;
}

export interface Question {
	/** Builder-only identity, stable while names are edited; not exported to XLSForm. */
	id: string;
	type: QuestionType;
	/** Stable XLSForm name: indicators bind to it across versions. */
	name: string;
	label: Text;
	hint?: Text;
	required?: boolean;
	requiredMessage?: Text;
	relevant?: string;
	constraint?: string;
	constraintMessage?: Text;
	calculation?: string;
	choiceFilter?: string;
	appearance?: string;
	default?: string;
	/** Choice list name for select_one / select_multiple / rank. */
	listName?: string;
	range?: Range;
	/** Offer "prefer not to say" (DOMAIN.md: on every question, on by default). */
	preferNotToSay: boolean;
	/** XLSForm columns we do not interpret, kept so a round trip loses nothing. */
	extra?: Record<string, string>;
}

export interface Page {
	id: string;
	/** The `begin group` name. */
	name: string;
	label: Text;
	relevant?: string;
	appearance?: string;
	questions: Question[];
	extra?: Record<string, string>;
}

export interface Choice {
	name: string;
	label: Text;
	extra?: Record<string, string>;
}

export interface ChoiceList {
	name: string;
	choices: Choice[];
}

export interface Instrument {
	/** XLSForm settings.form_id. */
	formId: string;
	languages: SurveyLanguage[];
	defaultLanguage: string;
	/** Neutral public title (no organisation or topic words: it shows on a shared phone). */
	title: Text;
	pages: Page[];
	choiceLists: ChoiceList[];
	/** Unknown settings columns, kept for round trips. */
	settingsExtra?: Record<string, string>;
}

/** Text in `lang`, falling back to the default language, then to any language at all. */
export function textIn(text: Text | undefined, lang: string, fallback: string): string {
	if (!text) return '';
	return text[lang] || text[fallback] || Object.values(text).find(Boolean) || '';
}

/** Every question in page order. */
export function allQuestions(instrument: Instrument): Question[] {
	return instrument.pages.flatMap((p) => p.questions);
}

/** A fresh builder id (not a secret; only has to be unique within one instrument). */
export function newId(): string {
	return Math.random().toString(36).slice(2, 10) + Date.now().toString(36).slice(-4);
}
