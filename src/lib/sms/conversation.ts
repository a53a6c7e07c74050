import { checkAnswers, normaliseAnswer, type AnswerErrorCode } from '../survey/answers';
import { PREFER_NOT_TO_SAY } from '../survey/chrome';
import { visibleChoices } from '../survey/choices';
import { allQuestions, textIn, type Choice, type Instrument, type Question } from '../survey/model';
import { relevanceOf, type Answers } from '../survey/relevance';
import { formatWords, wordsFor } from './words';

/**
 * The SMS conversation: one published instrument put to a person one message at a time.
 * Pure — no database, no provider, no clock: the caller passes the time in, stores the state
 * (keyed by the phone hash) and sends the messages. Every answer goes through the same check
 * as the web pages (`normaliseAnswer`, `checkAnswers`; docs/decisions/004-answers.md).
 *
 * Keywords come before the engine: the webhook answers STOP / START / HELP (`keywordOf`) and
 * the panic word (`isPanicWord`) itself and never passes those bodies to `reply`, so a person
 * can always leave, whatever question is open.
 */

/** A wrong reply is asked again at most this many times; the next wrong one moves on. */
export const MAX_REASKS = 2;

/** Written as the engine reads dates (DD/MM/YYYY); day 31 makes the order plain. */
export const DATE_EXAMPLE = '31/12/2000';

/** What is stored between two messages. Plain JSON; holds no phone number and no body. */
export interface ConversationState {
	v: 1;
	/** The survey language chosen; null while the language menu is open. */
	language: string | null;
	/** The name of the question being asked; null while the language menu is open. */
	question: string | null;
	/** Answers so far, normalised and checked one by one. Never holds `undefined`. */
	answers: Answers;
	/** Wrong replies to the open question (or menu) so far. */
	retries: number;
	/** Epoch milliseconds. */
	startedAt: number;
	lastAt: number;
	/** The person said now is a safe time (safety check passed). */
	safe: boolean;
	/** The person agreed to answer (consent given). */
	consented: boolean;
	/**
	 * The answers were stored and only the follow-up question is open ("may we send one short
	 * message later?"). Such a state never holds answers: whatever is said next is not part of
	 * the response. Absent on every other state.
	 */
	followUp?: true;
}

export type Outcome =
	'continue' | 'completed' | 'declined' | 'notNow' | 'ended' | 'expired' | 'followUp';

/** What `start` and `reply` are told about the channel. */
export interface ConversationOptions {
	/** The channel's owner turned on "offer a follow-up message" (off by default). */
	offerFollowUp?: boolean;
}

/** One turn: the messages to send and what became of the conversation. */
export type Turn =
	| { outcome: 'continue'; state: ConversationState; messages: string[] }
	/**
	 * `answers` are the final checked answers, to store like a web response. `state` is null, or
	 * — where the channel offers a follow-up message — the follow-up question's state, which
	 * holds no answers, to keep in place of the conversation once the answers are stored.
	 */
	| {
			outcome: 'completed';
			state: ConversationState | null;
			messages: string[];
			answers: Answers;
	  }
	/** The reply to the follow-up question: whether the person wants the one message later. */
	| { outcome: 'followUp'; state: null; messages: string[]; wantsFollowUp: boolean }
	| { outcome: 'declined' | 'notNow' | 'ended' | 'expired'; state: null; messages: string[] };

export type Keyword = 'stop' | 'start' | 'help';

const KEYWORDS: Record<string, Keyword> = {
	STOP: 'stop',
	STOPALL: 'stop',
	UNSUBSCRIBE: 'stop',
	CANCEL: 'stop',
	END: 'stop',
	QUIT: 'stop',
	START: 'start',
	UNSTOP: 'start',
	HELP: 'help',
	INFO: 'help'
};

/** The carrier keyword a body is, if the whole trimmed body is one (any case). */
export function keywordOf(body: string): Keyword | null {
	const word = body.normalize('NFKC').trim().toUpperCase();
	return Object.hasOwn(KEYWORDS, word) ? KEYWORDS[word]! : null;
}

