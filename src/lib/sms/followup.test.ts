import { describe, expect, it } from 'vitest';
import { DEMO_SURVEY } from '../server/demo/survey';
import {
	MAX_REASKS,
	readState,
	reply,
	start,
	type ConversationOptions,
	type ConversationState,
	type Turn
} from './conversation';
import { smsInfo } from './segments';
import { sendMessage, type SimulatorMeta } from './simulator';
import { SMS_LANGUAGES, smsWordsFor, wordsFor } from './words';

/**
 * The follow-up question ("may we send you one short message later?") at the end of an SMS
 * survey, where a channel's owner turned it on (docs/decisions/010).
 */

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 11, 2, 9, 0);
const EXPIRY = { expiresAfterMs: 3 * DAY };

/** Answers the demo survey with "1" to everything (language 1 = English, 4 = Arabic). */
function finish(options: ConversationOptions, menuChoice = '1') {
	let turn: Turn = start(DEMO_SURVEY, T0, options);
	let at = T0;
	const replies = [menuChoice];
	for (let i = 0; i < 80 && turn.outcome === 'continue'; i++) {
		at += 60_000;
		turn = reply(DEMO_SURVEY, turn.state, replies.shift() ?? '1', at, { ...EXPIRY, ...options });
	}
	expect(turn.outcome).toBe('completed');
	return { turn: turn as Extract<Turn, { outcome: 'completed' }>, at };
}

/** The follow-up state a finished conversation leaves, and the time it was left. */
function followUpState(menuChoice = '1') {
	const { turn, at } = finish({ offerFollowUp: true }, menuChoice);
	expect(turn.state).not.toBeNull();
	return { state: turn.state!, at };
}

