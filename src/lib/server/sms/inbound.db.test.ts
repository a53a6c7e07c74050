import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { smsChannels, type Organisation } from '../db/schema';
import { rows, useTestDatabase, wholeDatabaseText } from '../db/testing';
import { fixtures } from '../db/testing/fixtures';
import { DEMO_SURVEY } from '../demo/survey';
import type { Actor } from '../orgs/service';
import { encryptSecret } from '../secret';
import { createSurvey, publishSurvey } from '../surveys/service';
import { forgetCachedChannels, handleInbound, purgeExpiredConversations, twiml } from './inbound';
import { phoneHash } from './phone';
import { queueDueReminders } from './reminders';
import { twilioSignature } from './twilio-signature';

/**
 * The SMS webhook on the database, as Twilio drives it: signatures, keywords, the whole demo
 * survey, and a scan of every table for what must never be stored.
 */

let db: Db;
useTestDatabase((d) => {
	db = d.db;
});
const { person, organisation } = fixtures(() => db);

const TOKEN = '0123456789abcdef0123456789abcdef';
const URL_BASE = 'https://heard.example/api/sms/twilio/';
const PHONE = '+447700900123';
const CITY = 'Faraway-Town';

let owner: Actor;
let org: Organisation;
let surveyId: string;
let counter = 0;

async function channel(id: string, more: Partial<typeof smsChannels.$inferInsert> = {}) {
	await db.insert(smsChannels).values({
		id,
		orgId: org.id,
		surveyId,
		senderNumber: '+15005550006',
		accountId: 'AC' + '0'.repeat(32),
		authTokenEncrypted: await encryptSecret(db, 'sms-auth-token', TOKEN),
		keyword: 'HELLO',
		...more
	});
}

beforeAll(async () => {
	owner = await person('sms-owner');
	org = await organisation('sms', owner);
	const survey = await createSurvey(db, owner, org.id, { name: 'SMS', instrument: DEMO_SURVEY });
	expect(await publishSurvey(db, owner, org.id, survey.id)).toMatchObject({ ok: true });
	surveyId = survey.id;
	await channel('smschan', { panicWord: 'BANANA' });
});

/** A signed webhook post, with the location fields Twilio adds. */
function post(
	body: string,
	options: {
		from?: string;
		channel?: string;
		token?: string;
		url?: string;
		signature?: string | null;
		/** Twilio's message id: the same one again is a retry. */
		sid?: string;
	} = {}
) {
	const channelId = options.channel ?? 'smschan';
	const url = options.url ?? `${URL_BASE}${channelId}`;
	const params = new URLSearchParams({
		MessageSid: options.sid ?? sidOf(counter++),
		AccountSid: 'AC' + '0'.repeat(32),
		From: options.from ?? PHONE,
		To: '+15005550006',
		Body: body,
		FromCity: CITY,
		FromState: 'Nowhere',
		FromZip: '99999',
		FromCountry: 'ZZ',
		NumMedia: '0'
	});
	const signature =
		options.signature === undefined
			? twilioSignature(options.token ?? TOKEN, url, [...params.entries()])
			: options.signature;
	return handleInbound(db, {
		channelId,
		url: `${URL_BASE}${channelId}`,
		signature,
		params
	});
}

function sidOf(n: number): string {
	return `SM${n.toString(16).padStart(32, '0')}`;
}

/** Where a conversation stands, without its clock. */
function stepOf(state: unknown) {
	const { question, answers } = state as { question: string; answers: unknown };
	return { question, answers };
}

/** The stored state of a phone's conversation on the test channel. */
async function stateOf(from: string): Promise<unknown> {
	const hash = await phoneHash(db, from);
	const [row] = await rows<{ state: unknown }>(
		db.execute(
			sql`select state from sms_conversations where channel_id = 'smschan' and phone_hash = ${hash}`
		)
	);
	return row?.state;
}

async function count(table: string): Promise<number> {
	const [row] = await rows<{ n: number }>(
		db.execute(sql.raw(`select count(*)::int as n from ${table}`))
	);
	return row!.n;
}