/** Whether a body is the configured panic word (whole trimmed body, any case). */
export function isPanicWord(body: string, word: string | null | undefined): boolean {
	const fold = (s: string) => s.normalize('NFKC').trim().toLowerCase();
	return !!word && fold(word) !== '' && fold(body) === fold(word);
}

/**
 * Whether SMS can carry a question. Rank and long free text (appearance `multiline`) cannot:
 * the conversation skips them, and the builder's SMS check shows them to the manager.
 */
export function smsAskable(question: Question): boolean {
	if (question.type === 'rank') return false;
	if (question.type === 'text' && /(^|\s)multiline(\s|$)/.test(question.appearance ?? ''))
		return false;
	return true;
}

/**
 * A stored state read back (jsonb), or null when it is not one this engine wrote — the caller
 * then drops it and starts again rather than trusting its shape.
 */
export function readState(value: unknown): ConversationState | null {
	if (typeof value !== 'object' || value === null) return null;
	const s = value as Record<string, unknown>;
	const textOrNull = (v: unknown) => v === null || typeof v === 'string';
	const answers = s.answers;
	const answersOk =
		typeof answers === 'object' &&
		answers !== null &&
		!Array.isArray(answers) &&
		Object.values(answers).every(
			(a) => typeof a === 'string' || (Array.isArray(a) && a.every((x) => typeof x === 'string'))
		);
	const ok =
		s.v === 1 &&
		textOrNull(s.language) &&
		textOrNull(s.question) &&
		answersOk &&
		Number.isInteger(s.retries) &&
		Number.isFinite(s.startedAt) &&
		Number.isFinite(s.lastAt) &&
		typeof s.safe === 'boolean' &&
		typeof s.consented === 'boolean' &&
		(s.followUp === undefined || s.followUp === true);
	return ok ? (s as unknown as ConversationState) : null;
}

/** Opens a conversation: the language menu, or the first question when there is one language. */
export function start(
	instrument: Instrument,
	now: number | Date,
	options: ConversationOptions = {}
): Turn {
	const at = epoch(now);
	const state: ConversationState = {
		v: 1,
		language: null,
		question: null,
		answers: {},
		retries: 0,
		startedAt: at,
		lastAt: at,
		safe: false,
		consented: false
	};
	if (instrument.languages.length > 1) {
		return { outcome: 'continue', state, messages: [languageMenu(instrument)] };
	}
	const language = instrument.languages[0]?.code ?? instrument.defaultLanguage;
	return advance(instrument, { ...state, language }, 0, undefined, options);
}

