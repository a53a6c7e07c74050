import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { allQuestions, type Instrument } from '../../survey/model';
import { starterInstrument } from '../../survey/starter';
import type { Db } from '../db';
import { surveys, surveyVersions, type Organisation } from '../db/schema';
import { rows, useTestDatabase } from '../db/testing';
import { fixtures } from '../db/testing/fixtures';
import type { Actor } from '../orgs/service';
import {
	archiveVersion,
	changesSincePublished,
	createSurvey,
	findSurvey,
	findVersion,
	formIdFrom,
	listSurveys,
	listVersions,
	publishSurvey,
	saveDraft
} from './service';

let db: Db;
useTestDatabase((d) => {
	db = d.db;
});
const { person, organisation, auditOf } = fixtures(() => db);

async function versionsOf(surveyId: string) {
	return db
		.select()
		.from(surveyVersions)
		.where(eq(surveyVersions.surveyId, surveyId))
		.orderBy(surveyVersions.number);
}

/** A valid two-page instrument with a choice list, as an import would bring. */
function imported(): Instrument {
	const x = starterInstrument('imported', ['en', 'fr']);
	x.choiceLists.push({
		name: 'yesno',
		choices: [
			{ name: 'yes', label: { en: 'Yes' } },
			{ name: 'no', label: { en: 'No' } }
		]
	});
	x.pages.push({
		id: 'p_main',
		name: 'main',
		label: { en: 'About the support' },
		questions: [
			{
				id: 'q_helped',
				type: 'select_one',
				name: 'helped',
				label: { en: 'Did the support help you?' },
				listName: 'yesno',
				preferNotToSay: true
			},
			{
				id: 'q_why',
				type: 'text',
				name: 'why',
				label: { en: 'Why not?' },
				relevant: "${helped} = 'no'",
				preferNotToSay: true
			}
		]
	});
	return x;
}

/** Saves `change(draft)` on top of the current draft; fails the test if the save fails. */
async function edit(orgId: string, id: string, change: (x: Instrument) => void) {
	const survey = (await findSurvey(db, orgId, id))!;
	const draft = structuredClone(survey.draft);
	change(draft);
	const saved = await saveDraft(db, orgId, id, {
		instrument: draft,
		revision: survey.draftRevision
	});
	if (!saved.ok) throw new Error(`save failed: ${saved.error}`);
	return saved;
}

/** The message of a rejection and of its causes (drivers and drizzle wrap errors differently). */
async function refusal(pending: Promise<unknown>): Promise<string> {
	try {
		await pending;
	} catch (error) {
		const messages: string[] = [];
		for (let e: unknown = error; e instanceof Error; e = e.cause) messages.push(e.message);
		return messages.join(' / ');
	}
	return 'no error';
}

describe('createSurvey', () => {
	let owner: Actor;
	let org: Organisation;

	beforeAll(async () => {
		owner = await person('creator');
		org = await organisation('surveys-create', owner);
	});

	it('starts a new survey from the starter (safety check, consent) and records it', async () => {
		const survey = await createSurvey(db, owner, org.id, {
			name: 'Programme feedback 2025',
			languages: ['en', 'ar']
		});
		expect(survey).toMatchObject({
			orgId: org.id,
			name: 'Programme feedback 2025',
			draftRevision: 1,
			createdBy: owner.id
		});
		expect(survey.draft).toEqual(starterInstrument('programme_feedback_2025', ['en', 'ar']));
		const [event] = await auditOf(org.id, 'survey.created');
		expect(event).toMatchObject({
			actorId: owner.id,
			actorEmail: owner.email,
			target: 'Programme feedback 2025',
			details: { questions: 2 }
		});
		expect(await auditOf(org.id, 'survey.imported')).toHaveLength(0);
	});

	it('keeps an imported instrument as it is and records an import', async () => {
		const survey = await createSurvey(db, owner, org.id, {
			name: 'From XLSForm',
			instrument: imported()
		});
		expect(survey.draft).toEqual(imported());
		const [event] = await auditOf(org.id, 'survey.imported');
		expect(event).toMatchObject({ target: 'From XLSForm', details: { questions: 4 } });
	});

	it('acts as the system when there is no actor (command line)', async () => {
		const survey = await createSurvey(db, null, org.id, { name: 'From the CLI' });
		expect(survey.createdBy).toBeNull();
		const events = await auditOf(org.id, 'survey.created');
		expect(events.at(-1)).toMatchObject({
			actorId: null,
			actorEmail: null,
			target: 'From the CLI'
		});
	});
});

