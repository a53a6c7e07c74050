import { and, eq, inArray, lt, notExists } from 'drizzle-orm';
import { keywordOf, isPanicWord, readState, reply, start, type Turn } from '../../sms/conversation';
import { helpText, optedInText, optedOutText } from '../../sms/words';
import type { Answers } from '../../survey/relevance';
import type { Db } from '../db';
import {
	smsChannels,
	smsConversations,
	smsOptOuts,
	smsOutbox,
	smsReceipts,
	smsReminders,
	type SmsChannel
} from '../db/schema';
import { decryptSecret, keyedHash } from '../secret';
import {
	dayOf,
	openSurvey,
	servedVersion,
	storeResponse,
	type ServedVersion
} from '../respond/service';
import { normaliseWord } from './channels';
import { forgetFollowUps, keepFollowUp, purgeExpiredFollowUps } from './followups';
import { phoneHash } from './phone';
import { cancelReminder, scheduleReminder } from './reminders';
import { verifyTwilioSignature } from './twilio-signature';

/**
 * An inbound SMS, from the webhook to the reply: signature first (nothing is read or stored
 * before it passes), gateway location fields dropped, the number turned into a keyed hash at
 * once, keywords and the panic word, then the conversation engine. Bodies are never stored;
 * a completed conversation becomes a response exactly like a web one, with no phone reference.
 *
 * Exactly once: each message is handled in one transaction that ends by claiming its receipt
 * (a keyed hash of the provider's message id) with the reply. A retry of a message handled
 * before finds the receipt taken, rolls back all it did and gets the same reply; a retry racing
 * the original waits for it on the conversation's row or the receipt's key; a message whose
 * handling failed left no receipt and is handled anew. Retries are rare, so handling one twice
 * and undoing it costs less than claiming first and writing the reply in a statement of its own.
 */

/** Twilio's location guesses about the sender: dropped on arrival (DOMAIN.md). */
const LOCATION_FIELDS = /^(From|To|Caller|Called)(City|State|Zip|Country)$/;

const DAY_MS = 24 * 60 * 60 * 1000;

export type InboundResult =
	{ status: 400 | 403 | 404 } | { status: 200; messages: string[]; outcome: InboundOutcome };

export type InboundOutcome =
	'retry' | 'optedOut' | 'optedIn' | 'help' | 'ignored' | 'panic' | 'started' | Turn['outcome'];

interface CachedChannel {
	channel: SmsChannel;
	token: string | null;
	/** The version new conversations start on. */
	survey: ServedVersion | undefined;
	at: number;
}

const channels = new Map<string, CachedChannel>();

/**
 * Channel rows and the version they serve change rarely; caching them for a few seconds
 * spares two queries per message (a change shows within 5 s on every server).
 */
async function channelOf(db: Db, id: string, now: number): Promise<CachedChannel | null> {
	const cached = channels.get(id);
	if (cached && now - cached.at < 5000) return cached;
	const [channel] = await db.select().from(smsChannels).where(eq(smsChannels.id, id));
	if (!channel) return null;
	const token = await decryptSecret(db, 'sms-auth-token', channel.authTokenEncrypted);
	const entry = { channel, token, survey: await openSurvey(db, channel.surveyId), at: now };
	if (channels.size > 500) channels.clear();
	channels.set(id, entry);
	return entry;
}

/** Forgets cached channels (tests that change a channel behind the cache's back). */
export function forgetCachedChannels(): void {
	channels.clear();
}

/** Handles one Twilio webhook post. `url` is the public URL Twilio called (from ORIGIN). */
export async function handleInbound(
	db: Db,
	input: { channelId: string; url: string; signature: string | null; params: URLSearchParams },
	now = new Date()
): Promise<InboundResult> {
	if (!input.signature) return { status: 400 };
	const found = await channelOf(db, input.channelId, now.getTime());
	if (!found?.token) return { status: 404 };
	const pairs = [...input.params.entries()];
	if (!verifyTwilioSignature(found.token, input.signature, input.url, pairs))
		return { status: 403 };
	const { channel, survey } = found;

	for (const key of [...input.params.keys()])
		if (LOCATION_FIELDS.test(key)) input.params.delete(key);
	const from = input.params.get('From') ?? '';
	const body = (input.params.get('Body') ?? '').slice(0, 1600);
	const sid = input.params.get('MessageSid') ?? '';
	if (!/^\+[1-9]\d{6,14}$/.test(from) || !MESSAGE_ID.test(sid)) return { status: 400 };
	const [phone, receipt] = await Promise.all([
		phoneHash(db, from),
		keyedHash(db, 'sms-message', `${channel.id}:${sid}`)
	]);
	const until = dayOf(new Date(now.getTime() + DAY_MS));
	try {
		return await db.transaction(async (tx) => {
			const result = await converse(tx, channel, survey, phone, body, now, from);
			// Claimed last, with the reply, so that handling a message costs one statement more.
			const [claimed] = await tx
				.insert(smsReceipts)
				.values({ id: receipt, reply: result.messages, until })
				.onConflictDoNothing()
				.returning({ id: smsReceipts.id });
			if (!claimed) throw new Retry();
			return result;
		});
	} catch (e) {
		if (!(e instanceof Retry)) throw e;
		const [earlier] = await db
			.select({ reply: smsReceipts.reply })
			.from(smsReceipts)
			.where(eq(smsReceipts.id, receipt));
		return { status: 200, outcome: 'retry', messages: earlier?.reply ?? [] };
	}
}

