import type { RequestEvent } from '@sveltejs/kit';
import { isOverdue, responseSummary } from '$lib/evaluations/responses';
import * as schemas from '$lib/schemas/evaluations';
import { listFindings } from '$lib/server/evaluations/findings';
import { evaluationScope } from '$lib/server/auth/viewer';
import * as recommendations from '$lib/server/evaluations/recommendations';
import { invalid, parseForm } from '$lib/server/forms';
import { can } from '$lib/server/orgs/permissions';
import type { Actions, PageServerLoad } from './$types';

/** Recommendations, their management responses and where the agreed actions stand. */
export const load = (async (event) => {
	const { org, role, evaluation, db } = await evaluationScope(event, 'evaluations.view');
	const today = new Date().toISOString().slice(0, 10);
	const [list, findings] = await Promise.all([
		recommendations.listRecommendations(db, org.id, evaluation.id),
		listFindings(db, org.id, evaluation.id)
	]);
	const known = new Set(findings.map((f) => f.id));
	return {
		recommendations: list.map((r) => ({
			id: r.id,
			text: r.text,
			priority: r.priority,
			addressedTo: r.addressedTo,
			dueOn: r.dueOn,
			// Deleted findings are ignored when read (schema).
			findingIds: r.findingIds.filter((id) => known.has(id)),
			decision: r.decision,
			action: r.action,
			actionOwner: r.actionOwner,
			respondedOn: r.respondedOn,
			actionState: r.actionState,
			overdue: isOverdue(r, today)
		})),
		findings: findings.map((f) => ({ id: f.id, statement: f.statement, criterion: f.criterion })),
		summary: responseSummary(list, today),
		canEdit: can(role, 'evaluations.edit')
	};
}) satisfies PageServerLoad;

type Event = RequestEvent<{ org: string; programme: string; evaluation: string }>;

async function edit(event: Event) {
	const context = await evaluationScope(event, 'evaluations.edit');
	return { ...context, form: await event.request.formData() };
}

export const actions = {
	add: async (event) => {
		const { user, org, evaluation, db, t, form } = await edit(event);
		const parsed = parseForm(form, schemas.addRecommendationSchema, t);
		const options = { action: 'add', values: parsed.values };
		if (!parsed.ok) return invalid(parsed.errors, options);
		const result = await recommendations.addRecommendation(
			db,
			user,
			org.id,
			evaluation.id,
			parsed.data
		);
		if (!result.ok) return invalid({ form: t(`recommendations.errors.${result.error}`) }, options);
		return { action: 'add', done: 'added' };
	},
	update: async (event) => {
		const { user, org, evaluation, db, t, form } = await edit(event);
		const parsed = parseForm(form, schemas.updateRecommendationSchema, t);
		const options = { action: 'update', values: parsed.values };
		if (!parsed.ok) return invalid(parsed.errors, options);
		const { recommendation, ...input } = parsed.data;
		const result = await recommendations.updateRecommendation(
			db,
			user,
			org.id,
			evaluation.id,
			recommendation,
			input
		);
		if (!result.ok) return invalid({ form: t(`recommendations.errors.${result.error}`) }, options);
		return { action: 'update', done: 'updated' };
	},
	respond: async (event) => {
		const { user, org, evaluation, db, t, form } = await edit(event);
		const parsed = parseForm(form, schemas.responseSchema, t);
		const options = { action: 'respond', values: parsed.values };
		if (!parsed.ok) return invalid(parsed.errors, options);
		const { recommendation, ...input } = parsed.data;
		if (!(await recommendations.respond(db, user, org.id, evaluation.id, recommendation, input)))
			return invalid({ form: t('recommendations.errors.notFound') }, options);
		return { action: 'respond', done: 'responded' };
	},
	move: async (event) => {
		const { user, org, evaluation, db, t, form } = await edit(event);
		const parsed = parseForm(form, schemas.moveRecommendationSchema, t);
		if (!parsed.ok) return invalid(parsed.errors, { action: 'move' });
		const { recommendation, direction } = parsed.data;
		if (
			!(await recommendations.moveRecommendation(
				db,
				user,
				org.id,
				evaluation.id,
				recommendation,
				direction
			))
		)
			return invalid({ form: t('evaluations.errors.cannotMove') }, { action: 'move' });
		return { action: 'move', done: direction === 'up' ? 'movedUp' : 'movedDown' };
	},
	delete: async (event) => {
		const { user, org, evaluation, db, t, form } = await edit(event);
		const parsed = parseForm(form, schemas.deleteRecommendationSchema, t);
		if (!parsed.ok) return invalid(parsed.errors, { action: 'delete' });
		const id = parsed.data.recommendation;
		if (!(await recommendations.deleteRecommendation(db, user, org.id, evaluation.id, id)))
			return invalid({ form: t('recommendations.errors.notFound') }, { action: 'delete' });
		return { action: 'delete', done: 'deleted' };
	}
} satisfies Actions;
