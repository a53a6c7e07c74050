import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { SnapshotCell, SnapshotFigure } from '../../evaluations/model';
import { DEFAULT_LANGUAGE, isUiLanguage } from '../../i18n/languages';
import { languageName } from '../../survey/languages';
import { allQuestions, textIn, type Instrument } from '../../survey/model';
import type { Db } from '../db';
import { rows } from '../db/rows';
import {
	evaluationSurveys,
	evaluations,
	surveyVersions,
	surveys,
	themes,
	type Evaluation
} from '../db/schema';
import { translatorFor } from '../i18n';
import { suppressFigure, suppressOneWay } from '../indicators/suppression';

/**
 * Theme counts of an evaluation's coded open-text answers (issue 7, "Coding survivor
 * feedback"): how many people's answers speak of each theme, overall and by one breakdown, for
 * the team (every number) and for reports and donors (suppressed like indicators). Counts are
 * of people, not of answers: a response coded with a theme in two questions counts once.
 */

/** The breakdowns every response has, whatever the survey asks. */
export const BUILT_IN_DIMENSIONS = ['language', 'channel'] as const;

/** The cell of a response that did not answer the breakdown question (or preferred not to say). */
export const NOT_STATED = '';

export interface ThemeFigures {
	/** null, 'language', 'channel' or a single-select question name. */
	dimension: string | null;
	/** In `lang`. */
	dimensionLabel: string | null;
	/** Cell key → label in `lang` (languages by their own name, channels web/SMS, choice labels). */
	cellLabels: Record<string, string>;
	/** Answers read and coded in this evaluation (people: one response = one). */
	coded: number;
	themes: { id: string; name: string; count: number; cells: Record<string, number> }[];
}

export interface ThemeDimension {
	key: string;
	label: string;
	/** Cell key → label, in the order a table shows them. */
	cells: Record<string, string>;
}

/** What an evaluation draws on: its row, its own surveys, and their published instruments. */
export interface EvaluationSources {
	evaluation: Evaluation;
	surveyIds: string[];
	/** Every published version of those surveys, newest first within each survey. */
	instruments: Instrument[];
}

/** The evaluation (scoped by organisation) with the surveys and versions it reads. */
export async function evaluationSources(
	db: Db,
	orgId: string,
	evaluationId: string
): Promise<EvaluationSources | undefined> {
	const [evaluation] = await db
		.select()
		.from(evaluations)
		.where(and(eq(evaluations.id, evaluationId), eq(evaluations.orgId, orgId)));
	if (!evaluation) return undefined;
	// Joined to surveys so a link to another organisation's survey (which createEvaluation never
	// writes, but a bug could) reads nothing.
	const linked = await db
		.select({ id: evaluationSurveys.surveyId })
		.from(evaluationSurveys)
		.innerJoin(surveys, eq(surveys.id, evaluationSurveys.surveyId))
		.where(and(eq(evaluationSurveys.evaluationId, evaluationId), eq(surveys.orgId, orgId)))
		.orderBy(asc(surveys.createdAt), asc(surveys.id));
	const surveyIds = linked.map((l) => l.id);
	const versions = surveyIds.length
		? await db
				.select({ instrument: surveyVersions.instrument })
				.from(surveyVersions)
				.where(and(eq(surveyVersions.orgId, orgId), inArray(surveyVersions.surveyId, surveyIds)))
				.orderBy(asc(surveyVersions.surveyId), desc(surveyVersions.number))
		: [];
	return { evaluation, surveyIds, instruments: versions.map((v) => v.instrument) };
}

/**
 * The SQL condition a response must meet to count in the evaluation: the organisation's, to one
 * of the evaluation's surveys, submitted within its dates (and, for a release, no later than the
 * last day released). `r` is the responses alias.
 */
export function responseInScope(sources: EvaluationSources, orgId: string, through?: string): SQL {
	const { evaluation, surveyIds } = sources;
	const last = through && through < evaluation.endsOn ? through : evaluation.endsOn;
	return sql`r.org_id = ${orgId}
		and r.survey_id = any(array(select jsonb_array_elements_text(${JSON.stringify(surveyIds)}::jsonb)::uuid))
		and r.submitted_on between ${evaluation.startsOn}::date and ${last}::date`;
}

const translate = (lang: string) => translatorFor(isUiLanguage(lang) ? lang : DEFAULT_LANGUAGE);

/**
 * The breakdowns theme counts can be shown by, labelled in `lang`: language, channel, and every
 * single-select question of the evaluation's surveys (by name, across published versions; the
 * newest version's wording wins, choices only older versions had come after).
 */
