import { and, eq } from 'drizzle-orm';
import { summaryFits } from '../../schemas/summaries';
import * as audit from '../audit/service';
import type { Db } from '../db';
import { surveys, surveySummaries } from '../db/schema';
import type { Actor } from '../orgs/service';
import { surveyLanguages } from '../respond/distribution';

/**
 * "What we heard, what we are changing": the short note per survey language shown on the end
 * screen (and sendable by SMS). survey_summaries has no organisation column, so every statement
 * goes through the survey row of this organisation: a survey id of another organisation reads
 * nothing and writes nothing.
 */

/** The survey's notes, language → text (only languages that have one). */
export async function getSummaries(
	db: Db,
	orgId: string,
	surveyId: string
): Promise<Record<string, string>> {
	const found = await db
		.select({ language: surveySummaries.language, text: surveySummaries.text })
		.from(surveySummaries)
		.innerJoin(surveys, eq(surveys.id, surveySummaries.surveyId))
		.where(and(eq(surveys.orgId, orgId), eq(surveySummaries.surveyId, surveyId)));
	return Object.fromEntries(found.map((r) => [r.language, r.text]));
}

/** The note in one language for the end screen, or '' when none was written in it. */
export async function getSummary(
	db: Db,
	orgId: string,
	surveyId: string,
	language: string
): Promise<string> {
	const [row] = await db
		.select({ text: surveySummaries.text })
		.from(surveySummaries)
		.innerJoin(surveys, eq(surveys.id, surveySummaries.surveyId))
		.where(
			and(
				eq(surveys.orgId, orgId),
				eq(surveySummaries.surveyId, surveyId),
				eq(surveySummaries.language, language)
			)
		);
	return row?.text ?? '';
}

/**
 * The note for a respondent's end screen. The survey id is the one the server resolved from the
 * link or code being answered (never one the browser names), so, like the help contacts beside
 * it, it is read even after the code was used or the link paused.
 */
export async function summaryForRespondent(
	db: Db,
	surveyId: string,
	language: string
): Promise<string> {
	const [row] = await db
		.select({ text: surveySummaries.text })
		.from(surveySummaries)
		.where(and(eq(surveySummaries.surveyId, surveyId), eq(surveySummaries.language, language)));
	return row?.text ?? '';
}

export type SetSummariesResult =
	{ ok: true; changed: string[] } | { ok: false; error: 'notFound' | 'tooLong' };

/**
 * Writes the notes given (language → text) for the survey's own languages: an empty text deletes
 * that language's note, languages the survey does not offer are ignored. One audit event per
 * language that changed, naming only the language: the text is staff-written and visible on the
 * page anyway, and the log stays free of anything that could be pasted from an answer.
 */
export async function setSummaries(
	db: Db,
	actor: Actor,
	orgId: string,
	surveyId: string,
	texts: Record<string, string>
): Promise<SetSummariesResult> {
	// The route's schema checks this too; the service refuses on its own so no caller can store
	// a note that would not fit the follow-up message.
	if (Object.values(texts).some((text) => !summaryFits(text.trim())))
		return { ok: false, error: 'tooLong' };
	return db.transaction(async (tx) => {
		const [survey] = await tx
			.select({ id: surveys.id, name: surveys.name, draft: surveys.draft })
			.from(surveys)
			.where(and(eq(surveys.orgId, orgId), eq(surveys.id, surveyId)))
			.for('update');
		if (!survey) return { ok: false, error: 'notFound' } as const;
		const offered = new Set((await surveyLanguages(tx, orgId, survey)).map((l) => l.code));
		const before = await getSummaries(tx, orgId, surveyId);
		const changed: string[] = [];
		for (const [language, raw] of Object.entries(texts)) {
			if (!offered.has(language)) continue;
			const text = raw.trim();
			if ((before[language] ?? '') === text) continue;
			changed.push(language);
			if (!text) {
				await tx
					.delete(surveySummaries)
					.where(
						and(eq(surveySummaries.surveyId, surveyId), eq(surveySummaries.language, language))
					);
			} else {
				await tx
					.insert(surveySummaries)
					.values({ surveyId, language, text })
					.onConflictDoUpdate({
						target: [surveySummaries.surveyId, surveySummaries.language],
						set: { text, updatedAt: new Date() }
					});
			}
		}
		await audit.record(
			tx,
			...changed.map((language) => ({
				orgId,
				action: 'survey.summary_changed' as const,
				actor,
				target: survey.name,
				details: { language }
			}))
		);
		return { ok: true, changed } as const;
	});
}