describe('the webhook refuses what Twilio did not sign', () => {
	it('answers 400 without a signature, 403 for a wrong one, 404 for an unknown channel', async () => {
		expect(await post('HELLO', { signature: null })).toEqual({ status: 400 });
		expect(await post('HELLO', { token: 'f'.repeat(32) })).toEqual({ status: 403 });
		expect(
			await post('HELLO', { url: 'https://elsewhere.example/api/sms/twilio/smschan' })
		).toEqual({ status: 403 });
		expect(await post('HELLO', { channel: 'nosuchchannel' })).toEqual({ status: 404 });
		expect(await count('sms_conversations')).toBe(0);
	});
});

describe('a conversation by SMS', () => {
	it('completes the demo survey and stores it like a web response, with no phone anywhere', async () => {
		const before = await count('responses');
		const started = await post('hello');
		expect(started).toMatchObject({ status: 200, outcome: 'started' });
		const menu = (started as { messages: string[] }).messages.join('\n');
		expect(menu).toContain('English');
		expect(menu).toContain('العربية');
		let outcome = 'started';
		for (let i = 0; i < 80 && outcome !== 'completed'; i++) {
			const result = await post('1');
			expect(result.status).toBe(200);
			outcome = (result as { outcome: string }).outcome;
			expect(outcome, `turn ${i}`).toMatch(/continue|completed/);
		}
		expect(outcome).toBe('completed');
		expect(await count('responses')).toBe(before + 1);
		expect(await count('sms_conversations')).toBe(0);
		const [row] = await rows<{
			channel: string;
			language: string;
			answers: Record<string, unknown>;
		}>(db.execute(sql`select channel, language, answers from responses where channel = 'sms'`));
		expect(row).toMatchObject({ channel: 'sms', language: 'en' });
		expect(row!.answers).toMatchObject({ safety_check: 'yes', consent: 'yes' });
		const everything = await wholeDatabaseText(db);
		expect(everything).not.toContain(PHONE);
		expect(everything).not.toContain(PHONE.slice(1));
		expect(everything).not.toContain(CITY);
		expect(everything).not.toContain('Nowhere');
	});

	it('STOP opts out (draft gone, one confirmation, then silence) until START', async () => {
		const phone = '+447700900222';
		await post('HELLO', { from: phone });
		expect(await count('sms_conversations')).toBe(1);
		const stop = await post(' stop ', { from: phone });
		expect(stop).toMatchObject({ status: 200, outcome: 'optedOut' });
		expect((stop as { messages: string[] }).messages).toHaveLength(1);
		expect(await count('sms_conversations')).toBe(0);
		expect(await post('HELLO', { from: phone })).toMatchObject({
			outcome: 'ignored',
			messages: []
		});
		expect(await post('HELP', { from: phone })).toMatchObject({ outcome: 'ignored', messages: [] });
		expect(await post('START', { from: phone })).toMatchObject({ outcome: 'optedIn' });
		expect(await post('HELLO', { from: phone })).toMatchObject({ outcome: 'started' });
		await post('STOP', { from: phone });
	});

	it('the panic word ends the conversation silently and deletes it', async () => {
		const phone = '+447700900333';
		await post('HELLO', { from: phone });
		expect(await post('banana', { from: phone })).toMatchObject({
			status: 200,
			outcome: 'panic',
			messages: []
		});
		expect(await count('sms_conversations')).toBe(0);
	});

	it('HELP answers with the help text; other messages without a conversation get nothing', async () => {
		const phone = '+447700900444';
		const help = await post('help', { from: phone });
		expect(help).toMatchObject({ outcome: 'help' });
		expect((help as { messages: string[] }).messages[0]).toContain('HELLO');
		expect(await post('what is this?', { from: phone })).toMatchObject({
			outcome: 'ignored',
			messages: []
		});
	});

	it('an expired conversation is dropped; only the keyword starts again', async () => {
		const phone = '+447700900555';
		await post('HELLO', { from: phone });
		await db.execute(sql`update sms_conversations set expires_at = now() - interval '1 minute'`);
		expect(await post('1', { from: phone })).toMatchObject({ outcome: 'ignored' });
		expect(await count('sms_conversations')).toBe(0);
		expect(await post('HELLO', { from: phone })).toMatchObject({ outcome: 'started' });
		await post('STOP', { from: phone });
	});
});

