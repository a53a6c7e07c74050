import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEMO_SURVEY } from '../server/demo/survey';
import { checkAnswers } from '../survey/answers';
import { PREFER_NOT_TO_SAY } from '../survey/chrome';
import {
	allQuestions,
	textIn,
	type ChoiceList,
	type Instrument,
	type Question
} from '../survey/model';
import { relevanceOf, type Answers } from '../survey/relevance';
import {
	isPanicWord,
	keywordOf,
	MAX_REASKS,
	preferNotToSayCode,
	readState,
	reply,
	smsAskable,
	start,
	type ConversationState,
	type Turn
} from './conversation';
import { formatWords, wordsFor } from './words';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2025, 2, 1, 9, 0);
const OPTIONS = { expiresAfterMs: 3 * DAY };

/** A hand-made question: optional, "prefer not to say" offered unless said otherwise. */
function q(type: Question['type'], name: string, more: Partial<Question> = {}): Question {
	return { id: name, type, name, label: { en: `Q ${name}?` }, preferNotToSay: true, ...more };
}

const list = (name: string, ...names: string[]): ChoiceList => ({
	name,
	choices: names.map((n) => ({ name: n, label: { en: n.toUpperCase() } }))
});

/** One page, English only, safety check and consent left out unless given. */
function instrument(questions: Question[], choiceLists: ChoiceList[] = []): Instrument {
	return {
		formId: 'test',
		languages: [{ code: 'en', name: 'English', dir: 'ltr' }],
		defaultLanguage: 'en',
		title: { en: 'Questions' },
		pages: [{ id: 'p', name: 'p', label: { en: 'Page' }, questions }],
		choiceLists: [list('abc', 'a', 'b', 'c'), list('yn', 'yes', 'no'), ...choiceLists]
	};
}

/** Plays the replies one minute apart; stops at the first turn that ends the conversation. */
function play(inst: Instrument, replies: string[], roundTrip = false) {
	const turns: Turn[] = [start(inst, T0)];
	for (const [i, body] of replies.entries()) {
		const last = turns[turns.length - 1]!;
		if (!last.state) throw new Error(`conversation over before reply ${i + 1} (${body})`);
		const state: ConversationState = roundTrip
			? JSON.parse(JSON.stringify(last.state))
			: last.state;
		turns.push(reply(inst, state, body, T0 + (i + 1) * 60_000, OPTIONS));
	}
	const last = turns[turns.length - 1]!;
	return { turns, last, messages: turns.flatMap((t) => t.messages) };
}

const answersOf = (turn: Turn): Answers => {
	if (turn.outcome !== 'completed') throw new Error(`not completed: ${turn.outcome}`);
	return turn.answers;
};

const en = wordsFor('en');

describe('start', () => {
	it('opens with a numbered language menu, each language in its own script', () => {
		const turn = start(DEMO_SURVEY, T0);
		expect(turn.messages).toEqual(['1 English\n2 Français\n3 Español\n4 العربية']);
		expect(turn.state).toMatchObject({ language: null, question: null, answers: {} });
		expect(turn.state).toMatchObject({ startedAt: T0, lastAt: T0 });
	});

	it('goes straight to the first question when the survey has one language', () => {
		const turn = start(instrument([q('select_one', 'pick', { listName: 'abc' })]), new Date(T0));
		expect(turn.outcome).toBe('continue');
		expect(turn.state).toMatchObject({ language: 'en', question: 'pick', startedAt: T0 });
		expect(turn.messages).toEqual([`Q pick?\n1 A\n2 B\n3 C\n0 Prefer not to say\n${en.chooseOne}`]);
	});
});

describe('language menu', () => {
	it.each([
		['1', 'en'],
		['2', 'fr'],
		[' 3 ', 'es'],
		['٤', 'ar'],
		['Français', 'fr'],
		['español', 'es'],
		['ar', 'ar']
	])('reply %j chooses %s and asks the safety check in it', (body, code) => {
		const { last } = play(DEMO_SURVEY, [body]);
		expect(last.state).toMatchObject({ language: code, question: 'safety_check' });
		const label = allQuestions(DEMO_SURVEY)[0]!.label;
		expect(last.messages[0]).toContain(textIn(label, code, 'en'));
		expect(last.messages[0]).toContain(`1 ${wordsFor(code).yesContinue}`);
		expect(last.messages[0]).toContain(`2 ${wordsFor(code).notNow}`);
	});

	it('sends the menu again after an invalid choice, then falls back to the default language', () => {
		const menu = '1 English\n2 Français\n3 Español\n4 العربية';
		const { turns } = play(DEMO_SURVEY, ['5', 'hello', '0']);
		expect(turns[1]!.messages).toEqual([menu]);
		expect(turns[2]!.messages).toEqual([menu]);
		expect(turns[1]!.state).toMatchObject({ language: null, retries: 1 });
		expect(turns[3]!.state).toMatchObject({ language: 'en', question: 'safety_check', retries: 0 });
	});
});

