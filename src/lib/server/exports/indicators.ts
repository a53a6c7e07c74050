import type { TFunction } from 'i18next';
import { formatLanguage } from '../../format';
import type { Level, Period } from '../../programmes/model';
import { elapsedShare } from '../../programmes/periods';
import type { Db } from '../db';
import type { Programme } from '../db/schema';
import { translatorFor } from '../i18n';
import {
	achievementRatio,
	progressToTarget,
	status,
	type StatusThresholds
} from '../indicators/math';
import type { Viewer } from '../auth/viewer';
import type { FigureView, IndicatorView } from '../indicators/present';
import { programmeResults, type ProgrammeResults } from '../indicators/results';
import { loadLogframe } from '../programmes/service';
import type { UiLanguage } from '../../i18n/languages';
import { BOM, csvRow, type Cell } from './csv';
import type { SheetColumn } from './xlsx';

/**
 * A programme's indicator table for download: one row per indicator and period, one for all
 * periods so far, and one per breakdown cell, to date and per period. Built only from what
 * programmeResults gives the viewer, so a donor's file holds exactly the release a donor's
 * dashboard shows (every figure in it audited together): a hidden figure is an empty cell with
 * the reason in words, never a number.
 */

export interface IndicatorTable {
	/** The name of the .xlsx sheet, in the table's language. */
	sheetName: string;
	columns: SheetColumn[];
	rows: Cell[][];
}

export interface IndicatorTableInput {
	results: ProgrammeResults;
	/** The same results broken down per period (period key → indicators), after those to date. */
	byPeriod: Record<string, IndicatorView[]>;
	/** Level of each logframe node, by node id. */
	levels: ReadonlyMap<string, Level>;
	programme: Pick<Programme, 'startsOn' | 'endsOn' | 'levelLabels'>;
	thresholds: StatusThresholds;
	t: TFunction;
	lang: string;
}

const round = (x: number | null | undefined, places = 2): number | null =>
	x === null || x === undefined || !Number.isFinite(x) ? null : Number(x.toFixed(places));
const percent = (x: number | null) => (x === null ? null : round(x * 100, 1));

/** A figure's value and counts, or nothing when the audience may not see it. */
function figureCells(figure: FigureView): { value: Cell; n: Cell; excluded: Cell } {
	if (!figure.shown) return { value: null, n: null, excluded: null };
	return {
		value: round(figure.value),
		n: figure.n,
		excluded: 'excluded' in figure ? (figure.excluded ?? null) : null
	};
}

/** Progress toward target, achievement ratio and status of a shown value, as the dashboard has them. */
function judge(
	indicator: IndicatorView,
	value: number | null,
	input: IndicatorTableInput,
	period: { end: string; milestone: number | null } | null
) {
	const { baselineValue: baseline, target } = indicator;
	if (value === null) return { progress: null, achievement: null, status: null };
	const progress =
		baseline !== null && target !== null ? progressToTarget(value, baseline, target) : null;
	const achievement = target !== null ? achievementRatio(value, target) : null;
	let judged: ReturnType<typeof status> | null = null;
	if (period && progress !== null && baseline !== null && target !== null) {
		const expected =
			period.milestone !== null
				? progressToTarget(period.milestone, baseline, target)
				: elapsedShare(input.programme.startsOn, input.programme.endsOn, period.end);
		if (expected !== null) judged = status(progress, expected, input.thresholds);
	}
	return { progress, achievement, status: judged };
}

