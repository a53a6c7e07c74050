import { isHttpError, type RequestEvent } from '@sveltejs/kit';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	actions,
	load
} from '../../../routes/o/[org=slug]/surveys/[survey=uuid]/summary/+page.server';
import { smsWordsFor } from '../../sms/words';
import type { Db } from '../db';
import { memberships, smsChannels, type Organisation } from '../db/schema';
import { rows, useTestDatabase, wholeDatabaseText } from '../db/testing';
import { fixtures } from '../db/testing/fixtures';
import { DEMO_SURVEY } from '../demo/survey';
import type { Actor } from '../orgs/service';
import { encryptSecret } from '../secret';
import { createChannel, listChannels, updateChannel } from './channels';
import { createSurvey, publishSurvey } from '../surveys/service';
import { setSummaries } from '../surveys/summaries';
import { FOLLOW_UP_DAYS, followUpExpiry, queueSummaries, waitingFollowUps } from './followups';
import { forgetCachedChannels, handleInbound, purgeExpiredConversations } from './inbound';
import { deliverDue } from './outbox';
import type { SmsProvider } from './provider';
import { twilioSignature } from './twilio-signature';

/**
 * "What we heard" by SMS on the database (docs/decisions/010): the yes at the end of a survey,
 * the sealed number, STOP, the purge, and the send from the summary page.
 */

let db: Db;
useTestDatabase((d) => {
	db = d.db;
});
const { person, organisation, auditOf } = fixtures(() => db);

const TOKEN = '0123456789abcdef0123456789abcdef';
const URL_BASE = 'https://heard.example/api/sms/twilio/';
const DAY = 24 * 60 * 60 * 1000;
const EN = 'Thank you. Many said waiting was long; we now answer within a week.';
const AR = 'شكرًا لكم. قال كثيرون إن الانتظار كان طويلًا؛ نرد الآن خلال أسبوع.';

let owner: Actor;
let manager: Actor;
let analyst: Actor;
let donor: Actor;
let org: Organisation;
let surveyId: string;
let counter = 0;
let phones = 0;

async function channel(id: string, more: Partial<typeof smsChannels.$inferInsert> = {}) {
	await db.insert(smsChannels).values({
		id,
		orgId: org.id,
		surveyId,
		senderNumber: `+1500555${String(1000 + counter++).slice(-4)}`,
		accountId: 'AC' + '0'.repeat(32),
		authTokenEncrypted: await encryptSecret(db, 'sms-auth-token', TOKEN),
		keyword: 'HELLO',
		...more
	});
}

beforeAll(async () => {
	owner = await person('loop-owner');
	manager = await person('loop-manager');
	analyst = await person('loop-analyst');
	donor = await person('loop-donor');
	org = await organisation('loop', owner);
	await db.insert(memberships).values([
		{ orgId: org.id, userId: manager.id, role: 'manager' },
		{ orgId: org.id, userId: analyst.id, role: 'analyst' },
		{ orgId: org.id, userId: donor.id, role: 'donor' }
	]);
	const survey = await createSurvey(db, owner, org.id, { name: 'Loop', instrument: DEMO_SURVEY });
	expect(await publishSurvey(db, owner, org.id, survey.id)).toMatchObject({ ok: true });
	surveyId = survey.id;
	await channel('asks', { offerFollowUp: true, panicWord: 'BANANA' });
	await channel('quiet');
	forgetCachedChannels();
});

/** A signed webhook post from `from` to a channel. */
async function post(body: string, from: string, channelId = 'asks', now = new Date()) {
	const params = new URLSearchParams({
		MessageSid: `SM${(counter++).toString().padStart(32, '0')}`,
		AccountSid: 'AC' + '0'.repeat(32),
		From: from,
		To: '+15005550006',
		Body: body
	});
	const url = `${URL_BASE}${channelId}`;
	const result = await handleInbound(
		db,
		{ channelId, url, signature: twilioSignature(TOKEN, url, [...params.entries()]), params },
		now
	);
	if (result.status !== 200) throw new Error(`webhook answered ${result.status}`);
	return result;
}

