import { error, json } from '@sveltejs/kit';
import { draftSaveSchema } from '$lib/schemas/surveys';
import { orgViewer } from '$lib/server/auth/viewer';
import * as surveys from '$lib/server/surveys/service';
import type { RequestHandler } from './$types';

const MAX_BODY = 2 * 1024 * 1024;

/** Builder autosave: JSON in, the new revision and the instrument's issues out. */
export const PUT = (async (event) => {
	const { org } = await orgViewer(event, 'surveys.edit');
	const { t } = event.locals;
	const length = Number(event.request.headers.get('content-length') ?? 0);
	if (length > MAX_BODY) error(413, { message: t('surveys.save.tooLarge') });
	let body: unknown;
	try {
		body = await event.request.json();
	} catch {
		error(400, { message: t('surveys.save.malformed') });
	}
	const parsed = draftSaveSchema.safeParse(body);
	if (!parsed.success) error(400, { message: t('surveys.save.malformed') });
	const result = await surveys.saveDraft(event.locals.db, org.id, event.params.survey, parsed.data);
	if (!result.ok) {
		if (result.error === 'notFound') error(404, { message: t('errors.notFound') });
		const status = result.error === 'conflict' ? 409 : 400;
		return json(
			{
				error: result.error,
				message: t(`surveys.save.${result.error}`),
				revision: result.revision
			},
			{ status }
		);
	}
	return json({ revision: result.revision, issues: result.issues });
}) satisfies RequestHandler;
