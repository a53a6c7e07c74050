import { and, asc, desc, eq, sql } from 'drizzle-orm';
import * as audit from '../audit/service';
import { hashToken } from '../auth/tokens';
import type { Db } from '../db';
import {
	respondentCodes,
	surveyLinks,
	surveys,
	surveyVersions,
	type Survey,
	type SurveyLink
} from '../db/schema';
import type { Actor } from '../orgs/service';
import type { SurveyLanguage, Text } from '../../survey/model';
import { canonicalCode, dayOf, openSurvey, setLinkStatus } from './service';

/**
 * The manager side of the web channel: a survey's open links, its single-use codes and its help
 * contacts. Every query is scoped by organisation and survey, so an id from another survey or
 * organisation behaves like an unknown one.
 */

const ofSurvey = (orgId: string, surveyId: string) =>
	and(eq(surveyLinks.orgId, orgId), eq(surveyLinks.surveyId, surveyId));

/** The survey's open links, oldest first (the first one made is usually the one printed). */
export async function listLinks(db: Db, orgId: string, surveyId: string): Promise<SurveyLink[]> {
	return db
		.select()
		.from(surveyLinks)
		.where(ofSurvey(orgId, surveyId))
		.orderBy(asc(surveyLinks.createdAt), asc(surveyLinks.id));
}

/** One link of this survey, or undefined. */
export async function findLink(
	db: Db,
	orgId: string,
	surveyId: string,
	linkId: string
): Promise<SurveyLink | undefined> {
	const [link] = await db
		.select()
		.from(surveyLinks)
		.where(and(ofSurvey(orgId, surveyId), eq(surveyLinks.id, linkId)));
	return link;
}

/**
 * Pauses, closes or reopens a link, or sets or clears its last day (the status is kept when only
 * the day is given). False when the link is not this survey's. Reopening a link whose last day
 * has passed also clears that day: otherwise "reopen" would change nothing a respondent sees.
 */
export async function updateLink(
	db: Db,
	actor: Actor,
	orgId: string,
	surveyId: string,
	linkId: string,
	input: { status?: SurveyLink['status']; endsOn?: string | null },
	now = new Date()
): Promise<boolean> {
	const link = await findLink(db, orgId, surveyId, linkId);
	if (!link) return false;
	const status = input.status ?? link.status;
	let endsOn = input.endsOn;
	if (endsOn === undefined && input.status === 'open' && link.endsOn && link.endsOn < dayOf(now))
		endsOn = null;
	return setLinkStatus(db, actor, orgId, link.id, { status, endsOn });
}

export interface CodeCounts {
	available: number;
	used: number;
	revoked: number;
	expired: number;
}

/**
 * How many of the survey's codes are in each state, counted in the database. The states do not
 * overlap: used wins over revoked (it was answered), revoked over expired.
 */
export async function codeCounts(
	db: Db,
	orgId: string,
	surveyId: string,
	now = new Date()
): Promise<CodeCounts> {
	const today = dayOf(now);
	const c = respondentCodes;
	const expired = sql`${c.expiresOn} is not null and ${c.expiresOn} < ${today}::date`;
	const [row] = await db
		.select({
			used: sql<number>`count(*) filter (where ${c.used})`.mapWith(Number),
			revoked: sql<number>`count(*) filter (where not ${c.used} and ${c.revoked})`.mapWith(Number),
			expired:
				sql<number>`count(*) filter (where not ${c.used} and not ${c.revoked} and ${expired})`.mapWith(
					Number
				),
			available:
				sql<number>`count(*) filter (where not ${c.used} and not ${c.revoked} and not (${expired}))`.mapWith(
					Number
				)
		})
		.from(c)
		.where(and(eq(c.orgId, orgId), eq(c.surveyId, surveyId)));
	return row ?? { available: 0, used: 0, revoked: 0, expired: 0 };
}

export type RevokeCodeResult = { ok: true } | { ok: false; error: 'unknown' | 'used' | 'revoked' };

/**
 * Withdraws one typed code of this survey. The audit entry holds a count, never the code: the
 * log is read by people who must not be able to answer in someone's place.
 */
