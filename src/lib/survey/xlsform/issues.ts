import type { z } from 'zod';
import type { Choice, Instrument, Page, Question, SurveyLanguage } from '../model';
import { parse, type ExprErrorCode, type ExprErrorParams } from '../expr';
import { instrumentSchema } from '../schema';
import { validateInstrument, type InstrumentIssue } from '../validate';
import { formatLanguage } from './columns';

/**
 * Problems found while importing an XLSForm, each pinned to the sheet, row and column a person
 * has to fix, and the bridge from the instrument checks (schema.ts, validate.ts) — which speak
 * of question names — back to spreadsheet rows.
 */

export type IssueSheet = 'survey' | 'choices' | 'settings' | 'workbook';

/**
 * Every kind of import problem, each with the other wordings its message has. The interface
 * says an issue as `surveys.importIssues.<code>`, or `<code>_<variant>` (an i18next context);
 * `message` stays English for the command line.
 */
export const IMPORT_ISSUES = {
	unreadable: [],
	archiveTooLarge: [],
	archiveTooManyEntries: [],
	archiveRatio: [],
	workbookTooComplex: [],
	missingSheet: ['choices'],
	duplicateSheet: [],
	ignoredColumn: [],
	ignoredRow: [],
	badLanguage: ['setting'],
	defaultLanguage: ['noColumns'],
	duplicateColumn: ['untranslated'],
	missingColumn: [],
	missingListName: [],
	missingType: [],
	unsupportedType: ['repeat', 'afterList', 'afterType'],
	identifyingType: ['start', 'end'],
	droppedMetadata: [],
	ignoredValue: ['rangeLabels', 'gateType', 'gateValue'],
	nestedGroup: ['relevant'],
	unclosedGroup: [],
	unexpectedEndGroup: ['mismatch'],
	badValue: ['required'],
	badRange: ['unset', 'unknownKey', 'notNumber', 'twice', 'schema'],
	noPages: [],
	invalidName: ['missing', 'schema'],
	duplicateName: [],
	emptyLabel: [],
	missingList: [],
	unknownList: [],
	calculateWithoutCalculation: [],
	expression: [],
	unknownReference: [],
	cycle: [],
	duplicateChoice: [],
	invalidChoiceName: ['missing'],
	emptyList: [],
	tooLong: [],
	tooMany: [],
	invalid: []
} as const satisfies Record<string, readonly string[]>;

export type ImportIssueCode = keyof typeof IMPORT_ISSUES;
type VariantOf<C extends ImportIssueCode> = (typeof IMPORT_ISSUES)[C][number];

/** Values a translated message needs: names, values and headers as written, row numbers … */
export type ImportIssueParams = Record<string, string | number>;

export interface ImportIssue {
	sheet: IssueSheet;
	/** 1-based spreadsheet row. */
	row?: number;
	/** The column header as written in the sheet, e.g. `relevant` or `label::English (en)`. */
	column?: string;
	/** 0-based character position in the cell, for `expression` issues. */
	position?: number;
	/** English, starting with where: "Row 12: …". */
	message: string;
	/** Stable machine code, e.g. `identifyingType`, `unknownList`, `expression`. */
	code: ImportIssueCode;
	/** Which other wording of the code's message fits (one of `IMPORT_ISSUES[code]`). */
	variant?: string;
	params: ImportIssueParams;
	/** For `expression` issues: the parser's problem, said as `builder.exprErrors.<code>`. */
	exprError?: { code: ExprErrorCode; params?: ExprErrorParams };
}

/** A problem as found; `text` is English and continues a "Row 12:" prefix when there is a row. */
export interface Finding<C extends ImportIssueCode = ImportIssueCode> {
	sheet: IssueSheet;
	code: C;
	variant?: VariantOf<C>;
	text: string;
	params?: ImportIssueParams;
	row?: number;
	column?: string;
	position?: number;
	exprError?: ImportIssue['exprError'];
}

const SHEET_ORDER: Record<IssueSheet, number> = { workbook: 0, survey: 1, choices: 2, settings: 3 };

/** Collects errors and warnings; the same error found twice (schema and validator) counts once. */
export class IssueList {
	private readonly errors: ImportIssue[] = [];
	private readonly warnings: ImportIssue[] = [];
	private readonly seen = new Set<string>();

