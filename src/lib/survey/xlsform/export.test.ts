import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allQuestions, type Instrument } from '../model';
import { starterInstrument } from '../starter';
import { exportXlsForm } from './export';
import { importXlsForm } from './import';
import { generatedForm, handMadeForm, readBack, workbook, type Rows } from './testing';

async function imported(data: Uint8Array): Promise<Instrument> {
	const result = await importXlsForm(data);
	if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
	return result.instrument;
}

async function roundTrip(instrument: Instrument): Promise<Instrument> {
	return imported(await exportXlsForm(instrument));
}

/** Every `type` cell of an export is one that ODK, Kobo and pyxform know. */
async function expectStandardTypes(data: Uint8Array): Promise<void> {
	const survey = (await readBack(data)).survey ?? [];
	const types = survey.slice(1).map((r) => r[survey[0]!.indexOf('type')]!);
	expect(types.length).toBeGreaterThan(0);
	for (const type of types)
		expect(STANDARD_TYPES, type).toContain(
			/^(begin|end) group$/.test(type) ? type : type.split(' ')[0]
		);
}

const LANGUAGES = ['English (en)', 'العربية (ar)', 'Français (fr)'];

/** pyxform's question and structure types (first word of `type`; groups as two words). */
const STANDARD_TYPES = [
	'begin group',
	'end group',
	'begin repeat',
	'end repeat',
	'integer',
	'decimal',
	'range',
	'text',
	'select_one',
	'select_multiple',
	'select_one_from_file',
	'select_multiple_from_file',
	'rank',
	'note',
	'geopoint',
	'geotrace',
	'geoshape',
	'date',
	'time',
	'dateTime',
	'image',
	'audio',
	'background-audio',
	'video',
	'file',
	'barcode',
	'calculate',
	'acknowledge',
	'hidden',
	'xml-external',
	'csv-external',
	'start',
	'end',
	'today',
	'deviceid',
	'username',
	'phonenumber',
	'email',
	'audit'
];
const perLanguage = (base: string) => LANGUAGES.map((l) => `${base}::${l}`);