describe('formIdFrom', () => {
	it.each([
		['Programme feedback (demo)', 'programme_feedback_demo'],
		['Évaluation — été 2025', 'evaluation_ete_2025'],
		['  spaced   out  ', 'spaced_out'],
		['dash-and space', 'dash_and_space'],
		['2025 survey', 'survey_2025_survey'],
		['استبيان', 'survey_'],
		['x'.repeat(80), 'x'.repeat(60)]
	])('%j → %j', (name, expected) => {
		expect(formIdFrom(name)).toBe(expected);
	});
});

describe('listSurveys and findSurvey', () => {
	let alice: Actor;
	let bob: Actor;
	let orgA: Organisation;
	let orgB: Organisation;

	beforeAll(async () => {
		alice = await person('alice');
		bob = await person('bob');
		orgA = await organisation('surveys-a', alice);
		orgB = await organisation('surveys-b', bob);
	});

	it("list only the organisation's surveys, most recently edited first", async () => {
		const first = await createSurvey(db, alice, orgA.id, { name: 'First' });
		const second = await createSurvey(db, alice, orgA.id, {
			name: 'Second',
			instrument: imported()
		});
		await createSurvey(db, bob, orgB.id, { name: 'Not yours' });
		expect((await listSurveys(db, orgA.id)).map((s) => s.name)).toEqual(['Second', 'First']);

		await edit(orgA.id, first.id, (x) => (x.title = { en: 'Edited' }));
		const listed = await listSurveys(db, orgA.id);
		expect(listed.map((s) => s.name)).toEqual(['First', 'Second']);
		expect(listed[1]).toMatchObject({
			id: second.id,
			questionCount: 4,
			languages: ['en', 'fr'],
			latestVersion: null,
			latestPublishedAt: null
		});
		expect(listed[1]!.draftUpdatedAt).toBeInstanceOf(Date);
	});

	it('show the latest published version', async () => {
		const survey = await createSurvey(db, alice, orgA.id, { name: 'Published one' });
		expect((await publishSurvey(db, alice, orgA.id, survey.id)).ok).toBe(true);
		await edit(orgA.id, survey.id, (x) => (x.pages[0]!.questions[0]!.label.en = 'Safe now?'));
		expect((await publishSurvey(db, alice, orgA.id, survey.id)).ok).toBe(true);
		const listed = (await listSurveys(db, orgA.id)).find((s) => s.id === survey.id)!;
		expect(listed.latestVersion).toBe(2);
		expect(listed.latestPublishedAt).toBeInstanceOf(Date);
		expect(Date.now() - listed.latestPublishedAt!.getTime()).toBeLessThan(60_000);
	});

	it("find a survey only within its own organisation (another's id looks unknown)", async () => {
		const mine = await createSurvey(db, alice, orgA.id, { name: 'Mine' });
		expect((await findSurvey(db, orgA.id, mine.id))?.name).toBe('Mine');
		expect(await findSurvey(db, orgB.id, mine.id)).toBeUndefined();
		expect(await findSurvey(db, orgA.id, '00000000-0000-4000-8000-000000000000')).toBeUndefined();
	});

	it("refuse to list, read or publish another organisation's versions", async () => {
		const mine = await createSurvey(db, alice, orgA.id, { name: 'Versions of A' });
		await publishSurvey(db, alice, orgA.id, mine.id);
		expect(await listVersions(db, orgB.id, mine.id)).toEqual([]);
		expect(await findVersion(db, orgB.id, mine.id, 1)).toBeUndefined();
		expect((await findVersion(db, orgA.id, mine.id, 1))?.number).toBe(1);
		expect(await publishSurvey(db, bob, orgB.id, mine.id)).toEqual({
			ok: false,
			error: 'notFound'
		});
		expect(await archiveVersion(db, bob, orgB.id, mine.id, 1)).toBe(false);
		expect((await findVersion(db, orgA.id, mine.id, 1))?.archivedAt).toBeNull();
	});
});

