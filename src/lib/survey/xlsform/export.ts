import type { Workbook } from 'exceljs';
import { chromeFor, type Chrome } from '../chrome';
import {
	allQuestions,
	LIST_TYPES,
	NON_ANSWER_TYPES,
	type Choice,
	type ChoiceList,
	type Instrument,
	type Page,
	type Question,
	type Text
} from '../model';
import {
	formatLanguage,
	GATE_TYPES,
	isExtraHeader,
	isGateType,
	preferNotToSayByDefault,
	textHeader,
	type GateType,
	type SheetKind
} from './columns';

export interface ExportOptions {
	/** Written as settings.version (e.g. Heard's published version number). */
	version?: string;
}

/**
 * Writes an instrument as an XLSForm (.xlsx with `survey`, `choices`, `settings` sheets) that
 * ODK, KoboToolbox and SurveyCTO tools can read, and that `importXlsForm` reads back into the
 * same instrument (ids included). Columns Heard does not interpret are written back unchanged.
 * The safety check and consent screens, which XLSForm lacks, become `select_one` questions on
 * generated yes/no lists, marked in a `heard_type` column (see `GATE_TYPES`).
 */
export async function exportXlsForm(
	instrument: Instrument,
	options: ExportOptions = {}
): Promise<Uint8Array<ArrayBuffer>> {
	// Loaded on demand so pages that never export do not ship the spreadsheet library.
	const { default: ExcelJS } = await import('exceljs');
	const workbook = new ExcelJS.Workbook();
	const gates = gateLists(instrument);
	writeSheet(workbook, 'survey', surveyColumns(instrument, gates), surveyItems(instrument));
	const choices = choiceItems(instrument, gates);
	writeSheet(workbook, 'choices', choiceColumns(instrument, choices), choices);
	writeSheet(workbook, 'settings', settingsColumns(instrument, options), [instrument]);
	// A copy on a plain ArrayBuffer: usable directly as a Response body.
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}

interface ColumnSpec<T> {
	header: string;
	value: (item: T) => string | undefined;
	/** False: an empty cell stays empty rather than taking a kept unknown value (see withExtras). */
	fallback?: false;
}

function writeSheet<T>(
	workbook: Workbook,
	name: SheetKind,
	columns: ColumnSpec<T>[],
	items: T[]
): void {
	const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
	sheet.addRow(columns.map((c) => c.header));
	sheet.getRow(1).font = { bold: true };
	// Empty strings become empty cells, so the sheet looks hand-made rather than full of blanks.
	sheet.addRows(items.map((item) => columns.map((c) => c.value(item) || null)));
}

/** Standard columns first (fixed order), then every unknown column any row carried. */
function withExtras<T>(
	sheet: SheetKind,
	standard: ColumnSpec<T>[],
	extraOf: (item: T) => Record<string, string> | undefined,
	items: T[]
): ColumnSpec<T>[] {
	const known = new Set(standard.map((c) => c.header));
	const extras: string[] = [];
	for (const item of items) {
		for (const key of Object.keys(extraOf(item) ?? {})) {
			// A key that would read back as a known column (or a language the form lacks) is dropped.
			if (!known.has(key) && isExtraHeader(sheet, key) && !extras.includes(key)) extras.push(key);
		}
	}
	// A standard cell the model leaves empty falls back to a kept value (e.g. `parameters` of a
	// select with `randomize=true`).
	const withFallback = standard.map((c) => ({
		header: c.header,
		value: (item: T) =>
			c.value(item) || (c.fallback === false ? undefined : extraOf(item)?.[c.header])
	}));
	const extraColumns = extras.map((header) => ({
		header,
		value: (item: T) => extraOf(item)?.[header]
	}));
	return [...withFallback, ...extraColumns];
}

function textColumns<T>(
	instrument: Instrument,
	base: string,
	get: (item: T) => Text | undefined
): ColumnSpec<T>[] {
	return instrument.languages.map((language) => ({
		header: textHeader(base, language),
		value: (item: T) => get(item)?.[language.code]
	}));
}

// ---------------------------------------------------------------------------------------------
// survey

type SurveyItem =
	{ kind: 'page'; page: Page } | { kind: 'end' } | { kind: 'question'; question: Question };

function surveyItems(instrument: Instrument): SurveyItem[] {
	// Every page becomes a group, even one made for ungrouped questions, so pages survive.
	return instrument.pages.flatMap((page): SurveyItem[] => [
		{ kind: 'page', page },
		...page.questions.map((question) => ({ kind: 'question' as const, question })),
		{ kind: 'end' }
	]);
}