/** Takes one inbound body (keywords already handled by the webhook) and answers it. */
export function reply(
	instrument: Instrument,
	state: ConversationState,
	body: string,
	now: number | Date,
	options: ConversationOptions & { expiresAfterMs: number }
): Turn {
	const at = epoch(now);
	if (state.followUp) return followUpReply(state, body, at, options.expiresAfterMs);
	if (at - state.lastAt > options.expiresAfterMs) {
		const words = wordsFor(state.language ?? instrument.defaultLanguage);
		return { outcome: 'expired', state: null, messages: [words.expired] };
	}
	const current: ConversationState = { ...state, lastAt: at };
	if (current.language === null) return chooseLanguage(instrument, current, body, options);

	const questions = allQuestions(instrument);
	const index = questions.findIndex((q) => q.name === current.question);
	const words = wordsFor(current.language);
	if (index < 0) return { outcome: 'ended', state: null, messages: [words.ended] };
	const question = questions[index]!;
	const context = contextOf(instrument, current.answers);

	const read = readReply(question, instrument, body, current.language, context.answers);
	let value = read.value;
	let error = read.error;
	if (value !== undefined && !error) {
		// The rest of the one check: constraint and choice filter, with the answers so far.
		const checked = checkAnswers(
			instrument,
			{ ...current.answers, [question.name]: value },
			{ only: new Set([question.name]), visibleFor: visibilityOf(instrument) }
		);
		error = checked.errors.find((e) => e.question === question.name)?.code;
		if (error) value = undefined;
	}
	if (value === undefined || error) {
		if (current.retries < MAX_REASKS) {
			const hint = hintFor(question, instrument, current.language, error);
			const text = questionText(instrument, question, current.language, context.answers);
			return {
				outcome: 'continue',
				state: { ...current, retries: current.retries + 1 },
				messages: [`${hint}\n${text}`]
			};
		}
		if (mustAnswer(question)) return { outcome: 'ended', state: null, messages: [words.ended] };
		return advance(instrument, { ...current, retries: 0 }, index + 1, words.skipped, options);
	}

	if (question.type === 'safety_check' && value === 'no')
		return { outcome: 'notNow', state: null, messages: [words.notNowLeft] };
	if (question.type === 'consent' && value === 'no')
		return { outcome: 'declined', state: null, messages: [words.declinedLeft] };
	const next: ConversationState = {
		...current,
		answers: { ...current.answers, [question.name]: value },
		retries: 0,
		safe: current.safe || question.type === 'safety_check',
		consented: current.consented || question.type === 'consent'
	};
	return advance(instrument, next, index + 1, undefined, options);
}

/**
 * The one reply to the follow-up question: 1 yes, 2 no. Anything else is asked again (as any
 * question is), and after the re-asks counts as no: a person is never kept on a number they did
 * not clearly give. An old reply (past the expiry) is no as well, and answered with silence.
 */
function followUpReply(
	state: ConversationState,
	body: string,
	at: number,
	expiresAfterMs: number
): Turn {
	const words = wordsFor(state.language ?? 'en');
	if (at - state.lastAt > expiresAfterMs)
		return { outcome: 'followUp', state: null, messages: [], wantsFollowUp: false };
	const typed = compact(body).replace(/[.)]$/, '');
	if (typed === '1')
		return { outcome: 'followUp', state: null, messages: [words.followUpYes], wantsFollowUp: true };
	if (typed === '2' || state.retries >= MAX_REASKS)
		return { outcome: 'followUp', state: null, messages: [words.followUpNo], wantsFollowUp: false };
	return {
		outcome: 'continue',
		state: { ...state, retries: state.retries + 1, lastAt: at },
		messages: [`${words.notUnderstood}\n${words.followUpAsk}`]
	};
}

function epoch(now: number | Date): number {
	return typeof now === 'number' ? now : now.getTime();
}

/** Safety check and consent can never be skipped, whatever the instrument says. */
function mustAnswer(q: Question): boolean {
	return q.required === true || q.type === 'safety_check' || q.type === 'consent';
}

const visibilities = new WeakMap<Instrument, (answers: Answers) => Set<string>>();

/** Skip logic compiled once per instrument object (published versions never change). */
function visibilityOf(instrument: Instrument): (answers: Answers) => Set<string> {
	let visible = visibilities.get(instrument);
	if (!visible) {
		visible = relevanceOf(instrument);
		visibilities.set(instrument, visible);
	}
	return visible;
}

/**
 * The answers as choice filters see them (hidden answers dropped, calculations computed) and
 * the questions shown. Shown is decided exactly as `checkAnswers` decides it — with the
 * calculations settled — so no question is asked whose answer the check would drop.
 */
function contextOf(instrument: Instrument, answers: Answers) {
	const visibleFor = visibilityOf(instrument);
	const checked = checkAnswers(instrument, answers, { visibleFor });
	return { answers: checked.answers, visible: visibleFor(checked.answers) };
}

/**
 * From a question on: sends the notes that show, skips calculations and what SMS cannot ask,
 * and stops at the next question to ask — or completes. `prefix` goes before the first message.
 */
