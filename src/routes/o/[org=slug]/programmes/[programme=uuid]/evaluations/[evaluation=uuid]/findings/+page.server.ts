import type { RequestEvent } from '@sveltejs/kit';
import { periodLabel } from '$lib/components/dashboard/format';
import { evidenceView, type CurrentFigure } from '$lib/components/evaluations/evidence';
import { periodsOf } from '$lib/programmes/periods';
import * as schemas from '$lib/schemas/evaluations';
import * as findings from '$lib/server/evaluations/findings';
import { evaluationScope } from '$lib/server/auth/viewer';
import { listQuestions } from '$lib/server/evaluations/questions';
import { themeFigures } from '$lib/server/evaluations/theme-counts';
import { invalid, parseForm } from '$lib/server/forms';
import type { FigureView } from '$lib/server/indicators/present';
import { programmeResults } from '$lib/server/indicators/results';
import { can } from '$lib/server/orgs/permissions';
import type { Actions, PageServerLoad } from './$types';

const current = (f: FigureView | undefined): CurrentFigure | null =>
	f && f.shown
		? { value: f.value, n: f.n, reason: 'reason' in f ? (f.reason ?? null) : null }
		: null;

/**
 * Findings with their evidence as it reads today for the team: one programmeResults call (the
 * team's live figures) and one themeFigures call per page load, whatever the number of findings.
 */
export const load = (async (event) => {
	const { viewer, org, role, programme, evaluation, db, t } = await evaluationScope(
		event,
		'evaluations.view'
	);
	const lang = event.locals.lang;
	const today = new Date().toISOString().slice(0, 10);
	const [results, list, questions, themes, dimensions, counts] = await Promise.all([
		programmeResults(db, viewer, programme, { today, lang }),
		findings.listFindings(db, org.id, evaluation.id),
		listQuestions(db, org.id, evaluation.id),
		findings.themesOf(db, org.id, evaluation.id),
		findings.themeDimensions(db, org.id, evaluation.id, lang),
		themeFigures(db, org.id, evaluation.id, { dimension: null, lang })
	]);
	const periods = periodsOf(programme).map((p) => ({ key: p.key, label: periodLabel(p, lang, t) }));
	const all = t('findings.evidence.toDate');
	const names: Record<string, string> = Object.fromEntries([
		...Object.entries(results.labels).map(([key, l]) => [key, l.label || key]),
		...dimensions.map((d) => [d.key, d.label]),
		['language', t('dashboard.dimensions.language')],
		['channel', t('dashboard.dimensions.channel')]
	]);
	const countOf = new Map(counts.themes.map((c) => [c.id, c.count]));
	const lookups = {
		indicators: Object.fromEntries(
			results.indicators.map((i) => [
				i.id,
				{
					code: i.code,
					statement: i.statement,
					unit: i.unit,
					figures: {
						all: current(i.overall),
						...Object.fromEntries(i.trend.map((p) => [p.key, current(p.figure)]))
					}
				}
			])
		),
		themes: Object.fromEntries(
			themes.map((th) => [th.id, { name: th.name, count: countOf.get(th.id) ?? 0 }])
		),
		periodLabel: (key: string) =>
			key === 'all' ? all : (periods.find((p) => p.key === key)?.label ?? key),
		dimensionLabel: (d: string) => names[d] ?? d
	};
	return {
		findings: list.map((f) => ({
			id: f.id,
			statement: f.statement,
			criterion: f.criterion,
			questionId: f.questionId,
			strength: f.strength,
			evidence: f.evidence.map((ref) => evidenceView(ref, lookups))
		})),
		questions: questions.map((q) => ({ id: q.id, criterion: q.criterion, text: q.text })),
		indicators: results.indicators.map((i) => ({
			id: i.id,
			code: i.code,
			statement: i.statement,
			breakdowns: i.disaggregations.map((d) => ({ key: d, label: names[d] ?? d }))
		})),
		periods,
		themes: themes.map((th) => ({ id: th.id, name: th.name })),
		themeDimensions: dimensions,
		k: viewer.k,
		canEdit: can(role, 'evaluations.edit')
	};
}) satisfies PageServerLoad;

type Event = RequestEvent<{ org: string; programme: string; evaluation: string }>;

