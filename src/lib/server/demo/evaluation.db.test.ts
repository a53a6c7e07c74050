import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { DAC_CRITERIA } from '../../evaluations/model';
import type { Db } from '../db';
import { codedAnswers, evaluations, recommendations, responses } from '../db/schema';
import { useTestDatabase } from '../db/testing';
import { findOrganisation } from '../orgs/service';
import { listProgrammes } from '../programmes/service';
import { listPublished, findRevision } from '../reports/published';
import { DEMO_EVALUATION_TITLE } from './evaluation';
import { DEMO_PROGRAMME_NAME } from './programme';
import { DEMO_ORG_SLUG, seedDemo } from './seed';
import { PROBLEM_ANSWERS } from './simulate';

let db: Db;
useTestDatabase((d) => {
	db = d.db;
});

describe('the demo evaluation', () => {
	let orgId: string;
	let programmeId: string;

	beforeAll(async () => {
		await seedDemo(db, { password: 'quiet-harbour-lantern-27' });
		orgId = (await findOrganisation(db, DEMO_ORG_SLUG))!.id;
		const viewer = { user: { id: '00000000-0000-0000-0000-000000000000' }, role: 'owner' as const };
		programmeId = (await listProgrammes(db, orgId, viewer)).find(
			(p) => p.name === DEMO_PROGRAMME_NAME
		)!.id;
	}, 120_000);

	it('has a published midline report with ≥ 8 findings across all six criteria', async () => {
		const [report] = await listPublished(db, orgId, programmeId);
		expect(report?.kind).toBe('midline');
		const revision = await findRevision(db, orgId, programmeId, report!.revisions[0]!.id);
		const snapshot = revision!.snapshot;
		expect(snapshot.findings.map((g) => g.criterion)).toEqual([...DAC_CRITERIA]);
		expect(snapshot.findings.flatMap((g) => g.findings).length).toBeGreaterThanOrEqual(8);
		for (const section of ['whatDidNotWork', 'unintendedEffects', 'limitations'] as const)
			expect(snapshot[section].length).toBeGreaterThan(20);
		expect(snapshot.recommendations.length).toBeGreaterThanOrEqual(3);
		expect(snapshot.recommendations.every((r) => r.response !== null)).toBe(true);
		// Theme counts and indicator figures made it into the evidence.
		const evidence = snapshot.findings.flatMap((g) => g.findings.flatMap((f) => f.evidence));
		expect(evidence.some((e) => e.kind === 'theme' && e.figure.shown)).toBe(true);
		expect(evidence.some((e) => e.kind === 'indicator' && e.figure.shown)).toBe(true);
	});

	it('has the simulated open-text answers coded, in several languages', async () => {
		const [evaluation] = await db
			.select()
			.from(evaluations)
			.where(and(eq(evaluations.orgId, orgId), eq(evaluations.title, DEMO_EVALUATION_TITLE)));
		const coded = await db
			.select({ language: responses.language, themes: codedAnswers.themeIds })
			.from(codedAnswers)
			.innerJoin(responses, eq(responses.id, codedAnswers.responseId))
			.where(eq(codedAnswers.evaluationId, evaluation!.id));
		expect(coded.length).toBeGreaterThan(100);
		const languages = new Set(coded.filter((c) => c.themes.length > 0).map((c) => c.language));
		expect([...languages].sort()).toEqual(['ar', 'en', 'es', 'fr']);
		const recs = await db
			.select()
			.from(recommendations)
			.where(eq(recommendations.evaluationId, evaluation!.id));
		expect(recs.every((r) => r.decision !== null)).toBe(true);
	});

	it('puts no respondent’s words in the published report', async () => {
		const [report] = await listPublished(db, orgId, programmeId);
		const revision = await findRevision(db, orgId, programmeId, report!.revisions[0]!.id);
		const text = JSON.stringify(revision!.snapshot);
		const verbatim = Object.values(PROBLEM_ANSWERS).flatMap((t) => Object.values(t).flat());
		expect(verbatim.length).toBeGreaterThan(50);
		expect(verbatim.filter((answer) => text.includes(answer))).toEqual([]);
	});
});
