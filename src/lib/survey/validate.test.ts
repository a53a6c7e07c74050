import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Instrument, Question } from './model';
import { translationGaps, validateInstrument, type InstrumentIssue } from './validate';

function question(name: string, more: Partial<Question> = {}): Question {
	return {
		id: `id_${name}`,
		type: 'text',
		name,
		label: { en: `Label of ${name}`, fr: `Libellé de ${name}` },
		preferNotToSay: true,
		...more
	};
}

/** A small instrument with no issue at all: every case below breaks one thing in it. */
function valid(): Instrument {
	return {
		formId: 'validate_test',
		languages: [
			{ code: 'en', name: 'English', dir: 'ltr' },
			{ code: 'fr', name: 'Français', dir: 'ltr' }
		],
		defaultLanguage: 'en',
		title: { en: 'Feedback', fr: 'Avis' },
		choiceLists: [
			{
				name: 'yesno',
				choices: [
					{ name: 'yes', label: { en: 'Yes', fr: 'Oui' } },
					{ name: 'no', label: { en: 'No', fr: 'Non' } }
				]
			}
		],
		pages: [
			{
				id: 'p_start',
				name: 'start',
				label: {},
				questions: [
					question('safety', { type: 'safety_check', preferNotToSay: false }),
					question('consent', { type: 'consent', preferNotToSay: false })
				]
			},
			{
				id: 'p_main',
				name: 'main',
				label: { en: 'Main', fr: 'Principal' },
				relevant: "${consent} = 'yes'",
				questions: [
					question('helped', { type: 'select_one', listName: 'yesno' }),
					question('score', { type: 'range', range: { start: 0, end: 10, step: 1 } }),
					question('why', { relevant: "${helped} = 'no'" }),
					question('double', { type: 'calculate', label: {}, calculation: '${score} * 2' }),
					question('age', { type: 'integer', constraint: '. >= 18', default: '18' })
				]
			}
		]
	};
}

/** The question called `name` in `x` (for patching in place). */
function q(x: Instrument, name: string): Question {
	const found = x.pages.flatMap((p) => p.questions).find((item) => item.name === name);
	if (!found) throw new Error(`no question ${name}`);
	return found;
}

function issuesAfter(change: (x: Instrument) => void): InstrumentIssue[] {
	const x = valid();
	change(x);
	return validateInstrument(x);
}

