import { redirect } from '@sveltejs/kit';
import { coverage } from '$lib/evaluations/coverage';
import { DAC_CRITERIA } from '$lib/evaluations/model';
import { logframeTree, treeOrder } from '$lib/programmes/checks';
import * as schemas from '$lib/schemas/evaluations';
import { evaluationScope } from '$lib/server/auth/viewer';
import { listFindings } from '$lib/server/evaluations/findings';
import * as questions from '$lib/server/evaluations/questions';
import * as evaluations from '$lib/server/evaluations/service';
import { invalid, parseForm } from '$lib/server/forms';
import { can } from '$lib/server/orgs/permissions';
import { loadLogframe } from '$lib/server/programmes/service';
import { listSurveys } from '$lib/server/surveys/service';
import type { Actions, PageServerLoad } from './$types';

/** The overview: details, evaluation questions and what they and the findings cover. */
export const load = (async (event) => {
	const { org, role, programme, evaluation, db } = await evaluationScope(event, 'evaluations.view');
	const canEdit = can(role, 'evaluations.edit');
	const [logframe, list, findings, surveys] = await Promise.all([
		loadLogframe(db, org.id, programme.id),
		questions.listQuestions(db, org.id, evaluation.id),
		listFindings(db, org.id, evaluation.id),
		listSurveys(db, org.id)
	]);
	const entries = treeOrder(logframeTree(logframe));
	return {
		questions: list.map((q) => ({
			id: q.id,
			criterion: q.criterion,
			text: q.text,
			nodeIds: q.nodeIds,
			indicatorIds: q.indicatorIds
		})),
		nodes: entries.map((e) => ({
			id: e.node.id,
			level: e.node.level,
			code: e.node.code,
			narrative: e.node.narrative
		})),
		indicators: entries.flatMap((e) =>
			e.indicators.map((i) => ({ id: i.id, code: i.code, statement: i.statement }))
		),
		coverage: coverage({ criteria: DAC_CRITERIA, logframe, questions: list, findings }),
		// Only names: which surveys it draws on is the team's business, and this is the team.
		surveys: surveys.map((s) => ({ id: s.id, name: s.name, published: s.latestVersion !== null })),
		canEdit
	};
}) satisfies PageServerLoad;

export const actions = {
	details: async (event) => {
		const { user, org, programme, evaluation, db, t } = await evaluationScope(
			event,
			'evaluations.edit'
		);
		const parsed = parseForm(await event.request.formData(), schemas.evaluationSchema, t);
		if (!parsed.ok) return invalid(parsed.errors, { action: 'details', values: parsed.values });
		await evaluations.updateEvaluation(db, user, org.id, programme.id, evaluation.id, parsed.data);
		return { action: 'details', done: 'saved' as const };
	},
	addQuestion: async (event) => {
		const { user, org, evaluation, db, t } = await evaluationScope(event, 'evaluations.edit');
		const parsed = parseForm(await event.request.formData(), schemas.addQuestionSchema, t);
		if (!parsed.ok) return invalid(parsed.errors, { action: 'addQuestion', values: parsed.values });
		const result = await questions.addQuestion(db, user, org.id, evaluation.id, parsed.data);
		if (!result.ok)
			return invalid(
				{ form: t(`evaluations.errors.${result.error}`) },
				{ action: 'addQuestion', values: parsed.values }
			);
		return { action: 'addQuestion', question: result.id, done: 'added' as const };
	},
	updateQuestion: async (event) => {
		const { user, org, evaluation, db, t } = await evaluationScope(event, 'evaluations.edit');
		const parsed = parseForm(await event.request.formData(), schemas.updateQuestionSchema, t);
		const options = { action: 'updateQuestion', values: parsed.values };
		if (!parsed.ok) return invalid(parsed.errors, options);
		const { question, ...input } = parsed.data;
		const result = await questions.updateQuestion(db, user, org.id, evaluation.id, question, input);
		if (!result.ok) return invalid({ form: t(`evaluations.errors.${result.error}`) }, options);
		return { action: 'updateQuestion', question, done: 'updated' as const };
	},
	moveQuestion: async (event) => {
		const { user, org, evaluation, db, t } = await evaluationScope(event, 'evaluations.edit');
		const parsed = parseForm(await event.request.formData(), schemas.moveQuestionSchema, t);
		if (!parsed.ok) return invalid(parsed.errors, { action: 'moveQuestion' });
		const { question, direction } = parsed.data;
		if (!(await questions.moveQuestion(db, user, org.id, evaluation.id, question, direction)))
			return invalid({ form: t('evaluations.errors.cannotMove') }, { action: 'moveQuestion' });
		return { action: 'moveQuestion', question, done: direction === 'up' ? 'movedUp' : 'movedDown' };
	},
	deleteQuestion: async (event) => {
		const { user, org, evaluation, db, t } = await evaluationScope(event, 'evaluations.edit');
		const parsed = parseForm(await event.request.formData(), schemas.deleteQuestionSchema, t);
		if (!parsed.ok) return invalid(parsed.errors, { action: 'deleteQuestion' });
		if (!(await questions.deleteQuestion(db, user, org.id, evaluation.id, parsed.data.question)))
			return invalid({ form: t('evaluations.errors.notFound') }, { action: 'deleteQuestion' });
		return { action: 'deleteQuestion', done: 'deleted' as const };
	},
	delete: async (event) => {
		const { user, org, programme, evaluation, db, t } = await evaluationScope(
			event,
			'evaluations.edit'
		);
		const parsed = parseForm(await event.request.formData(), schemas.deleteEvaluationSchema, t);
		if (!parsed.ok) return invalid(parsed.errors, { action: 'delete' });
		const result = await evaluations.deleteEvaluation(
			db,
			user,
			org.id,
			programme.id,
			evaluation.id
		);
		if (!result.ok)
			return invalid({ form: t(`evaluations.errors.${result.error}`) }, { action: 'delete' });
		redirect(303, `/o/${org.slug}/programmes/${programme.id}/evaluations?deleted=1`);
	}
} satisfies Actions;