/** The demo answered in full: reply, then the answer it stores. */
const DEMO_SCRIPT: [string, string, string | string[] | undefined][] = [
	['safety_check', '1', 'yes'],
	['consent', '1', 'yes'],
	['satisfaction', '3', 'not_very_satisfied'],
	['dissatisfaction_reasons', '3, 1', ['waited_too_long', 'not_treated_with_respect']],
	['support_received', '1 2 7', ['housing', 'health', 'help_returning_home']],
	['respect', '1', 'strongly_agree'],
	['clear_information', '2', 'agree'],
	['say_in_decisions', '0', PREFER_NOT_TO_SAY],
	['privacy_kept', '1', 'yes'],
	['felt_safe_during', '2', 'mostly'],
	['safety_today', '0', '0'],
	['know_where_help', '1', 'strongly_agree'],
	['regular_income', '2', 'irregular'],
	['people_to_rely_on', '3', 'several'],
	['waited_too_long', '1', 'yes'],
	['was_referred', '1', 'yes'],
	['referral_helped', '2', 'somewhat'],
	['recommend', '1', 'yes'],
	['age_band', '2', '18_24'],
	['gender', '0', PREFER_NOT_TO_SAY],
	['exploitation_form', '0', PREFER_NOT_TO_SAY],
	['months_since_support', '6', '6']
];

/** Arabic-speaking phones often send Arabic-Indic digits and the Arabic comma. */
const ARABIC_DIGITS = (body: string) =>
	body.replace(/\d/g, (d) => String.fromCodePoint(0x0660 + Number(d))).replace(',', '،');

describe('the demo survey by SMS', () => {
	it.each([
		['en', '1'],
		['fr', '2'],
		['es', '3'],
		['ar', '4']
	])('is completed in %s with every question type it has', (code, menu) => {
		const bodies = DEMO_SCRIPT.map(([, body]) => (code === 'ar' ? ARABIC_DIGITS(body) : body));
		const { turns, last, messages } = play(DEMO_SURVEY, [menu, ...bodies], true);
		const expected = Object.fromEntries(
			DEMO_SCRIPT.filter(([, , v]) => v !== undefined).map(([name, , v]) => [name, v])
		);
		expect(answersOf(last)).toEqual(expected);
		expect(checkAnswers(DEMO_SURVEY, answersOf(last)).errors).toEqual([]);
		expect(last.messages.at(-1)).toBe(wordsFor(code).thankYou);

		// Each question was asked in the chosen language, in order, with no repeat.
		const asked = turns.slice(1, -1).map((t) => t.state?.question);
		expect(asked).toEqual(DEMO_SCRIPT.map(([name]) => name));
		for (const [name] of DEMO_SCRIPT) {
			const label = allQuestions(DEMO_SURVEY).find((x) => x.name === name)!.label;
			expect(messages.join('\n')).toContain(textIn(label, code, 'en'));
		}
		// The note before the last page is sent as text, on its own, then the next question.
		const note = allQuestions(DEMO_SURVEY).find((x) => x.type === 'note')!;
		expect(messages).toContain(textIn(note.label, code, 'en'));
		// Long free text cannot go by SMS: never asked.
		const longText = allQuestions(DEMO_SURVEY).find((x) => x.name === 'problems_caused')!;
		expect(messages.join('\n')).not.toContain(textIn(longText.label, code, 'en'));
	});

	it('checks the instrument constraint and answers with its own message', () => {
		const upTo = DEMO_SCRIPT.findIndex(([name]) => name === 'months_since_support');
		const bodies = ['3', ...DEMO_SCRIPT.slice(0, upTo).map(([, b]) => b), '200'];
		const { last } = play(DEMO_SURVEY, bodies);
		expect(last.state).toMatchObject({ question: 'months_since_support', retries: 1 });
		expect(last.messages[0]).toMatch(/^Escriba un número de meses entre 0 y 120\n/);
	});

	it('leaves at once on "not now" at the safety check, keeping nothing', () => {
		const { last } = play(DEMO_SURVEY, ['2', '2']);
		expect(last).toEqual({
			outcome: 'notNow',
			state: null,
			messages: [wordsFor('fr').notNowLeft]
		});
	});

	it('stores nothing when consent is declined', () => {
		const { last } = play(DEMO_SURVEY, ['4', '١', '٢']);
		expect(last).toEqual({
			outcome: 'declined',
			state: null,
			messages: [wordsFor('ar').declinedLeft]
		});
	});

	it('records the safety check and consent as passed', () => {
		const { last } = play(DEMO_SURVEY, ['1', '1', '1']);
		expect(last.state).toMatchObject({ safe: true, consented: true, question: 'satisfaction' });
	});
});