/** A message handled before: everything its handling changed again is rolled back. */
class Retry extends Error {}

/** Twilio's message ids: two letters (SM, MM) and 32 hex digits. */
const MESSAGE_ID = /^[A-Z]{2}[0-9a-f]{32}$/;

/** The conversation for one phone (by hash) and one message body. Pure of any provider. */
export async function converse(
	db: Db,
	channel: SmsChannel,
	survey: ServedVersion | undefined,
	phone: string,
	body: string,
	now = new Date(),
	/** The raw number, used only to schedule a reminder where the channel has them. */
	number?: string
): Promise<Extract<InboundResult, { status: 200 }>> {
	const keyword = keywordOf(body);
	const [[conversation], [optedOut]] = await Promise.all([
		// Locked for this message's transaction: two messages of one phone take turns.
		db.select().from(smsConversations).where(forPhone(channel.id, phone)).for('update'),
		db
			.select({ since: smsOptOuts.since })
			.from(smsOptOuts)
			.where(and(eq(smsOptOuts.orgId, channel.orgId), eq(smsOptOuts.phoneHash, phone)))
	]);
	const language = conversation ? (readState(conversation.state)?.language ?? null) : null;
	const lang = language ?? survey?.instrument.defaultLanguage ?? 'en';

	if (keyword === 'stop') {
		await db.transaction(async (tx) => {
			await tx
				.insert(smsOptOuts)
				.values({ orgId: channel.orgId, phoneHash: phone, since: dayOf(now) })
				.onConflictDoNothing();
			// Every conversation of this phone with the organisation ends, on any of its numbers.
			const ofOrg = inArray(
				smsConversations.channelId,
				tx
					.select({ id: smsChannels.id })
					.from(smsChannels)
					.where(eq(smsChannels.orgId, channel.orgId))
			);
			await tx.delete(smsConversations).where(and(ofOrg, eq(smsConversations.phoneHash, phone)));
			await tx
				.delete(smsReminders)
				.where(
					and(
						inArray(
							smsReminders.channelId,
							tx
								.select({ id: smsChannels.id })
								.from(smsChannels)
								.where(eq(smsChannels.orgId, channel.orgId))
						),
						eq(smsReminders.phoneHash, phone)
					)
				);
			await tx
				.delete(smsOutbox)
				.where(and(eq(smsOutbox.phoneHash, phone), eq(smsOutbox.status, 'queued')));
			// A yes to a follow-up message is withdrawn with everything else (decision 010).
			await forgetFollowUps(tx, channel.orgId, phone);
		});
		return { status: 200, outcome: 'optedOut', messages: [optedOutText(lang)] };
	}
	if (keyword === 'start') {
		await db
			.delete(smsOptOuts)
			.where(and(eq(smsOptOuts.orgId, channel.orgId), eq(smsOptOuts.phoneHash, phone)));
		return { status: 200, outcome: 'optedIn', messages: [optedInText(lang, channel.keyword)] };
	}
	// Opted out: no further messages ever, until START.
	if (optedOut) return { status: 200, outcome: 'ignored', messages: [] };
	if (keyword === 'help')
		return { status: 200, outcome: 'help', messages: [helpText(lang, channel.keyword)] };
	if (isPanicWord(body, channel.panicWord)) {
		await endConversation(db, channel.id, phone);
		await forgetFollowUps(db, channel.orgId, phone);
		// Someone may be watching the phone: nothing more goes to it, not even a reminder.
		await db
			.delete(smsOutbox)
			.where(
				and(
					eq(smsOutbox.channelId, channel.id),
					eq(smsOutbox.phoneHash, phone),
					eq(smsOutbox.status, 'queued')
				)
			);
		return { status: 200, outcome: 'panic', messages: [] };
	}

	const expiresAfterMs = channel.expiryDays * DAY_MS;
	const state = conversation ? readState(conversation.state) : null;
	const live = conversation && state && conversation.expiresAt.getTime() > now.getTime();
	if (!live) {
		if (conversation) await endConversation(db, channel.id, phone);
		if (!survey || normaliseWord(body) !== channel.keyword)
			return { status: 200, outcome: 'ignored', messages: [] };
		// No follow-up option here: nothing is stored from `start`, so a survey that ended on its
		// first message has no answers a follow-up could come after.
		const turn = start(survey.instrument, now);
		await save(db, channel, phone, survey.id, turn, now, expiresAfterMs);
		if (number)
			await scheduleReminder(
				db,
				channel,
				{ phone, number, language: survey.instrument.defaultLanguage, alreadyReminded: false },
				now
			);
		return { status: 200, outcome: 'started', messages: turn.messages };
	}
	const version = await servedVersion(db, conversation.versionId);
	if (!version) {
		await endConversation(db, channel.id, phone);
		return { status: 200, outcome: 'ignored', messages: [] };
	}
	const turn = reply(version.instrument, state, body, now, {
		expiresAfterMs,
		offerFollowUp: channel.offerFollowUp
	});
	if (turn.outcome === 'continue') {
		await save(db, channel, phone, version.id, turn, now, expiresAfterMs);
		if (number)
			await scheduleReminder(
				db,
				channel,
				{
					phone,
					number,
					language: turn.state.language ?? version.instrument.defaultLanguage,
					alreadyReminded: conversation.reminded
				},
				now
			);
	} else if (turn.outcome === 'completed') {
		await db.transaction(async (tx) => {
			const [deleted] = await tx
				.delete(smsConversations)
				.where(forPhone(channel.id, phone))
				.returning({ id: smsConversations.id });
			// Two messages racing: only the one that removed the conversation stores it.
			if (!deleted) return;
			await storeResponse(
				tx,
				{
					// The survey of the version answered: the channel may serve another one by now.
					orgId: version.orgId,
					surveyId: version.surveyId,
					versionId: version.id,
					channel: 'sms',
					language: state.language ?? version.instrument.defaultLanguage,
					answers: turn.answers as Answers
				},
				now
			);
			// The follow-up question, where the channel asks it: a new conversation row in a state
			// that holds no answers, so nothing ties what comes next to the response just stored.
			if (turn.state) await save(tx, channel, phone, version.id, turn, now, expiresAfterMs);
		});
		await cancelReminder(db, channel.id, phone);
	} else if (turn.outcome === 'followUp') {
		await db.transaction(async (tx) => {
			const [deleted] = await tx
				.delete(smsConversations)
				.where(forPhone(channel.id, phone))
				.returning({ id: smsConversations.id });
			// Without the number (no webhook) there is nothing to keep; the answer is never stored.
			if (!deleted || !turn.wantsFollowUp || !number) return;
			await keepFollowUp(
				tx,
				{
					orgId: version.orgId,
					surveyId: version.surveyId,
					channelId: channel.id,
					language: state.language ?? version.instrument.defaultLanguage,
					phone,
					number
				},
				now
			);
		});
	} else {
		await endConversation(db, channel.id, phone);
	}
	return { status: 200, outcome: turn.outcome, messages: turn.messages };
}

