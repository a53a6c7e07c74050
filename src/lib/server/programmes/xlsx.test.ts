import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logframeTree, type LogframeTreeNode } from '../../programmes/checks';
import type {
	IndicatorDefinition,
	IndicatorRule,
	Level,
	LevelLabels,
	Logframe,
	LogframeNode
} from '../../programmes/model';
import {
	LOGFRAME_IMPORT_ERRORS,
	MAX_IMPORT_ERRORS,
	MAX_LOGFRAME_ROWS,
	MAX_LOGFRAME_XLSX_BYTES,
	logframeFromXlsx,
	logframeToXlsx,
	type LogframeImportIssue,
	type LogframeImportResult
} from './xlsx';

const LABELS: LevelLabels = {
	goal: 'Overall objective',
	outcome: 'Specific objective',
	output: 'Output',
	activity: 'Activity'
};

function node(
	id: string,
	level: Level,
	parentId: string | null,
	position: number,
	narrative: string,
	extra: Partial<LogframeNode> = {}
): LogframeNode {
	return { id, parentId, level, code: '', narrative, assumptions: '', position, ...extra };
}

function indicator(
	id: string,
	nodeId: string,
	position: number,
	extra: Partial<IndicatorDefinition>
): IndicatorDefinition {
	return {
		id,
		nodeId,
		code: '',
		statement: id,
		unit: '',
		kind: 'count',
		direction: 'increase',
		baselineValue: null,
		baselineDate: null,
		target: null,
		milestones: {},
		disaggregations: [],
		meansOfVerification: '',
		source: 'manual',
		surveyIds: [],
		rule: null,
		libraryId: null,
		position,
		...extra
	};
}

/** A realistic programme: French and Arabic text, and text a spreadsheet would take as formulas. */
const realistic: Logframe = {
	nodes: [
		node('g', 'goal', null, 0, 'Les survivantes vivent en sécurité et retrouvent leur autonomie', {
			code: '0',
			assumptions: 'La situation sécuritaire reste stable.\nLes autorités coopèrent.'
		}),
		node('o2', 'outcome', 'g', 20, 'يعرف الناجون أين يحصلون على المساعدة', {
			code: '2',
			assumptions: '=SUM(A1)'
		}),
		node('o1', 'outcome', 'g', 10, 'Survivors feel safe and respected while receiving support', {
			code: '1'
		}),
		node('p11', 'output', 'o1', 0, '+200 caseworkers trained in trauma-informed practice', {
			code: '1.1'
		}),
		node('p12', 'output', 'o1', 1, '-risk: referral pathways agreed with shelters', {
			code: '1.2'
		}),
		node('a111', 'activity', 'p11', 0, '@team: run eight training sessions', { code: '1.1.1' }),
		node('p21', 'output', 'o2', 0, 'Cartes d’aide distribuées en arabe, français et anglais')
	],
	indicators: [
		indicator('safety', 'o1', 0, {
			code: 'OC1.1',
			statement: '% of respondents who felt safe always or most of the time',
			unit: '%',
			kind: 'percentInSet',
			baselineValue: 42.5,
			baselineDate: '2025-01-15',
			target: 75,
			milestones: { '2025-Q4': 55, '2026-Q2': 65 },
			disaggregations: ['sex', 'age_band', 'channel'],
			meansOfVerification: 'Enquête de satisfaction, trimestrielle',
			source: 'survey',
			surveyIds: ['survey-1', 'survey-2'],
			rule: { kind: 'percentInSet', question: 'felt_safe', choices: ['always', 'mostly'] }
		}),
		indicator('wellbeing', 'o1', 1, {
			code: 'OC1.2',
			statement: 'Mean wellbeing score (WHO-5 style, 0–100)',
			kind: 'scaleScore',
			direction: 'increase',
			baselineValue: 0,
			baselineDate: '2024-12-31',
			target: 60,
			source: 'survey',
			surveyIds: ['survey-1'],
			rule: {
				kind: 'scaleScore',
				items: ['wb1', 'wb2', 'wb3'],
				minAnswered: 2,
				rescaleFrom: { min: 0, max: 5 }
			}
		}),
		indicator('waiting', 'o2', 0, {
			statement: 'نسبة الذين انتظروا طويلاً للحصول على الدعم',
			unit: '%',
			kind: 'percentSelecting',
			direction: 'decrease',
			baselineValue: 30,
			target: -5,
			source: 'survey',
			rule: { kind: 'percentSelecting', question: 'waited', choice: 'yes' }
		}),
		indicator('trained', 'p11', 0, {
			statement: '=HYPERLINK("http://evil.example","click")',
			unit: 'people',
			kind: 'count',
			target: 200,
			meansOfVerification: 'Attendance sheets',
			rule: { kind: 'count' }
		}),
		indicator('sessions', 'p11', 1, {
			statement: 'Sessions run',
			kind: 'count',
			target: 8,
			source: 'survey',
			rule: { kind: 'count', where: { question: 'session_held', choices: ['yes'] } }
		})
	]
};