describe('exportXlsForm', () => {
	it('writes the three sheets with XLSForm headers', async () => {
		const instrument = await imported(await workbook(handMadeForm()));
		const sheets = await readBack(await exportXlsForm(instrument));
		expect(Object.keys(sheets)).toEqual(['survey', 'choices', 'settings']);
		expect(sheets.survey?.[0]).toEqual([
			'type',
			'name',
			...perLanguage('label'),
			...perLanguage('hint'),
			'required',
			...perLanguage('required_message'),
			'relevant',
			'constraint',
			...perLanguage('constraint_message'),
			'calculation',
			'choice_filter',
			'appearance',
			'default',
			'parameters',
			'prefer_not_to_say',
			...perLanguage('range_start_label'),
			...perLanguage('range_end_label'),
			// Heard's own types, written because the form has a safety check and consent screen.
			'heard_type',
			// Unknown columns, in the order rows first carry them.
			'custom_note',
			'media::image'
		]);
		expect(sheets.choices?.[0]).toEqual(['list_name', 'name', ...perLanguage('label'), 'region']);
		expect(sheets.settings).toEqual([
			[
				'form_title',
				'form_id',
				'version',
				'default_language',
				'title::العربية (ar)',
				'title::Français (fr)',
				'style'
			],
			['Feedback', 'feedback_2024', '3', 'English (en)', 'استبيان', 'Questionnaire', 'pages']
		]);
	});

	it('writes pages as groups and types with their lists', async () => {
		const instrument = await imported(await workbook(handMadeForm()));
		const survey = (await readBack(await exportXlsForm(instrument))).survey ?? [];
		const column = (header: string) => survey[0]!.indexOf(header);
		const rows = survey.slice(1).map((r) => [r[column('type')], r[column('name')]]);
		expect(rows.slice(0, 5)).toEqual([
			['begin group', 'page_1'],
			['select_one heard_safety', 'safety'],
			['select_one heard_consent', 'consent'],
			['end group', ''],
			['begin group', 'support']
		]);
		const row = (name: string) => survey.find((r) => r[column('name')] === name)!;
		expect(row('satisfied')[column('type')]).toBe('select_one satisfaction');
		expect(row('satisfied')[column('required')]).toBe('yes');
		expect(row('safe_today')[column('parameters')]).toBe('start=0 end=10 step=1');
		expect(row('age')[column('prefer_not_to_say')]).toBe('no');
		expect(row('income')[column('prefer_not_to_say')]).toBe('');
		expect(row('comments')[column('label::العربية (ar)')]).toBe('');
		expect(row('months')[column('parameters')]).toBe('ignored=1');
		expect(row('safety')[column('heard_type')]).toBe('safety_check');
		expect(row('consent')[column('heard_type')]).toBe('consent');
		expect(row('satisfied')[column('heard_type')]).toBe('');
	});

	it('writes only standard XLSForm types, even for the safety check and consent', async () => {
		const instrument = await imported(await workbook(handMadeForm()));
		expect(allQuestions(instrument).map((q) => q.type)).toEqual(
			expect.arrayContaining(['safety_check', 'consent'])
		);
		await expectStandardTypes(await exportXlsForm(instrument));
	});

	it('adds the yes/no lists of the gate screens, labelled in every language', async () => {
		const instrument = await imported(await workbook(handMadeForm()));
		const choices = (await readBack(await exportXlsForm(instrument))).choices ?? [];
		const generated = choices.filter((r) => r[0]?.startsWith('heard_'));
		expect(choices.slice(-4)).toEqual(generated);
		expect(generated).toEqual([
			['heard_safety', 'yes', 'Yes, continue', 'نعم، متابعة', 'Oui, continuer', ''],
			['heard_safety', 'no', 'Not now', 'ليس الآن', 'Pas maintenant', ''],
			[
				'heard_consent',
				'yes',
				'I agree to answer',
				'أوافق على الإجابة',
				"J'accepte de répondre",
				''
			],
			[
				'heard_consent',
				'no',
				'I do not want to answer',
				'لا أرغب في الإجابة',
				'Je ne souhaite pas répondre',
				''
			]
		]);
	});

	it('adds no heard_type column or generated list to a form without gate screens', async () => {
		const instrument = await imported(
			await workbook({
				survey: [
					['type', 'name', 'label'],
					['text', 'q1', 'A']
				]
			})
		);
		const sheets = await readBack(await exportXlsForm(instrument));
		expect(sheets.survey?.[0]).not.toContain('heard_type');
		expect(sheets.choices).toEqual([['list_name', 'name', 'label::English (en)']]);
	});

	it('adds only the lists of gate screens present, in English where Heard lacks the language', async () => {
		const instrument = await imported(
			await workbook({
				survey: [
					['type', 'name', 'label::isiXhosa (xh)'],
					['consent', 'c', 'Unakubali?']
				]
			})
		);
		const sheets = await readBack(await exportXlsForm(instrument));
		expect(sheets.choices).toEqual([
			['list_name', 'name', 'label::isiXhosa (xh)'],
			['heard_consent', 'yes', 'I agree to answer'],
			['heard_consent', 'no', 'I do not want to answer']
		]);
	});

	it('picks other list names when the form already has heard_safety', async () => {
		const instrument = await imported(
			await workbook({
				survey: [
					['type', 'name', 'label'],
					['safety_check', 'safety', 'Safe?'],
					['select_one heard_safety', 'q1', 'A'],
					['consent', 'consent', 'Agree?']
				],
				choices: [
					['list_name', 'name', 'label'],
					['heard_safety', 'x', 'X'],
					['heard_safety_2', 'y', 'Y']
				]
			})
		);
		const sheets = await readBack(await exportXlsForm(instrument));
		expect(sheets.survey?.map((r) => r[0])).toEqual([
			'type',
			'begin group',
			'select_one heard_safety_3',
			'select_one heard_safety',
			'select_one heard_consent',
			'end group'
		]);
		expect(sheets.choices?.map((r) => r.slice(0, 2))).toEqual([
			['list_name', 'name'],
			['heard_safety', 'x'],
			['heard_safety_2', 'y'],
			['heard_safety_3', 'yes'],
			['heard_safety_3', 'no'],
			['heard_consent', 'yes'],
			['heard_consent', 'no']
		]);
		expect(await roundTrip(instrument)).toStrictEqual(instrument);
	});

	it('writes a version when asked', async () => {
		const instrument = await imported(await workbook(handMadeForm()));
		const sheets = await readBack(await exportXlsForm(instrument, { version: '12' }));
		expect(sheets.settings?.[1]?.[2]).toBe('12');
	});
});