describe('validateInstrument', () => {
	it('finds nothing wrong with a sound instrument', () => {
		expect(validateInstrument(valid())).toEqual([]);
	});

	it.each<[string, (x: Instrument) => void, InstrumentIssue[]]>([
		['no pages', (x) => (x.pages = []), [{ code: 'noPages' }]],
		[
			'pages without questions',
			(x) =>
				x.pages.forEach((p) => {
					p.questions = [];
					delete p.relevant;
				}),
			[{ code: 'noPages' }]
		],
		[
			'a default language the survey does not offer',
			(x) => (x.defaultLanguage = 'de'),
			[{ code: 'defaultLanguage', detail: 'de' }]
		],
		[
			'a question name starting with a digit',
			(x) => (q(x, 'why').name = '1why'),
			[{ code: 'invalidName', subject: '1why' }]
		],
		[
			'a question name with a space',
			(x) => (q(x, 'why').name = 'why not'),
			[{ code: 'invalidName', subject: 'why not' }]
		],
		[
			'an empty question name',
			(x) => (q(x, 'why').name = ''),
			[{ code: 'invalidName', subject: '' }]
		],
		[
			'a name longer than 64 characters',
			(x) => (q(x, 'why').name = 'w'.repeat(65)),
			[{ code: 'invalidName', subject: 'w'.repeat(65) }]
		],
		[
			'a page name with a slash',
			(x) => (x.pages[0]!.name = 'a/b'),
			[{ code: 'invalidName', subject: 'a/b' }]
		],
		[
			'two questions with one name (reported once)',
			(x) => (q(x, 'age').name = 'why'),
			[{ code: 'duplicateName', subject: 'why' }]
		],
		[
			'three questions with one name (reported once)',
			(x) => {
				q(x, 'age').name = 'why';
				q(x, 'helped').name = 'why';
			},
			// `why` still refers to ${helped}, which no longer exists.
			[
				{ code: 'duplicateName', subject: 'why' },
				{ code: 'unknownReference', subject: 'why', column: 'relevant', detail: 'helped' }
			]
		],
		[
			'a page named like a question',
			(x) => (x.pages[1]!.name = 'age'),
			[{ code: 'duplicateName', subject: 'age' }]
		],
		['an empty label', (x) => (q(x, 'why').label = {}), [{ code: 'emptyLabel', subject: 'why' }]],
		[
			'a label of blanks in every language',
			(x) => (q(x, 'why').label = { en: '  ', fr: '' }),
			[{ code: 'emptyLabel', subject: 'why' }]
		],
		[
			'a note without a label',
			(x) => Object.assign(q(x, 'why'), { type: 'note', label: {} }),
			[{ code: 'emptyLabel', subject: 'why' }]
		],
		[
			'a select_one without a list',
			(x) => delete q(x, 'helped').listName,
			[{ code: 'missingList', subject: 'helped' }]
		],
		[
			'a rank without a list',
			(x) => (q(x, 'why').type = 'rank'),
			[{ code: 'missingList', subject: 'why' }]
		],
		[
			'a select_multiple on a list that does not exist',
			(x) => Object.assign(q(x, 'helped'), { type: 'select_multiple', listName: 'nope' }),
			[{ code: 'unknownList', subject: 'helped', detail: 'nope' }]
		],
		[
			'an empty choice list',
			(x) => x.choiceLists.push({ name: 'empty', choices: [] }),
			[{ code: 'emptyList', subject: 'empty' }]
		],
		[
			'a choice listed twice',
			(x) => x.choiceLists[0]!.choices.push({ name: 'yes', label: { en: 'Yes again' } }),
			[{ code: 'duplicateChoice', subject: 'yesno', detail: 'yes' }]
		],
		[
			'a choice name with a space',
			(x) => x.choiceLists[0]!.choices.push({ name: 'not sure', label: { en: 'Not sure' } }),
			[{ code: 'invalidChoiceName', subject: 'yesno', detail: 'not sure' }]
		],
		[
			'an empty choice name',
			(x) => x.choiceLists[0]!.choices.push({ name: '', label: { en: 'Blank' } }),
			[{ code: 'invalidChoiceName', subject: 'yesno', detail: '' }]
		],
		[
			'a range without bounds',
			(x) => delete q(x, 'score').range,
			[{ code: 'invalidRange', subject: 'score' }]
		],
		[
			'a range whose end is its start',
			(x) => (q(x, 'score').range = { start: 5, end: 5, step: 1 }),
			[{ code: 'invalidRange', subject: 'score' }]
		],
		[
			'a range that runs backwards',
			(x) => (q(x, 'score').range = { start: 10, end: 0, step: 1 }),
			[{ code: 'invalidRange', subject: 'score' }]
		],
		[
			'a range with a zero step',
			(x) => (q(x, 'score').range = { start: 0, end: 10, step: 0 }),
			[{ code: 'invalidRange', subject: 'score' }]
		],
		[
			'a range with a negative step',
			(x) => (q(x, 'score').range = { start: 0, end: 10, step: -1 }),
			[{ code: 'invalidRange', subject: 'score' }]
		],
		[
			'a range of more than 100 steps',
			(x) => (q(x, 'score').range = { start: 0, end: 101, step: 1 }),
			[{ code: 'invalidRange', subject: 'score' }]
		],
		[
			'a calculate without a calculation',
			(x) => (q(x, 'double').calculation = '  '),
			[{ code: 'calculateWithoutCalculation', subject: 'double' }]
		],
		[
			'a relevant that refers to an unknown question',
			(x) => (q(x, 'why').relevant = "${nope} = 'no'"),
			[{ code: 'unknownReference', subject: 'why', column: 'relevant', detail: 'nope' }]
		],
		[
			'a page relevant that refers to an unknown question',
			(x) => (x.pages[1]!.relevant = '${nope}'),
			[{ code: 'unknownReference', subject: 'main', column: 'relevant', detail: 'nope' }]
		],
		[
			'a constraint that refers to an unknown question',
			(x) => (q(x, 'age').constraint = '. < ${max}'),
			[{ code: 'unknownReference', subject: 'age', column: 'constraint', detail: 'max' }]
		],
		[
			'a calculation that refers to an unknown question',
			(x) => (q(x, 'double').calculation = '${scor} * 2'),
			[{ code: 'unknownReference', subject: 'double', column: 'calculation', detail: 'scor' }]
		],
		[
			'a default that refers to an unknown question',
			(x) => (q(x, 'age').default = '${nope}'),
			[{ code: 'unknownReference', subject: 'age', column: 'default', detail: 'nope' }]
		],
		[
			'two questions whose relevant and calculation read each other',
			(x) => (q(x, 'score').relevant = '${double} > 0'),
			[{ code: 'cycle', subject: 'score', detail: 'score → double → score' }]
		],
		[
			'a question whose relevant reads itself',
			(x) => (q(x, 'why').relevant = "${why} = ''"),
			[{ code: 'cycle', subject: 'why', detail: 'why → why' }]
		]
	])('reports %s', (_what, change, expected) => {
		expect(issuesAfter(change)).toEqual(expected);
	});

	it.each<[string, (x: Instrument) => void]>([
		['a label in another language only', (x) => (q(x, 'why').label = { fr: 'Pourquoi' })],
		['a literal default that is not an expression', (x) => (q(x, 'why').default = 'no idea (')],
		['a blank relevant', (x) => (q(x, 'why').relevant = '   ')],
		[
			'a choice filter that names a choices column bare',
			(x) => (q(x, 'helped').choiceFilter = 'filter = ${age}')
		],
		[
			'a range of exactly 100 steps',
			(x) => (q(x, 'score').range = { start: 0, end: 50, step: 0.5 })
		],
		[
			'a constraint that reads its own answer by name',
			(x) => (q(x, 'age').constraint = '${age} < 120')
		],
		[
			'constraints that read each other (they do not decide what is shown)',
			(x) => {
				q(x, 'age').constraint = '${score} >= 0';
				q(x, 'score').constraint = '${age} >= 0';
			}
		],
		[
			'a choice list no question uses',
			(x) => x.choiceLists.push({ name: 'spare', choices: [{ name: 'a', label: { en: 'A' } }] })
		]
	])('accepts %s', (_what, change) => {
		expect(issuesAfter(change)).toEqual([]);
	});

	it.each<[string, string, number, Pick<InstrumentIssue, 'detailCode' | 'detailParams'>]>([
		[
			'${helped} = ',
			'Unexpected end of expression: a value is missing',
			12,
			{ detailCode: 'unexpectedEnd' }
		],
		[
			'${helped} = = 1',
			"Expected a value but found '='",
			12,
			{ detailCode: 'expectedValue', detailParams: { found: '=' } }
		],
		[
			"selected(${helped}, 'no'",
			"Missing ')' to close selected(",
			24,
			{ detailCode: 'missingCallParen', detailParams: { name: 'selected' } }
		],
		[
			'nosuch(${helped})',
			'Unknown function nosuch()',
			0,
			{ detailCode: 'unknownFunction', detailParams: { name: 'nosuch' } }
		],
		[
			"helped = 'no'",
			"Unexpected name 'helped': refer to a question as ${helped}",
			0,
			{ detailCode: 'bareName', detailParams: { name: 'helped', reference: '${helped}' } }
		]
	])('reports a syntax error in %j with its position', (source, detail, position, coded) => {
		expect(issuesAfter((x) => (q(x, 'why').relevant = source))).toEqual([
			{ code: 'expression', subject: 'why', column: 'relevant', position, detail, ...coded }
		]);
	});

	it('names the column of a syntax error', () => {
		const issues = issuesAfter((x) => {
			q(x, 'age').constraint = '. >';
			q(x, 'double').calculation = '(${score}';
			x.pages[1]!.relevant = "${consent} = 'yes' and";
		});
		expect(issues.map((i) => [i.code, i.subject, i.column])).toEqual([
			['expression', 'main', 'relevant'],
			['expression', 'double', 'calculation'],
			['expression', 'age', 'constraint']
		]);
	});

	it('reports every problem at once', () => {
		const issues = issuesAfter((x) => {
			x.defaultLanguage = 'de';
			q(x, 'why').label = {};
			q(x, 'score').range = { start: 1, end: 0, step: 1 };
			q(x, 'age').relevant = '${missing}';
		});
		expect(issues.map((i) => i.code).sort()).toEqual(
			['defaultLanguage', 'emptyLabel', 'invalidRange', 'unknownReference'].sort()
		);
	});

	it('does not change the instrument', () => {
		const x = valid();
		q(x, 'why').relevant = '${why}';
		const before = structuredClone(x);
		validateInstrument(x);
		expect(x).toEqual(before);
	});
});