describe('every question type', () => {
	const lists = [list('abc', 'a', 'b', 'c')];
	it.each<[string, Question, string, string | string[]]>([
		['select_one by number', q('select_one', 'x', { listName: 'abc' }), '2', 'b'],
		['select_one by "2."', q('select_one', 'x', { listName: 'abc' }), '2.', 'b'],
		['select_one by label', q('select_one', 'x', { listName: 'abc' }), ' c ', 'c'],
		['select_multiple, spaces', q('select_multiple', 'x', { listName: 'abc' }), '3 1', ['a', 'c']],
		['select_multiple, commas', q('select_multiple', 'x', { listName: 'abc' }), '1,3', ['a', 'c']],
		[
			'select_multiple, both',
			q('select_multiple', 'x', { listName: 'abc' }),
			'2 , 3,1',
			['a', 'b', 'c']
		],
		['select_multiple, repeated', q('select_multiple', 'x', { listName: 'abc' }), '2 2', ['b']],
		['range', q('range', 'x', { range: { start: 1, end: 5, step: 1 } }), '4', '4'],
		['range in steps', q('range', 'x', { range: { start: 0, end: 10, step: 2 } }), '6', '6'],
		['integer', q('integer', 'x'), '42', '42'],
		['integer with sign', q('integer', 'x'), '+7', '7'],
		['integer zero', q('integer', 'x'), '0', '0'],
		['decimal with comma', q('decimal', 'x'), '3,5', '3.5'],
		['decimal, Arabic separator', q('decimal', 'x'), '٣٫٥', '3.5'],
		['text as typed', q('text', 'x'), '  Thanks, all good 👍  ', 'Thanks, all good 👍'],
		['date YYYY-MM-DD', q('date', 'x'), '2024-02-29', '2024-02-29'],
		['date DD/MM/YYYY', q('date', 'x'), '29/02/2024', '2024-02-29'],
		['date D/M/YYYY', q('date', 'x'), '1/2/2024', '2024-02-01'],
		['date DD.MM.YYYY', q('date', 'x'), '05.11.1999', '1999-11-05']
	])('%s', (_, question, body, stored) => {
		const inst = instrument([question], lists);
		const { last } = play(inst, [body]);
		expect(answersOf(last)).toEqual({ x: stored });
		expect(last.messages).toEqual([en.thankYou]);
	});

	it.each<[string, Question, string]>([
		['select_one', q('select_one', 'x', { listName: 'abc' }), '1 A\n2 B\n3 C\n0 Prefer not to say'],
		['select_multiple', q('select_multiple', 'x', { listName: 'abc' }), en.chooseMany],
		['range', q('range', 'x', { range: { start: 1, end: 5, step: 1 } }), 'from 1 to 5'],
		['range in steps', q('range', 'x', { range: { start: 0, end: 10, step: 5 } }), 'steps of 5'],
		['integer', q('integer', 'x'), en.wholeNumber],
		['decimal', q('decimal', 'x'), en.number],
		['date', q('date', 'x'), '31/12/2000']
	])('asks %s with how to reply', (_, question, expected) => {
		const { last } = play(instrument([question], lists), []);
		expect(last.messages[0]).toContain('Q x?');
		expect(last.messages[0]).toContain(expected);
	});

	it('shows the ends of a scale when no hint explains it', () => {
		const range = {
			start: 1,
			end: 5,
			step: 1,
			startLabel: { en: 'Not at all' },
			endLabel: { en: 'Completely' }
		};
		const plain = play(instrument([q('range', 'x', { range })]), []).last.messages[0]!;
		expect(plain).toContain('1 Not at all\n5 Completely');
		const hinted = q('range', 'x', { range, hint: { en: '1 is low, 5 is high.' } });
		const withHint = play(instrument([hinted]), []).last.messages[0]!;
		expect(withHint).toContain('1 is low, 5 is high.');
		expect(withHint).not.toContain('Not at all');
	});

	it('sends a note as text and moves on in the same turn', () => {
		const inst = instrument([
			q('note', 'hello', { label: { en: 'A few questions.' }, hint: { en: 'Skip any.' } }),
			q('integer', 'n')
		]);
		const turn = start(inst, T0);
		expect(turn.messages).toEqual(['A few questions.\nSkip any.', expect.stringMatching(/^Q n\?/)]);
		expect(turn.state?.question).toBe('n');
	});

	it('computes calculations silently and stores them with the answers', () => {
		const inst = instrument([
			q('integer', 'n'),
			q('calculate', 'double', { calculation: '${n} * 2', preferNotToSay: false }),
			q('select_one', 'big', { listName: 'yn', relevant: '${double} > 10' })
		]);
		const small = play(inst, ['3']);
		expect(answersOf(small.last)).toEqual({ n: '3', double: '6' });
		expect(small.messages.join()).not.toContain('double');
		// A calculation can decide what is asked next.
		const big = play(inst, ['6', '1']);
		expect(big.messages.join()).toContain('Q big?');
		expect(answersOf(big.last)).toEqual({ n: '6', double: '12', big: 'yes' });
		expect(checkAnswers(inst, { n: '6', big: 'yes' }).answers).toHaveProperty('big', 'yes');
	});

	it('skips rank and long text, which SMS cannot carry', () => {
		const rank = q('rank', 'order', { listName: 'abc' });
		const long = q('text', 'story', { appearance: 'multiline' });
		const short = q('text', 'word');
		expect([rank, long, short].map(smsAskable)).toEqual([false, false, true]);
		expect(smsAskable(q('note', 'n'))).toBe(true);
		const { turns, last } = play(instrument([rank, long, short]), ['fine']);
		expect(turns[0]!.messages).toEqual([expect.stringMatching(/^Q word\?/)]);
		expect(answersOf(last)).toEqual({ word: 'fine' });
	});

	it('ends when a required question cannot go by SMS', () => {
		const inst = instrument([
			q('integer', 'n'),
			q('rank', 'order', { listName: 'abc', required: true })
		]);
		const { last } = play(inst, ['1']);
		expect(last).toEqual({ outcome: 'ended', state: null, messages: [en.ended] });
	});

	it('completes at once (thank you) after the last question is answered', () => {
		const { last } = play(instrument([q('integer', 'n')]), ['5']);
		expect(last.outcome).toBe('completed');
		expect(last.state).toBeNull();
	});
});

