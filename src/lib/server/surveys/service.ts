import { and, desc, eq, isNull, max, sql } from 'drizzle-orm';
import * as audit from '../audit/service';
import type { Db } from '../db';
import { surveys, surveyVersions, type Survey, type SurveyVersion } from '../db/schema';
import type { Actor } from '../orgs/service';
import { diffInstruments, sameInstrument, type InstrumentDiff } from '../../survey/diff';
import { allQuestions, type Instrument } from '../../survey/model';
import { instrumentSchema } from '../../survey/schema';
import { starterInstrument } from '../../survey/starter';
import { validateInstrument, type InstrumentIssue } from '../../survey/validate';

export interface SurveySummary {
	id: string;
	name: string;
	questionCount: number;
	languages: string[];
	latestVersion: number | null;
	latestPublishedAt: Date | null;
	draftUpdatedAt: Date;
}

/** The organisation's surveys, most recently edited first. */
export async function listSurveys(db: Db, orgId: string): Promise<SurveySummary[]> {
	const rows = await db
		.select({
			survey: surveys,
			latestVersion: max(surveyVersions.number),
			latestPublishedAt: max(surveyVersions.publishedAt)
		})
		.from(surveys)
		.leftJoin(surveyVersions, eq(surveyVersions.surveyId, surveys.id))
		.where(eq(surveys.orgId, orgId))
		.groupBy(surveys.id)
		.orderBy(desc(surveys.draftUpdatedAt));
	return rows.map(({ survey, latestVersion, latestPublishedAt }) => ({
		id: survey.id,
		name: survey.name,
		questionCount: allQuestions(survey.draft).length,
		languages: survey.draft.languages.map((l) => l.code),
		latestVersion: latestVersion ?? null,
		latestPublishedAt: latestPublishedAt ? new Date(latestPublishedAt) : null,
		draftUpdatedAt: survey.draftUpdatedAt
	}));
}

/** Creates a survey from an instrument (imported) or from the starter (safety check + consent). */
export async function createSurvey(
	db: Db,
	/** Null for the command line, which acts as the system. */
	actor: Actor | null,
	orgId: string,
	input: { name: string; instrument?: Instrument; languages?: string[] }
): Promise<Survey> {
	const instrument =
		input.instrument ?? starterInstrument(formIdFrom(input.name), input.languages ?? ['en']);
	return db.transaction(async (tx) => {
		const [survey] = await tx
			.insert(surveys)
			.values({ orgId, name: input.name, draft: instrument, createdBy: actor?.id ?? null })
			.returning();
		await audit.record(tx, {
			orgId,
			action: input.instrument ? 'survey.imported' : 'survey.created',
			actor,
			target: input.name,
			details: { questions: allQuestions(instrument).length }
		});
		return survey!;
	});
}

/** A survey of this organisation, or undefined (other organisations' ids look like unknown ones). */
export async function findSurvey(db: Db, orgId: string, id: string): Promise<Survey | undefined> {
	const [survey] = await db
		.select()
		.from(surveys)
		.where(and(eq(surveys.id, id), eq(surveys.orgId, orgId)));
	return survey;
}

export async function listVersions(db: Db, orgId: string, surveyId: string) {
	return db
		.select({
			number: surveyVersions.number,
			publishedAt: surveyVersions.publishedAt,
			archivedAt: surveyVersions.archivedAt,
			instrument: surveyVersions.instrument
		})
		.from(surveyVersions)
		.where(and(eq(surveyVersions.surveyId, surveyId), eq(surveyVersions.orgId, orgId)))
		.orderBy(desc(surveyVersions.number));
}

export async function findVersion(
	db: Db,
	orgId: string,
	surveyId: string,
	number: number
): Promise<SurveyVersion | undefined> {
	const [version] = await db
		.select()
		.from(surveyVersions)
		.where(
			and(
				eq(surveyVersions.surveyId, surveyId),
				eq(surveyVersions.orgId, orgId),
				eq(surveyVersions.number, number)
			)
		);
	return version;
}

export type SaveResult =
	| { ok: true; revision: number; issues: InstrumentIssue[] }
	| { ok: false; error: 'notFound' | 'conflict' | 'malformed'; revision?: number };

/**
 * Autosave. The instrument is checked for shape (malformed input stores nothing); problems of
 * meaning are returned for the builder to show but do not block saving a draft.
 */