/** Answers the whole demo survey ("1" to everything) in a language of its menu. */
async function answerSurvey(from: string, channelId = 'asks', menu = '1') {
	await post('HELLO', from, channelId);
	let result = await post(menu, from, channelId);
	for (let i = 0; i < 80 && result.outcome !== 'completed'; i++)
		result = await post('1', from, channelId);
	expect(result.outcome).toBe('completed');
	return result;
}

const newPhone = () => `+4477009${String(10000 + ++phones).slice(-5)}`;

async function count(table: string, where = 'true'): Promise<number> {
	const [row] = await rows<{ n: number }>(
		db.execute(sql.raw(`select count(*)::int as n from ${table} where ${where}`))
	);
	return row!.n;
}

async function clearFollowUps() {
	await db.execute(sql`delete from sms_followups`);
	await db.execute(sql`delete from sms_outbox`);
}

describe('the channel option', () => {
	it('is off unless an owner turns it on, and turning it on is audited', async () => {
		const input = {
			surveyId,
			senderNumber: '+15005559999',
			accountId: 'AC' + '1'.repeat(32),
			authToken: TOKEN,
			keyword: 'HELLO',
			panicWord: null,
			expiryDays: 3,
			reminderHours: null
		};
		const created = await createChannel(db, owner, org.id, input);
		if (!created.ok) throw new Error(created.error);
		const option = async () =>
			(await listChannels(db, org.id)).find((c) => c.id === created.id)!.offerFollowUp;
		expect(await option()).toBe(false);
		await updateChannel(db, owner, org.id, created.id, {
			...input,
			authToken: null,
			offerFollowUp: true
		});
		expect(await option()).toBe(true);
		// Left out (an older caller), the option is kept as it is.
		await updateChannel(db, owner, org.id, created.id, { ...input, authToken: null });
		expect(await option()).toBe(true);
		const changes = await auditOf(org.id, 'sms.channel_changed');
		expect(changes.map((e) => e.details?.followUp)).toEqual([true, undefined]);
		await db.execute(sql`delete from sms_channels where id = ${created.id}`);
	});
});

describe('the question at the end of an SMS survey', () => {
	it('is asked only on a channel that offers it; a yes keeps the number sealed, apart from the response', async () => {
		const phone = newPhone();
		const responses = await count('responses');
		const done = await answerSurvey(phone);
		expect(done.messages.at(-1)).toBe(smsWordsFor('en').followUpAsk);
		// The response is stored before the question is answered, and the question is not in it.
		expect(await count('responses')).toBe(responses + 1);
		const yes = await post('1', phone);
		expect(yes).toMatchObject({ outcome: 'followUp', messages: [smsWordsFor('en').followUpYes] });
		expect(await count('sms_conversations')).toBe(0);

		const [row] = await rows<Record<string, unknown>>(db.execute(sql`select * from sms_followups`));
		expect(Object.keys(row!).sort()).toEqual(
			[
				'channel_id',
				'expires_on',
				'id',
				'language',
				'number_encrypted',
				'org_id',
				'phone_hash',
				'survey_id'
			].sort()
		);
		expect(row).toMatchObject({
			survey_id: surveyId,
			channel_id: 'asks',
			language: 'en',
			expires_on: followUpExpiry(new Date())
		});
		expect(String(row!.number_encrypted)).toMatch(/^v1\./);
		// Never in clear, in any table; and no answer of the follow-up anywhere in the responses.
		const everything = await wholeDatabaseText(db);
		expect(everything).not.toContain(phone);
		expect(everything).not.toContain(phone.slice(1));
		const [answers] = await rows<{ a: string }>(
			db.execute(sql`select string_agg(answers::text, ' ') as a from responses`)
		);
		expect(answers!.a).not.toMatch(/follow/i);
	});

	it('a no, and a channel without the option, keep nothing', async () => {
		await clearFollowUps();
		const phone = newPhone();
		await answerSurvey(phone);
		expect(await post('2', phone)).toMatchObject({
			outcome: 'followUp',
			messages: [smsWordsFor('en').followUpNo]
		});
		const quiet = newPhone();
		const done = await answerSurvey(quiet, 'quiet');
		expect(done.messages.join('\n')).not.toContain(smsWordsFor('en').followUpAsk);
		expect(await count('sms_conversations')).toBe(0);
		expect(await count('sms_followups')).toBe(0);
	});

	it('STOP at the question, or any time after a yes, deletes the row at once', async () => {
		await clearFollowUps();
		const atQuestion = newPhone();
		await answerSurvey(atQuestion);
		expect(await post('STOP', atQuestion)).toMatchObject({ outcome: 'optedOut' });
		expect(await count('sms_conversations')).toBe(0);
		expect(await count('sms_followups')).toBe(0);

		const later = newPhone();
		await answerSurvey(later);
		await post('1', later);
		expect(await count('sms_followups')).toBe(1);
		// STOP to another number of the organisation withdraws it too.
		await post('STOP', later, 'quiet');
		expect(await count('sms_followups')).toBe(0);
	});

	it('the panic word deletes it as well', async () => {
		await clearFollowUps();
		const phone = newPhone();
		await answerSurvey(phone);
		await post('1', phone);
		expect(await count('sms_followups')).toBe(1);
		await post('banana', phone);
		expect(await count('sms_followups')).toBe(0);
	});

	it('is purged with the periodic purge once its last day has passed', async () => {
		await clearFollowUps();
		const phone = newPhone();
		await answerSurvey(phone);
		await post('1', phone);
		const later = (days: number) => new Date(Date.now() + days * DAY);
		await purgeExpiredConversations(db, later(FOLLOW_UP_DAYS - 1));
		expect(await count('sms_followups')).toBe(1);
		expect(await waitingFollowUps(db, org.id, surveyId, later(FOLLOW_UP_DAYS + 1))).toEqual([]);
		await purgeExpiredConversations(db, later(FOLLOW_UP_DAYS + 1));
		expect(await count('sms_followups')).toBe(0);
	});
});

