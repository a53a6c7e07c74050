import { beforeAll, describe, expect, it } from 'vitest';
import { DAC_CRITERIA, type ReportSnapshot, type SnapshotEvidence } from '../../evaluations/model';
import type { Db } from '../db';
import { PROBLEM_ANSWERS } from '../demo/simulate';
import { createEvaluation } from '../evaluations/service';
import { buildSnapshot, type SnapshotOptions } from './snapshot';
import { demoEvaluation } from './test-evaluation';
import { sql } from 'drizzle-orm';
import { rows, testViewer, useTestDatabase } from '../db/testing';
import type { Viewer } from '../auth/viewer';

let db: Db;
useTestDatabase((d) => {
	db = d.db;
});

let demo: Awaited<ReturnType<typeof demoEvaluation>>;
let snapshot: ReportSnapshot;
let manager: Viewer;
const options: SnapshotOptions = { lang: 'en', today: '2026-12-02', revision: 1, changeNote: '' };

/** A snapshot that must build (the tests below read it). */
async function built(viewer: Pick<Viewer, 'org' | 'k'>, extra: Partial<typeof options> = {}) {
	const result = await buildSnapshot(db, viewer, demo.evaluationId, { ...options, ...extra });
	if (!result.ok) throw new Error(`snapshot: ${result.reason}`);
	return result.snapshot;
}

beforeAll(async () => {
	demo = await demoEvaluation(db);
	manager = await testViewer(db, demo.org.id, 'manager');
	snapshot = await built(manager);
}, 120_000);

const evidenceOf = (statement: string): SnapshotEvidence[] =>
	snapshot.findings.flatMap((g) => g.findings).find((f) => f.statement === statement)!.evidence;

/** Every shown figure anywhere in a snapshot (a figure is an object with `shown`). */
function shownFigures(value: unknown, out: { n: number | null }[] = []): { n: number | null }[] {
	if (Array.isArray(value)) for (const v of value) shownFigures(v, out);
	else if (value && typeof value === 'object') {
		const o = value as Record<string, unknown>;
		if (o.shown === true && 'n' in o) out.push(o as { n: number | null });
		for (const v of Object.values(o)) shownFigures(v, out);
	}
	return out;
}

/** Every number anywhere in a value, so a test can say a hidden count appears nowhere. */
function hasNumber(value: unknown): boolean {
	return JSON.stringify(value).match(/"(value|n)":\s*\d/) !== null;
}