export function dimensionsOf(instruments: readonly Instrument[], lang: string): ThemeDimension[] {
	const t = translate(lang);
	const languages: Record<string, string> = {};
	for (const instrument of instruments)
		for (const l of instrument.languages) languages[l.code] ??= l.name || languageName(l.code);
	const out: ThemeDimension[] = [
		{ key: 'language', label: t('coding.counts.language'), cells: languages },
		{
			key: 'channel',
			label: t('coding.counts.channel'),
			cells: { web: t('responses.channels.web'), sms: t('responses.channels.sms') }
		}
	];
	const questions = new Map<string, ThemeDimension>();
	for (const instrument of instruments)
		for (const q of allQuestions(instrument)) {
			if (q.type !== 'select_one') continue;
			let dimension = questions.get(q.name);
			if (!dimension) {
				dimension = {
					key: q.name,
					label: textIn(q.label, lang, instrument.defaultLanguage) || q.name,
					cells: {}
				};
				questions.set(q.name, dimension);
			}
			const list = instrument.choiceLists.find((l) => l.name === q.listName);
			for (const c of list?.choices ?? [])
				dimension.cells[c.name] ??= textIn(c.label, lang, instrument.defaultLanguage) || c.name;
		}
	return [...out, ...questions.values()];
}

function cellExpression(dimension: string | null): SQL {
	if (dimension === null) return sql`''`;
	if (dimension === 'language') return sql`r.language`;
	if (dimension === 'channel') return sql`r.channel::text`;
	// heard_cell (migration 0009) maps no answer, "prefer not to say" and non-strings to ''.
	return sql`heard_cell(r.answers ->> ${dimension}, coalesce(jsonb_typeof(r.answers -> ${dimension}), 'null'))`;
}

/**
 * Cells in the order a table shows them: the dimension's known cells first (choice-list or
 * survey-language order), then values only responses have, then "not stated". Every known cell,
 * a choice nobody gave included: a missing column would say "nobody" as plainly as a 0.
 */
export function orderCells(known: Record<string, string>, seen: Iterable<string>): string[] {
	const present = new Set(seen);
	const first = Object.keys(known);
	const rest = [...present]
		.filter((key) => !(key in known) && key !== NOT_STATED)
		.sort((a, b) => a.localeCompare(b));
	return [...first, ...rest, ...(present.has(NOT_STATED) ? [NOT_STATED] : [])];
}

/**
 * Theme counts of one evaluation for the team: every number, by `dimension` when it is one the
 * evaluation's surveys have (otherwise no breakdown). Counted in SQL, scoped by organisation,
 * the evaluation's surveys and dates; distinct responses throughout.
 */
export async function themeFigures(
	db: Db,
	orgId: string,
	evaluationId: string,
	options: { dimension: string | null; lang: string; themeIds?: string[]; through?: string }
): Promise<ThemeFigures> {
	const empty: ThemeFigures = {
		dimension: null,
		dimensionLabel: null,
		cellLabels: {},
		coded: 0,
		themes: []
	};
	const sources = await evaluationSources(db, orgId, evaluationId);
	if (!sources) return empty;
	const t = translate(options.lang);
	const chosen = dimensionsOf(sources.instruments, options.lang).find(
		(d) => d.key === options.dimension
	);
	const dimension = chosen?.key ?? null;

	const codebook = await db
		.select({ id: themes.id, name: themes.name })
		.from(themes)
		.where(
			and(
				eq(themes.orgId, orgId),
				eq(themes.evaluationId, evaluationId),
				options.themeIds ? inArray(themes.id, options.themeIds) : undefined
			)
		)
		.orderBy(asc(themes.position), asc(themes.name));
	if (options.themeIds?.length === 0) codebook.length = 0;
	if (sources.surveyIds.length === 0)
		return {
			...empty,
			dimension,
			dimensionLabel: chosen?.label ?? null,
			themes: codebook.map((th) => ({ ...th, count: 0, cells: {} }))
		};

	const cell = cellExpression(dimension);
	const scope = responseInScope(sources, orgId, options.through);
	// One row per coded response (a response coded in several questions has several coded
	// answers): its cell and the union of its themes.
	const perResponse = sql`
		select r.id, ${cell} as cell, coalesce(jsonb_agg(distinct t.id) filter (where t.id is not null), '[]'::jsonb) as theme_ids
		from coded_answers ca
		join responses r on r.id = ca.response_id
		left join lateral jsonb_array_elements_text(ca.theme_ids) as t(id) on true
		where ca.evaluation_id = ${evaluationId} and ${scope}
		group by r.id, cell`;
	const counted = await rows<{ theme_id: string | null; cell: string; n: number }>(
		db.execute(sql`
			with p as (${perResponse})
			select null::text as theme_id, p.cell, count(*)::int as n from p group by p.cell
			union all
			select th.id::text as theme_id, p.cell, count(*)::int as n
			from p cross join lateral jsonb_array_elements_text(p.theme_ids) as x(id)
			join themes th on th.id::text = x.id and th.evaluation_id = ${evaluationId} and th.org_id = ${orgId}
			group by th.id, p.cell`)
	);

	const keys = orderCells(
		chosen?.cells ?? {},
		counted.filter((c) => c.theme_id === null).map((c) => c.cell)
	);
	const cellLabels: Record<string, string> = {};
	if (dimension !== null)
		for (const key of keys)
			cellLabels[key] =
				key === NOT_STATED
					? t('coding.counts.notStated')
					: (chosen?.cells[key] ?? (dimension === 'language' ? languageName(key) : key));
	const byTheme = new Map<string, Map<string, number>>();
	let coded = 0;
	for (const c of counted) {
		if (c.theme_id === null) coded += c.n;
		else {
			const cells = byTheme.get(c.theme_id) ?? new Map<string, number>();
			cells.set(c.cell, c.n);
			byTheme.set(c.theme_id, cells);
		}
	}
	return {
		dimension,
		dimensionLabel: chosen?.label ?? null,
		cellLabels,
		coded,
		themes: codebook.map((th) => {
			const found = byTheme.get(th.id) ?? new Map<string, number>();
			const count = [...found.values()].reduce((a, b) => a + b, 0);
			return {
				id: th.id,
				name: th.name,
				count,
				cells: dimension === null ? {} : Object.fromEntries(keys.map((k) => [k, found.get(k) ?? 0]))
			};
		})
	};
}

