import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { isUiLanguage, type UiLanguage } from '../../i18n/languages';
import { chromeFor, PREFER_NOT_TO_SAY } from '../../survey/chrome';
import { allQuestions, textIn, type Instrument, type Question } from '../../survey/model';
import type { Answers } from '../../survey/relevance';
import type { Db } from '../db';
import { responses, surveyVersions } from '../db/schema';
import { translatorFor } from '../i18n';
import { displayLanguage } from '../responses/present';
import { BOM, csvRow, type Cell } from './csv';

/**
 * A survey's responses as a table: one row per response, one column per question of its
 * versions (labels in a chosen survey language), multi-select questions split into one 0/1
 * column per choice. Rows are read in keyset pages of `(submitted_on, id)`, the order of the
 * index responses_survey_idx, so memory stays flat however many responses there are and no
 * response is skipped or repeated when many share a day. Row numbers stand in for ids: an id
 * would let a file be joined back to the database, and the export needs no more than a count.
 */

export const EXPORT_PAGE_SIZE = 1000;

/** Question types with no column: notes are not answers; every stored response said "yes" to the safety check and consent. */
const NO_COLUMN = new Set<Question['type']>(['note', 'safety_check', 'consent']);
const NUMERIC = new Set<Question['type']>(['integer', 'decimal', 'range']);

export type ColumnKind = 'text' | 'number' | 'date';

/** The question columns of an export, and how a response's answers fill them. */
export interface QuestionColumns {
	columns: { header: string; kind: ColumnKind }[];
	/** Appends one cell per column, in order, for a response's answers (called per row: keep it lean). */
	write: (answers: Answers, out: Cell[]) => void;
}

export interface VersionInstrument {
	number: number;
	instrument: Instrument;
}

/** The number in a stored answer (answers are kept as text), or the text when it is not one. */
function numberOrText(answer: string): Cell {
	const n = Number(answer);
	return answer.trim() !== '' && Number.isFinite(n) ? n : answer;
}

type Writer = (answer: string | string[] | undefined, out: Cell[]) => void;

/**
 * The question columns for these versions, labels in `lang` (each version falling back to its
 * default language). The newest version's questions come first, in its page order, then those
 * only older versions asked (newest first); a question's and a choice's label is the newest
 * wording. Pure.
 */
export function responseColumns(
	versions: readonly VersionInstrument[],
	lang: string,
	words: { preferNotToSay: string }
): QuestionColumns {
	const newestFirst = [...versions].sort((a, b) => b.number - a.number);
	const questions = new Map<string, { question: Question; label: string }>();
	const choiceLabels = new Map<string, Map<string, string>>();
	for (const { instrument } of newestFirst) {
		const fallback = instrument.defaultLanguage;
		for (const q of allQuestions(instrument)) {
			if (NO_COLUMN.has(q.type)) continue;
			if (!questions.has(q.name))
				questions.set(q.name, { question: q, label: textIn(q.label, lang, fallback) });
			const list = instrument.choiceLists.find((l) => l.name === q.listName);
			const labels = choiceLabels.get(q.name) ?? new Map<string, string>();
			for (const c of list?.choices ?? [])
				if (!labels.has(c.name)) labels.set(c.name, textIn(c.label, lang, fallback) || c.name);
			choiceLabels.set(q.name, labels);
		}
	}
	const columns: QuestionColumns['columns'] = [];
	const writers: { name: string; write: Writer }[] = [];
	const declined = (a: string | string[]) =>
		a === PREFER_NOT_TO_SAY || (Array.isArray(a) && a.includes(PREFER_NOT_TO_SAY));
	for (const [name, { question, label }] of questions) {
		const labels = choiceLabels.get(name)!;
		const choice = (c: string) => labels.get(c) ?? c;
		if (question.type === 'select_multiple') {
			const choices = [...labels.keys()];
			for (const [choiceName, choiceLabel] of labels)
				columns.push({
					header: `${label || name}: ${choiceLabel} (${name}: ${choiceName})`,
					kind: 'number'
				});
			writers.push({
				name,
				write: (a, out) => {
					if (a === undefined || (Array.isArray(a) && a.length === 0)) {
						for (let i = 0; i < choices.length; i++) out.push(null);
					} else if (declined(a)) {
						for (let i = 0; i < choices.length; i++) out.push(words.preferNotToSay);
					} else if (Array.isArray(a)) {
						for (const c of choices) out.push(a.includes(c) ? 1 : 0);
					} else {
						// A select_one in another version: its one choice counts as ticked.
						for (const c of choices) out.push(a === c ? 1 : 0);
					}
				}
			});
			continue;
		}
		const kind: ColumnKind = NUMERIC.has(question.type)
			? 'number'
			: question.type === 'date'
				? 'date'
				: 'text';
		const labelled = labels.size > 0 && question.type !== 'calculate';
		const numeric = kind === 'number' || question.type === 'calculate';
		columns.push({ header: label ? `${label} (${name})` : name, kind });
		writers.push({
			name,
			write: (a, out) => {
				if (a === undefined || (Array.isArray(a) && a.length === 0)) out.push(null);
				else if (declined(a)) out.push(words.preferNotToSay);
				// Rank answers are choice names in the person's order; a select_one that became a
				// list in a later version keeps its labels too.
				else if (Array.isArray(a)) out.push(a.map(choice).join('; '));
				else if (labelled) out.push(choice(a));
				else if (numeric) out.push(numberOrText(a));
				else out.push(a);
			}
		});
	}
	return {
		columns,
		write: (answers, out) => {
			for (const w of writers) w.write(answers[w.name], out);
		}
	};
}

