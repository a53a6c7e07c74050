import type { Viewer } from '../auth/viewer';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { PREFER_NOT_TO_SAY } from '../../survey/chrome';
import { languageDirection } from '../../survey/languages';
import { allQuestions, textIn, type Instrument } from '../../survey/model';
import type { AuditChange } from '../audit/actions';
import { record } from '../audit/service';
import type { Db, Tx } from '../db';
import { rows } from '../db/rows';
import { codedAnswers, findings, themes } from '../db/schema';
import type { Actor } from '../orgs/service';
import {
	dimensionsOf,
	evaluationSources,
	flagThemeFigures,
	responseInScope,
	themeFigures,
	type EvaluationSources
} from './theme-counts';

/**
 * Coding survivor feedback (issue 7): the open-text questions an evaluation reads, the queue of
 * answers to code, coding one answer with themes of the codebook, and the codebook itself.
 *
 * Every function is scoped by organisation and evaluation: an id from elsewhere finds nothing.
 * Who may call which is the routes' business (feedback.code). Answer text is read here for the
 * team's coding workspace only; it is never written to the audit log or anywhere else.
 */

export const QUEUE_PAGE_SIZE = 25;
export const MAX_THEMES = 200;

export interface OpenTextQuestion {
	name: string;
	label: string;
}

/**
 * Open-text questions of any published version of the evaluation's surveys, by name (so one
 * question asked across versions is one), labelled in `lang` from the newest version asking it.
 */
export function openTextQuestions(
	instruments: readonly Instrument[],
	lang: string
): OpenTextQuestion[] {
	const found = new Map<string, OpenTextQuestion>();
	for (const instrument of instruments)
		for (const q of allQuestions(instrument))
			if (q.type === 'text' && !found.has(q.name))
				found.set(q.name, {
					name: q.name,
					label: textIn(q.label, lang, instrument.defaultLanguage) || q.name
				});
	return [...found.values()];
}

export interface ThemeSummary {
	id: string;
	name: string;
	description: string;
	position: number;
}

/** The evaluation's codebook in its order. */
export async function listThemes(
	db: Db | Tx,
	orgId: string,
	evaluationId: string
): Promise<ThemeSummary[]> {
	return db
		.select({
			id: themes.id,
			name: themes.name,
			description: themes.description,
			position: themes.position
		})
		.from(themes)
		.where(and(eq(themes.orgId, orgId), eq(themes.evaluationId, evaluationId)))
		.orderBy(asc(themes.position), asc(themes.name), asc(themes.id));
}

// ---------------------------------------------------------------------------------------------
// The queue

/** An answer to code: non-empty text given to the question in a response the evaluation reads. */
function answered(question: string) {
	return sql`jsonb_typeof(r.answers -> ${question}) = 'string'
		and btrim(r.answers ->> ${question}) <> ''
		and r.answers ->> ${question} <> ${PREFER_NOT_TO_SAY}`;
}

export interface QueueItem {
	responseId: string;
	submittedOn: string;
	language: string;
	channel: 'web' | 'sms';
	coded: boolean;
	/** Codebook themes the answer carries (ids of deleted themes already removed). */
	themeIds: string[];
}

export interface CurrentAnswer extends QueueItem {
	text: string;
	/** The response's language's direction, for the text's own `dir` (Arabic reads rtl). */
	dir: 'ltr' | 'rtl';
}

export interface Progress {
	coded: number;
	total: number;
}

interface QueueRow {
	id: string;
	submitted_on: string;
	language: string;
	channel: 'web' | 'sms';
	coded: boolean;
	theme_ids: string[] | null;
}

function item(row: QueueRow): QueueItem {
	return {
		responseId: row.id,
		submittedOn: String(row.submitted_on).slice(0, 10),
		language: row.language,
		channel: row.channel,
		coded: row.coded,
		themeIds: row.theme_ids ?? []
	};
}

const queueFrom = (sources: EvaluationSources, orgId: string, question: string) => sql`
	from responses r
	left join coded_answers ca
		on ca.evaluation_id = ${sources.evaluation.id} and ca.response_id = r.id and ca.question = ${question}
	where ${responseInScope(sources, orgId)} and ${answered(question)}`;