describe('round trip: importXlsForm(exportXlsForm(x)) equals x', () => {
	it('for the hand-made form (ids included)', async () => {
		const instrument = await imported(await workbook(handMadeForm()));
		expect(await roundTrip(instrument)).toStrictEqual(instrument);
	});

	it('keeps unknown columns of questions, pages, choices and settings', async () => {
		const instrument = await imported(await workbook(handMadeForm()));
		const again = await roundTrip(instrument);
		const comments = again.pages[2]?.questions.find((q) => q.name === 'comments');
		expect(comments?.extra).toEqual({ 'media::image': 'comments.png', custom_note: 'keep me' });
		expect(again.pages[1]?.extra).toEqual({ custom_note: 'page note' });
		expect(again.choiceLists[4]?.choices[0]?.extra).toEqual({ region: 'north' });
		expect(again.settingsExtra).toEqual({ version: '3', style: 'pages' });
	});

	it('keeps a missing translation missing', async () => {
		const again = await roundTrip(await imported(await workbook(handMadeForm())));
		expect(again.pages[2]?.questions.find((q) => q.name === 'comments')?.label).toStrictEqual({
			en: 'Anything else?'
		});
	});

	it('for a form whose nested groups were flattened', async () => {
		const instrument = await imported(
			await workbook({
				survey: [
					['type', 'name', 'label', 'relevant'],
					['integer', 'age', 'Age'],
					['begin group', 'outer', 'Outer', '${age} > 17'],
					['begin group', 'inner', 'Inner', '${age} < 30'],
					['text', 'q1', 'A', '${age} != 20'],
					['end group'],
					['end group'],
					['text', 'after', 'B']
				]
			})
		);
		expect(instrument.pages.map((p) => p.name)).toEqual(['page_1', 'outer', 'page_3']);
		expect(await roundTrip(instrument)).toStrictEqual(instrument);
	});

	it('for a 1,000-question form, imported in under 3 seconds', async () => {
		const data = await workbook(generatedForm(50, 20));
		const started = performance.now();
		const result = await importXlsForm(data);
		const elapsed = performance.now() - started;
		console.info(`1,000-question import: ${Math.round(elapsed)} ms`);
		if (!result.ok)
			throw new Error(
				result.errors
					.slice(0, 5)
					.map((e) => e.message)
					.join('\n')
			);
		expect(result.instrument.pages).toHaveLength(50);
		expect(result.instrument.pages.flatMap((p) => p.questions)).toHaveLength(1000);
		expect(elapsed).toBeLessThan(3000);
		expect(await roundTrip(result.instrument)).toStrictEqual(result.instrument);
	});

	it('for an instrument made in the builder, apart from ids', async () => {
		const starter = starterInstrument('feedback', ['en', 'ar']);
		const withoutIds = (i: Instrument) => ({
			...i,
			pages: i.pages.map(({ id: _page, ...page }) => ({
				...page,
				questions: page.questions.map(({ id: _question, ...q }) => q)
			}))
		});
		expect(withoutIds(await roundTrip(starter))).toStrictEqual(withoutIds(starter));
	});

	it('for generated forms', async () => {
		await fc.assert(
			fc.asyncProperty(formArbitrary, async (sheets) => {
				const result = await importXlsForm(await workbook(sheets));
				// Every generated form is valid, so a refusal is a bug too.
				if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
				const exported = await exportXlsForm(result.instrument);
				await expectStandardTypes(exported);
				expect(await imported(exported)).toStrictEqual(result.instrument);
			}),
			{ numRuns: 40 }
		);
	});
});

