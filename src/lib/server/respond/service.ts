import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { and, desc, eq, isNull, lt } from 'drizzle-orm';
import * as audit from '../audit/service';
import { generateToken, hashToken } from '../auth/tokens';
import type { Db } from '../db';
import {
	organisations,
	rateWindows,
	respondentCodes,
	responseDrafts,
	responseReceipts,
	responses,
	surveyLinks,
	surveys,
	surveyVersions,
	type ResponseDraft,
	type SurveyVersion
} from '../db/schema';
import type { Actor } from '../orgs/service';
import { checkAnswers, type AnswerError, type RawValues } from '../../survey/answers';
import type { Answers } from '../../survey/relevance';

/**
 * The web channel's data rules: open links, single-use codes, drafts and responses. Pages
 * (issue 4) call these; nothing here stores who a respondent is.
 */

const HOUR_MS = 60 * 60 * 1000;
const DRAFT_IDLE_MS = 24 * HOUR_MS;

/** `YYYY-MM-DD` in UTC: the only time a response keeps. */
export function dayOf(now: Date): string {
	return now.toISOString().slice(0, 10);
}

/** A random, topic-free slug: 10 base32 characters. */
export function randomSlug(): string {
	return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(7))).slice(0, 10);
}

export async function createLink(
	db: Db,
	actor: Actor | null,
	orgId: string,
	surveyId: string,
	options: { slug?: string; endsOn?: string | null } = {}
) {
	return db.transaction(async (tx) => {
		const [link] = await tx
			.insert(surveyLinks)
			.values({
				orgId,
				surveyId,
				slug: options.slug ?? randomSlug(),
				endsOn: options.endsOn ?? null
			})
			.returning();
		await audit.record(tx, { orgId, action: 'link.created', actor, target: link!.slug });
		return link!;
	});
}

export async function setLinkStatus(
	db: Db,
	actor: Actor,
	orgId: string,
	linkId: string,
	input: { status: 'open' | 'paused' | 'closed'; endsOn?: string | null }
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [link] = await tx
			.update(surveyLinks)
			.set({
				status: input.status,
				...(input.endsOn !== undefined ? { endsOn: input.endsOn } : {})
			})
			.where(and(eq(surveyLinks.id, linkId), eq(surveyLinks.orgId, orgId)))
			.returning();
		if (!link) return false;
		await audit.record(tx, {
			orgId,
			action: 'link.changed',
			actor,
			target: link.slug,
			details: { status: input.status, endsOn: link.endsOn }
		});
		return true;
	});
}

export type LinkProblem = 'unknown' | 'paused' | 'closed' | 'noVersion';

/** The survey version a link serves today: the newest published version not archived. */
export async function resolveLink(
	db: Db,
	slug: string,
	now = new Date()
): Promise<
	| { ok: true; linkId: string; orgId: string; surveyId: string; version: SurveyVersion }
	| { ok: false; error: LinkProblem }
> {
	const [link] = await db.select().from(surveyLinks).where(eq(surveyLinks.slug, slug));
	if (!link) return { ok: false, error: 'unknown' };
	if (link.status === 'closed' || (link.endsOn && link.endsOn < dayOf(now)))
		return { ok: false, error: 'closed' };
	if (link.status === 'paused') return { ok: false, error: 'paused' };
	const version = await currentVersion(db, link.surveyId);
	if (!version) return { ok: false, error: 'noVersion' };
	return { ok: true, linkId: link.id, orgId: link.orgId, surveyId: link.surveyId, version };
}

async function currentVersion(db: Db, surveyId: string): Promise<SurveyVersion | undefined> {
	const [version] = await db
		.select()
		.from(surveyVersions)
		.where(and(eq(surveyVersions.surveyId, surveyId), isNull(surveyVersions.archivedAt)))
		.orderBy(desc(surveyVersions.number))
		.limit(1);
	return version;
}

