import { redirect } from '@sveltejs/kit';
import { MAX_XLSFORM_BYTES, newSurveySchema } from '$lib/schemas/surveys';
import { orgViewer } from '$lib/server/auth/viewer';
import { importIssueText } from '$lib/i18n/issue-text';
import { invalid, parseForm } from '$lib/server/forms';
import { can } from '$lib/server/orgs/permissions';
import * as surveys from '$lib/server/surveys/service';
import { readXlsForm } from '$lib/server/surveys/xlsform';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	const { org, role } = await orgViewer(event, 'surveys.view');
	return {
		surveys: await surveys.listSurveys(event.locals.db, org.id),
		canEdit: can(role, 'surveys.edit')
	};
}) satisfies PageServerLoad;

export const actions = {
	create: async (event) => {
		const { org, user } = await orgViewer(event, 'surveys.edit');
		const parsed = parseForm(await event.request.formData(), newSurveySchema, event.locals.t);
		if (!parsed.ok) return invalid(parsed.errors, { action: 'create', values: parsed.values });
		const survey = await surveys.createSurvey(event.locals.db, user, org.id, parsed.data);
		redirect(303, `/o/${org.slug}/surveys/${survey.id}`);
	},
	import: async (event) => {
		const { org, user } = await orgViewer(event, 'surveys.edit');
		const { t } = event.locals;
		const form = await event.request.formData();
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0)
			return invalid({ file: t('surveys.import.noFile') }, { action: 'import' });
		if (file.size > MAX_XLSFORM_BYTES)
			return invalid({ file: t('surveys.import.tooLarge') }, { action: 'import' });
		const result = await readXlsForm(new Uint8Array(await file.arrayBuffer()));
		if (!result.ok)
			return {
				action: 'import',
				importErrors: result.errors.map((e) => {
					const { text, translated } = importIssueText(t, e);
					return {
						sheet: e.sheet,
						row: e.row ?? null,
						column: e.column ?? null,
						message: text,
						english: !translated
					};
				})
			};
		const name = file.name.replace(/\.xlsx$/i, '').slice(0, 120) || result.instrument.formId;
		const survey = await surveys.createSurvey(event.locals.db, user, org.id, {
			name,
			instrument: result.instrument
		});
		redirect(303, `/o/${org.slug}/surveys/${survey.id}`);
	}
} satisfies Actions;
