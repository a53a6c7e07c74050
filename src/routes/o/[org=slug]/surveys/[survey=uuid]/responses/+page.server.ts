import { error } from '@sveltejs/kit';
import { responsesQuerySchema } from '$lib/schemas/responses';
import { surveyScope } from '$lib/server/auth/viewer';
import { pageLinks } from '$lib/server/responses/present';
import * as responses from '$lib/server/responses/service';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	const { org, survey } = await surveyScope(event, 'responses.view');
	const { db, t } = event.locals;
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