/** A count as a reader may see it: value and n are the count itself. */
function countFigure(n: number, k: number): SnapshotFigure {
	const figure = suppressFigure({ value: n, n, excluded: 0 }, k, 'donor');
	return figure.shown ? { shown: true, value: n, n } : { shown: false };
}

/**
 * Donor/report view: counts under k suppressed (primary), plus complementary suppression
 * within each theme's cells so no hidden cell is recoverable from the theme total minus the
 * shown cells; `coded` suppressed under k too. Hidden figures carry no number at all.
 */
export function suppressThemeFigures(
	f: ThemeFigures,
	k: number
): {
	dimension: string | null;
	dimensionLabel: string | null;
	coded: SnapshotFigure;
	themes: { id: string; name: string; figure: SnapshotFigure; cells: SnapshotCell[] }[];
} {
	const keys = Object.keys(f.cellLabels);
	return {
		dimension: f.dimension,
		dimensionLabel: f.dimensionLabel,
		coded: countFigure(f.coded, k),
		themes: f.themes.map((theme) => {
			if (f.dimension === null || keys.length === 0)
				return { id: theme.id, name: theme.name, figure: countFigure(theme.count, k), cells: [] };
			// Every counted response is in exactly one cell ("not stated" included), so the cells
			// add up to the theme's count, which is what suppressOneWay's total assumes.
			const published = suppressOneWay(
				keys.map((key) => ({ key, n: theme.cells[key] ?? 0 })),
				k
			);
			const total = published.total;
			return {
				id: theme.id,
				name: theme.name,
				figure: total.shown ? { shown: true, value: total.n, n: total.n } : { shown: false },
				cells: published.cells.map((c): SnapshotCell => ({
					key: c.key,
					label: f.cellLabels[c.key] ?? c.key,
					figure: c.shown ? { shown: true, value: c.n, n: c.n } : { shown: false }
				}))
			};
		})
	};
}

/** The breakdowns offered for an evaluation's theme counts (see dimensionsOf). */
export async function themeDimensions(
	db: Db,
	orgId: string,
	evaluationId: string,
	lang: string
): Promise<{ key: string; label: string }[]> {
	const sources = await evaluationSources(db, orgId, evaluationId);
	if (!sources) return [];
	return dimensionsOf(sources.instruments, lang).map(({ key, label }) => ({ key, label }));
}

export interface FlaggedCount {
	n: number;
	/** Why donors would not see it; null when they would. */
	flag: 'small' | 'complementary' | null;
}

/** The team's view: every number, each one donors would not see flagged and why (never dropped). */
export function flagThemeFigures(
	f: ThemeFigures,
	k: number
): {
	coded: FlaggedCount;
	themes: { id: string; name: string; count: FlaggedCount; cells: FlaggedCount[] }[];
} {
	const keys = Object.keys(f.cellLabels);
	const flagOf = (n: number): FlaggedCount => ({ n, flag: n < k ? 'small' : null });
	return {
		coded: flagOf(f.coded),
		themes: f.themes.map((theme) => {
			if (f.dimension === null || keys.length === 0)
				return { id: theme.id, name: theme.name, count: flagOf(theme.count), cells: [] };
			const team = suppressOneWay(
				keys.map((key) => ({ key, n: theme.cells[key] ?? 0 })),
				k,
				{ audience: 'team' }
			);
			return {
				id: theme.id,
				name: theme.name,
				count: { n: team.total.n, flag: team.total.flagged ? 'small' : null },
				cells: team.cells.map((c) => ({ n: c.n, flag: c.flagged ? c.reason : null }))
			};
		})
	};
}
