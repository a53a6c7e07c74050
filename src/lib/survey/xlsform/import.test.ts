import { describe, expect, it } from 'vitest';
import { allQuestions, type Instrument } from '../model';
import { importXlsForm, type ImportIssue } from './import';
import { handMadeForm, workbook, type Rows } from './testing';

async function imported(sheets: Record<string, Rows>): Promise<Instrument> {
	const result = await importXlsForm(await workbook(sheets));
	if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
	return result.instrument;
}

async function errorsOf(sheets: Record<string, Rows>): Promise<ImportIssue[]> {
	const result = await importXlsForm(await workbook(sheets));
	if (result.ok) throw new Error('expected the form to be refused');
	return result.errors;
}

const CHOICES: Rows = [
	['list_name', 'name', 'label'],
	['yes_no', 'yes', 'Yes'],
	['yes_no', 'no', 'No']
];

/** A form whose survey sheet has the usual columns and these rows (row 2 onwards). */
function form(
	rows: Rows,
	headers = ['type', 'name', 'label', 'relevant', 'calculation', 'parameters']
) {
	return { survey: [headers, ...rows], choices: CHOICES };
}

function question(instrument: Instrument, name: string) {
	const found = allQuestions(instrument).find((q) => q.name === name);
	if (!found) throw new Error(`no question ${name}`);
	return found;
}