describe('Twilio’s retries change nothing', () => {
	const messagesOf = (r: Awaited<ReturnType<typeof post>>) =>
		r.status === 200 ? r.messages : [`status ${r.status}`];

	it('a retried "1" gets the same reply and does not answer the next question', async () => {
		const phone = '+447700900611';
		await post('HELLO', { from: phone });
		const language = await post('1', { from: phone, sid: sidOf(0x6110) });
		expect(language).toMatchObject({ status: 200, outcome: 'continue' });
		const asked = await stateOf(phone);
		// The safety check is on screen; Twilio got no answer in time and sends the same "1" again.
		const retried = await post('1', { from: phone, sid: sidOf(0x6110) });
		expect(retried).toMatchObject({ status: 200 });
		expect(messagesOf(retried)).toEqual(messagesOf(language));
		expect(await stateOf(phone)).toEqual(asked);
		// The person's own "2" (not now) is what answers the safety check.
		expect(await post('2', { from: phone })).toMatchObject({ status: 200 });
		expect(await stateOf(phone)).toBeUndefined();
	});

	it('a retried last answer stores the response once', async () => {
		const phone = '+447700900612';
		const before = await count('responses');
		await post('HELLO', { from: phone });
		let last: Awaited<ReturnType<typeof post>> | undefined;
		let sid = '';
		for (let i = 0; i < 80 && (last as { outcome?: string })?.outcome !== 'completed'; i++) {
			sid = sidOf(0x6120_000 + i);
			last = await post('1', { from: phone, sid });
		}
		expect(last).toMatchObject({ outcome: 'completed' });
		expect(await count('responses')).toBe(before + 1);
		const again = await post('1', { from: phone, sid });
		expect(messagesOf(again)).toEqual(messagesOf(last!));
		expect(await count('responses')).toBe(before + 1);
	});

	it('two deliveries of one message at the same moment change the conversation once', async () => {
		const phone = '+447700900613';
		await post('HELLO', { from: phone });
		await post('1', { from: phone });
		const asked = await stateOf(phone);
		const [a, b] = await Promise.all([
			post('1', { from: phone, sid: sidOf(0x6130) }),
			post('1', { from: phone, sid: sidOf(0x6130) })
		]);
		expect(messagesOf(a)).toEqual(messagesOf(b));
		// One step from where it was, the same step as a single delivery takes.
		const once = stepOf(await stateOf(phone));
		expect(once).not.toEqual(stepOf(asked));
		await post('STOP', { from: phone });
		await post('START', { from: phone });
		await post('HELLO', { from: phone });
		await post('1', { from: phone });
		await post('1', { from: phone });
		expect(stepOf(await stateOf(phone))).toEqual(once);
		await post('STOP', { from: phone });
	});

	it('keeps only a keyed hash of the message id, and not past two days', async () => {
		const sid = sidOf(0x6140);
		await post('HELP', { from: '+447700900614', sid });
		const everything = await wholeDatabaseText(db);
		expect(everything).not.toContain(sid);
		expect(everything).not.toContain(sid.slice(2));
		expect(await count('sms_receipts')).toBeGreaterThan(0);
		const later = new Date(Date.now() + 2 * 24 * 60 * 60 * 1000 + 1000);
		await purgeExpiredConversations(db, later);
		expect(await count('sms_receipts')).toBe(0);
	});

	it('a message without its id is refused and changes nothing', async () => {
		const phone = '+447700900615';
		await post('HELLO', { from: phone });
		const asked = await stateOf(phone);
		expect(await post('1', { from: phone, sid: '' })).toEqual({ status: 400 });
		expect(await stateOf(phone)).toEqual(asked);
		await post('STOP', { from: phone });
	});
});

describe('twiml', () => {
	it('escapes XML and says nothing for silence', () => {
		expect(twiml([])).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
		expect(twiml(['1 <a> & "b"', 'مرحبا'])).toBe(
			'<?xml version="1.0" encoding="UTF-8"?><Response><Message>1 &lt;a&gt; &amp; &quot;b&quot;</Message><Message>مرحبا</Message></Response>'
		);
	});
});

