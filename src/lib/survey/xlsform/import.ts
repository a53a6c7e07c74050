import type { CellValue } from 'exceljs';
import { cellAt, readWorkbook, type Sheet, type WorkbookProblem } from '../../server/xlsx/read';
import { ZIP_LIMITS } from '../../server/xlsx/zip';
import { parse } from '../expr';
import { languageDirection, languageName } from '../languages';
import {
	allQuestions,
	NON_ANSWER_TYPES,
	type Choice,
	type ChoiceList,
	type Instrument,
	type Page,
	type Question,
	type QuestionType,
	type SurveyLanguage,
	type Text
} from '../model';
import {
	GATE_TYPES,
	parseHeader,
	parseLanguage,
	preferNotToSayByDefault,
	type Column,
	type LanguageRef,
	type SheetKind
} from './columns';
import {
	checkInstrument,
	IssueList,
	RowIndex,
	type Finding,
	type ImportIssue,
	type ImportIssueCode
} from './issues';

export type { ImportIssue } from './issues';

export type ImportResult =
	| { ok: true; instrument: Instrument; warnings: ImportIssue[] }
	| { ok: false; errors: ImportIssue[] };

/**
 * Reads an XLSForm (.xlsx) into an instrument. A form with any error is refused whole, with
 * every error found (row, column, what is wrong) so the person can fix them in one pass.
 * Deterministic: the same file always gives the same instrument, ids included.
 */
export async function importXlsForm(data: Uint8Array | ArrayBuffer): Promise<ImportResult> {
	const read = await readWorkbook(data instanceof Uint8Array ? data : new Uint8Array(data));
	if (!read.ok) return { ok: false, errors: [unreadable(read.problem)] };
	const issues = new IssueList();
	const structure = readStructure(read.sheets, issues);
	if (!structure) return { ok: false, errors: issues.sorted() };
	const instrument = readInstrument(structure, issues);
	if (issues.hasErrors()) return { ok: false, errors: issues.sorted() };
	return { ok: true, instrument, warnings: issues.sortedWarnings() };
}

/** What the headers say: where each column is, in which language, and the settings row. */
interface Structure {
	languages: Languages;
	survey: Layout;
	choices?: Layout;
	settings?: Layout;
	settingsRow?: SettingsRow;
}

/** Null when a sheet or column the rows depend on is missing: every row would be wrong. */
function readStructure(workbook: Sheet[], issues: IssueList): Structure | null {
	const tables = readTables(workbook, issues);
	if (!tables.survey) {
		issues.error({
			sheet: 'workbook',
			code: 'missingSheet',
			text: "The workbook has no 'survey' sheet.",
			params: { sheet: 'survey' }
		});
		return null;
	}
	const columns = {
		survey: parseHeaders(tables.survey, issues),
		choices: tables.choices ? parseHeaders(tables.choices, issues) : [],
		settings: tables.settings ? parseHeaders(tables.settings, issues) : []
	};
	const settingsRow = firstSettingsRow(tables.settings, issues);
	const defaultRef = readDefaultLanguage(columns.settings, settingsRow, issues);
	const languages = resolveLanguages(columns, defaultRef, settingsRow?.row, issues);
	const structure: Structure = {
		languages,
		survey: buildLayout(tables.survey, columns.survey, languages, issues),
		choices: tables.choices && buildLayout(tables.choices, columns.choices, languages, issues),
		settings: tables.settings && buildLayout(tables.settings, columns.settings, languages, issues),
		settingsRow
	};
	const complete = [
		requireColumns(structure.survey, ['type', 'name'], issues),
		!structure.choices || requireColumns(structure.choices, ['list_name', 'name'], issues)
	];
	return complete.every(Boolean) ? structure : null;
}

/** Builds the instrument from the rows and checks it, adding every problem to `issues`. */
function readInstrument(structure: Structure, issues: IssueList): Instrument {
	const { languages, survey, choices, settings, settingsRow } = structure;
	const rows = new RowIndex(languages.list);
	const allLists = choices ? readChoices(choices, rows, issues) : [];
	const { pages, gateLists } = readSurvey(survey, rows, issues);
	const instrument: Instrument = {
		formId: '',
		title: {},
		...(settings && settingsRow ? readSettings(settings, settingsRow) : {}),
		languages: languages.list,
		defaultLanguage: languages.defaultCode,
		pages,
		choiceLists: []
	};
	// The yes/no lists gate screens were written with are the export's, not the form's own.
	const listed = new Set(allQuestions(instrument).map((q) => q.listName));
	instrument.choiceLists = allLists.filter((l) => listed.has(l.name) || !gateLists.has(l.name));
	const missingChoices = !choices && needsChoices(instrument);
	if (missingChoices) reportMissingChoices(instrument, rows, issues);
	checkInstrument(instrument, rows, survey.headers, issues, {
		missingChoices,
		settingsRow: settingsRow?.row
	});
	return instrument;
}

