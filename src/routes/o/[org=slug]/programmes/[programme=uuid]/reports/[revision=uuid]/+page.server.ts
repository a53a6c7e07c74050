import { error } from '@sveltejs/kit';
import { isUiLanguage } from '$lib/i18n/languages';
import { requireOrg } from '$lib/server/auth/guards';
import { findProgramme } from '$lib/server/programmes/service';
import { findRevision, listPublished } from '$lib/server/reports/published';
import { reportMessages } from '$lib/server/reports/messages';
import { recordView } from '$lib/server/reports/service';
import type { PageServerLoad } from './$types';

/**
 * One published revision as a web page. Only the frozen snapshot is read (figures as they were
 * at publication, already suppressed). A donor's visit is written to the audit log.
 */
export const load = (async (event) => {
	const { user, org, role } = await requireOrg(event, 'reports.read');
	const { db, t } = event.locals;
	const programme = await findProgramme(db, org.id, event.params.programme, {
		userId: user.id,
		role
	});
	if (!programme) error(404, { message: t('errors.notFound') });
	const revision = await findRevision(db, org.id, programme.id, event.params.revision);
	if (!revision) error(404, { message: t('errors.notFound') });
	if (role === 'donor') await recordView(db, user, org.id, revision);
	const newest =
		revision.number < revision.latest
			? (await listPublished(db, org.id, programme.id))
					.find((r) => r.reportId === revision.reportId)
					?.revisions.find((r) => r.number === revision.latest)
			: undefined;
	const lang = isUiLanguage(revision.snapshot.lang) ? revision.snapshot.lang : 'en';
	return {
		snapshot: revision.snapshot,
		revision: { id: revision.id, number: revision.number, latest: revision.latest },
		newest: newest ? { id: newest.id, number: newest.number } : null,
		// The report is read in its own language whatever the interface's: its headings too.
		reportMessages: reportMessages(lang)
	};
}) satisfies PageServerLoad;
