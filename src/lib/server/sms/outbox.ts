import { queueDueReminders } from './reminders';
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import * as audit from '../audit/service';
import type { Db } from '../db';
import { smsChannels, smsOptOuts, smsOutbox } from '../db/schema';
import type { Actor } from '../orgs/service';
import { allowHit } from '../respond/limits';
import { invitationText, SMS_LANGUAGES } from '../../sms/words';
import { channelAuthToken } from './channels';
import { normalisePhone, phoneHash } from './phone';
import type { ProviderChannel, SmsProvider } from './provider';

/**
 * The durable queue of outgoing invitations. A raw number is in the database only while its
 * message waits: it is erased the moment the provider has the message, when the number turns out
 * to be opted out, and when delivery is given up. Rows are claimed with `FOR UPDATE SKIP LOCKED`
 * and a short lease, so several app servers can run the worker on the same database; a server
 * that dies mid-send leaves its rows to be picked up once the lease has run out (at least once:
 * a message the provider took just before the crash may go out twice).
 */

/** The largest paste or upload taken at once. */
export const MAX_INVITATIONS = 5000;
/** Tries before a message is given up (and its number erased). */
export const MAX_ATTEMPTS = 6;
/** First wait after a failed try; doubled after each further one. */
export const BACKOFF_MS = 30_000;
/** How long a claimed row is hidden from other workers while it is being sent. */
/**
 * How long claimed rows stay with one worker: longer than a whole batch can take (50 sends
 * with a 15 s timeout each), so no other server sends them again meanwhile.
 */
export const LEASE_MS = 15 * 60_000;

const RATE_WINDOW_MS = 60_000;

export interface InvitationInput {
	numbers: readonly { phone: string; language: string }[];
	/** A caseworker judged SMS safe for each of these people: the service will not queue without it. */
	confirmedSafe: true;
	/** Calling code (e.g. `44`) for numbers written without `+` or `00`; none refuses them. */
	countryCode?: string;
}

export interface QueueCounts {
	queued: number;
	/** On the organisation's opt-out list: never queued. */
	optedOut: number;
	/** Not a phone number. */
	invalid: number;
	/** Twice in the list, or already waiting in this channel's queue. */
	duplicates: number;
}

export type QueueResult =
	({ ok: true } & QueueCounts) | { ok: false; error: 'notFound' | 'notConfirmed' | 'tooMany' };

/** The language the invitation is written in: the exact code, its primary subtag, or English. */
export function invitationLanguage(lang: string): string {
	const code = lang.trim();
	if (SMS_LANGUAGES.includes(code)) return code;
	const primary = code.split(/[-_]/u)[0]!.toLowerCase();
	return SMS_LANGUAGES.includes(primary) ? primary : 'en';
}

/** Queues the neutral invitation to each new, valid, not opted-out number; audited with counts only. */
export async function queueInvitations(
	db: Db,
	actor: Actor,
	orgId: string,
	channelId: string,
	input: InvitationInput,
	now = new Date()
): Promise<QueueResult> {
	if (input.confirmedSafe !== true) return { ok: false, error: 'notConfirmed' };
	if (input.numbers.length > MAX_INVITATIONS) return { ok: false, error: 'tooMany' };
	const [channel] = await db
		.select({ keyword: smsChannels.keyword })
		.from(smsChannels)
		.where(and(eq(smsChannels.id, channelId), eq(smsChannels.orgId, orgId)));
	if (!channel) return { ok: false, error: 'notFound' };

	const counts: QueueCounts = { queued: 0, optedOut: 0, invalid: 0, duplicates: 0 };
	const wanted = new Map<string, { toNumber: string; phoneHash: string; language: string }>();
	for (const { phone, language } of input.numbers) {
		const e164 = normalisePhone(phone, input.countryCode);
		if (!e164) counts.invalid++;
		else if (wanted.has(e164)) counts.duplicates++;
		else
			wanted.set(e164, {
				toNumber: e164,
				phoneHash: await phoneHash(db, e164),
				language: invitationLanguage(language)
			});
	}
	const candidates = [...wanted.values()];

	await db.transaction(async (tx) => {
		const optedOut = new Set<string>();
		const waiting = new Set<string>();
		for (const part of chunks(candidates, 1000)) {
			const hashes = part.map((c) => c.phoneHash);
			for (const row of await tx
				.select({ phoneHash: smsOptOuts.phoneHash })
				.from(smsOptOuts)
				.where(and(eq(smsOptOuts.orgId, orgId), inArray(smsOptOuts.phoneHash, hashes))))
				optedOut.add(row.phoneHash);
			for (const row of await tx
				.select({ phoneHash: smsOutbox.phoneHash })
				.from(smsOutbox)
				.where(
					and(
						eq(smsOutbox.channelId, channelId),
						eq(smsOutbox.status, 'queued'),
						inArray(smsOutbox.phoneHash, hashes)
					)
				))
				waiting.add(row.phoneHash);
		}
		const rows = [];
		for (const c of candidates) {
			if (optedOut.has(c.phoneHash)) counts.optedOut++;
			else if (waiting.has(c.phoneHash)) counts.duplicates++;
			else
				rows.push({
					channelId,
					...c,
					body: invitationText(c.language, channel.keyword),
					nextAttemptAt: now
				});
		}
		for (const part of chunks(rows, 1000)) await tx.insert(smsOutbox).values(part);
		counts.queued = rows.length;
		await audit.record(tx, {
			orgId,
			action: 'sms.invitations_queued',
			actor,
			target: channelId,
			details: { ...counts }
		});
	});
	return { ok: true, ...counts };
}

