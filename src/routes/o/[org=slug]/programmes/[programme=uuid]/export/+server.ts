import { error } from '@sveltejs/kit';
import { direction } from '$lib/i18n/languages';
import { indicatorExportQuerySchema } from '$lib/schemas/programmes';
import { record } from '$lib/server/audit/service';
import { programmeScope } from '$lib/server/auth/viewer';
import { indicatorCsv, indicatorExport } from '$lib/server/exports/indicators';
import { CSV_TYPE, downloadHeaders, XLSX_TYPE } from '$lib/server/exports/stream';
import { xlsxStream } from '$lib/server/exports/xlsx';
import type { RequestHandler } from './$types';

/**
 * The indicator table as CSV or .xlsx. A donor's is the release (protected and audited with
 * everything else a donor can read); the team's has every figure, the ones donors do not see
 * flagged with why.
 */
export const GET = (async (event) => {
	const { viewer, programme } = await programmeScope(event, 'results.export');
	const { db, t } = event.locals;
	const query = indicatorExportQuerySchema.safeParse(Object.fromEntries(event.url.searchParams));
	if (!query.success) error(400, { message: t('validation.invalid') });
	const lang = query.data.lang ?? event.locals.lang;
	const { format } = query.data;
	const table = await indicatorExport(db, viewer, programme, {
		lang,
		today: new Date().toISOString().slice(0, 10)
	});
	await record(db, {
		orgId: viewer.org.id,
		action: 'export.indicators',
		actor: viewer.user,
		target: programme.name,
		details: { format, audience: viewer.audience, languages: lang, count: table.rows.length }
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
