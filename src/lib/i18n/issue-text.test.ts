import { describe, expect, it } from 'vitest';
import { translatorFor } from '../server/i18n';
import { parse } from '../survey/expr';
import { importXlsForm } from '../survey/xlsform/import';
import { IMPORT_ISSUES, type ImportIssue } from '../survey/xlsform/issues';
import { workbook, type Rows } from '../survey/xlsform/testing';
import { bombOf, zipOf } from '../server/xlsx/testing';
import { exprErrorText, importIssueText } from './issue-text';
import { UI_LANGUAGES } from './languages';

function exprError(source: string) {
	const result = parse(source);
	if (result.ok) throw new Error(`${source} parses`);
	return result.error;
}

describe('exprErrorText', () => {
	it.each([
		['en', '1 +', 'The expression ends too early: a value is missing.'],
		['fr', '1 +', "L'expression s'arrête trop tôt : il manque une valeur."],
		['en', 'age > 18', "Unexpected name 'age': refer to a question as ${age}."],
		['es', 'age > 18', 'Nombre inesperado «age»: para referirse a una pregunta, escriba ${age}.'],
		['en', '${a} / 2', "Unexpected character '/': divide with 'div'."],
		['ar', '${a} / 2', 'حرف غير متوقع «/»: للقسمة استخدم «div».'],
		['pt', '1 + (2', 'Falta «)» para fechar o «(» do carácter 5.'],
		['en', '${age', "Missing '}' to close '${age'."],
		['en', 'int()', 'int() takes 1 argument.'],
		['en', 'if(1, 2)', 'if() takes 3 arguments.'],
		['ru', 'int()', 'Функция int() принимает 1 аргумент.'],
		['ru', 'if(1, 2)', 'Функция if() принимает 3 аргумента.'],
		['ar', 'selected(1)', 'تأخذ الدالة selected() وسيطين.'],
		['en', 'round()', 'round() takes 1 or 2 arguments.']
	] as const)('%s: %s', (lang, source, expected) => {
		expect(exprErrorText(translatorFor(lang), exprError(source))).toBe(expected);
	});

	it('says every parser problem in every language, with nothing left unfilled', () => {
		const sources = ['1 +', '(1 2)', 'if(1 2, 3)', '${a} == 1', 'IF(1)', '${a#b}', "'x", '1 ‘'];
		for (const lang of UI_LANGUAGES)
			for (const source of sources) {
				const text = exprErrorText(translatorFor(lang), exprError(source));
				expect(text, `${lang}: ${source}`).not.toMatch(/\{\{|builder\.exprErrors/);
			}
	});

	it('falls back to the English message for a code without a translation', () => {
		const error = { code: 'nonsense', message: 'Something odd' } as unknown as Parameters<
			typeof exprErrorText
		>[1];
		expect(exprErrorText(translatorFor('fr'), error)).toBe('Something odd');
	});
});

const CHOICES: Rows = [
	['list_name', 'name', 'label'],
	['yes_no', 'yes', 'Yes'],
	['yes_no', 'no', 'No']
];

/** Broken forms that together raise nearly every import problem there is. */
const REFUSED: Record<string, Rows>[] = [
	{ choices: CHOICES },
	{ survey: [['label'], ['Hi']] },
	{
		survey: [
			['type', 'name', 'label'],
			['select_one yes_no', 'q1', 'A']
		]
	},
	{
		survey: [
			['type', 'name', 'label'],
			['select_one yes_no', 'q1', 'A'],
			['select_one yes_no', 'q2', 'B']
		]
	},
	{ survey: [['type', 'name', 'label']] },
	{
		survey: [
			['type', 'name', 'label::English (en)', 'label', 'relevant', 'relevant'],
			['text', 'q1', 'Hi', 'Hello', null, null]
		]
	},
	{
		survey: [
			['type', 'name', 'label::English (en)'],
			['text', 'q1', 'Hi']
		],
		settings: [['default_language'], ['fr']]
	},
	{
		survey: [
			['type', 'name', 'label', 'label::a language with a very long name'],
			['text', 'q1', 'A', 'B'],
			['text', 'q2', 'x'.repeat(4001), 'C']
		],
		settings: [['default_language'], ['not a language!!']]
	},
	{
		survey: [
			[
				'type',
				'name',
				'label',
				'relevant',
				'calculation',
				'parameters',
				'required',
				'prefer_not_to_say'
			],
			['deviceid', 'device'],
			['start', 'started'],
			['end', 'ended'],
			['select_one nope', 'q1', 'A'],
			['text', 'q1', 'B', "${q1} = = 'x'"],
			['begin repeat', 'r'],
			['end repeat'],
			['time', 't1', 'T'],
			['select_one yes_no or_other', 'q3', 'Y'],
			['integer extra', 'q4', 'N'],
			['end group'],
			[null, 'notype', 'x'],
			['text', '1st', 'x'],
			['text', null, 'x'],
			['select_one', 'q5', 'x'],
			['calculate', 'c1'],
			['calculate', 'c2', null, null, '${nobody} + 1'],
			['calculate', 'a', null, null, '${b} + 1'],
			['calculate', 'b', null, null, '${a} + 1'],
			['text', 'q6'],
			['range', 'r1', 'R', null, null, 'start=a'],
			['range', 'r2', 'R', null, null, 'begin=1'],
			['range', 'r3', 'R', null, null, 'end=1 end=2'],
			['range', 'r4', 'R', null, null, 'start=5 end=1'],
			['text', 'q7', 'x', null, null, null, 'maybe'],
			['text', 'q8', 'x', null, null, null, null, 'maybe'],
			['begin group', 'outer', 'O'],
			['begin group', 'inner', 'I', '${ = 1'],
			['end group'],
			['end group'],
			['begin group', 'g2', 'G'],
			['end repeat'],
			['begin group', 'open', 'Never closed']
		],
		choices: [
			...CHOICES,
			['l', 'a', 'A'],
			['l', 'a', 'A'],
			['l', 'has space', 'X'],
			['l', null, 'X'],
			[null, 'x', 'X']
		]
	}
];

/** Accepted forms whose warnings cover the rest. */
const WARNED: Record<string, Rows>[] = [
	{
		survey: [
			['type', 'name', 'label', 'relevant', 'required', 'range_start_label', 'heard_type'],
			['today', 'day'],
			['begin group', 'p1', 'Page', null, 'yes'],
			['begin group', 'inner', 'Inner', '1 = 1'],
			['text', 'q1', 'A', null, null, 'low'],
			['end group'],
			['begin group', 'inner2', 'Inner'],
			['text', 'q2', 'B', null, null, null, 'consent', 'stray'],
			['text', 'q3', 'C', null, null, null, 'bogus'],
			['end group'],
			['end group']
		],
		settings: [['form_id'], ['a'], ['b']]
	}
];

async function issuesOf(forms: Record<string, Rows>[]): Promise<ImportIssue[]> {
	const found: ImportIssue[] = [];
	for (const sheets of forms) {
		const result = await importXlsForm(await workbook(sheets));
		found.push(...(result.ok ? result.warnings : result.errors));
	}
	const form = await workbook(forms[0]!);
	const hostile = [
		new TextEncoder().encode('not a workbook'),
		bombOf(form, 65 * 1024 * 1024),
		bombOf(form, 2 * 1024 * 1024),
		zipOf(Array.from({ length: 1001 }, (_, i) => ({ name: `x${i}`, data: new Uint8Array(1) })))
	];
	for (const file of hostile) {
		const refused = await importXlsForm(file);
		if (!refused.ok) found.push(...refused.errors);
	}
	return found;
}

describe('importIssueText', () => {
	it('says a problem in the reader’s language, without the English "Row n:" prefix', async () => {
		const [issue] = await issuesOf([
			{
				survey: [
					['type', 'name', 'label'],
					['select_one colours', 'q1', 'Colour?']
				],
				choices: CHOICES
			}
		]);
		expect(issue?.message).toBe("Row 2: the choice list 'colours' is not on the choices sheet.");
		expect(importIssueText(translatorFor('en'), issue!)).toEqual({
			text: "The choice list 'colours' is not on the choices sheet.",
			translated: true
		});
		expect(importIssueText(translatorFor('fr'), issue!).text).toBe(
			'La liste de choix « colours » ne figure pas dans la feuille choices.'
		);
	});

	it('translates the parser problem inside an expression issue', async () => {
		const [issue] = await issuesOf([
			{
				survey: [
					['type', 'name', 'label', 'relevant'],
					['integer', 'age', 'Age'],
					['text', 'q1', 'A', '${age} > > 3']
				]
			}
		]);
		expect(importIssueText(translatorFor('es'), issue!).text).toBe(
			'La expresión de relevant tiene un error en el carácter 10: Se esperaba un valor, pero se encontró «>».'
		);
	});

	it('picks the wording of a variant, with its plural', async () => {
		const issues = await issuesOf(REFUSED.slice(2, 4));
		const ru = translatorFor('ru');
		const en = translatorFor('en');
		expect(issues.slice(0, 3).map((i) => [i.code, i.variant, importIssueText(en, i).text])).toEqual(
			[
				[
					'missingSheet',
					'choices',
					"The workbook has no 'choices' sheet, but row 2 uses a choice list."
				],
				[
					'missingSheet',
					'choices',
					"The workbook has no 'choices' sheet, but rows 2, 3 use choice lists."
				],
				['unreadable', undefined, 'This file is not a readable .xlsx workbook.']
			]
		);
		expect(importIssueText(ru, issues[1]!).text).toBe(
			'В книге нет листа «choices», хотя списки вариантов используются в строках: 2, 3.'
		);
	});

	it('falls back to the English message for a code without a translation', () => {
		const issue = {
			sheet: 'survey',
			code: 'somethingNew',
			message: 'Row 2: something new.',
			params: {}
		} as unknown as ImportIssue;
		expect(importIssueText(translatorFor('ar'), issue)).toEqual({
			text: 'Row 2: something new.',
			translated: false
		});
	});

	it('says every problem the import finds in every language, filled in', async () => {
		const issues = await issuesOf([...REFUSED, ...WARNED]);
		for (const issue of issues) {
			const english = importIssueText(translatorFor('en'), issue);
			for (const lang of UI_LANGUAGES) {
				const said = importIssueText(translatorFor(lang), issue);
				const where = `${lang} ${issue.code}/${issue.variant ?? ''}: ${said.text}`;
				expect(said.translated, where).toBe(true);
				expect(said.text, where).not.toMatch(/\{\{|surveys\.importIssues|builder\.exprErrors/);
				if (lang !== 'en') expect(said.text, where).not.toBe(english.text);
			}
		}
	});

	it('is exercised here for every code and variant but a few the sheets cannot reach', async () => {
		const seen = new Set(
			(await issuesOf([...REFUSED, ...WARNED])).map((i) =>
				i.variant ? `${i.code}_${i.variant}` : i.code
			)
		);
		const all = Object.entries(IMPORT_ISSUES).flatMap(([code, variants]) => [
			code,
			...variants.map((v) => `${code}_${v}`)
		]);
		expect(all.filter((key) => !seen.has(key)).sort()).toEqual(
			[
				// Two sheets whose names differ only in case cannot be written by the test helper.
				'duplicateSheet',
				// The import reports a default language without columns itself (defaultLanguage_noColumns).
				'defaultLanguage',
				// A list exists only through its choices; the schema's own checks sit behind the
				// validator's, which catch these first.
				'emptyList',
				'badRange_unset',
				'badRange_schema',
				'invalidName_schema',
				'tooMany',
				'invalid',
				// A workbook that exhausts the reader's memory or time (xlsx/read.test.ts, with
				// small limits): at the real ones it would take minutes to build here.
				'workbookTooComplex'
			].sort()
		);
	});
});