// ---------------------------------------------------------------------------------------------
// Workbook and sheets

/** A file refused before its sheets are read: what it is, in the person's words. */
function unreadable(problem: WorkbookProblem): ImportIssue {
	const { entries, unpacked, ratio } = ZIP_LIMITS;
	const params = { entries, megabytes: unpacked / 1024 / 1024, ratio };
	const [code, message] = (
		{
			notZip: ['unreadable', 'This file is not a readable .xlsx workbook.'],
			tooLarge: [
				'archiveTooLarge',
				`This file unpacks to more than ${params.megabytes} MB, far more than any form; it was not opened.`
			],
			tooManyEntries: [
				'archiveTooManyEntries',
				`This file holds more than ${entries} files, far more than a workbook; it was not opened.`
			],
			ratio: [
				'archiveRatio',
				`This file is packed over ${ratio} to 1, as zip bombs are and spreadsheets are not; it was not opened.`
			],
			tooComplex: ['workbookTooComplex', 'This workbook has too many cells to read.']
		} as const satisfies Record<WorkbookProblem, readonly [ImportIssueCode, string]>
	)[problem];
	return { sheet: 'workbook', code, message, params };
}

interface TableRow {
	/** 1-based spreadsheet row. */
	row: number;
	cells: string[];
}

interface Table {
	sheet: SheetKind;
	headers: string[];
	/** Non-blank rows below the header row. */
	rows: TableRow[];
}

function readTables(workbook: Sheet[], issues: IssueList): Partial<Record<SheetKind, Table>> {
	const tables: Partial<Record<SheetKind, Table>> = {};
	for (const sheet of ['survey', 'choices', 'settings'] as const) {
		// Sheet names are matched case-insensitively: Kobo and older tools write `Survey`.
		const found = workbook.filter((ws) => ws.name.trim().toLowerCase() === sheet);
		if (found.length > 1)
			issues.warn({
				sheet,
				code: 'duplicateSheet',
				text: `the workbook has ${found.length} '${sheet}' sheets; the first is used.`,
				params: { sheet, count: found.length }
			});
		if (found[0]) tables[sheet] = readTable(sheet, found[0], issues);
	}
	return tables;
}

function readTable(sheet: SheetKind, ws: Sheet, issues: IssueList): Table {
	const width = ws.columnCount;
	const headerRow = ws.rows[0]?.number === 1 ? ws.rows[0] : undefined;
	const headers = Array.from({ length: width }, (_, c) => cellText(cellAt(headerRow, c)?.value));
	const rows: TableRow[] = [];
	const unnamed = new Set<number>();
	for (const row of ws.rows) {
		if (row.number === 1) continue;
		const cells = headers.map((_, c) => cellText(cellAt(row, c)?.value));
		if (!cells.some(Boolean)) continue;
		rows.push({ row: row.number, cells });
		cells.forEach((cell, c) => cell && !headers[c] && unnamed.add(c));
	}
	for (const c of unnamed)
		issues.warn({
			sheet,
			code: 'ignoredColumn',
			text: `column ${columnLetter(c)} has values but no header; they were left out.`,
			params: { letter: columnLetter(c) },
			row: 1
		});
	return { sheet, headers, rows };
}

/** Cell values arrive as numbers, dates, rich text, formulas or hyperlinks: all read as text. */
function cellText(value: CellValue | undefined): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (value instanceof Date) return dateText(value);
	if ('richText' in value)
		return value.richText
			.map((run) => run.text)
			.join('')
			.trim();
	if ('formula' in value || 'sharedFormula' in value) {
		// A formula saved without its value (some generators do that): `TRUE()` must still count.
		const { result } = value;
		if (result !== undefined && result !== null && typeof result !== 'object')
			return cellText(result);
		if (result instanceof Date) return dateText(result);
		return 'formula' in value && value.formula ? value.formula.trim() : '';
	}
	if ('text' in value) return cellText(value.text as CellValue);
	return '';
}