function surveyColumns(instrument: Instrument, gates: GateLists): ColumnSpec<SurveyItem>[] {
	const question =
		<V>(get: (q: Question) => V | undefined) =>
		(item: SurveyItem): V | undefined =>
			item.kind === 'question' ? get(item.question) : undefined;
	const either =
		<V>(get: (x: Page | Question) => V | undefined) =>
		(item: SurveyItem): V | undefined =>
			item.kind === 'page'
				? get(item.page)
				: item.kind === 'question'
					? get(item.question)
					: undefined;
	const standard: ColumnSpec<SurveyItem>[] = [
		{ header: 'type', value: (item) => typeCell(item, gates) },
		{ header: 'name', value: either((x) => x.name) },
		...textColumns(
			instrument,
			'label',
			either((x) => x.label)
		),
		...textColumns(
			instrument,
			'hint',
			question((q) => q.hint)
		),
		{ header: 'required', value: question((q) => (q.required ? 'yes' : undefined)) },
		...textColumns(
			instrument,
			'required_message',
			question((q) => q.requiredMessage)
		),
		{ header: 'relevant', value: either((x) => x.relevant) },
		{ header: 'constraint', value: question((q) => q.constraint) },
		...textColumns(
			instrument,
			'constraint_message',
			question((q) => q.constraintMessage)
		),
		{ header: 'calculation', value: question((q) => q.calculation) },
		{ header: 'choice_filter', value: question((q) => q.choiceFilter) },
		{ header: 'appearance', value: either((x) => x.appearance) },
		{ header: 'default', value: question((q) => q.default) },
		{ header: 'parameters', value: question(rangeParameters) },
		{ header: 'prefer_not_to_say', value: question(preferNotToSayCell) },
		...textColumns(
			instrument,
			'range_start_label',
			question((q) => q.range?.startLabel)
		),
		...textColumns(
			instrument,
			'range_end_label',
			question((q) => q.range?.endLabel)
		),
		// Only when some row needs it, so forms without gate screens look as before.
		...(gates.size > 0
			? [
					{
						header: 'heard_type',
						value: question((q) => (isGateType(q.type) ? q.type : undefined)),
						fallback: false as const
					}
				]
			: [])
	];
	const extraOf = (item: SurveyItem) =>
		item.kind === 'page'
			? item.page.extra
			: item.kind === 'question'
				? item.question.extra
				: undefined;
	return withExtras('survey', standard, extraOf, surveyItems(instrument));
}

function typeCell(item: SurveyItem, gates: GateLists): string {
	if (item.kind === 'page') return 'begin group';
	if (item.kind === 'end') return 'end group';
	const { type, listName } = item.question;
	const gate = isGateType(type) ? gates.get(type) : undefined;
	if (gate) return `select_one ${gate.name}`;
	return LIST_TYPES.includes(type) && listName ? `${type} ${listName}` : type;
}

function rangeParameters(question: Question): string | undefined {
	const range = question.range;
	return range ? `start=${range.start} end=${range.end} step=${range.step}` : undefined;
}

/** Written only where it differs from what an empty cell means. */
function preferNotToSayCell(question: Question): string | undefined {
	if (NON_ANSWER_TYPES.includes(question.type)) return undefined;
	if (question.preferNotToSay === preferNotToSayByDefault(question.type)) return undefined;
	return question.preferNotToSay ? 'yes' : 'no';
}

// ---------------------------------------------------------------------------------------------
// Gate screens (safety check, consent) as standard selects

/** The generated list each gate type present in the instrument is written with. */
type GateLists = Map<GateType, ChoiceList>;

/** Base list name and the respondent-facing words (chrome.ts) of the two answers. */
const GATE_LISTS: Record<GateType, { name: string; yes: keyof Chrome; no: keyof Chrome }> = {
	safety_check: { name: 'heard_safety', yes: 'yesContinue', no: 'notNow' },
	consent: { name: 'heard_consent', yes: 'agree', no: 'decline' }
};

/**
 * A yes/no list per gate type the instrument uses, labelled in every survey language, named
 * `heard_safety` / `heard_consent` unless the instrument has such a list already (then
 * `heard_safety_2`, …). Import drops them again, so a round trip adds no list.
 */
function gateLists(instrument: Instrument): GateLists {
	const used = new Set(allQuestions(instrument).map((q) => q.type));
	const taken = new Set(instrument.choiceLists.map((l) => l.name));
	const lists: GateLists = new Map();
	for (const type of GATE_TYPES) {
		if (!used.has(type)) continue;
		const { name: base, yes, no } = GATE_LISTS[type];
		let name = base;
		for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
		taken.add(name);
		const label = (key: keyof Chrome): Text =>
			Object.fromEntries(instrument.languages.map((l) => [l.code, chromeFor(l.code)[key]]));
		lists.set(type, {
			name,
			choices: [
				{ name: 'yes', label: label(yes) },
				{ name: 'no', label: label(no) }
			]
		});
	}
	return lists;
}

// ---------------------------------------------------------------------------------------------
// choices and settings

interface ChoiceItem {
	list: string;
	choice: Choice;
}

/** The instrument's lists, then the generated gate lists. */
function choiceItems(instrument: Instrument, gates: GateLists): ChoiceItem[] {
	return [...instrument.choiceLists, ...gates.values()].flatMap((list) =>
		list.choices.map((choice) => ({ list: list.name, choice }))
	);
}

function choiceColumns(instrument: Instrument, items: ChoiceItem[]): ColumnSpec<ChoiceItem>[] {
	const standard: ColumnSpec<ChoiceItem>[] = [
		{ header: 'list_name', value: (item) => item.list },
		{ header: 'name', value: (item) => item.choice.name },
		...textColumns(instrument, 'label', (item: ChoiceItem) => item.choice.label)
	];
	return withExtras('choices', standard, (item) => item.choice.extra, items);
}

/**
 * XLSForm has one untranslated `form_title` (the default language); the title in the other
 * languages goes in Heard's `title::Name (code)` columns, which other tools ignore.
 */
function settingsColumns(instrument: Instrument, options: ExportOptions): ColumnSpec<Instrument>[] {
	const defaultLanguage = instrument.languages.find((l) => l.code === instrument.defaultLanguage);
	const others = instrument.languages.filter((l) => l.code !== instrument.defaultLanguage);
	const standard: ColumnSpec<Instrument>[] = [
		{ header: 'form_title', value: (i) => i.title[i.defaultLanguage] },
		{ header: 'form_id', value: (i) => i.formId },
		{ header: 'version', value: (i) => options.version ?? i.settingsExtra?.version },
		{
			header: 'default_language',
			value: (i) => (defaultLanguage ? formatLanguage(defaultLanguage) : i.defaultLanguage)
		},
		...others.map((language) => ({
			header: textHeader('title', language),
			value: (i: Instrument) => i.title[language.code]
		}))
	];
	return withExtras('settings', standard, (i) => i.settingsExtra, [instrument]);
}
