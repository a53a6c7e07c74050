import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { and, asc, eq, ne } from 'drizzle-orm';
import * as audit from '../audit/service';
import type { Db } from '../db';
import { smsChannels, surveys, type SmsChannel } from '../db/schema';
import type { Actor } from '../orgs/service';
import { openSurvey } from '../respond/service';
import { decryptSecret, encryptSecret } from '../secret';

/**
 * The owner side of the SMS channel: an organisation's numbers, each serving one published
 * survey. The provider's auth token is sealed with `encryptSecret` before it reaches the
 * database and is only ever opened for the webhook (`channelAuthToken`); no function here
 * returns it, and no audit entry holds it or a phone number.
 */

/** The `purpose` the auth tokens are sealed under (a key of their own). */
export const AUTH_TOKEN_PURPOSE = 'sms-auth-token';

/** A webhook address part nobody can guess: 80 random bits, 16 base32 characters. */
export function randomChannelId(): string {
	return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(10)));
}

export interface ChannelInput {
	surveyId: string;
	senderNumber: string;
	accountId: string;
	authToken: string;
	keyword: string;
	panicWord: string | null;
	expiryDays: number;
	reminderHours: number | null;
	/** Ask at the end whether the person wants one message later (decision 010); default off. */
	offerFollowUp?: boolean;
}

/** `authToken` null keeps the stored token; `panicWord` undefined keeps the current one. */
export type ChannelChanges = Omit<ChannelInput, 'authToken' | 'panicWord'> & {
	authToken: string | null;
	panicWord?: string | null;
};

/** What the channels page shows: never the token, nor the panic word itself. */
export interface ChannelView {
	id: string;
	provider: SmsChannel['provider'];
	surveyId: string;
	surveyName: string;
	senderNumber: string;
	accountId: string;
	keyword: string;
	hasPanicWord: boolean;
	expiryDays: number;
	reminderHours: number | null;
	offerFollowUp: boolean;
	createdAt: Date;
}

export type ChannelError = 'notFound' | 'surveyNotFound' | 'notPublished' | 'numberTaken';
export type ChannelResult = { ok: true; id: string } | { ok: false; error: ChannelError };

/** Keywords are compared in upper case (the form does this too; the service does not rely on it). */
export function normaliseWord(word: string): string {
	return word.normalize('NFKC').trim().toUpperCase();
}

/** The organisation's channels, oldest first, with the survey each serves. */
export async function listChannels(db: Db, orgId: string): Promise<ChannelView[]> {
	const rows = await db
		.select({
			id: smsChannels.id,
			provider: smsChannels.provider,
			surveyId: smsChannels.surveyId,
			surveyName: surveys.name,
			senderNumber: smsChannels.senderNumber,
			accountId: smsChannels.accountId,
			keyword: smsChannels.keyword,
			panicWord: smsChannels.panicWord,
			expiryDays: smsChannels.expiryDays,
			reminderHours: smsChannels.reminderHours,
			offerFollowUp: smsChannels.offerFollowUp,
			createdAt: smsChannels.createdAt
		})
		.from(smsChannels)
		.innerJoin(surveys, and(eq(surveys.id, smsChannels.surveyId), eq(surveys.orgId, orgId)))
		.where(eq(smsChannels.orgId, orgId))
		.orderBy(asc(smsChannels.createdAt), asc(smsChannels.id));
	return rows.map(({ panicWord, ...row }) => ({ ...row, hasPanicWord: panicWord !== null }));
}

/**
 * The survey a channel may serve: this organisation's, with a version open to answers
 * (published and not archived).
 */
async function servable(
	db: Db,
	orgId: string,
	surveyId: string
): Promise<{ ok: true; name: string } | { ok: false; error: ChannelError }> {
	const [survey] = await db
		.select({ name: surveys.name })
		.from(surveys)
		.where(and(eq(surveys.id, surveyId), eq(surveys.orgId, orgId)));
	if (!survey) return { ok: false, error: 'surveyNotFound' };
	const version = await openSurvey(db, surveyId, orgId);
	if (!version) return { ok: false, error: 'notPublished' };
	return { ok: true, name: survey.name };
}

/** One number routes to one webhook address, so an organisation uses it on one channel only. */
async function numberTaken(db: Db, orgId: string, number: string, exceptId?: string) {
	const [row] = await db
		.select({ id: smsChannels.id })
		.from(smsChannels)
		.where(
			and(
				eq(smsChannels.orgId, orgId),
				eq(smsChannels.senderNumber, number),
				exceptId ? ne(smsChannels.id, exceptId) : undefined
			)
		)
		.limit(1);
	return row !== undefined;
}