async function edit(event: Event) {
	const context = await evaluationScope(event, 'evaluations.edit');
	return { ...context, form: await event.request.formData() };
}

export const actions = {
	addFinding: async (event) => {
		const { user, org, evaluation, db, t, form } = await edit(event);
		const parsed = parseForm(form, schemas.addFindingSchema, t);
		if (!parsed.ok) return invalid(parsed.errors, { action: 'addFinding', values: parsed.values });
		const result = await findings.addFinding(db, user, org.id, evaluation.id, parsed.data);
		if (!result.ok)
			return invalid(
				{ form: t(`findings.errors.${result.error}`) },
				{ action: 'addFinding', values: parsed.values }
			);
		return { action: 'addFinding', done: 'added' };
	},
	updateFinding: async (event) => {
		const { user, org, evaluation, db, t, form } = await edit(event);
		const parsed = parseForm(form, schemas.updateFindingSchema, t);
		const options = { action: 'updateFinding', values: parsed.values };
		if (!parsed.ok) return invalid(parsed.errors, options);
		const { finding, ...input } = parsed.data;
		const result = await findings.updateFinding(db, user, org.id, evaluation.id, finding, input);
		if (!result.ok) return invalid({ form: t(`findings.errors.${result.error}`) }, options);
		return { action: 'updateFinding', done: 'updated' };
	},
	moveFinding: async (event) => {
		const { user, org, evaluation, db, t, form } = await edit(event);
		const parsed = parseForm(form, schemas.moveFindingSchema, t);
		if (!parsed.ok) return invalid(parsed.errors, { action: 'moveFinding' });
		const { finding, direction } = parsed.data;
		if (!(await findings.moveFinding(db, user, org.id, evaluation.id, finding, direction)))
			return invalid({ form: t('evaluations.errors.cannotMove') }, { action: 'moveFinding' });
		return { action: 'moveFinding', done: direction === 'up' ? 'movedUp' : 'movedDown' };
	},
	deleteFinding: async (event) => {
		const { user, org, evaluation, db, t, form } = await edit(event);
		const parsed = parseForm(form, schemas.deleteFindingSchema, t);
		if (!parsed.ok) return invalid(parsed.errors, { action: 'deleteFinding' });
		if (!(await findings.deleteFinding(db, user, org.id, evaluation.id, parsed.data.finding)))
			return invalid({ form: t('findings.errors.notFound') }, { action: 'deleteFinding' });
		return { action: 'deleteFinding', done: 'deleted' };
	},
	addIndicatorEvidence: (event) =>
		addEvidence(event, 'addIndicatorEvidence', schemas.indicatorEvidenceSchema),
	addThemeEvidence: (event) => addEvidence(event, 'addThemeEvidence', schemas.themeEvidenceSchema),
	addParaphrase: (event) => addEvidence(event, 'addParaphrase', schemas.paraphraseEvidenceSchema),
	removeEvidence: async (event) => {
		const { user, org, evaluation, db, t, form } = await edit(event);
		const parsed = parseForm(form, schemas.removeEvidenceSchema, t);
		if (!parsed.ok) return invalid(parsed.errors, { action: 'removeEvidence' });
		const { finding, index } = parsed.data;
		if (!(await findings.removeEvidence(db, user, org.id, evaluation.id, finding, index)))
			return invalid({ form: t('findings.errors.notFound') }, { action: 'removeEvidence' });
		return { action: 'removeEvidence', done: 'evidenceRemoved' };
	}
} satisfies Actions;

/** The three evidence forms differ only in their schema. */
async function addEvidence(
	event: Event,
	action: string,
	schema:
		| typeof schemas.indicatorEvidenceSchema
		| typeof schemas.themeEvidenceSchema
		| typeof schemas.paraphraseEvidenceSchema
) {
	const { user, org, evaluation, db, t, form } = await edit(event);
	const parsed = parseForm(form, schema, t);
	if (!parsed.ok) return invalid(parsed.errors, { action, values: parsed.values });
	const { findingId, ref } = parsed.data;
	const result = await findings.addEvidence(db, user, org.id, evaluation.id, findingId, ref);
	if (!result.ok)
		return invalid(
			{ form: t(`findings.errors.${result.error}`) },
			{ action, values: parsed.values }
		);
	return { action, done: 'evidenceAdded' };
}