/** Readable codes for printed cards: 10 characters without look-alikes, grouped as XXXXX-XXXXX. */
export function randomCode(): string {
	const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
	const bytes = crypto.getRandomValues(new Uint8Array(20));
	let code = '';
	for (const b of bytes) {
		if (b >= 256 - (256 % alphabet.length)) continue;
		code += alphabet[b % alphabet.length];
		if (code.length === 10) break;
	}
	return code.length === 10 ? `${code.slice(0, 5)}-${code.slice(5)}` : randomCode();
}

/** The form a typed code is compared in: upper case, no spaces or dashes. */
export function canonicalCode(code: string): string {
	return code.toUpperCase().replace(/[\s-]/g, '');
}

/** Creates `count` single-use codes and returns them once (only their hashes are kept). */
export async function generateCodes(
	db: Db,
	actor: Actor,
	orgId: string,
	surveyId: string,
	count: number,
	expiresOn: string | null = null
): Promise<string[]> {
	const codes = Array.from({ length: count }, randomCode);
	await db.transaction(async (tx) => {
		for (let i = 0; i < codes.length; i += 500) {
			await tx.insert(respondentCodes).values(
				codes.slice(i, i + 500).map((code) => ({
					orgId,
					surveyId,
					codeHash: hashToken(canonicalCode(code)),
					expiresOn
				}))
			);
		}
		await audit.record(tx, {
			orgId,
			action: 'codes.created',
			actor,
			details: { count, expiresOn }
		});
	});
	return codes;
}

export type CodeProblem = 'invalid' | 'used' | 'expired' | 'revoked' | LinkProblem;

/** What a typed or scanned code opens, without using it up (that happens on completion). */
export async function resolveCode(
	db: Db,
	code: string,
	now = new Date()
): Promise<
	| { ok: true; codeId: string; orgId: string; surveyId: string; version: SurveyVersion }
	| { ok: false; error: CodeProblem }
> {
	const [row] = await db
		.select()
		.from(respondentCodes)
		.where(eq(respondentCodes.codeHash, hashToken(canonicalCode(code))));
	if (!row) return { ok: false, error: 'invalid' };
	if (row.revoked) return { ok: false, error: 'revoked' };
	if (row.used) return { ok: false, error: 'used' };
	if (row.expiresOn && row.expiresOn < dayOf(now)) return { ok: false, error: 'expired' };
	const version = await currentVersion(db, row.surveyId);
	if (!version) return { ok: false, error: 'noVersion' };
	return { ok: true, codeId: row.id, orgId: row.orgId, surveyId: row.surveyId, version };
}

/** Starts a draft; the returned token goes into the respondent's session cookie only. */
export async function startDraft(
	db: Db,
	input: { orgId: string; surveyId: string; versionId: string; language: string; codeId?: string },
	now = new Date()
): Promise<string> {
	const token = generateToken();
	await db.insert(responseDrafts).values({
		id: hashToken(token),
		orgId: input.orgId,
		surveyId: input.surveyId,
		versionId: input.versionId,
		language: input.language,
		codeId: input.codeId ?? null,
		idleUntil: new Date(now.getTime() + DRAFT_IDLE_MS)
	});
	return token;
}

/** The draft behind a cookie token; an idle one is deleted and reported as missing. */
export async function loadDraft(
	db: Db,
	token: string,
	now = new Date()
): Promise<{ draft: ResponseDraft; version: SurveyVersion } | null> {
	const [row] = await db
		.select({ draft: responseDrafts, version: surveyVersions })
		.from(responseDrafts)
		.innerJoin(surveyVersions, eq(surveyVersions.id, responseDrafts.versionId))
		.where(eq(responseDrafts.id, hashToken(token)));
	if (!row) return null;
	if (row.draft.idleUntil.getTime() <= now.getTime()) {
		await discardDraft(db, token);
		return null;
	}
	return row;
}

/** Saves the answers and page reached, and pushes the idle deadline back. */
export async function saveDraftAnswers(
	db: Db,
	token: string,
	input: { answers: Answers; page: number; language?: string },
	now = new Date()
): Promise<boolean> {
	const [row] = await db
		.update(responseDrafts)
		.set({
			answers: input.answers,
			page: input.page,
			...(input.language ? { language: input.language } : {}),
			idleUntil: new Date(now.getTime() + DRAFT_IDLE_MS)
		})
		.where(eq(responseDrafts.id, hashToken(token)))
		.returning({ id: responseDrafts.id });
	return !!row;
}

