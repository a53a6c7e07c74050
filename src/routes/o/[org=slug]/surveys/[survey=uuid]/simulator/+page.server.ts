import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { EXPIRY_DAYS, simulatorSendSchema, type SimulatorMessage } from '$lib/schemas/sms';
import { surveyScope } from '$lib/server/auth/viewer';
import { parseForm, type FieldErrors } from '$lib/server/forms';
import { openSurvey } from '$lib/server/respond/service';
import { keywordForSurvey } from '$lib/server/sms/channels';
import {
	openConversation,
	readMeta,
	sendMessage,
	type SimulatorMeta,
	type SimulatorStep
} from '$lib/sms/simulator';
import type { Actions, PageServerLoad } from './$types';

type Event = RequestEvent<{ org: string; survey: string }>;

/** A neutral keyword for the help text when no channel serves this survey yet. */
const EXAMPLE_KEYWORD = 'HELLO';

/** The guard, then the survey's newest published version still open to answers. */
async function open(event: Event) {
	const { org, survey, db } = await surveyScope(event, 'sms.simulate');
	const version = (await openSurvey(db, survey.id, org.id)) ?? null;
	const keyword = (await keywordForSurvey(db, org.id, survey.id)) ?? EXAMPLE_KEYWORD;
	return { survey, version, keyword, t: event.locals.t };
}

/** What the page keeps in its hidden fields: nothing of it is stored on the server. */
function conversation(step: SimulatorStep, before: SimulatorMessage[] = [], body?: string) {
	const transcript: SimulatorMessage[] = [
		...before,
		...(body === undefined ? [] : [{ from: 'person' as const, text: body, lang: null }]),
		...step.messages.map((m) => ({ from: 'service' as const, text: m.text, lang: m.lang }))
	];
	return { meta: step.meta, transcript, outcome: step.outcome };
}

const outcomeOf = (meta: SimulatorMeta): SimulatorStep['outcome'] =>
	meta.optedOut ? 'optedOut' : meta.conversation ? 'continue' : 'ended';

export const load = (async (event) => {
	const { survey, version, keyword } = await open(event);
	return {
		survey: { id: survey.id, name: survey.name },
		version: version
			? {
					number: version.number,
					languages: version.instrument.languages.map((l) => ({ code: l.code, dir: l.dir }))
				}
			: null,
		keyword,
		start: version ? conversation(openConversation(version.instrument, Date.now())) : null
	};
}) satisfies PageServerLoad;

export const actions = {
	send: async (event) => {
		const { version, keyword, t } = await open(event);
		if (!version) error(404, { message: t('errors.notFound') });
		const form = await event.request.formData();
		const parsed = parseForm(form, simulatorSendSchema, t);
		if (!parsed.ok) {
			// An empty reply keeps the conversation so far on the page; broken hidden fields do not.
			const kept = parseForm(form, simulatorSendSchema.pick({ meta: true, transcript: true }), t);
			const meta = kept.ok ? readMeta(kept.data.meta) : null;
			const sim =
				kept.ok && meta
					? { meta, transcript: kept.data.transcript, outcome: outcomeOf(meta) }
					: undefined;
			const errors: FieldErrors = sim ? parsed.errors : { form: t('sms.simulator.unreadable') };
			return fail(400, { action: 'send', errors, sim });
		}
		const meta = readMeta(parsed.data.meta);
		if (!meta) {
			const errors: FieldErrors = { form: t('sms.simulator.unreadable') };
			return fail(400, { action: 'send', errors, sim: undefined });
		}
		const step = sendMessage(version.instrument, meta, parsed.data.body, Date.now(), {
			keyword,
			expiresAfterMs: EXPIRY_DAYS.default * 24 * 3600 * 1000
		});
		return { action: 'send', sim: conversation(step, parsed.data.transcript, parsed.data.body) };
	},
	restart: async (event) => {
		const { version, t } = await open(event);
		if (!version) error(404, { message: t('errors.notFound') });
		return {
			action: 'restart',
			sim: conversation(openConversation(version.instrument, Date.now()))
		};
	}
} satisfies Actions;
