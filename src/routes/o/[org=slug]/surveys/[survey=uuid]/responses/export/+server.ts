import { error } from '@sveltejs/kit';
import { responsesExportQuerySchema } from '$lib/schemas/programmes';
import { record } from '$lib/server/audit/service';
import { orgViewer } from '$lib/server/auth/viewer';
import { csvChunks, prepareResponsesExport } from '$lib/server/exports/responses';
import { CSV_TYPE, downloadHeaders, textStream, XLSX_TYPE } from '$lib/server/exports/stream';
import { xlsxStream } from '$lib/server/exports/xlsx';
import { direction } from '$lib/i18n/languages';
import * as surveys from '$lib/server/surveys/service';
import type { RequestHandler } from './$types';

/**
 * Every response of a survey (or of one version) as CSV or .xlsx, streamed page by page from
 * the database: staff who may read raw responses only, never donors.
 */
export const GET = (async (event) => {
	const { user, org } = await orgViewer(event, 'responses.view');
	const { db, t } = event.locals;
	const query = responsesExportQuerySchema.safeParse(Object.fromEntries(event.url.searchParams));
	if (!query.success) error(400, { message: t('validation.invalid') });
	const survey = await surveys.findSurvey(db, org.id, event.params.survey);
	if (!survey) error(404, { message: t('errors.notFound') });
	const { format, lang, version } = query.data;
	const prepared = await prepareResponsesExport(db, org.id, survey.id, {
		lang,
		uiLang: event.locals.lang,
		version
	});
	if (!prepared.ok)
		error(prepared.error === 'language' ? 400 : 404, {
			message: t(prepared.error === 'language' ? 'validation.invalid' : 'errors.notFound')
		});
	const { export: responses } = prepared;
	await record(db, {
		orgId: org.id,
		action: 'export.responses',
		actor: user,
		target: survey.name,
		details: {
			format,
			count: responses.total,
			version: version ?? null,
			languages: responses.lang
		}
	});
	const file = `${responses.fileBase}.${format}`;
	if (format === 'csv')
		return new Response(textStream(csvChunks(responses)), {
			headers: downloadHeaders(file, CSV_TYPE)
		});
	const body = await xlsxStream(responses.sheetName, responses.columns, responses.pages(), {
		rightToLeft: direction(responses.lang) === 'rtl'
	});
	return new Response(body, { headers: downloadHeaders(file, XLSX_TYPE) });
}) satisfies RequestHandler;
