import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { smsOptOuts, smsOutbox, type Organisation } from '../db/schema';
import { rows, useTestDatabase } from '../db/testing';
import { fixtures } from '../db/testing/fixtures';
import { DEMO_SURVEY } from '../demo/survey';
import type { Actor } from '../orgs/service';
import { createSurvey, publishSurvey } from '../surveys/service';
import { invitationText } from '../../sms/words';
import { createChannel } from './channels';
import { loopbackOnly, startFakeTwilio, type FakeTwilio } from './fake-twilio';
import {
	BACKOFF_MS,
	deliverDue,
	LEASE_MS,
	MAX_ATTEMPTS,
	outboxStatus,
	queueInvitations,
	startOutboxWorker,
	type DeliveryOptions
} from './outbox';
import { phoneHash } from './phone';
import type { SmsProvider } from './provider';
import { twilioProvider } from './twilio';

let db: Db;
useTestDatabase((d) => {
	db = d.db;
});
const { person, organisation, auditOf } = fixtures(() => db);

let fake: FakeTwilio;
let twilio: SmsProvider;
const savedBase = process.env.TWILIO_API_BASE;
let owner: Actor;
let org: Organisation;
let otherOrg: Organisation;

const hashes = new Map<string, string>();
/** Every number this file queues, to prove at the end that none is left anywhere. */
const used = new Set<string>();
let senders = 0;
const FAST: DeliveryOptions = { batch: 100, perChannelPerMinute: 1000 };
// Each test runs in its own hour, so rate windows and due times never leak between tests.
let hour = 0;
const clock = () => new Date(Date.UTC(2025, 5, 15, ++hour, 0, 0));
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

beforeAll(async () => {
	fake = await startFakeTwilio();
	process.env.TWILIO_API_BASE = fake.base;
	twilio = twilioProvider(loopbackOnly());
	owner = await person('owner');
	org = await organisation('outbox', owner);
	otherOrg = await organisation('outbox-other', await person('other'));
	for (let i = 1; i <= 200; i++) {
		const e164 = `+447700900${String(i).padStart(3, '0')}`;
		hashes.set(e164, await phoneHash(db, e164));
	}
});
afterAll(async () => {
	await fake.close();
	if (savedBase === undefined) delete process.env.TWILIO_API_BASE;
	else process.env.TWILIO_API_BASE = savedBase;
});

async function channel(orgId = org.id, keyword = 'HELLO'): Promise<string> {
	const survey = await createSurvey(db, owner, orgId, {
		name: `SMS ${++senders}`,
		instrument: DEMO_SURVEY
	});
	expect((await publishSurvey(db, owner, orgId, survey.id)).ok).toBe(true);
	const created = await createChannel(db, owner, orgId, {
		surveyId: survey.id,
		senderNumber: `+1500555${String(senders).padStart(4, '0')}`,
		accountId: `AC${String(senders).padStart(32, '0')}`,
		authToken: `token-${senders}`,
		keyword,
		panicWord: null,
		expiryDays: 3,
		reminderHours: null
	});
	if (!created.ok) throw new Error(created.error);
	return created.id;
}

let serial = 0;
/** A fresh number in the UK's range reserved for fiction. */
function number(): string {
	const e164 = `+447700900${String(++serial).padStart(3, '0')}`;
	used.add(e164);
	return e164;
}

async function queue(channelId: string, phones: string[], language = 'en', now = new Date()) {
	const result = await queueInvitations(
		db,
		owner,
		org.id,
		channelId,
		{ numbers: phones.map((phone) => ({ phone, language })), confirmedSafe: true },
		now
	);
	if (!result.ok) throw new Error(result.error);
	return result;
}

/** The channel's rows, each with the number its hash stands for, in the order of the numbers. */
async function outboxOf(channelId: string) {
	const found = await db.select().from(smsOutbox).where(eq(smsOutbox.channelId, channelId));
	const byHash = new Map([...hashes].map(([e164, hash]) => [hash, e164]));
	return found
		.map((row) => ({ ...row, phone: byHash.get(row.phoneHash) ?? '?' }))
		.sort((a, b) => a.phone.localeCompare(b.phone));
}

async function optOut(orgId: string, e164: string) {
	await db
		.insert(smsOptOuts)
		.values({ orgId, phoneHash: await phoneHash(db, e164), since: '2025-06-01' });
}

const sentTo = (channelId: string, e164: string) =>
	fake.requests.filter((r) => r.form.To === e164 && r.path.includes(channelSid(channelId)));
const accounts = new Map<string, string>();
const channelSid = (channelId: string) => accounts.get(channelId) ?? '';
async function remember(channelId: string) {
	const [row] = await rows<{ account_id: string }>(
		db.execute(sql`select account_id from sms_channels where id = ${channelId}`)
	);
	accounts.set(channelId, row!.account_id);
	return channelId;
}