export interface ResponsesExportOptions {
	/**
	 * Survey language of question and choice labels (a version without it uses its default);
	 * by default the interface language when the survey has it, else the survey's default.
	 */
	lang?: string;
	/**
	 * The person's interface language: the fixed columns' headers and the words in cells are in
	 * `lang` when it is an interface language, else in this one.
	 */
	uiLang: UiLanguage;
	/** Only responses to this version number, with only its questions. */
	version?: number | null;
	/** Rows per keyset page. */
	pageSize?: number;
}

export interface ResponsesExport {
	/** The survey language of the labels. */
	lang: string;
	/** The name of the .xlsx sheet, in the file's language. */
	sheetName: string;
	/** The header row's cells. */
	columns: { header: string; kind: ColumnKind }[];
	/** Responses the export holds when it starts (counted once, for the audit log). */
	total: number;
	/** A safe ASCII file name without extension. */
	fileBase: string;
	/** The rows, a keyset page at a time; the first cell of each is the row number. */
	pages(): AsyncGenerator<Cell[][]>;
}

export type PreparedExport =
	| { ok: true; export: ResponsesExport }
	/** notFound: no such version of this organisation's survey; language: not one of its languages. */
	| { ok: false; error: 'notFound' | 'language' };

/**
 * Everything needed to stream a survey's responses. Reads only the versions and a count until
 * `pages()` is iterated. The caller has checked that the survey is this organisation's; every
 * query is scoped by organisation all the same.
 */
