import { error, redirect } from '@sveltejs/kit';
import { orgViewer, surveyScope } from '$lib/server/auth/viewer';
import { invalid } from '$lib/server/forms';
import { can } from '$lib/server/orgs/permissions';
import * as surveys from '$lib/server/surveys/service';
import { translationGaps, validateInstrument } from '$lib/survey/validate';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	const { org, role, survey } = await surveyScope(event, 'surveys.view');
	const handle = event.locals.db;
	return {
		survey: { id: survey.id, name: survey.name, revision: survey.draftRevision },
		instrument: survey.draft,
		issues: validateInstrument(survey.draft),
		gaps: translationGaps(survey.draft),
		changes: await surveys.changesSincePublished(handle, org.id, survey),
		canEdit: can(role, 'surveys.edit'),
		canViewResponses: can(role, 'responses.view'),
		canSimulate: can(role, 'sms.simulate')
	};
}) satisfies PageServerLoad;

export const actions = {
	publish: async (event) => {
		const { org, user } = await orgViewer(event, 'surveys.edit');
		const { t } = event.locals;
		const result = await surveys.publishSurvey(event.locals.db, user, org.id, event.params.survey);
		if (!result.ok) {
			if (result.error === 'notFound') error(404, { message: t('errors.notFound') });
			return invalid({ form: t(`surveys.publish.${result.error}`) }, { action: 'publish' });
		}
		redirect(
			303,
			`/o/${org.slug}/surveys/${event.params.survey}/versions?published=${result.number}`
		);
	}
} satisfies Actions;