export interface OutboxStatus {
	channelId: string;
	queued: number;
	sent: number;
	failed: number;
	skipped: number;
}

/** How many of each channel's messages are in each state (the organisation's channels only). */
export async function outboxStatus(db: Db, orgId: string): Promise<OutboxStatus[]> {
	const found = await db
		.select({
			channelId: smsOutbox.channelId,
			status: smsOutbox.status,
			count: sql<number>`count(*)::int`
		})
		.from(smsOutbox)
		.innerJoin(smsChannels, eq(smsChannels.id, smsOutbox.channelId))
		.where(eq(smsChannels.orgId, orgId))
		.groupBy(smsOutbox.channelId, smsOutbox.status)
		.orderBy(asc(smsOutbox.channelId));
	const byChannel = new Map<string, OutboxStatus>();
	for (const row of found) {
		const entry = byChannel.get(row.channelId) ?? {
			channelId: row.channelId,
			queued: 0,
			sent: 0,
			failed: 0,
			skipped: 0
		};
		entry[row.status] = Number(row.count);
		byChannel.set(row.channelId, entry);
	}
	return [...byChannel.values()];
}

export interface DeliveryOptions {
	/** Rows claimed per call. */
	batch: number;
	/** Messages handed to the provider per channel and minute, across all app servers. */
	perChannelPerMinute: number;
}

export interface DeliveryReport {
	sent: number;
	/** Will be tried again later. */
	retrying: number;
	/** Given up. */
	failed: number;
	/** Opted out since it was queued. */
	skipped: number;
	/** Over the channel's rate: left for the next minute. */
	deferred: number;
}

/** Sends what is due: claims a batch, re-checks opt-outs, keeps to each channel's rate. */
export async function deliverDue(
	db: Db,
	provider: SmsProvider,
	now: Date,
	options: DeliveryOptions
): Promise<DeliveryReport> {
	const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0, skipped: 0, deferred: 0 };
	const claimed = await claimDue(db, now, options.batch);
	if (claimed.length === 0) return report;

	const channelIds = [...new Set(claimed.map((row) => row.channelId))];
	const channels = new Map<string, { orgId: string; credentials: ProviderChannel | null }>();
	for (const channel of await db
		.select({
			id: smsChannels.id,
			orgId: smsChannels.orgId,
			accountId: smsChannels.accountId,
			senderNumber: smsChannels.senderNumber
		})
		.from(smsChannels)
		.where(inArray(smsChannels.id, channelIds))) {
		const authToken = await channelAuthToken(db, channel.id);
		channels.set(channel.id, {
			orgId: channel.orgId,
			credentials: authToken
				? { accountId: channel.accountId, senderNumber: channel.senderNumber, authToken }
				: null
		});
	}

	const full = new Set<string>();
	const nextWindow = new Date((Math.floor(now.getTime() / RATE_WINDOW_MS) + 1) * RATE_WINDOW_MS);
	for (const row of claimed) {
		const channel = channels.get(row.channelId);
		// The channel was deleted after the claim: its rows went with it.
		if (!channel) continue;
		if (!row.toNumber || (await isOptedOut(db, channel.orgId, row.phoneHash))) {
			await finish(db, row.id, { status: 'skipped', toNumber: null });
			report.skipped++;
			continue;
		}
		if (
			full.has(row.channelId) ||
			!(await allowHit(
				db,
				`sms-out:${row.channelId}`,
				options.perChannelPerMinute,
				RATE_WINDOW_MS,
				now
			))
		) {
			full.add(row.channelId);
			await finish(db, row.id, { nextAttemptAt: nextWindow });
			report.deferred++;
			continue;
		}
		const result = channel.credentials
			? await provider.send(channel.credentials, row.toNumber, row.body)
			: ({ ok: false, retry: true, error: 'credentials unreadable' } as const);
		if (result.ok) {
			await finish(db, row.id, { status: 'sent', toNumber: null, lastError: null });
			report.sent++;
			continue;
		}
		const attempts = row.attempts + 1;
		if (!result.retry || attempts >= MAX_ATTEMPTS) {
			await finish(db, row.id, {
				status: 'failed',
				toNumber: null,
				attempts,
				lastError: result.error
			});
			report.failed++;
		} else {
			await finish(db, row.id, {
				attempts,
				lastError: result.error,
				nextAttemptAt: new Date(now.getTime() + backoffMs(attempts))
			});
			report.retrying++;
		}
	}
	return report;
}