describe('importXlsForm: the hand-made form', () => {
	it('reads languages, settings and pages', async () => {
		const instrument = await imported(handMadeForm());
		expect(instrument.languages).toEqual([
			{ code: 'en', name: 'English', dir: 'ltr' },
			{ code: 'ar', name: 'العربية', dir: 'rtl' },
			{ code: 'fr', name: 'Français', dir: 'ltr' }
		]);
		expect(instrument.defaultLanguage).toBe('en');
		expect(instrument.formId).toBe('feedback_2024');
		expect(instrument.title).toEqual({ en: 'Feedback', ar: 'استبيان', fr: 'Questionnaire' });
		// `version` is kept to write back; `style` is a setting Heard does not interpret.
		expect(instrument.settingsExtra).toEqual({ version: '3', style: 'pages' });
		expect(instrument.pages.map((p) => [p.id, p.name, p.questions.map((q) => q.name)])).toEqual([
			['p1', 'page_1', ['safety', 'consent']],
			['p2', 'support', ['satisfied', 'reasons', 'ranking', 'region', 'district']],
			[
				'p3',
				'numbers',
				['age', 'income', 'comments', 'ended', 'safe_today', 'thanks', 'double_age']
			],
			['p4', 'page_4', ['months']]
		]);
		expect(instrument.pages[1]).toMatchObject({
			label: { en: 'Support', ar: 'الدعم', fr: 'Soutien' },
			appearance: 'field-list',
			extra: { custom_note: 'page note' }
		});
		expect(instrument.pages[2]?.relevant).toBe("${consent} = 'yes'");
	});

	it('reads every supported type and column', async () => {
		const instrument = await imported(handMadeForm());
		expect(allQuestions(instrument).map((q) => [q.id, q.type])).toEqual([
			['q1', 'safety_check'],
			['q2', 'consent'],
			['q3', 'select_one'],
			['q4', 'select_multiple'],
			['q5', 'rank'],
			['q6', 'select_one'],
			['q7', 'select_one'],
			['q8', 'integer'],
			['q9', 'decimal'],
			['q10', 'text'],
			['q11', 'date'],
			['q12', 'range'],
			['q13', 'note'],
			['q14', 'calculate'],
			['q15', 'integer']
		]);
		expect(question(instrument, 'safety')).toStrictEqual({
			id: 'q1',
			type: 'safety_check',
			name: 'safety',
			label: { en: 'Is now a safe time?', ar: 'هل هذا وقت آمن؟', fr: 'Est-ce un moment sûr ?' },
			required: true,
			preferNotToSay: false
		});
		expect(question(instrument, 'satisfied')).toStrictEqual({
			id: 'q3',
			type: 'select_one',
			name: 'satisfied',
			listName: 'satisfaction',
			label: { en: 'How satisfied are you?', ar: 'ما مدى رضاك؟', fr: 'Êtes-vous satisfait ?' },
			hint: { en: 'Choose one', ar: 'اختر واحدة' },
			required: true,
			requiredMessage: { en: 'Please answer' },
			preferNotToSay: true
		});
		expect(question(instrument, 'reasons').relevant).toBe("${satisfied} = 'not'");
		expect(question(instrument, 'district').choiceFilter).toBe("${region} != ''");
		expect(question(instrument, 'age')).toMatchObject({
			constraint: '. >= 18 and . <= 120',
			constraintMessage: { en: 'Between 18 and 120', fr: 'Entre 18 et 120' },
			preferNotToSay: false
		});
		expect(question(instrument, 'income').default).toBe('0');
		expect(question(instrument, 'comments')).toMatchObject({
			label: { en: 'Anything else?' },
			appearance: 'multiline',
			extra: { 'media::image': 'comments.png', custom_note: 'keep me' }
		});
		expect(question(instrument, 'safe_today').range).toStrictEqual({
			start: 0,
			end: 10,
			step: 1,
			startLabel: { en: 'Not at all safe' },
			endLabel: { en: 'Completely safe' }
		});
		expect(question(instrument, 'thanks').preferNotToSay).toBe(false);
		expect(question(instrument, 'double_age')).toStrictEqual({
			id: 'q14',
			type: 'calculate',
			name: 'double_age',
			label: {},
			calculation: '${age} * 2',
			preferNotToSay: false
		});
		// `parameters` mean nothing for an integer but are kept to write back.
		expect(question(instrument, 'months').extra).toEqual({ parameters: 'ignored=1' });
	});

	it('reads choices with unknown columns and numeric names as text', async () => {
		const instrument = await imported(handMadeForm());
		expect(instrument.choiceLists.map((l) => l.name)).toEqual([
			'satisfaction',
			'reasons',
			'priorities',
			'regions',
			'districts'
		]);
		expect(instrument.choiceLists[4]?.choices).toStrictEqual([
			{
				name: 'd1',
				label: { en: 'District 1', ar: 'الحي 1', fr: 'District 1' },
				extra: { region: 'north' }
			},
			{
				name: '2',
				label: { en: 'District 2', ar: 'الحي 2', fr: 'District 2' },
				extra: { region: 'south' }
			}
		]);
	});

	it('leaves a missing translation missing instead of copying the default language', async () => {
		const instrument = await imported(handMadeForm());
		expect(question(instrument, 'comments').label).toStrictEqual({ en: 'Anything else?' });
		expect(instrument.pages[2]?.label).toStrictEqual({ en: 'About you' });
		expect(question(instrument, 'satisfied').hint).not.toHaveProperty('fr');
	});

	it('is deterministic', async () => {
		const data = await workbook(handMadeForm());
		expect(await importXlsForm(data)).toStrictEqual(await importXlsForm(data));
	});
});

