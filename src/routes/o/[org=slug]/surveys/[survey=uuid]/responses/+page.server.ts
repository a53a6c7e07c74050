import { error } from '@sveltejs/kit';
import { responsesQuerySchema } from '$lib/schemas/responses';
import { orgViewer } from '$lib/server/auth/viewer';
import { pageLinks } from '$lib/server/responses/present';
import * as responses from '$lib/server/responses/service';
import * as surveys from '$lib/server/surveys/service';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	const { org } = await orgViewer(event, 'responses.view');
	const { db, t } = event.locals;
	const survey = await surveys.findSurvey(db, org.id, event.params.survey);
	if (!survey) error(404, { message: t('errors.notFound') });
	const query = responsesQuerySchema.parse(Object.fromEntries(event.url.searchParams));
	const overview = await responses.responsesOverview(db, org.id, survey.id, query);
	if (!overview) error(404, { message: t('errors.notFound') });
	return {
		survey: { id: survey.id, name: survey.name },
		...overview,
		page: query.page,
		pages: pageLinks(Math.min(query.page, overview.pageCount), overview.pageCount)
	};
}) satisfies PageServerLoad;
