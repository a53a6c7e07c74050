import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signIn } from '../auth/service';
import type { Db } from '../db';
import { auditEvents, memberships, organisations, users } from '../db/schema';
import { useTestDatabase } from '../db/testing';
import { resolveMembership } from '../orgs/service';
import { listProgrammes } from '../programmes/service';
import { DEMO_PROGRAMME_NAME } from './programme';
import { DEMO_DONOR_EMAIL, DEMO_EMAIL, DEMO_ORG_SLUG, isEmpty, seedDemo } from './seed';

let db: Db;
useTestDatabase((d) => {
	db = d.db;
});

async function counts() {
	const tables = { users, organisations, memberships, auditEvents };
	const entries = await Promise.all(
		Object.entries(tables).map(async ([name, table]) => {
			const [row] = await db.select({ n: count() }).from(table);
			return [name, row!.n] as const;
		})
	);
	return Object.fromEntries(entries);
}

describe('seedDemo', () => {
	let password: string | null;
	let donorPassword: string | null;

	it('finds a new database empty', async () => {
		expect(await isEmpty(db)).toBe(true);
	});

	it('creates the demo organisation with its owner', async () => {
		const credentials = await seedDemo(db);
		password = credentials.password;
		donorPassword = credentials.donor?.password ?? null;
		expect(credentials.email).toBe(DEMO_EMAIL);
		expect(credentials.donor?.email).toBe(DEMO_DONOR_EMAIL);
		expect(password).toMatch(/^[a-zA-Z2-9]{16}$/);
		expect(await isEmpty(db)).toBe(false);
		const [owner] = await db.select().from(users).where(eq(users.email, DEMO_EMAIL));
		expect(owner?.email).toBe(DEMO_EMAIL);
		expect(await resolveMembership(db, owner!.id, DEMO_ORG_SLUG)).toMatchObject({
			org: { slug: 'demo' },
			role: 'owner'
		});
	});

	it('gives a password that signs in', async () => {
		const result = await signIn(db, {
			email: DEMO_EMAIL,
			password: password!,
			address: '192.0.2.1'
		});
		expect(result.ok).toBe(true);
	});

	it('creates a donor who signs in, is a donor and sees only the demo programme', async () => {
		// The first seed's credentials are gone; the donor's password is asked for again below.
		const [donor] = await db.select().from(users).where(eq(users.email, DEMO_DONOR_EMAIL));
		expect(donor).toBeDefined();
		expect(await resolveMembership(db, donor!.id, DEMO_ORG_SLUG)).toMatchObject({ role: 'donor' });
		const org = (await resolveMembership(db, donor!.id, DEMO_ORG_SLUG))!.org;
		const seen = await listProgrammes(db, org.id, { user: donor!, role: 'donor' });
		expect(seen.map((p) => p.name)).toEqual([DEMO_PROGRAMME_NAME]);
		expect(donorPassword).toMatch(/^[a-zA-Z2-9]{16}$/);
		const result = await signIn(db, {
			email: DEMO_DONOR_EMAIL,
			password: donorPassword!,
			address: '192.0.2.1'
		});
		expect(result.ok).toBe(true);
	});

	it('creates nothing the second time and does not know the password', async () => {
		const before = await counts();
		expect(await seedDemo(db)).toEqual({ email: DEMO_EMAIL, password: null });
		expect(await counts()).toEqual(before);
	});
});

