import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEMO_SURVEY } from '../server/demo/survey';
import { checkAnswers, MAX_TEXT, normaliseAnswer, type RawValues } from './answers';
import { PREFER_NOT_TO_SAY } from './chrome';
import { allQuestions, type Instrument, type Question } from './model';
import { relevanceOf } from './relevance';

const survey = DEMO_SURVEY;
const base: RawValues = { safety_check: 'yes', consent: 'yes' };
const q = (name: string) => allQuestions(survey).find((x) => x.name === name)!;
const codes = (raw: RawValues) =>
	checkAnswers(survey, raw).errors.map((e) => `${e.question}:${e.code}`);

describe('checkAnswers on the demo survey', () => {
	it('keeps valid answers, normalised', () => {
		const { answers, errors } = checkAnswers(survey, {
			...base,
			satisfaction: 'fairly_satisfied',
			support_received: ['housing', 'legal_help', 'housing'],
			safety_today: '07',
			months_since_support: '+12'
		});
		expect(errors).toEqual([]);
		expect(answers).toMatchObject({
			satisfaction: 'fairly_satisfied',
			support_received: ['housing', 'legal_help'],
			safety_today: '7',
			months_since_support: '12'
		});
	});

	it('drops answers to questions that are not shown (relevance is re-checked on the server)', () => {
		const shown = checkAnswers(survey, {
			...base,
			satisfaction: 'not_at_all_satisfied',
			dissatisfaction_reasons: ['waited_too_long']
		});
		expect(shown.answers.dissatisfaction_reasons).toEqual(['waited_too_long']);
		const hidden = checkAnswers(survey, {
			...base,
			satisfaction: 'very_satisfied',
			dissatisfaction_reasons: ['waited_too_long']
		});
		expect(hidden.answers).not.toHaveProperty('dissatisfaction_reasons');
		expect(hidden.errors).toEqual([]);
	});

	it.each<[string, RawValues, string[]]>([
		['missing safety check', { consent: 'yes' }, ['safety_check:required']],
		['unknown choice', { ...base, satisfaction: 'delighted' }, ['satisfaction:invalidChoice']],
		[
			'a choice of another list',
			{ ...base, satisfaction: 'housing' },
			['satisfaction:invalidChoice']
		],
		[
			'constraint: months above 120',
			{ ...base, months_since_support: '130' },
			['months_since_support:constraint']
		],
		[
			'not a whole number',
			{ ...base, months_since_support: '3.5' },
			['months_since_support:invalidWholeNumber']
		],
		[
			'letters for a number',
			{ ...base, months_since_support: 'six' },
			['months_since_support:invalidWholeNumber']
		],
		['scale above its end', { ...base, safety_today: '11' }, ['safety_today:outOfRange']],
		['scale between steps', { ...base, safety_today: '5.5' }, ['safety_today:outOfRange']],
		[
			'prefer not to say where it is not offered',
			{ ...base, consent: PREFER_NOT_TO_SAY },
			['consent:invalidChoice']
		],
		['consent neither yes nor no', { ...base, consent: 'maybe' }, ['consent:invalidChoice']]
	])('%s', (_, raw, expected) => {
		expect(codes(raw)).toEqual(expected);
	});

	it('accepts "prefer not to say" where offered, as the whole answer', () => {
		const { answers, errors } = checkAnswers(survey, {
			...base,
			satisfaction: PREFER_NOT_TO_SAY,
			support_received: ['housing', PREFER_NOT_TO_SAY]
		});
		expect(errors).toEqual([]);
		expect(answers.satisfaction).toBe(PREFER_NOT_TO_SAY);
		expect(answers.support_received).toBe(PREFER_NOT_TO_SAY);
	});

	it('limits errors to the questions of the submitted page', () => {
		const raw = { consent: 'yes', months_since_support: 'six' };
		const page = new Set(['months_since_support']);
		expect(checkAnswers(survey, raw, { only: page }).errors.map((e) => e.question)).toEqual([
			'months_since_support'
		]);
	});

	it('refuses text longer than the limit, counted in characters', () => {
		expect(
			normaliseAnswer(q('problems_caused'), survey, '😀'.repeat(MAX_TEXT)).error
		).toBeUndefined();
		expect(normaliseAnswer(q('problems_caused'), survey, 'x'.repeat(MAX_TEXT + 1)).error).toBe(
			'tooLong'
		);
	});
});

