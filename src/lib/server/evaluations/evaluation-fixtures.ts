import type { IndicatorDefinition } from '../../programmes/model';
import type { Db } from '../db';
import { fixtures } from '../db/testing/fixtures';
import { themes } from '../db/schema';
import type { Actor } from '../orgs/service';
import { addIndicator, addNode, createProgramme, loadLogframe } from '../programmes/service';
import { createEvaluation } from './service';

/**
 * Builders for the question, finding and recommendation database tests: an organisation with a
 * quarterly programme (goal → outcome → output, an indicator on each of the outcome and the
 * output, the outcome's broken down by sex), an evaluation of it, and a second organisation's
 * copy, so every test can try an id from elsewhere.
 */

const indicatorInput = (
	code: string,
	disaggregations: string[] = []
): Omit<IndicatorDefinition, 'id' | 'nodeId' | 'position' | 'libraryId'> => ({
	code,
	statement: `${code} statement`,
	unit: '%',
	kind: 'percentInSet',
	direction: 'increase',
	baselineValue: null,
	baselineDate: null,
	target: null,
	milestones: {},
	disaggregations,
	meansOfVerification: '',
	source: 'manual',
	surveyIds: [],
	rule: null
});

export async function evaluationWorld(db: Db, slug: string) {
	const f = fixtures(() => db);
	const actor: Actor = await f.person(slug);
	const org = await f.organisation(slug, actor);
	const programme = await createProgramme(db, actor, org.id, {
		name: `Programme ${slug}`,
		description: '',
		countries: [],
		sites: [],
		startsOn: '2025-01-01',
		endsOn: '2026-12-31',
		icatTags: [],
		periodKind: 'quarterly',
		customPeriods: [],
		levelLabels: null,
		atRisk: 0.1,
		offTrack: 0.25,
		goal: 'People are safe'
	});
	const goalId = (await loadLogframe(db, org.id, programme.id)).nodes[0]!.id;
	const outcome = await addNode(db, actor, org.id, programme.id, goalId, {
		code: '1',
		narrative: 'Survivors feel safe',
		assumptions: ''
	});
	if (!outcome.ok) throw new Error(outcome.error);
	const output = await addNode(db, actor, org.id, programme.id, outcome.id, {
		code: '1.1',
		narrative: 'Staff trained',
		assumptions: ''
	});
	if (!output.ok) throw new Error(output.error);
	const outcomeIndicator = await addIndicator(
		db,
		actor,
		org.id,
		programme.id,
		outcome.id,
		indicatorInput('SAFE-1', ['sex', 'language'])
	);
	const outputIndicator = await addIndicator(
		db,
		actor,
		org.id,
		programme.id,
		output.id,
		indicatorInput('TRAIN-1')
	);
	if (!outcomeIndicator.ok || !outputIndicator.ok) throw new Error('indicator');
	const evaluation = await createEvaluation(db, actor, org.id, programme.id, {
		kind: 'midline',
		title: `Midline ${slug}`,
		startsOn: '2026-01-01',
		endsOn: '2026-06-30',
		purpose: '',
		methodology: '',
		limitations: '',
		surveyIds: []
	});
	const [theme] = await db
		.insert(themes)
		.values({ orgId: org.id, evaluationId: evaluation.id, name: 'Waiting times' })
		.returning({ id: themes.id });
	return {
		actor,
		orgId: org.id,
		programmeId: programme.id,
		evaluationId: evaluation.id,
		goalId,
		outcomeId: outcome.id,
		outputId: output.id,
		outcomeIndicatorId: outcomeIndicator.id,
		outputIndicatorId: outputIndicator.id,
		themeId: theme!.id,
		audit: (action: string) => f.auditOf(org.id, action)
	};
}

export type EvaluationWorld = Awaited<ReturnType<typeof evaluationWorld>>;
