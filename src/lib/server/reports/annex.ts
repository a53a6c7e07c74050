import type { ReportSnapshot } from '../../evaluations/model';
import { direction } from '../../i18n/languages';
import type { TFunction } from '../../i18n/translator';
import type { Cell } from '../exports/csv';
import { xlsxStream, type SheetColumn } from '../exports/xlsx';

/**
 * A published report's indicator annex as .xlsx: one row per indicator against its baseline and
 * target, as frozen in the snapshot. A suppressed latest value is the words "fewer than k" in
 * its cell, never a number, and nothing from it (progress, achievement) is printed either.
 */

const COLUMNS = [
	['code', 'text'],
	['statement', 'text'],
	['level', 'text'],
	['unit', 'text'],
	['baseline', 'number'],
	['baselineDate', 'date'],
	['target', 'number'],
	['latest', 'number'],
	['period', 'text'],
	['progress', 'number'],
	['achievement', 'number'],
	['status', 'text']
] as const;

const round = (x: number | null, places = 2): number | null =>
	x === null || !Number.isFinite(x) ? null : Number(x.toFixed(places));
// Progress and achievement in per cent, like the indicator export.
const percent = (x: number | null) => (x === null ? null : round(x * 100, 1));

export interface AnnexTable {
	sheetName: string;
	columns: SheetColumn[];
	rows: Cell[][];
}

/** The annex's header and rows, words in the snapshot's language. Pure. */
export function annexTable(snapshot: ReportSnapshot, t: TFunction): AnnexTable {
	const columns: SheetColumn[] = COLUMNS.map(([key, kind]) => ({
		header: t(`reportPdf.annex.${key}`),
		kind
	}));
	const levelLabel = (level: string) =>
		snapshot.logframe.find((node) => node.level === level)?.label ||
		t(`programmeSettings.levels.${level}`);
	const rows: Cell[][] = snapshot.annex.map((row) => {
		const shown = row.latest.shown;
		return [
			row.code,
			row.statement,
			levelLabel(row.level),
			row.unit,
			round(row.baseline),
			row.baselineDate,
			round(row.target),
			shown ? round(row.latest.value) : t('reportPdf.hidden'),
			row.latestPeriod,
			shown ? percent(row.progress) : null,
			shown ? percent(row.achievement) : null,
			shown && row.status ? t(`exports.status.${row.status}`) : null
		];
	});
	return { sheetName: t('reportPdf.annexSheet'), columns, rows };
}

/** The annex as an .xlsx byte stream (right-to-left sheet for right-to-left languages). */
export async function annexXlsx(
	snapshot: ReportSnapshot,
	t: TFunction
): Promise<ReadableStream<Uint8Array>> {
	const table = annexTable(snapshot, t);
	async function* onePage() {
		yield table.rows;
	}
	return xlsxStream(table.sheetName, table.columns, onePage(), {
		rightToLeft: direction(snapshot.lang) === 'rtl'
	});
}
