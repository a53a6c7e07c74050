import { describe, expect, it } from 'vitest';
import {
	DAC_CRITERIA,
	DIRECTIONS,
	ICAT_ACTIVITY_TYPES,
	INDICATOR_KINDS,
	type IndicatorRule
} from '../../programmes/model';
import {
	allQuestions,
	LIST_TYPES,
	type ChoiceList,
	type Instrument,
	type Question,
	type Text
} from '../../survey/model';
import { NAME_PATTERN } from '../../survey/schema';
import { validateInstrument } from '../../survey/validate';
import { DEMO_SURVEY } from '../demo/survey';
import { computeIndicator } from '../indicators/math';
import {
	addLibraryQuestion,
	findLibraryIndicator,
	INDICATOR_LIBRARY,
	LIBRARY_LANGUAGES,
	QUESTION_LANGUAGES,
	type LibraryIndicator,
	type LibraryQuestion,
	type SurveyLibraryIndicator
} from './library';

const surveyEntries = INDICATOR_LIBRARY.filter(
	(e): e is SurveyLibraryIndicator => e.source === 'survey'
);
const itemsOf = (e: SurveyLibraryIndicator): LibraryQuestion[] => [
	e.question,
	...(e.moreQuestions ?? [])
];
const NOT_ENGLISH = LIBRARY_LANGUAGES.filter((l) => l !== 'en');

/** Question names a rule reads. */
function ruleQuestions(rule: IndicatorRule): string[] {
	switch (rule.kind) {
		case 'percentInSet':
		case 'percentSelecting':
		case 'mean':
		case 'median':
			return [rule.question];
		case 'count':
			return rule.where ? [rule.where.question] : [];
		case 'scaleScore':
			return [...rule.items];
	}
}

/** Choice names a rule reads. */
function ruleChoices(rule: IndicatorRule): string[] {
	if (rule.kind === 'percentInSet') return [...rule.choices];
	if (rule.kind === 'percentSelecting') return [rule.choice];
	if (rule.kind === 'count') return [...(rule.where?.choices ?? [])];
	return [];
}

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object') {
		Object.freeze(value);
		for (const child of Object.values(value)) deepFreeze(child);
	}
	return value;
}

const demo = (): Instrument => structuredClone(DEMO_SURVEY);

function ids() {
	let n = 0;
	return () => `new_${++n}`;
}

const byId = (id: string): LibraryIndicator => {
	const entry = findLibraryIndicator(id);
	if (!entry) throw new Error(`no library entry ${id}`);
	return entry;
};
const surveyById = (id: string): SurveyLibraryIndicator => {
	const entry = byId(id);
	if (entry.source !== 'survey') throw new Error(`${id} is manual`);
	return entry;
};

function questionNamed(instrument: Instrument, name: string): Question | undefined {
	return allQuestions(instrument).find((q) => q.name === name);
}
function pageOf(instrument: Instrument, name: string): string | undefined {
	return instrument.pages.find((p) => p.questions.some((q) => q.name === name))?.name;
}
function listNamed(instrument: Instrument, name: string): ChoiceList | undefined {
	return instrument.choiceLists.find((l) => l.name === name);
}

/** A text question (not a select) whose name clashes with a library question. */
function textQuestion(name: string): Question {
	return {
		id: `q_${name}`,
		type: 'text',
		name,
		label: { en: 'Anything else?' },
		preferNotToSay: true
	};
}

