import { isUiLanguage } from '$lib/i18n/languages';
import { revisionScope } from '$lib/server/auth/viewer';
import { listPublished } from '$lib/server/reports/published';
import { reportMessages } from '$lib/server/reports/messages';
import { recordView } from '$lib/server/reports/service';
import type { PageServerLoad } from './$types';

/**
 * One published revision as a web page. Only the frozen snapshot is read (figures as they were
 * at publication, already suppressed). A donor's visit is written to the audit log.
 */
export const load = (async (event) => {
	const { viewer, programme, revision } = await revisionScope(event, 'reports.read');
	const { db } = event.locals;
	const org = viewer.org;
	if (viewer.audience === 'donor') await recordView(db, viewer.user, org.id, revision);
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
