import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import * as audit from '../audit/service';
import type { Db } from '../db';
import { smsFollowUps, smsOptOuts, smsOutbox, surveys } from '../db/schema';
import type { Actor } from '../orgs/service';
import { dayOf } from '../respond/service';
import { appSecret, decryptSecret, encryptSecret } from '../secret';
import { getSummaries } from '../surveys/summaries';

/**
 * "What we heard, what we are changing" by SMS (docs/decisions/010). Where an owner turned the
 * option on for a channel, the conversation asks at the end whether the person wants one short
 * message later; a yes keeps the number sealed here, apart from the response, until that message
 * is queued, the person sends STOP (or the panic word), or the row expires — then it is deleted.
 */

/** The `purpose` follow-up numbers are sealed under (a key of their own). */
const PURPOSE = 'sms-followup-number';

/** How long a yes keeps the number: long enough for a programme to act on what it heard. */
export const FOLLOW_UP_DAYS = 180;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The last day a follow-up given on `now` may be used (a date: no time of day is kept). */
export function followUpExpiry(now: Date): string {
	return dayOf(new Date(now.getTime() + FOLLOW_UP_DAYS * DAY_MS));
}

export interface FollowUpInput {
	orgId: string;
	/** The survey answered (the version's, not whatever the channel serves now). */
	surveyId: string;
	channelId: string;
	language: string;
	phone: string;
	number: string;
}

/**
 * Keeps a yes: the number sealed, with the survey, channel and language the message needs.
 * One row per survey and phone — answering the survey again renews it rather than doubling it.
 */
export async function keepFollowUp(db: Db, input: FollowUpInput, now = new Date()): Promise<void> {
	const values = {
		orgId: input.orgId,
		surveyId: input.surveyId,
		channelId: input.channelId,
		language: input.language,
		numberEncrypted: await encryptSecret(db, PURPOSE, input.number),
		phoneHash: input.phone,
		expiresOn: followUpExpiry(now)
	};
	await db
		.insert(smsFollowUps)
		.values(values)
		.onConflictDoUpdate({
			target: [smsFollowUps.surveyId, smsFollowUps.phoneHash],
			set: {
				channelId: values.channelId,
				language: values.language,
				numberEncrypted: values.numberEncrypted,
				expiresOn: values.expiresOn
			}
		});
}

/** STOP or the panic word: every follow-up of this phone with the organisation goes at once. */
export async function forgetFollowUps(db: Db, orgId: string, phone: string): Promise<number> {
	const gone = await db
		.delete(smsFollowUps)
		.where(and(eq(smsFollowUps.orgId, orgId), eq(smsFollowUps.phoneHash, phone)))
		.returning({ id: smsFollowUps.id });
	return gone.length;
}

/** Deletes follow-ups past their last day (run with the periodic conversation purge). */
export async function purgeExpiredFollowUps(db: Db, now = new Date()): Promise<number> {
	const gone = await db
		.delete(smsFollowUps)
		.where(lt(smsFollowUps.expiresOn, dayOf(now)))
		.returning({ id: smsFollowUps.id });
	return gone.length;
}

export interface WaitingCount {
	language: string;
	count: number;
}

/** How many people wait for the survey's message, per language (counts only, never numbers). */
export async function waitingFollowUps(
	db: Db,
	orgId: string,
	surveyId: string,
	now = new Date()
): Promise<WaitingCount[]> {
	const found = await db
		.select({ language: smsFollowUps.language, count: sql<number>`count(*)::int` })
		.from(smsFollowUps)
		.where(
			and(
				eq(smsFollowUps.orgId, orgId),
				eq(smsFollowUps.surveyId, surveyId),
				gte(smsFollowUps.expiresOn, dayOf(now))
			)
		)
		.groupBy(smsFollowUps.language)
		.orderBy(asc(smsFollowUps.language));
	return found.map((r) => ({ language: r.language, count: Number(r.count) }));
}

export type QueueSummariesResult =
	| {
			ok: true;
			queued: number;
			/** Languages with people waiting but no note written: nothing sent, rows kept. */
			skipped: WaitingCount[];
	  }
	| { ok: false; error: 'notFound' | 'notConfirmed' };

/**
 * Queues the survey's note to everyone waiting, each in their own language, through the outbox
 * (which re-checks opt-outs before sending and erases the number once the provider has it). Each
 * row is deleted as its message is queued, so sending again sends nothing; a language without a
 * note is skipped and its rows kept for when one is written. Audited with the count only.
 */
export async function queueSummaries(
	db: Db,
	actor: Actor,
	orgId: string,
	surveyId: string,
	input: { confirmed: true },
	now = new Date()
): Promise<QueueSummariesResult> {
	if (input.confirmed !== true) return { ok: false, error: 'notConfirmed' };
	// Opening the numbers needs the instance secret: loaded before the transaction, so nothing
	// inside it waits on a second connection (PGlite has only one).
	await appSecret(db);
	return db.transaction(async (tx) => {
		// The survey row locked: two sends at once run one after the other, the second finding
		// no rows left to send.
		const [survey] = await tx
			.select({ id: surveys.id, name: surveys.name })
			.from(surveys)
			.where(and(eq(surveys.orgId, orgId), eq(surveys.id, surveyId)))
			.for('update');
		if (!survey) return { ok: false, error: 'notFound' } as const;
		const notes = await getSummaries(tx, orgId, surveyId);
		const waiting = await tx
			.select()
			.from(smsFollowUps)
			.where(
				and(
					eq(smsFollowUps.orgId, orgId),
					eq(smsFollowUps.surveyId, surveyId),
					gte(smsFollowUps.expiresOn, dayOf(now))
				)
			)
			.for('update');
		const optedOut = new Set<string>();
		for (const part of chunks(
			waiting.map((w) => w.phoneHash),
			1000
		))
			for (const row of await tx
				.select({ phoneHash: smsOptOuts.phoneHash })
				.from(smsOptOuts)
				.where(and(eq(smsOptOuts.orgId, orgId), inArray(smsOptOuts.phoneHash, part))))
				optedOut.add(row.phoneHash);

		const outgoing: (typeof smsOutbox.$inferInsert)[] = [];
		const done: string[] = [];
		const skipped = new Map<string, number>();
		for (const row of waiting) {
			// STOP deletes these rows already; an opt-out that got here another way still wins.
			if (optedOut.has(row.phoneHash)) {
				done.push(row.id);
				continue;
			}
			const body = notes[row.language];
			if (!body) {
				skipped.set(row.language, (skipped.get(row.language) ?? 0) + 1);
				continue;
			}
			done.push(row.id);
			// A number this instance cannot open (APP_SECRET changed) is of no use: deleted too.
			const number = await decryptSecret(db, PURPOSE, row.numberEncrypted);
			if (!number) continue;
			outgoing.push({
				channelId: row.channelId,
				toNumber: number,
				phoneHash: row.phoneHash,
				language: row.language,
				body,
				nextAttemptAt: now
			});
		}
		for (const part of chunks(outgoing, 1000)) await tx.insert(smsOutbox).values(part);
		for (const part of chunks(done, 1000))
			await tx.delete(smsFollowUps).where(inArray(smsFollowUps.id, part));
		if (outgoing.length)
			await audit.record(tx, {
				orgId,
				action: 'sms.summary_queued',
				actor,
				target: survey.name,
				details: { count: outgoing.length }
			});
		return {
			ok: true,
			queued: outgoing.length,
			skipped: [...skipped].map(([language, count]) => ({ language, count }))
		} as const;
	});
}

function chunks<T>(items: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out;
}
