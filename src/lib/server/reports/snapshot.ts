import { and, asc, eq } from 'drizzle-orm';
import { periodLabel } from '../../components/dashboard/format';
import {
	DAC_CRITERIA,
	type EvidenceRef,
	type ReportSnapshot,
	type SnapshotEvidence,
	type SnapshotFigure,
	type SnapshotFinding,
	type SnapshotIndicatorRow
} from '../../evaluations/model';
import { formatLanguage } from '../../format';
import type { UiLanguage } from '../../i18n/languages';
import { logframeTree, treeOrder } from '../../programmes/checks';
import type { Level, LevelLabels, Period } from '../../programmes/model';
import type { Viewer } from '../auth/viewer';
import type { Db } from '../db';
import {
	evaluationQuestions,
	evaluationSurveys,
	evaluations,
	findings,
	programmes,
	recommendations,
	reports,
	surveys
} from '../db/schema';
import { donorResults, type ForDonor } from '../disclosure/donor';
import { evaluationResponses, programmeRelease, releaseDecide } from '../disclosure/release';
import { cellId, type ReleaseEvaluation } from '../disclosure/release-model';
import { themeFigures, type ThemeFigures } from '../evaluations/theme-counts';
import { translatorFor } from '../i18n';
import type { FigureView, IndicatorView } from '../indicators/present';
import type { ProgrammeResults } from '../indicators/results';
import { loadLogframe } from '../programmes/service';

/**
 * The frozen content of a report revision (issue 7, "Reports"): everything a reader sees, with
 * every figure as a donor may see it and every label already written in the report's language,
 * so the revision never needs the live data again. The figures are one release (decision 011):
 * the programme's, with this report's own response count and theme counts protected and
 * audited together with it. Nothing here reads a response's text: theme evidence is names and
 * counts, paraphrases are the analyst's own words.
 */

export interface SnapshotOptions {
	lang: UiLanguage;
	/** ISO date: the periods released, and the publication date. */
	today: string;
	revision: number;
	changeNote: string;
	/** A bound on the audit's work (see ReleaseOptions.maxRounds). */
	maxRounds?: number;
}

export type SnapshotResult =
	| { ok: true; snapshot: ReportSnapshot }
	| { ok: false; reason: 'notFound' }
	/** The release could not be made safe: some hidden count stays narrower than k. */
	| { ok: false; reason: 'unsafe' };

type Translate = ReturnType<typeof translatorFor>;

/** A donor-audience figure as the snapshot keeps it: no "left out" counts, no flags. */
function frozen(figure: FigureView): SnapshotFigure {
	return figure.shown ? { shown: true, value: figure.value, n: figure.n } : { shown: false };
}

function levelName(level: Level, labels: LevelLabels | null, t: Translate): string {
	return labels?.[level]?.trim() || t(`programmeSettings.levels.${level}`);
}

function dimensionName(results: ProgrammeResults, dimension: string, t: Translate): string {
	if (dimension === 'channel') return t('dashboard.dimensions.channel');
	if (dimension === 'language') return t('dashboard.dimensions.language');
	return results.labels[dimension]?.label || dimension;
}

function cellName(
	results: ProgrammeResults,
	dimension: string,
	key: string,
	lang: string,
	t: Translate
): string {
	if (key === '') return t('dashboard.notStated');
	if (dimension === 'channel' && (key === 'web' || key === 'sms'))
		return t(`dashboard.channels.${key}`);
	return (
		results.labels[dimension]?.cells[key] ||
		(dimension === 'language' ? formatLanguage(key, lang) : key)
	);
}

/** Period names in the report's language; 'all' is the programme to date. */
function periodName(results: ProgrammeResults, key: string, lang: string, t: Translate): string {
	if (key === 'all') return t('dashboard.periods.all');
	return periodLabel(results.periods.find((p) => p.key === key) ?? { key }, lang, t);
}