const queueColumns = sql`r.id, r.submitted_on::text as submitted_on, r.language, r.channel::text as channel,
	ca.response_id is not null as coded, ca.theme_ids`;

async function progressOf(
	db: Db,
	sources: EvaluationSources,
	orgId: string,
	question: string
): Promise<Progress> {
	if (sources.surveyIds.length === 0) return { coded: 0, total: 0 };
	const [row] = await rows<{ coded: number; total: number }>(
		db.execute(sql`select count(ca.response_id)::int as coded, count(*)::int as total
			${queueFrom(sources, orgId, question)}`)
	);
	return { coded: row?.coded ?? 0, total: row?.total ?? 0 };
}

/** Keep only theme ids still in the codebook (a deleted theme's id is gone from answers anyway). */
function liveThemes(ids: readonly string[], codebook: ReadonlySet<string>): string[] {
	return ids.filter((id) => codebook.has(id));
}

export interface Workspace {
	questions: OpenTextQuestion[];
	/** The question being coded (null when the evaluation's surveys have no open-text question). */
	question: OpenTextQuestion | null;
	progress: Progress;
	current: CurrentAnswer | null;
	/** The answer before the current one, in the queue's stable order (coded or not). */
	previousId: string | null;
	/** The next answer still to code after the current one (wrapping round), else the next one. */
	nextId: string | null;
}

/**
 * Everything the coding workspace shows for one question: progress, the answer asked for (or,
 * when none or an unknown one is asked for, the first one still to code, else the first), and
 * where Previous and Save-and-next lead. The stable order is by day submitted, then id.
 */
export async function codingWorkspace(
	db: Db,
	orgId: string,
	evaluationId: string,
	options: { question: string | null; answer: string | null; lang: string }
): Promise<Workspace | undefined> {
	const sources = await evaluationSources(db, orgId, evaluationId);
	if (!sources) return undefined;
	const questions = openTextQuestions(sources.instruments, options.lang);
	const question = questions.find((q) => q.name === options.question) ?? questions[0] ?? null;
	const none: Workspace = {
		questions,
		question,
		progress: { coded: 0, total: 0 },
		current: null,
		previousId: null,
		nextId: null
	};
	if (!question || sources.surveyIds.length === 0) return none;
	const from = queueFrom(sources, orgId, question.name);
	const codebook = new Set((await listThemes(db, orgId, evaluationId)).map((t) => t.id));
	const progress = await progressOf(db, sources, orgId, question.name);

	const isUuid = options.answer !== null && UUID.test(options.answer);
	let [current] = isUuid
		? await rows<QueueRow & { text: string }>(
				db.execute(sql`select ${queueColumns}, r.answers ->> ${question.name} as text ${from}
					and r.id = ${options.answer}::uuid`)
			)
		: [];
	if (!current)
		[current] = await rows<QueueRow & { text: string }>(
			db.execute(sql`select ${queueColumns}, r.answers ->> ${question.name} as text ${from}
				order by (ca.response_id is not null), r.submitted_on, r.id limit 1`)
		);
	if (!current) return { ...none, progress };

	const at = sql`(r.submitted_on, r.id) < (${current.submitted_on}::date, ${current.id}::uuid)`;
	const after = sql`(r.submitted_on, r.id) > (${current.submitted_on}::date, ${current.id}::uuid)`;
	const [previous] = await rows<{ id: string }>(
		db.execute(sql`select r.id ${from} and ${at} order by r.submitted_on desc, r.id desc limit 1`)
	);
	const [next] = await rows<{ id: string }>(
		db.execute(sql`select r.id ${from} and r.id <> ${current.id}::uuid
			order by (ca.response_id is not null), (${after}) desc, r.submitted_on, r.id limit 1`)
	);
	// When everything is coded the query above still returns the next answer in order (after
	// the current one first), so reviewing walks on instead of stopping.
	const { text, ...rest } = current;
	const base = item(rest);
	return {
		questions,
		question,
		progress,
		current: {
			...base,
			themeIds: liveThemes(base.themeIds, codebook),
			text,
			dir: languageDirection(base.language)
		},
		previousId: previous?.id ?? null,
		nextId: next?.id ?? null
	};
}

