import {
	allQuestions,
	type ChoiceList,
	type Instrument,
	type Question,
	type QuestionType
} from '../survey/model';
import { noteText, questionText, smsAskable } from './conversation';
import { encodingOf, smsInfo, type SmsEncoding } from './segments';

/**
 * The builder's SMS check: what an SMS respondent would get for each question, measured with
 * the conversation engine's own message text (`questionText`, `noteText`) and the same segment
 * counting the sender pays for. Advice for the manager; it never blocks publishing.
 */

export interface SmsCheckOptions {
	/** A message longer than this many segments is worth a warning. */
	maxSegments: number;
}

export const SMS_CHECK_DEFAULTS: SmsCheckOptions = { maxSegments: 3 };

export type SmsFinding =
	/** SMS cannot carry the question; `required` means the conversation ends there. */
	| { kind: 'notAskable'; type: QuestionType; required: boolean }
	| { kind: 'tooLong'; language: string; segments: number; encoding: SmsEncoding }
	/**
	 * Information, not a warning: the message needs UCS-2 (70 characters a segment instead of
	 * 160). `characters` are the distinct characters outside GSM-7, in order of appearance, so
	 * a manager can tell a lone typographic apostrophe from a script that needs Unicode.
	 */
	| { kind: 'ucs2'; language: string; characters: string[] };

/** One language's message for a question. */
export interface SmsMessageSize {
	language: string;
	segments: number;
	encoding: SmsEncoding;
}

export interface QuestionSmsCheck {
	/** One entry per survey language; empty when the question is never sent (calculations, not askable). */
	messages: SmsMessageSize[];
	findings: SmsFinding[];
}

/** Whether a finding asks the manager to act (a `ucs2` finding is information only). */
export function isWarning(finding: SmsFinding): boolean {
	return finding.kind !== 'ucs2';
}

/** Whether any finding of a question is a warning. */
export function needsAttention(findings: readonly SmsFinding[]): boolean {
	return findings.some(isWarning);
}

interface Entry {
	languages: string;
	list: ChoiceList | undefined;
	maxSegments: number;
	result: QuestionSmsCheck;
}

// The builder edits immutably (a changed question is a new object), so a question object plus
// what its message reads besides itself — the survey languages and its choice list — is a
// complete key: while a manager types, only the question being edited is measured again.
const memo = new WeakMap<Question, Entry>();

function languageCodes(instrument: Instrument): string[] {
	const codes = instrument.languages.map((l) => l.code);
	return codes.length ? codes : [instrument.defaultLanguage];
}

/** The message SMS sends for a question in one language, or null when it sends none. */
function messageOf(instrument: Instrument, question: Question, language: string): string | null {
	if (question.type === 'calculate') return null;
	if (question.type === 'note') return noteText(instrument, question, language);
	// A choice filter can only shorten the list; the check measures the longest message.
	return questionText(instrument, { ...question, choiceFilter: undefined }, language, {});
}

function measure(
	instrument: Instrument,
	question: Question,
	maxSegments: number
): QuestionSmsCheck {
	if (!smsAskable(question))
		return {
			messages: [],
			findings: [{ kind: 'notAskable', type: question.type, required: question.required === true }]
		};
	const messages: SmsMessageSize[] = [];
	const findings: SmsFinding[] = [];
	const unicode: SmsFinding[] = [];
	for (const language of languageCodes(instrument)) {
		const text = messageOf(instrument, question, language);
		if (text === null) continue;
		const { segments, encoding } = smsInfo(text);
		messages.push({ language, segments, encoding });
		if (segments > maxSegments) findings.push({ kind: 'tooLong', language, segments, encoding });
		if (encoding === 'ucs2') {
			const characters = new Set(Array.from(text).filter((c) => encodingOf(c) === 'ucs2'));
			unicode.push({ kind: 'ucs2', language, characters: [...characters] });
		}
	}
	findings.push(...unicode);
	return { messages, findings };
}

/** The SMS check of one question: its message size in every language and what to look at. */
export function checkQuestion(
	instrument: Instrument,
	question: Question,
	options: SmsCheckOptions = SMS_CHECK_DEFAULTS
): QuestionSmsCheck {
	// The default language is the fallback of every missing translation.
	const languages = [instrument.defaultLanguage, ...languageCodes(instrument)].join('\u0000');
	const list = question.listName
		? instrument.choiceLists.find((l) => l.name === question.listName)
		: undefined;
	const cached = memo.get(question);
	if (
		cached &&
		cached.languages === languages &&
		cached.list === list &&
		cached.maxSegments === options.maxSegments
	)
		return cached.result;
	const result = measure(instrument, question, options.maxSegments);
	memo.set(question, { languages, list, maxSegments: options.maxSegments, result });
	return result;
}

/**
 * The SMS check of every question, by question name in survey order (a name used twice — a
 * publishing problem of its own — gathers the findings of both).
 */
export function smsCheck(
	instrument: Instrument,
	options: SmsCheckOptions = SMS_CHECK_DEFAULTS
): Map<string, SmsFinding[]> {
	const out = new Map<string, SmsFinding[]>();
	for (const question of allQuestions(instrument)) {
		const { findings } = checkQuestion(instrument, question, options);
		const before = out.get(question.name);
		out.set(question.name, before ? [...before, ...findings] : findings);
	}
	return out;
}
