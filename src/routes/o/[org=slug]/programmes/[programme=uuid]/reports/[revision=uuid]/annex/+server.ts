import { revisionScope } from '$lib/server/auth/viewer';
import { translatorFor } from '$lib/server/i18n';
import { annexXlsx } from '$lib/server/reports/annex';
import { recordDownload, reportHeaders, snapshotLanguage } from '$lib/server/reports/download';
import type { RequestHandler } from './$types';

/**
 * A published revision's indicator annex as .xlsx, figures as frozen (and suppressed) at
 * publication. Same doors as the PDF: reports.read, the programme for this viewer, a revision
 * of this programme; a donor's download is audit-logged.
 */
export const GET = (async (event) => {
	const { viewer, revision } = await revisionScope(event, 'reports.read');
	const snapshot = revision.snapshot;
	const body = await annexXlsx(snapshot, translatorFor(snapshotLanguage(snapshot)));
	if (viewer.audience === 'donor')
		await recordDownload(event.locals.db, viewer.user, viewer.org.id, revision, 'xlsx');
	return new Response(body, { headers: reportHeaders(snapshot, 'xlsx') });
}) satisfies RequestHandler;
