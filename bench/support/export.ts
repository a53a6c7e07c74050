import type { Db } from '../../src/lib/server/db';

/** Placeholder until the export module lands: replaced by a call to it. */
export async function exportAll(_db: Db, _orgId: string, _surveyId: string) {
	return { rows: 0, bytes: 0, ms: 0, heapBefore: 0, heapPeak: 0, rssPeak: 0 };
}
