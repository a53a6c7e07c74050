import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { PREFER_NOT_TO_SAY } from '../../survey/chrome';
import type { Answers } from '../../survey/relevance';
import { hashToken } from '../auth/tokens';
import type { Db } from '../db';
import {
	respondentCodes,
	responseDrafts,
	responses,
	surveyLinks,
	type Organisation
} from '../db/schema';
import { rows, useTestDatabase } from '../db/testing';
import { fixtures } from '../db/testing/fixtures';
import { DEMO_SURVEY } from '../demo/survey';
import type { Actor } from '../orgs/service';
import {
	archiveVersion,
	createSurvey,
	findSurvey,
	publishSurvey,
	saveDraft
} from '../surveys/service';
import {
	canonicalCode,
	createLink,
	dayOf,
	discardDraft,
	generateCodes,
	loadDraft,
	purgeIdleDrafts,
	resolveCode,
	resolveLink,
	saveDraftAnswers,
	setLinkStatus,
	startDraft,
	submitDraft,
	type ServedVersion
} from './service';

let db: Db;
useTestDatabase((d) => {
	db = d.db;
});
const { person, organisation, auditOf } = fixtures(() => db);

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const NOW = new Date('2025-06-15T12:00:00Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);

let owner: Actor;
let org: Organisation;
let otherOrg: Organisation;

beforeAll(async () => {
	owner = await person('owner');
	org = await organisation('respond', owner);
	otherOrg = await organisation('respond-other', await person('other'));
});

/** A survey holding the demo instrument, published once unless told otherwise. */
async function demoSurvey(name = 'Programme feedback', publish = true) {
	const survey = await createSurvey(db, owner, org.id, { name, instrument: DEMO_SURVEY });
	if (publish)
		expect(await publishSurvey(db, owner, org.id, survey.id)).toEqual({ ok: true, number: 1 });
	return survey;
}

/** The survey's version a respondent would get today (fails the test if there is none). */
async function servedVersion(surveyId: string): Promise<ServedVersion> {
	const link = await createLink(db, owner, org.id, surveyId);
	const resolved = await resolveLink(db, link.slug, NOW);
	if (!resolved.ok) throw new Error(resolved.error);
	return resolved.version;
}

async function draftRow(token: string) {
	const [row] = await db
		.select()
		.from(responseDrafts)
		.where(eq(responseDrafts.id, hashToken(token)));
	return row;
}

async function responsesOf(surveyId: string) {
	return db.select().from(responses).where(eq(responses.surveyId, surveyId));
}

/** Answers that pass the demo survey's checks, with some to normalise and some not shown. */
const VALID_ANSWERS = {
	safety_check: 'yes',
	consent: 'yes',
	satisfaction: 'very_satisfied',
	// Only shown after a negative satisfaction: dropped.
	dissatisfaction_reasons: ['waited_too_long'],
	support_received: ['housing', 'health', 'housing'],
	safety_today: ' 7 ',
	was_referred: 'no',
	// Only shown when referred: dropped.
	referral_helped: 'yes_a_lot',
	problems_caused: '  None  ',
	age_band: PREFER_NOT_TO_SAY,
	months_since_support: '007',
	// Not a question at all: dropped.
	not_a_question: 'anything'
};

const NORMALISED_ANSWERS = {
	safety_check: 'yes',
	consent: 'yes',
	satisfaction: 'very_satisfied',
	support_received: ['housing', 'health'],
	safety_today: '7',
	was_referred: 'no',
	problems_caused: 'None',
	age_band: PREFER_NOT_TO_SAY,
	months_since_support: '7'
};

describe('links', () => {
	let surveyId: string;

	beforeAll(async () => {
		surveyId = (await demoSurvey('Links')).id;
	});

	it('creates a random, topic-free slug of 10 base32 characters and records it', async () => {
		const link = await createLink(db, owner, org.id, surveyId);
		expect(link).toMatchObject({ orgId: org.id, surveyId, status: 'open', endsOn: null });
		expect(link.slug).toMatch(/^[a-z2-7]{10}$/);
		const second = await createLink(db, owner, org.id, surveyId);
		expect(second.slug).toMatch(/^[a-z2-7]{10}$/);
		expect(second.slug).not.toBe(link.slug);
		const events = await auditOf(org.id, 'link.created');
		expect(events.map((e) => e.target)).toEqual(expect.arrayContaining([link.slug, second.slug]));
		expect(events.find((e) => e.target === link.slug)).toMatchObject({
			actorId: owner.id,
			actorEmail: owner.email
		});
	});

	it('takes an explicit slug and end date', async () => {
		const link = await createLink(db, null, org.id, surveyId, {
			slug: 'explicit-slug',
			endsOn: '2025-12-31'
		});
		expect(link).toMatchObject({ slug: 'explicit-slug', endsOn: '2025-12-31', status: 'open' });
		const resolved = await resolveLink(db, 'explicit-slug', NOW);
		expect(resolved).toMatchObject({ ok: true, linkId: link.id, orgId: org.id, surveyId });
		const [event] = (await auditOf(org.id, 'link.created')).filter(
			(e) => e.target === 'explicit-slug'
		);
		expect(event).toMatchObject({ actorId: null, actorEmail: null });
	});

	it('serves the published version of an open link', async () => {
		const link = await createLink(db, owner, org.id, surveyId);
		const resolved = await resolveLink(db, link.slug, NOW);
		if (!resolved.ok) throw new Error(resolved.error);
		expect(resolved.version).toMatchObject({ surveyId, number: 1 });
		expect(resolved.version.instrument).toEqual(DEMO_SURVEY);
	});

	it('reports an unknown slug', async () => {
		expect(await resolveLink(db, 'nosuchslug', NOW)).toEqual({ ok: false, error: 'unknown' });
	});

	it('reports paused and closed links', async () => {
		const paused = await createLink(db, owner, org.id, surveyId);
		expect(await setLinkStatus(db, owner, org.id, paused.id, { status: 'paused' })).toBe(true);
		expect(await resolveLink(db, paused.slug, NOW)).toEqual({ ok: false, error: 'paused' });

		const closed = await createLink(db, owner, org.id, surveyId);
		expect(await setLinkStatus(db, owner, org.id, closed.id, { status: 'closed' })).toBe(true);
		expect(await resolveLink(db, closed.slug, NOW)).toEqual({ ok: false, error: 'closed' });

		expect(await setLinkStatus(db, owner, org.id, paused.id, { status: 'open' })).toBe(true);
		expect((await resolveLink(db, paused.slug, NOW)).ok).toBe(true);
	});

	it('closes a link after its last day (UTC), not on it', async () => {
		const yesterday = await createLink(db, owner, org.id, surveyId, { endsOn: '2025-06-14' });
		expect(await resolveLink(db, yesterday.slug, NOW)).toEqual({ ok: false, error: 'closed' });

		const today = await createLink(db, owner, org.id, surveyId, { endsOn: '2025-06-15' });
		expect((await resolveLink(db, today.slug, NOW)).ok).toBe(true);
		expect((await resolveLink(db, today.slug, new Date('2025-06-15T23:59:59Z'))).ok).toBe(true);
		expect(await resolveLink(db, today.slug, new Date('2025-06-16T00:00:00Z'))).toEqual({
			ok: false,
			error: 'closed'
		});

		// With the real clock too.
		const realToday = await createLink(db, owner, org.id, surveyId, { endsOn: dayOf(new Date()) });
		expect((await resolveLink(db, realToday.slug)).ok).toBe(true);
		const realYesterday = await createLink(db, owner, org.id, surveyId, {
			endsOn: dayOf(new Date(Date.now() - DAY))
		});
		expect(await resolveLink(db, realYesterday.slug)).toEqual({ ok: false, error: 'closed' });
	});

	it('reports a survey not published yet', async () => {
		const unpublished = await demoSurvey('Not yet published', false);
		const link = await createLink(db, owner, org.id, unpublished.id);
		expect(await resolveLink(db, link.slug, NOW)).toEqual({ ok: false, error: 'noVersion' });
	});

	it('falls back to the previous version when the newest is archived', async () => {
		const survey = await demoSurvey('Two versions');
		const current = (await findSurvey(db, org.id, survey.id))!;
		const changed = structuredClone(current.draft);
		changed.title = { ...changed.title, en: 'Short questionnaire, second edition' };
		const saved = await saveDraft(db, org.id, survey.id, {
			instrument: changed,
			revision: current.draftRevision
		});
		expect(saved.ok).toBe(true);
		expect(await publishSurvey(db, owner, org.id, survey.id)).toEqual({ ok: true, number: 2 });

		const link = await createLink(db, owner, org.id, survey.id);
		const newest = await resolveLink(db, link.slug, NOW);
		expect(newest.ok && newest.version.number).toBe(2);

		expect(await archiveVersion(db, owner, org.id, survey.id, 2)).toBe(true);
		const fallback = await resolveLink(db, link.slug, NOW);
		expect(fallback.ok && fallback.version.number).toBe(1);
		expect(fallback.ok && fallback.version.instrument.title.en).toBe('Short questionnaire');

		expect(await archiveVersion(db, owner, org.id, survey.id, 1)).toBe(true);
		expect(await resolveLink(db, link.slug, NOW)).toEqual({ ok: false, error: 'noVersion' });
	});

	it('changes a link only within its own organisation, and records the change', async () => {
		const link = await createLink(db, owner, org.id, surveyId);
		const stranger = await person('stranger');
		expect(await setLinkStatus(db, stranger, otherOrg.id, link.id, { status: 'closed' })).toBe(
			false
		);
		const [unchanged] = await db.select().from(surveyLinks).where(eq(surveyLinks.id, link.id));
		expect(unchanged).toMatchObject({ status: 'open', endsOn: null });
		expect(await auditOf(otherOrg.id, 'link.changed')).toHaveLength(0);
		expect(
			(await auditOf(org.id, 'link.changed')).filter((e) => e.target === link.slug)
		).toHaveLength(0);

		expect(
			await setLinkStatus(db, owner, org.id, link.id, { status: 'paused', endsOn: '2025-07-01' })
		).toBe(true);
		const [changed] = await db.select().from(surveyLinks).where(eq(surveyLinks.id, link.id));
		expect(changed).toMatchObject({ status: 'paused', endsOn: '2025-07-01' });
		// Leaving endsOn out keeps it.
		expect(await setLinkStatus(db, owner, org.id, link.id, { status: 'open' })).toBe(true);
		const [kept] = await db.select().from(surveyLinks).where(eq(surveyLinks.id, link.id));
		expect(kept).toMatchObject({ status: 'open', endsOn: '2025-07-01' });

		const events = (await auditOf(org.id, 'link.changed')).filter((e) => e.target === link.slug);
		expect(events.map((e) => [e.actorId, e.details])).toEqual([
			[owner.id, { status: 'paused', endsOn: '2025-07-01' }],
			[owner.id, { status: 'open', endsOn: '2025-07-01' }]
		]);

		expect(
			await setLinkStatus(db, owner, org.id, '00000000-0000-4000-8000-000000000000', {
				status: 'closed'
			})
		).toBe(false);
	});
});

describe('codes', () => {
	let surveyId: string;

	beforeAll(async () => {
		surveyId = (await demoSurvey('Codes')).id;
	});

	it('generates distinct, readable codes without look-alike characters, and records it', async () => {
		const codes = await generateCodes(db, owner, org.id, surveyId, 200);
		expect(codes).toHaveLength(200);
		expect(new Set(codes).size).toBe(200);
		for (const code of codes) {
			expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
			expect(code).not.toMatch(/[01OIL]/);
		}
		const stored = await db
			.select()
			.from(respondentCodes)
			.where(eq(respondentCodes.surveyId, surveyId));
		expect(stored).toHaveLength(200);
		expect(stored.every((c) => !c.used && !c.revoked && c.expiresOn === null)).toBe(true);
		const [event] = await auditOf(org.id, 'codes.created');
		expect(event).toMatchObject({ actorId: owner.id, details: { count: 200, expiresOn: null } });
	});

	it('keeps only hashes: no column holds a code in any form', async () => {
		const survey = await demoSurvey('Hashes only');
		const codes = await generateCodes(db, owner, org.id, survey.id, 5, '2030-01-01');
		const stored = await rows<{ whole: string }>(
			db.execute(
				sql`select to_jsonb(c)::text as whole from respondent_codes c where survey_id = ${survey.id}`
			)
		);
		expect(stored).toHaveLength(5);
		const everything = stored
			.map((r) => r.whole)
			.join('\n')
			.toUpperCase();
		for (const code of codes) {
			expect(everything).not.toContain(code);
			expect(everything).not.toContain(canonicalCode(code));
			expect(everything).toContain(hashToken(canonicalCode(code)).toUpperCase());
		}
	});

	it('accepts a code typed in lower case, with spaces or without the dash', async () => {
		const [code] = await generateCodes(db, owner, org.id, surveyId, 1);
		for (const typed of [
			code!,
			code!.toLowerCase(),
			code!.replace('-', ''),
			` ${code!.slice(0, 5)} ${code!.slice(6)} `
		]) {
			const resolved = await resolveCode(db, typed, NOW);
			expect(resolved).toMatchObject({ ok: true, orgId: org.id, surveyId });
			expect(resolved.ok && resolved.version.number).toBe(1);
		}
	});

	it('refuses unknown, revoked, expired and used codes', async () => {
		expect(await resolveCode(db, 'AAAAA-AAAAA', NOW)).toEqual({ ok: false, error: 'invalid' });
		expect(await resolveCode(db, '', NOW)).toEqual({ ok: false, error: 'invalid' });

		const [revoked, used] = await generateCodes(db, owner, org.id, surveyId, 2);
		await db.execute(
			sql`update respondent_codes set revoked = true where code_hash = ${hashToken(canonicalCode(revoked!))}`
		);
		expect(await resolveCode(db, revoked!, NOW)).toEqual({ ok: false, error: 'revoked' });
		await db.execute(
			sql`update respondent_codes set used = true where code_hash = ${hashToken(canonicalCode(used!))}`
		);
		expect(await resolveCode(db, used!, NOW)).toEqual({ ok: false, error: 'used' });

		const [expired] = await generateCodes(db, owner, org.id, surveyId, 1, dayOf(at(-DAY)));
		expect(await resolveCode(db, expired!, NOW)).toEqual({ ok: false, error: 'expired' });
		const [lastDay] = await generateCodes(db, owner, org.id, surveyId, 1, dayOf(NOW));
		expect((await resolveCode(db, lastDay!, NOW)).ok).toBe(true);
	});

	it('reports a survey not published yet', async () => {
		const unpublished = await demoSurvey('Codes, unpublished', false);
		const [code] = await generateCodes(db, owner, org.id, unpublished.id, 1);
		expect(await resolveCode(db, code!, NOW)).toEqual({ ok: false, error: 'noVersion' });
	});

	it('refuses a code once a draft it opened is completed', async () => {
		const [code] = await generateCodes(db, owner, org.id, surveyId, 1);
		const resolved = await resolveCode(db, code!, NOW);
		if (!resolved.ok) throw new Error(resolved.error);
		const token = await startDraft(
			db,
			{
				orgId: resolved.orgId,
				surveyId: resolved.surveyId,
				versionId: resolved.version.id,
				language: 'en',
				codeId: resolved.codeId
			},
			NOW
		);
		// Opening it again before completion is fine: it is only used up on completion.
		expect((await resolveCode(db, code!, NOW)).ok).toBe(true);
		await saveDraftAnswers(db, token, { answers: VALID_ANSWERS, page: 3 }, NOW);
		expect((await submitDraft(db, token, 'web', NOW)).ok).toBe(true);
		expect(await resolveCode(db, code!, NOW)).toEqual({ ok: false, error: 'used' });
		expect(await resolveCode(db, code!.toLowerCase().replace('-', ''), NOW)).toEqual({
			ok: false,
			error: 'used'
		});
		const [row] = await db
			.select()
			.from(respondentCodes)
			.where(eq(respondentCodes.id, resolved.codeId));
		expect(row).toMatchObject({ used: true, revoked: false });
	});
});

describe('drafts', () => {
	let surveyId: string;
	let version: ServedVersion;

	beforeAll(async () => {
		surveyId = (await demoSurvey('Drafts')).id;
		version = await servedVersion(surveyId);
	});

	const start = (now: Date, language = 'en') =>
		startDraft(db, { orgId: org.id, surveyId, versionId: version.id, language }, now);

	it('starts a draft kept under the hash of its token and loads it back', async () => {
		const token = await start(NOW, 'fr');
		expect(token).toMatch(/^[a-z2-7]{32}$/);
		const loaded = await loadDraft(db, token, at(HOUR));
		expect(loaded?.draft).toMatchObject({
			id: hashToken(token),
			orgId: org.id,
			surveyId,
			versionId: version.id,
			language: 'fr',
			answers: {},
			page: 0,
			codeId: null
		});
		expect(loaded?.draft.idleUntil.getTime()).toBe(at(DAY).getTime());
		expect(loaded?.version.id).toBe(version.id);
		expect(loaded?.version.instrument).toEqual(DEMO_SURVEY);
		expect(await loadDraft(db, 'not-a-token', NOW)).toBeNull();
	});

	it('forgets a draft idle for 24 hours and deletes it', async () => {
		const token = await start(NOW);
		expect(await loadDraft(db, token, at(DAY - 60_000))).not.toBeNull();
		expect(await draftRow(token)).toBeDefined();
		expect(await loadDraft(db, token, at(DAY + 60_000))).toBeNull();
		expect(await draftRow(token)).toBeUndefined();
		// Gone for good, even at an earlier time.
		expect(await loadDraft(db, token, NOW)).toBeNull();
	});

	it('saves answers, page and language, and pushes the idle deadline back', async () => {
		const token = await start(NOW);
		const answers = { safety_check: 'yes', consent: 'yes', satisfaction: 'fairly_satisfied' };
		expect(
			await saveDraftAnswers(db, token, { answers, page: 2, language: 'ar' }, at(20 * HOUR))
		).toBe(true);
		const loaded = await loadDraft(db, token, at(30 * HOUR));
		expect(loaded?.draft).toMatchObject({ answers, page: 2, language: 'ar' });
		expect(loaded?.draft.idleUntil.getTime()).toBe(at(44 * HOUR).getTime());
		// No language given: the one chosen before stays.
		expect(await saveDraftAnswers(db, token, { answers, page: 3 }, at(30 * HOUR))).toBe(true);
		expect((await loadDraft(db, token, at(50 * HOUR)))?.draft).toMatchObject({
			page: 3,
			language: 'ar'
		});
		expect(await loadDraft(db, token, at(54 * HOUR + 60_000))).toBeNull();
		expect(await saveDraftAnswers(db, token, { answers, page: 4 }, at(55 * HOUR))).toBe(false);
		expect(await saveDraftAnswers(db, 'not-a-token', { answers, page: 1 }, NOW)).toBe(false);
	});

	it('discards a draft', async () => {
		const token = await start(NOW);
		const other = await start(NOW);
		await discardDraft(db, token);
		expect(await draftRow(token)).toBeUndefined();
		expect(await loadDraft(db, token, NOW)).toBeNull();
		expect(await loadDraft(db, other, NOW)).not.toBeNull();
		// Discarding twice (quick exit after "not now") is harmless.
		await discardDraft(db, token);
	});

	it('purges drafts idle for more than 24 hours and says how many', async () => {
		// Long before every other draft in this file, so only these count.
		const long_ago = new Date('2001-01-01T00:00:00Z');
		const later = (ms: number) => new Date(long_ago.getTime() + ms);
		const idle = [await start(long_ago), await start(later(HOUR))];
		const active = await start(later(2 * DAY));
		expect(await purgeIdleDrafts(db, later(2 * DAY))).toBe(2);
		for (const token of idle) expect(await draftRow(token)).toBeUndefined();
		expect(await draftRow(active)).toBeDefined();
		expect(await purgeIdleDrafts(db, later(2 * DAY))).toBe(0);
		expect(await loadDraft(db, active, later(2 * DAY + HOUR))).not.toBeNull();
	});
});

describe('submitDraft', () => {
	async function draftFor(surveyId: string, answers: Answers, codeId?: string) {
		const version = await servedVersion(surveyId);
		const token = await startDraft(
			db,
			{ orgId: org.id, surveyId, versionId: version.id, language: 'es', codeId },
			NOW
		);
		expect(await saveDraftAnswers(db, token, { answers, page: 6 }, NOW)).toBe(true);
		return { token, version };
	}

	it('refuses answers that fail the checks and keeps the draft', async () => {
		const survey = await demoSurvey('Submit invalid');
		const { token } = await draftFor(survey.id, { safety_check: 'yes', satisfaction: 'nonsense' });
		const result = await submitDraft(db, token, 'web', NOW);
		expect(result).toEqual({
			ok: false,
			error: 'invalid',
			errors: expect.arrayContaining([
				{ question: 'consent', code: 'required' },
				{ question: 'satisfaction', code: 'invalidChoice' }
			])
		});
		expect(await responsesOf(survey.id)).toHaveLength(0);
		expect((await loadDraft(db, token, NOW))?.draft.answers).toEqual({
			safety_check: 'yes',
			satisfaction: 'nonsense'
		});
	});

	it('stores one response with the date only, normalised answers, and deletes the draft', async () => {
		const survey = await demoSurvey('Submit valid');
		const [code] = await generateCodes(db, owner, org.id, survey.id, 1);
		const resolved = await resolveCode(db, code!, NOW);
		if (!resolved.ok) throw new Error(resolved.error);
		const { token, version } = await draftFor(survey.id, VALID_ANSWERS, resolved.codeId);

		// Late in the evening west of Greenwich is already the next day in UTC.
		const now = new Date('2025-06-15T21:30:00-05:00');
		const result = await submitDraft(db, token, 'sms', now);
		if (!result.ok) throw new Error(result.error);

		const stored = await responsesOf(survey.id);
		expect(stored).toEqual([
			{
				id: result.responseId,
				orgId: org.id,
				surveyId: survey.id,
				versionId: version.id,
				channel: 'sms',
				language: 'es',
				submittedOn: '2025-06-16',
				answers: NORMALISED_ANSWERS
			}
		]);
		expect(await draftRow(token)).toBeUndefined();
		const [codeRow] = await db
			.select()
			.from(respondentCodes)
			.where(eq(respondentCodes.id, resolved.codeId));
		expect(codeRow!.used).toBe(true);

		// Again with the same token: nothing more.
		expect(await submitDraft(db, token, 'sms', now)).toEqual({ ok: false, error: 'noDraft' });
		expect(await responsesOf(survey.id)).toHaveLength(1);
	});

	it('defaults to the web channel and today', async () => {
		const survey = await demoSurvey('Submit defaults');
		const version = await servedVersion(survey.id);
		const token = await startDraft(db, {
			orgId: org.id,
			surveyId: survey.id,
			versionId: version.id,
			language: 'en'
		});
		await saveDraftAnswers(db, token, { answers: VALID_ANSWERS, page: 6 });
		const before = dayOf(new Date());
		const result = await submitDraft(db, token);
		const after = dayOf(new Date());
		expect(result.ok).toBe(true);
		const [stored] = await responsesOf(survey.id);
		expect(stored).toMatchObject({ channel: 'web', language: 'en' });
		expect([before, after]).toContain(stored!.submittedOn);
	});

	it('completes only one of two drafts opened with the same single-use code', async () => {
		const survey = await demoSurvey('Submit one code twice');
		const [code] = await generateCodes(db, owner, org.id, survey.id, 1);
		const resolved = await resolveCode(db, code!, NOW);
		if (!resolved.ok) throw new Error(resolved.error);
		// The same card typed on two phones before either finished.
		const first = await draftFor(survey.id, VALID_ANSWERS, resolved.codeId);
		const second = await draftFor(survey.id, VALID_ANSWERS, resolved.codeId);
		expect((await submitDraft(db, first.token, 'web', NOW)).ok).toBe(true);
		expect(await submitDraft(db, second.token, 'web', NOW)).toEqual({
			ok: false,
			error: 'codeUsed'
		});
		expect(await responsesOf(survey.id)).toHaveLength(1);
		// Nothing is kept of the refused draft.
		expect(await draftRow(second.token)).toBeUndefined();
	});

	it('completes only one of two drafts of one code submitted at once', async () => {
		const survey = await demoSurvey('Submit one code race');
		const [code] = await generateCodes(db, owner, org.id, survey.id, 1);
		const resolved = await resolveCode(db, code!, NOW);
		if (!resolved.ok) throw new Error(resolved.error);
		const first = await draftFor(survey.id, VALID_ANSWERS, resolved.codeId);
		const second = await draftFor(survey.id, VALID_ANSWERS, resolved.codeId);
		const results = await Promise.all([
			submitDraft(db, first.token, 'web', NOW),
			submitDraft(db, second.token, 'web', NOW)
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: 'codeUsed' }]);
		expect(await responsesOf(survey.id)).toHaveLength(1);
	});

	it('refuses an idle draft', async () => {
		const survey = await demoSurvey('Submit idle');
		const { token } = await draftFor(survey.id, VALID_ANSWERS);
		expect(await submitDraft(db, token, 'web', at(DAY + 60_000))).toEqual({
			ok: false,
			error: 'noDraft'
		});
		expect(await responsesOf(survey.id)).toHaveLength(0);
		expect(await draftRow(token)).toBeUndefined();
	});

	it('stores exactly one response when the same draft is submitted twice at once', async () => {
		const survey = await demoSurvey('Submit race');
		const [code] = await generateCodes(db, owner, org.id, survey.id, 1);
		const resolved = await resolveCode(db, code!, NOW);
		if (!resolved.ok) throw new Error(resolved.error);
		const { token } = await draftFor(survey.id, VALID_ANSWERS, resolved.codeId);
		const results = await Promise.all([
			submitDraft(db, token, 'web', NOW),
			submitDraft(db, token, 'web', NOW)
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: 'noDraft' }]);
		expect(await responsesOf(survey.id)).toHaveLength(1);
		expect(await draftRow(token)).toBeUndefined();
		expect(await resolveCode(db, code!, NOW)).toEqual({ ok: false, error: 'used' });
	});
});