/** One indicator reference: the figure of its period, its trend and (to date) its breakdown. */
export function indicatorEvidence(
	indicator: IndicatorView,
	ref: Extract<EvidenceRef, { kind: 'indicator' }>,
	results: ProgrammeResults,
	lang: string,
	t: Translate
): SnapshotEvidence {
	const point = ref.period === 'all' ? null : indicator.trend.find((p) => p.key === ref.period);
	// A period the programme has not reached (or no longer has) has no figure: shown as no value.
	const figure: SnapshotFigure =
		ref.period === 'all'
			? frozen(indicator.overall)
			: point
				? frozen(point.figure)
				: { shown: true, value: null, n: null };
	// Donors' breakdowns are of the programme to date only (present.ts explains why).
	const breakdown = ref.dimension
		? indicator.breakdowns.find((b) => b.dimension === ref.dimension)
		: undefined;
	return {
		kind: 'indicator',
		code: indicator.code,
		statement: indicator.statement,
		unit: indicator.unit,
		period: ref.period,
		periodLabel: periodName(results, ref.period, lang, t),
		figure,
		trend: indicator.trend.map((p) => ({
			key: p.key,
			label: periodName(results, p.key, lang, t),
			figure: frozen(p.figure)
		})),
		breakdown: breakdown
			? {
					dimension: breakdown.dimension,
					label: dimensionName(results, breakdown.dimension, t),
					cells: breakdown.cells.map((c) => ({
						key: c.key,
						label: cellName(results, breakdown.dimension, c.key, lang, t),
						figure: frozen(c.figure)
					}))
				}
			: null
	};
}

/** The annex row of one indicator, from the donor view: its latest shown figure and judgement. */
export function annexRow(
	indicator: IndicatorView,
	level: Level,
	results: ProgrammeResults,
	lang: string,
	t: Translate
): SnapshotIndicatorRow {
	const latest = indicator.latest;
	let figure: SnapshotFigure;
	let period: string | null = null;
	if (latest) {
		// A count's target is met by the programme to date, which is what progress is measured on.
		const toDate = indicator.kind === 'count' && latest.toDate !== null;
		const point = indicator.trend.find((p) => p.key === latest.key);
		figure = toDate
			? frozen(indicator.overall)
			: point
				? frozen(point.figure)
				: { shown: true, value: latest.value, n: null };
		period = periodName(results, toDate ? 'all' : latest.key, lang, t);
	} else {
		// Nothing shown: either every figure is hidden, or there is none yet.
		figure = indicator.trend.some((p) => !p.figure.shown)
			? { shown: false }
			: { shown: true, value: null, n: null };
	}
	return {
		code: indicator.code,
		statement: indicator.statement,
		level,
		unit: indicator.unit,
		baseline: indicator.baselineValue,
		baselineDate: indicator.baselineDate,
		target: indicator.target,
		latest: figure,
		latestPeriod: period,
		progress: latest?.progress ?? null,
		achievement: latest?.achievement ?? null,
		status: latest?.status ?? null
	};
}

/** A count of a release as a report keeps it: shown with its number, or hidden without one. */
function releasedCount(
	decide: ReturnType<typeof releaseDecide>,
	id: string,
	n: number
): SnapshotFigure {
	return decide({ id, n, period: 'all' }) ? { shown: false } : { shown: true, value: n, n };
}

/**
 * The snapshot of an evaluation's report as it would be published now: `notFound` when the
 * evaluation is not the organisation's, `unsafe` when its release cannot be made safe. Reads the
 * report's draft text (an evaluation without a report row yet gets empty text and its own title
 * and limitations).
 */
