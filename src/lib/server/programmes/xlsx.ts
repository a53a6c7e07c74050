import type { CellValue, Workbook } from 'exceljs';
import { z } from 'zod';
import { logframeTree, treeOrder } from '../../programmes/checks';
import {
	DIRECTIONS,
	INDICATOR_KINDS,
	LEVELS,
	type IndicatorDefinition,
	type IndicatorRule,
	type LevelLabels,
	type Logframe,
	type LogframeNode
} from '../../programmes/model';
import { indicatorRuleSchema } from '../../schemas/indicators';
import {
	cellAt,
	readWorkbook,
	type Sheet,
	type SheetCell,
	type WorkbookProblem
} from '../xlsx/read';
import { ZIP_LIMITS } from '../xlsx/zip';

/**
 * A logframe as an .xlsx workbook, for donors' templates and for editing offline: a "Logframe"
 * sheet of nodes in tree order, an "Indicators" sheet of their indicators, and a "Programme"
 * sheet naming the programme and its level labels (for the reader; the import ignores it).
 * The import reads back what the export writes, and hand-made sheets in the same layout.
 */

export const MAX_LOGFRAME_XLSX_BYTES = 5 * 1024 * 1024;
/** Rows per sheet below the header row. */
export const MAX_LOGFRAME_ROWS = 500;
/** The import stops collecting errors here: a longer list helps nobody fix a file. */
export const MAX_IMPORT_ERRORS = 50;

export const LOGFRAME_IMPORT_ERRORS = [
	'logframeImport.notXlsx',
	'logframeImport.tooLarge',
	'logframeImport.archiveTooLarge',
	'logframeImport.archiveTooManyEntries',
	'logframeImport.archiveRatio',
	'logframeImport.tooComplex',
	'logframeImport.missingSheet',
	'logframeImport.missingColumn',
	'logframeImport.tooManyRows',
	'logframeImport.empty',
	'logframeImport.required',
	'logframeImport.tooLong',
	'logframeImport.duplicateRef',
	'logframeImport.badLevel',
	'logframeImport.unknownParent',
	'logframeImport.unknownNode',
	'logframeImport.levelOrder',
	'logframeImport.badNumber',
	'logframeImport.badDate',
	'logframeImport.badKind',
	'logframeImport.badDirection',
	'logframeImport.badSource',
	'logframeImport.badMilestones',
	'logframeImport.badRule'
] as const;
/** A translation key: the page shows it beside the sheet, row and column. */
export type LogframeImportError = (typeof LOGFRAME_IMPORT_ERRORS)[number];

export interface LogframeImportIssue {
	sheet: string;
	/** 1-based spreadsheet row; 0 for the whole sheet or workbook. */
	row: number;
	/** The column's header, as the export writes it. */
	column?: string;
	message: LogframeImportError;
}

export type LogframeImportResult =
	{ ok: true; logframe: Logframe } | { ok: false; errors: LogframeImportIssue[] };

export const SHEETS = { nodes: 'Logframe', indicators: 'Indicators', programme: 'Programme' };

const NODE_COLUMNS = ['ref', 'parent ref', 'level', 'code', 'narrative', 'assumptions'] as const;
const INDICATOR_COLUMNS = [
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
] as const;
/** Written for the reader only: survey bindings are not imported. */
const SURVEYS_COLUMN = 'surveys';

type NodeColumn = (typeof NODE_COLUMNS)[number];
type IndicatorColumn = (typeof INDICATOR_COLUMNS)[number];

// ---------------------------------------------------------------------------------------------
// Export

type Written = string | number | null;

interface ColumnSpec<T> {
	header: string;
	width: number;
	value: (item: T) => Written;
}

interface NodeRow {
	node: LogframeNode;
	ref: string;
	parentRef: string;
}

interface IndicatorRow {
	indicator: IndicatorDefinition;
	nodeRef: string;
}

