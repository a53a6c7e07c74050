import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { IndicatorDefinition, Period } from '../../programmes/model';
import { periodsOf, periodsSoFar } from '../../programmes/periods';
import { allQuestions, textIn, type Instrument } from '../../survey/model';
import type { Viewer } from '../auth/viewer';
import type { Db } from '../db';
import { surveyVersions, type Programme } from '../db/schema';
import { donorResults, type ForDonor } from '../disclosure/donor';
import { cellKeysOf } from '../disclosure/instruments';
import { programmeRelease, publishedInstruments, releaseDecide } from '../disclosure/release';
import { programmeFigures, type ProgrammeFigures } from './figures';
import {
	presentCounts,
	presentIndicator,
	type Audience,
	type CountsView,
	type Decide,
	type IndicatorHead,
	type IndicatorView
} from './present';
import { MAX_DIMENSIONS } from './sql';

/**
 * A programme's results for whoever is looking: the team's live figures (every period so far,
 * small figures flagged), the release as donors see it (closed periods, protected together and
 * audited), or — for the team — that release with every hidden number and why it is hidden.
 * Nothing here returns a raw answer.
 */

/** 'live': the team's figures of every period so far; 'release': what donors see. */
export type ResultsView = 'live' | 'release';

export interface ProgrammeResults {
	periods: Period[];
	indicators: IndicatorView[];
	counts: { channel: CountsView; language: CountsView } | null;
	/** dimension → { label, cells: key → label } in the requested language. */
	labels: Record<string, { label: string; cells: Record<string, string> }>;
	k: number;
	audience: Audience;
	view: ResultsView;
	/** The last day donors see (the end of the last closed period), or null before any closed. */
	through: string | null;
}

/**
 * Labels of breakdown dimensions in `lang`, from the newest published version of the surveys
 * that ask them (question label, and choice labels for the cells).
 */
export async function dimensionLabels(
	db: Db,
	orgId: string,
	surveyIds: string[],
	dimensions: Set<string>,
	lang: string
) {
	const labels: ProgrammeResults['labels'] = {};
	if (surveyIds.length === 0) return labels;
	const versions = await db
		.selectDistinctOn([surveyVersions.surveyId], { instrument: surveyVersions.instrument })
		.from(surveyVersions)
		.where(
			and(
				eq(surveyVersions.orgId, orgId),
				inArray(surveyVersions.surveyId, surveyIds),
				isNull(surveyVersions.archivedAt)
			)
		)
		.orderBy(surveyVersions.surveyId, desc(surveyVersions.number));
	for (const { instrument } of versions as { instrument: Instrument }[]) {
		for (const q of allQuestions(instrument)) {
			if (!dimensions.has(q.name) || labels[q.name]) continue;
			const list = instrument.choiceLists.find((l) => l.name === q.listName);
			labels[q.name] = {
				label: textIn(q.label, lang, instrument.defaultLanguage),
				cells: Object.fromEntries(
					(list?.choices ?? []).map((c) => [
						c.name,
						textIn(c.label, lang, instrument.defaultLanguage)
					])
				)
			};
		}
		for (const l of instrument.languages)
			if (dimensions.has('language'))
				(labels.language ??= { label: '', cells: {} }).cells[l.code] ??= l.name;
	}
	return labels;
}

/** Only what a page shows of an indicator's definition (not its rule or its surveys). */
export function headOf(i: IndicatorDefinition): IndicatorHead {
	return {
		id: i.id,
		nodeId: i.nodeId,
		code: i.code,
		statement: i.statement,
		unit: i.unit,
		kind: i.kind,
		direction: i.direction,
		source: i.source,
		baselineValue: i.baselineValue,
		baselineDate: i.baselineDate,
		target: i.target,
		milestones: i.milestones,
		disaggregations: i.disaggregations.slice(0, MAX_DIMENSIONS)
	};
}

export interface ResultsOptions {
	today: string;
	lang: string;
	/** Breakdown scope: 'all' or a period key. */
	scope?: string;
	/** For the team: the live figures (default) or the release as donors see it. */
	view?: ResultsView;
}

/** Shapes a programme's figures for one audience with one decision function (pure). */
export function shapeResults(
	figures: ProgrammeFigures,
	programme: Programme,
	options: {
		audience: Audience;
		k: number;
		today: string;
		scope?: string;
		cellKeys: Record<string, string[]>;
		decide: Decide;
	}
) {
	const present = {
		audience: options.audience,
		k: options.k,
		periods: figures.periods,
		programme,
		thresholds: { atRisk: programme.atRisk, offTrack: programme.offTrack },
		today: options.today,
		scope: options.scope,
		cellKeys: options.cellKeys,
		decide: options.decide
	};
	return {
		periods: figures.periods,
		indicators: figures.logframe.indicators.map((indicator) =>
			presentIndicator(headOf(indicator), figures.raw.get(indicator.id)!, present)
		),
		counts: figures.counts && {
			channel: presentCounts(
				'channel',
				figures.counts.channel,
				options.cellKeys.channel ?? [],
				present
			),
			language: presentCounts(
				'language',
				figures.counts.language,
				options.cellKeys.language ?? [],
				present
			)
		}
	};
}

/**
 * The team's live decisions: a figure under k is flagged (donors never see one), a figure of a
 * period not yet closed is flagged as not released yet; the release's finer decisions are in the
 * release view.
 */
export function liveDecide(k: number, released: ReadonlySet<string>): Decide {
	return ({ n, period }) =>
		n < k ? 'small' : period !== 'all' && !released.has(period) ? 'unreleased' : null;
}

/**
 * A programme's results for the viewer: donors always get the release (a type only the
 * disclosure module makes); the team gets live figures or, with `view: 'release'`, the release
 * with every hidden figure's number and reason.
 */
export async function programmeResults(
	db: Db,
	viewer: Viewer,
	programme: Programme,
	options: ResultsOptions
): Promise<ProgrammeResults | ForDonor<ProgrammeResults>> {
	if (viewer.audience === 'donor') return donorResults(db, viewer, programme, options);
	const orgId = viewer.org.id;
	const live = options.view !== 'release';
	const [figures, release] = await Promise.all([
		live
			? programmeFigures(db, orgId, programme, periodsSoFar(periodsOf(programme), options.today))
			: undefined,
		live ? undefined : programmeRelease(db, orgId, programme, { today: options.today, k: viewer.k })
	]);
	const shown = figures ?? release!.figures;
	const surveyIds = [...new Set(shown.logframe.indicators.flatMap((i) => i.surveyIds))].sort();
	const dimensions = new Set(shown.logframe.indicators.flatMap((i) => i.disaggregations));
	const through =
		release?.through ??
		periodsOf(programme)
			.filter((p) => p.end < options.today)
			.at(-1)?.end ??
		null;
	const cellKeys =
		release?.cellKeys ??
		cellKeysOf(
			new Set(['channel', 'language', ...dimensions]),
			await publishedInstruments(db, orgId, surveyIds),
			shown.raw.values()
		);
	const released = new Set(
		periodsOf(programme)
			.filter((p) => p.end < options.today)
			.map((p) => p.key)
	);
	const shaped = shapeResults(shown, programme, {
		audience: 'team',
		k: viewer.k,
		today: options.today,
		scope: options.scope,
		cellKeys,
		decide: release ? releaseDecide(release) : liveDecide(viewer.k, released)
	});
	return {
		...shaped,
		labels: await dimensionLabels(db, orgId, surveyIds, dimensions, options.lang),
		k: viewer.k,
		audience: 'team',
		view: live ? 'live' : 'release',
		through
	};
}