export async function buildSnapshot(
	db: Db,
	viewer: Pick<Viewer, 'org' | 'k'>,
	evaluationId: string,
	options: SnapshotOptions
): Promise<SnapshotResult> {
	const { lang } = options;
	const { k } = viewer;
	const orgId = viewer.org.id;
	const t = translatorFor(lang);
	const [evaluation] = await db
		.select()
		.from(evaluations)
		.where(and(eq(evaluations.id, evaluationId), eq(evaluations.orgId, orgId)));
	if (!evaluation) return { ok: false, reason: 'notFound' };
	const [programme] = await db
		.select()
		.from(programmes)
		.where(and(eq(programmes.id, evaluation.programmeId), eq(programmes.orgId, orgId)));
	if (!programme) return { ok: false, reason: 'notFound' };
	const [report] = await db
		.select()
		.from(reports)
		.where(and(eq(reports.evaluationId, evaluationId), eq(reports.orgId, orgId)));

	const [linked, questions, findingRows, recommendationRows, logframe] = await Promise.all([
		db
			.select({ id: surveys.id, name: surveys.name })
			.from(evaluationSurveys)
			.innerJoin(surveys, eq(surveys.id, evaluationSurveys.surveyId))
			.where(and(eq(evaluationSurveys.evaluationId, evaluationId), eq(surveys.orgId, orgId)))
			.orderBy(asc(surveys.name)),
		db
			.select({ id: evaluationQuestions.id, text: evaluationQuestions.text })
			.from(evaluationQuestions)
			.where(
				and(
					eq(evaluationQuestions.evaluationId, evaluationId),
					eq(evaluationQuestions.orgId, orgId)
				)
			),
		db
			.select()
			.from(findings)
			.where(and(eq(findings.evaluationId, evaluationId), eq(findings.orgId, orgId)))
			.orderBy(asc(findings.position), asc(findings.id)),
		db
			.select()
			.from(recommendations)
			.where(and(eq(recommendations.evaluationId, evaluationId), eq(recommendations.orgId, orgId)))
			.orderBy(asc(recommendations.position), asc(recommendations.id)),
		loadLogframe(db, orgId, programme.id)
	]);
	const surveyIds = linked.map((s) => s.id);

	// Theme evidence: one count per breakdown asked for, with every theme any finding cites.
	const themeRefs = findingRows.flatMap((f) =>
		f.evidence.filter((e): e is Extract<EvidenceRef, { kind: 'theme' }> => e.kind === 'theme')
	);
	const dimensions = [...new Set(themeRefs.map((r) => r.dimension ?? ''))];
	const themeIds = [...new Set(themeRefs.map((r) => r.themeId))];
	const themeViews = new Map<string, ThemeFigures>();
	// The report's own figures, clipped to the release and protected together with it.
	const evaluationPart = async (through: string, periods: Period[]): Promise<ReleaseEvaluation> => {
		const responses = await evaluationResponses(
			db,
			orgId,
			{ surveyIds, startsOn: evaluation.startsOn, endsOn: evaluation.endsOn },
			through,
			periods
		);
		const overall = await themeFigures(db, orgId, evaluationId, {
			dimension: null,
			lang,
			themeIds,
			through
		});
		for (const dimension of dimensions)
			themeViews.set(
				dimension,
				dimension
					? await themeFigures(db, orgId, evaluationId, { dimension, lang, themeIds, through })
					: overall
			);
		return {
			surveyIds,
			...responses,
			coded: overall.coded,
			themes: overall.themes.map((theme) => ({
				id: theme.id,
				count: theme.count,
				breakdowns: Object.fromEntries(
					[...themeViews.values()]
						.filter((view) => view.dimension !== null)
						.map((view) => [
							view.dimension!,
							Object.fromEntries(
								Object.keys(view.cellLabels).map((key) => [
									key,
									view.themes.find((th) => th.id === theme.id)?.cells[key] ?? 0
								])
							)
						])
				)
			}))
		};
	};
	const release = await programmeRelease(db, orgId, programme, {
		today: options.today,
		k,
		evaluation: evaluationPart,
		maxRounds: options.maxRounds
	});

	if (release.audit.exposed.length) return { ok: false, reason: 'unsafe' };
	const decide = releaseDecide(release);
	const results: ForDonor<ProgrammeResults> = await donorResults(
		db,
		viewer,
		programme,
		{ today: options.today, lang, scope: 'all' },
		release
	);
	const responses: SnapshotFigure = release.through
		? releasedCount(
				decide,
				cellId.evaluationResponses,
				release.model.cells.get(cellId.evaluationResponses)?.n ?? 0
			)
		: { shown: false };

	const indicatorsById = new Map(results.indicators.map((i) => [i.id, i]));
	const questionText = new Map(questions.map((q) => [q.id, q.text]));
	const resolve = (ref: EvidenceRef): SnapshotEvidence[] => {
		if (ref.kind === 'paraphrase')
			return ref.text.trim() ? [{ kind: 'paraphrase', text: ref.text }] : [];
		if (ref.kind === 'indicator') {
			const indicator = indicatorsById.get(ref.indicatorId);
			// An indicator deleted since the finding was written has nothing left to show.
			return indicator ? [indicatorEvidence(indicator, ref, results, lang, t)] : [];
		}
		const view = themeViews.get(ref.dimension ?? '');
		const theme = view?.themes.find((th) => th.id === ref.themeId);
		if (!view || !theme) return [];
		const keys = Object.keys(view.cellLabels);
		return [
			{
				kind: 'theme',
				name: theme.name,
				figure: releasedCount(decide, cellId.theme(theme.id), theme.count),
				breakdown:
					view.dimension && keys.length
						? {
								dimension: view.dimension,
								label: view.dimensionLabel ?? view.dimension,
								cells: keys.map((key) => ({
									key,
									label: view.cellLabels[key] ?? key,
									figure: releasedCount(
										decide,
										cellId.themeCell(theme.id, view.dimension!, key),
										theme.cells[key] ?? 0
									)
								}))
							}
						: null
			}
		];
	};

	const grouped = DAC_CRITERIA.map((criterion) => ({
		criterion,
		findings: findingRows
			.filter((f) => f.criterion === criterion)
			.map((f): SnapshotFinding => ({
				statement: f.statement,
				criterion: f.criterion,
				question: f.questionId ? (questionText.get(f.questionId) ?? null) : null,
				strength: f.strength,
				evidence: f.evidence.flatMap(resolve)
			}))
	})).filter((g) => g.findings.length > 0);

	const levels = new Map(logframe.nodes.map((n) => [n.id, n.level]));
	const depths = new Map<string, number>();
	const outline = treeOrder(logframeTree(logframe)).map(({ node }) => {
		const depth = node.parentId && depths.has(node.parentId) ? depths.get(node.parentId)! + 1 : 0;
		depths.set(node.id, depth);
		return {
			level: node.level,
			label: levelName(node.level, programme.levelLabels, t),
			code: node.code,
			narrative: node.narrative,
			depth
		};
	});

	const snapshot: ReportSnapshot = {
		version: 1,
		lang,
		title: report?.title || evaluation.title,
		summary: report?.summary ?? '',
		programme: {
			name: programme.name,
			description: programme.description,
			startsOn: programme.startsOn,
			endsOn: programme.endsOn,
			countries: programme.countries,
			sites: programme.sites,
			// ICAT activity type ids (ICAT_ACTIVITY_TYPES); readers name them (programmes.icat.*).
			icatTags: programme.icatTags
		},
		logframe: outline,
		evaluation: {
			kind: evaluation.kind,
			title: evaluation.title,
			startsOn: evaluation.startsOn,
			endsOn: evaluation.endsOn,
			purpose: evaluation.purpose,
			methodology: evaluation.methodology,
			surveys: linked.map((s) => s.name),
			responses
		},
		findings: grouped,
		whatDidNotWork: report?.whatDidNotWork ?? '',
		unintendedEffects: report?.unintendedEffects ?? '',
		limitations: report ? report.limitations : evaluation.limitations,
		recommendations: recommendationRows.map((r) => ({
			text: r.text,
			priority: r.priority,
			addressedTo: r.addressedTo,
			dueOn: r.dueOn,
			response: r.decision
				? {
						decision: r.decision,
						action: r.action,
						owner: r.actionOwner,
						respondedOn: r.respondedOn,
						state: r.actionState
					}
				: null
		})),
		annex: results.indicators.map((indicator) =>
			annexRow(indicator, levels.get(indicator.nodeId) ?? 'output', results, lang, t)
		),
		k,
		through: release.through,
		publishedOn: options.today,
		revision: options.revision,
		changeNote: options.changeNote
	};
	return { ok: true, snapshot };
}
