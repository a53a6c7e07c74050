import { describe, expect, it } from 'vitest';
import { smsAskable } from '../../sms/conversation';
import { checkAnswers } from '../../survey/answers';
import { PREFER_NOT_TO_SAY } from '../../survey/chrome';
import { allQuestions, NON_ANSWER_TYPES } from '../../survey/model';
import { seededRandom } from './random';
import {
	calendarQuarters,
	PROBLEM_ANSWERS,
	simulateResponses,
	type SimulatedResponse
} from './simulate';
import { DEMO_SURVEY } from './survey';

const QUARTERS = calendarQuarters(2025, 2026);
const UNTIL = '2026-11-30';
const simulate = (seed: number, count = 2000) =>
	simulateResponses(DEMO_SURVEY, {
		count,
		random: seededRandom(seed),
		quarters: QUARTERS,
		until: UNTIL
	});

const responses = simulate(42);
const quarterOf = (r: SimulatedResponse) =>
	QUARTERS.findIndex((q) => r.submittedOn >= q.start && r.submittedOn <= q.end);
const inQuarters = (quarters: number[]) => (r: SimulatedResponse) =>
	quarters.includes(quarterOf(r));

/** A real answer: neither skipped nor "prefer not to say". */
const given = (value: string | string[] | undefined): value is string | string[] =>
	value !== undefined && value !== PREFER_NOT_TO_SAY;

/** Percentage of `rows` whose real answer to `name` passes `test` (denominator: real answers). */
function percent(rows: SimulatedResponse[], name: string, test: (value: string) => boolean) {
	const answered = rows.map((r) => r.answers[name]).filter(given);
	return (100 * answered.filter((v) => test(String(v))).length) / answered.length;
}
const satisfied = (v: string) => v === 'very_satisfied' || v === 'fairly_satisfied';

function meanOf(rows: SimulatedResponse[], name: string) {
	const values = rows
		.map((r) => r.answers[name])
		.filter(given)
		.map(Number);
	return values.reduce((a, b) => a + b, 0) / values.length;
}

const share = (test: (r: SimulatedResponse) => boolean) =>
	(100 * responses.filter(test).length) / responses.length;

describe('calendarQuarters', () => {
	it('gives the eight quarters of 2025 and 2026 with their last days', () => {
		expect(QUARTERS).toHaveLength(8);
		expect(QUARTERS[0]).toEqual({ start: '2025-01-01', end: '2025-03-31' });
		expect(QUARTERS[1]).toEqual({ start: '2025-04-01', end: '2025-06-30' });
		expect(QUARTERS[7]).toEqual({ start: '2026-10-01', end: '2026-12-31' });
	});
});