/** One page of the queue (still to code first, then coded; stable order within each). */
export async function answerQueue(
	db: Db,
	orgId: string,
	evaluationId: string,
	question: string,
	page: number
): Promise<{ items: QueueItem[]; page: number; pages: number; total: number; size: number }> {
	const sources = await evaluationSources(db, orgId, evaluationId);
	if (!sources || sources.surveyIds.length === 0)
		return { items: [], page: 1, pages: 1, total: 0, size: QUEUE_PAGE_SIZE };
	const { total } = await progressOf(db, sources, orgId, question);
	const pages = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
	const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
	const found = await rows<QueueRow>(
		db.execute(sql`select ${queueColumns} ${queueFrom(sources, orgId, question)}
			order by (ca.response_id is not null), r.submitted_on, r.id
			limit ${QUEUE_PAGE_SIZE} offset ${(current - 1) * QUEUE_PAGE_SIZE}`)
	);
	return { items: found.map(item), page: current, pages, total, size: QUEUE_PAGE_SIZE };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type CodeResult =
	{ ok: true } | { ok: false; error: 'notFound' | 'question' | 'answer' | 'theme' };

/**
 * Codes one answer with themes of this evaluation's codebook (none is allowed: "read, nothing
 * to code"), replacing its earlier coding. Refused for an evaluation, response or question the
 * evaluation does not read, and for any theme id not in its codebook.
 *
 * Not audit-logged per answer: coding is routine analysis, hundreds of events a session would
 * bury the changes that matter (codebook, findings, publication), and an event per response
 * would make the log a map of which answers were read when. The codebook changes that alter
 * counts are logged.
 */
export async function codeAnswer(
	db: Db,
	actor: Actor,
	orgId: string,
	evaluationId: string,
	responseId: string,
	question: string,
	themeIds: readonly string[]
): Promise<CodeResult> {
	const sources = await evaluationSources(db, orgId, evaluationId);
	if (!sources) return { ok: false, error: 'notFound' };
	if (!openTextQuestions(sources.instruments, 'en').some((q) => q.name === question))
		return { ok: false, error: 'question' };
	if (!UUID.test(responseId) || sources.surveyIds.length === 0)
		return { ok: false, error: 'answer' };
	const wanted = [...new Set(themeIds)];
	return db.transaction(async (tx) => {
		const [found] = await rows<{ id: string }>(
			tx.execute(sql`select r.id from responses r
				where r.id = ${responseId}::uuid and ${responseInScope(sources, orgId)} and ${answered(question)}`)
		);
		if (!found) return { ok: false, error: 'answer' } as const;
		if (wanted.length) {
			if (!wanted.every((id) => UUID.test(id))) return { ok: false, error: 'theme' } as const;
			const own = await tx
				.select({ id: themes.id })
				.from(themes)
				.where(
					and(
						eq(themes.orgId, orgId),
						eq(themes.evaluationId, evaluationId),
						inArray(themes.id, wanted)
					)
				);
			if (own.length !== wanted.length) return { ok: false, error: 'theme' } as const;
		}
		await tx
			.insert(codedAnswers)
			.values({ evaluationId, responseId, question, themeIds: wanted, codedBy: actor.id })
			.onConflictDoUpdate({
				target: [codedAnswers.evaluationId, codedAnswers.responseId, codedAnswers.question],
				set: { themeIds: wanted, codedBy: actor.id, codedAt: sql`now()` }
			});
		return { ok: true } as const;
	});
}

// ---------------------------------------------------------------------------------------------
// The codebook

export type ThemeResult =
	{ ok: true; id: string } | { ok: false; error: 'notFound' | 'nameTaken' | 'tooMany' | 'same' };

/** A unique-index violation (23505), whichever driver raised it and however drizzle wrapped it. */
function isUniqueViolation(error: unknown): boolean {
	for (let e = error as { code?: unknown; cause?: unknown } | undefined; e;) {
		if (e.code === '23505') return true;
		e = e.cause as typeof e;
	}
	return false;
}

async function evaluationExists(tx: Db | Tx, orgId: string, evaluationId: string) {
	const [found] = await rows<{ id: string }>(
		tx.execute(
			sql`select id from evaluations where id = ${evaluationId} and org_id = ${orgId} for update`
		)
	);
	return Boolean(found);
}

async function nameTaken(
	tx: Tx,
	orgId: string,
	evaluationId: string,
	name: string,
	except?: string
): Promise<boolean> {
	const [clash] = await tx
		.select({ id: themes.id })
		.from(themes)
		.where(
			and(
				eq(themes.orgId, orgId),
				eq(themes.evaluationId, evaluationId),
				sql`lower(${themes.name}) = lower(${name})`,
				except ? sql`${themes.id} <> ${except}` : undefined
			)
		);
	return Boolean(clash);
}

async function codebookChanged(
	tx: Tx,
	actor: Actor,
	orgId: string,
	evaluationId: string,
	details: { change: AuditChange; [key: string]: string | number }
) {
	await record(tx, { orgId, action: 'codebook.changed', actor, target: evaluationId, details });
}

/** Runs a codebook change, turning a unique-name race lost to another analyst into nameTaken. */
async function guarded(run: () => Promise<ThemeResult>): Promise<ThemeResult> {
	try {
		return await run();
	} catch (error) {
		if (isUniqueViolation(error)) return { ok: false, error: 'nameTaken' };
		throw error;
	}
}

export async function createTheme(
	db: Db,
	actor: Actor,
	orgId: string,
	evaluationId: string,
	input: { name: string; description: string }
): Promise<ThemeResult> {
	return guarded(() =>
		db.transaction(async (tx) => {
			// The row lock on the evaluation serialises codebook changes, so positions stay distinct.
			if (!(await evaluationExists(tx, orgId, evaluationId)))
				return { ok: false, error: 'notFound' } as const;
			if (await nameTaken(tx, orgId, evaluationId, input.name))
				return { ok: false, error: 'nameTaken' } as const;
			const [stats] = await rows<{ n: number; last: number | null }>(
				tx.execute(sql`select count(*)::int as n, max(position) as last from themes
					where evaluation_id = ${evaluationId} and org_id = ${orgId}`)
			);
			if ((stats?.n ?? 0) >= MAX_THEMES) return { ok: false, error: 'tooMany' } as const;
			const [theme] = await tx
				.insert(themes)
				.values({
					orgId,
					evaluationId,
					name: input.name,
					description: input.description,
					position: (stats?.last ?? -1) + 1
				})
				.returning({ id: themes.id });
			await codebookChanged(tx, actor, orgId, evaluationId, {
				change: 'created',
				name: input.name
			});
			return { ok: true, id: theme!.id } as const;
		})
	);
}

/** Renames a theme and rewrites its description; coded answers keep it (they hold its id). */
export async function renameTheme(
	db: Db,
	actor: Actor,
	orgId: string,
	evaluationId: string,
	themeId: string,
	input: { name: string; description: string }
): Promise<ThemeResult> {
	return guarded(() =>
		db.transaction(async (tx) => {
			if (!(await evaluationExists(tx, orgId, evaluationId)))
				return { ok: false, error: 'notFound' } as const;
			const theme = await themeIn(tx, orgId, evaluationId, themeId);
			if (!theme) return { ok: false, error: 'notFound' } as const;
			if (await nameTaken(tx, orgId, evaluationId, input.name, themeId))
				return { ok: false, error: 'nameTaken' } as const;
			await tx
				.update(themes)
				.set({ name: input.name, description: input.description })
				.where(eq(themes.id, themeId));
			await codebookChanged(tx, actor, orgId, evaluationId, {
				change: theme.name === input.name ? 'described' : 'renamed',
				from: theme.name,
				to: input.name
			});
			return { ok: true, id: themeId } as const;
		})
	);
}

async function themeIn(tx: Tx, orgId: string, evaluationId: string, themeId: string) {
	if (!UUID.test(themeId)) return undefined;
	const [theme] = await tx
		.select({ id: themes.id, name: themes.name })
		.from(themes)
		.where(
			and(eq(themes.id, themeId), eq(themes.orgId, orgId), eq(themes.evaluationId, evaluationId))
		);
	return theme;
}

/**
 * Merges `fromId` into `intoId` in one transaction: every answer coded with `from` carries
 * `into` once and `from` no longer, findings citing `from`'s counts cite `into`'s, and `from`
 * is deleted.
 */
export async function mergeThemes(
	db: Db,
	actor: Actor,
	orgId: string,
	evaluationId: string,
	fromId: string,
	intoId: string
): Promise<ThemeResult> {
	if (fromId === intoId) return { ok: false, error: 'same' };
	return db.transaction(async (tx) => {
		if (!(await evaluationExists(tx, orgId, evaluationId)))
			return { ok: false, error: 'notFound' } as const;
		const from = await themeIn(tx, orgId, evaluationId, fromId);
		const into = await themeIn(tx, orgId, evaluationId, intoId);
		if (!from || !into) return { ok: false, error: 'notFound' } as const;
		await tx.execute(sql`update coded_answers
			set theme_ids = (theme_ids - ${fromId}::text)
				|| case when theme_ids ? ${intoId}::text then '[]'::jsonb else jsonb_build_array(${intoId}::text) end
			where evaluation_id = ${evaluationId} and theme_ids ? ${fromId}::text`);
		// Evidence is data of the findings; pointing it at the surviving theme keeps a finding's
		// theme counts from vanishing with a merge (a deleted theme is simply no longer counted).
		await tx.execute(sql`update findings
			set evidence = (
				select coalesce(jsonb_agg(
					case when e ->> 'kind' = 'theme' and e ->> 'themeId' = ${fromId}
						then jsonb_set(e, '{themeId}', to_jsonb(${intoId}::text)) else e end
					order by i), '[]'::jsonb)
				from jsonb_array_elements(evidence) with ordinality as x(e, i))
			where ${findings.evaluationId} = ${evaluationId} and ${findings.orgId} = ${orgId}
				and evidence @> jsonb_build_array(jsonb_build_object('kind', 'theme', 'themeId', ${fromId}::text))`);
		await tx.delete(themes).where(eq(themes.id, fromId));
		await codebookChanged(tx, actor, orgId, evaluationId, {
			change: 'merged',
			from: from.name,
			to: into.name
		});
		return { ok: true, id: intoId } as const;
	});
}

/** Deletes a theme and takes it off every answer coded with it (the answers stay coded). */
export async function deleteTheme(
	db: Db,
	actor: Actor,
	orgId: string,
	evaluationId: string,
	themeId: string
): Promise<ThemeResult> {
	return db.transaction(async (tx) => {
		if (!(await evaluationExists(tx, orgId, evaluationId)))
			return { ok: false, error: 'notFound' } as const;
		const theme = await themeIn(tx, orgId, evaluationId, themeId);
		if (!theme) return { ok: false, error: 'notFound' } as const;
		await tx.execute(sql`update coded_answers set theme_ids = theme_ids - ${themeId}::text
			where evaluation_id = ${evaluationId} and theme_ids ? ${themeId}::text`);
		await tx.delete(themes).where(eq(themes.id, themeId));
		await codebookChanged(tx, actor, orgId, evaluationId, { change: 'deleted', name: theme.name });
		return { ok: true, id: themeId } as const;
	});
}

/** Moves a theme one place up or down the codebook (number shortcuts follow this order). */
export async function moveTheme(
	db: Db,
	actor: Actor,
	orgId: string,
	evaluationId: string,
	themeId: string,
	direction: 'up' | 'down'
): Promise<ThemeResult> {
	return db.transaction(async (tx) => {
		if (!(await evaluationExists(tx, orgId, evaluationId)))
			return { ok: false, error: 'notFound' } as const;
		const list = await listThemes(tx, orgId, evaluationId);
		const at = list.findIndex((t) => t.id === themeId);
		if (at < 0) return { ok: false, error: 'notFound' } as const;
		const to = direction === 'up' ? at - 1 : at + 1;
		if (to < 0 || to >= list.length) return { ok: true, id: themeId } as const;
		const order = list.map((t) => t.id);
		[order[at], order[to]] = [order[to]!, order[at]!];
		await writeOrder(tx, order);
		await codebookChanged(tx, actor, orgId, evaluationId, {
			change: 'reordered',
			name: list[at]!.name
		});
		return { ok: true, id: themeId } as const;
	});
}

/** Sets the whole codebook's order; `ids` must be exactly the evaluation's themes. */
export async function reorderThemes(
	db: Db,
	actor: Actor,
	orgId: string,
	evaluationId: string,
	ids: readonly string[]
): Promise<ThemeResult> {
	return db.transaction(async (tx) => {
		if (!(await evaluationExists(tx, orgId, evaluationId)))
			return { ok: false, error: 'notFound' } as const;
		const list = await listThemes(tx, orgId, evaluationId);
		const own = new Set(list.map((t) => t.id));
		if (
			ids.length !== own.size ||
			new Set(ids).size !== ids.length ||
			!ids.every((id) => own.has(id))
		)
			return { ok: false, error: 'notFound' } as const;
		await writeOrder(tx, ids);
		await codebookChanged(tx, actor, orgId, evaluationId, {
			change: 'reordered',
			count: ids.length
		});
		return { ok: true, id: ids[0] ?? '' } as const;
	});
}

async function writeOrder(tx: Tx, ids: readonly string[]) {
	for (const [position, id] of ids.entries())
		await tx.update(themes).set({ position }).where(eq(themes.id, id));
}

/**
 * Everything the coding page shows, in one call for a thin route: the workspace, the codebook
 * with each theme's count, a page of the queue, and the theme counts by the chosen breakdown
 * (the team's view: every number, small cells flagged against k).
 */
export async function codingPage(
	db: Db,
	viewer: Pick<Viewer, 'org' | 'k'>,
	evaluationId: string,
	options: {
		question: string | null;
		answer: string | null;
		dimension: string | null;
		page: number;
		lang: string;
	}
) {
	const orgId = viewer.org.id;
	const workspace = await codingWorkspace(db, orgId, evaluationId, options);
	if (!workspace) return undefined;
	const sources = (await evaluationSources(db, orgId, evaluationId))!;
	const dimensions = dimensionsOf(sources.instruments, options.lang).map(({ key, label }) => ({
		key,
		label
	}));
	const [codebook, overall, byDimension, queue] = await Promise.all([
		listThemes(db, orgId, evaluationId),
		themeFigures(db, orgId, evaluationId, { dimension: null, lang: options.lang }),
		options.dimension
			? themeFigures(db, orgId, evaluationId, { dimension: options.dimension, lang: options.lang })
			: null,
		workspace.question
			? answerQueue(db, orgId, evaluationId, workspace.question.name, options.page)
			: null
	]);
	const counts = new Map(overall.themes.map((t) => [t.id, t.count]));
	const breakdown = byDimension ?? overall;
	const flagged = flagThemeFigures(breakdown, viewer.k);
	return {
		workspace,
		themes: codebook.map((t) => ({ ...t, count: counts.get(t.id) ?? 0 })),
		queue,
		dimensions,
		counts: {
			dimension: breakdown.dimension,
			dimensionLabel: breakdown.dimensionLabel,
			cells: Object.entries(breakdown.cellLabels).map(([key, label]) => ({ key, label })),
			coded: flagged.coded,
			themes: flagged.themes
		}
	};
}

/** Where Save and next leads after coding `responseId`: the next answer still to code. */
export async function nextAfter(
	db: Db,
	orgId: string,
	evaluationId: string,
	question: string,
	responseId: string
): Promise<string | null> {
	const w = await codingWorkspace(db, orgId, evaluationId, {
		question,
		answer: responseId,
		lang: 'en'
	});
	return w?.nextId ?? null;
}
