import { error } from '@sveltejs/kit';
import { surveyScope } from '$lib/server/auth/viewer';
import { displayLanguage, presentAnswers } from '$lib/server/responses/present';
import * as responses from '$lib/server/responses/service';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	const { org, survey } = await surveyScope(event, 'responses.view');
	const { db, t, lang } = event.locals;
	const found = await responses.findResponse(db, org.id, survey.id, event.params.response);
	if (!found) error(404, { message: t('errors.notFound') });
	const shownIn = displayLanguage(found.instrument, lang);
	return {
		survey: { id: survey.id, name: survey.name },
		response: {
			submittedOn: found.submittedOn,
			channel: found.channel,
			language: found.language,
			version: found.version
		},
		shownIn,
		answers: presentAnswers(found.instrument, found.answers, shownIn.code)
	};
}) satisfies PageServerLoad;
