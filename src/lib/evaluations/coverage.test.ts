import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IndicatorDefinition, Level, Logframe, LogframeNode } from '../programmes/model';
import { coverage, type CoverageFinding, type CoverageQuestion } from './coverage';
import { DAC_CRITERIA, type DacCriterion, type EvidenceRef } from './model';

function node(id: string, level: Level, parentId: string | null, position = 0): LogframeNode {
	return {
		id,
		parentId,
		level,
		code: id.toUpperCase(),
		narrative: `n ${id}`,
		assumptions: '',
		position
	};
}

function indicator(id: string, nodeId: string): IndicatorDefinition {
	return {
		id,
		nodeId,
		code: id,
		statement: id,
		unit: '%',
		kind: 'percentInSet',
		direction: 'increase',
		baselineValue: null,
		baselineDate: null,
		target: null,
		milestones: {},
		disaggregations: [],
		meansOfVerification: '',
		source: 'survey',
		surveyIds: [],
		rule: null,
		libraryId: null,
		position: 0
	};
}

/**
 * goal g → outcomes o1 (output p1 → activity a1) and o2 (output p2); indicators: io1 on o1, ip1
 * on p1, ia1 on a1, io2 on o2, ig on the goal.
 */
const logframe = (): Logframe => ({
	nodes: [
		node('g', 'goal', null),
		node('o1', 'outcome', 'g', 0),
		node('o2', 'outcome', 'g', 1),
		node('p1', 'output', 'o1'),
		node('a1', 'activity', 'p1'),
		node('p2', 'output', 'o2')
	],
	indicators: [
		indicator('io1', 'o1'),
		indicator('ip1', 'p1'),
		indicator('ia1', 'a1'),
		indicator('io2', 'o2'),
		indicator('ig', 'g')
	]
});

const question = (
	id: string,
	criterion: DacCriterion,
	nodeIds: string[] = [],
	indicatorIds: string[] = []
): CoverageQuestion => ({ id, criterion, nodeIds, indicatorIds });

const figure = (indicatorId: string, period = 'all'): EvidenceRef => ({
	kind: 'indicator',
	indicatorId,
	period,
	dimension: null
});
const theme: EvidenceRef = { kind: 'theme', themeId: 't1', dimension: null };
const paraphrase: EvidenceRef = { kind: 'paraphrase', text: 'People said waiting was long.' };

const finding = (
	id: string,
	criterion: DacCriterion,
	evidence: EvidenceRef[] = [],
	questionId: string | null = null
): CoverageFinding => ({ id, criterion, questionId, evidence });

const run = (questions: CoverageQuestion[], findings: CoverageFinding[], lf = logframe()) =>
	coverage({ criteria: DAC_CRITERIA, logframe: lf, questions, findings });

describe('coverage by criterion', () => {
	it('flags every criterion when nothing has been asked or found', () => {
		const result = run([], []);
		expect(result.criteria.map((c) => c.criterion)).toEqual([...DAC_CRITERIA]);
		for (const c of result.criteria)
			expect(c).toMatchObject({
				questions: [],
				findings: [],
				evidence: 0,
				noQuestion: true,
				noEvidence: true
			});
	});

	it('counts questions, findings and each piece of evidence under their own criterion', () => {
		const result = run(
			[question('q1', 'relevance'), question('q2', 'relevance'), question('q3', 'impact')],
			[
				finding('f1', 'relevance', [figure('io1'), theme]),
				finding('f2', 'relevance', [paraphrase]),
				finding('f3', 'efficiency', [figure('io1', '2025-Q1')])
			]
		);
		const by = Object.fromEntries(result.criteria.map((c) => [c.criterion, c]));
		expect(by.relevance).toEqual({
			criterion: 'relevance',
			questions: ['q1', 'q2'],
			findings: ['f1', 'f2'],
			evidence: 3,
			noQuestion: false,
			noEvidence: false
		});
		expect(by.impact).toMatchObject({ questions: ['q3'], noQuestion: false, noEvidence: true });
		expect(by.efficiency).toMatchObject({ questions: [], noQuestion: true, evidence: 1 });
		expect(by.coherence).toMatchObject({ noQuestion: true, noEvidence: true });
	});

	it('a finding without evidence leaves its criterion without evidence', () => {
		const [relevance] = run([question('q', 'relevance')], [finding('f', 'relevance')]).criteria;
		expect(relevance).toMatchObject({ findings: ['f'], evidence: 0, noEvidence: true });
	});

	it('follows the criteria it is given, in their order', () => {
		const result = coverage({
			criteria: ['sustainability', 'coherence'],
			logframe: logframe(),
			questions: [question('q', 'relevance')],
			findings: []
		});
		expect(result.criteria.map((c) => c.criterion)).toEqual(['sustainability', 'coherence']);
	});
});