describe('sending the note', () => {
	const ok: SmsProvider = { send: async () => ({ ok: true, id: 'SM1' }) };

	it('queues one message per person in their language, skips a language without a note, and sends nothing twice', async () => {
		await clearFollowUps();
		const english = [newPhone(), newPhone()];
		const arabic = newPhone();
		const french = newPhone();
		for (const phone of english) await answerSurvey(phone);
		await answerSurvey(arabic, 'asks', '4');
		await answerSurvey(french, 'asks', '2');
		for (const phone of [...english, arabic, french]) await post('1', phone);
		expect(await waitingFollowUps(db, org.id, surveyId)).toEqual([
			{ language: 'ar', count: 1 },
			{ language: 'en', count: 2 },
			{ language: 'fr', count: 1 }
		]);
		expect(await setSummaries(db, owner, org.id, surveyId, { en: EN, ar: AR })).toMatchObject({
			ok: true
		});
		const audits = (await auditOf(org.id, 'sms.summary_queued')).length;

		const first = await queueSummaries(db, manager, org.id, surveyId, { confirmed: true });
		expect(first).toEqual({ ok: true, queued: 3, skipped: [{ language: 'fr', count: 1 }] });
		const queued = await rows<{ to_number: string; language: string; body: string }>(
			db.execute(sql`select to_number, language, body from sms_outbox order by language`)
		);
		expect(queued.map((q) => [q.language, q.body])).toEqual([
			['ar', AR],
			['en', EN],
			['en', EN]
		]);
		expect(queued.find((q) => q.language === 'ar')!.to_number).toBe(arabic);
		// Only the French row is left, waiting for a French note.
		expect(await waitingFollowUps(db, org.id, surveyId)).toEqual([{ language: 'fr', count: 1 }]);
		const events = (await auditOf(org.id, 'sms.summary_queued')).slice(audits);
		expect(events.map((e) => e.details)).toEqual([{ count: 3 }]);
		expect(JSON.stringify(events)).not.toContain(arabic);

		const second = await queueSummaries(db, manager, org.id, surveyId, { confirmed: true });
		expect(second).toEqual({ ok: true, queued: 0, skipped: [{ language: 'fr', count: 1 }] });
		expect(await count('sms_outbox')).toBe(3);
		expect((await auditOf(org.id, 'sms.summary_queued')).length).toBe(audits + 1);

		// Once the provider has them, the numbers are nowhere in the database.
		const report = await deliverDue(db, ok, new Date(), { batch: 50, perChannelPerMinute: 60 });
		expect(report.sent).toBe(3);
		const everything = await wholeDatabaseText(db);
		for (const phone of [...english, arabic]) expect(everything).not.toContain(phone);
	});

	it('re-checks opt-outs, refuses without the confirmation and for another organisation’s survey', async () => {
		await clearFollowUps();
		const phone = newPhone();
		await answerSurvey(phone);
		await post('1', phone);
		// Opted out some other way than STOP to us (a row added by hand): still never sent.
		const [{ hash } = { hash: '' }] = await rows<{ hash: string }>(
			db.execute(sql`select phone_hash as hash from sms_followups`)
		);
		await db.execute(
			sql`insert into sms_opt_outs (org_id, phone_hash, since) values (${org.id}, ${hash}, current_date)`
		);
		expect(await queueSummaries(db, owner, org.id, surveyId, { confirmed: true })).toEqual({
			ok: true,
			queued: 0,
			skipped: []
		});
		expect(await count('sms_outbox')).toBe(0);
		expect(await count('sms_followups')).toBe(0);

		const other = await organisation('loop-other', owner);
		expect(await queueSummaries(db, owner, other.id, surveyId, { confirmed: true })).toEqual({
			ok: false,
			error: 'notFound'
		});
		expect(
			await queueSummaries(db, owner, org.id, surveyId, { confirmed: false as unknown as true })
		).toEqual({ ok: false, error: 'notConfirmed' });
	});
});