describe('INDICATOR_LIBRARY: entries', () => {
	it('has at least 28 entries with unique kebab-case ids and unique codes', () => {
		expect(INDICATOR_LIBRARY.length).toBeGreaterThanOrEqual(28);
		const idList = INDICATOR_LIBRARY.map((e) => e.id);
		const codes = INDICATOR_LIBRARY.map((e) => e.code);
		expect(new Set(idList).size).toBe(idList.length);
		expect(new Set(codes).size).toBe(codes.length);
		for (const e of INDICATOR_LIBRARY) {
			expect(e.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
			expect(e.code, e.id).toMatch(/^[A-Z]+-\d+$/);
		}
	});

	it.each(INDICATOR_LIBRARY.map((e) => [e.id, e] as const))(
		'%s: level, tags, kind, unit and direction are valid',
		(_, e) => {
			expect(['outcome', 'output']).toContain(e.level);
			expect(e.icat.length).toBeGreaterThan(0);
			for (const t of e.icat) expect(ICAT_ACTIVITY_TYPES).toContain(t);
			expect(new Set(e.icat).size).toBe(e.icat.length);
			expect(DAC_CRITERIA).toContain(e.criterion);
			expect(INDICATOR_KINDS).toContain(e.kind);
			expect(DIRECTIONS).toContain(e.direction);
			expect(e.unit.trim()).not.toBe('');
			for (const d of e.disaggregations) expect(d).toMatch(NAME_PATTERN);
			// Percentages are stated as such, counts as numbers of something.
			if (e.kind === 'percentInSet' || e.kind === 'percentSelecting') expect(e.unit).toBe('%');
			if (e.kind === 'count') expect(e.unit).not.toBe('%');
		}
	);

	it.each(INDICATOR_LIBRARY.map((e) => [e.id, e] as const))(
		'%s: statement and means of verification are translated into all six languages',
		(_, e) => {
			for (const [field, text] of [
				['statement', e.statement],
				['meansOfVerification', e.meansOfVerification]
			] as const) {
				expect(Object.keys(text).sort(), field).toEqual([...LIBRARY_LANGUAGES].sort());
				for (const lang of LIBRARY_LANGUAGES)
					expect(text[lang].trim(), `${field} [${lang}]`).not.toBe('');
				for (const lang of NOT_ENGLISH)
					expect(text[lang], `${field} [${lang}] is English`).not.toBe(text.en);
				// In the right script: a swapped or pasted-over translation shows here.
				expect(text.ar, `${field} [ar]`).toMatch(/\p{Script=Arabic}/u);
				expect(text.ru, `${field} [ru]`).toMatch(/\p{Script=Cyrillic}/u);
				for (const lang of ['en', 'fr', 'es', 'pt'] as const)
					expect(text[lang], `${field} [${lang}]`).not.toMatch(
						/\p{Script=Arabic}|\p{Script=Cyrillic}/u
					);
			}
		}
	);

	it('has no two entries with the same English statement', () => {
		const statements = INDICATOR_LIBRARY.map((e) => e.statement.en);
		expect(new Set(statements).size).toBe(statements.length);
	});

	it('measures outcomes, not only outputs', () => {
		const levels = INDICATOR_LIBRARY.map((e) => e.level);
		expect(levels.filter((l) => l === 'outcome').length).toBeGreaterThanOrEqual(10);
		expect(levels.filter((l) => l === 'output').length).toBeGreaterThanOrEqual(5);
	});

	it.each(ICAT_ACTIVITY_TYPES.map((t) => [t]))('covers the ICAT activity type %s', (type) => {
		expect(INDICATOR_LIBRARY.some((e) => e.icat.includes(type))).toBe(true);
	});

	it.each(DAC_CRITERIA.map((c) => [c]))('covers the DAC criterion %s', (criterion) => {
		expect(INDICATOR_LIBRARY.some((e) => e.criterion === criterion)).toBe(true);
	});

	it.each(INDICATOR_KINDS.map((k) => [k]))('has a survey indicator of kind %s', (kind) => {
		expect(surveyEntries.some((e) => e.rule.kind === kind)).toBe(true);
	});

	it.each(INDICATOR_LIBRARY.map((e) => [e.id, e] as const))(
		'%s: manual entries have no question or rule; survey entries have both, of the same kind',
		(_, e) => {
			if (e.source === 'manual') {
				expect(e.question).toBeNull();
				expect(e.rule).toBeNull();
				expect('moreQuestions' in e).toBe(false);
			} else {
				expect(e.question).not.toBeNull();
				expect(e.rule.kind).toBe(e.kind);
				if (e.moreQuestions) expect(e.kind).toBe('scaleScore');
			}
		}
	);

	it('is frozen: no caller can edit a shared entry', () => {
		const entry = surveyById('satisfied-with-support');
		expect(() => {
			(entry.question.question.label as Record<string, string>).en = 'changed';
		}).toThrow(TypeError);
		expect(() => {
			(INDICATOR_LIBRARY as LibraryIndicator[]).pop();
		}).toThrow(TypeError);
	});
});

describe('INDICATOR_LIBRARY: suggested questions', () => {
	const items = surveyEntries.flatMap((e) => itemsOf(e).map((item) => [e.id, item] as const));

	/** Every text of a suggested question with where it sits. */
	function textsOf(item: LibraryQuestion): [string, Text][] {
		const q = item.question;
		const found: [string, Text | undefined][] = [
			['label', q.label],
			['hint', q.hint],
			['requiredMessage', q.requiredMessage],
			['constraintMessage', q.constraintMessage],
			['range.startLabel', q.range?.startLabel],
			['range.endLabel', q.range?.endLabel]
		];
		for (const c of item.list?.choices ?? []) found.push([`choice ${c.name}`, c.label]);
		return found.filter((x): x is [string, Text] => x[1] !== undefined);
	}

	it.each(items.map(([id, item]) => [`${id} ${item.question.name}`, item] as const))(
		'%s: is optional, offers "prefer not to say" and has a valid name and type',
		(_, item) => {
			const q = item.question;
			expect(q.name).toMatch(NAME_PATTERN);
			expect(q.required).toBe(false);
			expect(q.preferNotToSay).toBe(true);
			expect(['select_one', 'select_multiple', 'range', 'integer']).toContain(q.type);
			expect(q.relevant, 'a suggestion cannot rely on other questions').toBeUndefined();
			if (LIST_TYPES.includes(q.type)) {
				expect(item.list, 'a select question brings its list').toBeDefined();
				expect(q.listName).toBe(item.list!.name);
				const names = item.list!.choices.map((c) => c.name);
				expect(names.length).toBeGreaterThanOrEqual(2);
				expect(new Set(names).size).toBe(names.length);
				for (const n of names) expect(n).toMatch(/^[A-Za-z0-9_]+$/);
			} else {
				expect(item.list).toBeUndefined();
				expect(q.listName).toBeUndefined();
			}
			if (q.type === 'range') {
				expect(q.range).toBeDefined();
				expect(q.range!.end).toBeGreaterThan(q.range!.start);
			}
		}
	);

	it.each(items.map(([id, item]) => [`${id} ${item.question.name}`, item] as const))(
		'%s: label, hint and choice labels are in en, fr, es and ar',
		(_, item) => {
			for (const [where, text] of textsOf(item)) {
				for (const lang of QUESTION_LANGUAGES)
					expect(text[lang]?.trim(), `${where} [${lang}]`).toBeTruthy();
				expect(text.ar, `${where} [ar]`).toMatch(/\p{Script=Arabic}/u);
			}
			// Choice labels can coincide ("No" is Spanish too); question labels cannot.
			const label = item.question.label;
			for (const lang of ['fr', 'es', 'ar']) expect(label[lang], lang).not.toBe(label.en);
		}
	);

	it.each(items.map(([id, item]) => [`${id} ${item.question.name}`, item] as const))(
		'%s: names neither trafficking nor the programme (the screen may be seen by someone else)',
		(_, item) => {
			const topic = [
				/traffick/i,
				/(?<!\p{L})(traite|trata|tráfico)s?(?!\p{L})/iu,
				/الاتجار|الإتجار|بالبشر/
			];
			for (const [where, text] of textsOf(item))
				for (const value of Object.values(text))
					for (const pattern of topic) expect(value, where).not.toMatch(pattern);
		}
	);

	it('gives one name a single meaning across entries (same type and list wherever it recurs)', () => {
		const seen = new Map<string, LibraryQuestion>();
		for (const [, item] of items) {
			const before = seen.get(item.question.name);
			if (before) expect(item).toEqual(before);
			else seen.set(item.question.name, item);
		}
		// And one list name, one set of choices.
		const lists = new Map<string, ChoiceList>();
		for (const [, item] of items) {
			if (!item.list) continue;
			const before = lists.get(item.list.name);
			if (before) expect(item.list).toEqual(before);
			else lists.set(item.list.name, item.list);
		}
	});
});

describe('INDICATOR_LIBRARY: rules', () => {
	it.each(surveyEntries.map((e) => [e.id, e] as const))(
		'%s: the rule reads exactly the suggested question(s) and only choices of its list',
		(_, e) => {
			const items = itemsOf(e);
			expect(ruleQuestions(e.rule)).toEqual(items.map((i) => i.question.name));
			const main = e.question;
			const listChoices = main.list?.choices.map((c) => c.name) ?? [];
			const choices = ruleChoices(e.rule);
			for (const c of choices) expect(listChoices, `choice ${c}`).toContain(c);
			if (e.rule.kind === 'percentInSet') {
				expect(choices.length).toBeGreaterThan(0);
				// A set holding every choice would always read 100 %.
				expect(choices.length).toBeLessThan(listChoices.length);
				expect(new Set(choices).size).toBe(choices.length);
			}
		}
	);

	it.each(surveyEntries.map((e) => [e.id, e] as const))(
		'%s: the kind fits the question type',
		(_, e) => {
			const type = e.question.question.type;
			switch (e.rule.kind) {
				case 'percentInSet':
					expect(['select_one', 'select_multiple']).toContain(type);
					break;
				case 'percentSelecting':
					expect(type).toBe('select_multiple');
					break;
				case 'mean':
				case 'median':
					expect(['range', 'integer']).toContain(type);
					break;
				case 'count':
					if (e.rule.where) expect(['select_one', 'select_multiple']).toContain(type);
					break;
				case 'scaleScore': {
					expect(itemsOf(e).length).toBeGreaterThanOrEqual(3);
					for (const item of itemsOf(e)) {
						expect(['range', 'integer']).toContain(item.question.type);
						if (e.rule.rescaleFrom) {
							expect(item.question.range?.start).toBe(e.rule.rescaleFrom.min);
							expect(item.question.range?.end).toBe(e.rule.rescaleFrom.max);
						}
					}
					break;
				}
			}
		}
	);

	it.each(surveyEntries.map((e) => [e.id, e] as const))(
		'%s: computes a figure from answers to the suggested question',
		(_, e) => {
			// One respondent giving the answer the rule counts (or the top of a numeric scale).
			const answers: Record<string, string | string[]> = {};
			for (const item of itemsOf(e)) {
				const q = item.question;
				const counted = ruleChoices(e.rule)[0];
				if (q.type === 'select_multiple')
					answers[q.name] = [counted ?? item.list!.choices[0]!.name];
				else if (q.type === 'select_one') answers[q.name] = counted ?? item.list!.choices[0]!.name;
				else answers[q.name] = String(q.range?.end ?? 3);
			}
			const result = computeIndicator([answers], e.rule);
			expect(result.n).toBe(1);
			expect(result.excluded).toBe(0);
			if (e.kind === 'percentInSet' || e.kind === 'percentSelecting')
				expect(result.value).toBe(100);
			if (e.kind === 'scaleScore') expect(result.value).toBe(100);
			if (e.kind === 'count') expect(result.value).toBe(1);
		}
	);

	// These demo questions are what the library's survivor-feedback indicators read.
	const DEMO_ALIGNED = [
		['satisfied-with-support', 'satisfaction'],
		['would-recommend', 'recommend'],
		['say-in-decisions', 'say_in_decisions'],
		['treated-with-respect', 'respect'],
		['clear-information', 'clear_information'],
		['privacy-kept', 'privacy_kept'],
		['felt-safe-during-support', 'felt_safe_during'],
		['feeling-of-safety-mean', 'safety_today'],
		['feeling-of-safety-median', 'safety_today'],
		['know-where-to-get-help', 'know_where_help'],
		['regular-income-12-months', 'regular_income'],
		['people-to-rely-on', 'people_to_rely_on'],
		['waited-too-long', 'waited_too_long'],
		['referral-helpful', 'referral_helped'],
		['referred-to-other-service', 'was_referred'],
		['received-legal-help', 'support_received'],
		['received-counselling', 'support_received'],
		['received-skills-or-job-help', 'support_received'],
		['helped-returning-home', 'support_received']
	] as const;

	it.each(DEMO_ALIGNED)('%s reads the demo survey question %s as it is', (id, name) => {
		const before = demo();
		const result = addLibraryQuestion(before, byId(id), ids());
		expect(result.added).toBe(false);
		expect(result.questionName).toBe(name);
		expect(result.rule).toEqual(surveyById(id).rule);
		expect(result.instrument).toEqual(DEMO_SURVEY);
	});

	it('disaggregates person-level survivor indicators by the demo survey’s gender, age band and form of exploitation', () => {
		for (const [id] of DEMO_ALIGNED) {
			const e = byId(id);
			expect(e.disaggregations.slice(0, 3), id).toEqual([
				'gender',
				'age_band',
				'exploitation_form'
			]);
			for (const d of e.disaggregations) {
				const q = questionNamed(DEMO_SURVEY, d);
				expect(q?.type, `${id} by ${d}`).toBe('select_one');
			}
		}
	});
});

describe('findLibraryIndicator', () => {
	it('finds every entry by its id and nothing else', () => {
		for (const e of INDICATOR_LIBRARY) expect(findLibraryIndicator(e.id)).toBe(e);
		expect(findLibraryIndicator('no-such-indicator')).toBeUndefined();
		expect(findLibraryIndicator('')).toBeUndefined();
		expect(findLibraryIndicator('SAT-1')).toBeUndefined();
	});
});

describe('addLibraryQuestion', () => {
	it.each(surveyEntries.map((e) => [e.id, e] as const))(
		'%s: added to the demo survey, it stays publishable and the rule reads what is there',
		(_, e) => {
			const before = demo();
			const { instrument, rule, questionNames } = addLibraryQuestion(before, e, ids());
			expect(validateInstrument(instrument)).toEqual(validateInstrument(DEMO_SURVEY));
			expect(before).toEqual(DEMO_SURVEY);
			expect(ruleQuestions(rule)).toEqual(questionNames);
			for (const [i, item] of itemsOf(e).entries()) {
				const q = questionNamed(instrument, questionNames[i]!);
				expect(q?.type).toBe(item.question.type);
				if (item.list) {
					const list = listNamed(instrument, q!.listName!);
					for (const c of ruleChoices(rule)) expect(list?.choices.map((x) => x.name)).toContain(c);
				}
			}
		}
	);

	it('appends a new question to the last page (not the safety or consent page), with its list', () => {
		const entry = surveyById('support-met-needs');
		const before = {
			...demo(),
			choiceLists: demo().choiceLists.filter((l) => l.name !== 'agree5')
		};
		// Without agree5 the demo's agreement questions would dangle: drop them too.
		before.pages = before.pages.map((p) => ({
			...p,
			questions: p.questions.filter((q) => q.listName !== 'agree5')
		}));
		const result = addLibraryQuestion(before, entry, ids());
		expect(result.added).toBe(true);
		expect(result.questionName).toBe('support_met_needs');
		expect(pageOf(result.instrument, 'support_met_needs')).toBe('about_you');
		const pageQuestions = result.instrument.pages.at(-1)!.questions;
		expect(pageQuestions.at(-1)?.name).toBe('support_met_needs');
		expect(pageQuestions.at(-1)?.id).toBe('new_1');
		expect(listNamed(result.instrument, 'agree5')?.choices.map((c) => c.name)).toEqual(
			entry.question.list!.choices.map((c) => c.name)
		);
		expect(validateInstrument(result.instrument)).toEqual([]);
	});

	it('reuses an existing list with the same choices, whatever its labels', () => {
		const before = demo();
		const result = addLibraryQuestion(before, surveyById('support-met-needs'), ids());
		expect(result.added).toBe(true);
		expect(questionNamed(result.instrument, 'support_met_needs')?.listName).toBe('agree5');
		expect(result.instrument.choiceLists).toEqual(DEMO_SURVEY.choiceLists);
	});

	it('is idempotent: adding the same entry twice adds it once', () => {
		const entry = surveyById('wellbeing-score');
		const once = addLibraryQuestion(demo(), entry, ids());
		const twice = addLibraryQuestion(once.instrument, entry, ids());
		expect(once.added).toBe(true);
		expect(twice.added).toBe(false);
		expect(twice.instrument).toEqual(once.instrument);
		expect(twice.rule).toEqual(once.rule);
		expect(twice.questionNames).toEqual(once.questionNames);
	});

	it('adds every item of a scale together, on one page, and the rule reads them all', () => {
		const entry = surveyById('wellbeing-score');
		const result = addLibraryQuestion(demo(), entry, ids());
		expect(result.questionNames).toEqual([
			'wellbeing_cheerful',
			'wellbeing_calm',
			'wellbeing_active',
			'wellbeing_rested',
			'wellbeing_interest'
		]);
		expect(result.questionName).toBe('wellbeing_cheerful');
		expect(result.rule).toEqual(entry.rule);
		expect(new Set(result.questionNames.map((n) => pageOf(result.instrument, n)))).toEqual(
			new Set(['about_you'])
		);
		const added = allQuestions(result.instrument).filter((q) => q.name.startsWith('wellbeing_'));
		expect(new Set(added.map((q) => q.id)).size).toBe(5);
	});

	it('suffixes the name when a question of another type has it, and rewrites the rule', () => {
		const before = demo();
		before.pages[2]!.questions[0] = textQuestion('satisfaction');
		const entry = surveyById('satisfied-with-support');
		const result = addLibraryQuestion(before, entry, ids());
		expect(result.added).toBe(true);
		expect(result.questionName).toBe('satisfaction_2');
		expect(result.rule).toEqual({ ...entry.rule, question: 'satisfaction_2' });
		expect(questionNamed(result.instrument, 'satisfaction')?.type).toBe('text');
		expect(questionNamed(result.instrument, 'satisfaction_2')?.type).toBe('select_one');
		// The suffixed question is found again next time rather than added a third time.
		const again = addLibraryQuestion(result.instrument, entry, ids());
		expect(again.added).toBe(false);
		expect(again.questionName).toBe('satisfaction_2');
	});

	it('skips every taken suffix, pages’ names included', () => {
		const before = demo();
		before.pages[2]!.questions.push(textQuestion('recommend_2'));
		before.pages[3]!.name = 'recommend_3';
		before.pages = before.pages.map((p) => ({
			...p,
			questions: p.questions.map((q) => (q.name === 'recommend' ? textQuestion('recommend') : q))
		}));
		const result = addLibraryQuestion(before, surveyById('would-recommend'), ids());
		expect(result.questionName).toBe('recommend_4');
		expect(result.rule).toMatchObject({ question: 'recommend_4' });
		expect(validateInstrument(result.instrument)).toEqual([]);
	});

	it('rewrites a count rule’s condition and a scale’s items', () => {
		const before = demo();
		before.pages[2]!.questions = before.pages[2]!.questions.map((q) =>
			q.name === 'support_received' ? textQuestion('support_received') : q
		);
		before.pages[2]!.questions.push({ ...textQuestion('wellbeing_calm'), id: 'q_calm' });
		const count = addLibraryQuestion(before, surveyById('helped-returning-home'), ids());
		expect(count.rule).toEqual({
			kind: 'count',
			where: { question: 'support_received_2', choices: ['help_returning_home'] }
		});
		const scale = addLibraryQuestion(before, surveyById('wellbeing-score'), ids());
		expect(scale.rule).toMatchObject({
			kind: 'scaleScore',
			items: [
				'wellbeing_cheerful',
				'wellbeing_calm_2',
				'wellbeing_active',
				'wellbeing_rested',
				'wellbeing_interest'
			]
		});
		expect(validateInstrument(scale.instrument)).toEqual([]);
	});

	it('does not read a same-type question whose list has other choices: the rule would name choices it lacks', () => {
		const before = demo();
		const list = before.choiceLists.find((l) => l.name === 'satisfaction4')!;
		list.choices = list.choices.slice(0, 2);
		const result = addLibraryQuestion(before, surveyById('satisfied-with-support'), ids());
		expect(result.added).toBe(true);
		expect(result.questionName).toBe('satisfaction_2');
		const added = questionNamed(result.instrument, 'satisfaction_2')!;
		// The name satisfaction4 is taken by a list with other choices: the new list is suffixed.
		expect(added.listName).toBe('satisfaction4_2');
		expect(listNamed(result.instrument, 'satisfaction4')?.choices).toHaveLength(2);
		expect(listNamed(result.instrument, 'satisfaction4_2')?.choices).toHaveLength(4);
		expect(validateInstrument(result.instrument)).toEqual([]);
	});

	it('suffixes the list name when a list of that name has other choices', () => {
		const before = demo();
		before.choiceLists.push({
			name: 'migration_plans',
			choices: [
				{ name: 'stay', label: { en: 'Stay' } },
				{ name: 'go', label: { en: 'Go' } }
			]
		});
		const result = addLibraryQuestion(before, surveyById('plan-to-check-recruiter'), ids());
		expect(result.questionName).toBe('migration_plans');
		expect(questionNamed(result.instrument, 'migration_plans')?.listName).toBe('migration_plans_2');
		expect(listNamed(result.instrument, 'migration_plans')?.choices.map((c) => c.name)).toEqual([
			'stay',
			'go'
		]);
		expect(validateInstrument(result.instrument)).toEqual([]);
	});

	it('does not read a range question with other ends', () => {
		const before = demo();
		const safety = questionNamed(before, 'safety_today')!;
		safety.range = { start: 1, end: 5, step: 1 };
		const result = addLibraryQuestion(before, surveyById('feeling-of-safety-mean'), ids());
		expect(result.questionName).toBe('safety_today_2');
		expect(questionNamed(result.instrument, 'safety_today_2')?.range).toMatchObject({
			start: 0,
			end: 10
		});
	});

	it('opens a page of its own, with a neutral label, when only the safety and consent pages exist', () => {
		const before = demo();
		before.pages = before.pages.slice(0, 2);
		before.pages[1]!.questions.push(textQuestion('indicators'));
		const result = addLibraryQuestion(before, surveyById('satisfied-with-support'), ids());
		const page = result.instrument.pages.at(-1)!;
		expect(result.instrument.pages).toHaveLength(3);
		expect(page.name).toBe('indicators_2');
		expect(page.id).toBe('new_2');
		expect(page.questions.map((q) => q.name)).toEqual(['satisfaction']);
		expect(Object.keys(page.label).sort()).toEqual(['ar', 'en', 'es', 'fr']);
		for (const value of Object.values(page.label)) expect(value.trim()).not.toBe('');
		expect(page.label.fr).not.toBe(page.label.en);
		expect(validateInstrument(result.instrument)).toEqual([]);
	});

	it('passes over a page shown only under a condition', () => {
		const before = demo();
		before.pages.at(-1)!.relevant = "${recommend} = 'yes'";
		const result = addLibraryQuestion(before, surveyById('support-met-needs'), ids());
		expect(pageOf(result.instrument, 'support_met_needs')).toBe('referral');
	});

	it('keeps only the instrument’s languages, filling a missing one with the English text', () => {
		const before = demo();
		before.languages = [
			{ code: 'fr-CA', name: 'Français', dir: 'ltr' },
			{ code: 'ru', name: 'Русский', dir: 'ltr' }
		];
		before.defaultLanguage = 'fr-CA';
		const entry = surveyById('plan-to-check-recruiter');
		const result = addLibraryQuestion(before, entry, ids());
		const q = questionNamed(result.instrument, result.questionName)!;
		const suggested = entry.question.question;
		expect(q.label).toEqual({ 'fr-CA': suggested.label.fr, ru: suggested.label.en });
		expect(q.hint).toEqual({ 'fr-CA': suggested.hint!.fr, ru: suggested.hint!.en });
		const list = listNamed(result.instrument, q.listName!)!;
		for (const [i, c] of list.choices.entries()) {
			const source = entry.question.list!.choices[i]!;
			expect(c.label).toEqual({ 'fr-CA': source.label.fr, ru: source.label.en });
		}
		const scale = addLibraryQuestion(before, surveyById('wellbeing-score'), ids());
		const item = questionNamed(scale.instrument, 'wellbeing_calm')!;
		for (const text of [item.range!.startLabel!, item.range!.endLabel!])
			expect(Object.keys(text).sort()).toEqual(['fr-CA', 'ru']);
	});

	it('never changes its input or the library, and hands back questions the caller may edit', () => {
		const frozen = deepFreeze(demo());
		const clashing = demo();
		clashing.pages = clashing.pages.slice(0, 2);
		clashing.choiceLists.push({
			name: 'signs_named',
			choices: [{ name: 'x', label: { en: 'X' } }]
		});
		deepFreeze(clashing);
		const snapshot = structuredClone(frozen);
		for (const e of surveyEntries) {
			for (const input of [frozen, clashing]) {
				const result = addLibraryQuestion(input, e, ids());
				expect(result.instrument).not.toBe(input);
				for (const name of result.questionNames) {
					const q = questionNamed(result.instrument, name)!;
					if (result.added && !questionNamed(input, name)) {
						expect(Object.isFrozen(q)).toBe(false);
						q.label.en = 'edited';
					}
				}
			}
		}
		expect(frozen).toEqual(snapshot);
		expect(surveyById('support-met-needs').question.question.label.en).toBe(
			'The support I received was what I needed.'
		);
	});

	it('refuses a manual entry, which has no question', () => {
		const manual = INDICATOR_LIBRARY.find((e) => e.source === 'manual')!;
		expect(() => addLibraryQuestion(demo(), manual, ids())).toThrow(TypeError);
	});
});
