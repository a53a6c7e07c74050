import type { z } from 'zod';
import type { Choice, Instrument, Page, Question, SurveyLanguage } from '../model';
import { parse } from '../expr';
import { instrumentSchema } from '../schema';
import { validateInstrument, type InstrumentIssue } from '../validate';
import { formatLanguage } from './columns';

/**
 * Problems found while importing an XLSForm, each pinned to the sheet, row and column a person
 * has to fix, and the bridge from the instrument checks (schema.ts, validate.ts) — which speak
 * of question names — back to spreadsheet rows.
 */

export type IssueSheet = 'survey' | 'choices' | 'settings' | 'workbook';

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
	code: string;
}

const SHEET_ORDER: Record<IssueSheet, number> = { workbook: 0, survey: 1, choices: 2, settings: 3 };

/** Collects errors and warnings; the same error found twice (schema and validator) counts once. */
export class IssueList {
	private readonly errors: ImportIssue[] = [];
	private readonly warnings: ImportIssue[] = [];
	private readonly seen = new Set<string>();

	error(
		sheet: IssueSheet,
		code: string,
		text: string,
		row?: number,
		column?: string,
		position?: number
	): void {
		const key = [sheet, row, code, column].join('|');
		if (this.seen.has(key)) return;
		this.seen.add(key);
		this.errors.push(makeIssue(sheet, code, text, row, column, position));
	}

	warn(sheet: IssueSheet, code: string, text: string, row?: number, column?: string): void {
		this.warnings.push(makeIssue(sheet, code, text, row, column));
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

function makeIssue(
	sheet: IssueSheet,
	code: string,
	text: string,
	row?: number,
	column?: string,
	position?: number
): ImportIssue {
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
	const issue: ImportIssue = { sheet, code, message };
	if (row !== undefined) issue.row = row;
	if (column !== undefined) issue.column = column;
	if (position !== undefined) issue.position = position;
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
			return issues.error('survey', 'noPages', 'the survey sheet has no questions.');
		case 'defaultLanguage':
			return issues.error(
				'settings',
				'defaultLanguage',
				`default_language '${issue.detail}' is not one of the form's languages.`,
				context.settingsRow,
				'default_language'
			);
		case 'invalidName':
			return issues.error(
				'survey',
				'invalidName',
				subject
					? `'${subject}' is not a valid name: use letters, digits, '_', '.' or '-', start with a letter or '_', at most 64 characters.`
					: 'the name is missing.',
				rowFor(),
				header(context, 'name')
			);
		case 'duplicateName':
			return reportDuplicates(context, subject);
		case 'emptyLabel':
			return issues.error(
				'survey',
				'emptyLabel',
				'the question has no label in any language.',
				rowFor(),
				labelHeader(context)
			);
		case 'missingList':
			return issues.error(
				'survey',
				'missingList',
				"the type needs the name of a choice list, e.g. 'select_one yes_no'.",
				rowFor(),
				header(context, 'type')
			);
		case 'unknownList':
			return issues.error(
				'survey',
				'unknownList',
				`the choice list '${issue.detail}' is not on the choices sheet.`,
				rowFor(),
				header(context, 'type')
			);
		case 'invalidRange':
			return reportRange(context, rowFor());
		case 'calculateWithoutCalculation':
			return issues.error(
				'survey',
				'calculateWithoutCalculation',
				'a calculate needs a calculation.',
				rowFor(),
				header(context, 'calculation')
			);
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
		const message = `the name '${name}' is already used on row ${first}; names of questions and groups must be unique.`;
		context.issues.error('survey', 'duplicateName', message, row, header(context, 'name'));
	}
}

function reportRange(context: CheckContext, row: number | undefined): void {
	const item = context.rows.itemAt(row);
	const range = item && 'range' in item ? item.range : undefined;
	const given = range ? ` (start=${range.start} end=${range.end} step=${range.step})` : '';
	const message = `a range needs an end above its start, a positive step and at most 100 steps${given}.`;
	context.issues.error('survey', 'badRange', message, row, header(context, 'parameters'));
}

function reportExpression(context: CheckContext, issue: InstrumentIssue, row?: number): void {
	const column = header(context, COLUMN_OF_FIELD[issue.column ?? ''] ?? issue.column ?? '');
	if (issue.code === 'unknownReference') {
		const message = `the ${column} expression refers to \${${issue.detail}}, but no question is named '${issue.detail}'.`;
		return context.issues.error('survey', 'unknownReference', message, row, column);
	}
	const position = issue.position ?? 0;
	const message = `the ${column} expression has an error at character ${position + 1}: ${issue.detail}`;
	context.issues.error('survey', 'expression', message, row, column, position);
}

function reportCycle(context: CheckContext, issue: InstrumentIssue, row?: number): void {
	// The validator names the circle `a → b → a`; point at the column that makes a use b.
	const next = issue.detail?.split(' → ')[1] ?? '';
	const item = context.rows.itemAt(row);
	const calculation = item && 'calculation' in item ? (item.calculation ?? '') : '';
	const column = header(context, calculation.includes(`\${${next}}`) ? 'calculation' : 'relevant');
	const message = `these depend on each other in a circle, so none of them can be worked out: ${issue.detail}.`;
	context.issues.error('survey', 'cycle', message, row, column);
}

function reportChoice(context: CheckContext, issue: InstrumentIssue): void {
	const list = issue.subject ?? '';
	const name = issue.detail ?? '';
	const rows = context.rows.rowsOfChoice(list, name);
	if (issue.code === 'duplicateChoice') {
		const row = context.rows.next(`dup|${list}|${name}`, rows, 1);
		const message = `the choice '${name}' appears twice in list '${list}' (first on row ${rows[0]}).`;
		return context.issues.error('choices', 'duplicateChoice', message, row, 'name');
	}
	if (issue.code === 'invalidChoiceName') {
		const row = context.rows.next(`bad|${list}|${name}`, rows);
		const message = name
			? `the choice name '${name}' cannot contain spaces.`
			: `a choice in list '${list}' has no name.`;
		return context.issues.error('choices', 'invalidChoiceName', message, row, 'name');
	}
	context.issues.error('choices', issue.code, `the choice list '${list}' has no choices.`);
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
	const text = column
		? `${column}: ${issue.message}.`
		: `${issue.path.join('.')}: ${issue.message}.`;
	context.issues.error(sheet, code, text, where?.row, column);
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
): string {
	if (rest[0] === 'range') return 'badRange';
	if (column === 'name' || rest[0] === 'name') return 'invalidName';
	if (issue.code === 'too_big') return issue.origin === 'array' ? 'tooMany' : 'tooLong';
	return 'invalid';
}