describe('prefer not to say', () => {
	it.each<[string, Question, string]>([
		['select_one', q('select_one', 'x', { listName: 'abc' }), '0'],
		['select_multiple', q('select_multiple', 'x', { listName: 'abc' }), '0'],
		['select_multiple, 0 beside choices', q('select_multiple', 'x', { listName: 'abc' }), '0 1'],
		['text', q('text', 'x'), '0'],
		['date', q('date', 'x'), '٠'],
		['range without 0', q('range', 'x', { range: { start: 1, end: 5, step: 1 } }), '0'],
		['range with 0 on the scale', q('range', 'x', { range: { start: 0, end: 10, step: 1 } }), '-'],
		['integer', q('integer', 'x'), '-'],
		['decimal (en dash)', q('decimal', 'x'), '–']
	])('%s: %j', (_, question, body) => {
		const { last } = play(instrument([question]), [body]);
		expect(answersOf(last)).toEqual({ x: PREFER_NOT_TO_SAY });
	});

	it('says how on every question that offers it, with the code that question uses', () => {
		const line = (code: string) => formatWords(en.preferNotToSayLine, { code });
		const ask = (question: Question) => play(instrument([question]), []).last.messages[0]!;
		expect(ask(q('text', 'x'))).toContain(line('0'));
		expect(ask(q('integer', 'x'))).toContain(line('-'));
		expect(ask(q('range', 'x', { range: { start: -5, end: 5, step: 1 } }))).toContain(line('-'));
		expect(ask(q('range', 'x', { range: { start: 1, end: 5, step: 1 } }))).toContain(line('0'));
		expect(ask(q('text', 'x', { preferNotToSay: false }))).not.toContain(line('0'));
		expect(ask(q('select_one', 'x', { listName: 'abc', preferNotToSay: false }))).not.toContain(
			'Prefer not to say'
		);
	});

	it.each<[Question, '0' | '-']>([
		[q('range', 'x', { range: { start: 0, end: 4, step: 1 } }), '-'],
		[q('range', 'x', { range: { start: -3, end: 3, step: 2 } }), '0'],
		[q('range', 'x', { range: { start: 1, end: 10, step: 1 } }), '0'],
		[q('select_one', 'x'), '0']
	])('uses %# the code that cannot be an answer', (question, code) => {
		expect(preferNotToSayCode(question)).toBe(code);
	});

	it('is refused where the question does not offer it', () => {
		const { last } = play(
			instrument([q('select_one', 'x', { listName: 'abc', preferNotToSay: false })]),
			['0']
		);
		expect(last.state).toMatchObject({ question: 'x', retries: 1 });
	});

	it('keeps 0 as a rating or a number where 0 is an answer', () => {
		const rating = q('range', 'r', { range: { start: 0, end: 10, step: 1 } });
		const { last } = play(instrument([rating, q('integer', 'n')]), ['0', '0']);
		expect(answersOf(last)).toEqual({ r: '0', n: '0' });
	});
});