describe('saveDraft', () => {
	let owner: Actor;
	let org: Organisation;
	let other: Organisation;

	beforeAll(async () => {
		owner = await person('saver');
		org = await organisation('surveys-save', owner);
		other = await organisation('surveys-save-other', await person('other'));
	});

	it('stores the draft, bumps the revision and renames when asked', async () => {
		const survey = await createSurvey(db, owner, org.id, { name: 'Draft' });
		const draft = imported();
		expect(
			await saveDraft(db, org.id, survey.id, { instrument: draft, revision: 1, name: 'Renamed' })
		).toEqual({ ok: true, revision: 2, issues: [] });
		const stored = (await findSurvey(db, org.id, survey.id))!;
		expect(stored).toMatchObject({ name: 'Renamed', draftRevision: 2, draft });
		expect(stored.draftUpdatedAt.getTime()).toBeGreaterThanOrEqual(survey.draftUpdatedAt.getTime());

		expect(
			await saveDraft(db, org.id, survey.id, { instrument: draft, revision: 2 })
		).toMatchObject({
			ok: true,
			revision: 3
		});
		expect((await findSurvey(db, org.id, survey.id))!.name).toBe('Renamed');
	});

	it('refuses a save based on a stale revision and keeps the newer draft', async () => {
		const survey = await createSurvey(db, owner, org.id, { name: 'Two tabs' });
		const tabA = structuredClone(survey.draft);
		tabA.title = { en: 'From tab A' };
		const tabB = structuredClone(survey.draft);
		tabB.title = { en: 'From tab B' };
		expect(await saveDraft(db, org.id, survey.id, { instrument: tabA, revision: 1 })).toMatchObject(
			{
				ok: true,
				revision: 2
			}
		);
		expect(await saveDraft(db, org.id, survey.id, { instrument: tabB, revision: 1 })).toEqual({
			ok: false,
			error: 'conflict',
			revision: 2
		});
		const stored = (await findSurvey(db, org.id, survey.id))!;
		expect(stored.draft.title).toEqual({ en: 'From tab A' });
		expect(stored.draftRevision).toBe(2);
	});

	it('lets only one of two simultaneous saves of the same revision through', async () => {
		const survey = await createSurvey(db, owner, org.id, { name: 'Race' });
		const results = await Promise.all(
			['one', 'two'].map((title) =>
				saveDraft(db, org.id, survey.id, {
					instrument: { ...survey.draft, title: { en: title } },
					revision: 1
				})
			)
		);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: 'conflict', revision: 2 }]);
	});

	it.each<[string, unknown]>([
		['nothing', undefined],
		['a string', 'instrument'],
		['no languages', { ...starterInstrument('x'), languages: [] }],
		[
			'an unknown question type',
			{
				...imported(),
				pages: [
					{
						...imported().pages[2]!,
						questions: [{ ...imported().pages[2]!.questions[0]!, type: 'essay' }]
					}
				]
			}
		],
		[
			'a question without id',
			{
				...starterInstrument('x'),
				pages: [
					{
						id: 'p',
						name: 'p',
						label: {},
						questions: [{ type: 'text', name: 'q', label: {}, preferNotToSay: true }]
					}
				]
			}
		],
		['a label that is not text', { ...starterInstrument('x'), title: { en: 42 } }]
	])('stores nothing for a malformed instrument: %s', async (_what, instrument) => {
		const survey = await createSurvey(db, owner, org.id, { name: 'Malformed' });
		expect(
			await saveDraft(db, org.id, survey.id, { instrument, revision: 1, name: 'Gone' })
		).toEqual({
			ok: false,
			error: 'malformed'
		});
		const stored = (await findSurvey(db, org.id, survey.id))!;
		expect(stored).toMatchObject({ name: 'Malformed', draftRevision: 1, draft: survey.draft });
	});

	it('saves a draft with problems of meaning and returns them', async () => {
		const survey = await createSurvey(db, owner, org.id, { name: 'Problems' });
		const draft = imported();
		draft.pages[2]!.questions[1]!.name = 'helped';
		const result = await saveDraft(db, org.id, survey.id, { instrument: draft, revision: 1 });
		expect(result).toMatchObject({ ok: true, revision: 2 });
		expect(result.ok && result.issues.map((i) => [i.code, i.subject])).toEqual([
			['duplicateName', 'helped'],
			['cycle', 'helped']
		]);
		expect((await findSurvey(db, org.id, survey.id))!.draft).toEqual(draft);
	});

	it("refuses to save another organisation's survey, as if unknown", async () => {
		const theirs = await createSurvey(db, null, other.id, { name: 'Theirs' });
		expect(
			await saveDraft(db, org.id, theirs.id, {
				instrument: imported(),
				revision: 1,
				name: 'Mine now'
			})
		).toEqual({ ok: false, error: 'notFound' });
		expect(await findSurvey(db, other.id, theirs.id)).toMatchObject({
			name: 'Theirs',
			draftRevision: 1,
			draft: theirs.draft
		});
	});
});

