import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { auditEvents, smsChannels, type Organisation } from '../db/schema';
import { useTestDatabase, wholeDatabaseText } from '../db/testing';
import { fixtures } from '../db/testing/fixtures';
import { DEMO_SURVEY } from '../demo/survey';
import type { Actor } from '../orgs/service';
import { archiveVersion, createSurvey, publishSurvey } from '../surveys/service';
import {
	channelAuthToken,
	createChannel,
	deleteChannel,
	keywordForSurvey,
	listChannels,
	randomChannelId,
	updateChannel,
	type ChannelInput
} from './channels';

let db: Db;
useTestDatabase((d) => {
	db = d.db;
});
const { person, organisation, auditOf } = fixtures(() => db);

let owner: Actor;
let org: Organisation;
let otherOrg: Organisation;
let published: string;
let otherPublished: string;

const TOKEN = '0123456789abcdef0123456789abcdef';

async function survey(name: string, publish = true, orgId = org.id) {
	const created = await createSurvey(db, owner, orgId, { name, instrument: DEMO_SURVEY });
	if (publish) expect((await publishSurvey(db, owner, orgId, created.id)).ok).toBe(true);
	return created.id;
}

let numbers = 0;
function input(overrides: Partial<ChannelInput> = {}): ChannelInput {
	return {
		surveyId: published,
		senderNumber: `+1500555${String(++numbers).padStart(4, '0')}`,
		accountId: `AC${'a'.repeat(32)}`,
		authToken: TOKEN,
		keyword: 'hello',
		panicWord: null,
		expiryDays: 3,
		reminderHours: null,
		...overrides
	};
}

async function created(overrides: Partial<ChannelInput> = {}, orgId = org.id) {
	const result = await createChannel(db, owner, orgId, input(overrides));
	if (!result.ok) throw new Error(result.error);
	return result.id;
}

beforeAll(async () => {
	owner = await person('owner');
	org = await organisation('sms-channels', owner);
	otherOrg = await organisation('sms-channels-other', owner);
	published = await survey('SMS served');
	otherPublished = await survey('Other org', true, otherOrg.id);
});

describe('randomChannelId', () => {
	it('is 16 base32 characters and different every time', () => {
		const ids = new Set(Array.from({ length: 200 }, randomChannelId));
		expect(ids.size).toBe(200);
		for (const id of ids) expect(id).toMatch(/^[a-z2-7]{16}$/);
	});
});

describe('createChannel', () => {
	it('keeps the auth token only sealed, and opens it again for the webhook', async () => {
		const id = await created();
		const [row] = await db.select().from(smsChannels).where(eq(smsChannels.id, id));
		expect(row!.authTokenEncrypted).toMatch(/^v1\./);
		expect(JSON.stringify(row)).not.toContain(TOKEN);
		expect(JSON.stringify(row).toUpperCase()).not.toContain(TOKEN.toUpperCase());
		expect(await wholeDatabaseText(db)).not.toContain(TOKEN);
		expect(await channelAuthToken(db, id)).toBe(TOKEN);
		expect(await channelAuthToken(db, 'nosuchchannel')).toBeNull();
	});

	it('seals the same token differently each time', async () => {
		const a = await created();
		const b = await created();
		const rows = await db.select().from(smsChannels);
		const sealed = (id: string) => rows.find((r) => r.id === id)!.authTokenEncrypted;
		expect(sealed(a)).not.toBe(sealed(b));
	});

	it('stores keyword and panic word in upper case', async () => {
		const id = await created({ keyword: ' Bonjour ', panicWord: 'apple' });
		const [row] = await db.select().from(smsChannels).where(eq(smsChannels.id, id));
		expect(row!.keyword).toBe('BONJOUR');
		expect(row!.panicWord).toBe('APPLE');
		expect(await keywordForSurvey(db, org.id, published)).toBe('HELLO');
	});

	it('refuses a survey with no open version, and another organisation’s survey', async () => {
		const draft = await survey('Never published', false);
		expect(await createChannel(db, owner, org.id, input({ surveyId: draft }))).toEqual({
			ok: false,
			error: 'notPublished'
		});
		const archived = await survey('Archived');
		await archiveVersion(db, owner, org.id, archived, 1);
		expect(await createChannel(db, owner, org.id, input({ surveyId: archived }))).toEqual({
			ok: false,
			error: 'notPublished'
		});
		expect(await createChannel(db, owner, org.id, input({ surveyId: otherPublished }))).toEqual({
			ok: false,
			error: 'surveyNotFound'
		});
	});

	it('refuses a number the organisation already uses', async () => {
		await created({ senderNumber: '+15005550999' });
		expect(await createChannel(db, owner, org.id, input({ senderNumber: '+15005550999' }))).toEqual(
			{ ok: false, error: 'numberTaken' }
		);
		// Another organisation is not told whether the number exists elsewhere.
		expect(
			(
				await createChannel(
					db,
					owner,
					otherOrg.id,
					input({ senderNumber: '+15005550999', surveyId: otherPublished })
				)
			).ok
		).toBe(true);
	});

	it('records the creation without the token or any number', async () => {
		const before = (await auditOf(org.id, 'sms.channel_created')).length;
		await created({ keyword: 'AUDITME', senderNumber: '+15005557777' });
		const events = await auditOf(org.id, 'sms.channel_created');
		expect(events).toHaveLength(before + 1);
		expect(events.at(-1)!.target).toBe('AUDITME');
		const all = JSON.stringify(await db.select().from(auditEvents));
		expect(all).not.toContain(TOKEN);
		expect(all).not.toContain('5005557777');
	});
});

