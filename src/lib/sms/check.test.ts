import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEMO_SURVEY } from '../server/demo/survey';
import { allQuestions, textIn, type Instrument, type Question } from '../survey/model';
import {
	checkQuestion,
	isWarning,
	needsAttention,
	smsCheck,
	type SmsFinding,
	type SmsMessageSize
} from './check';
import { questionText, reply, smsAskable, start } from './conversation';
import { segmentCount } from './segments';

const DAY = 86_400_000;

function question(over: Partial<Question> & Pick<Question, 'type' | 'name'>): Question {
	return { id: `q_${over.name}`, label: { en: 'Question?' }, preferNotToSay: false, ...over };
}

function instrument(questions: Question[], over: Partial<Instrument> = {}): Instrument {
	return {
		formId: 'check',
		languages: [{ code: 'en', name: 'English', dir: 'ltr' }],
		defaultLanguage: 'en',
		title: { en: 'Check' },
		pages: [{ id: 'p1', name: 'p1', label: {}, questions }],
		choiceLists: [
			{
				name: 'yn',
				choices: [
					{ name: 'yes', label: { en: 'Yes', ar: 'نعم' } },
					{ name: 'no', label: { en: 'No', ar: 'لا' } }
				]
			}
		],
		...over
	};
}

const EN_AR: Instrument['languages'] = [
	{ code: 'en', name: 'English', dir: 'ltr' },
	{ code: 'ar', name: 'العربية', dir: 'rtl' }
];

function byName(inst: Instrument, name: string): Question {
	return allQuestions(inst).find((q) => q.name === name)!;
}

const warnings = (findings: SmsFinding[]) => findings.filter(isWarning);
const sizes = (messages: SmsMessageSize[]) =>
	Object.fromEntries(messages.map((m) => [m.language, m.segments]));

describe('the SMS check of the demo survey', () => {
	const check = smsCheck(DEMO_SURVEY);

	it('has an entry for every question, in survey order', () => {
		expect([...check.keys()]).toEqual(allQuestions(DEMO_SURVEY).map((q) => q.name));
	});

	it('finds the consent text too long in every language, most of all where UCS-2 is needed', () => {
		const consent = checkQuestion(DEMO_SURVEY, byName(DEMO_SURVEY, 'consent'));
		expect(sizes(consent.messages)).toEqual({ en: 5, fr: 12, es: 10, ar: 9 });
		expect(warnings(consent.findings)).toEqual([
			{ kind: 'tooLong', language: 'en', segments: 5, encoding: 'gsm7' },
			{ kind: 'tooLong', language: 'fr', segments: 12, encoding: 'ucs2' },
			{ kind: 'tooLong', language: 'es', segments: 10, encoding: 'ucs2' },
			{ kind: 'tooLong', language: 'ar', segments: 9, encoding: 'ucs2' }
		]);
	});

	it('says the long free-text question cannot be asked by SMS (and that it is optional)', () => {
		expect(check.get('problems_caused')).toEqual([
			{ kind: 'notAskable', type: 'text', required: false }
		]);
		expect(checkQuestion(DEMO_SURVEY, byName(DEMO_SURVEY, 'problems_caused')).messages).toEqual([]);
	});

	it('has no warning for a short question, only the information that three languages need UCS-2', () => {
		const privacy = checkQuestion(DEMO_SURVEY, byName(DEMO_SURVEY, 'privacy_kept'));
		expect(sizes(privacy.messages)).toEqual({ en: 1, fr: 3, es: 2, ar: 2 });
		expect(needsAttention(privacy.findings)).toBe(false);
		expect(privacy.findings.map((f) => f.kind === 'ucs2' && f.language)).toEqual([
			'fr',
			'es',
			'ar'
		]);
	});

	it('shows that one no-break space is what makes a French message UCS-2', () => {
		// The demo survey puts U+00A0 before French "?"; GSM-7 has no such character.
		const french = checkQuestion(DEMO_SURVEY, byName(DEMO_SURVEY, 'privacy_kept')).findings.find(
			(f) => f.kind === 'ucs2' && f.language === 'fr'
		);
		expect(french).toEqual({ kind: 'ucs2', language: 'fr', characters: ['\u00a0'] });
		const spanish = checkQuestion(DEMO_SURVEY, byName(DEMO_SURVEY, 'privacy_kept')).findings.find(
			(f) => f.kind === 'ucs2' && f.language === 'es'
		);
		expect(spanish).toMatchObject({ characters: expect.arrayContaining(['ó', 'í']) });
	});

	it('names exactly the questions a manager should look at before sending by SMS', () => {
		const attention = [...check].filter(([, f]) => needsAttention(f)).map(([name]) => name);
		expect(attention).toEqual([
			'consent',
			'satisfaction',
			'dissatisfaction_reasons',
			'support_received',
			'respect',
			'clear_information',
			'say_in_decisions',
			'safety_today',
			'know_where_help',
			'problems_caused',
			'exploitation_form'
		]);
		// Every other question fits in three segments in all four languages.
		for (const [name, findings] of check)
			if (!attention.includes(name)) expect(warnings(findings), name).toEqual([]);
	});

	it('measures what the conversation engine really sends', () => {
		DEMO_SURVEY.languages.forEach((language, index) => {
			const opened = start(DEMO_SURVEY, 0);
			if (opened.outcome !== 'continue') throw new Error('no conversation');
			const safety = reply(DEMO_SURVEY, opened.state, String(index + 1), 1, {
				expiresAfterMs: DAY
			});
			if (safety.outcome !== 'continue') throw new Error('no safety check');
			const consent = reply(DEMO_SURVEY, safety.state, '1', 2, { expiresAfterMs: DAY });
			const sent = [safety.messages.at(-1)!, consent.messages.at(-1)!].map(segmentCount);
			const checked = ['safety_check', 'consent'].map(
				(name) =>
					checkQuestion(DEMO_SURVEY, byName(DEMO_SURVEY, name)).messages.find(
						(m) => m.language === language.code
					)!.segments
			);
			expect(checked, language.code).toEqual(sent);
		});
	});
});

