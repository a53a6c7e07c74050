import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { translatorFor } from '../i18n';
import { annexTable, annexXlsx } from './annex';
import { reportFixture } from './fixtures';

async function workbookOf(stream: ReadableStream<Uint8Array>) {
	const bytes = Buffer.from(await new Response(stream).arrayBuffer());
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
	return workbook;
}

describe('annexTable', () => {
	const t = translatorFor('en');
	const snapshot = reportFixture('en');
	const table = annexTable(snapshot, t);

	it('has the columns in order, headed in the report’s language', () => {
		expect(table.columns.map((c) => c.header)).toEqual([
			'Code',
			'Indicator',
			'Level',
			'Unit',
			'Baseline',
			'Baseline date',
			'Target',
			'Latest value',
			'Period',
			'Progress to target',
			'Achievement',
			'Status'
		]);
		expect(table.rows).toHaveLength(snapshot.annex.length);
	});

	it('writes a shown row with its figures, progress and achievement in per cent', () => {
		expect(table.rows[0]).toEqual([
			'OC1.1',
			snapshot.annex[0]!.statement,
			'Outcome',
			'%',
			41,
			'2025-03-31',
			75,
			68.5,
			'Q2 2026',
			81,
			91,
			'On track'
		]);
	});

	it('writes a suppressed latest value as words, and nothing derived from it', () => {
		const row = table.rows.find((r) => r[0] === 'OP1.1')!;
		// "Hidden", never "fewer than k": a figure hidden to protect another is not small.
		expect(row[7]).toBe('hidden');
		expect(row.slice(9)).toEqual([null, null, null]);
	});
});

describe('annexXlsx', () => {
	it('is a workbook whose sheet holds the header and rows', async () => {
		const workbook = await workbookOf(await annexXlsx(reportFixture('en'), translatorFor('en')));
		const sheet = workbook.worksheets[0]!;
		expect(sheet.name).toBe('Indicators');
		expect(sheet.getRow(1).getCell(8).value).toBe('Latest value');
		expect(sheet.getRow(2).getCell(1).value).toBe('OC1.1');
		expect(sheet.getRow(2).getCell(8).value).toBe(68.5);
		expect(sheet.getRow(5).getCell(8).value).toBe('hidden');
		expect(sheet.rowCount).toBe(6);
	});

	it('is a right-to-left sheet with Arabic headers for an Arabic report', async () => {
		const t = translatorFor('ar');
		const workbook = await workbookOf(await annexXlsx(reportFixture('ar'), t));
		const sheet = workbook.worksheets[0]!;
		expect(sheet.name).toBe(t('reportPdf.annexSheet'));
		expect(sheet.views[0]?.rightToLeft).toBe(true);
		expect(sheet.getRow(1).getCell(1).value).toBe(t('reportPdf.annex.code'));
		expect(sheet.getRow(5).getCell(8).value).toBe(t('reportPdf.hidden'));
	});
});