describe('the summary page’s send', () => {
	function event(user: Actor, form?: Record<string, string>) {
		const url = new URL(`http://localhost/o/loop/surveys/${surveyId}/summary?/send`);
		const body = form ? new URLSearchParams(form) : undefined;
		return {
			url,
			params: { org: 'loop', survey: surveyId },
			locals: { db, user, t: (key: string) => key },
			request: new Request(url, {
				method: 'POST',
				body,
				headers: { 'content-type': 'application/x-www-form-urlencoded' }
			})
		} as unknown as RequestEvent<
			{ org: string; survey: string },
			'/o/[org=slug]/surveys/[survey=uuid]/summary'
		>;
	}

	async function status(run: () => Promise<unknown>): Promise<number> {
		try {
			await run();
			return 200;
		} catch (e) {
			if (isHttpError(e)) return e.status;
			throw e;
		}
	}

	it('refuses analysts and donors, and outsiders see nothing at all', async () => {
		await clearFollowUps();
		const phone = newPhone();
		await answerSurvey(phone);
		await post('1', phone);
		const outsider = await person('loop-outsider');
		for (const [who, expected] of [
			[analyst, 403],
			[donor, 403],
			[outsider, 404]
		] as const) {
			expect(await status(() => actions.send(event(who, { confirm: 'yes' }) as never))).toBe(
				expected
			);
			expect(await status(() => load(event(who) as never))).toBe(expected);
		}
		expect(await count('sms_outbox')).toBe(0);
		expect(await count('sms_followups')).toBe(1);
	});

	it('shows managers the counts (never a number), asks for the confirmation, then queues', async () => {
		const data = (await load(event(manager) as never)) as { waiting: unknown };
		expect(data.waiting).toEqual([{ language: 'en', name: 'English', count: 1, hasNote: true }]);
		const refused = (await actions.send(event(manager, {}) as never)) as {
			status: number;
			data: { errors: Record<string, string> };
		};
		expect(refused.status).toBe(400);
		expect(refused.data.errors.confirm).toBe('summaries.send.errors.confirm');
		expect(await count('sms_outbox')).toBe(0);

		const sent = await actions.send(event(manager, { confirm: 'yes' }) as never);
		expect(sent).toEqual({ action: 'send', queued: 1, skipped: [] });
		expect(JSON.stringify(sent)).not.toMatch(/\+44/);
		expect(await count('sms_outbox')).toBe(1);
		expect(await count('sms_followups')).toBe(0);
	});
});