/** Quick exit, "not now", declined consent: the draft is gone, nothing is kept. */
export async function discardDraft(db: Db, token: string): Promise<void> {
	await db.delete(responseDrafts).where(eq(responseDrafts.id, hashToken(token)));
}

/**
 * Deletes drafts idle for more than 24 hours (returns how many), and with them expired
 * completion receipts and rate-limit windows older than an hour.
 */
export async function purgeIdleDrafts(db: Db, now = new Date()): Promise<number> {
	const rows = await db
		.delete(responseDrafts)
		.where(lt(responseDrafts.idleUntil, now))
		.returning({ id: responseDrafts.id });
	await db.delete(responseReceipts).where(lt(responseReceipts.expiresAt, now));
	await db
		.delete(rateWindows)
		.where(lt(rateWindows.windowStart, new Date(now.getTime() - HOUR_MS)));
	return rows.length;
}

/**
 * The receipt of a completed draft, if this cookie token completed one lately: a retried or
 * double-clicked final submission then shows the thank-you page again, storing nothing.
 */
export async function findReceipt(
	db: Db,
	token: string,
	now = new Date()
): Promise<{ surveyId: string; language: string } | null> {
	const [row] = await db
		.select({
			surveyId: responseReceipts.surveyId,
			language: responseReceipts.language,
			expiresAt: responseReceipts.expiresAt
		})
		.from(responseReceipts)
		.where(eq(responseReceipts.id, hashToken(token)));
	if (!row || row.expiresAt.getTime() <= now.getTime()) return null;
	return { surveyId: row.surveyId, language: row.language };
}

/** One to two hours from now, on the hour: long enough for a retry, says nothing of when. */
function receiptExpiry(now: Date): Date {
	return new Date((Math.floor(now.getTime() / HOUR_MS) + 2) * HOUR_MS);
}

export type SubmitResult =
	| { ok: true; responseId: string }
	| { ok: false; error: 'noDraft' }
	/** Another draft opened with the same single-use code was completed first. */
	| { ok: false; error: 'codeUsed' }
	| { ok: false; error: 'invalid'; errors: AnswerError[] };

/**
 * Completes a draft exactly once: the answers are checked again in full, then in one
 * transaction the draft is deleted (only one concurrent submit can delete it), the response is
 * stored with the date only, and the code — if any — is marked used. A code opens any number of
 * drafts but completes only one: a draft whose code is already used is deleted and refused.
 */
export async function submitDraft(
	db: Db,
	token: string,
	channel: 'web' | 'sms' = 'web',
	now = new Date()
): Promise<SubmitResult> {
	const loaded = await loadDraft(db, token, now);
	if (!loaded) return { ok: false, error: 'noDraft' };
	const checked = checkAnswers(loaded.version.instrument, loaded.draft.answers as RawValues);
	if (checked.errors.length) return { ok: false, error: 'invalid', errors: checked.errors };
	const rejected: AnswerError[] = [];
	return submitOnce(db, token, loaded.version, channel, now, rejected).catch((e: unknown) => {
		// Rolled back because answers changed under us and no longer pass: the draft is kept.
		if (e instanceof Error && e.name === 'TransactionRollbackError')
			return { ok: false, error: 'invalid', errors: rejected } as const;
		throw e;
	});
}