/** Writes the logframe as an .xlsx workbook (see the module comment for its layout). */
export async function logframeToXlsx(input: {
	programmeName: string;
	levelLabels: LevelLabels;
	logframe: Logframe;
	surveyNames: Record<string, string>;
}): Promise<Buffer> {
	const { programmeName, levelLabels, logframe, surveyNames } = input;
	const entries = treeOrder(logframeTree(logframe));
	const refs = new Map(entries.map((e, i) => [e.node.id, `N${i + 1}`]));
	const nodeRows: NodeRow[] = entries.map(({ node }) => ({
		node,
		ref: refs.get(node.id)!,
		parentRef: (node.parentId !== null && refs.get(node.parentId)) || ''
	}));
	const indicatorRows: IndicatorRow[] = entries.flatMap((e) =>
		e.indicators.map((indicator) => ({ indicator, nodeRef: refs.get(e.node.id)! }))
	);

	// Loaded on demand, so starting the server does not load the spreadsheet library.
	const { default: ExcelJS } = await import('exceljs');
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Heard';
	workbook.title = plain(programmeName);
	writeSheet(workbook, SHEETS.nodes, nodeColumns, nodeRows);
	writeSheet(workbook, SHEETS.indicators, indicatorColumns(surveyNames), indicatorRows);
	const programme: ColumnSpec<null>[] = [
		{ header: 'programme', width: 40, value: () => programmeName },
		...LEVELS.map((level) => ({ header: level, width: 24, value: () => levelLabels[level] }))
	];
	writeSheet(workbook, SHEETS.programme, programme, [null]);
	return Buffer.from(await workbook.xlsx.writeBuffer());
}

const nodeColumns: ColumnSpec<NodeRow>[] = [
	{ header: 'ref', width: 8, value: (r) => r.ref },
	{ header: 'parent ref', width: 10, value: (r) => r.parentRef },
	{ header: 'level', width: 10, value: (r) => r.node.level },
	{ header: 'code', width: 10, value: (r) => r.node.code },
	{ header: 'narrative', width: 60, value: (r) => r.node.narrative },
	{ header: 'assumptions', width: 45, value: (r) => r.node.assumptions }
] satisfies (ColumnSpec<NodeRow> & { header: NodeColumn })[];

function indicatorColumns(surveyNames: Record<string, string>): ColumnSpec<IndicatorRow>[] {
	const columns: (ColumnSpec<IndicatorRow> & { header: IndicatorColumn })[] = [
		{ header: 'node ref', width: 9, value: (r) => r.nodeRef },
		{ header: 'code', width: 10, value: (r) => r.indicator.code },
		{ header: 'statement', width: 50, value: (r) => r.indicator.statement },
		{ header: 'unit', width: 12, value: (r) => r.indicator.unit },
		{ header: 'kind', width: 16, value: (r) => r.indicator.kind },
		{ header: 'direction', width: 11, value: (r) => r.indicator.direction },
		{ header: 'baseline value', width: 13, value: (r) => r.indicator.baselineValue },
		// Text, not a date cell: a date cell is shown (and re-saved) in the reader's time zone.
		{ header: 'baseline date', width: 13, value: (r) => r.indicator.baselineDate },
		{ header: 'target', width: 10, value: (r) => r.indicator.target },
		{ header: 'milestones', width: 30, value: (r) => milestonesText(r.indicator.milestones) },
		{ header: 'disaggregations', width: 24, value: (r) => r.indicator.disaggregations.join(', ') },
		{ header: 'means of verification', width: 36, value: (r) => r.indicator.meansOfVerification },
		{ header: 'source', width: 9, value: (r) => r.indicator.source }
	];
	const surveys: ColumnSpec<IndicatorRow> = {
		header: SURVEYS_COLUMN,
		width: 24,
		value: (r) =>
			r.indicator.surveyIds
				.map((id) => surveyNames[id])
				.filter(Boolean)
				.join('; ')
	};
	const rule: ColumnSpec<IndicatorRow> & { header: IndicatorColumn } = {
		header: 'rule',
		width: 40,
		value: (r) => (r.indicator.rule ? JSON.stringify(r.indicator.rule) : null)
	};
	return [...columns, surveys, rule];
}

function milestonesText(milestones: Record<string, number>): string {
	return Object.keys(milestones)
		.sort()
		.map((period) => `${period}=${milestones[period]}`)
		.join('; ');
}

// Characters XML 1.0 cannot hold at all: written as they are, they make the file unreadable.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/gu;

/** Text as a plain string cell: exceljs writes a formula only from a { formula } value. */
function plain(text: string): string {
	return text.replace(NOT_XML, '');
}

