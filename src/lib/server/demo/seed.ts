import { count } from 'drizzle-orm';
import { createUser, findUserByEmail } from '../auth/service';
import { generatePassword } from '../auth/tokens';
import type { Db } from '../db';
import { memberships, organisations, smsChannels } from '../db/schema';
import { encryptSecret } from '../secret';
import { createOrganisation, findOrganisation } from '../orgs/service';
import { seededRandom, type Random } from './random';
import { DEMO_PROGRAMME_NAME, seedDemoProgramme } from './programme';
import { listProgrammes, setDonors } from '../programmes/service';
import { seedDemoEvaluation } from './evaluation';
import { seedDemoResponses } from './responses';
import { DEMO_SURVEY } from './survey';
import { saveHelpContacts } from '../respond/distribution';
import { createLink } from '../respond/service';
import { createSurvey, listSurveys, publishSurvey } from '../surveys/service';

export const DEMO_ORG_SLUG = 'demo';
export const DEMO_EMAIL = 'demo@heard.example';
const DEMO_SEED = 20_161_101;

export interface DemoCredentials {
	email: string;
	/** Null when the account already existed (its password is not ours to know). */
	password: string | null;
	/** The demo donor, attached to the demo programme: what a funder sees. */
	donor?: { email: string; password: string | null };
}

export const DEMO_DONOR_EMAIL = 'donor@heard.example';

/**
 * Seeds the demo organisation. Deterministic apart from the generated password: each step
 * takes the shared seeded random source, and later issues add their steps (survey, programme,
 * simulated responses) to the list below.
 */
export async function seedDemo(
	db: Db,
	options: { email?: string; password?: string } = {}
): Promise<DemoCredentials> {
	const random = seededRandom(DEMO_SEED);
	const credentials = await seedOwner(db, options);
	const context: DemoContext = { db, random, ownerEmail: credentials.email };
	for (const step of DEMO_STEPS) await step(context);
	const donor = await seedDonor(db, credentials.email);
	return donor ? { ...credentials, donor } : credentials;
}

export interface DemoContext {
	db: Db;
	random: Random;
	ownerEmail: string;
}

const DEMO_STEPS: ((context: DemoContext) => Promise<void>)[] = [
	seedOrganisation,
	seedSurvey,
	seedDemoResponses,
	seedDemoProgramme,
	seedDemoEvaluation
];

async function seedOwner(
	db: Db,
	options: { email?: string; password?: string }
): Promise<DemoCredentials> {
	const email = (options.email ?? DEMO_EMAIL).toLowerCase();
	if (await findUserByEmail(db, email)) return { email, password: null };
	const password = options.password ?? generatePassword();
	const created = await createUser(db, { email, password, displayName: 'Demo owner' });
	if (!created.ok) throw new Error(`Cannot create the demo account: ${created.error}`);
	return { email, password };
}

/**
 * A donor member attached to the demo programme, so anyone can see what a funder sees: the
 * portal, the suppressed dashboard and the published report, nothing else.
 */
async function seedDonor(db: Db, ownerEmail: string): Promise<DemoCredentials['donor'] | null> {
	const org = await findOrganisation(db, DEMO_ORG_SLUG);
	const owner = await findUserByEmail(db, ownerEmail);
	if (!org || !owner) return null;
	const programme = (await listProgrammes(db, org.id, { user: owner, role: 'owner' })).find(
		(p) => p.name === DEMO_PROGRAMME_NAME
	);
	if (!programme || (await findUserByEmail(db, DEMO_DONOR_EMAIL))) return null;
	const password = generatePassword();
	const created = await createUser(db, {
		email: DEMO_DONOR_EMAIL,
		password,
		displayName: 'Demo donor'
	});
	if (!created.ok) throw new Error(`Cannot create the demo donor: ${created.error}`);
	await db.insert(memberships).values({ orgId: org.id, userId: created.user.id, role: 'donor' });
	const actor = { id: owner.id, email: owner.email };
	await setDonors(db, actor, org.id, programme.id, [created.user.id]);
	return { email: DEMO_DONOR_EMAIL, password };
}