	error<C extends ImportIssueCode>(finding: Finding<C>): void {
		const { sheet, row, code, column } = finding;
		const key = [sheet, row, code, column].join('|');
		if (this.seen.has(key)) return;
		this.seen.add(key);
		this.errors.push(makeIssue(finding));
	}

	warn<C extends ImportIssueCode>(finding: Finding<C>): void {
		this.warnings.push(makeIssue(finding));
	}

	hasErrors(): boolean {
		return this.errors.length > 0;
	}

	sorted(): ImportIssue[] {
		return sortIssues(this.errors);
	}

	sortedWarnings(): ImportIssue[] {
		return sortIssues(this.warnings);
	}
}

function makeIssue(finding: Finding): ImportIssue {
	const { sheet, code, variant, text, params = {}, row, column, position, exprError } = finding;
	const where =
		sheet === 'survey' && row
			? `Row ${row}`
			: sheet === 'choices' && row
				? `Choices row ${row}`
				: sheet === 'settings'
					? 'Settings'
					: '';
	// Texts continue a "Row 12:" prefix, so they start in lower case; alone they are sentences.
	const message = where ? `${where}: ${text}` : text.charAt(0).toUpperCase() + text.slice(1);
	const issue: ImportIssue = { sheet, code, message, params };
	if (variant !== undefined) issue.variant = variant;
	if (row !== undefined) issue.row = row;
	if (column !== undefined) issue.column = column;
	if (position !== undefined) issue.position = position;
	if (exprError !== undefined) issue.exprError = exprError;
	return issue;
}

function sortIssues(issues: ImportIssue[]): ImportIssue[] {
	// Stable sort: issues on the same row keep the order they were found in.
	return [...issues].sort(
		(a, b) => SHEET_ORDER[a.sheet] - SHEET_ORDER[b.sheet] || (a.row ?? 0) - (b.row ?? 0)
	);
}

type Located = { sheet: 'survey' | 'choices'; row: number };

/**
 * Where each page, question and choice came from. Names can repeat in a broken form, so rows
 * are kept per name, and the k-th issue of one kind about a name goes to its k-th row.
 */
export class RowIndex {
	private readonly names = new Map<string, number[]>();
	private readonly choices = new Map<string, number[]>();
	private readonly objects = new Map<object, Located>();
	private readonly items = new Map<number, Page | Question>();
	private readonly cursors = new Map<string, number>();

	constructor(readonly languages: SurveyLanguage[]) {}

	addItem(name: string, item: Page | Question, row: number): void {
		push(this.names, name, row);
		this.objects.set(item, { sheet: 'survey', row });
		this.items.set(row, item);
	}

	addChoice(list: string, choice: Choice, row: number): void {
		push(this.choices, `${list}\n${choice.name}`, row);
		this.objects.set(choice, { sheet: 'choices', row });
	}

	rowOf(item: object): number | undefined {
		return this.objects.get(item)?.row;
	}

	located(item: unknown): Located | undefined {
		return typeof item === 'object' && item !== null ? this.objects.get(item) : undefined;
	}

	itemAt(row: number | undefined): Page | Question | undefined {
		return row === undefined ? undefined : this.items.get(row);
	}

	rowsOfName(name: string): number[] {
		return this.names.get(name) ?? [];
	}

	rowsOfChoice(list: string, name: string): number[] {
		return this.choices.get(`${list}\n${name}`) ?? [];
	}