describe('phoneHash', () => {
	it('is keyed, stable and different per number', async () => {
		const a = await phoneHash(db, '+447700900001');
		expect(a).toMatch(/^[0-9a-f]{64}$/);
		expect(await phoneHash(db, '+447700900001')).toBe(a);
		expect(await phoneHash(db, '+447700900002')).not.toBe(a);
		expect(a).not.toContain('7700900001');
	});
});

describe('queueInvitations', () => {
	it('normalises, de-duplicates, counts invalid and opted-out numbers, audits counts only', async () => {
		const id = await channel(org.id, 'Hola');
		const [a, b, c, blocked] = [number(), number(), number(), number()];
		await optOut(org.id, blocked);
		const spaced = `00${a.slice(1, 3)} ${a.slice(3, 7)}-${a.slice(7)}`;
		const result = await queueInvitations(db, owner, org.id, id, {
			numbers: [
				{ phone: a, language: 'es' },
				{ phone: spaced, language: 'fr' },
				{ phone: `(0${b.slice(3, 7)}) ${b.slice(7)}`, language: 'ar' },
				{ phone: c, language: 'pt-BR' },
				{ phone: blocked, language: 'en' },
				{ phone: 'call me', language: 'en' },
				{ phone: '12', language: 'en' }
			],
			confirmedSafe: true,
			countryCode: '44'
		});
		expect(result).toEqual({ ok: true, queued: 3, optedOut: 1, invalid: 2, duplicates: 1 });

		const queued = await outboxOf(id);
		expect(queued.map((r) => [r.toNumber, r.language, r.status, r.attempts])).toEqual([
			[a, 'es', 'queued', 0],
			[b, 'ar', 'queued', 0],
			[c, 'pt', 'queued', 0]
		]);
		expect(queued[0]!.body).toBe(invitationText('es', 'HOLA'));
		expect(queued[1]!.body).toBe(invitationText('ar', 'HOLA'));
		expect(queued[0]!.phoneHash).toBe(await phoneHash(db, a));

		const [event] = await auditOf(org.id, 'sms.invitations_queued');
		expect(event!.target).toBe(id);
		expect(event!.details).toEqual({ queued: 3, optedOut: 1, invalid: 2, duplicates: 1 });

		// The same list again: everything is already waiting.
		const again = await queue(id, [a, b, c]);
		expect(again).toMatchObject({ queued: 0, duplicates: 3 });
		expect(await outboxOf(id)).toHaveLength(3);
	});

	it('refuses without the safety confirmation, and for another organisation’s channel', async () => {
		const id = await channel();
		const input = { numbers: [{ phone: number(), language: 'en' }], confirmedSafe: true } as const;
		expect(
			await queueInvitations(db, owner, org.id, id, {
				...input,
				confirmedSafe: false as unknown as true
			})
		).toEqual({ ok: false, error: 'notConfirmed' });
		expect(await queueInvitations(db, owner, otherOrg.id, id, input)).toEqual({
			ok: false,
			error: 'notFound'
		});
		expect(await outboxOf(id)).toEqual([]);
	});
});