function writeSheet<T>(workbook: Workbook, name: string, columns: ColumnSpec<T>[], items: T[]) {
	const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
	sheet.columns = columns.map((c) => ({
		header: c.header,
		width: c.width,
		style: { alignment: { wrapText: true, vertical: 'top' } }
	}));
	sheet.getRow(1).font = { bold: true };
	for (const item of items)
		// Strings stay strings whatever they start with (=, +, -, @): never a formula, and
		// empty strings become empty cells, as in a hand-made sheet.
		sheet.addRow(
			columns.map((c) => {
				const value = c.value(item);
				return typeof value === 'string' ? plain(value) || null : value;
			})
		);
}

// ---------------------------------------------------------------------------------------------
// Import

/** What a cell holds once read: rich text, hyperlinks and formulas reduced to their value. */
type Cell = string | number | Date | null;

class Issues {
	readonly list: LogframeImportIssue[] = [];
	add(sheet: string, row: number, message: LogframeImportError, column?: string): void {
		if (this.list.length >= MAX_IMPORT_ERRORS) return;
		this.list.push(
			column === undefined ? { sheet, row, message } : { sheet, row, column, message }
		);
	}
	get any(): boolean {
		return this.list.length > 0;
	}
}

function failure(sheet: string, message: LogframeImportError): LogframeImportResult {
	return { ok: false, errors: [{ sheet, row: 0, message }] };
}

/**
 * Reads a logframe workbook. Every node and indicator gets a fresh id; survey bindings are not
 * imported (surveyIds is empty) but rules, which name questions, are kept. A file with any error
 * is refused whole, with every error found (up to MAX_IMPORT_ERRORS) so it can be fixed in one
 * pass. Never throws on a bad file.
 */
export async function logframeFromXlsx(
	buffer: Buffer | ArrayBuffer
): Promise<LogframeImportResult> {
	const bytes = buffer instanceof ArrayBuffer ? new Uint8Array(buffer) : buffer;
	if (bytes.byteLength > MAX_LOGFRAME_XLSX_BYTES)
		return failure('workbook', 'logframeImport.tooLarge');
	const read = await readWorkbook(bytes);
	if (!read.ok) return failure('workbook', UNREADABLE[read.problem]);
	const workbook = read.sheets;

	const issues = new Issues();
	const nodeSheet = findSheet(workbook, SHEETS.nodes);
	const indicatorSheet = findSheet(workbook, SHEETS.indicators);
	if (!nodeSheet) issues.add(SHEETS.nodes, 0, 'logframeImport.missingSheet');
	if (!indicatorSheet) issues.add(SHEETS.indicators, 0, 'logframeImport.missingSheet');
	if (!nodeSheet || !indicatorSheet) return { ok: false, errors: issues.list };

	const nodeTable = readTable(nodeSheet, SHEETS.nodes, NODE_COLUMNS, issues);
	const indicatorTable = readTable(indicatorSheet, SHEETS.indicators, INDICATOR_COLUMNS, issues);
	if (!nodeTable || !indicatorTable) return { ok: false, errors: issues.list };
	if (nodeTable.length === 0) return failure(SHEETS.nodes, 'logframeImport.empty');

	const nodes = readNodes(nodeTable, issues);
	const indicators = readIndicators(indicatorTable, nodes, issues);
	if (issues.any) return { ok: false, errors: issues.list };
	return { ok: true, logframe: { nodes: nodes.nodes.map((n) => n.node), indicators } };
}

const UNREADABLE: Record<WorkbookProblem, LogframeImportError> = {
	notZip: 'logframeImport.notXlsx',
	tooLarge: 'logframeImport.archiveTooLarge',
	tooManyEntries: 'logframeImport.archiveTooManyEntries',
	ratio: 'logframeImport.archiveRatio',
	tooComplex: 'logframeImport.tooComplex'
};

/** What the messages about a refused archive say its limits are. */
export const ARCHIVE_LIMITS = {
	megabytes: ZIP_LIMITS.unpacked / 1024 / 1024,
	entries: ZIP_LIMITS.entries,
	ratio: ZIP_LIMITS.ratio
};

function findSheet(workbook: Sheet[], name: string): Sheet | undefined {
	const wanted = name.toLowerCase();
	return workbook.find((ws) => ws.name.trim().toLowerCase() === wanted);
}

