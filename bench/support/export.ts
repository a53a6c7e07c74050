import type { Db } from '../../src/lib/server/db';
import { BOM, csvRow } from '../../src/lib/server/exports/csv';
import { prepareResponsesExport } from '../../src/lib/server/exports/responses';

const mb = (bytes: number) => Math.round(bytes / 1e6);

/**
 * Exports every response of a survey as CSV the way the download does (the same prepared
 * export, a keyset page at a time), counting the bytes instead of sending them, and samples the
 * process's memory every 20 ms: flat memory means pages are not piling up.
 */
export async function exportAll(db: Db, orgId: string, surveyId: string) {
	globalThis.gc?.();
	const heapBefore = process.memoryUsage().heapUsed;
	let heapPeak = heapBefore;
	let rssPeak = process.memoryUsage().rss;
	const sampler = setInterval(() => {
		const { heapUsed, rss } = process.memoryUsage();
		heapPeak = Math.max(heapPeak, heapUsed);
		rssPeak = Math.max(rssPeak, rss);
	}, 20);
	const started = performance.now();
	const prepared = await prepareResponsesExport(db, orgId, surveyId, { uiLang: 'en', lang: 'en' });
	if (!prepared.ok) throw new Error(prepared.error);
	let bytes = Buffer.byteLength(BOM + csvRow(prepared.export.columns.map((c) => c.header)));
	let rows = 0;
	for await (const page of prepared.export.pages()) {
		let chunk = '';
		for (const row of page) chunk += csvRow(row);
		bytes += Buffer.byteLength(chunk);
		rows += page.length;
	}
	const ms = performance.now() - started;
	clearInterval(sampler);
	return {
		rows,
		bytes,
		ms,
		heapBefore: mb(heapBefore),
		heapPeak: mb(heapPeak),
		rssPeak: mb(rssPeak)
	};
}