// ---------------------------------------------------------------------------------------------
// Generated instruments

/**
 * `count` questions over pages of `perPage`, all valid: each question after the first is shown
 * only when an earlier one has an answer (`refs` picks which), every third is a select, every
 * tenth a calculation.
 */
function generated(count: number, perPage: number, refs: (i: number) => number = (i) => i - 1) {
	const questions: Question[] = Array.from({ length: count }, (_, i) => {
		const more: Partial<Question> = {};
		if (i > 0) more.relevant = `\${q${refs(i)}} != ''`;
		if (i % 3 === 0) Object.assign(more, { type: 'select_one', listName: 'yesno' });
		if (i % 10 === 9)
			Object.assign(more, { type: 'calculate', calculation: `\${q${refs(i)}} + 1`, label: {} });
		return question(`q${i}`, more);
	});
	const x = valid();
	x.pages = [];
	for (let start = 0; start < count; start += perPage)
		x.pages.push({
			id: `p${start}`,
			name: `page${start}`,
			label: {},
			questions: questions.slice(start, start + perPage)
		});
	return x;
}

describe('validateInstrument on generated instruments', () => {
	it('accepts any instrument whose expressions read only earlier questions', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 60 }),
				fc.integer({ min: 1, max: 10 }),
				fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true })),
				(count, perPage, randoms) => {
					const picks = [...randoms.take(count)];
					const x = generated(count, perPage, (i) => Math.floor(picks[i]! * i));
					expect(validateInstrument(x)).toEqual([]);
				}
			)
		);
	});

	it('finds a cycle as soon as one question reads a later one that depends on it', () => {
		fc.assert(
			fc.property(
				fc
					.integer({ min: 2, max: 60 })
					.chain((count) =>
						fc.tuple(
							fc.constant(count),
							fc.integer({ min: 1, max: count - 1 }),
							fc.integer({ min: 1, max: count - 1 })
						)
					),
				([count, a, b]) => {
					const [from, to] = [Math.min(a, b), Math.max(a, b)];
					const x = generated(count, 7);
					// q<to> reads q<to-1> … q<from>: making q<from> read q<to> closes the loop.
					q(x, `q${from}`).relevant = `\${q${to}} != ''`;
					const issues = validateInstrument(x);
					expect(issues).toHaveLength(1);
					expect(issues[0]!.code).toBe('cycle');
					const path = issues[0]!.detail!.split(' → ');
					expect(path[0]).toBe(path.at(-1));
					expect(path.length - 1).toBe(to - from + 1);
				}
			)
		);
	});

	it('never throws and only reports expression issues for any text in an expression column', () => {
		fc.assert(
			fc.property(
				fc.constantFrom('relevant', 'constraint', 'calculation', 'choiceFilter', 'default'),
				fc.oneof(fc.string(), fc.stringMatching(/^[${}()a-z0-9 '=<>+*.,-]{0,30}$/)),
				(column, source) => {
					const issues = issuesAfter((x) => (q(x, 'why')[column] = source));
					for (const issue of issues) {
						expect(['expression', 'unknownReference', 'cycle']).toContain(issue.code);
						expect(issue.subject).toBe('why');
					}
				}
			)
		);
	});

	it('checks 300 questions in well under 50 ms', () => {
		const x = generated(300, 10, (i) => Math.max(0, i - 1 - (i % 7)));
		expect(validateInstrument(x)).toEqual([]);
		const times: number[] = [];
		for (let run = 0; run < 5; run++) {
			const start = performance.now();
			validateInstrument(x);
			times.push(performance.now() - start);
		}
		// The best of five runs, so a busy machine does not fail the guard for nothing.
		expect(Math.min(...times)).toBeLessThan(50);
	});
});

describe('translationGaps', () => {
	it('counts nothing missing when every text is translated', () => {
		expect(translationGaps(valid())).toEqual({ en: 0, fr: 0 });
	});

	it.each<[string, (x: Instrument) => void, Record<string, number>]>([
		['a hint in English only', (x) => (q(x, 'why').hint = { en: 'Why?' }), { en: 0, fr: 1 }],
		['a title in French only', (x) => (x.title = { fr: 'Avis' }), { en: 1, fr: 0 }],
		['a blank French label', (x) => (q(x, 'why').label.fr = '  '), { en: 0, fr: 1 }],
		[
			'a choice without French',
			(x) => delete x.choiceLists[0]!.choices[0]!.label.fr,
			{ en: 0, fr: 1 }
		],
		['a page label without French', (x) => (x.pages[1]!.label = { en: 'Main' }), { en: 0, fr: 1 }],
		[
			'range end labels in English only',
			(x) =>
				(q(x, 'score').range = {
					start: 0,
					end: 10,
					step: 1,
					startLabel: { en: 'Low' },
					endLabel: { en: 'High' }
				}),
			{ en: 0, fr: 2 }
		],
		[
			'messages in English only',
			(x) =>
				Object.assign(q(x, 'age'), {
					requiredMessage: { en: 'Please answer' },
					constraintMessage: { en: 'At least 18' }
				}),
			{ en: 0, fr: 2 }
		],
		[
			'a calculation label (never shown)',
			(x) => (q(x, 'double').label = { en: 'Hidden' }),
			{ en: 0, fr: 0 }
		],
		['an empty page label', (x) => (x.pages[1]!.label = {}), { en: 0, fr: 0 }],
		[
			'a hint that is blank everywhere',
			(x) => (q(x, 'why').hint = { en: '', fr: '' }),
			{ en: 0, fr: 0 }
		],
		[
			'a new language with nothing translated yet',
			(x) => x.languages.push({ code: 'ar', name: 'العربية', dir: 'rtl' }),
			// The title, one page label, six question labels (not the calculation's), two choices.
			{ en: 0, fr: 0, ar: 10 }
		]
	])('counts %s', (_what, change, expected) => {
		const x = valid();
		change(x);
		expect(translationGaps(x)).toEqual(expected);
	});
});
