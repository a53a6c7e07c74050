import { inviteSchema, MAX_INVITE_FILE_BYTES } from '$lib/schemas/sms-invite';
import { orgViewer } from '$lib/server/auth/viewer';
import { invalid, parseForm } from '$lib/server/forms';
import * as channels from '$lib/server/sms/channels';
import * as outbox from '$lib/server/sms/outbox';
import { MAX_INVITE_ROWS, parseInviteList } from '$lib/sms/invite-list';
import { smsInfo } from '$lib/sms/segments';
import { invitationText, SMS_LANGUAGES } from '$lib/sms/words';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	const { org } = await orgViewer(event, 'sms.invite');
	const db = event.locals.db;
	const [list, status] = await Promise.all([
		channels.listChannels(db, org.id),
		outbox.outboxStatus(db, org.id)
	]);
	const selected = list.find((c) => c.id === event.url.searchParams.get('channel')) ?? list[0];
	return {
		channels: list.map((c) => ({
			id: c.id,
			senderNumber: c.senderNumber,
			keyword: c.keyword,
			surveyName: c.surveyName
		})),
		selected: selected?.id ?? null,
		languages: [...SMS_LANGUAGES],
		previews: selected
			? SMS_LANGUAGES.map((code) => {
					const text = invitationText(code, selected.keyword);
					const { encoding, segments } = smsInfo(text);
					return { code, text, encoding, segments };
				})
			: [],
		status: list.map((c) => ({
			channelId: c.id,
			senderNumber: c.senderNumber,
			...(status.find((s) => s.channelId === c.id) ?? { queued: 0, sent: 0, failed: 0, skipped: 0 })
		}))
	};
}) satisfies PageServerLoad;

export const actions = {
	queue: async (event) => {
		const { org, user } = await orgViewer(event, 'sms.invite');
		const { db, t } = event.locals;
		const form = await event.request.formData();
		const parsed = parseForm(form, inviteSchema, t);
		if (!parsed.ok) return invalid(parsed.errors, { action: 'queue', values: parsed.values });
		const { channel, numbers, language, countryCode } = parsed.data;
		const fail = (field: string, key: string) =>
			invalid({ [field]: t(key) }, { action: 'queue', values: parsed.values });

		let text = numbers;
		const file = form.get('file');
		if (file instanceof File && file.size > 0) {
			if (file.size > MAX_INVITE_FILE_BYTES) return fail('file', 'smsInvite.errors.fileTooLarge');
			text += `\n${await file.text()}`;
		}
		const list = parseInviteList(text, language);
		if (list.rows.length + list.badLanguage > MAX_INVITE_ROWS)
			return fail('numbers', 'smsInvite.errors.tooMany');
		if (list.rows.length + list.badLanguage === 0) return fail('numbers', 'smsInvite.errors.none');

		const result = await outbox.queueInvitations(db, user, org.id, channel, {
			numbers: list.rows,
			confirmedSafe: true,
			countryCode
		});
		if (!result.ok)
			return result.error === 'notFound'
				? fail('channel', 'smsInvite.errors.notFound')
				: fail('numbers', 'smsInvite.errors.tooMany');
		// The numbers are not sent back: the page shows counts only.
		return {
			action: 'queue',
			queued: result.queued,
			optedOut: result.optedOut,
			invalid: result.invalid + list.badLanguage,
			duplicates: result.duplicates
		};
	}
} satisfies Actions;