/** Adds a channel serving a published survey of the organisation; the token is sealed first. */
export async function createChannel(
	db: Db,
	actor: Actor,
	orgId: string,
	input: ChannelInput
): Promise<ChannelResult> {
	const sealed = await encryptSecret(db, AUTH_TOKEN_PURPOSE, input.authToken);
	return db.transaction(async (tx) => {
		const survey = await servable(tx, orgId, input.surveyId);
		if (!survey.ok) return survey;
		if (await numberTaken(tx, orgId, input.senderNumber))
			return { ok: false, error: 'numberTaken' } as const;
		const id = randomChannelId();
		const keyword = normaliseWord(input.keyword);
		await tx.insert(smsChannels).values({
			id,
			orgId,
			surveyId: input.surveyId,
			provider: 'twilio',
			senderNumber: input.senderNumber,
			accountId: input.accountId,
			authTokenEncrypted: sealed,
			keyword,
			panicWord: input.panicWord ? normaliseWord(input.panicWord) : null,
			expiryDays: input.expiryDays,
			reminderHours: input.reminderHours,
			offerFollowUp: input.offerFollowUp ?? false
		});
		await audit.record(tx, {
			orgId,
			action: 'sms.channel_created',
			actor,
			target: keyword,
			details: { name: survey.name }
		});
		return { ok: true, id } as const;
	});
}

/** Changes a channel of the organisation; the token is replaced only when a new one is given. */
export async function updateChannel(
	db: Db,
	actor: Actor,
	orgId: string,
	channelId: string,
	changes: ChannelChanges
): Promise<ChannelResult> {
	const sealed = changes.authToken
		? await encryptSecret(db, AUTH_TOKEN_PURPOSE, changes.authToken)
		: null;
	return db.transaction(async (tx) => {
		const [current] = await tx
			.select({ id: smsChannels.id })
			.from(smsChannels)
			.where(and(eq(smsChannels.id, channelId), eq(smsChannels.orgId, orgId)))
			.for('update');
		if (!current) return { ok: false, error: 'notFound' } as const;
		const survey = await servable(tx, orgId, changes.surveyId);
		if (!survey.ok) return survey;
		if (await numberTaken(tx, orgId, changes.senderNumber, channelId))
			return { ok: false, error: 'numberTaken' } as const;
		const keyword = normaliseWord(changes.keyword);
		await tx
			.update(smsChannels)
			.set({
				surveyId: changes.surveyId,
				senderNumber: changes.senderNumber,
				accountId: changes.accountId,
				keyword,
				expiryDays: changes.expiryDays,
				reminderHours: changes.reminderHours,
				...(changes.offerFollowUp !== undefined ? { offerFollowUp: changes.offerFollowUp } : {}),
				...(sealed ? { authTokenEncrypted: sealed } : {}),
				...(changes.panicWord !== undefined
					? { panicWord: changes.panicWord ? normaliseWord(changes.panicWord) : null }
					: {})
			})
			.where(and(eq(smsChannels.id, channelId), eq(smsChannels.orgId, orgId)));
		await audit.record(tx, {
			orgId,
			action: 'sms.channel_changed',
			actor,
			target: keyword,
			details: {
				name: survey.name,
				tokenReplaced: sealed !== null,
				...(changes.offerFollowUp !== undefined ? { followUp: changes.offerFollowUp } : {})
			}
		});
		return { ok: true, id: channelId } as const;
	});
}

/** Removes a channel (its open conversations and queued messages go with it). */
export async function deleteChannel(
	db: Db,
	actor: Actor,
	orgId: string,
	channelId: string
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [deleted] = await tx
			.delete(smsChannels)
			.where(and(eq(smsChannels.id, channelId), eq(smsChannels.orgId, orgId)))
			.returning({ keyword: smsChannels.keyword });
		if (!deleted) return false;
		await audit.record(tx, {
			orgId,
			action: 'sms.channel_deleted',
			actor,
			target: deleted.keyword
		});
		return true;
	});
}

/**
 * The channel's auth token in clear, for checking the webhook's signature; null for an unknown
 * channel or a token this instance cannot open (APP_SECRET changed). Never log or return it.
 */
export async function channelAuthToken(db: Db, channelId: string): Promise<string | null> {
	const [row] = await db
		.select({ sealed: smsChannels.authTokenEncrypted })
		.from(smsChannels)
		.where(eq(smsChannels.id, channelId));
	return row ? decryptSecret(db, AUTH_TOKEN_PURPOSE, row.sealed) : null;
}

/** The start keyword of a channel serving this survey (the first made), for the simulator's help text. */
export async function keywordForSurvey(
	db: Db,
	orgId: string,
	surveyId: string
): Promise<string | null> {
	const [row] = await db
		.select({ keyword: smsChannels.keyword })
		.from(smsChannels)
		.where(and(eq(smsChannels.orgId, orgId), eq(smsChannels.surveyId, surveyId)))
		.orderBy(asc(smsChannels.createdAt))
		.limit(1);
	return row?.keyword ?? null;
}