export async function prepareResponsesExport(
	db: Db,
	orgId: string,
	surveyId: string,
	options: ResponsesExportOptions
): Promise<PreparedExport> {
	const all = await db
		.select({
			id: surveyVersions.id,
			number: surveyVersions.number,
			instrument: surveyVersions.instrument
		})
		.from(surveyVersions)
		.where(and(eq(surveyVersions.orgId, orgId), eq(surveyVersions.surveyId, surveyId)))
		.orderBy(desc(surveyVersions.number));
	const chosen = options.version ? all.find((v) => v.number === options.version) : undefined;
	if (options.version && !chosen) return { ok: false, error: 'notFound' };
	const versions = chosen ? [chosen] : all;
	const languages = new Set(versions.flatMap((v) => v.instrument.languages.map((l) => l.code)));
	if (options.lang && versions.length > 0 && !languages.has(options.lang))
		return { ok: false, error: 'language' };
	const lang =
		options.lang ??
		(versions[0] ? displayLanguage(versions[0].instrument, options.uiLang).code : options.uiLang);
	const primary = lang.split(/[-_]/)[0]!.toLowerCase();
	const inUi = isUiLanguage(primary);
	const t = translatorFor(inUi ? primary : options.uiLang);
	// Staff wording ("Prefers not to say") where the interface has the language, else the words
	// the respondent saw.
	const questionColumns = responseColumns(versions, lang, {
		preferNotToSay: inUi ? t('exports.preferNotToSay') : chromeFor(lang).preferNotToSay
	});
	const fixed: { header: string; kind: ColumnKind }[] = [
		{ header: t('exports.responses.row'), kind: 'number' },
		{ header: t('exports.responses.submittedOn'), kind: 'date' },
		{ header: t('exports.responses.channel'), kind: 'text' },
		{ header: t('exports.responses.language'), kind: 'text' },
		{ header: t('exports.responses.version'), kind: 'number' }
	];
	const scope = and(
		eq(responses.orgId, orgId),
		eq(responses.surveyId, surveyId),
		chosen ? eq(responses.versionId, chosen.id) : undefined
	);
	const [counted] = await db.select({ n: count() }).from(responses).where(scope);
	const numberOf = new Map(all.map((v) => [v.id, v.number]));
	const channel = { web: t('exports.channels.web'), sms: t('exports.channels.sms') };
	const pageSize = options.pageSize ?? EXPORT_PAGE_SIZE;
	const formId = all[0]?.instrument.formId ?? '';
	const fileBase = [
		formId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 60) || 'survey',
		'responses',
		chosen ? `v${chosen.number}` : null,
		lang.replace(/[^A-Za-z0-9-]/g, '_')
	]
		.filter(Boolean)
		.join('-');

	async function* pages(): AsyncGenerator<Cell[][]> {
		let after: { submittedOn: string; id: string } | null = null;
		let row = 0;
		for (;;) {
			const page: {
				id: string;
				versionId: string;
				channel: 'web' | 'sms';
				language: string;
				submittedOn: string;
				answers: Answers;
			}[] = await db
				.select({
					id: responses.id,
					versionId: responses.versionId,
					channel: responses.channel,
					language: responses.language,
					submittedOn: responses.submittedOn,
					answers: responses.answers
				})
				.from(responses)
				.where(
					and(
						scope,
						after
							? sql`(${responses.submittedOn}, ${responses.id}) > (${after.submittedOn}::date, ${after.id}::uuid)`
							: undefined
					)
				)
				.orderBy(asc(responses.submittedOn), asc(responses.id))
				.limit(pageSize);
			if (page.length === 0) return;
			const rows: Cell[][] = new Array(page.length);
			for (let i = 0; i < page.length; i++) {
				const r = page[i]!;
				const cells: Cell[] = [
					++row,
					r.submittedOn,
					channel[r.channel] ?? r.channel,
					r.language,
					numberOf.get(r.versionId) ?? null
				];
				questionColumns.write(r.answers, cells);
				rows[i] = cells;
			}
			yield rows;
			if (page.length < pageSize) return;
			const last = page[page.length - 1]!;
			after = { submittedOn: last.submittedOn, id: last.id };
		}
	}

	return {
		ok: true,
		export: {
			lang,
			sheetName: t('exports.responses.sheet'),
			columns: [...fixed, ...questionColumns.columns],
			total: counted?.n ?? 0,
			fileBase,
			pages
		}
	};
}

/** The export as CSV chunks: the byte order mark and header row, then one chunk per page. */
export async function* csvChunks(prepared: ResponsesExport): AsyncGenerator<string> {
	yield BOM + csvRow(prepared.columns.map((c) => c.header));
	for await (const page of prepared.pages()) yield page.map(csvRow).join('');
}

/**
 * A survey's responses as CSV, streamed in keyset pages (what the benchmark calls). Yields
 * nothing when the version or language is not one of this organisation's survey.
 */
export async function* responsesCsv(
	db: Db,
	orgId: string,
	surveyId: string,
	options: ResponsesExportOptions
): AsyncGenerator<string> {
	const prepared = await prepareResponsesExport(db, orgId, surveyId, options);
	if (prepared.ok) yield* csvChunks(prepared.export);
}
