import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { auditEvents, respondentCodes, surveyLinks, type Organisation } from '../db/schema';
import { useTestDatabase } from '../db/testing';
import { fixtures } from '../db/testing/fixtures';
import { DEMO_SURVEY } from '../demo/survey';
import type { Actor } from '../orgs/service';
import { archiveVersion, createSurvey, publishSurvey } from '../surveys/service';
import {
	codeCounts,
	findLink,
	getDistribution,
	getHelpContacts,
	listLinks,
	revokeCode,
	revokeUnusedCodes,
	saveHelpContacts,
	servedVersion,
	surveyLanguages,
	updateLink
} from './distribution';
import { createLink, generateCodes, resolveCode, resolveLink } from './service';

let db: Db;
useTestDatabase((d) => {
	db = d.db;
});
const { person, organisation, auditOf } = fixtures(() => db);

const NOW = new Date('2025-06-15T12:00:00Z');

let owner: Actor;
let org: Organisation;
let otherOrg: Organisation;
let otherOwner: Actor;

beforeAll(async () => {
	owner = await person('owner');
	org = await organisation('distribute', owner);
	otherOwner = await person('other');
	otherOrg = await organisation('distribute-other', otherOwner);
});

async function survey(name: string, publish = true, orgId = org.id) {
	const created = await createSurvey(db, owner, orgId, { name, instrument: DEMO_SURVEY });
	if (publish) expect((await publishSurvey(db, owner, orgId, created.id)).ok).toBe(true);
	return created;
}

describe('links', () => {
	it('lists only the links of the survey asked for, oldest first', async () => {
		const a = await survey('Links A');
		const b = await survey('Links B');
		const first = await createLink(db, owner, org.id, a.id);
		const second = await createLink(db, owner, org.id, a.id);
		await createLink(db, owner, org.id, b.id);
		expect((await listLinks(db, org.id, a.id)).map((l) => l.id)).toEqual([first.id, second.id]);
		expect(await listLinks(db, otherOrg.id, a.id)).toEqual([]);
		expect(await findLink(db, org.id, b.id, first.id)).toBeUndefined();
		expect(await findLink(db, otherOrg.id, a.id, first.id)).toBeUndefined();
		expect((await findLink(db, org.id, a.id, first.id))?.slug).toBe(first.slug);
	});

	it('pauses, closes and reopens a link, recording each change', async () => {
		const s = await survey('Link states');
		const link = await createLink(db, owner, org.id, s.id);
		const before = (await auditOf(org.id, 'link.changed')).length;
		expect(await updateLink(db, owner, org.id, s.id, link.id, { status: 'paused' }, NOW)).toBe(
			true
		);
		expect(await resolveLink(db, link.slug, NOW)).toEqual({ ok: false, error: 'paused' });
		expect(await updateLink(db, owner, org.id, s.id, link.id, { status: 'closed' }, NOW)).toBe(
			true
		);
		expect(await resolveLink(db, link.slug, NOW)).toEqual({ ok: false, error: 'closed' });
		expect(await updateLink(db, owner, org.id, s.id, link.id, { status: 'open' }, NOW)).toBe(true);
		expect((await resolveLink(db, link.slug, NOW)).ok).toBe(true);
		const events = await auditOf(org.id, 'link.changed');
		expect(events.slice(before).map((e) => e.details?.status)).toEqual([
			'paused',
			'closed',
			'open'
		]);
	});

	it('sets and clears the last day while keeping the status', async () => {
		const s = await survey('Link days');
		const link = await createLink(db, owner, org.id, s.id);
		await updateLink(db, owner, org.id, s.id, link.id, { status: 'paused' }, NOW);
		await updateLink(db, owner, org.id, s.id, link.id, { endsOn: '2025-07-01' }, NOW);
		expect(await findLink(db, org.id, s.id, link.id)).toMatchObject({
			status: 'paused',
			endsOn: '2025-07-01'
		});
		await updateLink(db, owner, org.id, s.id, link.id, { endsOn: null }, NOW);
		expect((await findLink(db, org.id, s.id, link.id))?.endsOn).toBeNull();
	});

	it('clears a passed last day when a link is reopened, and keeps a future one', async () => {
		const s = await survey('Link reopen');
		const ended = await createLink(db, owner, org.id, s.id, { endsOn: '2025-06-01' });
		const later = await createLink(db, owner, org.id, s.id, { endsOn: '2025-09-01' });
		expect(await resolveLink(db, ended.slug, NOW)).toEqual({ ok: false, error: 'closed' });
		await updateLink(db, owner, org.id, s.id, ended.id, { status: 'open' }, NOW);
		await updateLink(db, owner, org.id, s.id, later.id, { status: 'open' }, NOW);
		expect((await findLink(db, org.id, s.id, ended.id))?.endsOn).toBeNull();
		expect((await resolveLink(db, ended.slug, NOW)).ok).toBe(true);
		expect((await findLink(db, org.id, s.id, later.id))?.endsOn).toBe('2025-09-01');
	});

	it('refuses to change a link through another survey or organisation', async () => {
		const s = await survey('Link scope');
		const other = await survey('Link scope other');
		const link = await createLink(db, owner, org.id, s.id);
		const change = { status: 'closed' } as const;
		expect(await updateLink(db, owner, org.id, other.id, link.id, change, NOW)).toBe(false);
		expect(await updateLink(db, otherOwner, otherOrg.id, s.id, link.id, change, NOW)).toBe(false);
		const [row] = await db.select().from(surveyLinks).where(eq(surveyLinks.id, link.id));
		expect(row?.status).toBe('open');
	});
});

