import type { RequestEvent } from '@sveltejs/kit';
import { beforeAll, describe, expect, it } from 'vitest';
import { SUMMARY_MAX_CHARACTERS } from '../../schemas/summaries';
import type { Db } from '../db';
import type { Organisation } from '../db/schema';
import { useTestDatabase } from '../db/testing';
import { fixtures } from '../db/testing/fixtures';
import { DEMO_SURVEY } from '../demo/survey';
import type { Actor } from '../orgs/service';
import { view, type RespondentView } from '../respond/flow';
import { createLink, generateCodes, type Entry } from '../respond/service';
import { createSurvey, publishSurvey } from './service';
import { getSummaries, getSummary, setSummaries, summaryForRespondent } from './summaries';

let db: Db;
useTestDatabase((d) => {
	db = d.db;
});
const { person, organisation, auditOf } = fixtures(() => db);

let owner: Actor;
let org: Organisation;
let other: Organisation;
let surveyId: string;
let slug: string;

beforeAll(async () => {
	owner = await person('summary-owner');
	org = await organisation('summaries', owner);
	other = await organisation('summaries-other', owner);
	const survey = await createSurvey(db, owner, org.id, { name: 'Loop', instrument: DEMO_SURVEY });
	expect(await publishSurvey(db, owner, org.id, survey.id)).toMatchObject({ ok: true });
	surveyId = survey.id;
	slug = (await createLink(db, owner, org.id, surveyId)).slug;
});

const EN = 'Thank you. Many said waiting was long; we now answer within a week.';
const AR = 'شكرًا لكم. قال كثيرون إن الانتظار كان طويلًا؛ نرد الآن خلال أسبوع.';

describe('setSummaries and getSummaries', () => {
	it('stores a note per survey language, ignores languages the survey does not offer, and audits the language only', async () => {
		const before = (await auditOf(org.id, 'survey.summary_changed')).length;
		const result = await setSummaries(db, owner, org.id, surveyId, {
			en: `  ${EN}  `,
			ar: AR,
			de: 'Nicht in dieser Umfrage',
			fr: ''
		});
		expect(result).toEqual({ ok: true, changed: ['en', 'ar'] });
		expect(await getSummaries(db, org.id, surveyId)).toEqual({ en: EN, ar: AR });
		expect(await getSummary(db, org.id, surveyId, 'ar')).toBe(AR);
		expect(await getSummary(db, org.id, surveyId, 'fr')).toBe('');

		const events = (await auditOf(org.id, 'survey.summary_changed')).slice(before);
		expect(events.map((e) => e.details)).toEqual([{ language: 'en' }, { language: 'ar' }]);
		expect(JSON.stringify(events)).not.toContain('waiting');
	});

	it('records nothing when nothing changed, and an empty text deletes that language’s note', async () => {
		const before = (await auditOf(org.id, 'survey.summary_changed')).length;
		expect(await setSummaries(db, owner, org.id, surveyId, { en: EN, ar: AR })).toEqual({
			ok: true,
			changed: []
		});
		expect((await auditOf(org.id, 'survey.summary_changed')).length).toBe(before);

		expect(await setSummaries(db, owner, org.id, surveyId, { ar: '   ' })).toEqual({
			ok: true,
			changed: ['ar']
		});
		expect(await getSummaries(db, org.id, surveyId)).toEqual({ en: EN });
		expect(await summaryForRespondent(db, surveyId, 'ar')).toBe('');
	});

	it('refuses a note longer than three SMS segments, storing nothing (Arabic counts in UCS-2)', async () => {
		// 202 Arabic letters: under any character limit a Latin text would have, but four segments.
		const tooLongArabic = 'ب'.repeat(202);
		expect(
			await setSummaries(db, owner, org.id, surveyId, { en: 'Changed', ar: tooLongArabic })
		).toEqual({
			ok: false,
			error: 'tooLong'
		});
		expect(await getSummaries(db, org.id, surveyId)).toEqual({ en: EN });
		expect(
			await setSummaries(db, owner, org.id, surveyId, {
				en: 'a'.repeat(SUMMARY_MAX_CHARACTERS + 1)
			})
		).toEqual({ ok: false, error: 'tooLong' });
		// Exactly three segments fit.
		expect(await setSummaries(db, owner, org.id, surveyId, { ar: 'ب'.repeat(201) })).toMatchObject({
			ok: true
		});
		expect(await setSummaries(db, owner, org.id, surveyId, { ar: '' })).toMatchObject({ ok: true });
	});

	it('neither reads nor writes another organisation’s survey', async () => {
		expect(await getSummaries(db, other.id, surveyId)).toEqual({});
		expect(await getSummary(db, other.id, surveyId, 'en')).toBe('');
		expect(await setSummaries(db, owner, other.id, surveyId, { en: 'Hijacked' })).toEqual({
			ok: false,
			error: 'notFound'
		});
		expect(await getSummaries(db, org.id, surveyId)).toEqual({ en: EN });
	});
});

/** A GET of a respondent page as a phone would send it (no cookie: the survey was finished). */
function get(entry: Entry, search: string) {
	const path = entry.kind === 'link' ? `/s/${entry.slug}` : `/i/${entry.code}`;
	const url = new URL(`http://localhost${path}${search}`);
	const event = {
		url,
		request: new Request(url, { headers: { 'accept-language': 'en' } }),
		params: entry.kind === 'link' ? { slug: entry.slug } : { code: entry.code },
		locals: { db },
		getClientAddress: () => '203.0.113.9',
		cookies: { get: () => undefined, set: () => {}, delete: () => {} }
	} as unknown as RequestEvent;
	return view(event, entry);
}

type End = Extract<RespondentView, { kind: 'end' }>;

describe('the end screen', () => {
	beforeAll(async () => {
		expect(await setSummaries(db, owner, org.id, surveyId, { en: EN, ar: AR })).toMatchObject({
			ok: true
		});
	});

	it('shows the note in the respondent’s language after they finish', async () => {
		const link: Entry = { kind: 'link', slug };
		expect(await get(link, '?end=thanks&lang=ar')).toMatchObject({
			kind: 'end',
			ending: 'thanks',
			lang: 'ar',
			dir: 'rtl',
			summary: AR
		});
		expect(((await get(link, '?end=thanks&lang=en')) as End).summary).toBe(EN);
	});

	it('shows no note in a language that has none (never another language’s)', async () => {
		expect(((await get({ kind: 'link', slug }, '?end=thanks&lang=fr')) as End).summary).toBe('');
	});

	it.each(['notNow', 'declined'])(
		'shows no note to someone who left at the safety check or consent (%s)',
		async (ending) => {
			const end = (await get({ kind: 'link', slug }, `?end=${ending}&lang=en`)) as End;
			expect(end).toMatchObject({ kind: 'end', ending, summary: '' });
		}
	);

	it('shows the note on the end screen of a single-use code too', async () => {
		const [code] = await generateCodes(db, owner, org.id, surveyId, 1);
		expect(((await get({ kind: 'code', code: code! }, '?end=thanks&lang=en')) as End).summary).toBe(
			EN
		);
	});
});
