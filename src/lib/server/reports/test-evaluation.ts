import { and, eq, sql } from 'drizzle-orm';
import type { EvidenceRef } from '../../evaluations/model';
import { findUserByEmail } from '../auth/service';
import type { Db } from '../db';
import { rows } from '../db/rows';
import { codedAnswers, findings, recommendations, responses, themes } from '../db/schema';
import { DEMO_PROGRAMME_NAME } from '../demo/programme';
import { DEMO_EMAIL, DEMO_ORG_SLUG, DEMO_SURVEY_NAME, seedDemo } from '../demo/seed';
import { createEvaluation } from '../evaluations/service';
import { findOrganisation, type Actor } from '../orgs/service';
import { findProgramme, listProgrammes, loadLogframe } from '../programmes/service';
import { listSurveys } from '../surveys/service';

/**
 * The demo with a midline evaluation ready to report on, for the reports' database tests: two
 * themes (one coded on many answers, one on two — under any k), findings citing an indicator by
 * period and breakdown, both themes and a paraphrase, and a recommendation with its response.
 * Rows are inserted directly: the findings and coding pages have their own tests.
 */
export async function demoEvaluation(db: Db) {
	await seedDemo(db, { password: 'correct horse battery staple' });
	const org = (await findOrganisation(db, DEMO_ORG_SLUG))!;
	const user = (await findUserByEmail(db, DEMO_EMAIL))!;
	const actor: Actor = { id: user.id, email: user.email };
	const owner = { user, role: 'owner' as const };
	const listed = await listProgrammes(db, org.id, owner);
	const programmeId = listed.find((p) => p.name === DEMO_PROGRAMME_NAME)!.id;
	const programme = (await findProgramme(db, org.id, programmeId, owner))!;
	const surveyId = (await listSurveys(db, org.id)).find((s) => s.name === DEMO_SURVEY_NAME)!.id;
	const logframe = await loadLogframe(db, org.id, programmeId);
	const safety = logframe.indicators.find((i) => i.code === 'OC1.1')!;

	const evaluation = await createEvaluation(db, actor, org.id, programmeId, {
		kind: 'midline',
		title: 'Midline review 2026',
		startsOn: '2025-01-01',
		endsOn: '2026-12-31',
		purpose: 'Learn what works for survivors halfway through.',
		methodology: 'Survivor feedback survey, coded open text, indicator trends.',
		limitations: 'Only people still in touch with the programme answered.',
		surveyIds: [surveyId]
	});

	const [work, reprisal] = await db
		.insert(themes)
		.values([
			{ orgId: org.id, evaluationId: evaluation.id, name: 'Clashes with work', position: 0 },
			{ orgId: org.id, evaluationId: evaluation.id, name: 'Fear of reprisal', position: 1 }
		])
		.returning();
	// Answers to the open-text question: every one coded, forty with "work", two with "reprisal".
	const answered = await rows<{ id: string }>(
		db.execute(sql`select id from responses where org_id = ${org.id}
			and survey_id = ${surveyId} and coalesce(answers ->> 'problems_caused', '') <> ''
			order by id limit 60`)
	);
	await db.insert(codedAnswers).values(
		answered.map((r, i) => ({
			evaluationId: evaluation.id,
			responseId: r.id,
			question: 'problems_caused',
			themeIds: i < 40 ? [work!.id] : i < 42 ? [reprisal!.id] : [],
			codedBy: actor.id
		}))
	);

	const evidence = (refs: EvidenceRef[]) => refs;
	await db.insert(findings).values([
		{
			orgId: org.id,
			evaluationId: evaluation.id,
			criterion: 'sustainability',
			statement: 'Income gains are fragile.',
			strength: 'limited',
			evidence: evidence([{ kind: 'paraphrase', text: 'Several people said income stopped.' }]),
			position: 0
		},
		{
			orgId: org.id,
			evaluationId: evaluation.id,
			criterion: 'effectiveness',
			statement: 'Survivors feel safer over time.',
			strength: 'strong',
			evidence: evidence([
				{ kind: 'indicator', indicatorId: safety.id, period: '2026-Q2', dimension: 'gender' },
				{ kind: 'indicator', indicatorId: safety.id, period: 'all', dimension: null }
			]),
			position: 1
		},
		{
			orgId: org.id,
			evaluationId: evaluation.id,
			criterion: 'relevance',
			statement: 'Appointment times clash with work.',
			strength: 'moderate',
			evidence: evidence([
				{ kind: 'theme', themeId: work!.id, dimension: 'language' },
				{ kind: 'theme', themeId: reprisal!.id, dimension: null }
			]),
			position: 2
		}
	]);
	await db.insert(recommendations).values({
		orgId: org.id,
		evaluationId: evaluation.id,
		text: 'Offer evening appointments.',
		priority: 'high',
		addressedTo: 'Programme manager',
		dueOn: '2027-03-31',
		decision: 'accepted',
		action: 'Open Tuesday evenings.',
		actionOwner: 'Site coordinator',
		respondedOn: '2026-11-20',
		actionState: 'inProgress'
	});
	return {
		org,
		actor,
		programme,
		programmeId,
		surveyId,
		evaluationId: evaluation.id,
		themes: { work: work!, reprisal: reprisal! },
		safety,
		indicatorCount: logframe.indicators.length,
		nodeCount: logframe.nodes.length
	};
}

/** Copies of existing demo responses submitted on `day`: new answers after a publication. */
export async function addResponses(
	db: Db,
	orgId: string,
	surveyId: string,
	day: string,
	n: number
) {
	const existing = await db
		.select()
		.from(responses)
		.where(and(eq(responses.orgId, orgId), eq(responses.surveyId, surveyId)))
		.limit(n);
	await db.insert(responses).values(
		existing.map((r) => ({
			orgId,
			surveyId,
			versionId: r.versionId,
			channel: r.channel,
			language: r.language,
			submittedOn: day,
			answers: { ...r.answers, safety_today: '10' }
		}))
	);
}