describe('listChannels', () => {
	it('lists only the organisation’s channels, without the token or the panic word', async () => {
		const mine = await created({ panicWord: 'SECRETWORD' });
		const theirs = await created({ surveyId: otherPublished }, otherOrg.id);
		const listed = await listChannels(db, org.id);
		expect(listed.map((c) => c.id)).toContain(mine);
		expect(listed.map((c) => c.id)).not.toContain(theirs);
		const view = listed.find((c) => c.id === mine)!;
		expect(view).toMatchObject({ surveyName: 'SMS served', keyword: 'HELLO', hasPanicWord: true });
		const text = JSON.stringify(listed);
		expect(text).not.toContain(TOKEN);
		expect(text).not.toContain('v1.');
		expect(text).not.toContain('SECRETWORD');
		expect((await listChannels(db, otherOrg.id)).map((c) => c.id)).toContain(theirs);
	});
});

describe('updateChannel', () => {
	const changes = (overrides = {}) => ({
		...input(),
		authToken: null,
		panicWord: undefined,
		...overrides
	});

	it('keeps the token unless a new one is given, and the panic word unless it is changed', async () => {
		const id = await created({ panicWord: 'KIWI' });
		expect(await updateChannel(db, owner, org.id, id, changes({ keyword: 'salut' }))).toEqual({
			ok: true,
			id
		});
		let [row] = await db.select().from(smsChannels).where(eq(smsChannels.id, id));
		expect(row).toMatchObject({ keyword: 'SALUT', panicWord: 'KIWI' });
		expect(await channelAuthToken(db, id)).toBe(TOKEN);

		const fresh = 'ffffffffffffffffffffffffffffffff';
		await updateChannel(db, owner, org.id, id, changes({ authToken: fresh, panicWord: null }));
		[row] = await db.select().from(smsChannels).where(eq(smsChannels.id, id));
		expect(row!.panicWord).toBeNull();
		expect(await channelAuthToken(db, id)).toBe(fresh);
		expect(await wholeDatabaseText(db)).not.toContain(fresh);
		const events = await auditOf(org.id, 'sms.channel_changed');
		expect(events.slice(-2).map((e) => e.details?.tokenReplaced)).toEqual([false, true]);
	});

	it('cannot change another organisation’s channel', async () => {
		const theirs = await created({ surveyId: otherPublished }, otherOrg.id);
		expect(await updateChannel(db, owner, org.id, theirs, changes())).toEqual({
			ok: false,
			error: 'notFound'
		});
		const [row] = await db.select().from(smsChannels).where(eq(smsChannels.id, theirs));
		expect(row!.orgId).toBe(otherOrg.id);
	});

	it('refuses to move a channel to an unpublished survey', async () => {
		const id = await created();
		const draft = await survey('Draft only', false);
		expect(await updateChannel(db, owner, org.id, id, changes({ surveyId: draft }))).toEqual({
			ok: false,
			error: 'notPublished'
		});
	});
});

describe('deleteChannel', () => {
	it('removes the organisation’s channel only, with an audit record', async () => {
		const mine = await created();
		const theirs = await created({ surveyId: otherPublished }, otherOrg.id);
		expect(await deleteChannel(db, owner, org.id, theirs)).toBe(false);
		expect(await channelAuthToken(db, theirs)).toBe(TOKEN);
		expect(await deleteChannel(db, owner, org.id, mine)).toBe(true);
		expect(await deleteChannel(db, owner, org.id, mine)).toBe(false);
		expect(await channelAuthToken(db, mine)).toBeNull();
		expect((await auditOf(org.id, 'sms.channel_deleted')).length).toBeGreaterThan(0);
	});
});
