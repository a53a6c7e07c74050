import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { bombOf, zipOf } from './testing';
import { READ_LIMITS, readWorkbook, type Sheet } from './read';

const MB = 1024 * 1024;

async function bookOf(fill: (book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
	const book = new ExcelJS.Workbook();
	fill(book);
	return new Uint8Array(await book.xlsx.writeBuffer());
}

async function sheetsOf(bytes: Uint8Array): Promise<Sheet[]> {
	const read = await readWorkbook(bytes);
	if (!read.ok) throw new Error(read.problem);
	return read.sheets;
}

describe('readWorkbook', () => {
	it('hands back every sheet’s rows and cells as plain values, empty rows left out', async () => {
		const bytes = await bookOf((book) => {
			const survey = book.addWorksheet('survey');
			survey.addRow(['type', 'name', 'label']);
			survey.addRow(['text', 'q1', { richText: [{ text: 'Bold ' }, { text: 'plain' }] }]);
			survey.addRow([]);
			survey.addRow(['integer', null, { formula: '1+1', result: 2 }]);
			const other = book.addWorksheet('Other');
			other.getCell('C2').value = new Date(Date.UTC(2026, 0, 31));
			other.getCell('A3').value = 0.45;
			other.getCell('A3').numFmt = '0%';
		});
		const [survey, other] = await sheetsOf(bytes);
		expect(survey).toMatchObject({ name: 'survey', columnCount: 3 });
		expect(survey!.rows.map((r) => r.number)).toEqual([1, 2, 4]);
		expect(survey!.rows[0]!.cells.map((c) => c?.value)).toEqual(['type', 'name', 'label']);
		expect(survey!.rows[1]!.cells[2]!.value).toMatchObject({
			richText: [{ text: 'Bold ' }, { text: 'plain' }]
		});
		expect(survey!.rows[2]!.cells[1]).toBeUndefined();
		expect(survey!.rows[2]!.cells[2]!.value).toMatchObject({ formula: '1+1', result: 2 });
		expect(other!.name).toBe('Other');
		expect(other!.rows[0]).toMatchObject({ number: 2 });
		expect(other!.rows[0]!.cells[2]!.value).toEqual(new Date(Date.UTC(2026, 0, 31)));
		expect(other!.rows[1]!.cells[0]).toEqual({ value: 0.45, numFmt: '0%' });
	});

	it('refuses hostile archives before the spreadsheet library sees them', async () => {
		const form = await bookOf((book) => book.addWorksheet('survey').addRow(['type']));
		const cases: [Uint8Array, string][] = [
			[new TextEncoder().encode('not a workbook'), 'notZip'],
			[bombOf(form, 65 * MB), 'tooLarge'],
			[bombOf(form, 40 * MB, 40), 'tooLarge'],
			[bombOf(form, 2 * MB), 'ratio'],
			[
				zipOf(Array.from({ length: 1001 }, (_, i) => ({ name: `${i}`, data: new Uint8Array() }))),
				'tooManyEntries'
			],
			// A zip of anything else: read by the library, which finds no workbook in it.
			[zipOf([{ name: 'hello.txt', data: new TextEncoder().encode('hello') }]), 'notZip']
		];
		for (const [bytes, problem] of cases)
			expect(await readWorkbook(bytes), problem).toEqual({ ok: false, problem });
	});

	it('gives up on a workbook past the worker’s memory or time, and reads the next one', async () => {
		const big = await bookOf((book) => {
			const sheet = book.addWorksheet('survey');
			for (let r = 0; r < 20_000; r++) sheet.addRow([`text`, `q${r}`, `Question number ${r}`]);
		});
		const small = await bookOf((book) => book.addWorksheet('survey').addRow(['text', 'q1']));
		// The same ceiling reads a small workbook: it is the cells that exhaust it, not the start.
		const ceiling = { ...READ_LIMITS, heapMb: 24 };
		expect(await readWorkbook(small, ceiling)).toMatchObject({ ok: true });
		expect(await readWorkbook(big, ceiling)).toEqual({ ok: false, problem: 'tooComplex' });
		expect(await readWorkbook(big, { ...READ_LIMITS, timeMs: 1 })).toEqual({
			ok: false,
			problem: 'tooComplex'
		});
		const sheets = await sheetsOf(big);
		expect(sheets[0]!.rows).toHaveLength(20_000);
	});

	it('reads several workbooks at once, each its own', async () => {
		const books = await Promise.all(
			Array.from({ length: 6 }, (_, i) =>
				bookOf((book) => book.addWorksheet(`sheet${i}`).addRow([i]))
			)
		);
		const read = await Promise.all(books.map(sheetsOf));
		expect(read.map((sheets) => sheets[0]!.name)).toEqual(books.map((_, i) => `sheet${i}`));
		expect(read.map((sheets) => sheets[0]!.rows[0]!.cells[0]!.value)).toEqual([0, 1, 2, 3, 4, 5]);
	});
});
