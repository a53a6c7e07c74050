import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { logframeTree, treeOrder } from '$lib/programmes/checks';
import { addFromLibrarySchema, libraryFilterSchema } from '$lib/schemas/logframe';
import { programmeScope } from '$lib/server/auth/viewer';
import { parseForm } from '$lib/server/forms';
import {
	findLibraryIndicator,
	INDICATOR_LIBRARY,
	QUESTION_LANGUAGES
} from '$lib/server/programmes/library';
import { addFromLibrary } from '$lib/server/programmes/library-service';
import * as programmes from '$lib/server/programmes/service';
import { listSurveys } from '$lib/server/surveys/service';
import type { Actions, PageServerLoad } from './$types';

type Event = RequestEvent<{ org: string; programme: string }>;

async function open(event: Event) {
	const { viewer, programme } = await programmeScope(event, 'programmes.edit');
	const { db, t, lang } = event.locals;
	return { user: viewer.user, org: viewer.org, programme, db, t, lang };
}

export const load = (async (event) => {
	const { org, programme, db, lang } = await open(event);
	const filter = libraryFilterSchema.parse(Object.fromEntries(event.url.searchParams));
	const [logframe, surveys] = await Promise.all([
		programmes.loadLogframe(db, org.id, programme.id),
		listSurveys(db, org.id)
	]);
	const used = new Set(logframe.indicators.map((i) => i.libraryId));
	// Suggested questions are in four languages; the statements in all six.
	const questionLang = (QUESTION_LANGUAGES as readonly string[]).includes(lang) ? lang : 'en';
	const entries = INDICATOR_LIBRARY.filter(
		(e) =>
			(!filter.icat || e.icat.includes(filter.icat)) &&
			(!filter.criterion || e.criterion === filter.criterion) &&
			(!filter.level || e.level === filter.level)
	).map((e) => ({
		id: e.id,
		code: e.code,
		level: e.level,
		icat: [...e.icat],
		criterion: e.criterion,
		kind: e.kind,
		unit: e.unit,
		source: e.source,
		statement: e.statement[lang],
		meansOfVerification: e.meansOfVerification[lang],
		question: e.question
			? e.question.question.label[questionLang] || e.question.question.label.en || ''
			: null,
		inLogframe: used.has(e.id)
	}));
	return {
		filter,
		total: INDICATOR_LIBRARY.length,
		entries,
		nodes: treeOrder(logframeTree(logframe))
			.map((e) => e.node)
			.filter((n) => n.level === 'outcome' || n.level === 'output')
			.map((n) => ({ id: n.id, level: n.level, code: n.code, narrative: n.narrative })),
		surveys: surveys.map((s) => ({ id: s.id, name: s.name, published: s.latestVersion !== null }))
	};
}) satisfies PageServerLoad;

export const actions = {
	add: async (event) => {
		const { user, org, programme, db, t, lang } = await open(event);
		const parsed = parseForm(await event.request.formData(), addFromLibrarySchema, t);
		if (!parsed.ok)
			return fail(400, { action: 'add', entry: parsed.values.entry ?? '', errors: parsed.errors });
		const { entry, node, survey } = parsed.data;
		const result = await addFromLibrary(db, user, org.id, programme.id, {
			libraryId: entry,
			nodeId: node,
			surveyId: survey,
			lang
		});
		if (!result.ok)
			return fail(400, {
				action: 'add',
				entry,
				errors: { form: t(`library.errors.${result.error}`) }
			});
		const { question } = result;
		const notice = question
			? `library=${question.added ? 'added' : 'asked'}&survey=${question.surveyId}`
			: `library=${findLibraryIndicator(entry)?.source === 'manual' ? 'manual' : 'unbound'}`;
		redirect(
			303,
			`/o/${org.slug}/programmes/${programme.id}/indicators/${result.indicatorId}?${notice}`
		);
	}
} satisfies Actions;
