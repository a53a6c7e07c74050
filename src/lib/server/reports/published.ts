import { and, desc, eq, sql } from 'drizzle-orm';
import type { EvaluationKind } from '../../evaluations/model';
import type { Db } from '../db';
import { evaluations, reportRevisions, reports, type ReportRevisionRow } from '../db/schema';

/**
 * Published report revisions: what donors may read. Only rows of report_revisions (frozen,
 * suppressed snapshots) are ever returned here; drafts live in `reports` and never pass through.
 * Whether the reader may see the programme at all is the programme layout's check
 * (findProgramme with the viewer); these functions scope by organisation and programme.
 */

export interface PublishedReport {
	reportId: string;
	evaluationId: string;
	title: string;
	kind: EvaluationKind;
	/** Newest first. */
	revisions: { id: string; number: number; publishedOn: string; changeNote: string }[];
}

export async function listPublished(
	db: Db,
	orgId: string,
	programmeId: string
): Promise<PublishedReport[]> {
	const found = await db
		.select({
			id: reportRevisions.id,
			reportId: reportRevisions.reportId,
			number: reportRevisions.number,
			publishedOn: reportRevisions.publishedOn,
			changeNote: reportRevisions.changeNote,
			title: sql<string>`${reportRevisions.snapshot} ->> 'title'`,
			evaluationId: reports.evaluationId,
			kind: evaluations.kind
		})
		.from(reportRevisions)
		.innerJoin(reports, eq(reports.id, reportRevisions.reportId))
		.innerJoin(evaluations, eq(evaluations.id, reports.evaluationId))
		.where(and(eq(reportRevisions.orgId, orgId), eq(reportRevisions.programmeId, programmeId)))
		.orderBy(desc(reportRevisions.publishedOn), desc(reportRevisions.number));
	const byReport = new Map<string, PublishedReport>();
	for (const r of found) {
		const report = byReport.get(r.reportId) ?? {
			reportId: r.reportId,
			evaluationId: r.evaluationId,
			// The newest revision's title names the report.
			title: r.title,
			kind: r.kind,
			revisions: []
		};
		report.revisions.push({
			id: r.id,
			number: r.number,
			publishedOn: r.publishedOn,
			changeNote: r.changeNote
		});
		byReport.set(r.reportId, report);
	}
	for (const report of byReport.values()) {
		report.revisions.sort((a, b) => b.number - a.number);
		report.title = found.find((r) => r.id === report.revisions[0]!.id)!.title;
	}
	return [...byReport.values()];
}

/** One published revision of a programme's report, or undefined (another programme's, a draft id …). */
export async function findRevision(
	db: Db,
	orgId: string,
	programmeId: string,
	revisionId: string
): Promise<(ReportRevisionRow & { latest: number }) | undefined> {
	const [revision] = await db
		.select({
			row: reportRevisions,
			latest: sql<number>`(select max(r2.number)::int from ${reportRevisions} r2 where r2.report_id = "report_revisions"."report_id")`
		})
		.from(reportRevisions)
		.where(
			and(
				eq(reportRevisions.id, revisionId),
				eq(reportRevisions.orgId, orgId),
				eq(reportRevisions.programmeId, programmeId)
			)
		);
	return revision ? { ...revision.row, latest: revision.latest } : undefined;
}