async function seedOrganisation({ db, ownerEmail }: DemoContext) {
	if (await findOrganisation(db, DEMO_ORG_SLUG)) return;
	const owner = await findUserByEmail(db, ownerEmail);
	const created = await createOrganisation(
		db,
		{ slug: DEMO_ORG_SLUG, name: 'Safe Futures Programme (demo)' },
		owner ? { id: owner.id, email: owner.email } : undefined
	);
	if (!created.ok) throw new Error('Cannot create the demo organisation');
}

export const DEMO_SURVEY_NAME = 'Programme feedback (demo)';

/** The demo's published programme-feedback survey, version 1, in en/fr/es/ar. */
async function seedSurvey({ db, ownerEmail }: DemoContext) {
	const org = await findOrganisation(db, DEMO_ORG_SLUG);
	const owner = await findUserByEmail(db, ownerEmail);
	if (!org || !owner) return;
	if ((await listSurveys(db, org.id)).some((s) => s.name === DEMO_SURVEY_NAME)) return;
	const actor = { id: owner.id, email: owner.email };
	const survey = await createSurvey(db, actor, org.id, {
		name: DEMO_SURVEY_NAME,
		instrument: structuredClone(DEMO_SURVEY)
	});
	const published = await publishSurvey(db, actor, org.id, survey.id);
	if (!published.ok) throw new Error(`Cannot publish the demo survey: ${published.error}`);
	// The demo's open link is /s/demo (real links get random, topic-free slugs).
	await createLink(db, actor, org.id, survey.id, { slug: 'demo' });
	await saveHelpContacts(db, actor, org.id, survey.id, DEMO_HELP_CONTACTS);
	await seedSmsChannel(db, org.id, survey.id);
}

/**
 * The demo channel's auth token (32 hex characters, like Twilio's) when TWILIO_AUTH_TOKEN is not
 * set at the first start: sign test webhooks with it (README).
 */
export const DEMO_TWILIO_AUTH_TOKEN = '0123456789abcdef0123456789abcdef';

/** The demo's SMS channel `demo`: webhook /api/sms/twilio/demo, keyword HELLO. */
async function seedSmsChannel(db: Db, orgId: string, surveyId: string) {
	await db
		.insert(smsChannels)
		.values({
			id: 'demo',
			orgId,
			surveyId,
			senderNumber: '+15005550006',
			accountId: 'AC' + '0'.repeat(32),
			authTokenEncrypted: await encryptSecret(
				db,
				'sms-auth-token',
				process.env.TWILIO_AUTH_TOKEN || DEMO_TWILIO_AUTH_TOKEN
			),
			keyword: 'HELLO',
			panicWord: 'BANANA'
		})
		.onConflictDoNothing();
}

/** Neutral wording: the end screen may be seen by someone else (DOMAIN.md). */
const DEMO_HELP_CONTACTS = {
	en: 'Our team, Monday to Friday, 9:00–17:00: +000 000 0000 (call or text).\nIn an emergency, call 112.',
	fr: 'Notre équipe, du lundi au vendredi, 9 h–17 h : +000 000 0000 (appel ou SMS).\nEn cas d’urgence, appelez le 112.',
	es: 'Nuestro equipo, de lunes a viernes, de 9:00 a 17:00: +000 000 0000 (llamada o mensaje).\nEn caso de emergencia, llame al 112.',
	ar: 'فريقنا، من الاثنين إلى الجمعة، من 9:00 إلى 17:00: ‎+000 000 0000 (اتصال أو رسالة).\nفي حالات الطوارئ، اتصل بالرقم 112.'
};

export async function isEmpty(db: Db): Promise<boolean> {
	const [row] = await db.select({ n: count() }).from(organisations);
	return (row?.n ?? 0) === 0;
}
