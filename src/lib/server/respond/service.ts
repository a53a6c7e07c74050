import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { and, eq, lt, sql } from 'drizzle-orm';
import * as audit from '../audit/service';
import { generateToken, hashToken } from '../auth/tokens';
import type { Db } from '../db';
import { rows } from '../db/rows';
import {
	DEFAULT_EXIT_URL,
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
import { allowHit } from './limits';
import { relevanceOf, type Answers } from '../../survey/relevance';

/**
 * The web channel's data rules: open links, single-use codes, drafts and responses. Pages
 * (issue 4) call these; nothing here stores who a respondent is.
 */

const HOUR_MS = 60 * 60 * 1000;
const DRAFT_IDLE_MS = 24 * HOUR_MS;
const DAY_MS = 24 * HOUR_MS;

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

/**
 * A published version as respondents are served it. Versions never change once published (a
 * database trigger refuses it), so every app server may keep them in memory by id; whether a
 * version is still the one to serve is always asked of the database.
 */
export type ServedVersion = Pick<
	SurveyVersion,
	'id' | 'surveyId' | 'orgId' | 'number' | 'instrument'
>;

const servedVersions = new Map<string, ServedVersion>();
const MAX_CACHED_VERSIONS = 256;

export async function servedVersion(db: Db, id: string): Promise<ServedVersion | undefined> {
	const cached = servedVersions.get(id);
	if (cached) return cached;
	const [row] = await db
		.select({
			id: surveyVersions.id,
			surveyId: surveyVersions.surveyId,
			orgId: surveyVersions.orgId,
			number: surveyVersions.number,
			instrument: surveyVersions.instrument
		})
		.from(surveyVersions)
		.where(eq(surveyVersions.id, id));
	if (!row) return undefined;
	if (servedVersions.size >= MAX_CACHED_VERSIONS)
		servedVersions.delete(servedVersions.keys().next().value!);
	servedVersions.set(id, row);
	return row;
}

/**
 * The id of the version a survey serves today: its newest published one not archived. The
 * outer column is named in full: drizzle leaves columns unqualified in single-table queries,
 * and inside this subquery a bare `survey_id` would mean the versions' own column.
 */
const currentVersionId = (
	outer: 'survey_links.survey_id' | 'respondent_codes.survey_id' | 'surveys.id'
) =>
	sql<string | null>`(select v.id from ${surveyVersions} v where v.survey_id = ${sql.raw(
		outer
			.split('.')
			.map((part) => `"${part}"`)
			.join('.')
	)} and v.archived_at is null order by v.number desc limit 1)`;

/** What a respondent page needs of the organisation and the survey, fetched with the entry. */
const settingsColumns = { exitUrl: organisations.exitUrl, helpContacts: surveys.helpContacts };

/** One round trip: the link, the version it serves, and the page settings. */
async function linkRow(db: Db, slug: string) {
	const [row] = await db
		.select({
			id: surveyLinks.id,
			orgId: surveyLinks.orgId,
			surveyId: surveyLinks.surveyId,
			status: surveyLinks.status,
			endsOn: surveyLinks.endsOn,
			versionId: currentVersionId('survey_links.survey_id'),
			...settingsColumns
		})
		.from(surveyLinks)
		.innerJoin(surveys, eq(surveys.id, surveyLinks.surveyId))
		.innerJoin(organisations, eq(organisations.id, surveyLinks.orgId))
		.where(eq(surveyLinks.slug, slug));
	return row;
}

function linkProblem(
	link: { status: string; endsOn: string | null; versionId: string | null },
	now: Date
): LinkProblem | null {
	if (link.status === 'closed' || (link.endsOn && link.endsOn < dayOf(now))) return 'closed';
	if (link.status === 'paused') return 'paused';
	if (!link.versionId) return 'noVersion';
	return null;
}

/** The survey version a link serves today: the newest published version not archived. */
export async function resolveLink(
	db: Db,
	slug: string,
	now = new Date()
): Promise<
	| { ok: true; linkId: string; orgId: string; surveyId: string; version: ServedVersion }
	| { ok: false; error: LinkProblem }
> {
	const link = await linkRow(db, slug);
	if (!link) return { ok: false, error: 'unknown' };
	const problem = linkProblem(link, now);
	const version = problem ? undefined : await servedVersion(db, link.versionId!);
	if (problem || !version) return { ok: false, error: problem ?? 'noVersion' };
	return { ok: true, linkId: link.id, orgId: link.orgId, surveyId: link.surveyId, version };
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

/** One round trip: the code, the version its survey serves, and the page settings. */
async function codeRow(db: Db, code: string) {
	const [row] = await db
		.select({
			id: respondentCodes.id,
			orgId: respondentCodes.orgId,
			surveyId: respondentCodes.surveyId,
			used: respondentCodes.used,
			revoked: respondentCodes.revoked,
			expiresOn: respondentCodes.expiresOn,
			versionId: currentVersionId('respondent_codes.survey_id'),
			...settingsColumns
		})
		.from(respondentCodes)
		.innerJoin(surveys, eq(surveys.id, respondentCodes.surveyId))
		.innerJoin(organisations, eq(organisations.id, respondentCodes.orgId))
		.where(eq(respondentCodes.codeHash, hashToken(canonicalCode(code))));
	return row;
}

function codeProblem(
	row: { used: boolean; revoked: boolean; expiresOn: string | null; versionId: string | null },
	now: Date
): CodeProblem | null {
	if (row.revoked) return 'revoked';
	if (row.used) return 'used';
	if (row.expiresOn && row.expiresOn < dayOf(now)) return 'expired';
	if (!row.versionId) return 'noVersion';
	return null;
}

/** What a typed or scanned code opens, without using it up (that happens on completion). */
export async function resolveCode(
	db: Db,
	code: string,
	now = new Date()
): Promise<
	| { ok: true; codeId: string; orgId: string; surveyId: string; version: ServedVersion }
	| { ok: false; error: CodeProblem }
> {
	const row = await codeRow(db, code);
	if (!row) return { ok: false, error: 'invalid' };
	const problem = codeProblem(row, now);
	const version = problem ? undefined : await servedVersion(db, row.versionId!);
	if (problem || !version) return { ok: false, error: problem ?? 'noVersion' };
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
): Promise<{ draft: ResponseDraft; version: ServedVersion } | null> {
	const [draft] = await db
		.select()
		.from(responseDrafts)
		.where(eq(responseDrafts.id, hashToken(token)));
	if (!draft) return null;
	if (draft.idleUntil.getTime() <= now.getTime()) {
		await discardDraft(db, token);
		return null;
	}
	const version = await servedVersion(db, draft.versionId);
	return version ? { draft, version } : null;
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

function receiptExpiry(now: Date): Date {
	// The end of the next UTC day: the same precision as the response's own date, never the
	// hour (an expiry that moved a day later for answers late at night would say when they came).
	return new Date((Math.floor(now.getTime() / DAY_MS) + 2) * DAY_MS);
}

export type SubmitResult =
	| { ok: true; responseId: string }
	| { ok: false; error: 'noDraft' }
	/** Over the rate limit: nothing happened, the draft is kept. */
	| { ok: false; error: 'tooMany' }
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
	now = new Date(),
	/**
	 * The caller's own view of the draft, already checked in full (version and every answer),
	 * which saves reading and checking it again.
	 */
	given?: { version: ServedVersion; answers: Answers; limit?: SubmitLimit }
): Promise<SubmitResult> {
	if (given) return completeDraft(db, token, channel, now, given.answers, given.limit);
	const loaded = await loadDraft(db, token, now);
	if (!loaded) return { ok: false, error: 'noDraft' };
	const checked = checkAnswers(loaded.version.instrument, loaded.draft.answers as RawValues, {
		visibleFor: relevanceFor(loaded.version)
	});
	if (checked.errors.length) return { ok: false, error: 'invalid', errors: checked.errors };
	// What is stored is exactly what was checked: a save racing this submit cannot slip
	// unchecked answers in.
	return completeDraft(db, token, channel, now, checked.answers);
}

const relevance = new Map<string, (answers: Answers) => Set<string>>();

/** Skip logic of a served version, compiled once per process (versions never change). */
export function relevanceFor(version: ServedVersion): (answers: Answers) => Set<string> {
	let visible = relevance.get(version.id);
	if (!visible) {
		if (relevance.size >= MAX_CACHED_VERSIONS) relevance.delete(relevance.keys().next().value!);
		visible = relevanceOf(version.instrument);
		relevance.set(version.id, visible);
	}
	return visible;
}

/** Completions allowed per rate-limit key and minute (counted in `rate_windows`). */
export interface SubmitLimit {
	key: string;
	perMinute: number;
}

/**
 * The rate limit first, in a statement of its own (a counter written with the response would
 * tell the minute it arrived). Then one statement, atomic without a transaction: delete the
 * draft (only one concurrent submit can), mark its code used if it has one and the code is
 * still unused and not revoked, and only then store the response and the receipt. A draft whose
 * code was used meanwhile is deleted and refused.
 */
async function completeDraft(
	db: Db,
	token: string,
	channel: 'web' | 'sms',
	now: Date,
	answers: Answers,
	limit?: SubmitLimit
): Promise<SubmitResult> {
	const id = hashToken(token);
	if (limit && !(await allowHit(db, limit.key, limit.perMinute, 60_000, now)))
		return { ok: false, error: 'tooMany' };
	const [row] = await rows<{ deleted: number; response_id: string | null }>(
		db.execute(sql`
			with draft as (
				delete from ${responseDrafts}
				where id = ${id}
				returning id, org_id, survey_id, version_id, language, code_id
			), code as (
				update ${respondentCodes} c set used = true from draft
				where c.id = draft.code_id and not c.used and not c.revoked
				returning c.id
			), accepted as (
				select draft.* from draft where draft.code_id is null or exists (select 1 from code)
			), response as (
				insert into ${responses} (org_id, survey_id, version_id, channel, language, submitted_on, answers)
				select org_id, survey_id, version_id, ${channel}, language, ${dayOf(now)}, ${JSON.stringify(answers)}::jsonb
				from accepted
				returning id
			), receipt as (
				insert into ${responseReceipts} (id, survey_id, language, expires_at)
				select id, survey_id, language, ${receiptExpiry(now).toISOString()}::timestamptz from accepted
				on conflict do nothing
			)
			select (select count(*)::int from draft) as deleted, (select id from response) as response_id
		`)
	);
	if (!row?.deleted) return { ok: false, error: 'noDraft' };
	if (!row.response_id) return { ok: false, error: 'codeUsed' };
	return { ok: true, responseId: row.response_id };
}

/** What a respondent entry (an open link or a single-use code) opens today. */
export type Entry = { kind: 'link'; slug: string } | { kind: 'code'; code: string };

export type EntryProblem = 'unknown' | 'closed' | 'paused' | CodeProblem;

/** The organisation's quick-exit site and the survey's help contacts (end screen). */
export interface RespondentSettings {
	exitUrl: string;
	helpContacts: Record<string, string>;
}

export const DEFAULT_SETTINGS: RespondentSettings = {
	exitUrl: DEFAULT_EXIT_URL,
	helpContacts: {}
};

export type OpenedEntry =
	| {
			ok: true;
			orgId: string;
			surveyId: string;
			version: ServedVersion;
			codeId: string | null;
			/** What rate limits count against: the link, or the survey's codes together. */
			limitKey: string;
			settings: RespondentSettings;
	  }
	| { ok: false; error: EntryProblem; surveyId: string | null; settings: RespondentSettings };

/** Resolves a link or a code with its page settings, in one query when the version is cached. */
export async function openEntry(db: Db, entry: Entry, now = new Date()): Promise<OpenedEntry> {
	const row = entry.kind === 'link' ? await linkRow(db, entry.slug) : await codeRow(db, entry.code);
	if (!row) {
		return {
			ok: false,
			error: entry.kind === 'link' ? 'unknown' : 'invalid',
			surveyId: null,
			settings: DEFAULT_SETTINGS
		};
	}
	const settings = { exitUrl: row.exitUrl, helpContacts: row.helpContacts };
	const problem =
		'status' in row
			? linkProblem(row, now)
			: codeProblem(row as Parameters<typeof codeProblem>[0], now);
	const version = problem ? undefined : await servedVersion(db, row.versionId!);
	if (problem || !version) {
		const error = problem ?? 'noVersion';
		return {
			ok: false,
			error: 'status' in row && error === 'noVersion' ? 'closed' : error,
			surveyId: row.surveyId,
			settings
		};
	}
	return {
		ok: true,
		orgId: row.orgId,
		surveyId: row.surveyId,
		version,
		codeId: 'status' in row ? null : row.id,
		limitKey: 'status' in row ? `link:${row.id}` : `codes:${row.surveyId}`,
		settings
	};
}

/** The settings alone, for pages reached without a valid entry (e.g. after a code is used). */
export async function respondentSettings(
	db: Db,
	surveyId: string | null
): Promise<RespondentSettings> {
	if (!surveyId) return DEFAULT_SETTINGS;
	const [row] = await db
		.select(settingsColumns)
		.from(surveys)
		.innerJoin(organisations, eq(organisations.id, surveys.orgId))
		.where(eq(surveys.id, surveyId));
	return row ?? DEFAULT_SETTINGS;
}

/** A code as printed on the cards, `XXXXX-XXXXX`, whatever its typed case or dashes. */
export function printedCode(code: string): string {
	const plain = canonicalCode(code);
	return plain.length === 10 ? `${plain.slice(0, 5)}-${plain.slice(5)}` : plain;
}

/**
 * The version a survey serves today (newest published, not archived), from the cache: the one
 * answer to that question for links, codes, SMS channels, the simulator and the distribution
 * page. With `orgId`, only that organisation's survey.
 */
export async function openSurvey(
	db: Db,
	surveyId: string,
	orgId?: string
): Promise<ServedVersion | undefined> {
	const [row] = await db
		.select({ id: currentVersionId('surveys.id') })
		.from(surveys)
		.where(
			orgId ? and(eq(surveys.id, surveyId), eq(surveys.orgId, orgId)) : eq(surveys.id, surveyId)
		);
	return row?.id ? servedVersion(db, row.id) : undefined;
}

/**
 * Stores an already checked response from a channel without web drafts (SMS): the same row as
 * a web response — survey, version, channel, language, the date, the answers; nothing else.
 */
export async function storeResponse(
	db: Db,
	input: {
		orgId: string;
		surveyId: string;
		versionId: string;
		channel: 'web' | 'sms';
		language: string;
		answers: Answers;
	},
	now = new Date()
): Promise<string> {
	const [row] = await db
		.insert(responses)
		.values({ ...input, submittedOn: dayOf(now) })
		.returning({ id: responses.id });
	return row!.id;
}