describe('the SMS check of hand-made questions', () => {
	it('says a ranking cannot go by SMS, and that a required one ends the conversation', () => {
		const inst = instrument([
			question({ type: 'rank', name: 'order', listName: 'yn' }),
			question({ type: 'rank', name: 'order_required', listName: 'yn', required: true })
		]);
		expect(smsCheck(inst)).toEqual(
			new Map([
				['order', [{ kind: 'notAskable', type: 'rank', required: false }]],
				['order_required', [{ kind: 'notAskable', type: 'rank', required: true }]]
			])
		);
	});

	it('treats only multiline text as long free text', () => {
		const inst = instrument([
			question({ type: 'text', name: 'short' }),
			question({ type: 'text', name: 'long', appearance: 'multiline' })
		]);
		expect(smsCheck(inst).get('short')).toEqual([]);
		expect(smsCheck(inst).get('long')).toEqual([
			{ kind: 'notAskable', type: 'text', required: false }
		]);
	});

	it('sends nothing for a calculation, and counts a note as a message', () => {
		const inst = instrument([
			question({ type: 'calculate', name: 'calc', label: {}, calculation: '1' }),
			question({ type: 'note', name: 'intro', label: { en: 'x'.repeat(161 * 3) } })
		]);
		expect(checkQuestion(inst, byName(inst, 'calc'))).toEqual({ messages: [], findings: [] });
		expect(checkQuestion(inst, byName(inst, 'intro')).findings).toEqual([
			{ kind: 'tooLong', language: 'en', segments: 4, encoding: 'gsm7' }
		]);
	});

	it('warns from the first segment past the limit, in the language that is past it', () => {
		// A note is sent as its label alone: 3 × 153 GSM-7 characters fill three segments.
		const note = (label: string) =>
			instrument([question({ type: 'note', name: 'n', label: { en: 'short', ar: label } })], {
				languages: EN_AR
			});
		const fits = note('ب'.repeat(3 * 67));
		const over = note('ب'.repeat(3 * 67 + 1));
		expect(warnings(checkQuestion(fits, byName(fits, 'n')).findings)).toEqual([]);
		expect(warnings(checkQuestion(over, byName(over, 'n')).findings)).toEqual([
			{ kind: 'tooLong', language: 'ar', segments: 4, encoding: 'ucs2' }
		]);
		expect(warnings(checkQuestion(over, byName(over, 'n'), { maxSegments: 4 }).findings)).toEqual(
			[]
		);
	});

	it('falls back to the default language for a missing translation, as the engine does', () => {
		const inst = instrument(
			[question({ type: 'note', name: 'n', label: { en: 'é'.repeat(500) } })],
			{
				languages: EN_AR
			}
		);
		expect(sizes(checkQuestion(inst, byName(inst, 'n')).messages)).toEqual({ en: 4, ar: 4 });
	});

	it('counts every choice, whatever the choice filter would hide', () => {
		const lists = [
			{
				name: 'long',
				choices: ['a', 'b', 'c'].map((name) => ({ name, label: { en: `${name} `.repeat(100) } }))
			}
		];
		const filtered = instrument(
			[question({ type: 'select_one', name: 's', listName: 'long', choiceFilter: "name = 'a'" })],
			{ choiceLists: lists }
		);
		const q = byName(filtered, 's');
		// This filter shows only "a"; a filter on an earlier answer could show all three, so the
		// check measures the message with every choice of the list.
		expect(segmentCount(questionText(filtered, q, 'en', {}))).toBe(2);
		expect(checkQuestion(filtered, q).findings).toEqual([
			{ kind: 'tooLong', language: 'en', segments: 5, encoding: 'gsm7' }
		]);
	});
});