describe('codes', () => {
	it('counts available, used, revoked and expired codes of one survey, in the database', async () => {
		const s = await survey('Code counts');
		const fresh = await generateCodes(db, owner, org.id, s.id, 4);
		await generateCodes(db, owner, org.id, s.id, 2, '2025-06-14');
		await generateCodes(db, owner, org.id, s.id, 1, '2025-06-15');
		await generateCodes(db, owner, org.id, (await survey('Code counts other')).id, 3);
		// Used beats revoked: an answered code counts as used even if revoked afterwards.
		await db
			.update(respondentCodes)
			.set({ used: true, revoked: true })
			.where(eq(respondentCodes.id, await codeId(fresh[0]!)));
		await db
			.update(respondentCodes)
			.set({ revoked: true })
			.where(eq(respondentCodes.id, await codeId(fresh[1]!)));
		expect(await codeCounts(db, org.id, s.id, NOW)).toEqual({
			available: 3,
			used: 1,
			revoked: 1,
			expired: 2
		});
		expect(await codeCounts(db, otherOrg.id, s.id, NOW)).toEqual({
			available: 0,
			used: 0,
			revoked: 0,
			expired: 0
		});
	});

	async function codeId(code: string) {
		const resolved = await resolveCode(db, code, NOW);
		if (!resolved.ok) throw new Error(resolved.error);
		return resolved.codeId;
	}

	it('revokes one typed code, however it is typed, and logs a count, never the code', async () => {
		const s = await survey('Revoke one');
		const [code, other] = await generateCodes(db, owner, org.id, s.id, 2);
		const typed = ` ${code!.toLowerCase().replace('-', ' ')} `;
		expect(await revokeCode(db, owner, org.id, s.id, typed)).toEqual({ ok: true });
		expect(await resolveCode(db, code!, NOW)).toEqual({ ok: false, error: 'revoked' });
		expect((await resolveCode(db, other!, NOW)).ok).toBe(true);
		expect(await revokeCode(db, owner, org.id, s.id, code!)).toEqual({
			ok: false,
			error: 'revoked'
		});
		const [event] = (await auditOf(org.id, 'codes.revoked')).slice(-1);
		expect(event).toMatchObject({ actorId: owner.id, target: null, details: { count: 1 } });
		expect(JSON.stringify(event)).not.toContain(code!.slice(0, 5));
	});

	it('refuses codes that are unknown, used, or of another survey or organisation', async () => {
		const s = await survey('Revoke refusals');
		const elsewhere = await survey('Revoke refusals elsewhere');
		const [code, used] = await generateCodes(db, owner, org.id, s.id, 2);
		await db
			.update(respondentCodes)
			.set({ used: true })
			.where(eq(respondentCodes.id, await codeId(used!)));
		const unknown = { ok: false, error: 'unknown' };
		expect(await revokeCode(db, owner, org.id, s.id, 'AAAAA-AAAAA')).toEqual(unknown);
		expect(await revokeCode(db, owner, org.id, elsewhere.id, code!)).toEqual(unknown);
		expect(await revokeCode(db, otherOwner, otherOrg.id, s.id, code!)).toEqual(unknown);
		expect(await revokeCode(db, owner, org.id, s.id, used!)).toEqual({ ok: false, error: 'used' });
		expect((await resolveCode(db, code!, NOW)).ok).toBe(true);
	});

	it('revokes every unused code of one survey at once and logs how many', async () => {
		const s = await survey('Revoke all');
		const keep = await survey('Revoke all keep');
		const codes = await generateCodes(db, owner, org.id, s.id, 5);
		const [kept] = await generateCodes(db, owner, org.id, keep.id, 1);
		await db
			.update(respondentCodes)
			.set({ used: true })
			.where(eq(respondentCodes.id, await codeId(codes[0]!)));
		await revokeCode(db, owner, org.id, s.id, codes[1]!);
		expect(await revokeUnusedCodes(db, otherOwner, otherOrg.id, s.id)).toBe(0);
		expect(await revokeUnusedCodes(db, owner, org.id, s.id)).toBe(3);
		expect(await codeCounts(db, org.id, s.id, NOW)).toMatchObject({
			available: 0,
			used: 1,
			revoked: 4
		});
		expect((await resolveCode(db, kept!, NOW)).ok).toBe(true);
		const [event] = (await auditOf(org.id, 'codes.revoked')).slice(-1);
		expect(event?.details).toEqual({ count: 3 });
		const logged = (await auditOf(org.id, 'codes.revoked')).length;
		expect(await revokeUnusedCodes(db, owner, org.id, s.id)).toBe(0);
		expect(await auditOf(org.id, 'codes.revoked')).toHaveLength(logged);
	});
});