describe('coverage by outcome', () => {
	const outcome = (result: ReturnType<typeof run>, id: string) =>
		result.outcomes.find((o) => o.nodeId === id)!;

	it('lists the outcomes in tree order, each flagged when nothing covers it', () => {
		const result = run([], []);
		expect(result.outcomes).toEqual([
			{
				nodeId: 'o1',
				code: 'O1',
				narrative: 'n o1',
				questions: [],
				findings: [],
				evidence: 0,
				noQuestion: true,
				noEvidence: true
			},
			expect.objectContaining({ nodeId: 'o2', noQuestion: true, noEvidence: true })
		]);
	});

	it.each([
		['the outcome itself', question('q', 'effectiveness', ['o1'])],
		['an output below it', question('q', 'effectiveness', ['p1'])],
		['an activity below its output', question('q', 'effectiveness', ['a1'])],
		["one of the outcome's indicators", question('q', 'effectiveness', [], ['io1'])],
		['an indicator of an output below it', question('q', 'effectiveness', [], ['ip1'])],
		['an indicator of an activity below it', question('q', 'effectiveness', [], ['ia1'])]
	])('a question linking %s covers the outcome', (_, q) => {
		const result = run([q], []);
		expect(outcome(result, 'o1')).toMatchObject({ questions: ['q'], noQuestion: false });
		expect(outcome(result, 'o2')).toMatchObject({ questions: [], noQuestion: true });
	});

	it.each([
		['the goal above it', question('q', 'impact', ['g'])],
		["the goal's indicator", question('q', 'impact', [], ['ig'])],
		['the other outcome', question('q', 'impact', ['o2'])],
		['a node that no longer exists', question('q', 'impact', ['gone'], ['gone-too'])]
	])('a question linking %s does not cover the outcome', (_, q) => {
		expect(outcome(run([q], []), 'o1')).toMatchObject({ questions: [], noQuestion: true });
	});

	it('a question is listed once however many of its links reach the outcome', () => {
		const q = question('q', 'relevance', ['o1', 'p1', 'a1'], ['io1', 'ip1']);
		expect(outcome(run([q], []), 'o1').questions).toEqual(['q']);
	});

	it("evidence is a figure of the outcome's own indicators, counted per reference", () => {
		const result = run(
			[],
			[
				finding('f1', 'effectiveness', [figure('io1'), figure('io1', '2025-Q2'), theme]),
				finding('f2', 'impact', [figure('io2')]),
				finding('f3', 'relevance', [paraphrase])
			]
		);
		expect(outcome(result, 'o1')).toMatchObject({
			findings: ['f1'],
			evidence: 2,
			noEvidence: false
		});
		expect(outcome(result, 'o2')).toMatchObject({ findings: ['f2'], evidence: 1 });
	});

	it('an output figure is not evidence that the outcome above it was reached', () => {
		const result = run([], [finding('f', 'effectiveness', [figure('ip1'), figure('ia1')])]);
		expect(outcome(result, 'o1')).toMatchObject({ findings: [], evidence: 0, noEvidence: true });
	});

	it('themes and paraphrases do not touch an indicator, even under a question about it', () => {
		const q = question('q', 'effectiveness', ['o1']);
		const result = run([q], [finding('f', 'effectiveness', [theme, paraphrase], 'q')]);
		expect(outcome(result, 'o1')).toMatchObject({ questions: ['q'], noEvidence: true });
	});

	it('has no outcomes to show for a logframe without any', () => {
		const lf: Logframe = { nodes: [node('g', 'goal', null)], indicators: [indicator('ig', 'g')] };
		expect(run([question('q', 'impact', ['g'])], [], lf).outcomes).toEqual([]);
	});

	it('shows an outcome whose parent is missing, and one caught in a cycle, once each', () => {
		const lf: Logframe = {
			nodes: [
				node('o1', 'outcome', 'missing'),
				node('x', 'outcome', 'y'),
				node('y', 'output', 'x')
			],
			indicators: [indicator('iy', 'y')]
		};
		const result = run([question('q', 'relevance', [], ['iy'])], [], lf);
		expect(result.outcomes.map((o) => o.nodeId).sort()).toEqual(['o1', 'x']);
		expect(result.outcomes.find((o) => o.nodeId === 'x')!.questions).toEqual(['q']);
	});
});