describe('deliverDue', () => {
	it('sends through the provider and erases each number at once', async () => {
		const id = await remember(await channel());
		const now = clock();
		const [a, b] = [number(), number()];
		await queue(id, [a], 'en', now);
		await queue(id, [b], 'fr', now);

		expect(await deliverDue(db, twilio, now, FAST)).toEqual({
			sent: 2,
			retrying: 0,
			failed: 0,
			skipped: 0,
			deferred: 0
		});
		const [request] = sentTo(id, a);
		expect(request!.form).toEqual({
			To: a,
			From: expect.stringMatching(/^\+1500555\d{4}$/),
			Body: invitationText('en', 'HELLO')
		});
		expect(request!.authorization).toMatch(/^Basic /);
		expect(sentTo(id, b)[0]!.form.Body).toBe(invitationText('fr', 'HELLO'));
		const after = await outboxOf(id);
		expect(after.map((r) => [r.status, r.toNumber, r.lastError])).toEqual([
			['sent', null, null],
			['sent', null, null]
		]);
		expect(await outboxStatus(db, org.id)).toContainEqual({
			channelId: id,
			queued: 0,
			sent: 2,
			failed: 0,
			skipped: 0
		});
		expect(await outboxStatus(db, otherOrg.id)).toEqual([]);
		// Nothing is due any more.
		expect((await deliverDue(db, twilio, later(now, 60_000), FAST)).sent).toBe(0);
	});

	it('retries with exponential backoff after a 500, then gives up and erases the number', async () => {
		const id = await remember(await channel());
		const now = clock();
		const flaky = number();
		const hopeless = number();
		fake.answer(flaky, 500, 503);
		fake.answer(hopeless, ...Array<number>(MAX_ATTEMPTS).fill(500));
		await queue(id, [flaky, hopeless], 'en', now);

		let at = now;
		expect(await deliverDue(db, twilio, at, FAST)).toMatchObject({ sent: 0, retrying: 2 });
		let [row] = (await outboxOf(id)).filter((r) => r.phone === flaky);
		expect(row).toMatchObject({ status: 'queued', attempts: 1, toNumber: flaky });
		expect(row!.lastError).toBe('twilio 500 code 20500');
		expect(row!.nextAttemptAt.getTime()).toBe(at.getTime() + BACKOFF_MS);

		// Not before its time.
		expect(await deliverDue(db, twilio, later(at, BACKOFF_MS - 1000), FAST)).toMatchObject({
			retrying: 0,
			sent: 0
		});
		at = later(at, BACKOFF_MS);
		expect(await deliverDue(db, twilio, at, FAST)).toMatchObject({ retrying: 2 });
		[row] = (await outboxOf(id)).filter((r) => r.phone === flaky);
		expect(row).toMatchObject({ attempts: 2, toNumber: flaky });
		expect(row!.nextAttemptAt.getTime()).toBe(at.getTime() + 2 * BACKOFF_MS);

		at = later(at, 2 * BACKOFF_MS);
		expect(await deliverDue(db, twilio, at, FAST)).toMatchObject({ sent: 1, retrying: 1 });
		expect(sentTo(id, flaky)).toHaveLength(3);

		for (let attempt = 4; attempt <= MAX_ATTEMPTS; attempt++) {
			at = later(at, BACKOFF_MS * 2 ** (attempt - 2));
			await deliverDue(db, twilio, at, FAST);
		}
		const rowsNow = await outboxOf(id);
		const gaveUp = rowsNow.find((r) => r.phone === hopeless)!;
		expect(gaveUp).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, toNumber: null });
		expect(sentTo(id, hopeless)).toHaveLength(MAX_ATTEMPTS);
		expect(rowsNow.find((r) => r.phone === flaky)).toMatchObject({
			status: 'sent',
			toNumber: null
		});
		// Failed stays failed.
		await deliverDue(db, twilio, later(at, 86_400_000), FAST);
		expect(sentTo(id, hopeless)).toHaveLength(MAX_ATTEMPTS);
	});

	it('does not retry after a 400, and keeps no number in the error', async () => {
		const id = await remember(await channel());
		const now = clock();
		const bad = number();
		fake.answer(bad, 400);
		await queue(id, [bad], 'en', now);
		expect(await deliverDue(db, twilio, now, FAST)).toMatchObject({ failed: 1, retrying: 0 });
		const [row] = await outboxOf(id);
		expect(row).toMatchObject({
			status: 'failed',
			toNumber: null,
			attempts: 1,
			lastError: 'twilio 400 code 21211'
		});
		await deliverDue(db, twilio, later(now, 3_600_000), FAST);
		expect(sentTo(id, bad)).toHaveLength(1);
	});

	it('skips numbers opted out before and after queueing, erasing them unsent', async () => {
		const id = await remember(await channel());
		const now = clock();
		const [before, afterwards, fine] = [number(), number(), number()];
		await optOut(org.id, before);
		// Opting out of another organisation changes nothing here.
		await optOut(otherOrg.id, fine);
		const result = await queue(id, [before, afterwards, fine], 'en', now);
		expect(result).toMatchObject({ queued: 2, optedOut: 1 });
		await optOut(org.id, afterwards);

		expect(await deliverDue(db, twilio, now, FAST)).toMatchObject({ sent: 1, skipped: 1 });
		expect(sentTo(id, before)).toEqual([]);
		expect(sentTo(id, afterwards)).toEqual([]);
		expect(sentTo(id, fine)).toHaveLength(1);
		expect((await outboxOf(id)).map((r) => [r.phone, r.status, r.toNumber])).toEqual([
			[afterwards, 'skipped', null],
			[fine, 'sent', null]
		]);
	});

	it('survives a restart: rows of a worker that died are picked up after the lease', async () => {
		const id = await remember(await channel());
		const now = clock();
		const [a, b] = [number(), number()];
		await queue(id, [a, b], 'en', now);
		const crashing: SmsProvider = {
			send: () => Promise.reject(new Error('process killed'))
		};
		await expect(deliverDue(db, crashing, now, FAST)).rejects.toThrow('process killed');
		expect((await outboxOf(id)).map((r) => [r.status, r.toNumber])).toEqual([
			['queued', a],
			['queued', b]
		]);
		// Another server, moments later: the rows are still leased to the dead one.
		expect((await deliverDue(db, twilio, later(now, 1000), FAST)).sent).toBe(0);
		// After the lease, a fresh worker (new provider object, as after a restart) sends them.
		expect(
			(await deliverDue(db, twilioProvider(loopbackOnly()), later(now, LEASE_MS), FAST)).sent
		).toBe(2);
		expect(sentTo(id, a)).toHaveLength(1);
		expect(sentTo(id, b)).toHaveLength(1);
	});

	it('keeps to each channel’s rate per minute and leaves the rest for the next minute', async () => {
		const busy = await remember(await channel());
		const quiet = await remember(await channel());
		const now = clock();
		const many = [number(), number(), number(), number(), number()];
		const few = [number(), number()];
		await queue(busy, many, 'en', now);
		await queue(quiet, few, 'en', now);
		const limited = { batch: 100, perChannelPerMinute: 2 };

		expect(await deliverDue(db, twilio, now, limited)).toMatchObject({ sent: 4, deferred: 3 });
		expect(many.filter((n) => sentTo(busy, n).length === 1)).toHaveLength(2);
		expect(few.every((n) => sentTo(quiet, n).length === 1)).toBe(true);
		// Later in the same minute: nothing more.
		expect(await deliverDue(db, twilio, later(now, 30_000), limited)).toMatchObject({ sent: 0 });
		// The next minute: two more; the one after: the last.
		expect(await deliverDue(db, twilio, later(now, 60_000), limited)).toMatchObject({ sent: 2 });
		expect(await deliverDue(db, twilio, later(now, 120_000), limited)).toMatchObject({ sent: 1 });
		expect(many.every((n) => sentTo(busy, n).length === 1)).toBe(true);
		const status = await outboxStatus(db, org.id);
		expect(status.find((s) => s.channelId === busy)).toMatchObject({ queued: 0, sent: 5 });
	});

	it('sends each message once when several workers run at the same time', async () => {
		const id = await remember(await channel());
		const now = clock();
		const phones = Array.from({ length: 12 }, number);
		await queue(id, phones, 'en', now);
		const small = { batch: 3, perChannelPerMinute: 1000 };
		await Promise.all(
			Array.from({ length: 4 }, async () => {
				for (let i = 0; i < 4; i++) await deliverDue(db, twilio, now, small);
			})
		);
		for (const phone of phones) expect(sentTo(id, phone), phone).toHaveLength(1);
	});

	it('runs as an unref’d worker that stops cleanly', async () => {
		const id = await remember(await channel());
		const phone = number();
		await queue(id, [phone], 'en', new Date(Date.now() - 1000));
		const stop = startOutboxWorker(db, twilio, { intervalMs: 20 });
		try {
			await expect.poll(() => sentTo(id, phone).length, { timeout: 5000 }).toBe(1);
		} finally {
			await stop();
		}
		const [row] = await outboxOf(id);
		expect(row).toMatchObject({ status: 'sent', toNumber: null });
	});
});

