import { error } from '@sveltejs/kit';
import { record } from '$lib/server/audit/service';
import { surveyScope } from '$lib/server/auth/viewer';
import * as surveys from '$lib/server/surveys/service';
import { exportXlsForm, xlsformFileName } from '$lib/server/surveys/xlsform';
import type { RequestHandler } from './$types';

/** Downloads a published version (?version=N) or the draft (no parameter) as XLSForm. */
export const GET = (async (event) => {
	const { org, user, survey } = await surveyScope(event, 'surveys.view');
	const handle = event.locals.db;
	const raw = event.url.searchParams.get('version');
	let instrument = survey.draft;
	let version: number | 'draft' = 'draft';
	if (raw !== null) {
		if (!/^[1-9][0-9]{0,5}$/.test(raw))
			error(400, { message: event.locals.t('validation.invalid') });
		const found = await surveys.findVersion(handle, org.id, survey.id, Number(raw));
		if (!found) error(404, { message: event.locals.t('errors.notFound') });
		instrument = found.instrument;
		version = found.number;
	}
	const bytes = await exportXlsForm(instrument);
	await record(handle, {
		orgId: org.id,
		action: 'survey.exported',
		actor: user,
		target: survey.name,
		details: { version: String(version), format: 'xlsform' }
	});
	return new Response(bytes, {
		headers: {
			'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'Content-Disposition': `attachment; filename="${xlsformFileName(instrument, version)}"`,
			'Cache-Control': 'no-store'
		}
	});
}) satisfies RequestHandler;