describe('wrong replies', () => {
	const inst = instrument([q('select_one', 'first', { listName: 'abc' }), q('integer', 'second')]);

	it('re-asks with a short hint, at most twice, then skips an optional question', () => {
		const { turns, last } = play(inst, ['9', 'yes', '👍']);
		for (const turn of turns.slice(1, 1 + MAX_REASKS)) {
			expect(turn.messages).toHaveLength(1);
			expect(turn.messages[0]).toMatch(new RegExp(`^${en.notUnderstood}\\nQ first\\?\\n1 A`));
		}
		expect(turns.map((t) => t.state?.retries)).toEqual([0, 1, 2, 0]);
		expect(last.state).toMatchObject({ question: 'second', answers: {} });
		expect(last.messages).toEqual([
			expect.stringMatching(new RegExp(`^${en.skipped}\\nQ second\\?`))
		]);
	});

	it('resets the count for the next question', () => {
		const { last } = play(inst, ['x', '2', 'x', 'x', '5']);
		expect(answersOf(last)).toEqual({ first: 'b', second: '5' });
	});

	it('ends the conversation when a required question fails every time, keeping nothing', () => {
		const required = instrument([q('integer', 'n', { required: true, preferNotToSay: false })]);
		const { turns, last } = play(required, ['a', 'b', 'c']);
		expect(turns[2]!.outcome).toBe('continue');
		expect(last).toEqual({ outcome: 'ended', state: null, messages: [en.ended] });
	});

	it('never skips the safety check', () => {
		const { last } = play(DEMO_SURVEY, ['1', 'yes', 'ok', 'sure']);
		expect(last).toEqual({ outcome: 'ended', state: null, messages: [en.ended] });
	});

	it.each<[string, Question, string, string]>([
		['out of range', q('range', 'x', { range: { start: 1, end: 5, step: 1 } }), '9', en.outOfRange],
		[
			'off the step',
			q('range', 'x', { range: { start: 0, end: 10, step: 5 } }),
			'3',
			en.outOfRange
		],
		['not whole', q('integer', 'x'), '4.5', en.notUnderstood],
		['not a number', q('decimal', 'x'), 'three', en.notUnderstood],
		['not a real date', q('date', 'x'), '31/02/2024', en.notUnderstood],
		['not a date', q('date', 'x'), 'yesterday', en.notUnderstood],
		['unknown number', q('select_multiple', 'x', { listName: 'abc' }), '1 4', en.notUnderstood],
		['too long', q('text', 'x'), 'x'.repeat(2001), en.tooLong],
		['empty', q('text', 'x'), '   ', en.notUnderstood],
		['constraint, no message', q('integer', 'x', { constraint: '. < 10' }), '12', en.notAccepted]
	])('%s: hint', (_, question, body, hint) => {
		const { last } = play(instrument([question]), [body]);
		expect(last.state).toMatchObject({ question: 'x', retries: 1 });
		expect(last.messages[0]!.startsWith(`${hint}\n`)).toBe(true);
	});
});