describe('anonymity of a response', () => {
	it('keeps no code, token, time of day or respondent detail in the stored row', async () => {
		const survey = await demoSurvey('Anonymity');
		const [code] = await generateCodes(db, owner, org.id, survey.id, 1);
		const resolved = await resolveCode(db, code!, NOW);
		if (!resolved.ok) throw new Error(resolved.error);
		const token = await startDraft(
			db,
			{
				orgId: org.id,
				surveyId: survey.id,
				versionId: resolved.version.id,
				language: 'ar',
				codeId: resolved.codeId
			},
			NOW
		);
		await saveDraftAnswers(db, token, { answers: VALID_ANSWERS, page: 6 }, NOW);
		const result = await submitDraft(db, token, 'web', new Date('2025-06-15T13:47:21.123Z'));
		if (!result.ok) throw new Error(result.error);

		const columns = await rows<{ key: string; value: string | null }>(
			db.execute(
				sql`select e.key, e.value from responses r, jsonb_each_text(to_jsonb(r)) e where r.id = ${result.responseId}`
			)
		);
		expect(columns.map((c) => c.key).sort()).toEqual([
			'answers',
			'channel',
			'id',
			'language',
			'org_id',
			'submitted_on',
			'survey_id',
			'version_id'
		]);
		const forbidden = [
			code!,
			canonicalCode(code!),
			code!.toLowerCase(),
			canonicalCode(code!).toLowerCase(),
			hashToken(canonicalCode(code!)),
			resolved.codeId,
			token,
			hashToken(token)
		];
		for (const { key, value } of columns) {
			const text = (value ?? '').toLowerCase();
			for (const secret of forbidden) expect(text, key).not.toContain(secret.toLowerCase());
			// No time of day anywhere (13:47:21 was the submission time).
			expect(text, key).not.toMatch(/\d:\d{2}|t\d{2}/);
		}
		expect(columns.find((c) => c.key === 'submitted_on')?.value).toBe('2025-06-15');

		const types = await rows<{ column_name: string; data_type: string }>(
			db.execute(
				sql`select column_name, data_type from information_schema.columns where table_schema = current_schema() and table_name = 'responses'`
			)
		);
		expect(types.length).toBe(8);
		for (const { column_name, data_type } of types) {
			expect(data_type, column_name).not.toMatch(/timestamp|time|interval/);
			expect(column_name).not.toMatch(
				/(^|_)ip($|_)|address|user_?agent|device|phone|msisdn|code|token|cookie|session|created|updated|_at$/
			);
		}
		expect(types.find((t) => t.column_name === 'submitted_on')?.data_type).toBe('date');
	});

	it('writes nothing in the response’s transaction that tells the time beyond the date', async () => {
		const survey = await demoSurvey('Time of arrival');
		const version = await servedVersion(survey.id);
		const token = await startDraft(
			db,
			{ orgId: org.id, surveyId: survey.id, versionId: version.id, language: 'en' },
			NOW
		);
		await saveDraftAnswers(db, token, { answers: VALID_ANSWERS, page: 6 }, NOW);
		// Late in the UTC day, with the rate limit counted, as a web completion is.
		const late = new Date('2025-06-15T23:31:07Z');
		const result = await submitDraft(db, token, 'web', late, {
			version,
			answers: NORMALISED_ANSWERS,
			limit: { key: 'submit:time-test', perMinute: 100 }
		});
		if (!result.ok) throw new Error(result.error);
		// Rows written in the same transaction share its id (xmin): only the response and its
		// receipt may, and the receipt says no more than a day.
		const together = await rows<{ t: string; row: string }>(
			db.execute(sql`
				with tx as (select xmin::text as x from responses where id = ${result.responseId})
				select 'rate_windows' as t, to_jsonb(w)::text as row from rate_windows w, tx where w.xmin::text = tx.x
				union all
				select 'response_receipts', to_jsonb(r)::text from response_receipts r, tx where r.xmin::text = tx.x
				union all
				select 'audit_events', to_jsonb(a)::text from audit_events a, tx where a.xmin::text = tx.x`)
		);
		expect(together.map((r) => r.t)).toEqual(['response_receipts']);
		expect(together[0]!.row).toMatch(/"expires_at": "2025-06-17T00:00:00/);
		expect(together[0]!.row).not.toMatch(/23:31|T23/);
		// The counter exists, apart from the response, and goes after two minutes.
		const [counter] = await rows<{ hits: number }>(
			db.execute(sql`select hits from rate_windows where key = 'submit:time-test'`)
		);
		expect(counter?.hits).toBe(1);
	});
});
