import { importXlsForm, type ImportIssue } from '../../survey/xlsform/import';
import { exportXlsForm } from '../../survey/xlsform/export';
import type { Instrument } from '../../survey/model';

export { exportXlsForm };
export type { ImportIssue };

/** Reads an uploaded .xlsx; anything that is not a readable workbook is one clear error. */
export async function readXlsForm(
	bytes: Uint8Array
): Promise<{ ok: true; instrument: Instrument } | { ok: false; errors: ImportIssue[] }> {
	try {
		const result = await importXlsForm(bytes);
		return result.ok ? { ok: true, instrument: result.instrument } : result;
	} catch {
		return {
			ok: false,
			errors: [
				{
					sheet: 'workbook',
					code: 'unreadable',
					message: 'This file is not a readable .xlsx workbook.',
					params: {}
				}
			]
		};
	}
}

/** A file name for a download: the form id and version, safe on every system. */
export function xlsformFileName(instrument: Instrument, version: number | 'draft'): string {
	const base = instrument.formId.replace(/[^A-Za-z0-9_-]/g, '_') || 'survey';
	return `${base}-${version === 'draft' ? 'draft' : `v${version}`}.xlsx`;
}