describe('the SMS check as the builder uses it', () => {
	it('gives the same result object for an unchanged question', () => {
		const inst = instrument([question({ type: 'select_one', name: 's', listName: 'yn' })]);
		const q = byName(inst, 's');
		expect(checkQuestion(inst, q)).toBe(checkQuestion({ ...inst, title: { en: 'New' } }, q));
	});

	it('measures again when the question, its choice list, the languages or the limit change', () => {
		const inst = instrument([question({ type: 'select_one', name: 's', listName: 'yn' })]);
		const q = byName(inst, 's');
		const first = checkQuestion(inst, q);

		const longLabel = { ...q, label: { en: 'Why? '.repeat(120) } };
		expect(sizes(checkQuestion(inst, longLabel).messages)).toEqual({ en: 5 });

		const longList = {
			...inst,
			choiceLists: [{ name: 'yn', choices: [{ name: 'yes', label: { en: 'Yes '.repeat(200) } }] }]
		};
		expect(checkQuestion(longList, q)).not.toBe(first);
		expect(sizes(checkQuestion(longList, q).messages)).toEqual({ en: 6 });

		const arabic = { ...inst, languages: EN_AR };
		expect(sizes(checkQuestion(arabic, q).messages)).toEqual({ en: 1, ar: 1 });
		expect(checkQuestion(arabic, q).findings).toEqual([
			{ kind: 'ucs2', language: 'ar', characters: expect.arrayContaining(['ن', 'ع']) }
		]);

		expect(checkQuestion(inst, q, { maxSegments: 0 }).findings).toEqual([
			{ kind: 'tooLong', language: 'en', segments: 1, encoding: 'gsm7' }
		]);
		expect(checkQuestion(inst, q).findings).toEqual([]);
	});

	it('keeps the findings of a name used twice', () => {
		const inst = instrument([
			question({ type: 'rank', name: 'twice', id: 'a', listName: 'yn' }),
			question({ type: 'text', name: 'twice', id: 'b', appearance: 'multiline' })
		]);
		expect(
			smsCheck(inst)
				.get('twice')
				?.map((f) => f.kind === 'notAskable' && f.type)
		).toEqual(['rank', 'text']);
	});

	it('checks the whole demo survey in well under a keystroke', () => {
		const fresh = structuredClone(DEMO_SURVEY);
		const startedAt = performance.now();
		smsCheck(fresh);
		const cold = performance.now() - startedAt;
		const again = performance.now();
		for (let i = 0; i < 100; i++) smsCheck(fresh);
		const warm = (performance.now() - again) / 100;
		expect(cold).toBeLessThan(200);
		expect(warm).toBeLessThan(cold);
	});
});

// --- Properties ------------------------------------------------------------------------------

const TYPES = [
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
	'rank'
] as const;

const textArb = fc.oneof(
	fc.string({ maxLength: 400 }),
	fc.string({ unit: 'grapheme', maxLength: 200 }),
	fc.constantFrom('', 'Short?', 'هل أنت بخير؟', 'Ça va ?', '€'.repeat(90))
);

const questionArb = fc.record({
	type: fc.constantFrom(...TYPES),
	label: fc.record({ en: textArb, ar: textArb }, { requiredKeys: ['en'] }),
	hint: fc.option(fc.record({ en: textArb }), { nil: undefined }),
	appearance: fc.option(fc.constantFrom('multiline', 'minimal', 'multiline likert'), {
		nil: undefined
	}),
	required: fc.boolean(),
	preferNotToSay: fc.boolean()
});

describe('SMS check properties', () => {
	it('a question whose every message fits and that SMS can ask has no warning', () => {
		fc.assert(
			fc.property(questionArb, fc.integer({ min: 1, max: 6 }), (spec, maxSegments) => {
				const q = question({ ...spec, name: 'q', listName: 'yn' });
				const inst = instrument([q], { languages: EN_AR });
				const { findings, messages } = checkQuestion(inst, q, { maxSegments });
				const texts = EN_AR.map((l) => questionOrNote(inst, q, l.code));
				const fits = texts.every((text) => segmentCount(text) <= maxSegments);
				if (smsAskable(q) && fits) expect(warnings(findings)).toEqual([]);
				// And the other way round: every warning names a real reason.
				if (!smsAskable(q))
					expect(findings).toEqual([expect.objectContaining({ kind: 'notAskable' })]);
				else expect(messages.map((m) => m.segments)).toEqual(texts.map((t) => segmentCount(t)));
				expect(needsAttention(findings)).toBe(!smsAskable(q) || !fits);
			})
		);
	});
});

/** The message as the engine writes it, from its exported pieces (independent of check.ts). */
function questionOrNote(inst: Instrument, q: Question, language: string): string {
	if (q.type !== 'note') return questionText(inst, q, language, {});
	return [textIn(q.label, language, 'en'), textIn(q.hint, language, 'en')]
		.filter(Boolean)
		.join('\n');
}