interface TableRow<C extends string> {
	/** 1-based spreadsheet row. */
	row: number;
	cells: Record<C, Cell>;
}

/** "Parent_Ref" and " parent  ref " are the column `parent ref`. */
function headerKey(text: string): string {
	return text
		.trim()
		.toLowerCase()
		.replace(/[\s_]+/g, ' ');
}

/** The non-blank rows below the header, by column; null when a column or the row limit fails. */
function readTable<C extends string>(
	ws: Sheet,
	sheet: string,
	columns: readonly C[],
	issues: Issues
): TableRow<C>[] | null {
	const headerRow = ws.rows[0]?.number === 1 ? ws.rows[0] : undefined;
	const positions = new Map<string, number>();
	for (let c = 0; c < ws.columnCount; c++) {
		const key = headerKey(textOf(readCell(cellAt(headerRow, c))));
		if (key && !positions.has(key)) positions.set(key, c);
	}
	const missing = columns.filter((c) => !positions.has(c));
	for (const column of missing) issues.add(sheet, 1, 'logframeImport.missingColumn', column);
	if (missing.length) return null;

	const rows: TableRow<C>[] = [];
	let tooMany = false;
	for (const row of ws.rows) {
		if (row.number === 1) continue;
		const cells = {} as Record<C, Cell>;
		let blank = true;
		for (const column of columns) {
			const value = readCell(cellAt(row, positions.get(column)!));
			cells[column] = value;
			if (value !== null && !(typeof value === 'string' && value.trim() === '')) blank = false;
		}
		if (blank) continue;
		if (rows.length === MAX_LOGFRAME_ROWS) {
			tooMany = true;
			break;
		}
		rows.push({ row: row.number, cells });
	}
	if (tooMany) {
		issues.add(sheet, 0, 'logframeImport.tooManyRows');
		return null;
	}
	return rows;
}

function readCell(cell: SheetCell | undefined): Cell {
	if (!cell) return null;
	const value = valueOf(cell.value);
	// "45%" typed in Excel is stored as 0.45 shown with a percent format: the person meant 45.
	if (typeof value === 'number' && cell.numFmt?.includes('%'))
		return Number((value * 100).toPrecision(15));
	return value;
}

/** Cell values arrive as numbers, strings, dates, rich text, hyperlinks or formulas. */
function valueOf(value: CellValue | undefined): Cell {
	if (value === null || value === undefined) return null;
	if (typeof value === 'string' || typeof value === 'number') return value;
	if (typeof value === 'boolean') return String(value);
	if (value instanceof Date) return value;
	if ('richText' in value) return value.richText.map((run) => run.text).join('');
	if ('formula' in value || 'sharedFormula' in value) {
		const { result } = value;
		if (result === undefined || result === null) return null;
		if (typeof result === 'object' && !(result instanceof Date)) return null; // an error value
		return valueOf(result as CellValue);
	}
	if ('text' in value) return valueOf(value.text as CellValue);
	if ('error' in value) return value.error;
	return null;
}

function textOf(cell: Cell): string {
	if (cell === null) return '';
	if (typeof cell === 'number') return String(cell);
	if (cell instanceof Date) return isoDate(cell) ?? '';
	return cell.trim();
}

/** Excel stores dates as days; exceljs hands them over as UTC dates. */
function isoDate(date: Date): string | null {
	return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Row schemas. Every message is a LogframeImportError.

const cell = z.custom<Cell>();

function text(max: number, required = false) {
	const string = z.string().max(max, 'logframeImport.tooLong');
	return cell.transform(textOf).pipe(required ? string.min(1, 'logframeImport.required') : string);
}

/** One of `values`, written in any case; `message` when it is none of them. */
function oneOf<const T extends string>(values: readonly T[], message: LogframeImportError) {
	const byKey = new Map(values.map((v) => [v.toLowerCase(), v]));
	return text(100, true).transform((v, ctx) => {
		const found = byKey.get(v.toLowerCase());
		if (found === undefined) ctx.issues.push({ code: 'custom', message, input: v });
		return found ?? z.NEVER;
	});
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

function parseNumber(text: string): number | null {
	// "45%" typed as text means 45, as a percent-formatted 0.45 does (see readCell).
	const digits = text.endsWith('%') ? text.slice(0, -1).trim() : text;
	if (!NUMBER.test(digits)) return null;
	const x = Number(digits);
	return Number.isFinite(x) ? x : null;
}

const optionalNumber = cell.transform((value, ctx): number | null => {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (value === null || (typeof value === 'string' && value.trim() === '')) return null;
	// A date cell is a number of days to Excel, but never the number the person meant.
	const x = typeof value === 'string' ? parseNumber(value.trim()) : null;
	if (x === null)
		ctx.issues.push({ code: 'custom', message: 'logframeImport.badNumber', input: value });
	return x;
});

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day: 2025-02-30 is not one. */
function calendarDate(text: string): string | null {
	const match = ISO_DATE.exec(text);
	if (!match) return null;
	const date = new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!));
	return isoDate(date) === text ? text : null;
}

