import { and, count, desc, eq } from 'drizzle-orm';
import {
	DAC_CRITERIA,
	publicationProblems,
	type DacCriterion,
	type ReportStatus,
	type ReportText
} from '../../evaluations/model';
import { isUiLanguage, type UiLanguage } from '../../i18n/languages';
import { record } from '../audit/service';
import type { Db } from '../db';
import {
	evaluations,
	findings,
	indicators,
	recommendations,
	reportRevisions,
	reports,
	type ReportRow
} from '../db/schema';
import type { Viewer } from '../auth/viewer';
import type { Actor } from '../orgs/service';
import { buildSnapshot } from './snapshot';

/**
 * The report of an evaluation and its workflow (issue 7): draft → in review → published, and a
 * correction back to draft for the next revision. Publishing freezes a snapshot into an
 * immutable revision in the same transaction as its audit event. Every statement is scoped by
 * organisation; which role may call what is the routes' business (reports.publish,
 * evaluations.edit).
 */

export type Problem = ReturnType<typeof publicationProblems>[number];

export interface ReportState {
	report: ReportRow;
	/** The number the next publication gets (1 for a report never published). */
	next: number;
	/** The newest published revision, if any. */
	latest: { id: string; number: number; publishedOn: string } | null;
	findings: number;
	/** What blocks sending for review (and publishing) right now. */
	problems: Problem[];
}

export interface ReportInput extends ReportText {
	language: UiLanguage;
	changeNote: string;
}

export type WorkflowResult =
	| { ok: true; revision?: { id: string; number: number } }
	| { ok: false; reason: 'notFound' }
	/** The figures' release cannot be made safe: publication refused, nothing stored. */
	| { ok: false; reason: 'unsafe' }
	| { ok: false; reason: 'status'; status: ReportStatus }
	| { ok: false; reason: 'problems'; problems: Problem[] };

function textOf(report: ReportRow): ReportText {
	return {
		title: report.title,
		summary: report.summary,
		whatDidNotWork: report.whatDidNotWork,
		unintendedEffects: report.unintendedEffects,
		limitations: report.limitations
	};
}

async function findingCount(db: Db, orgId: string, evaluationId: string): Promise<number> {
	const [found] = await db
		.select({ n: count() })
		.from(findings)
		.where(and(eq(findings.evaluationId, evaluationId), eq(findings.orgId, orgId)));
	return found?.n ?? 0;
}

async function latestRevision(db: Db, orgId: string, reportId: string) {
	const [latest] = await db
		.select({
			id: reportRevisions.id,
			number: reportRevisions.number,
			publishedOn: reportRevisions.publishedOn
		})
		.from(reportRevisions)
		.where(and(eq(reportRevisions.reportId, reportId), eq(reportRevisions.orgId, orgId)))
		.orderBy(desc(reportRevisions.number))
		.limit(1);
	return latest ?? null;
}

async function stateOf(db: Db, orgId: string, report: ReportRow): Promise<ReportState> {
	const [latest, n] = await Promise.all([
		latestRevision(db, orgId, report.id),
		findingCount(db, orgId, report.evaluationId)
	]);
	const next = (latest?.number ?? 0) + 1;
	return {
		report,
		next,
		latest,
		findings: n,
		problems: publicationProblems(textOf(report), n, { next, changeNote: report.changeNote })
	};
}

/**
 * The evaluation's report with its workflow state, created as a draft on first access (titled
 * like the evaluation, its limitations prefilled from the evaluation's); undefined when the
 * evaluation is not the organisation's.
 */