export async function saveDraft(
	db: Db,
	orgId: string,
	id: string,
	input: { instrument: unknown; revision: number; name?: string }
): Promise<SaveResult> {
	const parsed = instrumentSchema.safeParse(input.instrument);
	if (!parsed.success) return { ok: false, error: 'malformed' };
	const instrument = parsed.data as Instrument;
	const [row] = await db
		.update(surveys)
		.set({
			draft: instrument,
			draftRevision: sql`${surveys.draftRevision} + 1`,
			draftUpdatedAt: new Date(),
			...(input.name ? { name: input.name } : {})
		})
		.where(
			and(eq(surveys.id, id), eq(surveys.orgId, orgId), eq(surveys.draftRevision, input.revision))
		)
		.returning({ revision: surveys.draftRevision });
	if (!row) {
		const current = await findSurvey(db, orgId, id);
		return current
			? { ok: false, error: 'conflict', revision: current.draftRevision }
			: { ok: false, error: 'notFound' };
	}
	return { ok: true, revision: row.revision, issues: validateInstrument(instrument) };
}

export type PublishResult =
	| { ok: true; number: number }
	| { ok: false; error: 'notFound' | 'unchanged' }
	| { ok: false; error: 'invalid'; issues: InstrumentIssue[] };

/** Freezes the draft as the next immutable version, if it is valid and differs from the last. */
export async function publishSurvey(
	db: Db,
	actor: Actor,
	orgId: string,
	id: string
): Promise<PublishResult> {
	return db.transaction(async (tx) => {
		const [survey] = await tx
			.select()
			.from(surveys)
			.where(and(eq(surveys.id, id), eq(surveys.orgId, orgId)))
			.for('update');
		if (!survey) return { ok: false, error: 'notFound' } as const;
		const issues = validateInstrument(survey.draft);
		if (issues.length) return { ok: false, error: 'invalid', issues } as const;
		const [latest] = await tx
			.select()
			.from(surveyVersions)
			.where(eq(surveyVersions.surveyId, id))
			.orderBy(desc(surveyVersions.number))
			.limit(1);
		// Not just an empty diff: a new question order or page condition is a new version too.
		if (latest && sameInstrument(latest.instrument, survey.draft))
			return { ok: false, error: 'unchanged' } as const;
		const number = (latest?.number ?? 0) + 1;
		await tx.insert(surveyVersions).values({
			surveyId: id,
			orgId,
			number,
			instrument: survey.draft,
			publishedBy: actor.id
		});
		await audit.record(tx, {
			orgId,
			action: 'survey.published',
			actor,
			target: survey.name,
			details: { version: number, questions: allQuestions(survey.draft).length }
		});
		return { ok: true, number } as const;
	});
}

/** Closes a version to new answers. It stays readable and exportable for ever. */
export async function archiveVersion(
	db: Db,
	actor: Actor,
	orgId: string,
	surveyId: string,
	number: number
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(surveyVersions)
			.set({ archivedAt: new Date() })
			.where(
				and(
					eq(surveyVersions.surveyId, surveyId),
					eq(surveyVersions.orgId, orgId),
					eq(surveyVersions.number, number),
					isNull(surveyVersions.archivedAt)
				)
			)
			.returning({ number: surveyVersions.number });
		if (!row) return false;
		await audit.record(tx, {
			orgId,
			action: 'survey.version_archived',
			actor,
			target: surveyId,
			details: { version: number }
		});
		return true;
	});
}

/** What changed in the draft since the last published version (null before the first). */
export async function changesSincePublished(
	db: Db,
	orgId: string,
	survey: Survey
): Promise<{ number: number; diff: InstrumentDiff; instrument: Instrument } | null> {
	const [latest] = await listVersions(db, orgId, survey.id);
	if (!latest) return null;
	return {
		number: latest.number,
		instrument: latest.instrument,
		diff: diffInstruments(latest.instrument, survey.draft)
	};
}

/** An XLSForm form_id from a human name: lower-case ASCII words joined by underscores. */
export function formIdFrom(name: string): string {
	const id = name
		.normalize('NFKD')
		.replace(/[^\w\s-]/g, '')
		.trim()
		.toLowerCase()
		.replace(/[\s-]+/g, '_')
		.slice(0, 60);
	return /^[a-z_]/.test(id) ? id : `survey_${id}`;
}