describe('importXlsForm: safety check and consent screens', () => {
	const headers = ['type', 'name', 'label', 'heard_type', 'x-note'];

	it('reads selects marked in heard_type back as gate screens and drops their lists', async () => {
		const instrument = await imported({
			survey: [
				headers,
				['select_one heard_safety', 'safety', 'Safe?', 'safety_check', 'kept'],
				['select_one heard_consent', 'consent', 'Agree?', 'Consent'],
				['select_one yes_no', 'q1', 'A']
			],
			choices: [
				['list_name', 'name', 'label'],
				['heard_safety', 'yes', 'Yes, continue'],
				['heard_safety', 'no', 'Not now'],
				['yes_no', 'yes', 'Yes'],
				['heard_consent', 'yes', 'I agree'],
				['heard_consent', 'no', 'I do not']
			]
		});
		expect(question(instrument, 'safety')).toStrictEqual({
			id: 'q1',
			type: 'safety_check',
			name: 'safety',
			label: { en: 'Safe?' },
			preferNotToSay: false,
			// heard_type is Heard's own column, never an unknown one.
			extra: { 'x-note': 'kept' }
		});
		expect(question(instrument, 'consent')).toStrictEqual({
			id: 'q2',
			type: 'consent',
			name: 'consent',
			label: { en: 'Agree?' },
			preferNotToSay: false
		});
		expect(instrument.choiceLists.map((l) => l.name)).toEqual(['yes_no']);
	});

	it('keeps a list a gate screen was written with when another question uses it', async () => {
		const instrument = await imported(
			form(
				[
					['select_one yes_no', 'safety', 'Safe?', 'safety_check'],
					['select_one yes_no', 'q1', 'A']
				],
				headers
			)
		);
		expect(question(instrument, 'safety')).not.toHaveProperty('listName');
		expect(instrument.choiceLists.map((l) => l.name)).toEqual(['yes_no']);
	});

	it('still reads the bare types of older Heard files', async () => {
		const instrument = await imported(
			form(
				[
					['safety_check', 'safety', 'Safe?'],
					['consent', 'consent', 'Agree?', 'consent']
				],
				headers
			)
		);
		expect(allQuestions(instrument).map((q) => [q.type, q.listName, q.extra])).toEqual([
			['safety_check', undefined, undefined],
			['consent', undefined, undefined]
		]);
		expect(instrument.choiceLists.map((l) => l.name)).toEqual(['yes_no']);
	});

	it('leaves out heard_type with a warning where it does not apply', async () => {
		const result = await importXlsForm(
			await workbook(
				form(
					[
						['text', 'q1', 'A', 'consent'],
						['select_one yes_no', 'q2', 'B', 'something'],
						['begin group', 'p', 'Page', 'consent'],
						['select_multiple yes_no', 'q3', 'C', 'safety_check'],
						['end group']
					],
					headers
				)
			)
		);
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		expect(allQuestions(result.instrument).map((q) => [q.type, q.extra])).toEqual([
			['text', undefined],
			['select_one', undefined],
			['select_multiple', undefined]
		]);
		expect(result.warnings.map((w) => [w.row, w.column, w.code, w.message])).toEqual([
			[
				2,
				'heard_type',
				'ignoredValue',
				"Row 2: heard_type 'consent' applies only to a select_one row; left out."
			],
			[
				3,
				'heard_type',
				'ignoredValue',
				"Row 3: heard_type 'something' is not one of safety_check, consent; left out."
			],
			[4, 'heard_type', 'ignoredValue', 'Row 4: a group (page) has no heard_type; left out.'],
			[
				5,
				'heard_type',
				'ignoredValue',
				"Row 5: heard_type 'safety_check' applies only to a select_one row; left out."
			]
		]);
	});
});

describe('importXlsForm: choice filters', () => {
	it('reads a cascading choice_filter that names a choices column bare', async () => {
		const result = await importXlsForm(
			await workbook({
				survey: [
					['type', 'name', 'label', 'choice_filter'],
					['select_one states', 'state', 'State'],
					['select_one cities', 'city', 'City', 'state = ${state}']
				],
				choices: [
					['list_name', 'name', 'label', 'state'],
					['states', 'n', 'North'],
					['states', 's', 'South'],
					['cities', 'c1', 'City 1', 'n'],
					['cities', 'c2', 'City 2', 's']
				]
			})
		);
		if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
		expect(result.warnings).toEqual([]);
		expect(question(result.instrument, 'city').choiceFilter).toBe('state = ${state}');
	});

	it('points at a broken choice_filter among questions sharing a name', async () => {
		const errors = await errorsOf({
			survey: [
				['type', 'name', 'label', 'choice_filter'],
				['select_one states', 'state', 'State'],
				['select_one cities', 'city', 'City', 'state = ${state}'],
				['select_one cities', 'city', 'City', 'state = = ${state}']
			],
			choices: [
				['list_name', 'name', 'label', 'state'],
				['states', 'n', 'North'],
				['cities', 'c1', 'City 1', 'n']
			]
		});
		expect(errors.map((e) => [e.row, e.column, e.code])).toEqual([
			[4, 'name', 'duplicateName'],
			[4, 'choice_filter', 'expression']
		]);
	});
});