describe('publishSurvey', () => {
	let owner: Actor;
	let org: Organisation;

	beforeAll(async () => {
		owner = await person('publisher');
		org = await organisation('surveys-publish', owner);
	});

	it('freezes the draft as version 1, then 2, … and records each', async () => {
		const survey = await createSurvey(db, owner, org.id, {
			name: 'Versions',
			instrument: imported()
		});
		expect(await publishSurvey(db, owner, org.id, survey.id)).toEqual({ ok: true, number: 1 });
		await edit(
			org.id,
			survey.id,
			(x) => (x.pages[2]!.questions[1]!.label.en = 'Why not, if you wish?')
		);
		expect(await publishSurvey(db, owner, org.id, survey.id)).toEqual({ ok: true, number: 2 });
		await edit(org.id, survey.id, (x) => x.pages[2]!.questions.pop());
		expect(await publishSurvey(db, owner, org.id, survey.id)).toEqual({ ok: true, number: 3 });

		const versions = await versionsOf(survey.id);
		expect(versions.map((v) => [v.number, allQuestions(v.instrument).length])).toEqual([
			[1, 4],
			[2, 4],
			[3, 3]
		]);
		expect(versions[0]!.instrument).toEqual(imported());
		expect(versions.every((v) => v.publishedBy === owner.id && v.archivedAt === null)).toBe(true);
		expect((await listVersions(db, org.id, survey.id)).map((v) => v.number)).toEqual([3, 2, 1]);

		const events = await auditOf(org.id, 'survey.published');
		expect(events.map((e) => e.details)).toEqual([
			{ version: 1, questions: 4 },
			{ version: 2, questions: 4 },
			{ version: 3, questions: 3 }
		]);
		expect(events.every((e) => e.target === 'Versions' && e.actorId === owner.id)).toBe(true);
	});

	it('numbers each survey on its own', async () => {
		const a = await createSurvey(db, owner, org.id, { name: 'A' });
		const b = await createSurvey(db, owner, org.id, { name: 'B' });
		expect(await publishSurvey(db, owner, org.id, a.id)).toEqual({ ok: true, number: 1 });
		expect(await publishSurvey(db, owner, org.id, b.id)).toEqual({ ok: true, number: 1 });
	});

	it('refuses a draft with nothing new, and records nothing', async () => {
		const survey = await createSurvey(db, owner, org.id, { name: 'Same', instrument: imported() });
		await publishSurvey(db, owner, org.id, survey.id);
		const before = (await auditOf(org.id, 'survey.published')).length;
		expect(await publishSurvey(db, owner, org.id, survey.id)).toEqual({
			ok: false,
			error: 'unchanged'
		});
		// Saved again without a real change: still nothing new.
		await edit(org.id, survey.id, (x) => (x.pages[2]!.questions[0]!.hint = {}));
		expect(await publishSurvey(db, owner, org.id, survey.id)).toEqual({
			ok: false,
			error: 'unchanged'
		});
		expect(await versionsOf(survey.id)).toHaveLength(1);
		expect(await auditOf(org.id, 'survey.published')).toHaveLength(before);
	});

	it.each<[string, (x: Instrument) => void]>([
		['a new title', (x) => (x.title = { en: 'New title' })],
		['a new language', (x) => x.languages.push({ code: 'ar', name: 'العربية', dir: 'rtl' })],
		[
			'a new choice',
			(x) => x.choiceLists[0]!.choices.push({ name: 'partly', label: { en: 'Partly' } })
		],
		[
			'a question moved to another page',
			(x) => x.pages[1]!.questions.push(x.pages[2]!.questions.shift()!)
		],
		['questions in a new order', (x) => x.pages[2]!.questions.reverse()],
		['a page shown only to some', (x) => (x.pages[2]!.relevant = "${consent} = 'yes'")],
		['a new page label', (x) => (x.pages[2]!.label = { en: 'Your support' })],
		['a language now written right to left', (x) => (x.languages[1]!.dir = 'rtl')]
	])('publishes a draft whose only change is %s', async (_what, change) => {
		const survey = await createSurvey(db, owner, org.id, {
			name: 'Changed',
			instrument: imported()
		});
		await publishSurvey(db, owner, org.id, survey.id);
		await edit(org.id, survey.id, change);
		expect(await publishSurvey(db, owner, org.id, survey.id)).toEqual({ ok: true, number: 2 });
	});

	it('refuses an invalid draft with its issues and creates no version', async () => {
		const survey = await createSurvey(db, owner, org.id, {
			name: 'Broken',
			instrument: imported()
		});
		await edit(org.id, survey.id, (x) => {
			x.pages[2]!.questions[1]!.relevant = '${nobody} = 1';
			x.pages[2]!.questions[0]!.label = {};
		});
		const result = await publishSurvey(db, owner, org.id, survey.id);
		expect(result).toEqual({
			ok: false,
			error: 'invalid',
			issues: [
				{ code: 'emptyLabel', subject: 'helped' },
				{ code: 'unknownReference', subject: 'why', column: 'relevant', detail: 'nobody' }
			]
		});
		expect(await versionsOf(survey.id)).toEqual([]);
		expect(
			(await auditOf(org.id, 'survey.published')).filter((e) => e.target === 'Broken')
		).toEqual([]);
	});

	it('refuses an unknown survey', async () => {
		expect(await publishSurvey(db, owner, org.id, '00000000-0000-4000-8000-000000000000')).toEqual({
			ok: false,
			error: 'notFound'
		});
	});

	it('creates one version when the same draft is published twice at once', async () => {
		const survey = await createSurvey(db, owner, org.id, { name: 'Double click' });
		const results = await Promise.all([
			publishSurvey(db, owner, org.id, survey.id),
			publishSurvey(db, owner, org.id, survey.id)
		]);
		expect(results).toContainEqual({ ok: true, number: 1 });
		expect(results).toContainEqual({ ok: false, error: 'unchanged' });
		expect(await versionsOf(survey.id)).toHaveLength(1);
	});

	it('leaves the published version alone when the draft is edited afterwards', async () => {
		const survey = await createSurvey(db, owner, org.id, {
			name: 'Frozen',
			instrument: imported()
		});
		await publishSurvey(db, owner, org.id, survey.id);
		await edit(org.id, survey.id, (x) => (x.title = { en: 'Draft title' }));
		expect((await findVersion(db, org.id, survey.id, 1))!.instrument.title).toEqual(
			imported().title
		);
	});
});

