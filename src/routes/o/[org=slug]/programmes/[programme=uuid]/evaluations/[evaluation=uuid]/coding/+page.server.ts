import { error, redirect } from '@sveltejs/kit';
import {
	codeAnswerSchema,
	createThemeSchema,
	mergeThemesSchema,
	moveThemeSchema,
	renameThemeSchema,
	themeIdSchema
} from '$lib/schemas/coding';
import { evaluationScope } from '$lib/server/auth/viewer';
import * as coding from '$lib/server/evaluations/coding';
import { invalid, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/**
 * Coding survivor feedback: the workspace (one answer at a time, `?answer=` in the URL so it
 * works without JavaScript), the codebook and the theme counts. The team only: feedback.code
 * on every load and action (donors get 403; the layout has already 404'd other evaluations).
 */
export const load = (async (event) => {
	const { viewer, evaluation } = await evaluationScope(event, 'feedback.code');
	const q = event.url.searchParams;
	const page = await coding.codingPage(event.locals.db, viewer, evaluation.id, {
		question: q.get('question'),
		answer: q.get('answer'),
		dimension: q.get('dimension') || null,
		page: Number(q.get('page') ?? 1),
		lang: event.locals.lang
	});
	if (!page) error(404, { message: event.locals.t('errors.notFound') });
	return { ...page, k: viewer.k, saved: q.get('saved') === '1' };
}) satisfies PageServerLoad;

/** Back to the page, keeping the question and breakdown the person was looking at. */
function back(event: RequestEvent, form: FormData, extra: Record<string, string> = {}): never {
	const query = new URLSearchParams();
	for (const key of ['question', 'dimension', 'answer'] as const) {
		const value = extra[key] ?? form.get(`view_${key}`);
		if (typeof value === 'string' && value) query.set(key, value);
	}
	if (extra.saved) query.set('saved', extra.saved);
	redirect(303, `${event.url.pathname}${query.size ? `?${query}` : ''}`);
}

const THEME_ERRORS = {
	notFound: 'coding.errors.themeNotFound',
	nameTaken: 'coding.errors.nameTaken',
	tooMany: 'coding.errors.tooMany',
	same: 'coding.errors.mergeSame'
} as const;

/** One codebook form: guard, parse, run, then back to the page or the form's error. */
function codebookAction<S extends Parameters<typeof parseForm>[1]>(
	action: string,
	schema: S,
	run: (
		event: RequestEvent,
		ctx: Awaited<ReturnType<typeof evaluationScope>>,
		data: ReturnType<S['parse']>
	) => Promise<coding.ThemeResult>,
	field = 'name'
) {
	return async (event: RequestEvent) => {
		const ctx = await evaluationScope(event, 'feedback.code');
		const form = await event.request.formData();
		const parsed = parseForm(form, schema, event.locals.t);
		if (!parsed.ok) return invalid(parsed.errors, { action, values: parsed.values });
		const result = await run(event, ctx, parsed.data as ReturnType<S['parse']>);
		if (!result.ok)
			return invalid(
				{
					[result.error === 'nameTaken' ? field : 'form']: event.locals.t(
						THEME_ERRORS[result.error]
					)
				},
				{ action, values: parsed.values, status: result.error === 'notFound' ? 404 : 400 }
			);
		back(event, form);
	};
}

export const actions = {
	code: async (event) => {
		const { org, user } = await evaluationScope(event, 'feedback.code');
		const form = await event.request.formData();
		const parsed = parseForm(form, codeAnswerSchema, event.locals.t);
		if (!parsed.ok) return invalid(parsed.errors, { action: 'code', values: parsed.values });
		const { responseId, question, themes } = parsed.data;
		const id = event.params.evaluation;
		const result = await coding.codeAnswer(
			event.locals.db,
			user,
			org.id,
			id,
			responseId,
			question,
			themes
		);
		if (!result.ok)
			return invalid(
				{ form: event.locals.t(`coding.errors.code.${result.error}`) },
				{ action: 'code' }
			);
		const next = await coding.nextAfter(event.locals.db, org.id, id, question, responseId);
		back(event, form, { question, answer: next ?? responseId, saved: '1' });
	},
	createTheme: codebookAction('createTheme', createThemeSchema, (e, { org, user }, d) =>
		coding.createTheme(e.locals.db, user, org.id, e.params.evaluation, d)
	),
	renameTheme: codebookAction('renameTheme', renameThemeSchema, (e, { org, user }, d) =>
		coding.renameTheme(e.locals.db, user, org.id, e.params.evaluation, d.themeId, d)
	),
	mergeThemes: codebookAction(
		'mergeThemes',
		mergeThemesSchema,
		(e, { org, user }, d) =>
			coding.mergeThemes(e.locals.db, user, org.id, e.params.evaluation, d.from, d.into),
		'into'
	),
	deleteTheme: codebookAction('deleteTheme', themeIdSchema, (e, { org, user }, d) =>
		coding.deleteTheme(e.locals.db, user, org.id, e.params.evaluation, d.themeId)
	),
	moveTheme: codebookAction('moveTheme', moveThemeSchema, (e, { org, user }, d) =>
		coding.moveTheme(e.locals.db, user, org.id, e.params.evaluation, d.themeId, d.direction)
	)
} satisfies Actions;