describe('buildSnapshot', () => {
	it('groups findings by criterion in DAC order and leaves out criteria without findings', () => {
		expect(snapshot.findings.map((g) => g.criterion)).toEqual([
			'relevance',
			'effectiveness',
			'sustainability'
		]);
		const order = snapshot.findings.map((g) => DAC_CRITERIA.indexOf(g.criterion));
		expect([...order].sort((a, b) => a - b)).toEqual(order);
	});

	it('takes the text of the draft, the evaluation and the programme', async () => {
		expect(snapshot).toMatchObject({
			version: 1,
			lang: 'en',
			title: 'Midline review 2026',
			limitations: 'Only people still in touch with the programme answered.',
			k: 5,
			revision: 1,
			publishedOn: '2026-12-02',
			evaluation: {
				kind: 'midline',
				surveys: ['Programme feedback (demo)'],
				methodology: 'Survivor feedback survey, coded open text, indicator trends.'
			},
			programme: { name: 'Safe Futures 2025–2026' }
		});
		// Released periods only: the quarter in progress on publication day is not in the report.
		expect(snapshot.through).toBe('2026-09-30');
		const [released] = await rows<{ n: number }>(
			db.execute(sql`select count(*)::int as n from responses
				where survey_id = ${demo.surveyId} and submitted_on <= '2026-09-30'`)
		);
		expect(released!.n).toBeGreaterThan(1500);
		expect(snapshot.evaluation.responses).toEqual({
			shown: true,
			value: released!.n,
			n: released!.n
		});
		expect(snapshot.recommendations).toEqual([
			{
				text: 'Offer evening appointments.',
				priority: 'high',
				addressedTo: 'Programme manager',
				dueOn: '2027-03-31',
				response: {
					decision: 'accepted',
					action: 'Open Tuesday evenings.',
					owner: 'Site coordinator',
					respondedOn: '2026-11-20',
					state: 'inProgress'
				}
			}
		]);
	});

	it('writes the logframe in reading order with its depth and level names', () => {
		expect(snapshot.logframe[0]).toMatchObject({ level: 'goal', label: 'Goal', depth: 0 });
		expect(snapshot.logframe.filter((n) => n.level === 'outcome').every((n) => n.depth === 1)).toBe(
			true
		);
		expect(snapshot.logframe).toHaveLength(demo.nodeCount);
	});

	it('resolves an indicator by period, with its trend and a breakdown, as donors see it', () => {
		const [byPeriod, toDate] = evidenceOf('Survivors feel safer over time.');
		expect(byPeriod).toMatchObject({
			kind: 'indicator',
			code: 'OC1.1',
			period: '2026-Q2',
			periodLabel: 'Q2 2026',
			figure: { shown: true }
		});
		if (byPeriod?.kind !== 'indicator' || toDate?.kind !== 'indicator') throw new Error('kind');
		expect(byPeriod.figure.shown && byPeriod.figure.n).toBeGreaterThanOrEqual(5);
		expect(byPeriod.trend.map((p) => p.key)).toEqual([
			'2025-Q1',
			'2025-Q2',
			'2025-Q3',
			'2025-Q4',
			'2026-Q1',
			'2026-Q2',
			'2026-Q3'
		]);
		expect(byPeriod.breakdown).toMatchObject({ dimension: 'gender', label: expect.any(String) });
		expect(byPeriod.breakdown!.cells.map((c) => c.label)).toContain('Woman');
		for (const cell of byPeriod.breakdown!.cells)
			if (cell.figure.shown) expect(cell.figure.n).toBeGreaterThanOrEqual(5);
		expect(toDate).toMatchObject({
			period: 'all',
			periodLabel: 'Programme to date',
			breakdown: null
		});
	});

	it('shows theme counts from k and hides smaller ones without any number', async () => {
		const [work, reprisal] = evidenceOf('Appointment times clash with work.');
		// Coded answers of released periods only.
		const [coded] = await rows<{ n: number }>(
			db.execute(sql`select count(distinct ca.response_id)::int as n from coded_answers ca
				join responses r on r.id = ca.response_id
				where ca.theme_ids ? ${demo.themes.work.id} and r.submitted_on <= '2026-09-30'`)
		);
		expect(coded!.n).toBeGreaterThanOrEqual(5);
		expect(work).toMatchObject({
			kind: 'theme',
			name: 'Clashes with work',
			figure: { shown: true, value: coded!.n, n: coded!.n },
			breakdown: { dimension: 'language' }
		});
		// Two answers: under k, so the count is gone, not merely flagged.
		expect(reprisal).toEqual({
			kind: 'theme',
			name: 'Fear of reprisal',
			figure: { shown: false },
			breakdown: null
		});
		expect(hasNumber(reprisal)).toBe(false);
	});

	it('keeps paraphrases as the analyst wrote them', () => {
		expect(evidenceOf('Income gains are fragile.')).toEqual([
			{ kind: 'paraphrase', text: 'Several people said income stopped.' }
		]);
	});

	it('has an annex row for every indicator with baseline, target and the latest shown figure', () => {
		expect(snapshot.annex).toHaveLength(demo.indicatorCount);
		const safety = snapshot.annex.find((r) => r.code === 'OC1.1')!;
		expect(safety).toMatchObject({
			level: 'outcome',
			baseline: 5.2,
			target: 7,
			latest: { shown: true },
			latestPeriod: 'Q3 2026'
		});
		expect(safety.progress).not.toBeNull();
		for (const row of snapshot.annex)
			if (row.latest.shown && row.latest.n !== null) expect(row.latest.n).toBeGreaterThanOrEqual(5);
	});

	it('contains no open-text answer of any respondent, in any language', () => {
		const text = JSON.stringify(snapshot);
		const answers = Object.values(PROBLEM_ANSWERS).flatMap((byTheme) =>
			Object.values(byTheme).flat()
		);
		expect(answers.length).toBeGreaterThan(100);
		// Short generic answers ("No problems") are left out: a theme could be named like them.
		for (const answer of answers.filter((a) => a.length > 20))
			expect(text, answer).not.toContain(answer);
	});

	it('writes labels and period names in the report language', async () => {
		const ar = await built(manager, { lang: 'ar' });
		expect(ar.lang).toBe('ar');
		expect(ar.logframe[0]!.label).not.toBe('Goal');
		const [byPeriod] = ar.findings.find((g) => g.criterion === 'effectiveness')!.findings[0]!
			.evidence;
		expect(byPeriod).toMatchObject({ kind: 'indicator' });
		if (byPeriod?.kind !== 'indicator') throw new Error('kind');
		expect(byPeriod.periodLabel).not.toBe('Q2 2026');
		expect(byPeriod.breakdown!.cells.map((c) => c.label)).toContain('امرأة');
	});

	it.each([5, 20])('shows no figure of fewer than k = %i people anywhere', async (k) => {
		const withK = await built({ ...manager, k });
		const figures = shownFigures(withK);
		// Enough shown figures for the check to mean something (far fewer pass k = 20).
		expect(figures.length).toBeGreaterThan(k === 20 ? 15 : 30);
		for (const figure of figures) if (figure.n !== null) expect(figure.n).toBeGreaterThanOrEqual(k);
		// k = 20 hides more than k = 5 does (the test can tell the difference).
		expect(JSON.stringify(withK).split('"shown":false').length).toBeGreaterThan(
			k === 20 ? JSON.stringify(snapshot).split('"shown":false').length : 0
		);
	});

	it('builds for an evaluation that reads no survey (nothing to count, nothing to protect)', async () => {
		const bare = await createEvaluation(db, demo.actor, demo.org.id, demo.programmeId, {
			kind: 'adhoc',
			title: 'Desk review',
			startsOn: '2025-01-01',
			endsOn: '2026-06-30',
			purpose: '',
			methodology: '',
			limitations: '',
			surveyIds: []
		});
		const result = await buildSnapshot(db, manager, bare.id, options);
		expect(result.ok).toBe(true);
		if (result.ok) expect(result.snapshot.evaluation.responses).toEqual({ shown: false });
	});

	it('answers nothing for another organisation', async () => {
		const stranger = {
			...manager,
			org: { ...manager.org, id: '00000000-0000-4000-8000-000000000000' }
		};
		expect(await buildSnapshot(db, stranger, demo.evaluationId, options)).toEqual({
			ok: false,
			reason: 'notFound'
		});
	});
});