// ---------------------------------------------------------------------------------------------
// Generated forms: groups or loose questions of every type, texts in any script with the
// characters spreadsheets make awkward, optional translations and unknown columns.

const HEADERS = [
	'type',
	'name',
	'label::English (en)',
	'label::العربية (ar)',
	'hint',
	'required',
	'relevant',
	'calculation',
	'parameters',
	'prefer_not_to_say',
	'appearance',
	'range_end_label::العربية (ar)',
	'x-custom',
	'heard_type'
];

const text = fc.option(
	fc.string({
		unit: fc.constantFrom(
			'a',
			'Z',
			' ',
			'é',
			'ع',
			'ب',
			'1',
			'=',
			'"',
			"'",
			'<',
			'&',
			'\n',
			'(',
			')'
		),
		minLength: 1,
		maxLength: 12
	}),
	{ nil: null }
);

const TYPES = [
	'safety_check',
	'consent',
	'text',
	'integer',
	'decimal',
	'date',
	'note',
	'select_one l1',
	'select_multiple l2',
	'rank l1',
	// The form's own list that happens to have the name export gives the safety check's list.
	'select_one heard_safety',
	'range',
	'calculate'
];

/** Gate screens as older Heard files write them, or as standard selects marked in heard_type. */
const GATE_SPELLINGS = [
	null,
	'select_one heard_safety',
	'select_one heard_consent',
	'select_one l1'
];

const questionRow = (name: string) =>
	fc
		.record({
			type: fc.constantFrom(...TYPES),
			en: fc.string({ minLength: 1, maxLength: 10 }).map((s) => `Q ${s}`),
			ar: text,
			hint: text,
			required: fc.constantFrom(null, 'yes', 'no', 'TRUE'),
			prefer: fc.constantFrom(null, 'yes', 'no'),
			appearance: fc.constantFrom(null, 'multiline', 'minimal'),
			endLabel: text,
			custom: text,
			start: fc.integer({ min: -5, max: 5 }),
			steps: fc.integer({ min: 1, max: 10 }),
			gateAs: fc.constantFrom(...GATE_SPELLINGS)
		})
		.map((q): Rows[number] => [
			gate(q.type) && q.gateAs ? q.gateAs : q.type,
			name,
			q.en,
			q.ar,
			q.hint,
			q.required,
			null,
			q.type === 'calculate' ? '1 + 1' : null,
			q.type === 'range' ? `start=${q.start} end=${q.start + q.steps}` : null,
			q.prefer,
			q.appearance,
			q.endLabel,
			q.custom,
			gate(q.type) && q.gateAs ? q.type : null
		]);

const gate = (type: string) => type === 'safety_check' || type === 'consent';

const pageRows = (index: number) =>
	fc
		.record({
			grouped: fc.boolean(),
			label: text,
			relevant: fc.constantFrom(null, "${q0_0} != ''"),
			size: fc.integer({ min: 1, max: 4 })
		})
		.chain(({ grouped, label, relevant, size }) =>
			fc
				.tuple(...Array.from({ length: size }, (_, i) => questionRow(`q${index}_${i}`)))
				.map((questions): Rows => {
					if (!grouped) return questions;
					const begin = [
						'begin group',
						`g${index}`,
						label,
						null,
						null,
						null,
						index > 0 ? relevant : null
					];
					return [begin, ...questions, ['end group']];
				})
		);

const formArbitrary = fc
	.integer({ min: 1, max: 4 })
	.chain((pages) => fc.tuple(...Array.from({ length: pages }, (_, i) => pageRows(i))))
	.map((pages) => ({
		survey: [HEADERS, ...pages.flat()],
		choices: [
			['list_name', 'name', 'label::English (en)', 'label::العربية (ar)'],
			['l1', 'a', 'A', 'أ'],
			['l1', 'b', 'B', null],
			['l2', 'c', 'C', 'ج'],
			['heard_safety', 'yes', 'Yes', 'نعم'],
			['heard_safety', 'no', 'No', null]
		],
		settings: [
			['form_id', 'default_language'],
			['generated', 'English (en)']
		]
	}));