export async function revokeCode(
	db: Db,
	actor: Actor,
	orgId: string,
	surveyId: string,
	code: string
): Promise<RevokeCodeResult> {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.select({
				id: respondentCodes.id,
				used: respondentCodes.used,
				revoked: respondentCodes.revoked
			})
			.from(respondentCodes)
			.where(
				and(
					eq(respondentCodes.codeHash, hashToken(canonicalCode(code))),
					eq(respondentCodes.orgId, orgId),
					eq(respondentCodes.surveyId, surveyId)
				)
			)
			.for('update');
		if (!row) return { ok: false, error: 'unknown' } as const;
		if (row.used) return { ok: false, error: 'used' } as const;
		if (row.revoked) return { ok: false, error: 'revoked' } as const;
		await tx.update(respondentCodes).set({ revoked: true }).where(eq(respondentCodes.id, row.id));
		await audit.record(tx, { orgId, action: 'codes.revoked', actor, details: { count: 1 } });
		return { ok: true } as const;
	});
}

/** Withdraws every code of the survey not yet used (expired ones too); returns how many. */
export async function revokeUnusedCodes(
	db: Db,
	actor: Actor,
	orgId: string,
	surveyId: string
): Promise<number> {
	return db.transaction(async (tx) => {
		const revoked = await tx
			.update(respondentCodes)
			.set({ revoked: true })
			.where(
				and(
					eq(respondentCodes.orgId, orgId),
					eq(respondentCodes.surveyId, surveyId),
					eq(respondentCodes.used, false),
					eq(respondentCodes.revoked, false)
				)
			)
			.returning({ id: respondentCodes.id });
		if (revoked.length > 0)
			await audit.record(tx, {
				orgId,
				action: 'codes.revoked',
				actor,
				details: { count: revoked.length }
			});
		return revoked.length;
	});
}

/**
 * The languages respondents can choose: those of the latest published version, or of the draft
 * while nothing is published (so contacts can be written before the first publication).
 */
export async function surveyLanguages(
	db: Db,
	orgId: string,
	survey: Pick<Survey, 'id' | 'draft'>
): Promise<SurveyLanguage[]> {
	const [latest] = await db
		.select({ instrument: surveyVersions.instrument })
		.from(surveyVersions)
		.where(and(eq(surveyVersions.orgId, orgId), eq(surveyVersions.surveyId, survey.id)))
		.orderBy(desc(surveyVersions.number))
		.limit(1);
	return (latest?.instrument ?? survey.draft).languages;
}

/** The number of the version a link serves today (newest not archived), or null. */
export async function servedVersion(
	db: Db,
	orgId: string,
	surveyId: string
): Promise<number | null> {
	return (await openSurvey(db, surveyId, orgId))?.number ?? null;
}

/** The help contacts shown on the end screen, language → text. */
export async function getHelpContacts(db: Db, orgId: string, surveyId: string): Promise<Text> {
	const [row] = await db
		.select({ helpContacts: surveys.helpContacts })
		.from(surveys)
		.where(and(eq(surveys.orgId, orgId), eq(surveys.id, surveyId)));
	return row?.helpContacts ?? {};
}

/**
 * Replaces the survey's help contacts, for the survey's languages only (others and empty texts
 * are dropped). Contacts are not versioned: a changed phone number shows at once, without
 * publishing. False when the survey is not this organisation's.
 */
export async function saveHelpContacts(
	db: Db,
	actor: Actor,
	orgId: string,
	surveyId: string,
	contacts: Text
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [survey] = await tx
			.select({ id: surveys.id, name: surveys.name, draft: surveys.draft })
			.from(surveys)
			.where(and(eq(surveys.orgId, orgId), eq(surveys.id, surveyId)))
			.for('update');
		if (!survey) return false;
		const languages = new Set((await surveyLanguages(tx, orgId, survey)).map((l) => l.code));
		const kept: Text = {};
		for (const [lang, text] of Object.entries(contacts))
			if (languages.has(lang) && text.trim()) kept[lang] = text.trim();
		await tx.update(surveys).set({ helpContacts: kept }).where(eq(surveys.id, survey.id));
		await audit.record(tx, {
			orgId,
			action: 'survey.help_contacts_changed',
			actor,
			target: survey.name,
			details: { languages: Object.keys(kept).sort().join(', ') }
		});
		return true;
	});
}

/** Everything the distribution page shows about a survey, in one call. */
export async function getDistribution(
	db: Db,
	orgId: string,
	survey: Pick<Survey, 'id' | 'draft'>,
	now = new Date()
) {
	const [links, counts, languages, helpContacts, version] = await Promise.all([
		listLinks(db, orgId, survey.id),
		codeCounts(db, orgId, survey.id, now),
		surveyLanguages(db, orgId, survey),
		getHelpContacts(db, orgId, survey.id),
		servedVersion(db, orgId, survey.id)
	]);
	return { links, counts, languages, helpContacts, servedVersion: version };
}