function advance(
	instrument: Instrument,
	state: ConversationState,
	from: number,
	prefix?: string,
	options: ConversationOptions = {}
): Turn {
	const language = state.language ?? instrument.defaultLanguage;
	const words = wordsFor(language);
	const questions = allQuestions(instrument);
	const context = contextOf(instrument, state.answers);
	const messages: string[] = [];
	const send = (text: string) =>
		messages.push(prefix !== undefined && messages.length === 0 ? `${prefix}\n${text}` : text);

	for (let i = from; i < questions.length; i++) {
		const q = questions[i]!;
		if (!context.visible.has(q.name) || q.type === 'calculate') continue;
		if (q.type === 'note') {
			send(noteText(instrument, q, language));
			continue;
		}
		const askable =
			smsAskable(q) &&
			(!isChoiceType(q) || visibleChoices(q, instrument, context.answers).length > 0);
		if (!askable) {
			if (mustAnswer(q)) return { outcome: 'ended', state: null, messages: [words.ended] };
			continue;
		}
		send(questionText(instrument, q, language, context.answers));
		return { outcome: 'continue', state: { ...state, question: q.name, retries: 0 }, messages };
	}
	return complete(instrument, state, messages, send, options);
}

/** The one check of the whole conversation; what passes it is what is stored. */
function complete(
	instrument: Instrument,
	state: ConversationState,
	messages: string[],
	send: (text: string) => void,
	options: ConversationOptions
): Turn {
	const words = wordsFor(state.language ?? instrument.defaultLanguage);
	const visibleFor = visibilityOf(instrument);
	let checked = checkAnswers(instrument, state.answers, { visibleFor });
	// An answer can fail a constraint that reads a later answer: the check drops it; checking
	// again settles what that changes in skip logic.
	for (let round = 0; round < 5 && checked.errors.length; round++) {
		if (checked.errors.some((e) => e.code === 'required')) break;
		checked = checkAnswers(instrument, checked.answers, { visibleFor });
	}
	if (checked.errors.length) return { outcome: 'ended', state: null, messages: [words.ended] };
	send(words.thankYou);
	if (!options.offerFollowUp)
		return { outcome: 'completed', state: null, messages, answers: checked.answers };
	// Asked once the answers are final, in a fresh state that carries none of them: the reply
	// decides only whether a number is kept for one message later, never what is stored.
	messages.push(words.followUpAsk);
	const followUp: ConversationState = {
		v: 1,
		language: state.language,
		question: null,
		answers: {},
		retries: 0,
		startedAt: state.lastAt,
		lastAt: state.lastAt,
		safe: true,
		consented: true,
		followUp: true
	};
	return { outcome: 'completed', state: followUp, messages, answers: checked.answers };
}

function languageMenu(instrument: Instrument): string {
	return instrument.languages.map((l, i) => `${i + 1} ${l.name}`).join('\n');
}

/** The menu's reply: a number, or the language's name or code; after the re-asks, the default. */
function chooseLanguage(
	instrument: Instrument,
	state: ConversationState,
	body: string,
	options: ConversationOptions
): Turn {
	const languages = instrument.languages;
	const typed = compact(body);
	const folded = body.normalize('NFKC').trim().toLowerCase();
	const n = /^\d+$/.test(typed) ? Number(typed) : NaN;
	const chosen =
		(Number.isInteger(n) && n >= 1 ? languages[n - 1] : undefined) ??
		languages.find((l) => l.name.toLowerCase() === folded || l.code.toLowerCase() === folded);
	if (!chosen && state.retries < MAX_REASKS) {
		return {
			outcome: 'continue',
			state: { ...state, retries: state.retries + 1 },
			messages: [languageMenu(instrument)]
		};
	}
	const language = chosen?.code ?? instrument.defaultLanguage;
	return advance(instrument, { ...state, language, retries: 0 }, 0, undefined, options);
}

// --- Reading replies ---------------------------------------------------------------------