const optionalDate = cell.transform((value, ctx): string | null => {
	if (value === null || (typeof value === 'string' && value.trim() === '')) return null;
	const date =
		value instanceof Date
			? isoDate(value)
			: typeof value === 'string'
				? calendarDate(value.trim())
				: null;
	if (date === null)
		ctx.issues.push({ code: 'custom', message: 'logframeImport.badDate', input: value });
	return date;
});

const PERIOD = /^[^=;]{1,40}$/;
const MAX_MILESTONES = 100;

/** `period=value; period=value`. */
const milestones = text(6000).transform((value, ctx) => {
	const out: Record<string, number> = {};
	const parts = value
		.split(';')
		.map((p) => p.trim())
		.filter(Boolean);
	for (const part of parts) {
		const [period = '', amount = '', ...rest] = part.split('=').map((s) => s.trim());
		const x = parseNumber(amount);
		if (rest.length || !PERIOD.test(period) || x === null || Object.hasOwn(out, period)) {
			ctx.issues.push({ code: 'custom', message: 'logframeImport.badMilestones', input: value });
			return z.NEVER;
		}
		out[period] = x;
	}
	if (parts.length > MAX_MILESTONES)
		ctx.issues.push({ code: 'custom', message: 'logframeImport.tooLong', input: value });
	return out;
});

/** Comma-separated names (question names, channel, language). */
const disaggregations = text(2000).pipe(
	z
		.string()
		.transform((value) => [
			...new Set(
				value
					.split(',')
					.map((s) => s.trim())
					.filter(Boolean)
			)
		])
		.pipe(z.array(z.string().max(64, 'logframeImport.tooLong')).max(20, 'logframeImport.tooLong'))
);

const rule = text(10_000).transform((value, ctx): IndicatorRule | null => {
	if (value === '') return null;
	let json: unknown;
	try {
		json = JSON.parse(value);
	} catch {
		json = undefined;
	}
	const parsed = indicatorRuleSchema.safeParse(json);
	if (!parsed.success) {
		ctx.issues.push({ code: 'custom', message: 'logframeImport.badRule', input: value });
		return z.NEVER;
	}
	return parsed.data;
});

const nodeRowSchema = z.object({
	ref: text(40, true),
	'parent ref': text(40),
	level: oneOf(LEVELS, 'logframeImport.badLevel'),
	code: text(40),
	narrative: text(4000),
	assumptions: text(4000)
} satisfies Record<NodeColumn, z.ZodType>);

const indicatorRowSchema = z.object({
	'node ref': text(40, true),
	code: text(40),
	statement: text(1000, true),
	unit: text(60),
	kind: oneOf(INDICATOR_KINDS, 'logframeImport.badKind'),
	direction: oneOf(DIRECTIONS, 'logframeImport.badDirection'),
	'baseline value': optionalNumber,
	'baseline date': optionalDate,
	target: optionalNumber,
	milestones,
	disaggregations,
	'means of verification': text(2000),
	source: oneOf(['survey', 'manual'] as const, 'logframeImport.badSource'),
	rule
} satisfies Record<IndicatorColumn, z.ZodType>);

const KNOWN_MESSAGES = new Set<string>(LOGFRAME_IMPORT_ERRORS);