const SURVEY_NAMES = { 'survey-1': 'Programme feedback', 'survey-2': 'Endline' };

function exportOf(logframe: Logframe): Promise<Buffer> {
	return logframeToXlsx({
		programmeName: 'Programme Safe Return — العودة الآمنة',
		levelLabels: LABELS,
		logframe,
		surveyNames: SURVEY_NAMES
	});
}

type Shape = {
	level: Level;
	code: string;
	narrative: string;
	assumptions: string;
	indicators: Omit<IndicatorDefinition, 'id' | 'nodeId' | 'position' | 'surveyIds' | 'libraryId'>[];
	children: Shape[];
};

/** The tree without what the import renews: ids, positions (renumbered) and survey bindings. */
function shape(logframe: Logframe): Shape[] {
	const strip = (e: LogframeTreeNode): Shape => ({
		level: e.node.level,
		code: e.node.code,
		narrative: e.node.narrative,
		assumptions: e.node.assumptions,
		indicators: e.indicators.map(
			({ id: _i, nodeId: _n, position: _p, surveyIds: _s, libraryId: _l, ...rest }) => rest
		),
		children: e.children.map(strip)
	});
	return logframeTree(logframe).map(strip);
}

function imported(result: LogframeImportResult): Logframe {
	if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.errors)}`);
	return result.logframe;
}

async function reopen(buffer: Buffer): Promise<ExcelJS.Workbook> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(buffer as unknown as Parameters<ExcelJS.Workbook['xlsx']['load']>[0]);
	return workbook;
}

describe('logframeToXlsx then logframeFromXlsx', () => {
	it('gives back the same tree, texts, indicators, milestones and rules', async () => {
		const back = imported(await logframeFromXlsx(await exportOf(realistic)));
		expect(shape(back)).toEqual(shape(realistic));
	});

	it('gives fresh ids, consistent parents, positions from 0 and no survey bindings', async () => {
		const back = imported(await logframeFromXlsx(await exportOf(realistic)));
		const ids = back.nodes.map((n) => n.id);
		const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
		expect(ids.every((id) => uuid.test(id))).toBe(true);
		expect(ids.some((id) => realistic.nodes.some((n) => n.id === id))).toBe(false);
		for (const n of back.nodes) if (n.parentId !== null) expect(ids).toContain(n.parentId);
		const outcomes = back.nodes.filter((n) => n.level === 'outcome');
		expect(outcomes.map((n) => [n.code, n.position])).toEqual([
			['1', 0],
			['2', 1]
		]);
		expect(back.indicators.every((i) => i.surveyIds.length === 0 && i.libraryId === null)).toBe(
			true
		);
		expect(back.indicators.find((i) => i.code === 'OC1.2')?.position).toBe(1);
	});

	it('accepts an ArrayBuffer as well as a Buffer', async () => {
		const buffer = await exportOf(realistic);
		const copy = new Uint8Array(buffer).slice().buffer;
		expect(shape(imported(await logframeFromXlsx(copy)))).toEqual(shape(realistic));
	});
});

describe('logframeToXlsx', () => {
	it('writes nodes in tree order with stable refs, level keys and parent refs', async () => {
		const sheet = (await reopen(await exportOf(realistic))).getWorksheet('Logframe')!;
		const rows = sheet.getSheetValues().slice(1) as unknown[][];
		expect(rows.map((r) => r.slice(1, 5))).toEqual([
			['ref', 'parent ref', 'level', 'code'],
			['N1', undefined, 'goal', '0'],
			['N2', 'N1', 'outcome', '1'],
			['N3', 'N2', 'output', '1.1'],
			['N4', 'N3', 'activity', '1.1.1'],
			['N5', 'N2', 'output', '1.2'],
			['N6', 'N1', 'outcome', '2'],
			['N7', 'N6', 'output', undefined]
		]);
	});

	it('writes text that looks like a formula as a plain string', async () => {
		const workbook = await reopen(await exportOf(realistic));
		const nodes = workbook.getWorksheet('Logframe')!;
		const cells = [
			nodes.getCell('F7'),
			nodes.getCell('E4'),
			nodes.getCell('E6'),
			nodes.getCell('E5')
		];
		expect(cells.map((c) => c.value)).toEqual([
			'=SUM(A1)',
			'+200 caseworkers trained in trauma-informed practice',
			'-risk: referral pathways agreed with shelters',
			'@team: run eight training sessions'
		]);
		const statement = workbook.getWorksheet('Indicators')!.getCell('C4');
		expect(statement.value).toBe('=HYPERLINK("http://evil.example","click")');
		for (const cell of [...cells, statement]) {
			expect(cell.type).toBe(ExcelJS.ValueType.String);
			expect(cell.formula).toBeUndefined();
		}
	});

	it('writes indicators with milestones, lists, survey names and the rule as JSON', async () => {
		const sheet = (await reopen(await exportOf(realistic))).getWorksheet('Indicators')!;
		const header = (sheet.getRow(1).values as unknown[]).slice(1);
		expect(header).toEqual([
			'node ref',
			'code',
			'statement',
			'unit',
			'kind',
			'direction',
			'baseline value',
			'baseline date',
			'target',
			'milestones',
			'disaggregations',
			'means of verification',
			'source',
			'surveys',
			'rule'
		]);
		const first = (sheet.getRow(2).values as unknown[]).slice(1);
		expect(first).toEqual([
			'N2',
			'OC1.1',
			'% of respondents who felt safe always or most of the time',
			'%',
			'percentInSet',
			'increase',
			42.5,
			'2025-01-15',
			75,
			'2025-Q4=55; 2026-Q2=65',
			'sex, age_band, channel',
			'Enquête de satisfaction, trimestrielle',
			'survey',
			'Programme feedback; Endline',
			'{"kind":"percentInSet","question":"felt_safe","choices":["always","mostly"]}'
		]);
	});

	it('has bold, frozen headers, wrapped text, set widths and the programme sheet', async () => {
		const workbook = await reopen(await exportOf(realistic));
		expect(workbook.worksheets.map((ws) => ws.name)).toEqual([
			'Logframe',
			'Indicators',
			'Programme'
		]);
		for (const name of ['Logframe', 'Indicators']) {
			const sheet = workbook.getWorksheet(name)!;
			expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
			expect(sheet.getCell('A1').font?.bold).toBe(true);
			expect(sheet.getCell('C2').alignment?.wrapText).toBe(true);
		}
		const nodes = workbook.getWorksheet('Logframe')!;
		expect(nodes.getColumn(5).width).toBeGreaterThan(nodes.getColumn(1).width!);
		const programme = workbook.getWorksheet('Programme')!;
		expect((programme.getRow(2).values as unknown[]).slice(1)).toEqual([
			'Programme Safe Return — العودة الآمنة',
			'Overall objective',
			'Specific objective',
			'Output',
			'Activity'
		]);
	});

	it('drops characters an .xlsx cannot hold rather than writing a broken file', async () => {
		const logframe: Logframe = {
			nodes: [node('g', 'goal', null, 0, 'safe\u0000 return\u0007 \uD800home')],
			indicators: []
		};
		const back = imported(await logframeFromXlsx(await exportOf(logframe)));
		expect(back.nodes[0]!.narrative).toBe('safe return home');
	});

	it('exports an empty logframe as headers only, which the import calls empty', async () => {
		const result = await logframeFromXlsx(await exportOf({ nodes: [], indicators: [] }));
		expect(result).toEqual({
			ok: false,
			errors: [{ sheet: 'Logframe', row: 0, message: 'logframeImport.empty' }]
		});
	});
});

// ---------------------------------------------------------------------------------------------
// Crafted workbooks

const NODE_HEADER = ['ref', 'parent ref', 'level', 'code', 'narrative', 'assumptions'];
const INDICATOR_HEADER = [
	'node ref',
	'code',
	'statement',
	'unit',
	'kind',
	'direction',
	'baseline value',
	'baseline date',
	'target',
	'milestones',
	'disaggregations',
	'means of verification',
	'source',
	'rule'
];

type Value = ExcelJS.CellValue;

async function book(sheets: Record<string, Value[][]>): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	for (const [name, rows] of Object.entries(sheets)) workbook.addWorksheet(name).addRows(rows);
	return Buffer.from(await workbook.xlsx.writeBuffer());
}

const GOOD_NODES: Value[][] = [
	NODE_HEADER,
	['N1', null, 'goal', '', 'Goal'],
	['N2', 'N1', 'outcome', '', 'Outcome'],
	['N3', 'N2', 'output', '', 'Output']
];

function indicatorRow(cells: Partial<Record<string, Value>> = {}): Value[] {
	const defaults: Record<string, Value> = {
		'node ref': 'N2',
		statement: 'Share who felt safe',
		kind: 'mean',
		direction: 'increase',
		source: 'manual'
	};
	return INDICATOR_HEADER.map((h) => (h in cells ? cells[h]! : (defaults[h] ?? null)));
}

async function errorsOf(buffer: Buffer | ArrayBuffer): Promise<LogframeImportIssue[]> {
	const result = await logframeFromXlsx(buffer);
	if (result.ok) throw new Error('the import should have failed');
	return result.errors;
}

async function indicatorErrors(cells: Partial<Record<string, Value>>) {
	return errorsOf(
		await book({ Logframe: GOOD_NODES, Indicators: [INDICATOR_HEADER, indicatorRow(cells)] })
	);
}

const at = (sheet: string, row: number, column: string | undefined, message: string) =>
	column === undefined ? { sheet, row, message } : { sheet, row, column, message };

describe('logframeFromXlsx refuses', () => {
	it.each([
		['garbage bytes', Buffer.from('this is not a spreadsheet at all')],
		['nothing', Buffer.alloc(0)],
		['a broken zip', Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), Buffer.alloc(200, 7)])],
		['a CSV', Buffer.from('ref,parent ref,level\nN1,,goal\n')]
	])('%s as notXlsx, without throwing', async (_, bytes) => {
		expect(await errorsOf(bytes)).toEqual([at('workbook', 0, undefined, 'logframeImport.notXlsx')]);
	});

	it('a file over 5 MB before reading it', async () => {
		const big = Buffer.alloc(MAX_LOGFRAME_XLSX_BYTES + 1);
		expect(await errorsOf(big)).toEqual([at('workbook', 0, undefined, 'logframeImport.tooLarge')]);
	});

	it('a workbook without the two sheets', async () => {
		expect(await errorsOf(await book({ Sheet1: [['hello']] }))).toEqual([
			at('Logframe', 0, undefined, 'logframeImport.missingSheet'),
			at('Indicators', 0, undefined, 'logframeImport.missingSheet')
		]);
	});

	it('a sheet without a column it needs', async () => {
		const nodes = GOOD_NODES.map((r) => [r[0], r[1], r[3], r[4], r[5]]);
		const errors = await errorsOf(await book({ Logframe: nodes, Indicators: [['node ref']] }));
		expect(errors).toContainEqual(at('Logframe', 1, 'level', 'logframeImport.missingColumn'));
		expect(errors).toContainEqual(at('Indicators', 1, 'statement', 'logframeImport.missingColumn'));
		expect(errors).toHaveLength(1 + INDICATOR_HEADER.length - 1);
	});

	it('a Logframe sheet with no rows', async () => {
		expect(
			await errorsOf(await book({ Logframe: [NODE_HEADER], Indicators: [INDICATOR_HEADER] }))
		).toEqual([at('Logframe', 0, undefined, 'logframeImport.empty')]);
	});

	it(`more than ${MAX_LOGFRAME_ROWS} rows`, async () => {
		const many = Array.from({ length: MAX_LOGFRAME_ROWS + 1 }, (_, i) =>
			indicatorRow({ code: `I${i}` })
		);
		const exactly = many.slice(0, MAX_LOGFRAME_ROWS);
		expect(
			await errorsOf(await book({ Logframe: GOOD_NODES, Indicators: [INDICATOR_HEADER, ...many] }))
		).toEqual([at('Indicators', 0, undefined, 'logframeImport.tooManyRows')]);
		const fine = await logframeFromXlsx(
			await book({ Logframe: GOOD_NODES, Indicators: [INDICATOR_HEADER, ...exactly] })
		);
		expect(imported(fine).indicators).toHaveLength(MAX_LOGFRAME_ROWS);
	});

	it.each([
		['an empty ref', [null, 'N1', 'outcome', '', 'x'], 'ref', 'logframeImport.required'],
		['an empty level', ['N9', 'N1', null, '', 'x'], 'level', 'logframeImport.required'],
		['an unknown level', ['N9', 'N1', 'objective', '', 'x'], 'level', 'logframeImport.badLevel'],
		['a duplicate ref', ['N2', 'N1', 'outcome', '', 'x'], 'ref', 'logframeImport.duplicateRef'],
		[
			'an unknown parent',
			['N9', 'N7', 'outcome', '', 'x'],
			'parent ref',
			'logframeImport.unknownParent'
		],
		[
			'an output under the goal',
			['N9', 'N1', 'output', '', 'x'],
			'parent ref',
			'logframeImport.levelOrder'
		],
		[
			'an outcome without a parent',
			['N9', null, 'outcome', '', 'x'],
			'parent ref',
			'logframeImport.levelOrder'
		],
		[
			'a goal with a parent',
			['N9', 'N1', 'goal', '', 'x'],
			'parent ref',
			'logframeImport.levelOrder'
		],
		[
			'a long narrative',
			['N9', 'N1', 'outcome', '', 'x'.repeat(4001)],
			'narrative',
			'logframeImport.tooLong'
		],
		['a long code', ['N9', 'N1', 'outcome', 'x'.repeat(41), 'x'], 'code', 'logframeImport.tooLong']
	])('a node row with %s', async (_, row, column, message) => {
		const errors = await errorsOf(
			await book({ Logframe: [...GOOD_NODES, row], Indicators: [INDICATOR_HEADER] })
		);
		expect(errors).toEqual([at('Logframe', 5, column, message)]);
	});

	it.each([
		['an empty node ref', { 'node ref': null }, 'node ref', 'logframeImport.required'],
		['an unknown node ref', { 'node ref': 'N42' }, 'node ref', 'logframeImport.unknownNode'],
		['an empty statement', { statement: '  ' }, 'statement', 'logframeImport.required'],
		[
			'a word for a baseline',
			{ 'baseline value': 'forty' },
			'baseline value',
			'logframeImport.badNumber'
		],
		[
			'a date for a target',
			{ target: new Date('2025-01-01') },
			'target',
			'logframeImport.badNumber'
		],
		['"1,5" for a target', { target: '1,5' }, 'target', 'logframeImport.badNumber'],
		[
			'a day that does not exist',
			{ 'baseline date': '2025-02-30' },
			'baseline date',
			'logframeImport.badDate'
		],
		[
			'a word for a date',
			{ 'baseline date': 'last spring' },
			'baseline date',
			'logframeImport.badDate'
		],
		['a number for a date', { 'baseline date': 45000 }, 'baseline date', 'logframeImport.badDate'],
		['an unknown kind', { kind: 'average' }, 'kind', 'logframeImport.badKind'],
		['an empty kind', { kind: null }, 'kind', 'logframeImport.required'],
		['an unknown direction', { direction: 'up' }, 'direction', 'logframeImport.badDirection'],
		['an unknown source', { source: 'interviews' }, 'source', 'logframeImport.badSource'],
		[
			'milestones with colons',
			{ milestones: '2025-Q1: 40' },
			'milestones',
			'logframeImport.badMilestones'
		],
		[
			'a milestone without a number',
			{ milestones: '2025-Q1=forty' },
			'milestones',
			'logframeImport.badMilestones'
		],
		[
			'a milestone twice',
			{ milestones: 'Q1=1; Q1=2' },
			'milestones',
			'logframeImport.badMilestones'
		],
		[
			'a milestone without a period',
			{ milestones: '=40' },
			'milestones',
			'logframeImport.badMilestones'
		],
		[
			'too many disaggregations',
			{ disaggregations: Array.from({ length: 21 }, (_, i) => `d${i}`).join(',') },
			'disaggregations',
			'logframeImport.tooLong'
		],
		['a rule that is not JSON', { rule: '{kind: mean' }, 'rule', 'logframeImport.badRule'],
		['a rule without its question', { rule: '{"kind":"mean"}' }, 'rule', 'logframeImport.badRule'],
		[
			'a rule with a misspelt key',
			{ rule: '{"kind":"mean","question":"q","choise":"a"}' },
			'rule',
			'logframeImport.badRule'
		],
		[
			'a rule of another kind',
			{ rule: '{"kind":"median","question":"q"}' },
			'rule',
			'logframeImport.badRule'
		],
		[
			'a rule with 51 choices',
			{
				kind: 'percentInSet',
				rule: JSON.stringify({
					kind: 'percentInSet',
					question: 'q',
					choices: Array.from({ length: 51 }, (_, i) => `c${i}`)
				})
			},
			'rule',
			'logframeImport.badRule'
		],
		[
			'a scale with repeated items',
			{ kind: 'scaleScore', rule: '{"kind":"scaleScore","items":["a","a"]}' },
			'rule',
			'logframeImport.badRule'
		],
		[
			'a scale asking more items than it has',
			{ kind: 'scaleScore', rule: '{"kind":"scaleScore","items":["a"],"minAnswered":2}' },
			'rule',
			'logframeImport.badRule'
		],
		[
			'a scale range upside down',
			{
				kind: 'scaleScore',
				rule: '{"kind":"scaleScore","items":["a"],"rescaleFrom":{"min":5,"max":1}}'
			},
			'rule',
			'logframeImport.badRule'
		],
		['a JSON array for a rule', { rule: '[]' }, 'rule', 'logframeImport.badRule']
	])('an indicator row with %s', async (_, cells, column, message) => {
		expect(await indicatorErrors(cells)).toEqual([at('Indicators', 2, column, message)]);
	});

	it('with every error of every row, in sheet and row order', async () => {
		const errors = await errorsOf(
			await book({
				Logframe: [
					...GOOD_NODES,
					['N4', 'N1', 'objective', '', 'x'],
					[null, 'N9', 'outcome', '', 'x'],
					['N5', 'N4', 'output', '', 'child of a row that failed: no second error']
				],
				Indicators: [
					INDICATOR_HEADER,
					indicatorRow({ 'baseline value': 'n/a', target: 'lots', kind: 'typo' }),
					indicatorRow(),
					indicatorRow({ 'node ref': 'N4' })
				]
			})
		);
		expect(errors).toEqual([
			at('Logframe', 5, 'level', 'logframeImport.badLevel'),
			at('Logframe', 6, 'ref', 'logframeImport.required'),
			at('Indicators', 2, 'kind', 'logframeImport.badKind'),
			at('Indicators', 2, 'baseline value', 'logframeImport.badNumber'),
			at('Indicators', 2, 'target', 'logframeImport.badNumber')
		]);
	});

	it(`with at most ${MAX_IMPORT_ERRORS} errors`, async () => {
		const bad = Array.from({ length: 80 }, () => indicatorRow({ kind: 'typo', direction: 'up' }));
		const errors = await errorsOf(
			await book({ Logframe: GOOD_NODES, Indicators: [INDICATOR_HEADER, ...bad] })
		);
		expect(errors).toHaveLength(MAX_IMPORT_ERRORS);
		expect(errors.at(-1)).toEqual(at('Indicators', 26, 'direction', 'logframeImport.badDirection'));
	});
});

describe('logframeFromXlsx reads hand-made sheets', () => {
	it('with numbers, rich text, hyperlinks, dates, formulas and percentages', async () => {
		const workbook = new ExcelJS.Workbook();
		workbook.addWorksheet('logframe').addRows([
			// Headers in another case, with underscores, in another order, with an extra column.
			['Level', 'REF', 'Parent_Ref', 'Notes', 'Code', 'Narrative', 'Assumptions'],
			[
				'goal',
				1,
				null,
				'ignored',
				1.2,
				{ richText: [{ text: 'Safe ' }, { text: 'return', font: { bold: true } }] }
			],
			['Outcome', 2, 1, null, null, { text: 'Feel safe', hyperlink: 'https://example.org' }]
		]);
		const indicators = workbook.addWorksheet('INDICATORS');
		indicators.addRows([
			INDICATOR_HEADER,
			indicatorRow({
				'node ref': 2,
				kind: 'Mean',
				direction: 'DECREASE',
				source: ' Survey ',
				'baseline value': { formula: '40+2', result: 42 },
				'baseline date': new Date(Date.UTC(2025, 0, 15)),
				target: 0.45,
				milestones: '2025-Q1 = 10 ; 2025-Q2=20%;',
				disaggregations: ' sex ,age_band,, sex',
				rule: '{"kind":"mean","question":"safe_today"}'
			}),
			indicatorRow({ 'node ref': 2, 'baseline value': '12.5%', target: '-3' })
		]);
		indicators.getCell('I2').numFmt = '0%';
		const back = imported(await logframeFromXlsx(Buffer.from(await workbook.xlsx.writeBuffer())));
		const [goal, outcome] = back.nodes;
		expect(goal).toMatchObject({
			level: 'goal',
			code: '1.2',
			narrative: 'Safe return',
			parentId: null
		});
		expect(outcome).toMatchObject({ level: 'outcome', narrative: 'Feel safe', parentId: goal!.id });
		const [first, second] = back.indicators;
		expect(first).toMatchObject({
			nodeId: outcome!.id,
			kind: 'mean',
			direction: 'decrease',
			source: 'survey',
			baselineValue: 42,
			baselineDate: '2025-01-15',
			target: 45,
			milestones: { '2025-Q1': 10, '2025-Q2': 20 },
			disaggregations: ['sex', 'age_band'],
			surveyIds: [],
			rule: { kind: 'mean', question: 'safe_today' },
			position: 0
		});
		expect(second).toMatchObject({ baselineValue: 12.5, target: -3, rule: null, position: 1 });
	});

	it('with parents below their children and blank rows between', async () => {
		const back = imported(
			await logframeFromXlsx(
				await book({
					Logframe: [
						NODE_HEADER,
						['B', 'A', 'outcome', '', 'second'],
						[],
						['A', null, 'goal', '', 'first'],
						['C', 'A', 'outcome', '', 'third']
					],
					Indicators: [INDICATOR_HEADER, [], indicatorRow({ 'node ref': 'C' })]
				})
			)
		);
		expect(shape(back).map((g) => g.children.map((c) => c.narrative))).toEqual([
			['second', 'third']
		]);
	});
});

describe('the import error messages', () => {
	const MESSAGES = path.resolve('messages');
	const languages = fs.readdirSync(MESSAGES).filter((f) => f.endsWith('.json'));

	it.each(languages)('all have a message in %s, and nothing more', (file) => {
		const messages = JSON.parse(fs.readFileSync(path.join(MESSAGES, file), 'utf8')) as {
			logframeImport: Record<string, string>;
		};
		const keys = Object.keys(messages.logframeImport).map((k) => `logframeImport.${k}`);
		expect(keys.sort()).toEqual([...LOGFRAME_IMPORT_ERRORS].sort());
		expect(Object.values(messages.logframeImport).every((text) => text.trim() !== '')).toBe(true);
	});
});

// ---------------------------------------------------------------------------------------------
// Property: random trees round trip

// What a person types: trimmed (the import trims cells), no characters XML cannot hold, no
// carriage returns (XML reads \r\n as \n), formula-like starts included.
const cleanText = (max: number) =>
	fc
		.oneof(
			fc.string({ unit: 'grapheme', maxLength: max }),
			fc.constantFrom('=SUM(A1)', '+44 20 7946 0000', '-5 %', '@here', 'Économie sociale', 'مرحبا')
		)
		.map((s) =>
			s
				// eslint-disable-next-line no-control-regex
				.replace(/[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]/g, '')
				.trim()
		)
		.filter((s) => s.length <= max);

const number = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0));
const names = fc.uniqueArray(fc.constantFrom('sex', 'age_band', 'site', 'channel', 'language'));

const arbRule: fc.Arbitrary<IndicatorRule> = fc.oneof(
	fc.record({
		kind: fc.constant('percentInSet' as const),
		question: fc.constantFrom('q1', 'felt_safe'),
		choices: fc.uniqueArray(fc.constantFrom('a', 'b', 'très'), { minLength: 1 })
	}),
	fc.record({ kind: fc.constant('mean' as const), question: fc.constant('score') }),
	fc.record(
		{
			kind: fc.constant('count' as const),
			where: fc.record({ question: fc.constant('q'), choices: fc.constant(['yes']) })
		},
		{ requiredKeys: ['kind'] }
	),
	fc.record(
		{
			kind: fc.constant('scaleScore' as const),
			items: fc.constant(['i1', 'i2']),
			minAnswered: fc.constantFrom(1, 2),
			rescaleFrom: fc.constant({ min: 0, max: 4 })
		},
		{ requiredKeys: ['kind', 'items'] }
	)
);

const arbIndicator = (id: string, nodeId: string, position: number) =>
	fc
		.record({
			code: cleanText(40),
			statement: cleanText(200).filter(Boolean),
			unit: cleanText(20),
			direction: fc.constantFrom('increase' as const, 'decrease' as const),
			baselineValue: fc.option(number),
			baselineDate: fc.option(fc.constantFrom('2024-02-29', '2025-12-31')),
			target: fc.option(number),
			milestones: fc.dictionary(fc.constantFrom('2025-Q1', '2025-Q2', '2026-03', 'mid'), number),
			disaggregations: names,
			meansOfVerification: cleanText(200),
			source: fc.constantFrom('survey' as const, 'manual' as const),
			rule: fc.option(arbRule)
		})
		.map((fields) =>
			indicator(id, nodeId, position, {
				...fields,
				kind: fields.rule?.kind ?? 'median',
				surveyIds: ['survey-1']
			})
		);

/** A well-formed tree: goals, each level's children one level below, a few indicators each. */
const arbLogframe: fc.Arbitrary<Logframe> = fc
	.array(fc.tuple(fc.nat(), cleanText(300), cleanText(100), cleanText(10)), {
		minLength: 1,
		maxLength: 14
	})
	.chain((specs) => {
		const nodes: LogframeNode[] = [];
		specs.forEach(([pick, narrative, assumptions, code], i) => {
			// Each node after the first hangs under an earlier one that can take a child.
			const parents = nodes.filter((n) => n.level !== 'activity');
			const parent = i === 0 || pick % 5 === 0 ? undefined : parents[pick % parents.length];
			const level: Level = parent
				? (['outcome', 'output', 'activity'] as const)[
						['goal', 'outcome', 'output'].indexOf(parent.level)
					]!
				: 'goal';
			const position = nodes.filter((n) => n.parentId === (parent?.id ?? null)).length * 3;
			nodes.push(
				node(`n${i}`, level, parent?.id ?? null, position, narrative, { assumptions, code })
			);
		});
		return fc
			.tuple(...nodes.map((n) => fc.nat({ max: 2 }).map((count) => ({ n, count }))))
			.chain((counts) =>
				fc.tuple(
					...counts.flatMap(({ n, count }) =>
						Array.from({ length: count }, (_, k) => arbIndicator(`${n.id}i${k}`, n.id, k))
					)
				)
			)
			.map((indicators) => ({ nodes, indicators }));
	});

describe('round trip property', () => {
	it('gives back any well-formed logframe', async () => {
		await fc.assert(
			fc.asyncProperty(arbLogframe, async (logframe) => {
				const back = imported(await logframeFromXlsx(await exportOf(logframe)));
				expect(shape(back)).toEqual(shape(logframe));
			}),
			{ numRuns: 40 }
		);
	});
});
