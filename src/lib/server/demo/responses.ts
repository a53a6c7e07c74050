import { and, count, eq } from 'drizzle-orm';
import { responses, surveyVersions } from '../db/schema';
import { findOrganisation } from '../orgs/service';
import { listSurveys } from '../surveys/service';
import { DEMO_ORG_SLUG, DEMO_SURVEY_NAME, type DemoContext } from './seed';
import { calendarQuarters, simulateResponses } from './simulate';

export const DEMO_RESPONSE_COUNT = 2400;
/** Eight quarters, 2025-Q1 to 2026-Q4, the last one still under way. */
const DEMO_QUARTERS = calendarQuarters(2025, 2026);
const DEMO_UNTIL = '2026-11-30';
const BATCH = 500;

/**
 * Simulated responses to the demo survey's version 1, once: nothing is added when the survey
 * already has responses (a second seed, or a demo that has been answered for real).
 */
export async function seedDemoResponses({ db, random }: DemoContext): Promise<void> {
	const org = await findOrganisation(db, DEMO_ORG_SLUG);
	if (!org) return;
	const survey = (await listSurveys(db, org.id)).find((s) => s.name === DEMO_SURVEY_NAME);
	if (!survey) return;
	const [version] = await db
		.select({ id: surveyVersions.id, instrument: surveyVersions.instrument })
		.from(surveyVersions)
		.where(
			and(
				eq(surveyVersions.orgId, org.id),
				eq(surveyVersions.surveyId, survey.id),
				eq(surveyVersions.number, 1)
			)
		);
	if (!version) return;
	const [existing] = await db
		.select({ n: count() })
		.from(responses)
		.where(and(eq(responses.orgId, org.id), eq(responses.surveyId, survey.id)));
	if ((existing?.n ?? 0) > 0) return;

	const rows = simulateResponses(version.instrument, {
		count: DEMO_RESPONSE_COUNT,
		random,
		quarters: DEMO_QUARTERS,
		until: DEMO_UNTIL
	}).map((r) => ({ ...r, orgId: org.id, surveyId: survey.id, versionId: version.id }));
	await db.transaction(async (tx) => {
		for (let i = 0; i < rows.length; i += BATCH)
			await tx.insert(responses).values(rows.slice(i, i + BATCH));
	});
}