/** The table for the results' audience. Pure. */
export function indicatorTable(input: IndicatorTableInput): IndicatorTable {
	const { results, t, levels } = input;
	const donor = results.audience === 'donor';
	const k = results.k;
	const header = (key: string) => t(`exports.indicators.columns.${key}`);
	const keys = [
		'code',
		'statement',
		'level',
		'unit',
		'period',
		'start',
		'end',
		'dimension',
		'group',
		'value',
		'n',
		...(donor ? [] : ['excluded']),
		'baseline',
		'target',
		'milestone',
		'progress',
		'achievement',
		'status',
		donor ? 'shown' : 'flagged'
	];
	const numeric = new Set([
		'value',
		'n',
		'excluded',
		'baseline',
		'target',
		'milestone',
		'progress',
		'achievement'
	]);
	const columns: SheetColumn[] = keys.map((key) => ({
		header: header(key),
		kind: numeric.has(key) ? 'number' : key === 'start' || key === 'end' ? 'date' : 'text'
	}));

	const levelName = (level: Level | undefined) =>
		level
			? input.programme.levelLabels?.[level]?.trim() || t(`programmeSettings.levels.${level}`)
			: '';
	const periodName = (p: Pick<Period, 'key' | 'label'>) => p.label || p.key;
	const dimensionName = (dimension: string) =>
		dimension === 'channel' || dimension === 'language'
			? t(`exports.indicators.dimensions.${dimension}`)
			: results.labels[dimension]?.label || dimension;
	const groupName = (dimension: string, key: string) => {
		if (key === '') return t('exports.indicators.notStated');
		if (dimension === 'channel' && (key === 'web' || key === 'sms'))
			return t(`exports.channels.${key}`);
		const label = results.labels[dimension]?.cells[key];
		if (label) return label;
		return dimension === 'language' ? formatLanguage(key, input.lang) : key;
	};
	const visibility = (figure: FigureView): string => {
		if (donor)
			return figure.shown ? t('exports.indicators.shown') : t('exports.indicators.hidden', { k });
		if (!('flagged' in figure) || !figure.flagged) return t('exports.indicators.shown');
		return figure.reason
			? t(`exports.indicators.reasons.${figure.reason}`, { k })
			: t('exports.indicators.hiddenShort');
	};

	const rows: Cell[][] = [];
	for (const indicator of results.indicators) {
		const head = [
			indicator.code,
			indicator.statement,
			levelName(levels.get(indicator.nodeId)),
			indicator.unit
		];
		const push = (
			cells: {
				period: string;
				start: string | null;
				end: string | null;
				dimension?: string;
				group?: string;
				figure: FigureView;
				baseline?: number | null;
				target?: number | null;
				milestone?: number | null;
			},
			judged: ReturnType<typeof judge>
		) => {
			const f = figureCells(cells.figure);
			rows.push([
				...head,
				cells.period,
				cells.start,
				cells.end,
				cells.dimension ?? null,
				cells.group ?? null,
				f.value,
				f.n,
				...(donor ? [] : [f.excluded]),
				cells.baseline ?? null,
				cells.target ?? null,
				cells.milestone ?? null,
				percent(judged.progress),
				percent(judged.achievement),
				judged.status ? t(`exports.status.${judged.status}`) : null,
				visibility(cells.figure)
			]);
		};
		const valueOf = (figure: FigureView) => (figure.shown ? figure.value : null);
		for (const point of indicator.trend) {
			const period = results.periods.find((p) => p.key === point.key);
			push(
				{
					period: periodName({ key: point.key, label: point.label }),
					start: period?.start ?? null,
					end: period?.end ?? null,
					figure: point.figure,
					baseline: indicator.baselineValue,
					target: indicator.target,
					milestone: point.milestone
				},
				judge(
					indicator,
					valueOf(point.figure),
					input,
					period ? { end: period.end, milestone: point.milestone } : null
				)
			);
		}
		const first = results.periods[0];
		const last = results.periods.at(-1);
		const all = {
			period: t('exports.indicators.allPeriods'),
			start: first?.start ?? null,
			end: last?.end ?? null
		};
		push(
			{
				...all,
				figure: indicator.overall,
				baseline: indicator.baselineValue,
				target: indicator.target
			},
			judge(indicator, valueOf(indicator.overall), input, null)
		);
		const breakdownRows = (
			view: IndicatorView,
			when: { period: string; start: string | null; end: string | null }
		) => {
			for (const breakdown of view.breakdowns)
				for (const cell of breakdown.cells)
					push(
						{
							...when,
							dimension: dimensionName(breakdown.dimension),
							group: groupName(breakdown.dimension, cell.key),
							figure: cell.figure
						},
						{ progress: null, achievement: null, status: null }
					);
		};
		breakdownRows(indicator, all);
		for (const period of results.periods) {
			const view = input.byPeriod[period.key]?.find((i) => i.id === indicator.id);
			if (view)
				breakdownRows(view, { period: periodName(period), start: period.start, end: period.end });
		}
	}
	return { sheetName: t('exports.indicators.sheet'), columns, rows };
}

/**
 * The indicator table of a programme for the viewer, labels in `lang`: the viewer's results (a
 * donor's are the release), to date and per period, and the logframe's levels.
 */
export async function indicatorExport(
	db: Db,
	viewer: Viewer,
	programme: Programme,
	options: { lang: UiLanguage; today: string }
): Promise<IndicatorTable> {
	const [results, logframe] = await Promise.all([
		programmeResults(db, viewer, programme, { today: options.today, lang: options.lang }),
		loadLogframe(db, viewer.org.id, programme.id)
	]);
	// Kept figures make each period's breakdowns a matter of shaping, not computing again.
	const byPeriod: Record<string, IndicatorView[]> = {};
	for (const period of results.periods)
		byPeriod[period.key] = (
			await programmeResults(db, viewer, programme, {
				today: options.today,
				lang: options.lang,
				scope: period.key
			})
		).indicators;
	return indicatorTable({
		results,
		byPeriod,
		levels: new Map(logframe.nodes.map((n) => [n.id, n.level])),
		programme,
		thresholds: { atRisk: programme.atRisk, offTrack: programme.offTrack },
		t: translatorFor(options.lang),
		lang: options.lang
	});
}

/** The table as one CSV text (it is small: indicators × periods plus breakdown cells). */
export function indicatorCsv(table: IndicatorTable): string {
	return BOM + csvRow(table.columns.map((c) => c.header)) + table.rows.map(csvRow).join('');
}
