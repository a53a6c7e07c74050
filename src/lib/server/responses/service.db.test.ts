import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { responses, type Organisation } from '../db/schema';
import { useTestDatabase } from '../db/testing';
import { fixtures } from '../db/testing/fixtures';
import { DEMO_SURVEY } from '../demo/survey';
import type { Actor } from '../orgs/service';
import { createSurvey, publishSurvey, saveDraft } from '../surveys/service';
import { listVersionNumbers } from './service';
import {
	DAYS_SHOWN,
	findResponse,
	listResponses,
	RESPONSES_PAGE_SIZE,
	responsesOverview,
	summarise
} from './service';

let db: Db;
useTestDatabase((d) => {
	db = d.db;
});
const { person, organisation } = fixtures(() => db);

let owner: Actor;
let org: Organisation;
let otherOrg: Organisation;

beforeAll(async () => {
	owner = await person('owner');
	org = await organisation('responses', owner);
	otherOrg = await organisation('responses-other', await person('other'));
});

/** A survey published twice, so responses can belong to two versions. */
async function twoVersions(name: string) {
	const survey = await createSurvey(db, owner, org.id, { name, instrument: DEMO_SURVEY });
	await publishSurvey(db, owner, org.id, survey.id);
	const changed = structuredClone(DEMO_SURVEY);
	changed.title.en = 'Feedback, second version';
	const saved = await saveDraft(db, org.id, survey.id, {
		revision: survey.draftRevision,
		instrument: changed
	});
	expect(saved.ok).toBe(true);
	await publishSurvey(db, owner, org.id, survey.id);
	const versions = await listVersionNumbers(db, org.id, survey.id);
	const v = Object.fromEntries(versions.map((x) => [x.number, x.id]));
	return { survey, v1: v[1]!, v2: v[2]! };
}

type Row = { day: string; versionId: string; channel?: 'web' | 'sms'; language?: string };
async function insert(surveyId: string, rows: Row[], orgId = org.id) {
	await db.insert(responses).values(
		rows.map((r) => ({
			orgId,
			surveyId,
			versionId: r.versionId,
			channel: r.channel ?? 'web',
			language: r.language ?? 'en',
			submittedOn: r.day,
			answers: { satisfaction: 'very' }
		}))
	);
}

describe('summarise', () => {
	it('counts by day, channel and language in the database, for one survey only', async () => {
		const { survey, v1, v2 } = await twoVersions('Summary');
		const other = await twoVersions('Summary other');
		await insert(survey.id, [
			{ day: '2025-06-01', versionId: v1 },
			{ day: '2025-06-01', versionId: v1, language: 'ar' },
			{ day: '2025-06-03', versionId: v2, channel: 'sms', language: 'ar' },
			{ day: '2025-06-03', versionId: v2, language: 'fr' },
			{ day: '2025-06-03', versionId: v2, channel: 'sms', language: 'ar' }
		]);
		await insert(other.survey.id, [{ day: '2025-06-02', versionId: other.v1 }]);
		expect(await summarise(db, org.id, survey.id)).toEqual({
			total: 5,
			byDay: [
				{ day: '2025-06-03', count: 3 },
				{ day: '2025-06-01', count: 2 }
			],
			byChannel: [
				{ channel: 'web', count: 3 },
				{ channel: 'sms', count: 2 }
			],
			byLanguage: [
				{ language: 'ar', count: 3 },
				{ language: 'en', count: 1 },
				{ language: 'fr', count: 1 }
			]
		});
		expect(await summarise(db, org.id, survey.id, v1)).toMatchObject({
			total: 2,
			byDay: [{ day: '2025-06-01', count: 2 }],
			byChannel: [{ channel: 'web', count: 2 }]
		});
		expect(await summarise(db, otherOrg.id, survey.id)).toEqual({
			total: 0,
			byDay: [],
			byChannel: [],
			byLanguage: []
		});
	});

	it('keeps the last 30 days that had responses, newest first', async () => {
		const { survey, v1 } = await twoVersions('Many days');
		const days = Array.from({ length: 40 }, (_, i) =>
			new Date(Date.UTC(2025, 0, 1 + i * 2)).toISOString().slice(0, 10)
		);
		await insert(
			survey.id,
			days.map((day) => ({ day, versionId: v1 }))
		);
		const { byDay, total } = await summarise(db, org.id, survey.id);
		expect(total).toBe(40);
		expect(byDay).toHaveLength(DAYS_SHOWN);
		expect(byDay.map((d) => d.day)).toEqual(days.slice(-DAYS_SHOWN).reverse());
	});
});

