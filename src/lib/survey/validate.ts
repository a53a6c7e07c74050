import { findCycle, parse, references, type ExprErrorCode, type ExprErrorParams } from './expr';
import { allQuestions, LIST_TYPES, type Instrument, type Text } from './model';
import { NAME_PATTERN } from './schema';

/** Columns holding expressions, in the order a person reads a question. */
export const EXPRESSION_COLUMNS = [
	'relevant',
	'constraint',
	'calculation',
	'choiceFilter',
	'default'
] as const;
export type ExpressionColumn = (typeof EXPRESSION_COLUMNS)[number];

export const ISSUE_CODES = [
	'noPages',
	'defaultLanguage',
	'invalidName',
	'duplicateName',
	'emptyLabel',
	'missingList',
	'unknownList',
	'emptyList',
	'duplicateChoice',
	'invalidChoiceName',
	'invalidRange',
	'calculateWithoutCalculation',
	'expression',
	'unknownReference',
	'cycle'
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export interface InstrumentIssue {
	code: IssueCode;
	/** Question (or page, or choice list) name the issue is about. */
	subject?: string;
	/** XLSForm column, e.g. `relevant`. */
	column?: string;
	/** 0-based character position in an expression. */
	position?: number;
	/** Parser detail (English) or other values for the message. */
	detail?: string;
	/** For `expression` issues: the parser's code, said in the reader's language as `builder.exprErrors.<code>`. */
	detailCode?: ExprErrorCode;
	/** The values that message needs. */
	detailParams?: ExprErrorParams;
}

/**
 * Every problem that stops an instrument from being published, all at once. Pure; the same
 * checks run in the builder (instant feedback) and on the server (the check that counts).
 */
export function validateInstrument(instrument: Instrument): InstrumentIssue[] {
	const issues: InstrumentIssue[] = [];
	const questions = allQuestions(instrument);
	if (questions.length === 0) issues.push({ code: 'noPages' });
	if (!instrument.languages.some((l) => l.code === instrument.defaultLanguage))
		issues.push({ code: 'defaultLanguage', detail: instrument.defaultLanguage });

	const names = new Map<string, number>();
	for (const item of [...instrument.pages, ...questions])
		names.set(item.name, (names.get(item.name) ?? 0) + 1);
	for (const item of [...instrument.pages, ...questions]) {
		if (!NAME_PATTERN.test(item.name)) issues.push({ code: 'invalidName', subject: item.name });
		else if (
			(names.get(item.name) ?? 0) > 1 &&
			!issues.some((i) => i.code === 'duplicateName' && i.subject === item.name)
		)
			issues.push({ code: 'duplicateName', subject: item.name });
	}

	const lists = new Map(instrument.choiceLists.map((l) => [l.name, l]));
	for (const list of instrument.choiceLists) {
		if (list.choices.length === 0) issues.push({ code: 'emptyList', subject: list.name });
		const seen = new Set<string>();
		for (const choice of list.choices) {
			if (!/^[^\s]+$/.test(choice.name))
				issues.push({ code: 'invalidChoiceName', subject: list.name, detail: choice.name });
			else if (seen.has(choice.name))
				issues.push({ code: 'duplicateChoice', subject: list.name, detail: choice.name });
			seen.add(choice.name);
		}
	}

	for (const q of questions) {
		if (q.type !== 'calculate' && isBlank(q.label, instrument.defaultLanguage))
			issues.push({ code: 'emptyLabel', subject: q.name });
		if (LIST_TYPES.includes(q.type)) {
			if (!q.listName) issues.push({ code: 'missingList', subject: q.name });
			else if (!lists.has(q.listName))
				issues.push({ code: 'unknownList', subject: q.name, detail: q.listName });
		}
		if (q.type === 'range') {
			const r = q.range;
			if (!r || r.step <= 0 || r.end <= r.start || (r.end - r.start) / r.step > 100)
				issues.push({ code: 'invalidRange', subject: q.name });
		}
		if (q.type === 'calculate' && !q.calculation?.trim())
			issues.push({ code: 'calculateWithoutCalculation', subject: q.name });
	}

	// Expressions: syntax, references to existing questions, and cycles.
	const known = new Set(questions.map((q) => q.name));
	const graph = new Map<string, Set<string>>();
	const checkExpression = (subject: string, column: string, source: string | undefined) => {
		if (!source?.trim()) return;
		// A choice filter names columns of the choices sheet bare (`state = ${state}`).
		const parsed = parse(source, { bareNames: column === 'choiceFilter' });
		if (!parsed.ok) {
			const { position, message, code, params } = parsed.error;
			issues.push({
				code: 'expression',
				subject,
				column,
				position,
				detail: message,
				detailCode: code,
				...(params && { detailParams: params })
			});
			return;
		}
		for (const ref of references(parsed.ast)) {
			if (!known.has(ref)) issues.push({ code: 'unknownReference', subject, column, detail: ref });
			else if (column === 'relevant' || column === 'calculation') {
				if (!graph.has(subject)) graph.set(subject, new Set());
				graph.get(subject)!.add(ref);
			}
		}
	};
	for (const page of instrument.pages) checkExpression(page.name, 'relevant', page.relevant);
	for (const q of questions) {
		for (const column of EXPRESSION_COLUMNS) {
			// `default` is usually a literal value, not an expression, unless it references answers.
			if (column === 'default' && !q.default?.includes('${')) continue;
			checkExpression(q.name, column, q[column]);
		}
	}
	const cycle = findCycle(graph);
	if (cycle) issues.push({ code: 'cycle', subject: cycle[0], detail: cycle.join(' → ') });
	return issues;
}

function isBlank(text: Text, lang: string): boolean {
	return !text[lang]?.trim() && !Object.values(text).some((v) => v.trim());
}

/** For each language, how many texts are missing (and fall back to the default language). */
export function translationGaps(instrument: Instrument): Record<string, number> {
	const texts: Text[] = [instrument.title];
	for (const page of instrument.pages) {
		if (Object.keys(page.label).length) texts.push(page.label);
		for (const q of page.questions) {
			if (q.type !== 'calculate') texts.push(q.label);
			for (const t of [
				q.hint,
				q.constraintMessage,
				q.requiredMessage,
				q.range?.startLabel,
				q.range?.endLabel
			])
				if (t && Object.values(t).some(Boolean)) texts.push(t);
		}
	}
	for (const list of instrument.choiceLists) for (const c of list.choices) texts.push(c.label);
	const gaps: Record<string, number> = {};
	for (const { code } of instrument.languages) {
		gaps[code] = texts.filter(
			(t) => Object.values(t).some((v) => v.trim()) && !t[code]?.trim()
		).length;
	}
	return gaps;
}