async function endConversation(db: Db, channelId: string, phone: string) {
	await db.delete(smsConversations).where(forPhone(channelId, phone));
	await cancelReminder(db, channelId, phone);
}

function forPhone(channelId: string, phone: string) {
	return and(eq(smsConversations.channelId, channelId), eq(smsConversations.phoneHash, phone));
}

async function save(
	db: Db,
	channel: SmsChannel,
	phone: string,
	versionId: string,
	turn: Turn,
	now: Date,
	expiresAfterMs: number
) {
	if (!turn.state) return;
	const values = {
		channelId: channel.id,
		phoneHash: phone,
		versionId,
		state: turn.state,
		expiresAt: new Date(now.getTime() + expiresAfterMs)
	};
	await db
		.insert(smsConversations)
		.values(values)
		.onConflictDoUpdate({
			target: [smsConversations.channelId, smsConversations.phoneHash],
			set: { state: values.state, expiresAt: values.expiresAt, versionId }
		});
}

/** Deletes conversations past their expiry; returns how many. */
export async function purgeExpiredConversations(db: Db, now = new Date()): Promise<number> {
	const rows = await db
		.delete(smsConversations)
		.where(lt(smsConversations.expiresAt, now))
		.returning({ id: smsConversations.id });
	// A reminder's number lives no longer than its conversation.
	await db.delete(smsReminders).where(
		notExists(
			db
				.select({ id: smsConversations.id })
				.from(smsConversations)
				.where(
					and(
						eq(smsConversations.channelId, smsReminders.channelId),
						eq(smsConversations.phoneHash, smsReminders.phoneHash)
					)
				)
		)
	);
	// Follow-up numbers have their own, longer life (decision 010), ended by the same purge.
	await purgeExpiredFollowUps(db, now);
	await db.delete(smsReceipts).where(lt(smsReceipts.until, dayOf(now)));
	return rows.length;
}

/** TwiML for the reply: one <Message> per text, XML-escaped; none for silence. */
export function twiml(messages: string[]): string {
	const escape = (s: string) =>
		s.replace(
			/[<>&'"]/g,
			(c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!
		);
	return `<?xml version="1.0" encoding="UTF-8"?><Response>${messages
		.map((m) => `<Message>${escape(m)}</Message>`)
		.join('')}</Response>`;
}
