import { describe, expect, it } from 'vitest';
import { reportFileName, reportHeaders } from './download';

describe('reportHeaders', () => {
	it('sends an attachment no shared cache may keep, with a safe and a full file name', () => {
		const headers = reportHeaders(
			{ title: 'Safe Futures: midline “2026”', revision: 2 },
			'pdf',
			10
		);
		expect(headers['Content-Type']).toBe('application/pdf');
		expect(headers['Cache-Control']).toBe('private, no-store');
		expect(headers['Content-Length']).toBe('10');
		const disposition = headers['Content-Disposition']!;
		expect(disposition).toMatch(/^attachment; filename="[A-Za-z0-9._-]+"; filename\*=UTF-8''/);
		expect(disposition).toContain('filename="Safe_Futures_midline_2026_-r2.pdf"');
		// The full name survives, percent-encoded, for clients that read filename*.
		const star = decodeURIComponent(disposition.split("filename*=UTF-8''")[1]!);
		expect(star).toBe('Safe Futures: midline “2026”-r2.pdf');
	});

	it('names an Arabic report plainly in ASCII, and keeps the Arabic title in filename*', () => {
		const name = reportFileName({ title: 'تقييم منتصف المدة', revision: 1 }, 'xlsx');
		expect(name.ascii).toBe('report-r1-annex.xlsx');
		expect(name.unicode).toBe('تقييم منتصف المدة-r1-annex.xlsx');
		const headers = reportHeaders({ title: 'تقييم منتصف المدة', revision: 1 }, 'xlsx');
		expect(headers['Content-Type']).toBe(
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
		);
		expect(headers['Content-Disposition']).not.toMatch(/[^\x20-\x7e]/);
	});

	it('keeps quotes and line breaks out of the header', () => {
		const headers = reportHeaders({ title: 'a"b\r\nc', revision: 3 }, 'pdf');
		expect(headers['Content-Disposition']).not.toMatch(/[\r\n]/);
		expect(headers['Content-Disposition']!.match(/"/g)).toHaveLength(2);
	});
});
