import { error } from '@sveltejs/kit';
import { requireOrg } from '$lib/server/auth/guards';
import { translatorFor } from '$lib/server/i18n';
import { findProgramme } from '$lib/server/programmes/service';
import { annexXlsx } from '$lib/server/reports/annex';
import { recordDownload, reportHeaders, snapshotLanguage } from '$lib/server/reports/download';
import { findRevision } from '$lib/server/reports/published';
import type { RequestHandler } from './$types';

/**
 * A published revision's indicator annex as .xlsx, figures as frozen (and suppressed) at
 * publication. Same doors as the PDF: reports.read, the programme for this viewer, a revision
 * of this programme; a donor's download is audit-logged.
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
	const body = await annexXlsx(snapshot, translatorFor(snapshotLanguage(snapshot)));
	if (role === 'donor') await recordDownload(db, user, org.id, revision, 'xlsx');
	return new Response(body, { headers: reportHeaders(snapshot, 'xlsx') });
}) satisfies RequestHandler;