describe('seedDemo survey', () => {
	// Imported here so this block stays a pure addition to the file.
	const modules = async () => ({
		eq: (await import('drizzle-orm')).eq,
		schema: await import('../db/schema'),
		orgs: await import('../orgs/service'),
		seed: await import('./seed')
	});

	async function demoSurveys() {
		const { eq, schema, orgs } = await modules();
		const org = await orgs.findOrganisation(db, DEMO_ORG_SLUG);
		return db.select().from(schema.surveys).where(eq(schema.surveys.orgId, org!.id));
	}

	async function versionsOf(surveyId: string) {
		const { eq, schema } = await modules();
		return db
			.select()
			.from(schema.surveyVersions)
			.where(eq(schema.surveyVersions.surveyId, surveyId));
	}

	it('gives the demo organisation one published survey in four languages', async () => {
		await seedDemo(db);
		const found = await demoSurveys();
		expect(found.map((s) => s.name)).toEqual(['Programme feedback (demo)']);
		expect((await modules()).seed.DEMO_SURVEY_NAME).toBe('Programme feedback (demo)');
		const versions = await versionsOf(found[0]!.id);
		expect(versions.map((v) => v.number)).toEqual([1]);
		expect(versions[0]!.archivedAt).toBeNull();
		expect(versions[0]!.instrument.languages.map((l) => l.code)).toEqual(['en', 'fr', 'es', 'ar']);
		expect(versions[0]!.instrument).toEqual(found[0]!.draft);
		// Respondents reach it at /s/demo and end on help contacts in each of its languages.
		const { eq, schema } = await modules();
		const [link] = await db
			.select()
			.from(schema.surveyLinks)
			.where(eq(schema.surveyLinks.surveyId, found[0]!.id));
		expect(link).toMatchObject({ slug: 'demo', status: 'open' });
		expect(Object.keys(found[0]!.helpContacts).sort()).toEqual(['ar', 'en', 'es', 'fr']);
		expect(found[0]!.helpContacts.ar).toContain('112');
		// And by SMS on the channel `demo`, keyword HELLO, its token kept only encrypted.
		const [channel] = await db
			.select()
			.from(schema.smsChannels)
			.where(eq(schema.smsChannels.id, 'demo'));
		expect(channel).toMatchObject({ surveyId: found[0]!.id, keyword: 'HELLO' });
		expect(channel!.authTokenEncrypted).not.toContain(
			(await modules()).seed.DEMO_TWILIO_AUTH_TOKEN
		);
	});

	it('adds no second survey or version when seeded again', async () => {
		const { eq } = await modules();
		const [survey] = await demoSurveys();
		await seedDemo(db);
		await seedDemo(db);
		expect((await demoSurveys()).map((s) => s.id)).toEqual([survey!.id]);
		expect((await versionsOf(survey!.id)).map((v) => v.number)).toEqual([1]);
		const [published] = await db
			.select({ n: count() })
			.from(auditEvents)
			.where(eq(auditEvents.action, 'survey.published'));
		expect(published!.n).toBe(1);
	});
});

describe('seedDemo responses', () => {
	// Imported here so this block stays a pure addition to the file.
	const modules = async () => ({
		eq: (await import('drizzle-orm')).eq,
		schema: await import('../db/schema'),
		orgs: await import('../orgs/service'),
		seed: await import('./seed')
	});

	async function demoResponses() {
		const { eq, schema, orgs, seed } = await modules();
		const org = await orgs.findOrganisation(db, DEMO_ORG_SLUG);
		const [survey] = await db
			.select()
			.from(schema.surveys)
			.where(eq(schema.surveys.orgId, org!.id));
		expect(survey!.name).toBe(seed.DEMO_SURVEY_NAME);
		const [version] = await db
			.select()
			.from(schema.surveyVersions)
			.where(eq(schema.surveyVersions.surveyId, survey!.id));
		const rows = await db
			.select()
			.from(schema.responses)
			.where(eq(schema.responses.surveyId, survey!.id));
		return { version: version!, rows };
	}

	it('gives the demo survey 2,400 simulated responses once, by web and SMS, in four languages', async () => {
		await seedDemo(db);
		const { version, rows } = await demoResponses();
		expect(rows).toHaveLength(2400);
		expect(rows.every((r) => r.versionId === version.id && r.orgId === version.orgId)).toBe(true);
		expect(new Set(rows.map((r) => r.channel))).toEqual(new Set(['web', 'sms']));
		expect(new Set(rows.map((r) => r.language))).toEqual(new Set(['en', 'fr', 'es', 'ar']));
		const days = rows.map((r) => r.submittedOn).sort();
		expect(days[0]! >= '2025-01-01' && days.at(-1)! <= '2026-11-30').toBe(true);
		expect(rows[0]!.answers).toMatchObject({ safety_check: 'yes', consent: 'yes' });

		await seedDemo(db);
		const again = await demoResponses();
		expect(again.rows.map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
	});
});