export async function reportOf(
	db: Db,
	orgId: string,
	evaluationId: string
): Promise<ReportState | undefined> {
	const [evaluation] = await db
		.select({
			title: evaluations.title,
			limitations: evaluations.limitations
		})
		.from(evaluations)
		.where(and(eq(evaluations.id, evaluationId), eq(evaluations.orgId, orgId)));
	if (!evaluation) return undefined;
	// Two first visits at once insert one row: the second does nothing and reads the first's.
	await db
		.insert(reports)
		.values({
			orgId,
			evaluationId,
			title: evaluation.title,
			limitations: evaluation.limitations
		})
		.onConflictDoNothing({ target: reports.evaluationId });
	const [report] = await db
		.select()
		.from(reports)
		.where(and(eq(reports.evaluationId, evaluationId), eq(reports.orgId, orgId)));
	return report ? stateOf(db, orgId, report) : undefined;
}

/** The report row, locked for the rest of the transaction so two workflow steps cannot cross. */
async function lockReport(tx: Db, orgId: string, evaluationId: string) {
	const [report] = await tx
		.select()
		.from(reports)
		.where(and(eq(reports.evaluationId, evaluationId), eq(reports.orgId, orgId)))
		.for('update');
	return report;
}

/** Saves the draft's text, language and change note; refused once it has left draft. */
export async function saveReportText(
	db: Db,
	orgId: string,
	evaluationId: string,
	input: ReportInput
): Promise<WorkflowResult> {
	if (!isUiLanguage(input.language)) throw new Error(`not a report language: ${input.language}`);
	return db.transaction(async (tx) => {
		const report = await lockReport(tx, orgId, evaluationId);
		if (!report) return { ok: false, reason: 'notFound' };
		if (report.status !== 'draft') return { ok: false, reason: 'status', status: report.status };
		await tx
			.update(reports)
			.set({
				title: input.title,
				summary: input.summary,
				whatDidNotWork: input.whatDidNotWork,
				unintendedEffects: input.unintendedEffects,
				limitations: input.limitations,
				language: input.language,
				changeNote: input.changeNote,
				updatedAt: new Date()
			})
			.where(eq(reports.id, report.id));
		return { ok: true };
	});
}

/** Moves the report from one status to another, with the audit event; `check` may refuse. */
async function move(
	db: Db,
	actor: Actor,
	orgId: string,
	evaluationId: string,
	from: ReportStatus,
	to: ReportStatus,
	check?: (tx: Db, report: ReportRow) => Promise<Problem[]>
): Promise<WorkflowResult> {
	return db.transaction(async (tx) => {
		const report = await lockReport(tx, orgId, evaluationId);
		if (!report) return { ok: false, reason: 'notFound' };
		if (report.status !== from) return { ok: false, reason: 'status', status: report.status };
		const problems = check ? await check(tx, report) : [];
		if (problems.length) return { ok: false, reason: 'problems', problems };
		await tx
			.update(reports)
			.set({ status: to, updatedAt: new Date() })
			.where(eq(reports.id, report.id));
		await record(tx, {
			orgId,
			action: 'report.status_changed',
			actor,
			target: report.id,
			details: { title: report.title, from, to }
		});
		return { ok: true };
	});
}

async function problemsOf(tx: Db, orgId: string, report: ReportRow): Promise<Problem[]> {
	return (await stateOf(tx, orgId, report)).problems;
}

/** Draft → in review, unless something required is missing (the problems are returned). */
export function submitForReview(db: Db, actor: Actor, orgId: string, evaluationId: string) {
	return move(db, actor, orgId, evaluationId, 'draft', 'review', (tx, report) =>
		problemsOf(tx, orgId, report)
	);
}

/** In review → draft, for more work. */
export function returnToDraft(db: Db, actor: Actor, orgId: string, evaluationId: string) {
	return move(db, actor, orgId, evaluationId, 'review', 'draft');
}

/** Published → draft: the text can change again, and the next publication is a new revision. */
export function startCorrection(db: Db, actor: Actor, orgId: string, evaluationId: string) {
	return move(db, actor, orgId, evaluationId, 'published', 'draft');
}