describe('importXlsForm: languages', () => {
	it('puts a form without translated columns in English', async () => {
		const instrument = await imported(form([['text', 'q1', 'Hello']]));
		expect(instrument.languages).toEqual([{ code: 'en', name: 'English', dir: 'ltr' }]);
		expect(question(instrument, 'q1').label).toEqual({ en: 'Hello' });
	});

	it('gives untranslated columns to settings.default_language', async () => {
		const sheets = {
			...form([['text', 'q1', 'مرحبا']]),
			settings: [['default_language'], ['ar']]
		};
		const instrument = await imported(sheets);
		expect(instrument.languages).toEqual([{ code: 'ar', name: 'العربية', dir: 'rtl' }]);
		expect(instrument.defaultLanguage).toBe('ar');
		expect(question(instrument, 'q1').label).toEqual({ ar: 'مرحبا' });
	});

	it('gives untranslated columns to the first language found when none is set', async () => {
		const headers = ['type', 'name', 'label::French (fr)', 'hint'];
		const instrument = await imported({
			survey: [headers, ['text', 'q1', 'Bonjour', 'Un indice']],
			choices: CHOICES
		});
		expect(instrument.languages).toEqual([{ code: 'fr', name: 'French', dir: 'ltr' }]);
		expect(question(instrument, 'q1').hint).toEqual({ fr: 'Un indice' });
	});

	it('understands bare codes and English names in headers', async () => {
		const headers = ['type', 'name', 'label::en', 'label::Arabic', 'label::Swahili'];
		const instrument = await imported({ survey: [headers, ['text', 'q1', 'Hi', 'أهلا', 'Jambo']] });
		expect(instrument.languages).toEqual([
			{ code: 'en', name: 'English', dir: 'ltr' },
			{ code: 'ar', name: 'Arabic', dir: 'rtl' },
			{ code: 'sw', name: 'Swahili', dir: 'ltr' }
		]);
		expect(instrument.defaultLanguage).toBe('en');
	});

	it('reads default_language written as a name with a code', async () => {
		const headers = ['type', 'name', 'label::English (en)', 'label::Français (fr)'];
		const instrument = await imported({
			survey: [headers, ['text', 'q1', 'Hi', 'Salut']],
			settings: [['default_language'], ['Français (fr)']]
		});
		expect(instrument.defaultLanguage).toBe('fr');
	});

	it('refuses a default_language that no column is written in', async () => {
		const errors = await errorsOf({
			survey: [
				['type', 'name', 'label::English (en)'],
				['text', 'q1', 'Hi']
			],
			settings: [['default_language'], ['fr']]
		});
		expect(errors).toEqual([
			expect.objectContaining({
				sheet: 'settings',
				row: 2,
				column: 'default_language',
				code: 'defaultLanguage'
			})
		]);
	});

	it('refuses an untranslated column that collides with a translated one', async () => {
		const errors = await errorsOf({
			survey: [
				['type', 'name', 'label::English (en)', 'label'],
				['text', 'q1', 'Hi', 'Hello']
			]
		});
		expect(errors).toEqual([
			expect.objectContaining({ sheet: 'survey', row: 1, column: 'label', code: 'duplicateColumn' })
		]);
	});
});

