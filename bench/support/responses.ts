import { count, eq, sql } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db';
import { responses, surveyVersions } from '../../src/lib/server/db/schema';
import { seededRandom } from '../../src/lib/server/demo/random';
import { DEMO_SURVEY_NAME } from '../../src/lib/server/demo/seed';
import { calendarQuarters, simulateResponses } from '../../src/lib/server/demo/simulate';
import { listSurveys } from '../../src/lib/server/surveys/service';

const BATCH = 5_000;

/**
 * Tops the seeded demo survey up to `total` simulated responses over 2025–2026 (the same
 * simulation and seed as bench/indicators.ts), in multi-row batches, then analyses the table.
 * Returns the number of responses and the seconds it took.
 */
export async function topUpDemoResponses(
	db: Db,
	orgId: string,
	total: number
): Promise<{ responses: number; seconds: number }> {
	const started = performance.now();
	const survey = (await listSurveys(db, orgId)).find((s) => s.name === DEMO_SURVEY_NAME)!;
	const [version] = await db
		.select()
		.from(surveyVersions)
		.where(eq(surveyVersions.surveyId, survey.id));
	const [seeded] = await db.select({ n: count() }).from(responses);
	const more = simulateResponses(version!.instrument, {
		count: Math.max(0, total - seeded!.n),
		random: seededRandom(7),
		quarters: calendarQuarters(2025, 2026),
		until: '2026-11-30'
	});
	for (let i = 0; i < more.length; i += BATCH)
		await db.insert(responses).values(
			more.slice(i, i + BATCH).map((r) => ({
				...r,
				orgId,
				surveyId: survey.id,
				versionId: version!.id
			}))
		);
	await db.execute(sql`vacuum analyze responses`);
	const [after] = await db.select({ n: count() }).from(responses);
	return { responses: after!.n, seconds: (performance.now() - started) / 1000 };
}