describe('skip logic', () => {
	it('asks the follow-up only when the answer shows it (demo: reasons after dissatisfaction)', () => {
		const satisfied = play(DEMO_SURVEY, ['1', '1', '1', '1']);
		expect(satisfied.last.state?.question).toBe('support_received');
		const unhappy = play(DEMO_SURVEY, ['1', '1', '1', '4']);
		expect(unhappy.last.state?.question).toBe('dissatisfaction_reasons');
	});

	it('follows page relevance too', () => {
		const inst: Instrument = {
			...instrument([q('select_one', 'go', { listName: 'yn' })]),
			pages: [
				{ id: 'a', name: 'a', label: {}, questions: [q('select_one', 'go', { listName: 'yn' })] },
				{
					id: 'b',
					name: 'b',
					label: {},
					relevant: "${go} = 'yes'",
					questions: [q('integer', 'n')]
				},
				{ id: 'c', name: 'c', label: {}, questions: [q('text', 'last')] }
			]
		};
		expect(play(inst, ['2']).last.state?.question).toBe('last');
		expect(play(inst, ['1']).last.state?.question).toBe('n');
	});
});

describe('choice filters', () => {
	const places: ChoiceList[] = [
		{
			name: 'country',
			choices: [
				{ name: 'ke', label: { en: 'Kenya' } },
				{ name: 'ug', label: { en: 'Uganda' } }
			]
		},
		{
			name: 'city',
			choices: [
				{ name: 'nairobi', label: { en: 'Nairobi' }, extra: { country: 'ke' } },
				{ name: 'mombasa', label: { en: 'Mombasa' }, extra: { country: 'ke' } },
				{ name: 'kampala', label: { en: 'Kampala' }, extra: { country: 'ug' } }
			]
		}
	];
	const inst = instrument(
		[
			q('select_one', 'country', { listName: 'country' }),
			q('select_one', 'city', { listName: 'city', choiceFilter: 'country = ${country}' })
		],
		places
	);

	it('numbers only the choices the filter leaves', () => {
		const { last } = play(inst, ['2']);
		expect(last.messages[0]).toBe(`Q city?\n1 Kampala\n0 Prefer not to say\n${en.chooseOne}`);
		expect(answersOf(play(inst, ['2', '1']).last)).toEqual({ country: 'ug', city: 'kampala' });
		expect(answersOf(play(inst, ['1', '2']).last)).toEqual({ country: 'ke', city: 'mombasa' });
	});

	it('refuses a number beyond the filtered list', () => {
		const { last } = play(inst, ['2', '2']);
		expect(last.state).toMatchObject({ question: 'city', retries: 1 });
	});

	it('skips a question whose filter leaves no choice', () => {
		const none = instrument(
			[
				q('integer', 'n'),
				q('select_one', 'city', { listName: 'city', choiceFilter: 'country = ${n}' })
			],
			places
		);
		expect(answersOf(play(none, ['3']).last)).toEqual({ n: '3' });
	});
});

describe('bodies in other scripts', () => {
	const inst = instrument([
		q('select_one', 'one', { listName: 'abc' }),
		q('range', 'rating', { range: { start: 0, end: 10, step: 1 } }),
		q('select_multiple', 'many', { listName: 'abc' })
	]);
	it.each([
		['Arabic-Indic', ['٣', '١٠', '١ ٢']],
		['Persian', ['۳', '۱۰', '۱،۲']],
		['Devanagari', ['३', '१०', '१ २']],
		['Bengali', ['৩', '১০', '১, ২']],
		['Thai', ['๓', '๑๐', '๑ ๒']],
		['full-width', ['３', '１０', '１，２']],
		['keycap emoji', ['3️⃣', '10', '1️⃣ 2️⃣']],
		['with direction marks', ['\u200f٣\u200f', '\u200e10', '1\u200f 2']]
	])('reads %s digits', (_, bodies) => {
		const { last } = play(inst, bodies);
		expect(answersOf(last)).toEqual({ one: 'c', rating: '10', many: ['a', 'b'] });
	});

	it('refuses emoji where a number is wanted and keeps them in text', () => {
		const { turns, last } = play(instrument([q('integer', 'n'), q('text', 't')]), [
			'🙂',
			'5',
			'🙂🌻'
		]);
		expect(turns[1]!.state).toMatchObject({ question: 'n', retries: 1 });
		expect(answersOf(last)).toEqual({ n: '5', t: '🙂🌻' });
	});
});

