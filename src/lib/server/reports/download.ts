import type { ReportSnapshot } from '../../evaluations/model';
import { isUiLanguage, type UiLanguage } from '../../i18n/languages';
import { record } from '../audit/service';
import type { Db } from '../db';
import { asciiFileName } from '../exports/stream';

/**
 * What the report's download endpoints share: the file's name, the response headers and the
 * audit event a donor's download leaves.
 */

export type ReportFormat = 'pdf' | 'xlsx';

export const CONTENT_TYPES: Record<ReportFormat, string> = {
	pdf: 'application/pdf',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
};

/** The report's language as a UI language (snapshots are written in one), English otherwise. */
export function snapshotLanguage(snapshot: ReportSnapshot): UiLanguage {
	return isUiLanguage(snapshot.lang) ? snapshot.lang : 'en';
}

/** "<title>-r<revision>[-annex].<ext>": the title as typed, and an ASCII stand-in for old parsers. */
export function reportFileName(
	snapshot: Pick<ReportSnapshot, 'title' | 'revision'>,
	format: ReportFormat
): { unicode: string; ascii: string } {
	const stem = `${snapshot.title.trim() || 'report'}-r${snapshot.revision}${format === 'xlsx' ? '-annex' : ''}`;
	const unicode = `${stem.replace(/["\\/\r\n\t]+/g, ' ').slice(0, 150)}.${format}`;
	// A title with hardly any Latin letters says nothing in ASCII: name the file plainly instead.
	const readable = (snapshot.title.match(/[A-Za-z0-9]/g) ?? []).length >= 3;
	const ascii = asciiFileName(
		readable
			? `${stem}.${format}`
			: `report-r${snapshot.revision}${format === 'xlsx' ? '-annex' : ''}.${format}`
	);
	return { unicode, ascii };
}

/**
 * Headers of a report download. `private, no-store`: a published report may hold what only
 * the organisation's donors should read, so no shared cache keeps it.
 */
export function reportHeaders(
	snapshot: Pick<ReportSnapshot, 'title' | 'revision'>,
	format: ReportFormat,
	length?: number
): Record<string, string> {
	const name = reportFileName(snapshot, format);
	return {
		'Content-Type': CONTENT_TYPES[format],
		'Content-Disposition': `attachment; filename="${name.ascii}"; filename*=UTF-8''${encodeRfc5987(name.unicode)}`,
		'Cache-Control': 'private, no-store',
		'X-Content-Type-Options': 'nosniff',
		...(length !== undefined ? { 'Content-Length': String(length) } : {})
	};
}

function encodeRfc5987(value: string): string {
	return encodeURIComponent(value).replace(
		/['()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
	);
}

/** A donor downloaded a published revision: the audit log says who took which file. */
export async function recordDownload(
	db: Db,
	actor: { id: string; email: string },
	orgId: string,
	revision: { id: string; number: number },
	format: ReportFormat
): Promise<void> {
	await record(db, {
		orgId,
		action: 'report.downloaded',
		actor,
		target: revision.id,
		details: { revision: revision.number, format }
	});
}