describe('the follow-up question', () => {
	it('is not asked where the channel does not offer it (the default)', () => {
		for (const options of [{}, { offerFollowUp: false }]) {
			const { turn } = finish(options);
			expect(turn.state).toBeNull();
			expect(turn.messages.at(-1)).toBe(wordsFor('en').thankYou);
			expect(turn.messages.join('\n')).not.toContain(smsWordsFor('en').followUpAsk);
		}
	});

	it('is asked once, after the thank-you, where the channel offers it; the answers are final before it', () => {
		const off = finish({}).turn;
		const on = finish({ offerFollowUp: true }).turn;
		expect(on.messages.slice(-2)).toEqual([wordsFor('en').thankYou, smsWordsFor('en').followUpAsk]);
		expect(on.messages.filter((m) => m === smsWordsFor('en').followUpAsk)).toHaveLength(1);
		// Exactly the answers the survey gets without the question: it adds nothing to them.
		expect(on.answers).toEqual(off.answers);
		expect(on.state).toMatchObject({ followUp: true, language: 'en', question: null, answers: {} });
	});

	it('leaves a state that carries no answer and survives the database round trip', () => {
		const { state } = followUpState();
		const stored = JSON.parse(JSON.stringify(state)) as unknown;
		expect(readState(stored)).toEqual(state);
		expect(Object.keys(state.answers)).toEqual([]);
		// A state this engine did not write is refused rather than trusted.
		expect(readState({ ...state, followUp: 'yes' })).toBeNull();
		expect(readState({ ...state, followUp: false })).toBeNull();
	});

	it('is asked in the conversation’s language', () => {
		const { turn } = finish({ offerFollowUp: true }, '4');
		expect(turn.messages.at(-1)).toBe(smsWordsFor('ar').followUpAsk);
		expect(turn.state?.language).toBe('ar');
	});

	it.each([
		['1', true],
		[' 1 ', true],
		['1.', true],
		['١', true], // Arabic-Indic digit one
		['2', false],
		['٢', false]
	])('reads %j as wants a message: %s', (body, wants) => {
		const { state, at } = followUpState();
		const turn = reply(DEMO_SURVEY, state, body, at + 60_000, EXPIRY);
		expect(turn).toEqual({
			outcome: 'followUp',
			state: null,
			wantsFollowUp: wants,
			messages: [wants ? smsWordsFor('en').followUpYes : smsWordsFor('en').followUpNo]
		});
	});

	it('asks again after a reply it cannot read, and after the re-asks takes it as no', () => {
		const { state: first, at } = followUpState();
		let state: ConversationState = first;
		for (let i = 1; i <= MAX_REASKS; i++) {
			const turn = reply(DEMO_SURVEY, state, 'yes please', at + i * 60_000, EXPIRY);
			expect(turn.outcome).toBe('continue');
			expect(turn.messages).toEqual([
				`${smsWordsFor('en').notUnderstood}\n${smsWordsFor('en').followUpAsk}`
			]);
			expect(turn.state).toMatchObject({ followUp: true, retries: i, answers: {} });
			state = turn.state!;
		}
		const last = reply(DEMO_SURVEY, state, 'maybe', at + 10 * 60_000, EXPIRY);
		expect(last).toMatchObject({ outcome: 'followUp', wantsFollowUp: false });
		// Not even a late "1" after that: the conversation is over.
		expect(last.state).toBeNull();
	});

	it('takes an answer after the conversation expired as no, in silence', () => {
		const { state, at } = followUpState();
		const turn = reply(DEMO_SURVEY, state, '1', at + 4 * DAY, EXPIRY);
		expect(turn).toEqual({ outcome: 'followUp', state: null, messages: [], wantsFollowUp: false });
	});

	it('gives way to STOP: the simulator (the webhook’s keyword rules) opts out at that point', () => {
		const { state } = followUpState();
		const meta: SimulatorMeta = { conversation: state, optedOut: false, language: 'en' };
		const step = sendMessage(DEMO_SURVEY, meta, 'STOP', T0 + DAY, {
			keyword: 'HELLO',
			expiresAfterMs: EXPIRY.expiresAfterMs,
			offerFollowUp: true
		});
		expect(step.outcome).toBe('optedOut');
		expect(step.meta.conversation).toBeNull();
		expect(step.messages.map((m) => m.text)).toEqual([smsWordsFor('en').optedOut]);
	});

	it('plays through the simulator with the option on: thank-you, question, then the reply', () => {
		const options = {
			keyword: 'HELLO',
			expiresAfterMs: EXPIRY.expiresAfterMs,
			offerFollowUp: true
		};
		let meta: SimulatorMeta = { conversation: null, optedOut: false, language: null };
		let step = sendMessage(DEMO_SURVEY, meta, 'HELLO', T0, options);
		for (let i = 0; i < 80 && step.outcome === 'continue'; i++) {
			meta = step.meta;
			step = sendMessage(DEMO_SURVEY, meta, '1', T0 + (i + 1) * 60_000, options);
		}
		expect(step.outcome).toBe('completed');
		expect(step.messages.at(-1)?.text).toBe(smsWordsFor('en').followUpAsk);
		const answered = sendMessage(DEMO_SURVEY, step.meta, '2', T0 + 2 * 60 * 60_000, options);
		expect(answered).toMatchObject({ outcome: 'followUp', meta: { conversation: null } });
	});
});

describe('the follow-up words', () => {
	it('offer the two numbered replies in every language, in one segment, and differ from English', () => {
		const problems: string[] = [];
		for (const code of SMS_LANGUAGES) {
			const words = smsWordsFor(code);
			if (!/(^|\D)1(\D|$)/.test(words.followUpAsk) || !/(^|\D)2(\D|$)/.test(words.followUpAsk))
				problems.push(`${code}: numbers`);
			for (const key of ['followUpAsk', 'followUpYes', 'followUpNo'] as const) {
				if (smsInfo(words[key]).segments !== 1) problems.push(`${code}.${key}: segments`);
				if (code !== 'en' && words[key] === smsWordsFor('en')[key]) problems.push(`${code}.${key}`);
			}
			// A yes is told how to take it back.
			if (!words.followUpYes.includes('STOP')) problems.push(`${code}.followUpYes: STOP`);
		}
		expect(problems).toEqual([]);
	});

	it('ask neutrally: no survey, topic or sender named, no promise of what will change', () => {
		const en = smsWordsFor('en');
		expect(en.followUpAsk).toBe(
			'May we send you one short message later about what changes? Reply 1 yes, 2 no.'
		);
		for (const key of ['followUpAsk', 'followUpYes', 'followUpNo'] as const)
			expect(en[key]).not.toMatch(/survey|questionnaire|help|support|programme|will change/i);
	});
});