	/** The row for the next issue with this `key` among `rows` (starting at `first`). */
	next(key: string, rows: number[], first = 0): number | undefined {
		const k = this.cursors.get(key) ?? first;
		this.cursors.set(key, k + 1);
		return rows[Math.min(k, rows.length - 1)];
	}
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

interface CheckContext {
	instrument: Instrument;
	rows: RowIndex;
	/** Survey header as written, by canonical key (`relevant`, `label::en`). */
	headers: Map<string, string>;
	issues: IssueList;
	/** The row holding the settings values, if there is one. */
	settingsRow?: number;
}

/**
 * Runs the structural schema and the semantic validator on the imported instrument and turns
 * their findings into spreadsheet issues. `missingChoices` silences "unknown list" per row when
 * the whole choices sheet is missing (already reported once).
 */
export function checkInstrument(
	instrument: Instrument,
	rows: RowIndex,
	headers: Map<string, string>,
	issues: IssueList,
	options: { missingChoices: boolean; settingsRow?: number }
): void {
	const context: CheckContext = {
		instrument,
		rows,
		headers,
		issues,
		settingsRow: options.settingsRow
	};
	for (const issue of validateInstrument(instrument)) {
		if (options.missingChoices && issue.code === 'unknownList') continue;
		fromValidator(context, issue);
	}
	// After the validator, whose messages are kinder, so they win when both flag the same cell.
	const structure = instrumentSchema.safeParse(instrument);
	if (!structure.success) for (const issue of structure.error.issues) fromSchema(context, issue);
}

// ---------------------------------------------------------------------------------------------
// Validator issues

/** Validator columns are model fields; people read XLSForm columns. */
const COLUMN_OF_FIELD: Record<string, string> = {
	relevant: 'relevant',
	constraint: 'constraint',
	calculation: 'calculation',
	choiceFilter: 'choice_filter',
	default: 'default',
	label: 'label',
	hint: 'hint',
	requiredMessage: 'required_message',
	constraintMessage: 'constraint_message',
	range: 'parameters',
	startLabel: 'range_start_label',
	endLabel: 'range_end_label',
	name: 'name',
	appearance: 'appearance',
	listName: 'type',
	type: 'type'
};

function header(context: CheckContext, key: string): string {
	return context.headers.get(key) ?? key;
}

function labelHeader(context: CheckContext): string {
	const { defaultLanguage } = context.instrument;
	return context.headers.get(`label::${defaultLanguage}`) ?? 'label';
}

function fromValidator(context: CheckContext, issue: InstrumentIssue): void {
	const { issues, rows } = context;
	const subject = issue.subject ?? '';
	const rowFor = (column = '') => {
		// A broken form may reuse a name: pick the rows whose content fits the issue.
		const named = rows.rowsOfName(subject);
		const fitting = named.filter((row) => concerns(rows.itemAt(row), issue));
		return rows.next(`${issue.code}|${subject}|${column}`, fitting.length ? fitting : named);
	};
	switch (issue.code) {
		case 'noPages':
			return issues.error({
				sheet: 'survey',
				code: 'noPages',
				text: 'the survey sheet has no questions.'
			});
		case 'defaultLanguage':
			return issues.error({
				sheet: 'settings',
				code: 'defaultLanguage',
				text: `default_language '${issue.detail}' is not one of the form's languages.`,
				params: { value: issue.detail ?? '' },
				row: context.settingsRow,
				column: 'default_language'
			});
		case 'invalidName':
			return issues.error({
				sheet: 'survey',
				code: 'invalidName',
				...(subject
					? {
							text: `'${subject}' is not a valid name: use letters, digits, '_', '.' or '-', start with a letter or '_', at most 64 characters.`,
							params: { name: subject }
						}
					: { variant: 'missing', text: 'the name is missing.' }),
				row: rowFor(),
				column: header(context, 'name')
			});
		case 'duplicateName':
			return reportDuplicates(context, subject);
		case 'emptyLabel':
			return issues.error({
				sheet: 'survey',
				code: 'emptyLabel',
				text: 'the question has no label in any language.',
				row: rowFor(),
				column: labelHeader(context)
			});
		case 'missingList':
			return issues.error({
				sheet: 'survey',
				code: 'missingList',
				text: "the type needs the name of a choice list, e.g. 'select_one yes_no'.",
				row: rowFor(),
				column: header(context, 'type')
			});
		case 'unknownList':
			return issues.error({
				sheet: 'survey',
				code: 'unknownList',
				text: `the choice list '${issue.detail}' is not on the choices sheet.`,
				params: { list: issue.detail ?? '' },
				row: rowFor(),
				column: header(context, 'type')
			});
		case 'invalidRange':
			return reportRange(context, rowFor());
		case 'calculateWithoutCalculation':
			return issues.error({
				sheet: 'survey',
				code: 'calculateWithoutCalculation',
				text: 'a calculate needs a calculation.',
				row: rowFor(),
				column: header(context, 'calculation')
			});
		case 'expression':
		case 'unknownReference':
			return reportExpression(context, issue, rowFor(issue.column));
		case 'cycle':
			return reportCycle(context, issue, rowFor());
		case 'emptyList':
		case 'duplicateChoice':
		case 'invalidChoiceName':
			return reportChoice(context, issue);
	}
}

/** Whether `item`, one of those named in the issue, is the one the validator meant. */
function concerns(item: Page | Question | undefined, issue: InstrumentIssue): boolean {
	const question = item && 'type' in item ? item : undefined;
	const source =
		item && issue.column ? (item as unknown as Record<string, unknown>)[issue.column] : undefined;
	switch (issue.code) {
		case 'emptyLabel':
			return !!question && !Object.values(question.label).some((v) => v.trim());
		case 'missingList':
			return !!question && !question.listName;
		case 'unknownList':
			return question?.listName === issue.detail;
		case 'invalidRange':
			return question?.type === 'range';
		case 'calculateWithoutCalculation':
			return question?.type === 'calculate' && !question.calculation?.trim();
		case 'expression':
			// Parsed as the validator did: a choice filter names choices-sheet columns bare.
			return (
				typeof source === 'string' &&
				!parse(source, { bareNames: issue.column === 'choiceFilter' }).ok
			);
		case 'unknownReference':
			return typeof source === 'string' && source.includes(`\${${issue.detail}}`);
		default:
			return true;
	}
}

function reportDuplicates(context: CheckContext, name: string): void {
	const [first, ...later] = context.rows.rowsOfName(name);
	for (const row of later) {
		context.issues.error({
			sheet: 'survey',
			code: 'duplicateName',
			text: `the name '${name}' is already used on row ${first}; names of questions and groups must be unique.`,
			params: { name, first: first ?? '' },
			row,
			column: header(context, 'name')
		});
	}
}

function reportRange(context: CheckContext, row: number | undefined): void {
	const item = context.rows.itemAt(row);
	const range = item && 'range' in item ? item.range : undefined;
	const given = range ? ` (start=${range.start} end=${range.end} step=${range.step})` : '';
	context.issues.error({
		sheet: 'survey',
		code: 'badRange',
		...(range
			? { params: { start: range.start, end: range.end, step: range.step } }
			: { variant: 'unset' }),
		text: `a range needs an end above its start, a positive step and at most 100 steps${given}.`,
		row,
		column: header(context, 'parameters')
	});
}

function reportExpression(context: CheckContext, issue: InstrumentIssue, row?: number): void {
	const column = header(context, COLUMN_OF_FIELD[issue.column ?? ''] ?? issue.column ?? '');
	if (issue.code === 'unknownReference') {
		const name = issue.detail ?? '';
		// `reference` is handed over whole: `${{{name}}}` would confuse {{…}} interpolation.
		const reference = `\${${name}}`;
		return context.issues.error({
			sheet: 'survey',
			code: 'unknownReference',
			text: `the ${column} expression refers to ${reference}, but no question is named '${name}'.`,
			params: { column, name, reference },
			row,
			column
		});
	}
	const position = issue.position ?? 0;
	context.issues.error({
		sheet: 'survey',
		code: 'expression',
		text: `the ${column} expression has an error at character ${position + 1}: ${issue.detail}`,
		params: { column, character: position + 1, detail: issue.detail ?? '' },
		row,
		column,
		position,
		...(issue.detailCode && {
			exprError: issue.detailParams
				? { code: issue.detailCode, params: issue.detailParams }
				: { code: issue.detailCode }
		})
	});
}

function reportCycle(context: CheckContext, issue: InstrumentIssue, row?: number): void {
	// The validator names the circle `a → b → a`; point at the column that makes a use b.
	const next = issue.detail?.split(' → ')[1] ?? '';
	const item = context.rows.itemAt(row);
	const calculation = item && 'calculation' in item ? (item.calculation ?? '') : '';
	const column = header(context, calculation.includes(`\${${next}}`) ? 'calculation' : 'relevant');
	context.issues.error({
		sheet: 'survey',
		code: 'cycle',
		text: `these depend on each other in a circle, so none of them can be worked out: ${issue.detail}.`,
		params: { names: issue.detail ?? '' },
		row,
		column
	});
}

function reportChoice(context: CheckContext, issue: InstrumentIssue): void {
	const list = issue.subject ?? '';
	const name = issue.detail ?? '';
	const rows = context.rows.rowsOfChoice(list, name);
	if (issue.code === 'duplicateChoice') {
		return context.issues.error({
			sheet: 'choices',
			code: 'duplicateChoice',
			text: `the choice '${name}' appears twice in list '${list}' (first on row ${rows[0]}).`,
			params: { name, list, first: rows[0] ?? '' },
			row: context.rows.next(`dup|${list}|${name}`, rows, 1),
			column: 'name'
		});
	}
	if (issue.code === 'invalidChoiceName') {
		return context.issues.error({
			sheet: 'choices',
			code: 'invalidChoiceName',
			...(name
				? { text: `the choice name '${name}' cannot contain spaces.`, params: { name, list } }
				: {
						variant: 'missing',
						text: `a choice in list '${list}' has no name.`,
						params: { list }
					}),
			row: context.rows.next(`bad|${list}|${name}`, rows),
			column: 'name'
		});
	}
	context.issues.error({
		sheet: 'choices',
		code: 'emptyList',
		text: `the choice list '${list}' has no choices.`,
		params: { list }
	});
}

// ---------------------------------------------------------------------------------------------
// Schema issues (sizes and shapes: texts too long, too many questions …)

function fromSchema(context: CheckContext, issue: z.core.$ZodIssue): void {
	let target: unknown = context.instrument;
	let where: Located | undefined;
	let rest: PropertyKey[] = [];
	for (const key of issue.path) {
		target = (target as Record<PropertyKey, unknown> | undefined)?.[key];
		const located = context.rows.located(target);
		if (located) {
			where = located;
			rest = [];
		} else rest.push(key);
	}
	const sheet =
		where?.sheet ?? (issue.path[0] === 'languages' ? 'workbook' : topLevelSheet(issue.path));
	const column = schemaColumn(context, where ? rest : issue.path);
	const code = schemaCode(issue, column, rest);
	const field = column ?? issue.path.join('.');
	const params: ImportIssueParams = { field };
	if (issue.code === 'too_big') params.maximum = Number(issue.maximum);
	context.issues.error({
		sheet,
		code,
		// The schema only says how a value is wrong; a name or a range is worded as such.
		...(code === 'invalidName' || code === 'badRange' ? { variant: 'schema' as const } : {}),
		text: `${field}: ${issue.message}.`,
		params,
		row: where?.row,
		column
	});
}

function topLevelSheet(path: PropertyKey[]): IssueSheet {
	const first = path[0];
	if (first === 'formId' || first === 'title' || first === 'settingsExtra') return 'settings';
	if (first === 'choiceLists') return 'choices';
	return 'survey';
}

function schemaColumn(context: CheckContext, path: PropertyKey[]): string | undefined {
	const [field, sub, subsub] = path.map(String);
	if (field === undefined) return undefined;
	if (field === 'extra' || field === 'settingsExtra') return sub;
	if (field === 'formId') return 'form_id';
	const language = (code?: string) => context.rows.languages.find((l) => l.code === code);
	if (field === 'title') {
		const lang = language(sub);
		return lang ? `title::${formatLanguage(lang)}` : 'form_title';
	}
	// `range.startLabel.en` is a text column of its own; any other part of a range is `parameters`.
	const rangeLabel = field === 'range' && (sub === 'startLabel' || sub === 'endLabel');
	const base = COLUMN_OF_FIELD[rangeLabel ? (sub ?? '') : field];
	const textKey = rangeLabel ? subsub : sub;
	const lang = language(textKey);
	if (base && lang) return header(context, `${base}::${lang.code}`);
	return base ? header(context, base) : undefined;
}

function schemaCode(
	issue: z.core.$ZodIssue,
	column: string | undefined,
	rest: PropertyKey[]
): 'badRange' | 'invalidName' | 'tooMany' | 'tooLong' | 'invalid' {
	if (rest[0] === 'range') return 'badRange';
	if (column === 'name' || rest[0] === 'name') return 'invalidName';
	if (issue.code === 'too_big') return issue.origin === 'array' ? 'tooMany' : 'tooLong';
	return 'invalid';
}
