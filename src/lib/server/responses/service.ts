import { and, asc, count, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { responses, surveyVersions } from '../db/schema';

/**
 * What staff see of a survey's responses: counts computed in the database (GROUP BY, never every
 * row loaded into Node), one page of the list at a time, and one response with its exact
 * version. Every query is scoped by organisation and survey.
 */

export const RESPONSES_PAGE_SIZE = 50;
/** The by-day breakdown covers the most recent days that had responses, not calendar days. */
export const DAYS_SHOWN = 30;

function scope(orgId: string, surveyId: string, versionId?: string | null): SQL {
	return and(
		eq(responses.orgId, orgId),
		eq(responses.surveyId, surveyId),
		versionId ? eq(responses.versionId, versionId) : undefined
	)!;
}

/** The survey's published versions, newest first, for the version filter. */
export async function listVersionNumbers(
	db: Db,
	orgId: string,
	surveyId: string
): Promise<{ id: string; number: number }[]> {
	return db
		.select({ id: surveyVersions.id, number: surveyVersions.number })
		.from(surveyVersions)
		.where(and(eq(surveyVersions.orgId, orgId), eq(surveyVersions.surveyId, surveyId)))
		.orderBy(desc(surveyVersions.number));
}

export interface ResponseSummary {
	total: number;
	byDay: { day: string; count: number }[];
	byChannel: { channel: 'web' | 'sms'; count: number }[];
	byLanguage: { language: string; count: number }[];
}

/** Totals, and counts by day (newest first), by channel and by language, largest first. */
export async function summarise(
	db: Db,
	orgId: string,
	surveyId: string,
	versionId?: string | null
): Promise<ResponseSummary> {
	const where = scope(orgId, surveyId, versionId);
	const n = count();
	const [totals, byDay, byChannel, byLanguage] = await Promise.all([
		db.select({ total: n }).from(responses).where(where),
		db
			.select({ day: responses.submittedOn, count: n })
			.from(responses)
			.where(where)
			.groupBy(responses.submittedOn)
			.orderBy(desc(responses.submittedOn))
			.limit(DAYS_SHOWN),
		db
			.select({ channel: responses.channel, count: n })
			.from(responses)
			.where(where)
			.groupBy(responses.channel)
			.orderBy(desc(n), asc(responses.channel)),
		db
			.select({ language: responses.language, count: n })
			.from(responses)
			.where(where)
			.groupBy(responses.language)
			.orderBy(desc(n), asc(responses.language))
	]);
	return { total: totals[0]?.total ?? 0, byDay, byChannel, byLanguage };
}

/**
 * One page of responses, newest day first. Responses keep the day only, so the id breaks ties:
 * the order within a day is stable but says nothing about who answered first.
 */
export async function listResponses(
	db: Db,
	orgId: string,
	surveyId: string,
	options: { versionId?: string | null; page?: number } = {}
) {
	const page = Math.max(1, Math.floor(options.page ?? 1));
	return db
		.select({
			id: responses.id,
			submittedOn: responses.submittedOn,
			channel: responses.channel,
			language: responses.language,
			version: surveyVersions.number
		})
		.from(responses)
		.innerJoin(surveyVersions, eq(surveyVersions.id, responses.versionId))
		.where(scope(orgId, surveyId, options.versionId))
		.orderBy(desc(responses.submittedOn), asc(responses.id))
		.limit(RESPONSES_PAGE_SIZE)
		.offset((page - 1) * RESPONSES_PAGE_SIZE);
}

/**
 * The responses page in one call: the version filter (by number; null when the number is not a
 * version of this survey), the summary and one page of the list.
 */
export async function responsesOverview(
	db: Db,
	orgId: string,
	surveyId: string,
	options: { version?: number | null; page?: number } = {}
) {
	const versions = await listVersionNumbers(db, orgId, surveyId);
	const chosen = options.version ? versions.find((v) => v.number === options.version) : undefined;
	if (options.version && !chosen) return null;
	const [summary, rows] = await Promise.all([
		summarise(db, orgId, surveyId, chosen?.id),
		listResponses(db, orgId, surveyId, { versionId: chosen?.id, page: options.page })
	]);
	return {
		versions: versions.map((v) => v.number),
		version: chosen?.number ?? null,
		summary,
		rows,
		pageCount: Math.max(1, Math.ceil(summary.total / RESPONSES_PAGE_SIZE))
	};
}

/** One response of this survey with the instrument of the exact version it was given on. */
export async function findResponse(db: Db, orgId: string, surveyId: string, responseId: string) {
	const [row] = await db
		.select({
			id: responses.id,
			submittedOn: responses.submittedOn,
			channel: responses.channel,
			language: responses.language,
			answers: responses.answers,
			version: surveyVersions.number,
			instrument: surveyVersions.instrument
		})
		.from(responses)
		.innerJoin(surveyVersions, eq(surveyVersions.id, responses.versionId))
		.where(and(scope(orgId, surveyId), eq(responses.id, responseId)));
	return row;
}