/**
 * In review → published: the snapshot is built and stored as revision n + 1 in one transaction
 * with the report's new status and the `report.published` event, so a revision either exists
 * with its audit trail or not at all. Refused (`unsafe`) when the release its figures belong to
 * cannot be made safe. The change note is consumed: a later correction writes its own.
 */
export async function publish(
	db: Db,
	viewer: Pick<Viewer, 'user' | 'org' | 'k'>,
	evaluationId: string,
	options: { today: string; maxRounds?: number }
): Promise<WorkflowResult> {
	const actor = viewer.user;
	const orgId = viewer.org.id;
	return db.transaction(async (tx) => {
		const report = await lockReport(tx, orgId, evaluationId);
		if (!report) return { ok: false, reason: 'notFound' };
		if (report.status !== 'review') return { ok: false, reason: 'status', status: report.status };
		const state = await stateOf(tx, orgId, report);
		if (state.problems.length) return { ok: false, reason: 'problems', problems: state.problems };
		const [evaluation] = await tx
			.select({ programmeId: evaluations.programmeId })
			.from(evaluations)
			.where(and(eq(evaluations.id, evaluationId), eq(evaluations.orgId, orgId)));
		const changeNote = state.next > 1 ? report.changeNote.trim() : '';
		const built = await buildSnapshot(tx, viewer, evaluationId, {
			lang: isUiLanguage(report.language) ? report.language : 'en',
			today: options.today,
			revision: state.next,
			changeNote,
			maxRounds: options.maxRounds
		});
		if (!evaluation) return { ok: false, reason: 'notFound' };
		if (!built.ok) return built;
		const snapshot = built.snapshot;
		const [revision] = await tx
			.insert(reportRevisions)
			.values({
				orgId,
				reportId: report.id,
				programmeId: evaluation.programmeId,
				number: state.next,
				snapshot,
				changeNote,
				publishedBy: actor.id,
				publishedOn: options.today
			})
			.returning({ id: reportRevisions.id, number: reportRevisions.number });
		await tx
			.update(reports)
			.set({ status: 'published', changeNote: '', updatedAt: new Date() })
			.where(eq(reports.id, report.id));
		await record(tx, {
			orgId,
			action: 'report.published',
			actor,
			target: revision!.id,
			details: { title: snapshot.title, revision: state.next, language: snapshot.lang }
		});
		return { ok: true, revision: revision! };
	});
}

/** A donor opened a published revision: the audit log says who read which revision. */
export async function recordView(
	db: Db,
	actor: Actor,
	orgId: string,
	revision: { id: string; number: number }
): Promise<void> {
	await record(db, {
		orgId,
		action: 'report.viewed',
		actor,
		target: revision.id,
		details: { revision: revision.number }
	});
}

/** What the report will contain, in counts, for the editor's preview. */
export interface ReportPreview {
	findings: { criterion: DacCriterion; count: number }[];
	recommendations: number;
	annexRows: number;
}

export async function previewOf(
	db: Db,
	orgId: string,
	evaluationId: string,
	programmeId: string
): Promise<ReportPreview> {
	const [byCriterion, [recs], [annex]] = await Promise.all([
		db
			.select({ criterion: findings.criterion, n: count() })
			.from(findings)
			.where(and(eq(findings.evaluationId, evaluationId), eq(findings.orgId, orgId)))
			.groupBy(findings.criterion),
		db
			.select({ n: count() })
			.from(recommendations)
			.where(and(eq(recommendations.evaluationId, evaluationId), eq(recommendations.orgId, orgId))),
		db
			.select({ n: count() })
			.from(indicators)
			.where(and(eq(indicators.programmeId, programmeId), eq(indicators.orgId, orgId)))
	]);
	const counts = new Map(byCriterion.map((c) => [c.criterion, c.n]));
	return {
		findings: DAC_CRITERIA.map((criterion) => ({ criterion, count: counts.get(criterion) ?? 0 })),
		recommendations: recs?.n ?? 0,
		annexRows: annex?.n ?? 0
	};
}