/** Excel stores dates as days; exceljs hands them over as UTC dates. */
function dateText(date: Date): string {
	const iso = date.toISOString();
	return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

function columnLetter(index: number): string {
	let n = index + 1;
	let letters = '';
	while (n > 0) {
		letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
		n = Math.floor((n - 1) / 26);
	}
	return letters;
}

// ---------------------------------------------------------------------------------------------
// Headers and languages

function parseHeaders(table: Table, issues: IssueList): Column[] {
	const columns: Column[] = [];
	table.headers.forEach((header, index) => {
		if (!header) return;
		const column = parseHeader(table.sheet, header, index);
		if (column.kind === 'badLanguage') {
			const prefix = header.split('::')[0] ?? '';
			issues.error({
				sheet: table.sheet,
				code: 'badLanguage',
				text: `the header '${header}' names no usable language: write it as '${prefix}::Name (code)', e.g. 'label::English (en)'.`,
				params: { header, prefix },
				row: 1,
				column: header
			});
		}
		columns.push(column);
	});
	return columns;
}

interface SettingsRow {
	row: number;
	cells: string[];
}

/** XLSForm settings are one row of values under the header row. */
function firstSettingsRow(table: Table | undefined, issues: IssueList): SettingsRow | undefined {
	const [first, ...more] = table?.rows ?? [];
	if (more.length > 0) {
		const rows = more.map((r) => r.row).join(', ');
		issues.warn({
			sheet: 'settings',
			code: 'ignoredRow',
			text: `only the first row of settings is read; rows ${rows} were left out.`,
			params: { rows, count: more.length }
		});
	}
	return first;
}

function readDefaultLanguage(
	columns: Column[],
	settings: SettingsRow | undefined,
	issues: IssueList
): LanguageRef | null {
	const column = columns.find((c) => c.kind === 'plain' && c.key === 'default_language');
	const value = column && settings ? (settings.cells[column.index] ?? '') : '';
	if (!value) return null;
	const language = parseLanguage(value);
	if (!language) {
		issues.error({
			sheet: 'settings',
			code: 'badLanguage',
			variant: 'setting',
			text: `default_language '${value}' is not a language: write it as 'Name (code)', e.g. 'English (en)'.`,
			params: { value },
			row: settings?.row,
			column: 'default_language'
		});
	}
	return language;
}

interface Languages {
	list: SurveyLanguage[];
	defaultCode: string;
	/** The code a column without `::` belongs to. */
	untranslated: string;
}

/**
 * Languages in the order their columns first appear (survey, then choices, then settings).
 * A column without `::` belongs to settings.default_language, else to the first translated
 * language, else to English: a form written in one language usually has no language at all.
 */
function resolveLanguages(
	columns: Record<SheetKind, Column[]>,
	defaultRef: LanguageRef | null,
	settingsRow: number | undefined,
	issues: IssueList
): Languages {
	const texts = [...columns.survey, ...columns.choices, ...columns.settings].filter(
		(c) => c.kind === 'text'
	);
	const firstTranslated = texts.find((c) => c.language)?.language;
	const untranslated = defaultRef ?? firstTranslated ?? { code: 'en' };
	const names = new Map<string, string | undefined>();
	const add = (ref: LanguageRef) => {
		// The first header that spells a name out wins over bare codes.
		if (!names.get(ref.code)) names.set(ref.code, ref.name);
	};
	for (const column of texts) add(column.language ?? untranslated);
	if (names.size === 0) add(untranslated);
	if (defaultRef && !names.has(defaultRef.code)) {
		const column = `label::${defaultRef.name ?? languageName(defaultRef.code)} (${defaultRef.code})`;
		issues.error({
			sheet: 'settings',
			code: 'defaultLanguage',
			variant: 'noColumns',
			text: `default_language '${defaultRef.code}' has no label columns: add '${column}' or fix the setting.`,
			params: { value: defaultRef.code, column },
			row: settingsRow,
			column: 'default_language'
		});
	} else if (defaultRef?.name && !names.get(defaultRef.code))
		names.set(defaultRef.code, defaultRef.name);
	const list = [...names].map(([code, name]) => ({
		code,
		name: name ?? languageName(code),
		dir: languageDirection(code)
	}));
	return { list, defaultCode: defaultRef?.code ?? list[0]!.code, untranslated: untranslated.code };
}

/** Where each kind of column sits in one sheet, with languages resolved to codes. */
interface Layout {
	table: Table;
	plain: Map<string, number>;
	/** Text key → language code → cell index. */
	text: Map<string, Map<string, number>>;
	extra: { header: string; index: number }[];
	/** The header a person wrote for each plain key and text key + language (for messages). */
	headers: Map<string, string>;
}

function buildLayout(
	table: Table,
	columns: Column[],
	languages: Languages,
	issues: IssueList
): Layout {
	const layout: Layout = {
		table,
		plain: new Map(),
		text: new Map(),
		extra: [],
		headers: new Map()
	};
	const seen = new Map<string, string>();
	for (const column of columns) {
		if (column.kind === 'badLanguage') continue;
		const code = column.kind === 'text' ? (column.language?.code ?? languages.untranslated) : '';
		const identity = column.kind === 'extra' ? `extra ${column.header}` : `${column.key} ${code}`;
		const earlier = seen.get(identity);
		if (earlier !== undefined) {
			reportDuplicateColumn(table.sheet, earlier, column, code, issues);
			continue;
		}
		seen.set(identity, column.header);
		if (column.kind === 'plain') layout.plain.set(column.key, column.index);
		else if (column.kind === 'extra')
			layout.extra.push({ header: column.header, index: column.index });
		else {
			if (!layout.text.has(column.key)) layout.text.set(column.key, new Map());
			layout.text.get(column.key)!.set(code, column.index);
		}
		layout.headers.set(
			column.kind === 'text' ? `${column.key}::${code}` : column.header,
			column.header
		);
		if (column.kind === 'plain') layout.headers.set(column.key, column.header);
	}
	return layout;
}

function reportDuplicateColumn(
	sheet: SheetKind,
	earlier: string,
	column: Column,
	code: string,
	issues: IssueList
): void {
	const untranslated = column.kind === 'text' && (!column.language || !earlier.includes('::'));
	const why = untranslated
		? ` A column without '::' belongs to the default language (${code}); set default_language in the settings sheet or name the language in both headers.`
		: '';
	issues.error({
		sheet,
		code: 'duplicateColumn',
		...(untranslated ? { variant: 'untranslated' as const } : {}),
		text: `the columns '${earlier}' and '${column.header}' hold the same thing.${why}`,
		params: { earlier, header: column.header, language: code },
		row: 1,
		column: column.header
	});
}

/** Whether the sheet has all `keys`; reports each missing one. */
function requireColumns(layout: Layout, keys: string[], issues: IssueList): boolean {
	const missing = keys.filter((key) => !layout.plain.has(key));
	for (const key of missing) {
		issues.error({
			sheet: layout.table.sheet,
			code: 'missingColumn',
			text: `the ${layout.table.sheet} sheet has no '${key}' column.`,
			params: { sheet: layout.table.sheet, column: key },
			row: 1,
			column: key
		});
	}
	return missing.length === 0;
}

// ---------------------------------------------------------------------------------------------
// Reading cells of one row

function plainCell(layout: Layout, row: TableRow, key: string): string {
	const index = layout.plain.get(key);
	return index === undefined ? '' : (row.cells[index] ?? '');
}

function textCell(layout: Layout, row: TableRow, key: string): Text {
	const text: Text = {};
	for (const [code, index] of layout.text.get(key) ?? []) {
		const value = row.cells[index];
		// A missing translation stays missing: the respondent page falls back at display time.
		if (value) text[code] = value;
	}
	return text;
}

function extraCells(layout: Layout, row: TableRow): Record<string, string> {
	const extra: Record<string, string> = {};
	for (const { header, index } of layout.extra) {
		const value = row.cells[index];
		if (value) extra[header] = value;
	}
	return extra;
}

/** Headers of the filled cells among `keys` (plain or text), for "was left out" warnings. */
function filledColumns(layout: Layout, row: TableRow, keys: string[]): string[] {
	const filled: string[] = [];
	for (const key of keys) {
		if (plainCell(layout, row, key)) filled.push(layout.headers.get(key) ?? key);
		for (const [code, index] of layout.text.get(key) ?? [])
			if (row.cells[index]) filled.push(layout.headers.get(`${key}::${code}`) ?? key);
	}
	return filled;
}

/**
 * Leaves out empty optional values so an imported instrument carries no `key: undefined`.
 * `name` and `label` are required by the model and stay even when empty.
 */
function withoutEmpty<T extends object>(value: T): T {
	const isEmpty = (v: unknown) =>
		v === undefined ||
		v === '' ||
		(typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0);
	return Object.fromEntries(
		Object.entries(value).filter(([key, v]) => key === 'name' || key === 'label' || !isEmpty(v))
	) as T;
}

// ---------------------------------------------------------------------------------------------
// Choices and settings

function readChoices(layout: Layout, rows: RowIndex, issues: IssueList): ChoiceList[] {
	const lists = new Map<string, ChoiceList>();
	for (const row of layout.table.rows) {
		const listName = plainCell(layout, row, 'list_name');
		if (!listName) {
			issues.error({
				sheet: 'choices',
				code: 'missingListName',
				text: 'the choice has no list_name.',
				row: row.row,
				column: 'list_name'
			});
			continue;
		}
		const choice: Choice = withoutEmpty({
			name: plainCell(layout, row, 'name'),
			label: textCell(layout, row, 'label'),
			extra: extraCells(layout, row)
		});
		if (!lists.has(listName)) lists.set(listName, { name: listName, choices: [] });
		lists.get(listName)!.choices.push(choice);
		rows.addChoice(listName, choice, row.row);
	}
	return [...lists.values()];
}

function readSettings(layout: Layout, settings: SettingsRow): Partial<Instrument> {
	const row = { row: settings.row, cells: settings.cells };
	const extra = extraCells(layout, row);
	// Heard numbers its own published versions; a form's `version` is kept only to write it back.
	const version = plainCell(layout, row, 'version');
	return withoutEmpty({
		formId: plainCell(layout, row, 'form_id'),
		title: textCell(layout, row, 'title'),
		settingsExtra: version ? { version, ...extra } : extra
	});
}

function needsChoices(instrument: Instrument): boolean {
	return instrument.pages.some((p) => p.questions.some((q) => q.listName));
}

function reportMissingChoices(instrument: Instrument, rows: RowIndex, issues: IssueList): void {
	const using = instrument.pages
		.flatMap((p) => p.questions)
		.filter((q) => q.listName)
		.map((q) => rows.rowOf(q));
	issues.error({
		sheet: 'workbook',
		code: 'missingSheet',
		variant: 'choices',
		text: `The workbook has no 'choices' sheet, but rows ${using.join(', ')} use choice lists.`,
		params: { sheet: 'choices', rows: using.join(', '), count: using.length }
	});
}

// ---------------------------------------------------------------------------------------------
// Types

type TypeInfo =
	| { kind: 'question'; type: QuestionType; listName?: string }
	| { kind: 'beginGroup' | 'endGroup' | 'beginRepeat' | 'endRepeat' | 'today' }
	| { kind: 'refused'; refusal: Finding<'identifyingType' | 'unsupportedType'> };

const SIMPLE_TYPES: Record<string, QuestionType> = {
	integer: 'integer',
	int: 'integer',
	decimal: 'decimal',
	text: 'text',
	string: 'text',
	date: 'date',
	note: 'note',
	calculate: 'calculate',
	range: 'range',
	safety_check: 'safety_check',
	consent: 'consent'
};
const LIST_TYPES_BY_WORD: Record<string, QuestionType> = {
	select_one: 'select_one',
	select_multiple: 'select_multiple',
	rank: 'rank'
};
const STRUCTURE: Record<string, TypeInfo['kind']> = {
	begin_group: 'beginGroup',
	end_group: 'endGroup',
	begin_repeat: 'beginRepeat',
	end_repeat: 'endRepeat'
};
/** Metadata and question types that record who or where someone is, with pyxform aliases. */
const IDENTIFYING = new Set([
	'deviceid',
	'imei',
	'subscriberid',
	'simserial',
	'phonenumber',
	'username',
	'email',
	'audit',
	'geopoint',
	'gps',
	'location',
	'geotrace',
	'geoshape',
	'start-geopoint',
	'background-geopoint',
	'image',
	'photo',
	'audio',
	'background-audio',
	'video',
	'file',
	'barcode'
]);
const SUPPORTED_LIST =
	'select_one, select_multiple, rank, integer, decimal, text, date, note, calculate, range, begin group, end group, safety_check, consent';

/** The first word of `type` (two for pyxform's spaced spellings), then a list name if any. */
function parseType(raw: string): TypeInfo {
	const words = raw.split(/\s+/);
	const lower = words.map((w) => w.toLowerCase());
	let head = lower[0] ?? '';
	let rest = words.slice(1);
	if ((head === 'begin' || head === 'end') && rest.length > 0) {
		head = `${head}_${lower[1]}`;
		rest = rest.slice(1);
	} else if (head === 'select' && lower[1] === 'one') {
		head = 'select_one';
		rest = rest.slice(1);
	} else if (head === 'select' && lower.slice(1, 4).join(' ') === 'all that apply') {
		head = 'select_multiple';
		rest = rest.slice(3);
	}
	const structure = STRUCTURE[head];
	if (structure) return { kind: structure } as TypeInfo;
	return parseQuestionType(head, rest);
}

function parseQuestionType(head: string, rest: string[]): TypeInfo {
	// Sheet and row are filled in by the caller, which knows them.
	const refuse = (
		refusal: Omit<Finding<'identifyingType' | 'unsupportedType'>, 'sheet'>
	): TypeInfo => ({ kind: 'refused', refusal: { sheet: 'survey', ...refusal } });
	if (IDENTIFYING.has(head))
		return refuse({
			code: 'identifyingType',
			text: `type '${head}' identifies a person or device and has no place in an anonymous survey.`,
			params: { type: head }
		});
	if (head === 'start' || head === 'end')
		return refuse({
			code: 'identifyingType',
			variant: head,
			text: `type '${head}' records the precise time the form was ${head === 'start' ? 'opened' : 'finished'}, which can identify a person; it has no place in an anonymous survey.`,
			params: { type: head }
		});
	if (head === 'today') return { kind: 'today' };
	const listType = LIST_TYPES_BY_WORD[head];
	if (listType) {
		if (rest.length > 1)
			return refuse({
				code: 'unsupportedType',
				variant: 'afterList',
				text: `'${rest.slice(1).join(' ')}' after the list name is not supported (e.g. or_other): add an "other" choice and a text question instead.`,
				params: { extra: rest.slice(1).join(' ') }
			});
		return rest[0]
			? { kind: 'question', type: listType, listName: rest[0] }
			: { kind: 'question', type: listType };
	}
	const simple = SIMPLE_TYPES[head];
	if (simple && rest.length === 0) return { kind: 'question', type: simple };
	if (simple)
		return refuse({
			code: 'unsupportedType',
			variant: 'afterType',
			text: `unexpected '${rest.join(' ')}' after type '${head}'.`,
			params: { extra: rest.join(' '), type: head }
		});
	return refuse({
		code: 'unsupportedType',
		text: `type '${head}' is not supported. Supported types: ${SUPPORTED_LIST}.`,
		params: { type: head, supported: SUPPORTED_LIST }
	});
}

// ---------------------------------------------------------------------------------------------
// Survey rows → pages

interface OpenBlock {
	kind: 'group' | 'repeat';
	row: number;
	name: string;
	/** The page an outermost group became; nested groups have none. */
	page?: Page;
	/** A nested group's condition, added to each question inside it. */
	relevant?: string;
}

interface SurveyState {
	layout: Layout;
	rows: RowIndex;
	issues: IssueList;
	pages: Page[];
	open: OpenBlock[];
	/** The page ungrouped questions currently go into; a group ends it. */
	loosePage: Page | null;
	/** Every name on the sheet, so generated page names never collide. */
	taken: Set<string>;
	/** Lists named by gate screens written as `select_one` (see `gateType`). */
	gateLists: Set<string>;
}

function readSurvey(
	layout: Layout,
	rows: RowIndex,
	issues: IssueList
): { pages: Page[]; gateLists: Set<string> } {
	const taken = new Set(layout.table.rows.map((r) => plainCell(layout, r, 'name')));
	const state: SurveyState = {
		layout,
		rows,
		issues,
		pages: [],
		open: [],
		loosePage: null,
		taken,
		gateLists: new Set()
	};
	for (const row of layout.table.rows) readSurveyRow(state, row);
	for (const block of state.open) {
		issues.error({
			sheet: 'survey',
			code: 'unclosedGroup',
			text: `begin ${block.kind} '${block.name}' is never closed: add an 'end ${block.kind}' row.`,
			params: { kind: block.kind, name: block.name },
			row: block.row,
			column: 'type'
		});
	}
	assignIds(state.pages);
	return { pages: state.pages, gateLists: state.gateLists };
}

function readSurveyRow(state: SurveyState, row: TableRow): void {
	const { layout, issues } = state;
	const type = plainCell(layout, row, 'type');
	if (!type) {
		issues.error({
			sheet: 'survey',
			code: 'missingType',
			text: 'the row has no type.',
			row: row.row,
			column: 'type'
		});
		return;
	}
	const info = parseType(type);
	switch (info.kind) {
		case 'beginGroup':
			return beginGroup(state, row);
		case 'endGroup':
		case 'endRepeat':
			return endBlock(state, row, info.kind === 'endGroup' ? 'group' : 'repeat');
		case 'beginRepeat': {
			issues.error({
				sheet: 'survey',
				code: 'unsupportedType',
				variant: 'repeat',
				text: "type 'begin repeat' is not supported: a Heard survey has no repeating sections.",
				row: row.row,
				column: 'type'
			});
			state.open.push({ kind: 'repeat', row: row.row, name: plainCell(layout, row, 'name') });
			return;
		}
		case 'today': {
			issues.warn({
				sheet: 'survey',
				code: 'droppedMetadata',
				text: "type 'today' is device metadata Heard does not collect; the row was left out.",
				params: { type: 'today' },
				row: row.row,
				column: 'type'
			});
			return;
		}
		case 'refused':
			issues.error({ ...info.refusal, row: row.row, column: 'type' });
			return;
		case 'question': {
			const gate = gateType(state, row, info.type);
			if (!gate) return addQuestion(state, row, info.type, info.listName);
			if (info.listName) state.gateLists.add(info.listName);
			return addQuestion(state, row, gate);
		}
	}
}

/**
 * `heard_type` marks a safety check or consent screen exported as `select_one` on a generated
 * yes/no list, for tools that know only standard types. Null when the row is what its type says.
 */
function gateType(state: SurveyState, row: TableRow, type: QuestionType): QuestionType | null {
	const value = plainCell(state.layout, row, 'heard_type');
	if (!value) return null;
	const gate = GATE_TYPES.find((t) => t === value.toLowerCase());
	if (gate && type === 'select_one') return gate;
	// Redundant beside the bare type (older Heard files), not wrong.
	if (gate && type === gate) return null;
	const header = state.layout.headers.get('heard_type') ?? 'heard_type';
	const allowed = GATE_TYPES.join(', ');
	state.issues.warn({
		sheet: 'survey',
		code: 'ignoredValue',
		...(gate
			? {
					variant: 'gateType',
					text: `${header} '${value}' applies only to a select_one row; left out.`
				}
			: { variant: 'gateValue', text: `${header} '${value}' is not one of ${allowed}; left out.` }),
		params: { header, value, allowed },
		row: row.row,
		column: header
	});
	return null;
}

/** Survey columns a `begin group` row may fill but a page has no place for. */
const NOT_ON_PAGES = [
	'required',
	'constraint',
	'calculation',
	'choice_filter',
	'default',
	'parameters',
	'prefer_not_to_say',
	'heard_type',
	'hint',
	'required_message',
	'constraint_message',
	'range_start_label',
	'range_end_label'
];

function beginGroup(state: SurveyState, row: TableRow): void {
	const { layout, issues } = state;
	const name = plainCell(layout, row, 'name');
	const relevant = plainCell(layout, row, 'relevant');
	const ignored = filledColumns(layout, row, NOT_ON_PAGES);
	if (ignored.length)
		issues.warn({
			sheet: 'survey',
			code: 'ignoredValue',
			text: `a group (page) has no ${ignored.join(', ')}; left out.`,
			params: { columns: ignored.join(', ') },
			row: row.row,
			column: ignored[0]
		});
	const outer = state.open.find((b) => b.kind === 'group' && b.page);
	if (outer?.page) {
		state.open.push(nestedGroup(state, row, name, relevant, outer.page));
		return;
	}
	const page: Page = withoutEmpty({
		id: '',
		name,
		label: textCell(layout, row, 'label'),
		relevant,
		appearance: plainCell(layout, row, 'appearance'),
		questions: [],
		extra: extraCells(layout, row)
	});
	state.pages.push(page);
	state.rows.addItem(page.name, page, row.row);
	state.loosePage = null;
	state.open.push({ kind: 'group', row: row.row, name, page });
}

/**
 * Heard pages do not nest: an inner group's questions join the outer page, and its condition
 * is added to each of them so nobody sees a question the form meant to hide.
 */
function nestedGroup(
	state: SurveyState,
	row: TableRow,
	name: string,
	relevant: string,
	outer: Page
): OpenBlock {
	state.issues.warn({
		sheet: 'survey',
		code: 'nestedGroup',
		...(relevant ? { variant: 'relevant' as const } : {}),
		text: `group '${name}' is inside group '${outer.name}'; Heard pages do not nest, so its questions join page '${outer.name}'${relevant ? ' with its relevant condition added to each' : ''} (its label and appearance are left out).`,
		params: { name, outer: outer.name },
		row: row.row,
		column: 'type'
	});
	const parsed = relevant ? parse(relevant) : null;
	if (parsed && !parsed.ok) {
		const { message: detail, position, code, params } = parsed.error;
		state.issues.error({
			sheet: 'survey',
			code: 'expression',
			text: `the relevant expression has an error at character ${position + 1}: ${detail}`,
			params: { column: 'relevant', character: position + 1, detail },
			row: row.row,
			column: 'relevant',
			position,
			exprError: params ? { code, params } : { code }
		});
		return { kind: 'group', row: row.row, name };
	}
	return relevant
		? { kind: 'group', row: row.row, name, relevant }
		: { kind: 'group', row: row.row, name };
}

function endBlock(state: SurveyState, row: TableRow, kind: 'group' | 'repeat'): void {
	const top = state.open.at(-1);
	if (!top || top.kind !== kind) {
		state.issues.error({
			sheet: 'survey',
			code: 'unexpectedEndGroup',
			...(top
				? {
						variant: 'mismatch',
						text: `'end ${kind}' closes '${top.name}', which is a ${top.kind}.`,
						params: { kind, name: top.name, open: top.kind }
					}
				: { text: `'end ${kind}' has no matching 'begin ${kind}'.`, params: { kind } }),
			row: row.row,
			column: 'type'
		});
		if (!top) return;
	}
	state.open.pop();
}

function addQuestion(
	state: SurveyState,
	row: TableRow,
	type: QuestionType,
	listName?: string
): void {
	const question = buildQuestion(state, row, type, listName);
	pageForQuestion(state).questions.push(question);
	state.rows.addItem(question.name, question, row.row);
}

function pageForQuestion(state: SurveyState): Page {
	const group = state.open.find((b) => b.kind === 'group' && b.page);
	if (group?.page) return group.page;
	if (!state.loosePage) {
		let n = state.pages.length + 1;
		while (state.taken.has(`page_${n}`)) n++;
		state.taken.add(`page_${n}`);
		state.loosePage = { id: '', name: `page_${n}`, label: {}, questions: [] };
		state.pages.push(state.loosePage);
	}
	return state.loosePage;
}

function buildQuestion(
	state: SurveyState,
	row: TableRow,
	type: QuestionType,
	listName: string | undefined
): Question {
	const { layout } = state;
	const cell = (key: string) => plainCell(layout, row, key);
	const extra = extraCells(layout, row);
	// `parameters` of other types (e.g. `randomize=true`) mean nothing here; kept for export.
	if (type !== 'range' && cell('parameters')) extra.parameters = cell('parameters');
	const ignored =
		type === 'range' ? [] : filledColumns(layout, row, ['range_start_label', 'range_end_label']);
	if (ignored.length)
		state.issues.warn({
			sheet: 'survey',
			code: 'ignoredValue',
			variant: 'rangeLabels',
			text: `only a range has ${ignored.join(', ')}; left out.`,
			params: { columns: ignored.join(', ') },
			row: row.row,
			column: ignored[0]
		});
	return withoutEmpty({
		id: '',
		type,
		name: cell('name'),
		label: textCell(layout, row, 'label'),
		hint: textCell(layout, row, 'hint'),
		required: yesNo(state, row, 'required', false) || undefined,
		requiredMessage: textCell(layout, row, 'required_message'),
		relevant: relevantWithGroups(state, cell('relevant')),
		constraint: cell('constraint'),
		constraintMessage: textCell(layout, row, 'constraint_message'),
		calculation: cell('calculation'),
		choiceFilter: cell('choice_filter'),
		appearance: cell('appearance'),
		default: cell('default'),
		listName,
		range: type === 'range' ? readRange(state, row) : undefined,
		preferNotToSay: preferNotToSay(state, row, type),
		extra
	});
}

/** The column may turn it off (or on for the gate screens); a note or calculation never has it. */
function preferNotToSay(state: SurveyState, row: TableRow, type: QuestionType): boolean {
	if (NON_ANSWER_TYPES.includes(type)) return false;
	return yesNo(state, row, 'prefer_not_to_say', preferNotToSayByDefault(type));
}

const YES = new Set(['yes', 'true', '1', 'true()', 'y']);
const NO = new Set(['no', 'false', '0', 'false()', 'n']);

function yesNo(state: SurveyState, row: TableRow, key: string, byDefault: boolean): boolean {
	const value = plainCell(state.layout, row, key).toLowerCase();
	if (!value) return byDefault;
	if (YES.has(value)) return true;
	if (NO.has(value)) return false;
	const header = state.layout.headers.get(key) ?? key;
	state.issues.error({
		sheet: 'survey',
		code: 'badValue',
		...(key === 'required' ? { variant: 'required' as const } : {}),
		text: `${header} must be yes or no, not '${value}'${key === 'required' ? ' (Heard has no conditional required)' : ''}.`,
		params: { header, value },
		row: row.row,
		column: header
	});
	return byDefault;
}

/** The question's own condition joined with those of the nested groups around it. */
function relevantWithGroups(state: SurveyState, own: string): string {
	const conditions = state.open.flatMap((b) => (b.relevant ? [b.relevant] : []));
	if (conditions.length === 0) return own;
	// An own condition that does not parse is left alone so its error points at the right place.
	if (own && !parse(own).ok) return own;
	const all = own ? [...conditions, own] : conditions;
	return all.length === 1 ? all[0]! : all.map((c) => `(${c})`).join(' and ');
}

function readRange(state: SurveyState, row: TableRow): Question['range'] {
	const { layout, issues } = state;
	const source = plainCell(layout, row, 'parameters');
	const parsed = parseRangeParameters(source);
	if (!parsed.ok) {
		const header = layout.headers.get('parameters') ?? 'parameters';
		issues.error({
			sheet: 'survey',
			code: 'badRange',
			variant: parsed.variant,
			text: `parameters '${source}': ${parsed.message}`,
			params: { source, ...parsed.params },
			row: row.row,
			column: header
		});
	}
	return withoutEmpty({
		...(parsed.ok ? parsed.range : RANGE_DEFAULTS),
		startLabel: textCell(layout, row, 'range_start_label'),
		endLabel: textCell(layout, row, 'range_end_label')
	});
}

const RANGE_DEFAULTS = { start: 0, end: 10, step: 1 };
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;

type RangeParameters =
	| { ok: true; range: { start: number; end: number; step: number } }
	| {
			ok: false;
			message: string;
			variant: 'unknownKey' | 'notNumber' | 'twice';
			params: Record<string, string>;
	  };

/** `start=0 end=10 step=1` (spaces, commas or semicolons between; each part optional). */
export function parseRangeParameters(source: string): RangeParameters {
	const range = { ...RANGE_DEFAULTS };
	const given = new Set<string>();
	const parts = source
		.replace(/\s*=\s*/g, '=')
		.trim()
		.split(/[\s,;]+/)
		.filter(Boolean);
	for (const part of parts) {
		const [rawKey = '', value, ...more] = part.split('=');
		const key = rawKey.toLowerCase();
		if (key !== 'start' && key !== 'end' && key !== 'step')
			return {
				ok: false,
				message: `'${part}' is not one of start=…, end=…, step=….`,
				variant: 'unknownKey',
				params: { part }
			};
		if (value === undefined || more.length > 0 || !NUMBER.test(value))
			return {
				ok: false,
				message: `${key} must be a number, not '${value ?? ''}'.`,
				variant: 'notNumber',
				params: { key, value: value ?? '' }
			};
		if (given.has(key))
			return { ok: false, message: `${key} is given twice.`, variant: 'twice', params: { key } };
		given.add(key);
		range[key] = Number(value);
	}
	return { ok: true, range };
}

/** Ids from position, so import is deterministic and a round trip keeps them. */
function assignIds(pages: Page[]): void {
	let question = 0;
	pages.forEach((page, index) => {
		page.id = `p${index + 1}`;
		for (const q of page.questions) q.id = `q${++question}`;
	});
}
