import { archiveSchema } from '$lib/schemas/surveys';
import { orgViewer, surveyScope } from '$lib/server/auth/viewer';
import { invalid, parseForm } from '$lib/server/forms';
import { can } from '$lib/server/orgs/permissions';
import * as surveys from '$lib/server/surveys/service';
import { diffInstruments } from '$lib/survey/diff';
import { allQuestions } from '$lib/survey/model';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	const { org, role, survey } = await surveyScope(event, 'surveys.view');
	const handle = event.locals.db;
	const versions = await surveys.listVersions(handle, org.id, survey.id);
	return {
		survey: { id: survey.id, name: survey.name },
		published: Number(event.url.searchParams.get('published')) || null,
		canEdit: can(role, 'surveys.edit'),
		versions: versions.map((v, i) => ({
			number: v.number,
			publishedAt: v.publishedAt.toISOString(),
			archivedAt: v.archivedAt?.toISOString() ?? null,
			questionCount: allQuestions(v.instrument).length,
			diff: versions[i + 1] ? diffInstruments(versions[i + 1]!.instrument, v.instrument) : null
		}))
	};
}) satisfies PageServerLoad;

export const actions = {
	archive: async (event) => {
		const { org, user } = await orgViewer(event, 'surveys.edit');
		const { t } = event.locals;
		const parsed = parseForm(await event.request.formData(), archiveSchema, t);
		if (!parsed.ok) return invalid(parsed.errors, { action: 'archive' });
		const done = await surveys.archiveVersion(
			event.locals.db,
			user,
			org.id,
			event.params.survey,
			parsed.data.number
		);
		if (!done)
			return invalid({ form: t('surveys.versions.alreadyArchived') }, { action: 'archive' });
		return { action: 'archive', archived: parsed.data.number };
	}
} satisfies Actions;