describe('normaliseAnswer by type', () => {
	const instrument: Instrument = {
		...survey,
		choiceLists: [
			{ name: 'l', choices: ['a', 'b', 'c'].map((name) => ({ name, label: { en: name } })) }
		]
	};
	const make = (type: Question['type']): Question => ({
		id: type,
		type,
		name: type,
		label: { en: type },
		listName: 'l',
		preferNotToSay: true
	});
	it.each<[Question['type'], string | string[], unknown, string | undefined]>([
		['date', '2026-02-28', '2026-02-28', undefined],
		['date', '2026-02-30', undefined, 'invalidDate'],
		['date', '28/02/2026', undefined, 'invalidDate'],
		['decimal', '2,5', '2.5', undefined],
		['decimal', '1e9', undefined, 'invalidNumber'],
		['rank', ['c', 'a', 'b'], ['c', 'a', 'b'], undefined],
		['rank', ['c', 'c'], undefined, 'invalidChoice'],
		['select_multiple', ['a', 'z'], undefined, 'invalidChoice'],
		['text', '  spaced  ', 'spaced', undefined],
		['text', '   ', undefined, undefined],
		['note', 'anything', undefined, undefined]
	])('%s %j', (type, raw, value, error) => {
		const result = normaliseAnswer(make(type), instrument, raw);
		expect(result.value).toEqual(value);
		expect(result.error).toBe(error);
	});
});

describe('properties', () => {
	const names = allQuestions(survey).map((x) => x.name);
	const rawValue = fc.oneof(
		fc.string({ maxLength: 20 }),
		fc.constantFrom('yes', 'no', PREFER_NOT_TO_SAY, 'housing', '5', '12', 'not_very_satisfied'),
		fc.array(fc.constantFrom('housing', 'cash', PREFER_NOT_TO_SAY, 'x'), { maxLength: 4 })
	);
	const rawAnswers = fc.dictionary(fc.constantFrom(...names, 'unknown_field'), rawValue);

	it('never throws, keeps only shown questions, and is stable when re-checked', () => {
		fc.assert(
			fc.property(rawAnswers, (raw) => {
				const first = checkAnswers(survey, raw);
				const visible = relevanceOf(survey)(first.answers);
				for (const name of Object.keys(first.answers)) expect(visible.has(name)).toBe(true);
				expect(first.answers).not.toHaveProperty('unknown_field');
				const again = checkAnswers(survey, first.answers);
				expect(again.answers).toEqual(first.answers);
			})
		);
	});
});

describe('characters no database can store', () => {
	it('drops NUL from typed text instead of failing to save it', () => {
		const { answers, errors } = checkAnswers(survey, {
			...base,
			problems_caused: 'fine\u0000 thanks'
		});
		expect(errors).toEqual([]);
		expect(answers.problems_caused).toBe('fine thanks');
	});
});

describe('calculations that decide what is shown', () => {
	const question = (q: Partial<Question> & Pick<Question, 'type' | 'name'>): Question => ({
		id: q.name,
		label: { en: q.name },
		preferNotToSay: true,
		...q
	});
	const instrument: Instrument = {
		formId: 'calc',
		languages: [{ code: 'en', name: 'English', dir: 'ltr' }],
		defaultLanguage: 'en',
		title: { en: 'Calc' },
		choiceLists: [],
		pages: [
			{
				id: 'p',
				name: 'p',
				label: { en: 'p' },
				questions: [
					question({ type: 'integer', name: 'n' }),
					// Declared after the question that reads it: order must not matter.
					question({ type: 'integer', name: 'big', relevant: '${quadruple} > 20' }),
					question({ type: 'calculate', name: 'quadruple', calculation: '${double} * 2' }),
					question({ type: 'calculate', name: 'double', calculation: '${n} * 2' })
				]
			}
		]
	};

	it('keeps an answer shown because of a chain of calculations, and drops it otherwise', () => {
		const shown = checkAnswers(instrument, { n: '6', big: '1' });
		expect(shown.errors).toEqual([]);
		expect(shown.answers).toEqual({ n: '6', big: '1', double: '12', quadruple: '24' });
		expect(relevanceOf(instrument)(shown.answers).has('big')).toBe(true);
		const hidden = checkAnswers(instrument, { n: '4', big: '1' });
		expect(hidden.answers).toEqual({ n: '4', double: '8', quadruple: '16' });
	});

	it('ignores calculated values a browser posts', () => {
		expect(checkAnswers(instrument, { n: '1', double: '999' }).answers.double).toBe('2');
	});
});
