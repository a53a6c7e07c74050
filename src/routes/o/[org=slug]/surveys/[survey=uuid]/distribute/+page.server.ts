import type { RequestEvent } from '@sveltejs/kit';
import * as schemas from '$lib/schemas/distribution';
import { surveyScope } from '$lib/server/auth/viewer';
import { config } from '$lib/server/config';
import { invalid, parseForm } from '$lib/server/forms';
import { can } from '$lib/server/orgs/permissions';
import * as distribution from '$lib/server/respond/distribution';
import * as view from '$lib/server/respond/distribution-view';
import { createLink, dayOf, generateCodes } from '$lib/server/respond/service';
import type { Actions, PageServerLoad } from './$types';

type Event = RequestEvent<{ org: string; survey: string }>;

/** The guard of every door here, then the survey of this organisation (404 otherwise). */
async function open(event: Event, permission: 'surveys.view' | 'surveys.distribute') {
	const { survey, ...context } = await surveyScope(event, permission);
	return { ...context, survey, db: event.locals.db, t: event.locals.t };
}

export const load = (async (event) => {
	const { org, role, survey, db } = await open(event, 'surveys.view');
	const found = await distribution.getDistribution(db, org.id, survey);
	const { origin } = config();
	const today = dayOf(new Date());
	return {
		survey: { id: survey.id, name: survey.name },
		canDistribute: can(role, 'surveys.distribute'),
		servedVersion: found.servedVersion,
		links: found.links.map((link) => view.linkView(link, origin, today)),
		counts: found.counts,
		languages: found.languages,
		helpContacts: found.helpContacts
	};
}) satisfies PageServerLoad;

export const actions = {
	createLink: async (event) => {
		const { org, user, survey, db, t } = await open(event, 'surveys.distribute');
		const parsed = parseForm(await event.request.formData(), schemas.createLinkSchema, t);
		if (!parsed.ok) return invalid(parsed.errors, { action: 'createLink', values: parsed.values });
		await createLink(db, user, org.id, survey.id, { endsOn: parsed.data.endsOn });
		return { action: 'createLink', saved: true };
	},
	linkStatus: async (event) => {
		const { org, user, survey, db, t } = await open(event, 'surveys.distribute');
		const parsed = parseForm(await event.request.formData(), schemas.linkStatusSchema, t);
		if (!parsed.ok) return invalid({ form: t('validation.invalid') }, { action: 'link' });
		const { link, status } = parsed.data;
		if (!(await distribution.updateLink(db, user, org.id, survey.id, link, { status })))
			return invalid({ form: t('distribution.links.gone') }, { action: 'link' });
		return { action: 'link', link, saved: true };
	},
	linkEnds: async (event) => {
		const { org, user, survey, db, t } = await open(event, 'surveys.distribute');
		const parsed = parseForm(await event.request.formData(), schemas.linkEndsSchema, t);
		if (!parsed.ok) return invalid(parsed.errors, { action: 'link', values: parsed.values });
		const { link, endsOn } = parsed.data;
		if (!(await distribution.updateLink(db, user, org.id, survey.id, link, { endsOn })))
			return invalid({ form: t('distribution.links.gone') }, { action: 'link' });
		return { action: 'link', link, saved: true };
	},
	createCodes: async (event) => {
		const { org, user, survey, db, t } = await open(event, 'surveys.distribute');
		const parsed = parseForm(await event.request.formData(), schemas.createCodesSchema, t);
		if (!parsed.ok) return invalid(parsed.errors, { action: 'codes', values: parsed.values });
		const { count, expiresOn } = parsed.data;
		const codes = await generateCodes(db, user, org.id, survey.id, count, expiresOn);
		// Shown this once: only hashes are stored, and this response is never cached.
		const cards = view.codeCards(codes, config().origin);
		return { action: 'codes', cards, expiresOn, csv: view.csvDataUrl(view.codesCsv(cards)) };
	},
	revokeCode: async (event) => {
		const { org, user, survey, db, t } = await open(event, 'surveys.distribute');
		const parsed = parseForm(await event.request.formData(), schemas.revokeCodeSchema, t);
		if (!parsed.ok) return invalid(parsed.errors, { action: 'revoke' });
		const result = await distribution.revokeCode(db, user, org.id, survey.id, parsed.data.code);
		if (!result.ok)
			return invalid(
				{ code: t(`distribution.codes.revokeErrors.${result.error}`) },
				{ action: 'revoke' }
			);
		return { action: 'revoke', revoked: 1 };
	},
	revokeUnused: async (event) => {
		const { org, user, survey, db, t } = await open(event, 'surveys.distribute');
		const parsed = parseForm(await event.request.formData(), schemas.revokeUnusedSchema, t);
		if (!parsed.ok) return invalid(parsed.errors, { action: 'revokeAll' });
		const revoked = await distribution.revokeUnusedCodes(db, user, org.id, survey.id);
		return { action: 'revokeAll', revoked };
	},
	helpContacts: async (event) => {
		const { org, user, survey, db, t } = await open(event, 'surveys.distribute');
		const languages = await distribution.surveyLanguages(db, org.id, survey);
		const schema = schemas.helpContactsSchema(languages.map((l) => l.code));
		const parsed = parseForm(await event.request.formData(), schema, t);
		if (!parsed.ok) return invalid(parsed.errors, { action: 'help', values: parsed.values });
		await distribution.saveHelpContacts(db, user, org.id, survey.id, parsed.data);
		return { action: 'help', saved: true };
	}
} satisfies Actions;
