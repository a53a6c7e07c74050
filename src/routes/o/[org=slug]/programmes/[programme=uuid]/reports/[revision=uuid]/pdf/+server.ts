import { revisionScope } from '$lib/server/auth/viewer';
import { translatorFor } from '$lib/server/i18n';
import { recordDownload, reportHeaders, snapshotLanguage } from '$lib/server/reports/download';
import { renderReportPdf } from '$lib/server/reports/pdf';
import type { RequestHandler } from './$types';

/**
 * A published revision as a PDF, in the language it was published in. Only frozen snapshots
 * are read (findRevision), so a draft can never come out of here; donors get a programme only
 * when they are attached to it, and their download is audit-logged.
 */
export const GET = (async (event) => {
	const { viewer, revision } = await revisionScope(event, 'reports.read');
	const snapshot = revision.snapshot;
	const pdf = await renderReportPdf(snapshot, translatorFor(snapshotLanguage(snapshot)));
	if (viewer.audience === 'donor')
		await recordDownload(event.locals.db, viewer.user, viewer.org.id, revision, 'pdf');
	return new Response(new Uint8Array(pdf), {
		headers: reportHeaders(snapshot, 'pdf', pdf.length)
	});
}) satisfies RequestHandler;
