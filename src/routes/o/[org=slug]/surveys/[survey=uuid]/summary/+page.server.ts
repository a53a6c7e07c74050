import { error, type RequestEvent } from '@sveltejs/kit';
import { sendSummariesSchema, summariesSchema } from '$lib/schemas/summaries';
import { surveyScope } from '$lib/server/auth/viewer';
import { invalid, parseForm } from '$lib/server/forms';
import { can } from '$lib/server/orgs/permissions';
import * as followUps from '$lib/server/sms/followups';
import { surveyLanguages } from '$lib/server/respond/distribution';
import * as summaries from '$lib/server/surveys/summaries';
import type { Actions, PageServerLoad } from './$types';

type Event = RequestEvent<{ org: string; survey: string }>;

/** The guard of both doors: who may distribute this survey, then the survey of this organisation. */
async function open(event: Event, permission: 'surveys.distribute' | 'sms.invite') {
	const { survey, ...context } = await surveyScope(event, permission);
	const languages = await surveyLanguages(event.locals.db, context.org.id, survey);
	return { ...context, survey, languages };
}

/** The language's name in itself ("Français", "العربية"): the person writing it reads that. */
function ownName(code: string, fallback: string): string {
	try {
		return new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? fallback;
	} catch {
		return fallback;
	}
}

export const load = (async (event) => {
	const { org, role, survey, languages } = await open(event, 'surveys.distribute');
	const texts = await summaries.getSummaries(event.locals.db, org.id, survey.id);
	const names = new Map(languages.map((l) => [l.code, ownName(l.code, l.name)]));
	// Counts of people waiting, per language: only for those who may send (owners, managers).
	const waiting = can(role, 'sms.invite')
		? await followUps.waitingFollowUps(event.locals.db, org.id, survey.id)
		: null;
	return {
		survey: { id: survey.id, name: survey.name },
		languages: languages.map((l) => ({ code: l.code, dir: l.dir, name: names.get(l.code)! })),
		summaries: texts,
		waiting: waiting?.map((w) => ({
			language: w.language,
			name: names.get(w.language) ?? ownName(w.language, w.language),
			count: w.count,
			hasNote: Boolean(texts[w.language])
		}))
	};
}) satisfies PageServerLoad;

export const actions = {
	save: async (event) => {
		const { org, user, survey, languages } = await open(event, 'surveys.distribute');
		const schema = summariesSchema(languages.map((l) => l.code));
		const parsed = parseForm(await event.request.formData(), schema, event.locals.t);
		if (!parsed.ok) return invalid(parsed.errors, { values: parsed.values });
		const result = await summaries.setSummaries(
			event.locals.db,
			user,
			org.id,
			survey.id,
			parsed.data
		);
		if (!result.ok) {
			if (result.error === 'notFound') error(404, { message: event.locals.t('errors.notFound') });
			return invalid({ form: event.locals.t('summaries.tooLong') }, { values: parsed.values });
		}
		return { saved: true, changed: result.changed.length };
	},
	send: async (event) => {
		const { org, user, survey } = await open(event, 'sms.invite');
		const { db, t } = event.locals;
		const parsed = parseForm(await event.request.formData(), sendSummariesSchema, t);
		if (!parsed.ok) return invalid(parsed.errors, { action: 'send' });
		const result = await followUps.queueSummaries(db, user, org.id, survey.id, { confirmed: true });
		if (!result.ok) error(404, { message: t('errors.notFound') });
		// Counts only: the numbers never leave the server.
		return { action: 'send', queued: result.queued, skipped: result.skipped };
	}
} satisfies Actions;