/** The first code point of each run of decimal digits SMS bodies arrive in. */
const DIGIT_ZEROS = [
	0x0660, // Arabic-Indic
	0x06f0, // Extended Arabic-Indic (Persian, Urdu)
	0x0966, // Devanagari
	0x09e6, // Bengali
	0x0e50, // Thai
	0xff10 // Full-width (Chinese, Japanese keyboards)
];

/** Direction marks and zero-width characters phones insert, and the keycap emoji's parts. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]|\ufe0f|\u20e3/g;

/** A body as numbers are read from it: trimmed, invisible marks gone, digits made ASCII. */
function compact(body: string): string {
	let out = '';
	for (const ch of body.replace(INVISIBLE, '')) {
		const cp = ch.codePointAt(0)!;
		const zero = DIGIT_ZEROS.find((z) => cp >= z && cp <= z + 9);
		out += zero === undefined ? ch : String(cp - zero);
	}
	return out
		.replace(/\u066b/g, '.') // Arabic decimal separator
		.trim();
}

const DASHES = /^[-\u2010-\u2015\u2212]$/;

/** Never a choice name (those have no dot): the one check refuses it as an invalid choice. */
const INVALID = '.invalid';

/**
 * The reply meaning "prefer not to say": 0, except where 0 is itself an answer (whole and
 * decimal numbers, a scale that has 0 on it); there it is a dash.
 */
export function preferNotToSayCode(question: Question): '0' | '-' {
	if (question.type === 'integer' || question.type === 'decimal') return '-';
	const r = question.range;
	if (question.type === 'range' && r && r.start <= 0 && r.end >= 0) {
		const steps = (0 - r.start) / (r.step || 1);
		if (Math.abs(steps - Math.round(steps)) < 1e-9) return '-';
	}
	return '0';
}

function isChoiceType(q: Question): boolean {
	return q.type === 'select_one' || q.type === 'select_multiple';
}

/** Numbered options as the person sees them: choices, or the two fixed ones. */
function optionsOf(
	q: Question,
	instrument: Instrument,
	language: string,
	answers: Answers
): { value: string; label: string }[] {
	const words = wordsFor(language);
	if (q.type === 'safety_check')
		return [
			{ value: 'yes', label: words.yesContinue },
			{ value: 'no', label: words.notNow }
		];
	if (q.type === 'consent')
		return [
			{ value: 'yes', label: words.agree },
			{ value: 'no', label: words.decline }
		];
	return visibleChoices(q, instrument, answers).map((c: Choice) => ({
		value: c.name,
		label: textIn(c.label, language, instrument.defaultLanguage)
	}));
}

/** A body turned into the raw value the one check expects, or the reason it cannot be. */
function readReply(
	q: Question,
	instrument: Instrument,
	body: string,
	language: string,
	answers: Answers
): { value: string | string[] | undefined; error?: AnswerErrorCode } {
	const typed = compact(body);
	const code = preferNotToSayCode(q);
	const isCode = (token: string) => (code === '-' ? DASHES.test(token) : token === '0');
	const raw = (): string | string[] | undefined => {
		if (typed === '') return undefined;
		if (q.preferNotToSay && isCode(typed)) return PREFER_NOT_TO_SAY;
		switch (q.type) {
			case 'safety_check':
			case 'consent':
			case 'select_one':
				return pick(optionsOf(q, instrument, language, answers), typed, body)?.value ?? INVALID;
			case 'select_multiple': {
				const options = optionsOf(q, instrument, language, answers);
				const tokens = typed.split(/[\s,;\u060c\u3001\uff0c]+/).filter(Boolean);
				const picked = tokens.map((t) => (isCode(t) ? PREFER_NOT_TO_SAY : pick(options, t)?.value));
				if (picked.some((p) => p === undefined)) return [INVALID];
				const order = options.map((o) => o.value);
				return [...(picked as string[])].sort((a, b) => order.indexOf(a) - order.indexOf(b));
			}
			case 'range':
				return typed.replace(',', '.');
			case 'integer':
			case 'decimal':
				return typed;
			case 'date':
				return readDate(typed);
			case 'text':
				return body.trim();
			default:
				return undefined;
		}
	};
	const value = raw();
	if (value === undefined) return { value: undefined, error: 'invalidChoice' };
	const normalised = normaliseAnswer(q, instrument, value);
	if (normalised.value === undefined && !normalised.error)
		return { value: undefined, error: 'invalidChoice' };
	return normalised;
}

