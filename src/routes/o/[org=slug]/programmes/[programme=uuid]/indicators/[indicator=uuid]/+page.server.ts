import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { draftFromDefinition, draftFromFields } from '$lib/components/logframe/binding';
import { periodsOf } from '$lib/programmes/periods';
import type { IndicatorDefinition } from '$lib/programmes/model';
import * as schemas from '$lib/schemas/logframe';
import { programmeScope } from '$lib/server/auth/viewer';
import { invalid, parseForm } from '$lib/server/forms';
import { programmeResults } from '$lib/server/indicators/results';
import { can, type Permission } from '$lib/server/orgs/permissions';
import * as programmes from '$lib/server/programmes/service';
import { findSurvey } from '$lib/server/surveys/service';
import { bindingCandidates } from '$lib/server/programmes/candidates';
import { figuresOf, noticeOf } from './view';
import type { Actions, PageServerLoad } from './$types';

type Event = RequestEvent<{ org: string; programme: string; indicator: string }>;

/** Every door: the guard, the programme (404 for a donor not attached), then the indicator. */
async function open(event: Event, permission: Permission) {
	const { viewer, programme } = await programmeScope(event, permission);
	const { user, org, role } = viewer;
	const { db, t, lang } = event.locals;
	const indicator = await programmes.findIndicator(
		db,
		org.id,
		programme.id,
		event.params.indicator
	);
	if (!indicator) error(404, { message: t('errors.notFound') });
	return { viewer, user, org, role, programme, indicator, db, t, lang };
}

/** The stored definition as updateIndicator takes it, for changing a part of it. */
function inputOf(i: IndicatorDefinition): programmes.IndicatorInput {
	const { id: _id, nodeId: _node, position: _position, libraryId: _library, ...input } = i;
	return input;
}

export const load = (async (event) => {
	const { viewer, org, role, programme, indicator, db, lang } = await open(event, 'logframe.view');
	const today = new Date().toISOString().slice(0, 10);
	const [logframe, candidates, results, manual] = await Promise.all([
		programmes.loadLogframe(db, org.id, programme.id),
		bindingCandidates(db, org.id, lang),
		programmeResults(db, viewer, programme, { today, lang }),
		indicator.source === 'manual' ? programmes.manualValuesOf(db, org.id, programme.id) : []
	]);
	const params = event.url.searchParams;
	const stored = draftFromDefinition(indicator);
	const surveyId = params.get('survey');
	const survey =
		surveyId && /^[0-9a-f-]{36}$/.test(surveyId)
			? await findSurvey(db, org.id, surveyId)
			: undefined;
	return {
		indicator: { ...inputOf(indicator), id: indicator.id, nodeId: indicator.nodeId },
		nodes: logframe.nodes.map((n) => ({
			id: n.id,
			level: n.level,
			code: n.code,
			narrative: n.narrative
		})),
		periods: periodsOf(programme),
		candidates: candidates.published,
		drafts: candidates.drafts.filter((d) => indicator.surveyIds.includes(d.id)),
		// The "Next" step without JavaScript posts the binding form here as a GET.
		draft: params.has('kind') ? draftFromFields(params, stored) : stored,
		figures: figuresOf(results, indicator.id),
		manual: manual.filter((m) => m.indicatorId === indicator.id),
		notice: noticeOf(params.get('library'), survey, indicator),
		canEdit: can(role, 'programmes.edit')
	};
}) satisfies PageServerLoad;

export const actions = {
	update: async (event) => {
		const { user, org, programme, indicator, db, t } = await open(event, 'programmes.edit');
		const keys = periodsOf(programme).map((p) => p.key);
		const schema = schemas.definitionSchema(keys);
		const parsed = parseForm(await event.request.formData(), schema, t);
		if (!parsed.ok) return invalid(parsed.errors, { action: 'update', values: parsed.values });
		const input = { ...inputOf(indicator), ...parsed.data };
		if (!(await programmes.updateIndicator(db, user, org.id, programme.id, indicator.id, input)))
			return invalid(
				{ node: t('indicator.errors.node') },
				{ action: 'update', values: parsed.values }
			);
		return { action: 'update', saved: true };
	},
	bind: async (event) => {
		const { user, org, programme, indicator, db, t, lang } = await open(event, 'programmes.edit');
		const form = await event.request.formData();
		const draft = draftFromFields(form, draftFromDefinition(indicator));
		const parsed = parseForm(form, schemas.bindingSchema, t);
		if (!parsed.ok) return fail(400, { action: 'bind', errors: parsed.errors, draft });
		const { published } = await bindingCandidates(db, org.id, lang);
		const problems = schemas.checkBinding(parsed.data, published);
		if (Object.keys(problems).length > 0) {
			const errors = Object.fromEntries(Object.entries(problems).map(([f, key]) => [f, t(key)]));
			return fail(400, { action: 'bind', errors, draft });
		}
		const input = { ...inputOf(indicator), ...parsed.data };
		await programmes.updateIndicator(db, user, org.id, programme.id, indicator.id, input);
		return { action: 'bind', saved: true };
	},
	manual: async (event) => {
		const { user, org, programme, indicator, db, t } = await open(event, 'programmes.edit');
		if (indicator.source !== 'manual')
			return invalid({ form: t('indicator.errors.notManual') }, { action: 'manual' });
		const keys = periodsOf(programme).map((p) => p.key);
		const parsed = parseForm(await event.request.formData(), schemas.manualValuesSchema(keys), t);
		if (!parsed.ok) return invalid(parsed.errors, { action: 'manual', values: parsed.values });
		const stored = new Map(
			(await programmes.manualValuesOf(db, org.id, programme.id))
				.filter((m) => m.indicatorId === indicator.id)
				.map((m) => [m.periodKey, m])
		);
		let changed = 0;
		for (const row of parsed.data) {
			const before = stored.get(row.periodKey);
			const same = before
				? before.value === row.value && before.n === row.n && before.note === row.note
				: row.value === null;
			// Only rows that changed: each entry is an audit event with who and when.
			if (same) continue;
			await programmes.setManualValue(db, user, org.id, programme.id, indicator.id, row);
			changed++;
		}
		return { action: 'manual', saved: true, changed };
	},
	delete: async (event) => {
		const { user, org, programme, indicator, db, t } = await open(event, 'programmes.edit');
		const parsed = parseForm(await event.request.formData(), schemas.deleteIndicatorSchema, t);
		if (!parsed.ok) return invalid(parsed.errors, { action: 'delete' });
		await programmes.deleteIndicator(db, user, org.id, programme.id, indicator.id);
		redirect(303, `/o/${org.slug}/programmes/${programme.id}/logframe#node-${indicator.nodeId}`);
	}
} satisfies Actions;