describe('listResponses', () => {
	it('pages newest day first, ties in id order, with the version number', async () => {
		const { survey, v1, v2 } = await twoVersions('Paging');
		const rows: Row[] = [];
		for (let i = 0; i < RESPONSES_PAGE_SIZE + 7; i++)
			rows.push({
				day: `2025-05-${String((i % 28) + 1).padStart(2, '0')}`,
				versionId: i % 2 ? v2 : v1
			});
		await insert(survey.id, rows);
		const first = await listResponses(db, org.id, survey.id);
		const second = await listResponses(db, org.id, survey.id, { page: 2 });
		expect(first).toHaveLength(RESPONSES_PAGE_SIZE);
		expect(second).toHaveLength(7);
		const all = [...first, ...second];
		const expected = [...all].sort((a, b) =>
			a.submittedOn !== b.submittedOn
				? b.submittedOn.localeCompare(a.submittedOn)
				: a.id.localeCompare(b.id)
		);
		expect(all.map((r) => r.id)).toEqual(expected.map((r) => r.id));
		expect(new Set(all.map((r) => r.id)).size).toBe(RESPONSES_PAGE_SIZE + 7);
		expect(new Set(all.map((r) => r.version))).toEqual(new Set([1, 2]));
		const onlyV2 = await listResponses(db, org.id, survey.id, { versionId: v2, page: 1 });
		expect(onlyV2.every((r) => r.version === 2)).toBe(true);
		expect(onlyV2).toHaveLength(28);
		expect(await listResponses(db, otherOrg.id, survey.id)).toEqual([]);
	});

	it('sends no answers in the list', async () => {
		const { survey, v1 } = await twoVersions('No answers in list');
		await insert(survey.id, [{ day: '2025-06-01', versionId: v1 }]);
		const [row] = await listResponses(db, org.id, survey.id);
		expect(Object.keys(row!).sort()).toEqual([
			'channel',
			'id',
			'language',
			'submittedOn',
			'version'
		]);
	});
});

describe('responsesOverview', () => {
	it('filters by version number and counts pages', async () => {
		const { survey, v1, v2 } = await twoVersions('Overview');
		await insert(survey.id, [
			...Array.from({ length: RESPONSES_PAGE_SIZE + 1 }, () => ({
				day: '2025-06-01',
				versionId: v1
			})),
			{ day: '2025-06-02', versionId: v2 }
		]);
		const all = await responsesOverview(db, org.id, survey.id);
		expect(all).toMatchObject({ versions: [2, 1], version: null, pageCount: 2 });
		expect(all?.summary.total).toBe(RESPONSES_PAGE_SIZE + 2);
		const second = await responsesOverview(db, org.id, survey.id, { version: 2 });
		expect(second).toMatchObject({ version: 2, pageCount: 1 });
		expect(second?.rows.map((r) => r.version)).toEqual([2]);
		expect(await responsesOverview(db, org.id, survey.id, { version: 9 })).toBeNull();
	});

	it('has one empty page for a survey without responses', async () => {
		const survey = await createSurvey(db, owner, org.id, {
			name: 'Empty',
			instrument: DEMO_SURVEY
		});
		expect(await responsesOverview(db, org.id, survey.id)).toEqual({
			versions: [],
			version: null,
			summary: { total: 0, byDay: [], byChannel: [], byLanguage: [] },
			rows: [],
			pageCount: 1
		});
	});
});

describe('findResponse', () => {
	it('returns the answers with the instrument of their own version, in scope only', async () => {
		const { survey, v1, v2 } = await twoVersions('One response');
		await insert(survey.id, [{ day: '2025-06-01', versionId: v1, language: 'fr' }]);
		await insert(survey.id, [{ day: '2025-06-02', versionId: v2 }]);
		const [old] = await listResponses(db, org.id, survey.id, { versionId: v1 });
		const found = await findResponse(db, org.id, survey.id, old!.id);
		expect(found).toMatchObject({
			id: old!.id,
			submittedOn: '2025-06-01',
			language: 'fr',
			version: 1,
			answers: { satisfaction: 'very' }
		});
		expect(found?.instrument.title.en).toBe(DEMO_SURVEY.title.en);
		const elsewhere = await twoVersions('One response elsewhere');
		expect(await findResponse(db, org.id, elsewhere.survey.id, old!.id)).toBeUndefined();
		expect(await findResponse(db, otherOrg.id, survey.id, old!.id)).toBeUndefined();
	});
});