describe('help contacts and languages', () => {
	it('offers the languages of the latest published version, else of the draft', async () => {
		const draftOnly = await createSurvey(db, owner, org.id, {
			name: 'Draft only',
			languages: ['fr', 'ar']
		});
		expect((await surveyLanguages(db, org.id, draftOnly)).map((l) => l.code)).toEqual(['fr', 'ar']);
		const published = await survey('Published languages');
		const codes = DEMO_SURVEY.languages.map((l) => l.code);
		// A draft language not yet published is not offered to respondents, so not here either.
		const draft = { ...published.draft, languages: [...published.draft.languages] };
		draft.languages.push({ code: 'ru', name: 'Русский', dir: 'ltr' });
		expect(
			(await surveyLanguages(db, org.id, { id: published.id, draft })).map((l) => l.code)
		).toEqual(codes);
		expect(await surveyLanguages(db, otherOrg.id, { id: published.id, draft })).toEqual(
			draft.languages
		);
	});

	it('saves contacts for the survey languages only, trimmed, and records the change', async () => {
		const s = await survey('Help contacts');
		expect(await getHelpContacts(db, org.id, s.id)).toEqual({});
		const saved = await saveHelpContacts(db, owner, org.id, s.id, {
			en: '  Call 0800 000 000 (free, 24 h)  ',
			ar: 'اتصلوا بالرقم 0800 000 000',
			fr: '   ',
			de: 'Not a language of this survey'
		});
		expect(saved).toBe(true);
		expect(await getHelpContacts(db, org.id, s.id)).toEqual({
			en: 'Call 0800 000 000 (free, 24 h)',
			ar: 'اتصلوا بالرقم 0800 000 000'
		});
		const [event] = (await auditOf(org.id, 'survey.help_contacts_changed')).slice(-1);
		expect(event).toMatchObject({ target: 'Help contacts', details: { languages: 'ar, en' } });
		// Saving again replaces the whole set.
		await saveHelpContacts(db, owner, org.id, s.id, { fr: 'Appelez le 0800 000 000' });
		expect(await getHelpContacts(db, org.id, s.id)).toEqual({ fr: 'Appelez le 0800 000 000' });
	});

	it('neither reads nor writes another organisation’s contacts', async () => {
		const s = await survey('Help scope');
		await saveHelpContacts(db, owner, org.id, s.id, { en: 'Ours' });
		expect(await saveHelpContacts(db, otherOwner, otherOrg.id, s.id, { en: 'Theirs' })).toBe(false);
		expect(await getHelpContacts(db, otherOrg.id, s.id)).toEqual({});
		expect(await getHelpContacts(db, org.id, s.id)).toEqual({ en: 'Ours' });
		const logged = await db.select().from(auditEvents).where(eq(auditEvents.orgId, otherOrg.id));
		expect(logged.some((e) => e.action === 'survey.help_contacts_changed')).toBe(false);
	});
});

describe('the distribution page data', () => {
	it('names the version respondents get: none before publishing, the newest not archived', async () => {
		const s = await survey('Served', false);
		expect(await servedVersion(db, org.id, s.id)).toBeNull();
		await publishSurvey(db, owner, org.id, s.id);
		expect(await servedVersion(db, org.id, s.id)).toBe(1);
		await archiveVersion(db, owner, org.id, s.id, 1);
		expect(await servedVersion(db, org.id, s.id)).toBeNull();
	});

	it('gathers links, counts, languages and contacts of one survey', async () => {
		const s = await survey('Everything');
		const link = await createLink(db, owner, org.id, s.id);
		await generateCodes(db, owner, org.id, s.id, 2);
		await saveHelpContacts(db, owner, org.id, s.id, { es: 'Llame al 0800' });
		const page = await getDistribution(db, org.id, s, NOW);
		expect(page.links.map((l) => l.id)).toEqual([link.id]);
		expect(page.counts).toEqual({ available: 2, used: 0, revoked: 0, expired: 0 });
		expect(page.languages.map((l) => l.code)).toEqual(DEMO_SURVEY.languages.map((l) => l.code));
		expect(page.helpContacts).toEqual({ es: 'Llame al 0800' });
		expect(page.servedVersion).toBe(1);
	});
});
