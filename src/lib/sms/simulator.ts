import type { Instrument } from '../survey/model';
import { keywordOf, readState, reply, start, type ConversationState } from './conversation';
import { helpText, optedInText, optedOutText } from './words';

/**
 * The SMS simulator: the conversation engine with the webhook's keyword rules in front of it,
 * but no provider, no phone and no storage. The caller keeps `SimulatorMeta` in the page.
 * Pure, like the engine; the panic word is a channel's, so it does not apply here.
 */

export interface SimulatorMeta {
	conversation: ConversationState | null;
	/** After STOP nothing is sent until START, as on a real number. */
	optedOut: boolean;
	/** The last conversation language, for keyword answers once a conversation has ended. */
	language: string | null;
}

export interface SimulatorReply {
	text: string;
	/** The conversation language the text is in; null for the language menu. */
	lang: string | null;
}

export interface SimulatorStep {
	meta: SimulatorMeta;
	messages: SimulatorReply[];
	/** What became of the conversation this turn (`continue` while it goes on). */
	outcome:
		| 'continue'
		| 'completed'
		| 'declined'
		| 'notNow'
		| 'ended'
		| 'expired'
		| 'followUp'
		| 'optedOut';
}

export interface SimulatorOptions {
	/** The start keyword the help text names. */
	keyword: string;
	expiresAfterMs: number;
	/** The channel offers a follow-up message: the question comes after the thank-you. */
	offerFollowUp?: boolean;
}

/** The meta posted back, checked: the engine's state through `readState`, or null when absent. */
export function readMeta(value: {
	conversation: unknown;
	optedOut: boolean;
	language: string | null;
}): SimulatorMeta | null {
	if (value.conversation === null)
		return { conversation: null, optedOut: value.optedOut, language: value.language };
	const conversation = readState(value.conversation);
	return conversation ? { conversation, optedOut: value.optedOut, language: value.language } : null;
}

/** Opens a fresh conversation, as texting the start keyword would. */
export function openConversation(
	instrument: Instrument,
	now: number,
	options: { offerFollowUp?: boolean } = {}
): SimulatorStep {
	const turn = start(instrument, now, { offerFollowUp: options.offerFollowUp });
	const language = turn.state?.language ?? null;
	return {
		meta: { conversation: turn.state, optedOut: false, language },
		messages: turn.messages.map((text) => ({ text, lang: language })),
		outcome: turn.outcome
	};
}

/** One message from the person: keywords first (as the webhook), then the engine. */
export function sendMessage(
	instrument: Instrument,
	meta: SimulatorMeta,
	body: string,
	now: number,
	options: SimulatorOptions
): SimulatorStep {
	const language = meta.conversation?.language ?? meta.language;
	const wordsLang = language ?? instrument.defaultLanguage;
	const say = (text: string) => [{ text, lang: language }];
	const keyword = keywordOf(body);
	if (keyword === 'stop')
		return {
			meta: { conversation: null, optedOut: true, language },
			messages: say(optedOutText(wordsLang)),
			outcome: 'optedOut'
		};
	if (keyword === 'start')
		return {
			meta: { ...meta, optedOut: false },
			messages: say(optedInText(wordsLang, options.keyword)),
			outcome: meta.conversation ? 'continue' : 'ended'
		};
	if (keyword === 'help')
		return {
			meta,
			messages: say(helpText(wordsLang, options.keyword)),
			outcome: meta.conversation ? 'continue' : 'ended'
		};
	if (meta.optedOut) return { meta, messages: [], outcome: 'optedOut' };
	if (!meta.conversation) return openConversation(instrument, now, options);

	const turn = reply(instrument, meta.conversation, body, now, {
		expiresAfterMs: options.expiresAfterMs,
		offerFollowUp: options.offerFollowUp
	});
	const after = turn.state?.language ?? meta.conversation.language ?? null;
	return {
		meta: { conversation: turn.state, optedOut: false, language: after },
		messages: turn.messages.map((text) => ({ text, lang: after })),
		outcome: turn.outcome
	};
}
