import { error } from '@sveltejs/kit';
import { indicatorExportQuerySchema } from '$lib/schemas/programmes';
import { record } from '$lib/server/audit/service';
import { requireOrg } from '$lib/server/auth/guards';
import { indicatorCsv, indicatorExport } from '$lib/server/exports/indicators';
import { CSV_TYPE, downloadHeaders, XLSX_TYPE } from '$lib/server/exports/stream';
import { xlsxStream } from '$lib/server/exports/xlsx';
import { direction } from '$lib/i18n/languages';
import { findProgramme } from '$lib/server/programmes/service';
import type { RequestHandler } from './$types';

/**
 * The indicator table as CSV or .xlsx. Donors get the table computed for donors (suppressed in
 * the results module, so no count under k is ever in their file); the team gets every figure
 * with the ones donors do not see flagged.
 */
export const GET = (async (event) => {
	const { user, org, role } = await requireOrg(event, 'results.export');
	const { db, t } = event.locals;
	const query = indicatorExportQuerySchema.safeParse(Object.fromEntries(event.url.searchParams));
	if (!query.success) error(400, { message: t('validation.invalid') });
	const programme = await findProgramme(db, org.id, event.params.programme, {
		userId: user.id,
		role
	});
	if (!programme) error(404, { message: t('errors.notFound') });
	const audience = role === 'donor' ? 'donor' : 'team';
	const lang = query.data.lang ?? event.locals.lang;
	const { format } = query.data;
	const table = await indicatorExport(db, org.id, programme, {
		audience,
		k: org.minCellSize,
		lang,
		today: new Date().toISOString().slice(0, 10)
	});
	await record(db, {
		orgId: org.id,
		action: 'export.indicators',
		actor: user,
		target: programme.name,
		details: { format, audience, languages: lang, count: table.rows.length }
	});
	const file = `${programme.name}-indicators-${lang}.${format}`;
	if (format === 'csv') {
		return new Response(indicatorCsv(table), { headers: downloadHeaders(file, CSV_TYPE) });
	}
	async function* onePage() {
		yield table.rows;
	}
	const body = await xlsxStream(table.sheetName, table.columns, onePage(), {
		rightToLeft: direction(lang) === 'rtl'
	});
	return new Response(body, { headers: downloadHeaders(file, XLSX_TYPE) });
}) satisfies RequestHandler;