/** An option by its number, or by its label typed out in full (any case). */
function pick<T extends { label: string }>(
	options: T[],
	typed: string,
	body?: string
): T | undefined {
	if (/^\d{1,3}[.)]?$/.test(typed)) {
		const n = Number.parseInt(typed, 10);
		return n >= 1 ? options[n - 1] : undefined;
	}
	const folded = (body ?? typed).normalize('NFKC').trim().toLowerCase();
	return options.find((o) => o.label.toLowerCase() === folded);
}

/** YYYY-MM-DD as it is, and DD/MM/YYYY (also with dots or dashes) as YYYY-MM-DD. */
function readDate(typed: string): string {
	const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(typed);
	if (!dmy) return typed;
	return `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
}

// --- Writing messages --------------------------------------------------------------------

/** A note as its own message: its label and hint (the builder's SMS check counts it too). */
export function noteText(instrument: Instrument, q: Question, language: string): string {
	const fallback = instrument.defaultLanguage;
	return [textIn(q.label, language, fallback), textIn(q.hint, language, fallback)]
		.filter(Boolean)
		.join('\n');
}

/** One question as one message: its label and hint, the numbered options, how to reply. */
export function questionText(
	instrument: Instrument,
	q: Question,
	language: string,
	answers: Answers
): string {
	const words = wordsFor(language);
	const fallback = instrument.defaultLanguage;
	const lines = [textIn(q.label, language, fallback)];
	// The safety check's hint speaks of the web page's exit button; SMS has STOP instead.
	const hint = q.type === 'safety_check' ? '' : textIn(q.hint, language, fallback);
	if (hint) lines.push(hint);
	const code = preferNotToSayCode(q);
	const skipLine = formatWords(words.preferNotToSayLine, { code });
	switch (q.type) {
		case 'safety_check':
		case 'consent':
		case 'select_one':
		case 'select_multiple': {
			optionsOf(q, instrument, language, answers).forEach((o, i) =>
				lines.push(`${i + 1} ${o.label}`)
			);
			if (q.preferNotToSay) lines.push(`0 ${words.preferNotToSay}`);
			lines.push(q.type === 'select_multiple' ? words.chooseMany : words.chooseOne);
			return lines.join('\n');
		}
		case 'range': {
			const r = q.range ?? { start: 0, end: 10, step: 1 };
			const start = textIn(r.startLabel, language, fallback);
			const end = textIn(r.endLabel, language, fallback);
			// A hint usually explains the scale already; the end labels only when none does.
			if (!hint && start) lines.push(`${r.start} ${start}`);
			if (!hint && end) lines.push(`${r.end} ${end}`);
			const template = r.step === 1 ? words.range : words.rangeStep;
			lines.push(formatWords(template, { start: r.start, end: r.end, step: r.step }));
			break;
		}
		case 'integer':
			lines.push(words.wholeNumber);
			break;
		case 'decimal':
			lines.push(words.number);
			break;
		case 'date':
			lines.push(formatWords(words.date, { example: DATE_EXAMPLE }));
			break;
	}
	if (q.preferNotToSay) lines.push(skipLine);
	return lines.join('\n');
}

function hintFor(
	q: Question,
	instrument: Instrument,
	language: string,
	error: AnswerErrorCode | undefined
): string {
	const words = wordsFor(language);
	switch (error) {
		case 'outOfRange':
			return words.outOfRange;
		case 'tooLong':
			return words.tooLong;
		case 'constraint':
			return textIn(q.constraintMessage, language, instrument.defaultLanguage) || words.notAccepted;
		default:
			return words.notUnderstood;
	}
}