/** The parsed row, or null with its problems added to `issues`. */
function parseRow<T>(
	schema: z.ZodType<T>,
	sheet: string,
	row: TableRow<string>,
	issues: Issues
): T | null {
	const parsed = schema.safeParse(row.cells);
	if (parsed.success) return parsed.data;
	for (const issue of parsed.error.issues) {
		// Every check above names its key; anything else is a bug in this file.
		if (!KNOWN_MESSAGES.has(issue.message))
			throw new Error(`unkeyed import issue: ${issue.message}`);
		issues.add(sheet, row.row, issue.message as LogframeImportError, String(issue.path[0]));
	}
	return null;
}

interface ReadNode {
	node: LogframeNode;
	ref: string;
}

/** The nodes read, and the refs of rows that failed (their children need no error of their own). */
function readNodes(
	rows: TableRow<NodeColumn>[],
	issues: Issues
): { nodes: ReadNode[]; failedRefs: Set<string> } {
	const sheet = SHEETS.nodes;
	const parsed: { row: number; data: z.infer<typeof nodeRowSchema> }[] = [];
	const refs = new Map<string, ReadNode>();
	const failedRefs = new Set<string>();
	for (const row of rows) {
		const data = parseRow(nodeRowSchema, sheet, row, issues);
		if (!data) {
			const ref = textOf(row.cells.ref);
			if (ref) failedRefs.add(ref);
			continue;
		}
		if (refs.has(data.ref)) {
			issues.add(sheet, row.row, 'logframeImport.duplicateRef', 'ref');
			continue;
		}
		const node: LogframeNode = {
			id: crypto.randomUUID(),
			parentId: null,
			level: data.level,
			code: data.code,
			narrative: data.narrative,
			assumptions: data.assumptions,
			position: 0
		};
		refs.set(data.ref, { node, ref: data.ref });
		parsed.push({ row: row.row, data });
	}

	const siblings = new Map<string | null, number>();
	for (const { row, data } of parsed) {
		const self = refs.get(data.ref)!.node;
		const parentRef = data['parent ref'];
		const parent = parentRef ? refs.get(parentRef) : undefined;
		if (parentRef && !parent) {
			if (!failedRefs.has(parentRef))
				issues.add(sheet, row, 'logframeImport.unknownParent', 'parent ref');
			continue;
		}
		const inOrder = parent
			? LEVELS.indexOf(parent.node.level) === LEVELS.indexOf(self.level) - 1
			: self.level === 'goal';
		if (!inOrder) issues.add(sheet, row, 'logframeImport.levelOrder', 'parent ref');
		self.parentId = parent ? parent.node.id : null;
		self.position = siblings.get(self.parentId) ?? 0;
		siblings.set(self.parentId, self.position + 1);
	}
	return { nodes: [...refs.values()], failedRefs };
}

function readIndicators(
	rows: TableRow<IndicatorColumn>[],
	{ nodes, failedRefs }: { nodes: ReadNode[]; failedRefs: Set<string> },
	issues: Issues
): IndicatorDefinition[] {
	const sheet = SHEETS.indicators;
	const byRef = new Map(nodes.map((n) => [n.ref, n.node]));
	const positions = new Map<string, number>();
	const indicators: IndicatorDefinition[] = [];
	for (const row of rows) {
		const data = parseRow(indicatorRowSchema, sheet, row, issues);
		if (!data) continue;
		const node = byRef.get(data['node ref']);
		if (!node && !failedRefs.has(data['node ref']))
			issues.add(sheet, row.row, 'logframeImport.unknownNode', 'node ref');
		if (data.rule && data.rule.kind !== data.kind)
			issues.add(sheet, row.row, 'logframeImport.badRule', 'rule');
		if (!node) continue;
		const position = positions.get(node.id) ?? 0;
		positions.set(node.id, position + 1);
		indicators.push({
			id: crypto.randomUUID(),
			nodeId: node.id,
			code: data.code,
			statement: data.statement,
			unit: data.unit,
			kind: data.kind,
			direction: data.direction,
			baselineValue: data['baseline value'],
			baselineDate: data['baseline date'],
			target: data.target,
			milestones: data.milestones,
			disaggregations: data.disaggregations,
			meansOfVerification: data['means of verification'],
			source: data.source,
			surveyIds: [],
			rule: data.rule,
			libraryId: null,
			position
		});
	}
	return indicators;
}