describe('changesSincePublished', () => {
	let owner: Actor;
	let org: Organisation;

	beforeAll(async () => {
		owner = await person('differ');
		org = await organisation('surveys-changes', owner);
	});

	it('is null before the first version, then lists what the draft changed', async () => {
		const survey = await createSurvey(db, owner, org.id, {
			name: 'Diffed',
			instrument: imported()
		});
		expect(await changesSincePublished(db, org.id, survey)).toBeNull();
		await publishSurvey(db, owner, org.id, survey.id);

		const fresh = (await findSurvey(db, org.id, survey.id))!;
		const none = await changesSincePublished(db, org.id, fresh);
		expect(none).toMatchObject({
			number: 1,
			diff: { added: [], removed: [], changed: [], languagesAdded: [], languagesRemoved: [] }
		});
		expect(none!.instrument).toEqual(imported());

		await edit(org.id, survey.id, (x) => {
			x.pages[2]!.questions.pop();
			x.pages[2]!.questions[0]!.label.en = 'Did it help?';
			x.pages[2]!.questions.push({
				id: 'q_more',
				type: 'text',
				name: 'more',
				label: { en: 'Anything else?' },
				preferNotToSay: true
			});
			x.languages.push({ code: 'es', name: 'Español', dir: 'ltr' });
		});
		const edited = (await findSurvey(db, org.id, survey.id))!;
		expect((await changesSincePublished(db, org.id, edited))!.diff).toEqual({
			added: ['more'],
			removed: ['why'],
			changed: [{ name: 'helped', fields: ['label'] }],
			languagesAdded: ['es'],
			languagesRemoved: []
		});
	});

	it('compares with the latest version, not the first', async () => {
		const survey = await createSurvey(db, owner, org.id, {
			name: 'Latest',
			instrument: imported()
		});
		await publishSurvey(db, owner, org.id, survey.id);
		await edit(org.id, survey.id, (x) => x.pages[2]!.questions.pop());
		await publishSurvey(db, owner, org.id, survey.id);
		const current = (await findSurvey(db, org.id, survey.id))!;
		const changes = await changesSincePublished(db, org.id, current);
		expect(changes?.number).toBe(2);
		expect(changes?.diff.removed).toEqual([]);
	});
});