describe('importXlsForm: refused forms', () => {
	it('refuses a file that is not a workbook', async () => {
		const result = await importXlsForm(new TextEncoder().encode('type,name\ntext,q1'));
		expect(result).toEqual({
			ok: false,
			errors: [expect.objectContaining({ code: 'unreadable', sheet: 'workbook' })]
		});
	});

	it('refuses a workbook without a survey sheet', async () => {
		const errors = await errorsOf({ choices: CHOICES, settings: [['form_id'], ['x']] });
		expect(errors).toEqual([
			{
				sheet: 'workbook',
				code: 'missingSheet',
				message: "The workbook has no 'survey' sheet.",
				params: { sheet: 'survey' }
			}
		]);
	});

	it('finds sheets whatever their case', async () => {
		const instrument = await imported({
			Survey: [
				['type', 'name', 'label'],
				['select_one yes_no', 'q1', 'Hi']
			],
			CHOICES: CHOICES
		});
		expect(instrument.choiceLists).toHaveLength(1);
	});

	it('refuses a survey sheet without type or name columns', async () => {
		const errors = await errorsOf({ survey: [['label'], ['Hi']] });
		expect(errors.map((e) => [e.row, e.column, e.code])).toEqual([
			[1, 'type', 'missingColumn'],
			[1, 'name', 'missingColumn']
		]);
	});

	it('refuses a select without a choices sheet, once, naming the rows', async () => {
		const errors = await errorsOf({
			survey: [
				['type', 'name', 'label'],
				['select_one yes_no', 'q1', 'A'],
				['text', 'q2', 'B'],
				['select_multiple yes_no', 'q3', 'C']
			]
		});
		expect(errors).toEqual([
			{
				sheet: 'workbook',
				code: 'missingSheet',
				message: "The workbook has no 'choices' sheet, but rows 2, 4 use choice lists.",
				variant: 'choices',
				params: { sheet: 'choices', rows: '2, 4', count: 2 }
			}
		]);
	});

	it('refuses an unknown choice list', async () => {
		const errors = await errorsOf(form([['select_one colours', 'q1', 'Colour?']]));
		expect(errors).toEqual([
			{
				sheet: 'survey',
				row: 2,
				column: 'type',
				code: 'unknownList',
				message: "Row 2: the choice list 'colours' is not on the choices sheet.",
				params: { list: 'colours' }
			}
		]);
	});

	it('refuses a select without a list name', async () => {
		const errors = await errorsOf(form([['select_one', 'q1', 'Colour?']]));
		expect(errors).toEqual([
			expect.objectContaining({ row: 2, column: 'type', code: 'missingList' })
		]);
	});

	it('refuses duplicate question names, pointing at the first use', async () => {
		const errors = await errorsOf(
			form([
				['text', 'q1', 'A'],
				['begin group', 'q1', 'Page'],
				['text', 'q2', 'B'],
				['text', 'q1', 'C'],
				['end group']
			])
		);
		expect(errors.map((e) => [e.row, e.code, e.message])).toEqual([
			[
				3,
				'duplicateName',
				"Row 3: the name 'q1' is already used on row 2; names of questions and groups must be unique."
			],
			[
				5,
				'duplicateName',
				"Row 5: the name 'q1' is already used on row 2; names of questions and groups must be unique."
			]
		]);
	});

	it('refuses duplicate choice names within a list but not across lists', async () => {
		const errors = await errorsOf({
			survey: [
				['type', 'name', 'label'],
				['select_one a', 'q1', 'A'],
				['select_one b', 'q2', 'B']
			],
			choices: [
				['list_name', 'name', 'label'],
				['a', 'x', 'X'],
				['b', 'x', 'X'],
				['a', 'y', 'Y'],
				['a', 'x', 'X again']
			]
		});
		expect(errors).toEqual([
			{
				sheet: 'choices',
				row: 5,
				column: 'name',
				code: 'duplicateChoice',
				message: "Choices row 5: the choice 'x' appears twice in list 'a' (first on row 2).",
				params: { name: 'x', list: 'a', first: 2 }
			}
		]);
	});

	it('refuses invalid and missing names', async () => {
		const errors = await errorsOf(
			form([
				['text', '1st question', 'A'],
				['text', null, 'B']
			])
		);
		expect(errors.map((e) => [e.row, e.column, e.code])).toEqual([
			[2, 'name', 'invalidName'],
			[3, 'name', 'invalidName']
		]);
		expect(errors[1]?.message).toBe('Row 3: the name is missing.');
	});

	it('refuses a group that is never closed', async () => {
		const errors = await errorsOf(
			form([
				['begin group', 'p1', 'Page'],
				['text', 'q1', 'A']
			])
		);
		expect(errors).toEqual([
			{
				sheet: 'survey',
				row: 2,
				column: 'type',
				code: 'unclosedGroup',
				message: "Row 2: begin group 'p1' is never closed: add an 'end group' row.",
				params: { kind: 'group', name: 'p1' }
			}
		]);
	});

	it('refuses an end group without a begin group', async () => {
		const errors = await errorsOf(form([['text', 'q1', 'A'], ['end group'], ['text', 'q2', 'B']]));
		expect(errors).toEqual([
			expect.objectContaining({ row: 3, column: 'type', code: 'unexpectedEndGroup' })
		]);
	});

	it.each<[string, string, Partial<ImportIssue>]>([
		[
			'start=a end=10',
			"Row 2: parameters 'start=a end=10': start must be a number, not 'a'.",
			{ variant: 'notNumber', params: { source: 'start=a end=10', key: 'start', value: 'a' } }
		],
		[
			'begin=1',
			"Row 2: parameters 'begin=1': 'begin=1' is not one of start=…, end=…, step=….",
			{ variant: 'unknownKey', params: { source: 'begin=1', part: 'begin=1' } }
		],
		[
			'end=5 end=6',
			"Row 2: parameters 'end=5 end=6': end is given twice.",
			{ variant: 'twice', params: { source: 'end=5 end=6', key: 'end' } }
		],
		[
			'start=5 end=1',
			'Row 2: a range needs an end above its start, a positive step and at most 100 steps (start=5 end=1 step=1).',
			{ params: { start: 5, end: 1, step: 1 } }
		],
		[
			'start=0 end=10 step=0',
			'Row 2: a range needs an end above its start, a positive step and at most 100 steps (start=0 end=10 step=0).',
			{ params: { start: 0, end: 10, step: 0 } }
		],
		[
			'start=0 end=1000 step=1',
			'Row 2: a range needs an end above its start, a positive step and at most 100 steps (start=0 end=1000 step=1).',
			{ params: { start: 0, end: 1000, step: 1 } }
		]
	])('refuses range parameters %s', async (parameters, message, said) => {
		const errors = await errorsOf(form([['range', 'q1', 'How much?', null, null, parameters]]));
		// Reported once even where both the schema and the validator object (step=0).
		expect(errors).toEqual([
			{ sheet: 'survey', row: 2, column: 'parameters', code: 'badRange', message, ...said }
		]);
	});

	it('refuses identifying types, each on its own row', async () => {
		const types = [
			'deviceid',
			'subscriberid',
			'simserial',
			'phonenumber',
			'username',
			'email',
			'audit',
			'geopoint',
			'geotrace',
			'geoshape',
			'image',
			'audio',
			'video',
			'file',
			'barcode',
			'start-geopoint',
			'background-audio'
		];
		const errors = await errorsOf(
			form([['text', 'ok', 'Fine'], ...types.map((t, i) => [t, `m${i}`, 'x'])])
		);
		expect(errors).toHaveLength(types.length);
		types.forEach((type, i) => {
			expect(errors[i]).toEqual({
				sheet: 'survey',
				row: i + 3,
				column: 'type',
				code: 'identifyingType',
				message: `Row ${i + 3}: type '${type}' identifies a person or device and has no place in an anonymous survey.`,
				params: { type }
			});
		});
	});

	it('refuses start and end, which record precise times', async () => {
		const errors = await errorsOf(
			form([
				['start', 'started'],
				['end', 'ended'],
				['text', 'q1', 'A']
			])
		);
		expect(errors.map((e) => [e.row, e.code])).toEqual([
			[2, 'identifyingType'],
			[3, 'identifyingType']
		]);
		expect(errors[0]?.message).toBe(
			"Row 2: type 'start' records the precise time the form was opened, which can identify a person; it has no place in an anonymous survey."
		);
	});

	it('refuses repeats and other unsupported types', async () => {
		const errors = await errorsOf(
			form([
				['begin repeat', 'people', 'People'],
				['text', 'q1', 'Name'],
				['end repeat'],
				['time', 'q2', 'When?'],
				['select_one yes_no or_other', 'q3', 'Yes?'],
				['integer extra', 'q4', 'How many?']
			])
		);
		expect(errors.map((e) => [e.row, e.code])).toEqual([
			[2, 'unsupportedType'],
			[5, 'unsupportedType'],
			[6, 'unsupportedType'],
			[7, 'unsupportedType']
		]);
		expect(errors[0]?.message).toBe(
			"Row 2: type 'begin repeat' is not supported: a Heard survey has no repeating sections."
		);
		expect(errors[1]?.message).toMatch(
			/^Row 5: type 'time' is not supported\. Supported types: select_one/
		);
	});

	it('refuses a bad expression, with its position', async () => {
		const errors = await errorsOf(
			form([
				['integer', 'age', 'Age'],
				['text', 'q1', 'A', '${age} > > 3']
			])
		);
		expect(errors).toEqual([
			{
				sheet: 'survey',
				row: 3,
				column: 'relevant',
				position: 9,
				code: 'expression',
				message:
					"Row 3: the relevant expression has an error at character 10: Expected a value but found '>'",
				params: {
					column: 'relevant',
					character: 10,
					detail: "Expected a value but found '>'"
				},
				exprError: { code: 'expectedValue', params: { found: '>' } }
			}
		]);
	});

	it('refuses a reference to a question that does not exist', async () => {
		const errors = await errorsOf(form([['calculate', 'c1', null, null, '${nobody} + 1']]));
		expect(errors).toEqual([
			{
				sheet: 'survey',
				row: 2,
				column: 'calculation',
				code: 'unknownReference',
				message:
					"Row 2: the calculation expression refers to ${nobody}, but no question is named 'nobody'.",
				params: { column: 'calculation', name: 'nobody', reference: '${nobody}' }
			}
		]);
	});

	it('refuses two calculations that depend on each other', async () => {
		const errors = await errorsOf(
			form([
				['text', 'q1', 'A'],
				['calculate', 'a', null, null, '${b} + 1'],
				['calculate', 'b', null, null, '${a} + 1']
			])
		);
		expect(errors).toEqual([
			expect.objectContaining({ row: 3, column: 'calculation', code: 'cycle' })
		]);
		expect(errors[0]?.message).toBe(
			'Row 3: these depend on each other in a circle, so none of them can be worked out: a → b → a.'
		);
	});

	it('refuses required values other than yes or no', async () => {
		const headers = ['type', 'name', 'label', 'required'];
		const errors = await errorsOf({ survey: [headers, ['text', 'q1', 'A', '${x} = 1']] });
		expect(errors).toEqual([
			expect.objectContaining({ row: 2, column: 'required', code: 'badValue' })
		]);
	});

	it('refuses texts and names over the size limits, pointing at the cell', async () => {
		const headers = ['type', 'name', 'label::English (en)', 'label::Français (fr)'];
		const errors = await errorsOf({
			survey: [
				headers,
				['text', 'q1', 'A', 'x'.repeat(4001)],
				['text', `q${'x'.repeat(64)}`, 'B', 'B']
			]
		});
		expect(errors.map((e) => [e.row, e.column, e.code])).toEqual([
			[2, 'label::Français (fr)', 'tooLong'],
			// The validator and the schema both object to the name; it is reported once.
			[3, 'name', 'invalidName']
		]);
	});

	it('reports a bad header together with the errors in rows', async () => {
		const errors = await errorsOf({
			survey: [
				[
					'type',
					'name',
					'label',
					'label::a language with a very long name',
					'relevant',
					'relevant'
				],
				['text', 'q1', 'A', 'B', '${nobody} = 1', null]
			]
		});
		expect(errors.map((e) => [e.row, e.column, e.code])).toEqual([
			[1, 'label::a language with a very long name', 'badLanguage'],
			[1, 'relevant', 'duplicateColumn'],
			[2, 'relevant', 'unknownReference']
		]);
	});

	it('reports every error at once, in row order', async () => {
		const errors = await errorsOf({
			survey: [
				['type', 'name', 'label', 'relevant'],
				['deviceid', 'device'],
				['select_one nope', 'q1', 'A'],
				['text', 'q1', 'B', "${q1} = = 'x'"],
				['begin repeat', 'r'],
				['end repeat'],
				['end group'],
				['begin group', 'open', 'Never closed']
			],
			choices: [
				['list_name', 'name', 'label'],
				['l', 'a', 'A'],
				['l', 'a', 'A']
			]
		});
		expect(errors.map((e) => [e.sheet, e.row, e.code])).toEqual([
			['survey', 2, 'identifyingType'],
			['survey', 3, 'unknownList'],
			['survey', 4, 'duplicateName'],
			['survey', 4, 'expression'],
			['survey', 5, 'unsupportedType'],
			['survey', 7, 'unexpectedEndGroup'],
			['survey', 8, 'unclosedGroup'],
			['choices', 3, 'duplicateChoice']
		]);
	});
});

