import { eq, inArray, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { PREFER_NOT_TO_SAY } from '../../survey/chrome';
import { hashToken } from '../auth/tokens';
import type { Db } from '../db';
import {
	organisations,
	rateWindows,
	respondentCodes,
	responseReceipts,
	surveys,
	type Organisation
} from '../db/schema';
import { rows, useTestDatabase } from '../db/testing';
import { fixtures } from '../db/testing/fixtures';
import { DEMO_SURVEY } from '../demo/survey';
import type { Actor } from '../orgs/service';
import { archiveVersion, createSurvey, publishSurvey, saveDraft } from '../surveys/service';
import { allowHit } from './limits';
import {
	canonicalCode,
	createLink,
	dayOf,
	findReceipt,
	generateCodes,
	openEntry,
	openSurvey,
	printedCode,
	purgeIdleDrafts,
	randomCode,
	respondentSettings,
	saveDraftAnswers,
	setLinkStatus,
	startDraft,
	submitDraft
} from './service';

let db: Db;
useTestDatabase((d) => {
	db = d.db;
});
const { person, organisation } = fixtures(() => db);

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const NOW = new Date('2025-06-15T12:00:00Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);
const NO_SUCH_SURVEY = '00000000-0000-4000-8000-000000000000';

let owner: Actor;
let org: Organisation;
let otherOrg: Organisation;

beforeAll(async () => {
	owner = await person('owner');
	org = await organisation('entry', owner);
	otherOrg = await organisation('entry-other', await person('other'));
});

/** A survey holding the demo instrument, published once unless told otherwise. */
async function demoSurvey(name: string, { publish = true, orgId = org.id } = {}) {
	const survey = await createSurvey(db, owner, orgId, { name, instrument: DEMO_SURVEY });
	if (publish)
		expect(await publishSurvey(db, owner, orgId, survey.id)).toEqual({ ok: true, number: 1 });
	return survey;
}

const VALID_ANSWERS = {
	safety_check: 'yes',
	consent: 'yes',
	satisfaction: 'not_very_satisfied',
	dissatisfaction_reasons: ['waited_too_long'],
	problems_caused: 'Nothing at all, thank you',
	age_band: PREFER_NOT_TO_SAY
};

/** A completed survey: opens the entry, answers, submits at `now`; returns the cookie token. */
async function complete(
	surveyId: string,
	{ language = 'fr', now = NOW, codeId }: { language?: string; now?: Date; codeId?: string } = {}
) {
	const link = await createLink(db, owner, org.id, surveyId);
	const opened = await openEntry(db, { kind: 'link', slug: link.slug }, now);
	if (!opened.ok) throw new Error(opened.error);
	const token = await startDraft(
		db,
		{ orgId: org.id, surveyId, versionId: opened.version.id, language, codeId },
		now
	);
	expect(await saveDraftAnswers(db, token, { answers: VALID_ANSWERS, page: 6 }, now)).toBe(true);
	const result = await submitDraft(db, token, 'web', now);
	if (!result.ok) throw new Error(result.error);
	return { token, responseId: result.responseId };
}

async function receiptRow(token: string) {
	const [row] = await db
		.select()
		.from(responseReceipts)
		.where(eq(responseReceipts.id, hashToken(token)));
	return row;
}

const codeId = async (code: string) => {
	const [row] = await db
		.select({ id: respondentCodes.id })
		.from(respondentCodes)
		.where(eq(respondentCodes.codeHash, hashToken(canonicalCode(code))));
	return row!.id;
};

// ---------------------------------------------------------------------------------------------

describe('openEntry for open links', () => {
	let surveyId: string;

	beforeAll(async () => {
		surveyId = (await demoSurvey('Links')).id;
	});

	const open = (slug: string, now = NOW) => openEntry(db, { kind: 'link', slug }, now);

	it('opens an open link on the published version, counted against the link', async () => {
		const link = await createLink(db, owner, org.id, surveyId);
		const opened = await open(link.slug);
		expect(opened).toMatchObject({
			ok: true,
			orgId: org.id,
			surveyId,
			codeId: null,
			limitKey: `link:${link.id}`
		});
		expect(opened.ok && opened.version).toMatchObject({ surveyId, number: 1 });
		expect(opened.ok && opened.version.instrument).toEqual(DEMO_SURVEY);

		// Two links of one survey are limited apart.
		const second = await createLink(db, owner, org.id, surveyId);
		const other = await open(second.slug);
		expect(other.ok && other.limitKey).toBe(`link:${second.id}`);
		expect(other.ok && other.limitKey).not.toBe(opened.ok && opened.limitKey);
	});

	it('reports a paused link with its survey, and opens it again when reopened', async () => {
		const link = await createLink(db, owner, org.id, surveyId);
		await setLinkStatus(db, owner, org.id, link.id, { status: 'paused' });
		expect(await open(link.slug)).toMatchObject({ ok: false, error: 'paused', surveyId });
		await setLinkStatus(db, owner, org.id, link.id, { status: 'open' });
		expect((await open(link.slug)).ok).toBe(true);
	});

	it('reports a closed link with its survey', async () => {
		const link = await createLink(db, owner, org.id, surveyId);
		await setLinkStatus(db, owner, org.id, link.id, { status: 'closed' });
		expect(await open(link.slug)).toMatchObject({ ok: false, error: 'closed', surveyId });
	});

	it('closes a link after its last day, not on it', async () => {
		const link = await createLink(db, owner, org.id, surveyId, { endsOn: dayOf(NOW) });
		expect((await open(link.slug, new Date('2025-06-15T23:59:59Z'))).ok).toBe(true);
		expect(await open(link.slug, new Date('2025-06-16T00:00:00Z'))).toMatchObject({
			ok: false,
			error: 'closed',
			surveyId
		});
		const ended = await createLink(db, owner, org.id, surveyId, { endsOn: '2025-06-01' });
		expect(await open(ended.slug)).toMatchObject({ ok: false, error: 'closed', surveyId });
	});

	it('says a closed link is closed even while it is also paused past its end', async () => {
		const link = await createLink(db, owner, org.id, surveyId, { endsOn: '2025-06-01' });
		await setLinkStatus(db, owner, org.id, link.id, { status: 'paused' });
		expect(await open(link.slug)).toMatchObject({ ok: false, error: 'closed', surveyId });
	});

	it('reports an unknown slug without naming any survey', async () => {
		expect(await open('nosuchslug')).toMatchObject({ ok: false, error: 'unknown', surveyId: null });
		expect(await open('')).toMatchObject({ ok: false, error: 'unknown', surveyId: null });
	});

	it('shows a survey whose every version is archived, or none published, as closed', async () => {
		const archived = await demoSurvey('All archived');
		const link = await createLink(db, owner, org.id, archived.id);
		expect((await open(link.slug)).ok).toBe(true);
		expect(await archiveVersion(db, owner, org.id, archived.id, 1)).toBe(true);
		expect(await open(link.slug)).toMatchObject({
			ok: false,
			error: 'closed',
			surveyId: archived.id
		});

		const unpublished = await demoSurvey('Never published', { publish: false });
		const early = await createLink(db, owner, org.id, unpublished.id);
		expect(await open(early.slug)).toMatchObject({
			ok: false,
			error: 'closed',
			surveyId: unpublished.id
		});
	});
});

describe('openEntry for single-use codes', () => {
	let surveyId: string;

	beforeAll(async () => {
		surveyId = (await demoSurvey('Codes')).id;
	});

	const open = (code: string, now = NOW) => openEntry(db, { kind: 'code', code }, now);
	const markCode = (code: string, set: { used?: boolean; revoked?: boolean }) =>
		db
			.update(respondentCodes)
			.set(set)
			.where(eq(respondentCodes.codeHash, hashToken(canonicalCode(code))));

	it('opens a fresh code, counted with every code of its survey', async () => {
		const [first, second] = await generateCodes(db, owner, org.id, surveyId, 2);
		const opened = await open(first!);
		expect(opened).toMatchObject({
			ok: true,
			orgId: org.id,
			surveyId,
			codeId: await codeId(first!),
			limitKey: `codes:${surveyId}`
		});
		expect(opened.ok && opened.version.number).toBe(1);
		const other = await open(second!);
		expect(other.ok && other.codeId).toBe(await codeId(second!));
		expect(other.ok && other.limitKey).toBe(`codes:${surveyId}`);
		// Opening does not use the code up.
		expect((await open(first!)).ok).toBe(true);
	});

	it('opens a code typed in lower case, without the dash or with spaces', async () => {
		const [code] = await generateCodes(db, owner, org.id, surveyId, 1);
		const id = await codeId(code!);
		for (const typed of [
			code!.toLowerCase(),
			code!.replace('-', ''),
			code!.toLowerCase().replace('-', ''),
			` ${code!.slice(0, 5)} ${code!.slice(6)} `
		]) {
			expect(await open(typed)).toMatchObject({ ok: true, codeId: id, surveyId });
		}
	});

	it('refuses used, revoked and expired codes, naming their survey', async () => {
		const [used, revoked] = await generateCodes(db, owner, org.id, surveyId, 2);
		await markCode(used!, { used: true });
		await markCode(revoked!, { revoked: true });
		expect(await open(used!)).toMatchObject({ ok: false, error: 'used', surveyId });
		expect(await open(used!.toLowerCase().replace('-', ''))).toMatchObject({
			ok: false,
			error: 'used',
			surveyId
		});
		expect(await open(revoked!)).toMatchObject({ ok: false, error: 'revoked', surveyId });

		const [expired] = await generateCodes(db, owner, org.id, surveyId, 1, '2025-06-14');
		expect(await open(expired!)).toMatchObject({ ok: false, error: 'expired', surveyId });
		expect(await open(expired!.toLowerCase())).toMatchObject({
			ok: false,
			error: 'expired',
			surveyId
		});
		// Valid through its last day (UTC).
		const [lastDay] = await generateCodes(db, owner, org.id, surveyId, 1, '2025-06-15');
		expect((await open(lastDay!, new Date('2025-06-15T23:59:59Z'))).ok).toBe(true);
		expect(await open(lastDay!, new Date('2025-06-16T00:00:00Z'))).toMatchObject({
			ok: false,
			error: 'expired',
			surveyId
		});
	});

	it('refuses a code once a survey it opened is completed with it', async () => {
		const [code] = await generateCodes(db, owner, org.id, surveyId, 1);
		await complete(surveyId, { codeId: await codeId(code!) });
		expect(await open(code!)).toMatchObject({ ok: false, error: 'used', surveyId });
	});

	it('refuses an unknown code without naming any survey', async () => {
		for (const typed of ['AAAAA-AAAAA', 'aaaaaaaaaa', '', '   ', 'not a code at all'])
			expect(await open(typed)).toMatchObject({ ok: false, error: 'invalid', surveyId: null });
	});

	it('opens nothing for a code of a survey with no version to serve', async () => {
		const survey = await demoSurvey('Codes, all archived');
		const [code] = await generateCodes(db, owner, org.id, survey.id, 1);
		expect((await open(code!)).ok).toBe(true);
		expect(await archiveVersion(db, owner, org.id, survey.id, 1)).toBe(true);
		expect(await open(code!)).toMatchObject({ ok: false, error: 'noVersion', surveyId: survey.id });
	});
});

describe('respondentSettings', () => {
	it('gives the organisation’s exit site and the survey’s help contacts', async () => {
		const survey = await demoSurvey('Settings');
		const contacts = { en: 'Call 0800 000 000, free, day and night', ar: 'اتصل على 0800 000 000' };
		await db
			.update(organisations)
			.set({ exitUrl: 'https://weather.example/' })
			.where(eq(organisations.id, org.id));
		await db.update(surveys).set({ helpContacts: contacts }).where(eq(surveys.id, survey.id));
		expect(await respondentSettings(db, survey.id)).toEqual({
			exitUrl: 'https://weather.example/',
			helpContacts: contacts
		});
	});

	it('keeps each organisation’s exit site and each survey’s contacts to itself', async () => {
		const mine = await demoSurvey('Settings, mine');
		const theirs = await demoSurvey('Settings, theirs', { orgId: otherOrg.id });
		await db
			.update(organisations)
			.set({ exitUrl: 'https://news.example/' })
			.where(eq(organisations.id, otherOrg.id));
		await db
			.update(surveys)
			.set({ helpContacts: { en: 'Theirs' } })
			.where(eq(surveys.id, theirs.id));
		expect(await respondentSettings(db, theirs.id)).toEqual({
			exitUrl: 'https://news.example/',
			helpContacts: { en: 'Theirs' }
		});
		const own = await respondentSettings(db, mine.id);
		expect(own.exitUrl).not.toBe('https://news.example/');
		expect(own.helpContacts).toEqual({});
	});

	it('gives a neutral default exit and no contacts for no survey or an unknown one', async () => {
		const fallback = { exitUrl: 'https://www.wikipedia.org/', helpContacts: {} };
		expect(await respondentSettings(db, null)).toEqual(fallback);
		expect(await respondentSettings(db, NO_SUCH_SURVEY)).toEqual(fallback);
	});

	it('gives the default exit of an organisation that never chose one', async () => {
		const fresh = await organisation('entry-fresh', owner);
		const survey = await demoSurvey('Settings, default', { orgId: fresh.id });
		expect(await respondentSettings(db, survey.id)).toEqual({
			exitUrl: 'https://www.wikipedia.org/',
			helpContacts: {}
		});
	});
});

describe('completion receipts', () => {
	let surveyId: string;

	beforeAll(async () => {
		surveyId = (await demoSurvey('Receipts')).id;
	});

	it('remembers a completed survey and its language for the cookie that completed it', async () => {
		const { token } = await complete(surveyId, { language: 'ar' });
		expect(await findReceipt(db, token, NOW)).toEqual({ surveyId, language: 'ar' });
		expect(await findReceipt(db, token, at(HOUR))).toEqual({ surveyId, language: 'ar' });
		// A second submission of the same draft stores nothing, and the receipt still answers.
		expect(await submitDraft(db, token, 'web', NOW)).toEqual({ ok: false, error: 'noDraft' });
		expect(await findReceipt(db, token, NOW)).toEqual({ surveyId, language: 'ar' });
	});

	it('knows nothing of an unknown token, or of a draft not completed', async () => {
		expect(await findReceipt(db, 'not-a-token', NOW)).toBeNull();
		expect(await findReceipt(db, '', NOW)).toBeNull();
		const link = await createLink(db, owner, org.id, surveyId);
		const opened = await openEntry(db, { kind: 'link', slug: link.slug }, NOW);
		if (!opened.ok) throw new Error(opened.error);
		const token = await startDraft(
			db,
			{ orgId: org.id, surveyId, versionId: opened.version.id, language: 'en' },
			NOW
		);
		expect(await findReceipt(db, token, NOW)).toBeNull();
		// A refused completion leaves no receipt either.
		await saveDraftAnswers(db, token, { answers: { safety_check: 'yes' }, page: 6 }, NOW);
		expect((await submitDraft(db, token, 'web', NOW)).ok).toBe(false);
		expect(await findReceipt(db, token, NOW)).toBeNull();
		expect(await receiptRow(token)).toBeUndefined();
	});

	it.each<[string, string]>([
		['early in the day', '2025-06-15T00:00:00.001Z'],
		['midday', '2025-06-15T12:30:00.000Z'],
		['an hour before midnight', '2025-06-15T22:59:59.999Z'],
		['in the last hour of the day', '2025-06-15T23:00:00.000Z'],
		['just before midnight', '2025-06-15T23:59:59.999Z']
	])(
		'expires at the end of the next UTC day, whatever the hour (%s)',
		async (_what, completedAt) => {
			const completed = new Date(completedAt);
			const { token } = await complete(surveyId, { now: completed });
			const expiresAt = (await receiptRow(token))!.expiresAt;
			// Midnight UTC: the receipt is no more precise than the response's own date.
			expect(expiresAt.getTime() % DAY).toBe(0);
			const after = expiresAt.getTime() - completed.getTime();
			expect(after).toBeGreaterThan(DAY);
			expect(after).toBeLessThanOrEqual(2 * DAY);
			// Any completion of the same day cannot be told apart from it by its receipt, late at
			// night included (an expiry a day later for those would say they came late).
			const earlier = new Date(Math.floor(completed.getTime() / DAY) * DAY + 17 * MINUTE);
			const other = await complete(surveyId, { now: earlier });
			expect((await receiptRow(other.token))!.expiresAt).toEqual(expiresAt);
			expect(await findReceipt(db, token, new Date(expiresAt.getTime() - 1))).not.toBeNull();
			expect(await findReceipt(db, token, expiresAt)).toBeNull();
			expect(await findReceipt(db, token, new Date(expiresAt.getTime() + DAY))).toBeNull();
		}
	);

	it('holds no answers, code or link to the response', async () => {
		const [code] = await generateCodes(db, owner, org.id, surveyId, 1);
		const id = await codeId(code!);
		const { token, responseId } = await complete(surveyId, {
			codeId: id,
			now: new Date('2025-06-15T13:47:21.123Z')
		});
		const columns = await rows<{ key: string; value: string | null }>(
			db.execute(
				sql`select e.key, e.value from response_receipts r, jsonb_each_text(to_jsonb(r)) e where r.id = ${hashToken(token)}`
			)
		);
		expect(columns.map((c) => c.key).sort()).toEqual(['expires_at', 'id', 'language', 'survey_id']);
		expect(Object.fromEntries(columns.map((c) => [c.key, c.value]))).toMatchObject({
			id: hashToken(token),
			survey_id: surveyId,
			language: 'fr'
		});
		const whole = (
			await rows<{ whole: string }>(
				db.execute(
					sql`select to_jsonb(r)::text as whole from response_receipts r where r.id = ${hashToken(token)}`
				)
			)
		)[0]!.whole.toLowerCase();
		const forbidden = [
			token,
			code!,
			canonicalCode(code!),
			hashToken(canonicalCode(code!)),
			id,
			responseId,
			'not_very_satisfied',
			'waited_too_long',
			'nothing at all',
			PREFER_NOT_TO_SAY,
			// The minute and second of completion.
			'47:21'
		];
		for (const secret of forbidden) expect(whole).not.toContain(secret.toLowerCase());

		const types = await rows<{ column_name: string }>(
			db.execute(
				sql`select column_name from information_schema.columns where table_schema = current_schema() and table_name = 'response_receipts'`
			)
		);
		expect(types.map((t) => t.column_name).sort()).toEqual([
			'expires_at',
			'id',
			'language',
			'survey_id'
		]);
	});
});

describe('purgeIdleDrafts', () => {
	// Long before everything else in this file, so only what these tests make is purged.
	const LONG_AGO = new Date('2001-03-01T10:00:00Z');
	const then = (ms: number) => new Date(LONG_AGO.getTime() + ms);

	it('deletes expired receipts and keeps fresh ones', async () => {
		const survey = await demoSurvey('Purge receipts');
		const old = await complete(survey.id, { now: LONG_AGO });
		const fresh = await complete(survey.id, { now: then(2 * DAY) });
		const oldExpiry = (await receiptRow(old.token))!.expiresAt;

		// Not yet expired: both kept.
		await purgeIdleDrafts(db, new Date(oldExpiry.getTime() - 1));
		expect(await receiptRow(old.token)).toBeDefined();
		expect(await receiptRow(fresh.token)).toBeDefined();

		await purgeIdleDrafts(db, new Date(oldExpiry.getTime() + 1));
		expect(await receiptRow(old.token)).toBeUndefined();
		expect(await receiptRow(fresh.token)).toBeDefined();
		expect(await findReceipt(db, fresh.token, then(2 * DAY + 1))).toEqual({
			surveyId: survey.id,
			language: 'fr'
		});
		// The purge ran against 2001: receipts of today are untouched.
		const today = await complete(survey.id);
		await purgeIdleDrafts(db, then(3 * DAY));
		expect(await findReceipt(db, today.token, NOW)).not.toBeNull();
	});

	it('deletes rate windows older than an hour and keeps the others', async () => {
		const key = (name: string) => `purge-test:${name}`;
		const windows: [string, number][] = [
			['two-hours', -2 * HOUR],
			['just-over-an-hour', -HOUR - MINUTE],
			['an-hour', -HOUR],
			['just-under-an-hour', -HOUR + MINUTE],
			['now', 0]
		];
		for (const [name, offset] of windows) await allowHit(db, key(name), 5, MINUTE, then(offset));
		await purgeIdleDrafts(db, LONG_AGO);
		const left = await db
			.select({ key: rateWindows.key })
			.from(rateWindows)
			.where(
				inArray(
					rateWindows.key,
					windows.map(([name]) => key(name))
				)
			);
		expect(left.map((r) => r.key).sort()).toEqual(
			[key('an-hour'), key('just-under-an-hour'), key('now')].sort()
		);
		// A purged window's count starts again from one.
		for (let i = 0; i < 4; i++) await allowHit(db, key('two-hours'), 1, MINUTE, then(-2 * HOUR));
		const [recounted] = await db
			.select({ hits: rateWindows.hits })
			.from(rateWindows)
			.where(eq(rateWindows.key, key('two-hours')));
		expect(recounted!.hits).toBe(4);
	});
});

describe('allowHit', () => {
	const base = new Date('2025-06-15T12:00:00Z');
	const hitsOf = async (key: string) =>
		(await db.select({ hits: rateWindows.hits }).from(rateWindows).where(eq(rateWindows.key, key)))
			.map((r) => r.hits)
			.sort((a, b) => a - b);

	it('allows `limit` hits in one window and refuses the next ones', async () => {
		const key = 'start:link:limit';
		const results: boolean[] = [];
		for (let i = 0; i < 5; i++) results.push(await allowHit(db, key, 3, MINUTE, base));
		expect(results).toEqual([true, true, true, false, false]);
		expect(await hitsOf(key)).toEqual([5]);
	});

	it('starts each window afresh, windows aligned to the clock', async () => {
		const key = 'start:link:windows';
		const hit = (ms: number) => allowHit(db, key, 2, MINUTE, new Date(base.getTime() + ms));
		expect(await hit(0)).toBe(true);
		expect(await hit(30_000)).toBe(true);
		expect(await hit(MINUTE - 1)).toBe(false);
		// The next minute on the clock, not a minute after the first hit.
		expect(await hit(MINUTE)).toBe(true);
		expect(await hit(MINUTE + 59_000)).toBe(true);
		expect(await hit(2 * MINUTE - 1)).toBe(false);
		expect(await hit(5 * MINUTE)).toBe(true);
		// Windows older than the one before are deleted with each hit: a counter lives two minutes.
		expect(await hitsOf(key)).toEqual([1]);
	});

	it('takes the window length it is given', async () => {
		const key = 'start:link:ten-minutes';
		const tenMinutes = 10 * MINUTE;
		const hit = (ms: number) => allowHit(db, key, 1, tenMinutes, new Date(base.getTime() + ms));
		expect(await hit(0)).toBe(true);
		expect(await hit(9 * MINUTE)).toBe(false);
		expect(await hit(10 * MINUTE)).toBe(true);
	});

	it('counts each key on its own', async () => {
		expect(await allowHit(db, 'submit:link:a', 1, MINUTE, base)).toBe(true);
		expect(await allowHit(db, 'submit:link:b', 1, MINUTE, base)).toBe(true);
		expect(await allowHit(db, 'submit:link:a', 1, MINUTE, base)).toBe(false);
		expect(await allowHit(db, 'submit:link:b', 1, MINUTE, base)).toBe(false);
		expect(await allowHit(db, 'submit:link:c', 1, MINUTE, base)).toBe(true);
		expect(await hitsOf('submit:link:a')).toEqual([2]);
		expect(await hitsOf('submit:link:c')).toEqual([1]);
	});

	it('counts 20 hits at once on one key as exactly 20', async () => {
		const key = 'start:link:concurrent';
		const results = await Promise.all(
			Array.from({ length: 20 }, () => allowHit(db, key, 20, MINUTE, base))
		);
		expect(results.every(Boolean)).toBe(true);
		expect(await hitsOf(key)).toEqual([20]);
		expect(await allowHit(db, key, 20, MINUTE, base)).toBe(false);
	});

	it('lets exactly `limit` of many simultaneous hits through', async () => {
		const key = 'start:link:concurrent-limit';
		const results = await Promise.all(
			Array.from({ length: 20 }, () => allowHit(db, key, 7, MINUTE, base))
		);
		expect(results.filter(Boolean)).toHaveLength(7);
		expect(await hitsOf(key)).toEqual([20]);
	});
});

describe('printedCode', () => {
	it.each<[string, string]>([
		['ABCDE-FGHJK', 'ABCDE-FGHJK'],
		['abcde-fghjk', 'ABCDE-FGHJK'],
		['abcdefghjk', 'ABCDE-FGHJK'],
		['AbCdEfGhJk', 'ABCDE-FGHJK'],
		[' abcde fghjk ', 'ABCDE-FGHJK'],
		['ab-cde-fg-hjk', 'ABCDE-FGHJK'],
		// Not ten characters: left as typed (upper case, no spaces or dashes); it opens nothing.
		['abc', 'ABC'],
		['abcde-fghjkm', 'ABCDEFGHJKM'],
		['', '']
	])('%j → %j', (typed, printed) => {
		expect(printedCode(typed)).toBe(printed);
	});

	it('prints any card code as itself, however it was typed (property)', () => {
		const printed = fc
			.string({
				unit: fc.constantFrom(...'ABCDEFGHJKMNPQRSTUVWXYZ23456789'),
				minLength: 10,
				maxLength: 10
			})
			.map((c) => `${c.slice(0, 5)}-${c.slice(5)}`);
		const typing = fc.constantFrom(
			(c: string) => c,
			(c: string) => c.toLowerCase(),
			(c: string) => c.replace('-', ''),
			(c: string) => ` ${c.replace('-', ' ')} `
		);
		fc.assert(
			fc.property(printed, typing, (code, type) => {
				expect(printedCode(type(code))).toBe(code);
				expect(printedCode(printedCode(type(code)))).toBe(code);
			})
		);
	});

	it('prints generated codes as they were made', () => {
		for (let i = 0; i < 200; i++) {
			const code = randomCode();
			expect(printedCode(code)).toBe(code);
			expect(printedCode(code.toLowerCase().replace('-', ''))).toBe(code);
		}
	});

	it('opens the same code as the one typed', async () => {
		const survey = await demoSurvey('Printed codes');
		const [code] = await generateCodes(db, owner, org.id, survey.id, 1);
		const typed = code!.toLowerCase().replace('-', '');
		expect(printedCode(typed)).toBe(code);
		expect(await openEntry(db, { kind: 'code', code: printedCode(typed) }, NOW)).toMatchObject({
			ok: true,
			codeId: await codeId(code!)
		});
	});
});

describe('openSurvey', () => {
	it('serves each survey its own newest published version, never another survey’s', async () => {
		const first = await demoSurvey('Open survey A');
		const second = await demoSurvey('Open survey B');
		// A second version of the first survey, so "newest" has something to choose from.
		const changed = { ...DEMO_SURVEY, title: { ...DEMO_SURVEY.title, en: 'Another title' } };
		expect(
			await saveDraft(db, org.id, first.id, { instrument: changed, revision: 1 })
		).toMatchObject({
			ok: true
		});
		expect(await publishSurvey(db, owner, org.id, first.id)).toMatchObject({ ok: true, number: 2 });
		expect(await openSurvey(db, first.id)).toMatchObject({ surveyId: first.id, number: 2 });
		expect(await openSurvey(db, second.id)).toMatchObject({ surveyId: second.id, number: 1 });
		const unpublished = await demoSurvey('Open survey C', { publish: false });
		expect(await openSurvey(db, unpublished.id)).toBeUndefined();
	});
});

describe('the completion rate limit', () => {
	it('counts completions per key and minute in the completing statement, keeping refused drafts', async () => {
		const survey = await demoSurvey('Limited completions');
		const link = await createLink(db, owner, org.id, survey.id);
		const opened = await openEntry(db, { kind: 'link', slug: link.slug }, NOW);
		if (!opened.ok) throw new Error(opened.error);
		const draft = async () => {
			const token = await startDraft(
				db,
				{ orgId: org.id, surveyId: survey.id, versionId: opened.version.id, language: 'en' },
				NOW
			);
			return token;
		};
		const limit = { key: `submit:test:${link.id}`, perMinute: 2 };
		const given = { version: opened.version, answers: VALID_ANSWERS, limit };
		const [a, b, c] = [await draft(), await draft(), await draft()];
		expect(await submitDraft(db, a, 'web', NOW, given)).toMatchObject({ ok: true });
		expect(await submitDraft(db, b, 'web', NOW, given)).toMatchObject({ ok: true });
		expect(await submitDraft(db, c, 'web', NOW, given)).toEqual({ ok: false, error: 'tooMany' });
		// Refused, not lost: the draft is still there and goes through in the next minute.
		expect(await findReceipt(db, c, NOW)).toBeNull();
		const later = new Date(NOW.getTime() + 60_000);
		expect(await submitDraft(db, c, 'web', later, given)).toMatchObject({ ok: true });
	});
});
