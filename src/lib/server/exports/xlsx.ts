import { PassThrough, Readable } from 'node:stream';
import type { Cell } from './csv';

/**
 * .xlsx downloads written with exceljs's streaming WorkbookWriter: each row is committed (turned
 * into sheet XML and handed to the zip) as soon as it is added, and the next page of rows is
 * read only once the response has taken what came before, so memory stays flat.
 */

export interface SheetColumn {
	header: string;
	kind: 'text' | 'number' | 'date';
}

/** Excel's rules for sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(name: string): string {
	return (
		name
			.replace(/[:\\/?*[\]]/g, ' ')
			.trim()
			.slice(0, 31) || 'Sheet1'
	);
}

function widthOf(column: SheetColumn): number {
	if (column.kind === 'date') return 12;
	return Math.min(40, Math.max(8, [...column.header].length + 2));
}

/** Resolves when the stream has room again, or is gone (a cancelled download never drains). */
function drainedOrClosed(stream: PassThrough): Promise<void> {
	return new Promise((resolve) => {
		const done = () => {
			stream.off('drain', done);
			stream.off('close', done);
			resolve();
		};
		stream.once('drain', done);
		stream.once('close', done);
	});
}

/** A cell as exceljs should store it: dates as dates, numbers as numbers, text as text. */
function toValue(cell: Cell, kind: SheetColumn['kind']): string | number | Date | null {
	if (cell === undefined || cell === null) return null;
	if (kind === 'date' && typeof cell === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(cell))
		return new Date(`${cell}T00:00:00Z`);
	// exceljs writes a formula only from a { formula } object: a string such as "=1+1" stays text.
	return cell;
}

/**
 * One sheet of `columns` filled from `pages` (arrays of rows), as a byte stream. Right-to-left
 * languages get a right-to-left sheet.
 */
export async function xlsxStream(
	name: string,
	columns: readonly SheetColumn[],
	pages: AsyncIterable<Cell[][]>,
	options: { rightToLeft?: boolean } = {}
): Promise<ReadableStream<Uint8Array>> {
	const { default: ExcelJS } = await import('exceljs');
	const out = new PassThrough();
	const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
		stream: out,
		useStyles: true,
		useSharedStrings: false
	});
	const sheet = workbook.addWorksheet(sheetName(name), {
		views: [{ state: 'frozen', ySplit: 1, rightToLeft: options.rightToLeft ?? false }]
	});
	sheet.columns = columns.map((c) => ({
		width: widthOf(c),
		style: c.kind === 'date' ? { numFmt: 'yyyy-mm-dd' } : {}
	}));
	const header = sheet.addRow(columns.map((c) => c.header));
	header.font = { bold: true };
	header.commit();

	const produce = async () => {
		try {
			for await (const page of pages) {
				if (out.destroyed) return;
				for (const row of page)
					sheet.addRow(row.map((cell, i) => toValue(cell, columns[i]?.kind ?? 'text'))).commit();
				// Let the zip take the committed rows, and wait while the response is full.
				await new Promise((resolve) => setImmediate(resolve));
				if (out.writableNeedDrain) await drainedOrClosed(out);
			}
			sheet.commit();
			await workbook.commit();
		} catch (error) {
			out.destroy(error instanceof Error ? error : new Error(String(error)));
		}
	};
	void produce();
	return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
