import ExcelJS from 'exceljs';

/**
 * Hand-made XLSForms for the import/export tests, built in code so no binary fixture hides
 * what a test is about. Rows are arrays of cells, the first row of each sheet its headers.
 */

export type Cell = ExcelJS.CellValue;
export type Rows = Cell[][];

/** An .xlsx with the given sheets (in the given order, names as given). */
export async function workbook(sheets: Record<string, Rows>): Promise<Uint8Array> {
	const book = new ExcelJS.Workbook();
	for (const [name, rows] of Object.entries(sheets)) {
		const sheet = book.addWorksheet(name);
		for (const row of rows) sheet.addRow(row);
	}
	return new Uint8Array(await book.xlsx.writeBuffer());
}

/** Reads a workbook back as plain text rows per sheet, for asserting on an export. */
export async function readBack(data: Uint8Array): Promise<Record<string, string[][]>> {
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(data as unknown as Parameters<typeof book.xlsx.load>[0]);
	const sheets: Record<string, string[][]> = {};
	for (const sheet of book.worksheets) {
		const rows: string[][] = [];
		sheet.eachRow({ includeEmpty: true }, (row) => {
			const cells: string[] = [];
			for (let c = 1; c <= sheet.columnCount; c++) {
				const value = row.getCell(c).value;
				cells.push(value === null || value === undefined ? '' : String(value));
			}
			rows.push(cells);
		});
		sheets[sheet.name] = rows;
	}
	return sheets;
}

const SURVEY_HEADERS = [
	'type',
	'name',
	'label::English (en)',
	'label::العربية (ar)',
	'label::Français (fr)',
	'hint::English (en)',
	'hint::العربية (ar)',
	'required',
	'required_message::English (en)',
	'relevant',
	'constraint',
	'constraint_message::English (en)',
	'constraint_message::Français (fr)',
	'calculation',
	'choice_filter',
	'appearance',
	'default',
	'parameters',
	'prefer_not_to_say',
	'range_start_label::English (en)',
	'range_end_label::English (en)',
	'media::image',
	'custom_note'
];

/** A survey row by column name, so each row of the hand-made form reads like the sheet. */
function row(cells: Record<string, Cell>): Cell[] {
	return SURVEY_HEADERS.map((h) => cells[h] ?? null);
}

/**
 * Every supported type and column, in English, Arabic and French. The comments row is missing
 * its Arabic and French labels on purpose; `media::image` and `custom_note` are unknown columns.
 */