function submitOnce(
	db: Db,
	token: string,
	version: SurveyVersion,
	channel: 'web' | 'sms',
	now: Date,
	rejected: AnswerError[]
): Promise<SubmitResult> {
	const loaded = { version };
	return db.transaction(async (tx) => {
		const [draft] = await tx
			.delete(responseDrafts)
			.where(eq(responseDrafts.id, hashToken(token)))
			.returning();
		if (!draft) return { ok: false, error: 'noDraft' } as const;
		// Store what was deleted, not what was read before: a save racing the submit cannot
		// slip unchecked answers in.
		const final = checkAnswers(loaded.version.instrument, draft.answers as RawValues);
		if (final.errors.length) {
			rejected.push(...final.errors);
			tx.rollback();
		}
		if (draft.codeId) {
			// Conditional update: of two drafts of one code, only one finds it unused.
			const [code] = await tx
				.update(respondentCodes)
				.set({ used: true })
				.where(
					and(
						eq(respondentCodes.id, draft.codeId),
						eq(respondentCodes.used, false),
						// A code withdrawn while someone was answering is honoured no more.
						eq(respondentCodes.revoked, false)
					)
				)
				.returning({ id: respondentCodes.id });
			if (!code) return { ok: false, error: 'codeUsed' } as const;
		}
		const [response] = await tx
			.insert(responses)
			.values({
				orgId: draft.orgId,
				surveyId: draft.surveyId,
				versionId: draft.versionId,
				channel,
				language: draft.language,
				submittedOn: dayOf(now),
				answers: final.answers
			})
			.returning({ id: responses.id });
		await tx
			.insert(responseReceipts)
			.values({
				id: draft.id,
				surveyId: draft.surveyId,
				language: draft.language,
				expiresAt: receiptExpiry(now)
			})
			.onConflictDoNothing();
		return { ok: true, responseId: response!.id } as const;
	});
}

/** What a respondent entry (an open link or a single-use code) opens today. */
export type Entry = { kind: 'link'; slug: string } | { kind: 'code'; code: string };

export type EntryProblem = 'unknown' | 'closed' | 'paused' | CodeProblem;

export type OpenedEntry =
	| {
			ok: true;
			orgId: string;
			surveyId: string;
			version: SurveyVersion;
			codeId: string | null;
			/** What rate limits count against: the link, or the survey's codes together. */
			limitKey: string;
	  }
	| { ok: false; error: EntryProblem; surveyId: string | null };

export async function openEntry(db: Db, entry: Entry, now = new Date()): Promise<OpenedEntry> {
	if (entry.kind === 'link') {
		const link = await resolveLink(db, entry.slug, now);
		if (!link.ok) {
			const surveyId = link.error === 'unknown' ? null : await linkSurvey(db, entry.slug);
			return { ok: false, error: link.error === 'noVersion' ? 'closed' : link.error, surveyId };
		}
		return { ...link, codeId: null, limitKey: `link:${link.linkId}` };
	}
	const code = await resolveCode(db, entry.code, now);
	if (!code.ok) {
		const [row] = await db
			.select({ surveyId: respondentCodes.surveyId })
			.from(respondentCodes)
			.where(eq(respondentCodes.codeHash, hashToken(canonicalCode(entry.code))));
		return { ok: false, error: code.error, surveyId: row?.surveyId ?? null };
	}
	return { ...code, limitKey: `codes:${code.surveyId}` };
}

async function linkSurvey(db: Db, slug: string): Promise<string | null> {
	const [row] = await db
		.select({ surveyId: surveyLinks.surveyId })
		.from(surveyLinks)
		.where(eq(surveyLinks.slug, slug));
	return row?.surveyId ?? null;
}

/** The organisation's quick-exit site and the survey's help contacts (end screen). */
export async function respondentSettings(
	db: Db,
	surveyId: string | null
): Promise<{ exitUrl: string; helpContacts: Record<string, string> }> {
	const fallback = { exitUrl: 'https://www.wikipedia.org/', helpContacts: {} };
	if (!surveyId) return fallback;
	const [row] = await db
		.select({ exitUrl: organisations.exitUrl, helpContacts: surveys.helpContacts })
		.from(surveys)
		.innerJoin(organisations, eq(organisations.id, surveys.orgId))
		.where(eq(surveys.id, surveyId));
	return row ?? fallback;
}

/** A code as printed on the cards, `XXXXX-XXXXX`, whatever its typed case or dashes. */
export function printedCode(code: string): string {
	const plain = canonicalCode(code);
	return plain.length === 10 ? `${plain.slice(0, 5)}-${plain.slice(5)}` : plain;
}