describe('coverage properties', () => {
	const ids = ['g', 'o1', 'o2', 'p1', 'a1', 'p2', 'gone'];
	const indicatorIds = ['io1', 'ip1', 'ia1', 'io2', 'ig', 'gone'];
	const criterion = fc.constantFrom(...DAC_CRITERIA);
	const ref: fc.Arbitrary<EvidenceRef> = fc.oneof(
		fc.constantFrom(...indicatorIds).map((id) => figure(id)),
		fc.constant(theme),
		fc.constant(paraphrase)
	);
	const questions = fc.array(
		fc.record({
			criterion,
			nodeIds: fc.subarray(ids),
			indicatorIds: fc.subarray(indicatorIds)
		}),
		{ maxLength: 8 }
	);
	const findings = fc.array(fc.record({ criterion, evidence: fc.array(ref, { maxLength: 5 }) }), {
		maxLength: 8
	});

	it('every question and every finding is counted under exactly one criterion', () => {
		fc.assert(
			fc.property(questions, findings, (qs, fs) => {
				const result = run(
					qs.map((q, i) => ({ ...q, id: `q${i}` })),
					fs.map((f, i) => ({ ...f, id: `f${i}`, questionId: null }))
				);
				const asked = result.criteria.flatMap((c) => c.questions);
				const found = result.criteria.flatMap((c) => c.findings);
				const evidence = result.criteria.reduce((s, c) => s + c.evidence, 0);
				expect(asked.sort()).toEqual(qs.map((_, i) => `q${i}`).sort());
				expect(found.sort()).toEqual(fs.map((_, i) => `f${i}`).sort());
				expect(evidence).toBe(fs.reduce((s, f) => s + f.evidence.length, 0));
				for (const c of result.criteria) {
					expect(c.noQuestion).toBe(c.questions.length === 0);
					expect(c.noEvidence).toBe(c.evidence === 0);
				}
			})
		);
	});

	it("outcome evidence never exceeds the findings' indicator references, and the flags agree", () => {
		fc.assert(
			fc.property(questions, findings, (qs, fs) => {
				const result = run(
					qs.map((q, i) => ({ ...q, id: `q${i}` })),
					fs.map((f, i) => ({ ...f, id: `f${i}`, questionId: null }))
				);
				const figures = fs.flatMap((f) => f.evidence).filter((e) => e.kind === 'indicator');
				const total = result.outcomes.reduce((s, o) => s + o.evidence, 0);
				// Each indicator belongs to one node, so no reference counts for two outcomes.
				expect(total).toBeLessThanOrEqual(figures.length);
				expect(total).toBe(
					figures.filter((e) => e.indicatorId === 'io1' || e.indicatorId === 'io2').length
				);
				for (const o of result.outcomes) {
					expect(o.noQuestion).toBe(o.questions.length === 0);
					expect(o.noEvidence).toBe(o.evidence === 0);
				}
			})
		);
	});
});