export function handMadeForm(): Record<string, Rows> {
	const en = 'label::English (en)';
	const ar = 'label::العربية (ar)';
	const fr = 'label::Français (fr)';
	const survey: Rows = [
		SURVEY_HEADERS,
		row({
			type: 'safety_check',
			name: 'safety',
			[en]: 'Is now a safe time?',
			[ar]: 'هل هذا وقت آمن؟',
			[fr]: 'Est-ce un moment sûr ?',
			required: 'yes'
		}),
		row({
			type: 'consent',
			name: 'consent',
			[en]: 'Do you agree?',
			[ar]: 'هل توافق؟',
			[fr]: 'Êtes-vous d’accord ?',
			required: 'yes'
		}),
		row({
			type: 'begin group',
			name: 'support',
			[en]: 'Support',
			[ar]: 'الدعم',
			[fr]: 'Soutien',
			appearance: 'field-list',
			custom_note: 'page note'
		}),
		row({
			type: 'select_one satisfaction',
			name: 'satisfied',
			[en]: 'How satisfied are you?',
			[ar]: 'ما مدى رضاك؟',
			[fr]: 'Êtes-vous satisfait ?',
			'hint::English (en)': 'Choose one',
			'hint::العربية (ar)': 'اختر واحدة',
			// A formula cell, as some tools write booleans.
			required: { formula: 'TRUE()', result: true },
			'required_message::English (en)': 'Please answer'
		}),
		row({
			type: 'select_multiple reasons',
			name: 'reasons',
			[en]: 'Why not?',
			[ar]: 'لماذا لا؟',
			[fr]: 'Pourquoi pas ?',
			relevant: "${satisfied} = 'not'"
		}),
		row({
			type: 'rank priorities',
			name: 'ranking',
			[en]: 'Rank these',
			[ar]: 'رتب هذه',
			[fr]: 'Classez'
		}),
		row({
			type: 'select_one regions',
			name: 'region',
			[en]: 'Region',
			[ar]: 'المنطقة',
			[fr]: 'Région'
		}),
		row({
			type: 'select_one districts',
			name: 'district',
			[en]: 'District',
			[ar]: 'الحي',
			[fr]: 'District',
			choice_filter: "${region} != ''"
		}),
		row({ type: 'end group' }),
		row({
			type: 'begin_group',
			name: 'numbers',
			[en]: 'About you',
			relevant: "${consent} = 'yes'"
		}),
		row({
			type: 'integer',
			name: 'age',
			[en]: 'Age',
			[ar]: 'العمر',
			[fr]: 'Âge',
			constraint: '. >= 18 and . <= 120',
			'constraint_message::English (en)': 'Between 18 and 120',
			'constraint_message::Français (fr)': 'Entre 18 et 120',
			prefer_not_to_say: 'no'
		}),
		row({
			type: 'decimal',
			name: 'income',
			[en]: 'Income',
			[ar]: 'الدخل',
			[fr]: 'Revenu',
			default: 0
		}),
		row({
			type: 'text',
			name: 'comments',
			[en]: { richText: [{ text: 'Anything ' }, { font: { bold: true }, text: 'else?' }] },
			appearance: 'multiline',
			'media::image': 'comments.png',
			custom_note: 'keep me'
		}),
		row({
			type: 'date',
			name: 'ended',
			[en]: 'When did support end?',
			[ar]: 'متى انتهى الدعم؟',
			[fr]: 'Quand ?'
		}),
		row({
			type: 'range',
			name: 'safe_today',
			[en]: 'How safe do you feel today?',
			[ar]: 'ما مدى شعورك بالأمان اليوم؟',
			[fr]: 'Sécurité aujourd’hui ?',
			parameters: 'start=0 end=10 step=1',
			'range_start_label::English (en)': 'Not at all safe',
			'range_end_label::English (en)': 'Completely safe'
		}),
		row({ type: 'note', name: 'thanks', [en]: 'Thank you', [ar]: 'شكرا', [fr]: 'Merci' }),
		row({ type: 'calculate', name: 'double_age', calculation: '${age} * 2' }),
		row({ type: 'end_group' }),
		[],
		row({
			type: 'integer',
			name: 'months',
			[en]: 'Months since support ended',
			[ar]: 'الأشهر',
			[fr]: 'Mois',
			parameters: 'ignored=1'
		})
	];
	const choices: Rows = [
		[
			'list_name',
			'name',
			'label::English (en)',
			'label::العربية (ar)',
			'label::Français (fr)',
			'region'
		],
		['satisfaction', 'very', 'Very', 'جدا', 'Très', null],
		['satisfaction', 'fairly', 'Fairly', 'إلى حد ما', 'Assez', null],
		['satisfaction', 'not', 'Not at all', 'لا', 'Pas du tout', null],
		['reasons', 'slow', 'Too slow', 'بطيء', 'Trop lent', null],
		['reasons', 'rude', 'Rude', 'غير مهذب', 'Impoli', null],
		['priorities', 'housing', 'Housing', 'السكن', 'Logement', null],
		['priorities', 'health', 'Health', 'الصحة', 'Santé', null],
		['regions', 'north', 'North', 'الشمال', 'Nord', null],
		['regions', 'south', 'South', 'الجنوب', 'Sud', null],
		['districts', 'd1', 'District 1', 'الحي 1', 'District 1', 'north'],
		['districts', 2, 'District 2', 'الحي 2', 'District 2', 'south']
	];
	const settings: Rows = [
		[
			'form_title',
			'form_id',
			'version',
			'default_language',
			'title::العربية (ar)',
			'title::Français (fr)',
			'style'
		],
		['Feedback', 'feedback_2024', 3, 'English (en)', 'استبيان', 'Questionnaire', 'pages']
	];
	return { survey, choices, settings };
}

const TYPES = [
	'select_one',
	'select_multiple',
	'integer',
	'decimal',
	'text',
	'date',
	'range',
	'rank',
	'note',
	'calculate'
];

/**
 * A large form: `groups` pages of `perGroup` questions cycling through the types, each with a
 * condition on the question before it, in English, French and Arabic.
 */
export function generatedForm(groups: number, perGroup: number): Record<string, Rows> {
	const headers = [
		'type',
		'name',
		'label::English (en)',
		'label::Français (fr)',
		'label::العربية (ar)',
		'hint::English (en)',
		'relevant',
		'calculation',
		'parameters',
		'required'
	];
	const survey: Rows = [headers];
	let previous = '';
	for (let g = 1; g <= groups; g++) {
		survey.push([
			'begin group',
			`g${g}`,
			`Part ${g}`,
			`Partie ${g}`,
			`الجزء ${g}`,
			null,
			null,
			null,
			null,
			null
		]);
		for (let i = 1; i <= perGroup; i++) {
			const n = (g - 1) * perGroup + i;
			const type = TYPES[n % TYPES.length]!;
			const listed = type === 'select_one' || type === 'select_multiple' || type === 'rank';
			survey.push([
				listed ? `${type} list${n % 10}` : type,
				`q${n}`,
				`Question ${n}`,
				`Question ${n} (fr)`,
				`السؤال ${n}`,
				n % 3 === 0 ? `Hint ${n}` : null,
				previous && type !== 'calculate' ? `\${${previous}} != ''` : null,
				type === 'calculate' ? `\${${previous || 'q1'}} + 1` : null,
				type === 'range' ? 'start=1 end=5 step=1' : null,
				n % 2 === 0 ? 'yes' : null
			]);
			previous = `q${n}`;
		}
		survey.push(['end group']);
	}
	const choices: Rows = [
		['list_name', 'name', 'label::English (en)', 'label::Français (fr)', 'label::العربية (ar)']
	];
	for (let l = 0; l < 10; l++)
		for (let c = 1; c <= 5; c++)
			choices.push([`list${l}`, `c${c}`, `Choice ${c}`, `Choix ${c}`, `خيار ${c}`]);
	const settings: Rows = [
		['form_title', 'form_id', 'default_language'],
		['Big form', 'big', 'English (en)']
	];
	return { survey, choices, settings };
}