describe('simulateResponses', () => {
	it('makes exactly the number asked for', () => {
		for (const count of [0, 1, 7, 2000]) expect(simulate(1, count)).toHaveLength(count);
		expect(responses).toHaveLength(2000);
	});

	it('is the same for the same seed and different for another', () => {
		expect(simulate(42)).toEqual(responses);
		const other = simulate(43);
		expect(other).not.toEqual(responses);
		expect(other.map((r) => r.submittedOn)).not.toEqual(responses.map((r) => r.submittedOn));
	});

	it('dates every response inside a quarter, never after `until`, in date order', () => {
		for (const r of responses) {
			expect(r.submittedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			expect(quarterOf(r), r.submittedOn).toBeGreaterThanOrEqual(0);
			expect(r.submittedOn <= UNTIL).toBe(true);
		}
		const days = responses.map((r) => r.submittedOn);
		expect(days).toEqual([...days].sort());
		// Spread within the quarter, not piled on a few days.
		const inFirst = new Set(responses.filter(inQuarters([0])).map((r) => r.submittedOn));
		expect(inFirst.size).toBeGreaterThan(50);
		expect(
			simulateResponses(DEMO_SURVEY, {
				count: 300,
				random: seededRandom(5),
				quarters: QUARTERS,
				until: '2025-05-15'
			}).every((r) => r.submittedOn <= '2025-05-15')
		).toBe(true);
	});

	it('refuses quarters that all lie after `until`', () => {
		expect(() =>
			simulateResponses(DEMO_SURVEY, {
				count: 10,
				random: seededRandom(1),
				quarters: QUARTERS,
				until: '2024-12-31'
			})
		).toThrow();
	});

	it('has more responses per day in each quarter than in the one before (the programme grows)', () => {
		const counts = QUARTERS.map((_, i) => responses.filter(inQuarters([i])).length);
		const openDays = QUARTERS.map((q) => {
			const last = q.end < UNTIL ? q.end : UNTIL;
			return (Date.parse(last) - Date.parse(q.start)) / 86_400_000 + 1;
		});
		const perDay = counts.map((n, i) => n / openDays[i]!);
		for (let i = 1; i < 8; i++) expect(perDay[i], `Q${i + 1}`).toBeGreaterThan(perDay[i - 1]!);
		// Whole quarters grow; the last, two months in, still outnumbers the first.
		for (let i = 1; i < 7; i++) expect(counts[i]).toBeGreaterThan(counts[i - 1]!);
		expect(counts[7]).toBeGreaterThan(counts[0]! * 1.5);
	});

	it('comes about 70 % by web and 30 % by SMS, in en 40 / fr 25 / es 20 / ar 15 %', () => {
		expect(Math.abs(share((r) => r.channel === 'web') - 70)).toBeLessThan(3);
		expect(share((r) => r.channel === 'web') + share((r) => r.channel === 'sms')).toBe(100);
		const targets = { en: 40, fr: 25, es: 20, ar: 15 };
		for (const [code, target] of Object.entries(targets))
			expect(Math.abs(share((r) => r.language === code) - target), code).toBeLessThan(3);
	});

	it('gives answer sets that the server’s check accepts unchanged', () => {
		for (const r of [...responses, ...simulate(7, 500)])
			expect(checkAnswers(DEMO_SURVEY, r.answers)).toEqual({ answers: r.answers, errors: [] });
	});

	it('always has passed the safety check and consent, the only required questions', () => {
		for (const r of responses)
			expect(r.answers).toMatchObject({ safety_check: 'yes', consent: 'yes' });
	});

	it('respects skip logic: reasons only after a negative answer, referral help only if referred', () => {
		const withReasons = responses.filter((r) => r.answers.dissatisfaction_reasons !== undefined);
		const unhappy = responses.filter((r) =>
			['not_very_satisfied', 'not_at_all_satisfied'].includes(String(r.answers.satisfaction))
		);
		expect(withReasons.length).toBeGreaterThan(200);
		expect(withReasons.length).toBeGreaterThan(unhappy.length * 0.9);
		for (const r of withReasons) {
			expect(['not_very_satisfied', 'not_at_all_satisfied']).toContain(r.answers.satisfaction);
			const reasons = r.answers.dissatisfaction_reasons;
			if (reasons !== PREFER_NOT_TO_SAY) expect((reasons as string[]).length).toBeGreaterThan(0);
		}
		const withHelped = responses.filter((r) => r.answers.referral_helped !== undefined);
		expect(withHelped.length).toBeGreaterThan(300);
		for (const r of withHelped) expect(r.answers.was_referred).toBe('yes');
	});

	it('keeps months since support a whole number from 0 to 120', () => {
		const months = responses.map((r) => r.answers.months_since_support).filter(given);
		expect(months.length).toBeGreaterThan(1500);
		for (const m of months) {
			expect(m).toMatch(/^\d+$/);
			expect(Number(m)).toBeLessThanOrEqual(120);
		}
		expect(months.filter((m) => m === '0').length).toBeGreaterThan(200);
	});

	it('never answers by SMS what SMS cannot ask (the long open question)', () => {
		const notBySms = allQuestions(DEMO_SURVEY).filter((q) => !smsAskable(q));
		expect(notBySms.map((q) => q.name)).toEqual(['problems_caused']);
		const sms = responses.filter((r) => r.channel === 'sms');
		expect(sms.length).toBeGreaterThan(400);
		for (const r of sms) for (const q of notBySms) expect(r.answers[q.name]).toBeUndefined();
	});

	it('has about 12 % of web respondents writing, in their own language', () => {
		const web = responses.filter((r) => r.channel === 'web');
		const written = web.filter((r) => given(r.answers.problems_caused));
		const rate = (100 * written.length) / web.length;
		expect(rate).toBeGreaterThan(9);
		expect(rate).toBeLessThan(15);
		for (const r of written) {
			const text = String(r.answers.problems_caused);
			const fits = (lang: string) =>
				Object.values(PROBLEM_ANSWERS[lang]!)
					.flat()
					.some((a) => text === a || text.startsWith(`${a}. `));
			expect(fits(r.language), `${r.language}: ${text}`).toBe(true);
			for (const other of ['en', 'fr', 'es', 'ar'])
				if (other !== r.language) expect(fits(other), `${r.language}: ${text}`).toBe(false);
			expect(/\p{Script=Arabic}/u.test(text)).toBe(r.language === 'ar');
		}
		expect(new Set(written.map((r) => r.language))).toEqual(new Set(['en', 'fr', 'es', 'ar']));
		expect(new Set(written.map((r) => r.answers.problems_caused)).size).toBeGreaterThan(80);
	});

	it('draws open answers from at least 30 distinct ones per language, in shared themes', () => {
		const themes = Object.keys(PROBLEM_ANSWERS.en!).sort();
		expect(themes.length).toBeGreaterThanOrEqual(6);
		for (const lang of ['en', 'fr', 'es', 'ar']) {
			const pool = PROBLEM_ANSWERS[lang]!;
			expect(Object.keys(pool).sort(), lang).toEqual(themes);
			const all = Object.values(pool).flat();
			expect(new Set(all).size, lang).toBeGreaterThanOrEqual(30);
			for (const a of all) expect(a, lang).toBe(a.trim());
		}
	});

	it('has about 3 % "prefer not to say" per question, more on the personal ones', () => {
		const questions = allQuestions(DEMO_SURVEY).filter(
			(q) => q.preferNotToSay && !NON_ANSWER_TYPES.includes(q.type)
		);
		for (const q of questions) {
			const asked = responses.filter((r) => r.answers[q.name] !== undefined);
			const declined = asked.filter((r) => r.answers[q.name] === PREFER_NOT_TO_SAY);
			const rate = (100 * declined.length) / asked.length;
			if (['age_band', 'gender', 'exploitation_form', 'months_since_support'].includes(q.name)) {
				expect(rate, q.name).toBeGreaterThan(5);
				expect(rate, q.name).toBeLessThan(10);
			} else if (q.name !== 'problems_caused') {
				expect(rate, q.name).toBeGreaterThan(1.5);
				expect(rate, q.name).toBeLessThan(5);
			}
		}
		// Some people also just skip a demographic question.
		expect(share((r) => r.answers.gender === undefined)).toBeGreaterThan(2);
	});

	it('shows women about 65 %, men about 30 % and "another way" very rare', () => {
		const g = (v: string) => share((r) => r.answers.gender === v);
		expect(g('woman')).toBeGreaterThan(58);
		expect(g('woman')).toBeLessThan(68);
		expect(g('man')).toBeGreaterThan(25);
		expect(g('man')).toBeLessThan(33);
		expect(g('other_identity')).toBeGreaterThan(0);
		expect(g('other_identity')).toBeLessThan(1.5);
	});

	it('improves over time: satisfaction, safety today, knowing where to get help, income', () => {
		const early = responses.filter(inQuarters([0, 1]));
		const late = responses.filter(inQuarters([6, 7]));
		expect(percent(late, 'satisfaction', satisfied)).toBeGreaterThan(
			percent(early, 'satisfaction', satisfied) + 10
		);
		expect(meanOf(late, 'safety_today')).toBeGreaterThan(meanOf(early, 'safety_today') + 1);
		const agrees = (v: string) => v === 'agree' || v === 'strongly_agree';
		expect(percent(late, 'know_where_help', agrees)).toBeGreaterThan(
			percent(early, 'know_where_help', agrees) + 10
		);
		const income = (v: string) => v === 'yes';
		expect(percent(late, 'regular_income', income)).toBeGreaterThan(
			percent(early, 'regular_income', income) + 10
		);
	});

	it('differs between groups as a programme’s results do', () => {
		const sat = (test: (r: SimulatedResponse) => boolean) =>
			percent(responses.filter(test), 'satisfaction', satisfied);
		expect(sat((r) => r.channel === 'sms')).toBeLessThan(sat((r) => r.channel === 'web') - 3);
		expect(sat((r) => r.answers.waited_too_long === 'yes')).toBeLessThan(
			sat((r) => r.answers.waited_too_long === 'no') - 10
		);
		const safety = (form: string) =>
			meanOf(
				responses.filter((r) => r.answers.exploitation_form === form),
				'safety_today'
			);
		expect(safety('domestic_servitude')).toBeLessThan(safety('labour') - 0.8);
		expect(safety('domestic_servitude')).toBeLessThan(safety('sexual') - 0.8);
		// Regular income improves less for men.
		const incomeGain = (gender: string) => {
			const rows = (qs: number[]) =>
				responses.filter((r) => r.answers.gender === gender && inQuarters(qs)(r));
			const yes = (v: string) => v === 'yes';
			return (
				percent(rows([6, 7]), 'regular_income', yes) - percent(rows([0, 1]), 'regular_income', yes)
			);
		};
		expect(incomeGain('man')).toBeLessThan(incomeGain('woman') - 5);
		// Answers hang together: the satisfied would recommend the service more often.
		const recommends = (test: (v: string) => boolean) =>
			percent(
				responses.filter(
					(r) => given(r.answers.satisfaction) && test(String(r.answers.satisfaction))
				),
				'recommend',
				(v) => v === 'yes'
			);
		expect(recommends(satisfied)).toBeGreaterThan(recommends((v) => !satisfied(v)) + 20);
	});

	it('leaves some quarter × gender and quarter × form cells under 5, most of them above', () => {
		const cells = (name: string, values: string[]) =>
			QUARTERS.flatMap((_, i) =>
				values.map(
					(v) => responses.filter((r) => quarterOf(r) === i && r.answers[name] === v).length
				)
			);
		const gender = cells('gender', ['woman', 'man', 'other_identity']);
		expect(gender.some((n) => n < 5)).toBe(true);
		expect(gender.filter((n) => n >= 5).length).toBeGreaterThan(gender.length / 2);
		const forms = cells('exploitation_form', [
			'labour',
			'sexual',
			'domestic_servitude',
			'forced_marriage',
			'forced_criminality',
			'other_form'
		]);
		expect(forms.filter((n) => n >= 5).length).toBeGreaterThan(forms.length / 2);
		const rare = cells('exploitation_form', ['forced_marriage', 'forced_criminality']);
		expect(rare.some((n) => n < 5)).toBe(true);
		expect(rare.some((n) => n >= 5)).toBe(true);
		expect(rare.every((n) => n < 40)).toBe(true);
	});
});
