import { describe, expect, it } from 'vitest';
import { handMadeForm, workbook } from '../../survey/xlsform/testing';
import { logframeFromXlsx } from '../programmes/xlsx';
import { readXlsForm } from '../surveys/xlsform';
import { bombOf } from './testing';

/**
 * The outside tester's zip bombs, through both importers: a 100 KB .xlsx that unpacks to
 * 100 MB took 10 s and 500 MB; each must be refused, as itself, before it is inflated.
 */

const MB = 1024 * 1024;

describe('a zip bomb uploaded as a workbook', () => {
	it('is refused by the XLSForm import with its own message', async () => {
		const bomb = bombOf(await workbook(handMadeForm()), 100 * MB);
		expect(bomb.byteLength).toBeLessThan(200 * 1024);
		const result = await readXlsForm(bomb);
		expect(result).toMatchObject({ ok: false, errors: [{ code: 'archiveTooLarge' }] });
	});

	it('is refused by the logframe import with its own message', async () => {
		const bomb = bombOf(await workbook({ Logframe: [['ref']], Indicators: [['ref']] }), 100 * MB);
		const result = await logframeFromXlsx(Buffer.from(bomb));
		expect(result).toEqual({
			ok: false,
			errors: [{ sheet: 'workbook', row: 0, message: 'logframeImport.archiveTooLarge' }]
		});
	});
});