describe('the one reminder, where a channel has reminders on', () => {
	it('is scheduled with the number encrypted, queued once when due, and gone when answered', async () => {
		await channel('remindme', { keyword: 'HELLO', reminderHours: 2 });
		const phone = '+447700900666';
		const at = (hours: number) => new Date(Date.now() + hours * 60 * 60 * 1000);
		await post('HELLO', { channel: 'remindme', from: phone });
		expect(await count('sms_reminders')).toBe(1);
		// Kept only encrypted, and never beside the answers.
		expect(await wholeDatabaseText(db)).not.toContain(phone);
		expect(await queueDueReminders(db, at(1))).toBe(0);
		expect(await queueDueReminders(db, at(3))).toBe(1);
		expect(await count('sms_reminders')).toBe(0);
		const [queued] = await rows<{ to_number: string; body: string }>(
			db.execute(sql`select to_number, body from sms_outbox where channel_id = 'remindme'`)
		);
		expect(queued!.to_number).toBe(phone);
		expect(queued!.body).toContain('STOP');
		// At most one: answering on does not schedule another.
		await post('1', { channel: 'remindme', from: phone });
		expect(await count('sms_reminders')).toBe(0);
		expect(await queueDueReminders(db, at(10))).toBe(0);
		await post('STOP', { channel: 'remindme', from: phone });
	});

	it('is cancelled when the conversation ends, and never scheduled where reminders are off', async () => {
		const phone = '+447700900777';
		await post('HELLO', { channel: 'remindme', from: phone });
		expect(await count('sms_reminders')).toBe(1);
		await post('STOP', { channel: 'remindme', from: phone });
		expect(await count('sms_reminders')).toBe(0);
		await post('HELLO', { from: '+447700900888' });
		expect(await count('sms_reminders')).toBe(0);
		await post('STOP', { from: '+447700900888' });
	});
});

describe('what ends a conversation ends everything of it', () => {
	const at = (hours: number) => new Date(Date.now() + hours * 60 * 60 * 1000);

	it('STOP ends the phone’s conversations and reminders on every number of the organisation', async () => {
		await channel('second', { keyword: 'HELLO', reminderHours: 1 });
		const phone = '+447700901001';
		await post('HELLO', { from: phone });
		await post('HELLO', { channel: 'second', from: phone });
		expect(await count('sms_conversations')).toBe(2);
		expect(await count('sms_reminders')).toBe(1);
		await post('STOP', { from: phone });
		expect(await count('sms_conversations')).toBe(0);
		expect(await count('sms_reminders')).toBe(0);
		await post('START', { from: phone });
	});

	it('the panic word also withdraws a reminder already waiting in the outbox', async () => {
		const phone = '+447700901002';
		await channel('panicky', { keyword: 'HELLO', reminderHours: 1, panicWord: 'BANANA' });
		await post('HELLO', { channel: 'panicky', from: phone });
		expect(await queueDueReminders(db, at(2))).toBe(1);
		const queued = async () =>
			(
				await rows<{ n: number }>(
					db.execute(
						sql`select count(*)::int as n from sms_outbox where channel_id = 'panicky' and status = 'queued'`
					)
				)
			)[0]!.n;
		expect(await queued()).toBe(1);
		await post('banana', { channel: 'panicky', from: phone });
		expect(await queued()).toBe(0);
	});

	it('a reminder’s number is purged with its expired conversation', async () => {
		const phone = '+447700901003';
		await post('HELLO', { channel: 'remindme', from: phone });
		expect(await count('sms_reminders')).toBe(1);
		expect(await purgeExpiredConversations(db, at(24 * 30))).toBeGreaterThan(0);
		expect(await count('sms_reminders')).toBe(0);
	});

	it('a conversation finishes on the survey it started on, even if the channel moved on', async () => {
		const other = await createSurvey(db, owner, org.id, { name: 'Other', instrument: DEMO_SURVEY });
		expect(await publishSurvey(db, owner, org.id, other.id)).toMatchObject({ ok: true });
		await channel('mover', { keyword: 'HELLO' });
		const phone = '+447700901004';
		await post('HELLO', { channel: 'mover', from: phone });
		await db.execute(sql`update sms_channels set survey_id = ${other.id} where id = 'mover'`);
		forgetCachedChannels();
		let outcome = '';
		for (let i = 0; i < 80 && outcome !== 'completed'; i++)
			outcome = ((await post('1', { channel: 'mover', from: phone })) as { outcome: string })
				.outcome;
		expect(outcome).toBe('completed');
		const stored = await rows<{ n: number }>(
			db.execute(
				sql`select count(*)::int as n from responses r join survey_versions v on v.id = r.version_id where r.survey_id <> v.survey_id`
			)
		);
		expect(stored[0]!.n).toBe(0);
	});
});