describe('expiry', () => {
	const inst = instrument([q('integer', 'n'), q('integer', 'm')]);
	it('expires after the configured time since the last message, keeping nothing', () => {
		const first = start(inst, T0);
		const late = reply(inst, first.state!, '1', T0 + OPTIONS.expiresAfterMs + 1, OPTIONS);
		expect(late).toEqual({ outcome: 'expired', state: null, messages: [en.expired] });
	});

	it('counts from the last message, not the start', () => {
		const first = start(inst, T0);
		const second = reply(inst, first.state!, '1', T0 + 2 * DAY, OPTIONS);
		expect(second.state).toMatchObject({ startedAt: T0, lastAt: T0 + 2 * DAY });
		const third = reply(inst, second.state!, '2', T0 + 5 * DAY, OPTIONS);
		expect(third.outcome).toBe('completed');
	});

	it('expires the language menu too, and accepts a Date', () => {
		const menu = start(DEMO_SURVEY, new Date(T0));
		const late = reply(DEMO_SURVEY, menu.state!, '1', new Date(T0 + 4 * DAY), OPTIONS);
		expect(late.outcome).toBe('expired');
	});
});

describe('keywords (handled by the webhook before the engine)', () => {
	it.each([
		['STOP', 'stop'],
		['stop', 'stop'],
		[' Stop \n', 'stop'],
		['STOPALL', 'stop'],
		['unsubscribe', 'stop'],
		['Cancel', 'stop'],
		['END', 'stop'],
		['quit', 'stop'],
		['START', 'start'],
		['unstop', 'start'],
		['HELP', 'help'],
		['info', 'help'],
		['ＳＴＯＰ', 'stop'],
		['STOP please', null],
		['stop.', null],
		['1', null],
		['', null],
		['constructor', null],
		['__proto__', null]
	])('%j → %s', (body, keyword) => {
		expect(keywordOf(body)).toBe(keyword);
	});

	it.each([
		['BANANA', 'banana', true],
		['  banana ', 'Banana', true],
		['banana split', 'banana', false],
		['', '', false],
		['anything', '', false],
		['anything', null, false],
		['ПОГОДА', 'погода', true]
	])('panic word: %j with %j → %s', (body, word, expected) => {
		expect(isPanicWord(body, word)).toBe(expected);
	});
});

describe('readState', () => {
	it('reads back what the engine stored, and refuses anything else', () => {
		const { last } = play(DEMO_SURVEY, ['1', '1', '1', '4', '1 2']);
		const stored = JSON.parse(JSON.stringify(last.state));
		expect(readState(stored)).toEqual(last.state);
		for (const broken of [
			null,
			'state',
			[],
			{ ...stored, v: 2 },
			{ ...stored, answers: { a: 1 } },
			{ ...stored, answers: [] },
			{ ...stored, retries: '1' },
			{ ...stored, lastAt: null },
			{ ...stored, language: 3 },
			{ ...stored, safe: 'yes' }
		])
			expect(readState(broken)).toBeNull();
	});
});

// --- Properties ----------------------------------------------------------------------------

/** Bodies a person (or a broken phone) might send. */
const bodyArb = fc.oneof(
	fc.constantFrom('0', '1', '2', '3', '4', '5', '7', '10', '-', '1 2', '3,1', '٢', 'yes', ''),
	fc.integer({ min: -3, max: 130 }).map(String),
	fc.string({ maxLength: 12 }),
	fc.string({ unit: 'grapheme', maxLength: 8 }),
	fc.string({ unit: 'binary', maxLength: 8 })
);

/** A random small instrument: typed questions, skip logic and constraints on earlier ones. */
const instrumentArb = fc
	.array(
		fc.record({
			type: fc.constantFrom<Question['type']>(
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
			),
			relevantOn: fc.option(fc.nat(), { nil: undefined }),
			constrained: fc.boolean(),
			required: fc.boolean(),
			preferNotToSay: fc.boolean()
		}),
		{ minLength: 1, maxLength: 7 }
	)
	.map((specs): Instrument => {
		const questions = specs.map((spec, i): Question => {
			const name = `q${i}`;
			const earlier = spec.relevantOn === undefined || i === 0 ? undefined : spec.relevantOn % i;
			const on = earlier === undefined ? undefined : specs[earlier]!;
			const relevant =
				on === undefined
					? undefined
					: on.type === 'select_one'
						? `\${q${earlier}} = 'a'`
						: on.type === 'integer' || on.type === 'range' || on.type === 'calculate'
							? `\${q${earlier}} > 3`
							: `\${q${earlier}} != ''`;
			return {
				id: name,
				type: spec.type,
				name,
				label: { en: `Question ${i}` },
				listName: ['select_one', 'select_multiple', 'rank'].includes(spec.type) ? 'abc' : undefined,
				range: spec.type === 'range' ? { start: 0, end: 6, step: 2 } : undefined,
				relevant,
				constraint:
					spec.constrained && (spec.type === 'integer' || spec.type === 'decimal')
						? '. < 50'
						: undefined,
				calculation: spec.type === 'calculate' ? String(i + 2) : undefined,
				required: spec.type === 'note' || spec.type === 'calculate' ? false : spec.required,
				preferNotToSay: spec.preferNotToSay
			};
		});
		return instrument(questions);
	});

