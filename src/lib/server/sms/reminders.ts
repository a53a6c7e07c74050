import { and, eq, lte, sql } from 'drizzle-orm';
import { reminderText } from '../../sms/words';
import type { Db } from '../db';
import { smsConversations, smsOutbox, smsReminders, type SmsChannel } from '../db/schema';
import { decryptSecret, encryptSecret } from '../secret';

/**
 * The one reminder a channel may send to someone who stopped answering (off unless an owner
 * sets `reminderHours`). Its number is kept encrypted, apart from the answers, and deleted
 * as soon as the reminder is queued or the conversation ends (docs/decisions/007).
 */

const PURPOSE = 'sms-reminder-number';

/** After each question sent: (re)schedule the reminder, unless one was already sent. */
export async function scheduleReminder(
	db: Db,
	channel: SmsChannel,
	input: { phone: string; number: string; language: string; alreadyReminded: boolean },
	now: Date
): Promise<void> {
	if (!channel.reminderHours || input.alreadyReminded) return;
	const values = {
		channelId: channel.id,
		phoneHash: input.phone,
		numberEncrypted: await encryptSecret(db, PURPOSE, input.number),
		language: input.language,
		dueAt: new Date(now.getTime() + channel.reminderHours * 60 * 60 * 1000)
	};
	await db
		.insert(smsReminders)
		.values(values)
		.onConflictDoUpdate({
			target: [smsReminders.channelId, smsReminders.phoneHash],
			set: { dueAt: values.dueAt, language: values.language }
		});
}

/** The conversation ended (completed, declined, opted out, panic, expired): no reminder. */
export async function cancelReminder(db: Db, channelId: string, phone: string): Promise<void> {
	await db
		.delete(smsReminders)
		.where(and(eq(smsReminders.channelId, channelId), eq(smsReminders.phoneHash, phone)));
}

/**
 * Moves due reminders into the outbox (which re-checks opt-outs before sending) and marks the
 * conversations reminded. Rows are claimed with SKIP LOCKED, so several servers may run it.
 */
export async function queueDueReminders(db: Db, now = new Date(), batch = 100): Promise<number> {
	return db.transaction(async (tx) => {
		const due = await tx
			.select()
			.from(smsReminders)
			.where(lte(smsReminders.dueAt, now))
			.limit(batch)
			.for('update', { skipLocked: true });
		let queued = 0;
		for (const reminder of due) {
			const mark = await tx
				.update(smsConversations)
				.set({ reminded: true })
				.where(
					and(
						eq(smsConversations.channelId, reminder.channelId),
						eq(smsConversations.phoneHash, reminder.phoneHash),
						eq(smsConversations.reminded, false),
						sql`${smsConversations.expiresAt} > ${now.toISOString()}::timestamptz`
					)
				)
				.returning({ id: smsConversations.id });
			const number = await decryptSecret(tx as unknown as Db, PURPOSE, reminder.numberEncrypted);
			if (mark.length && number) {
				await tx.insert(smsOutbox).values({
					channelId: reminder.channelId,
					toNumber: number,
					phoneHash: reminder.phoneHash,
					language: reminder.language,
					body: reminderText(reminder.language),
					nextAttemptAt: now
				});
				queued++;
			}
			await tx
				.delete(smsReminders)
				.where(
					and(
						eq(smsReminders.channelId, reminder.channelId),
						eq(smsReminders.phoneHash, reminder.phoneHash)
					)
				);
		}
		return queued;
	});
}