describe('archiveVersion', () => {
	let owner: Actor;
	let org: Organisation;

	beforeAll(async () => {
		owner = await person('archivist');
		org = await organisation('surveys-archive', owner);
	});

	it('closes a version once, records it, and leaves the others open', async () => {
		const survey = await createSurvey(db, owner, org.id, {
			name: 'Archived',
			instrument: imported()
		});
		await publishSurvey(db, owner, org.id, survey.id);
		await edit(org.id, survey.id, (x) => (x.title = { en: 'Second' }));
		await publishSurvey(db, owner, org.id, survey.id);

		expect(await archiveVersion(db, owner, org.id, survey.id, 1)).toBe(true);
		const archived = (await findVersion(db, org.id, survey.id, 1))!;
		expect(archived.archivedAt).toBeInstanceOf(Date);
		expect(archived.instrument).toEqual(imported());
		expect((await findVersion(db, org.id, survey.id, 2))!.archivedAt).toBeNull();

		expect(await archiveVersion(db, owner, org.id, survey.id, 1)).toBe(false);
		expect((await findVersion(db, org.id, survey.id, 1))!.archivedAt).toEqual(archived.archivedAt);
		expect(await archiveVersion(db, owner, org.id, survey.id, 9)).toBe(false);

		const events = await auditOf(org.id, 'survey.version_archived');
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({
			actorId: owner.id,
			target: survey.id,
			details: { version: 1 }
		});
	});
});

describe('published versions in the database', () => {
	let owner: Actor;
	let org: Organisation;
	let versionId: string;
	let surveyId: string;

	beforeAll(async () => {
		owner = await person('immutable');
		org = await organisation('surveys-immutable', owner);
		const survey = await createSurvey(db, owner, org.id, {
			name: 'Immutable',
			instrument: imported()
		});
		surveyId = survey.id;
		await publishSurvey(db, owner, org.id, survey.id);
		versionId = (await versionsOf(survey.id))[0]!.id;
	});

	it.each([
		['the instrument', sql`instrument = '{"pages": []}'::jsonb`],
		[
			'the instrument, even to an equal copy with one text changed',
			sql`instrument = jsonb_set(instrument, '{title,en}', '"Edited"')`
		],
		['the number', sql`number = 7`],
		['the publication time', sql`published_at = now() - interval '1 day'`]
	])('refuse any change to %s', async (_what, assignment) => {
		const message = await refusal(
			db.execute(sql`update survey_versions set ${assignment} where id = ${versionId}`)
		);
		expect(message).toMatch(/published survey versions are immutable/);
		const [version] = await versionsOf(surveyId);
		expect(version).toMatchObject({ number: 1, instrument: imported() });
	});

	it('still let a version be archived, once', async () => {
		expect(await archiveVersion(db, owner, org.id, surveyId, 1)).toBe(true);
		const message = await refusal(
			db.execute(
				sql`update survey_versions set archived_at = now() + interval '1 day' where id = ${versionId}`
			)
		);
		expect(message).toMatch(/published survey versions are immutable/);
		const unarchive = await refusal(
			db.execute(sql`update survey_versions set archived_at = null where id = ${versionId}`)
		);
		expect(unarchive).toMatch(/published survey versions are immutable/);
	});

	it('let the draft change freely', async () => {
		const [row] = await rows<{ revision: number }>(
			db.execute(
				sql`update surveys set draft = jsonb_set(draft, '{title,en}', '"Edited"') where id = ${surveyId} returning draft_revision as revision`
			)
		);
		expect(row?.revision).toBe(1);
		const [stored] = await db.select().from(surveys).where(eq(surveys.id, surveyId));
		expect(stored!.draft.title.en).toBe('Edited');
	});
});
