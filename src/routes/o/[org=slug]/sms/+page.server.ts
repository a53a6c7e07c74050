import { error } from '@sveltejs/kit';
import * as schemas from '$lib/schemas/sms';
import { orgViewer } from '$lib/server/auth/viewer';
import { config } from '$lib/server/config';
import { invalid, parseForm } from '$lib/server/forms';
import * as channels from '$lib/server/sms/channels';
import * as surveys from '$lib/server/surveys/service';
import type { Actions, PageServerLoad } from './$types';

/** Where Twilio posts a channel's inbound messages (pasted into the Twilio console). */
const webhookUrl = (id: string) => `${config().origin}/api/sms/twilio/${id}`;

/** Which form field each refusal of the service belongs beside. */
const ERROR_FIELD: Record<channels.ChannelError, string> = {
	notFound: 'form',
	surveyNotFound: 'survey',
	notPublished: 'survey',
	numberTaken: 'senderNumber'
};

export const load = (async (event) => {
	const { org } = await orgViewer(event, 'sms.manage');
	const db = event.locals.db;
	const [list, all] = await Promise.all([
		channels.listChannels(db, org.id),
		surveys.listSurveys(db, org.id)
	]);
	return {
		channels: list.map((c) => ({
			id: c.id,
			surveyId: c.surveyId,
			surveyName: c.surveyName,
			senderNumber: c.senderNumber,
			accountId: c.accountId,
			keyword: c.keyword,
			hasPanicWord: c.hasPanicWord,
			expiryDays: c.expiryDays,
			reminderHours: c.reminderHours,
			offerFollowUp: c.offerFollowUp,
			webhookUrl: webhookUrl(c.id)
		})),
		surveys: all.filter((s) => s.latestVersion !== null).map((s) => ({ id: s.id, name: s.name }))
	};
}) satisfies PageServerLoad;

export const actions = {
	create: async (event) => {
		const { org, user } = await orgViewer(event, 'sms.manage');
		const { t, db } = event.locals;
		const parsed = parseForm(await event.request.formData(), schemas.createChannelSchema, t);
		if (!parsed.ok) return invalid(parsed.errors, { action: 'create', values: parsed.values });
		const { survey, ...rest } = parsed.data;
		const result = await channels.createChannel(db, user, org.id, { ...rest, surveyId: survey });
		if (!result.ok)
			return invalid(
				{ [ERROR_FIELD[result.error]]: t(`sms.channels.errors.${result.error}`) },
				{ action: 'create', values: parsed.values }
			);
		return { action: 'create', saved: result.id };
	},
	update: async (event) => {
		const { org, user } = await orgViewer(event, 'sms.manage');
		const { t, db } = event.locals;
		const parsed = parseForm(await event.request.formData(), schemas.updateChannelSchema, t);
		const channel = parsed.values.channel;
		if (!parsed.ok)
			return invalid(parsed.errors, { action: `update:${channel}`, values: parsed.values });
		const { survey, channel: id, clearPanicWord, panicWord, ...rest } = parsed.data;
		const result = await channels.updateChannel(db, user, org.id, id, {
			...rest,
			surveyId: survey,
			panicWord: clearPanicWord ? null : (panicWord ?? undefined)
		});
		if (!result.ok) {
			if (result.error === 'notFound') error(404, { message: t('errors.notFound') });
			return invalid(
				{ [ERROR_FIELD[result.error]]: t(`sms.channels.errors.${result.error}`) },
				{ action: `update:${id}`, values: parsed.values }
			);
		}
		return { action: `update:${id}`, saved: id };
	},
	delete: async (event) => {
		const { org, user } = await orgViewer(event, 'sms.manage');
		const { t, db } = event.locals;
		const parsed = parseForm(await event.request.formData(), schemas.deleteChannelSchema, t);
		if (!parsed.ok) return invalid({ form: t('validation.invalid') }, { action: 'delete' });
		if (!(await channels.deleteChannel(db, user, org.id, parsed.data.channel)))
			return invalid({ form: t('sms.channels.errors.notFound') }, { action: 'delete' });
		return { action: 'delete', deleted: true };
	}
} satisfies Actions;