/** Plays bodies through an instrument, checking each turn; returns the turns. */
function walk(inst: Instrument, bodies: string[], check: (turn: Turn, inst: Instrument) => void) {
	let turn = start(inst, T0);
	check(turn, inst);
	for (const [i, body] of bodies.entries()) {
		if (!turn.state) break;
		const state = JSON.parse(JSON.stringify(turn.state)) as ConversationState;
		expect(state).toEqual(turn.state);
		turn = reply(inst, state, body, T0 + i * 1000, OPTIONS);
		check(turn, inst);
	}
	return turn;
}

function neverAsksHidden(turn: Turn, inst: Instrument) {
	if (turn.outcome !== 'continue' || turn.state.question === null) return;
	// Shown as the one check sees it (calculations settled): an answer to it would be kept.
	const settled = checkAnswers(inst, turn.state.answers).answers;
	expect(relevanceOf(inst)(settled).has(turn.state.question)).toBe(true);
	const asked = allQuestions(inst).find((x) => x.name === turn.state!.question)!;
	const kept = checkAnswers(inst, { ...turn.state.answers, [asked.name]: PREFER_NOT_TO_SAY });
	if (asked.preferNotToSay) expect(kept.answers).toHaveProperty(asked.name);
	expect(smsAskable(asked)).toBe(true);
	expect(['note', 'calculate']).not.toContain(asked.type);
}

function completedAnswersPass(turn: Turn, inst: Instrument) {
	if (turn.outcome === 'completed') expect(checkAnswers(inst, turn.answers).errors).toEqual([]);
}

describe('properties', () => {
	it('never asks a question whose relevance is false; completed answers always pass the check', () => {
		fc.assert(
			fc.property(instrumentArb, fc.array(bodyArb, { maxLength: 25 }), (inst, bodies) => {
				walk(inst, bodies, (turn, i) => {
					neverAsksHidden(turn, i);
					completedAnswersPass(turn, i);
				});
			}),
			{ numRuns: 300 }
		);
	});

	it('plays the demo survey with random replies: checked answers, JSON-safe state', () => {
		fc.assert(
			fc.property(fc.array(bodyArb, { minLength: 1, maxLength: 60 }), (bodies) => {
				walk(DEMO_SURVEY, bodies, (turn, i) => {
					neverAsksHidden(turn, i);
					completedAnswersPass(turn, i);
					expect(turn.messages.length).toBeGreaterThan(0);
					for (const m of turn.messages) expect(m.trim()).not.toBe('');
				});
			}),
			{ numRuns: 200 }
		);
	});

	it('gives the same turns whether or not the state went through JSON', () => {
		fc.assert(
			fc.property(fc.array(bodyArb, { maxLength: 30 }), (bodies) => {
				const replies = ['1', ...bodies];
				const direct = play(DEMO_SURVEY, [], false);
				let a: Turn = direct.last;
				let b: Turn = direct.last;
				for (const [i, body] of replies.entries()) {
					if (!a.state || !b.state) break;
					a = reply(DEMO_SURVEY, a.state, body, T0 + i, OPTIONS);
					b = reply(DEMO_SURVEY, JSON.parse(JSON.stringify(b.state)), body, T0 + i, OPTIONS);
					expect(b).toEqual(a);
				}
			}),
			{ numRuns: 100 }
		);
	});

	it('never throws on garbage bodies, at any step, in any language', () => {
		fc.assert(
			fc.property(
				fc.constantFrom('1', '2', '3', '4', 'x'),
				fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { maxLength: 15 }),
				(menu, bodies) => {
					const turn = walk(DEMO_SURVEY, [menu, '1', '1', ...bodies], () => {});
					expect(['continue', 'completed', 'ended']).toContain(turn.outcome);
				}
			),
			{ numRuns: 200 }
		);
	});
});