describe('after delivery', () => {
	it('no raw number remains in any table', async () => {
		// Finish everything still waiting, far in the future.
		await deliverDue(db, twilio, new Date('2030-01-01T00:00:00Z'), { ...FAST, batch: 1000 });
		const [left] = await rows<{ n: number }>(
			db.execute(sql`select count(*)::int as n from sms_outbox where status = 'queued'`)
		);
		expect(left!.n).toBe(0);

		const columns = await rows<{ table_name: string; column_name: string }>(
			db.execute(sql`
				select table_name, column_name from information_schema.columns
				where table_schema = 'public'
					and data_type in ('text', 'character varying', 'character', 'json', 'jsonb')`)
		);
		expect(columns.length).toBeGreaterThan(20);
		expect(used.size).toBeGreaterThan(20);
		// 7700900…: each number however it was written (+44, 0044, 07700 …).
		const pattern = [...used].map((e164) => e164.slice(3)).join('|');
		const found: string[] = [];
		for (const { table_name, column_name } of columns) {
			const [hit] = await rows<{ n: number }>(
				db.execute(
					sql`select count(*)::int as n from ${sql.identifier(table_name)}
						where ${sql.identifier(column_name)}::text ~ ${pattern}`
				)
			);
			if (hit!.n > 0) found.push(`${table_name}.${column_name}`);
		}
		expect(found).toEqual([]);
		// The check itself can fail: a number in a row is found.
		expect(pattern).toContain('7700900001');
		// The hashes are there (for opt-outs and de-duplication), the numbers are not.
		const [kept] = await db
			.select({ n: sql<number>`count(*)::int` })
			.from(smsOutbox)
			.where(and(eq(smsOutbox.status, 'sent')));
		expect(kept!.n).toBeGreaterThan(10);
	});
});
