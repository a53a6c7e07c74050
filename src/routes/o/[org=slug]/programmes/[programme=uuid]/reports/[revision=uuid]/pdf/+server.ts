import { error } from '@sveltejs/kit';
import { requireOrg } from '$lib/server/auth/guards';
import { translatorFor } from '$lib/server/i18n';
import { findProgramme } from '$lib/server/programmes/service';
import { recordDownload, reportHeaders, snapshotLanguage } from '$lib/server/reports/download';
import { renderReportPdf } from '$lib/server/reports/pdf';
import { findRevision } from '$lib/server/reports/published';
import type { RequestHandler } from './$types';

/**
 * A published revision as a PDF, in the language it was published in. Only frozen snapshots
 * are read (findRevision), so a draft can never come out of here; donors get a programme only
 * when they are attached to it, and their download is audit-logged.
 */
export const GET = (async (event) => {
	const { user, org, role } = await requireOrg(event, 'reports.read');
	const { db, t } = event.locals;
	const programme = await findProgramme(db, org.id, event.params.programme, {
		userId: user.id,
		role
	});
	if (!programme) error(404, { message: t('errors.notFound') });
	const revision = await findRevision(db, org.id, programme.id, event.params.revision);
	if (!revision) error(404, { message: t('errors.notFound') });
	const snapshot = revision.snapshot;
	const pdf = await renderReportPdf(snapshot, translatorFor(snapshotLanguage(snapshot)));
	if (role === 'donor') await recordDownload(db, user, org.id, revision, 'pdf');
	return new Response(new Uint8Array(pdf), {
		headers: reportHeaders(snapshot, 'pdf', pdf.length)
	});
}) satisfies RequestHandler;