describe('importXlsForm: accepted with warnings', () => {
	it('leaves out today with a warning', async () => {
		const result = await importXlsForm(
			await workbook(
				form([
					['today', 'day'],
					['text', 'q1', 'A']
				])
			)
		);
		expect(result.ok && allQuestions(result.instrument).map((q) => q.name)).toEqual(['q1']);
		expect(result.ok && result.warnings).toEqual([
			expect.objectContaining({ row: 2, code: 'droppedMetadata' })
		]);
	});

	it('flattens a nested group into its page and keeps its condition on each question', async () => {
		const result = await importXlsForm(
			await workbook(
				form([
					['integer', 'age', 'Age'],
					['begin group', 'outer', 'Outer', '${age} > 17'],
					['begin group', 'inner', 'Inner', '${age} < 30'],
					['text', 'q1', 'A'],
					['text', 'q2', 'B', "${q1} != ''"],
					['end group'],
					['text', 'q3', 'C'],
					['end group']
				])
			)
		);
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		const page = result.instrument.pages[1]!;
		expect(page.name).toBe('outer');
		expect(page.relevant).toBe('${age} > 17');
		expect(page.questions.map((q) => [q.name, q.relevant])).toEqual([
			['q1', '${age} < 30'],
			['q2', "(${age} < 30) and (${q1} != '')"],
			['q3', undefined]
		]);
		expect(result.warnings).toEqual([expect.objectContaining({ row: 4, code: 'nestedGroup' })]);
	});

	it('reads booleans, formulas, numbers and dates as text', async () => {
		const instrument = await imported({
			survey: [
				['type', 'name', 'label', 'required', 'default', 'prefer_not_to_say'],
				[
					'date',
					'd',
					'Day',
					true,
					new Date(Date.UTC(2024, 4, 1)),
					{ formula: 'FALSE()', result: false }
				],
				['integer', 'n', 42, { formula: 'TRUE()' }, 7, 'NO']
			]
		});
		expect(question(instrument, 'd')).toMatchObject({
			required: true,
			default: '2024-05-01',
			preferNotToSay: false
		});
		expect(question(instrument, 'n')).toMatchObject({
			label: { en: '42' },
			required: true,
			default: '7',
			preferNotToSay: false
		});
	});

	it('warns about group columns a page cannot hold', async () => {
		const headers = ['type', 'name', 'label', 'hint', 'required'];
		const result = await importXlsForm(
			await workbook({
				survey: [
					headers,
					['begin group', 'p', 'Page', 'A hint', 'yes'],
					['text', 'q1', 'A'],
					['end group']
				]
			})
		);
		expect(result.ok && result.warnings).toEqual([
			{
				sheet: 'survey',
				row: 2,
				column: 'required',
				code: 'ignoredValue',
				message: 'Row 2: a group (page) has no required, hint; left out.',
				params: { columns: 'required, hint' }
			}
		]);
	});

	it('accepts an ArrayBuffer', async () => {
		const bytes = await workbook(form([['text', 'q1', 'A']]));
		const copy = bytes.slice().buffer;
		expect((await importXlsForm(copy)).ok).toBe(true);
	});

	it('skips blank rows and keeps spreadsheet row numbers', async () => {
		const errors = await errorsOf(
			form([['text', 'q1', 'A'], [], [null, '  '], ['text', 'q1', 'B']])
		);
		expect(errors.map((e) => e.row)).toEqual([5]);
	});
});