/** The wait after the `attempts`-th failed try: 30 s, 1 min, 2 min, 4 min … */
export function backoffMs(attempts: number): number {
	return BACKOFF_MS * 2 ** Math.max(0, attempts - 1);
}

/**
 * Takes up to `batch` due rows, oldest first, and hides them from other workers for the lease.
 * Rows another worker is claiming at the same moment are skipped, not waited for.
 */
async function claimDue(db: Db, now: Date, batch: number) {
	const due = db
		.select({ id: smsOutbox.id })
		.from(smsOutbox)
		.where(and(eq(smsOutbox.status, 'queued'), lte(smsOutbox.nextAttemptAt, now)))
		.orderBy(asc(smsOutbox.nextAttemptAt), asc(smsOutbox.id))
		.limit(batch)
		.for('update', { skipLocked: true });
	const claimed = await db
		.update(smsOutbox)
		.set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
		.where(and(inArray(smsOutbox.id, due), eq(smsOutbox.status, 'queued')))
		.returning({
			id: smsOutbox.id,
			channelId: smsOutbox.channelId,
			toNumber: smsOutbox.toNumber,
			phoneHash: smsOutbox.phoneHash,
			body: smsOutbox.body,
			attempts: smsOutbox.attempts,
			createdAt: smsOutbox.createdAt
		});
	return claimed.sort(
		(a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id)
	);
}

async function isOptedOut(db: Db, orgId: string, hash: string): Promise<boolean> {
	const [row] = await db
		.select({ since: smsOptOuts.since })
		.from(smsOptOuts)
		.where(and(eq(smsOptOuts.orgId, orgId), eq(smsOptOuts.phoneHash, hash)))
		.limit(1);
	return row !== undefined;
}

async function finish(
	db: Db,
	id: string,
	changes: Partial<
		Pick<
			typeof smsOutbox.$inferInsert,
			'status' | 'toNumber' | 'attempts' | 'lastError' | 'nextAttemptAt'
		>
	>
): Promise<void> {
	await db.update(smsOutbox).set(changes).where(eq(smsOutbox.id, id));
}

export interface WorkerOptions extends Partial<DeliveryOptions> {
	intervalMs?: number;
}

/**
 * Runs `deliverDue` every few seconds until stopped; a run never overlaps the previous one. The
 * timer is unref'd, so it never keeps the process alive. Errors are logged without their text
 * (a database error can quote the row, number included) and the next tick tries again.
 */
export function startOutboxWorker(
	db: Db,
	provider: SmsProvider,
	options: WorkerOptions = {}
): () => Promise<void> {
	const delivery: DeliveryOptions = {
		batch: options.batch ?? 50,
		perChannelPerMinute: options.perChannelPerMinute ?? 60
	};
	let running: Promise<void> | null = null;
	const tick = () => {
		if (running) return;
		running = queueDueReminders(db, new Date())
			.then(() => deliverDue(db, provider, new Date(), delivery))
			.then(
				() => undefined,
				(cause: unknown) => {
					const name = cause instanceof Error ? cause.name : typeof cause;
					console.error(`sms outbox: delivery run failed (${name})`);
				}
			)
			.finally(() => {
				running = null;
			});
	};
	const timer = setInterval(tick, options.intervalMs ?? 5000);
	timer.unref();
	return async () => {
		clearInterval(timer);
		await running;
	};
}

function chunks<T>(items: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out;
}
