import { logframeTree, treeOrder, type LogframeTreeNode } from '../programmes/checks';
import type { Logframe } from '../programmes/model';
import type { DacCriterion, EvidenceRef } from './model';

/**
 * How well an evaluation covers what it must judge (issue 7, "Evaluations"): every DAC
 * criterion and every outcome of the logframe, with the evaluation questions that ask about it
 * and the evidence its findings rest on, so the gaps ("no question", "no evidence") show before
 * a report is written. Pure: the overview page calls it with what the services read.
 */

export interface CoverageQuestion {
	id: string;
	criterion: DacCriterion;
	nodeIds: readonly string[];
	indicatorIds: readonly string[];
}

export interface CoverageFinding {
	id: string;
	criterion: DacCriterion;
	questionId: string | null;
	evidence: readonly EvidenceRef[];
}

export interface CriterionCoverage {
	criterion: DacCriterion;
	/** Ids of the questions tagged with the criterion, in the order given. */
	questions: string[];
	/** Ids of the findings under the criterion, in the order given. */
	findings: string[];
	/** Pieces of evidence of those findings (each reference counts once). */
	evidence: number;
	noQuestion: boolean;
	noEvidence: boolean;
}

export interface OutcomeCoverage {
	nodeId: string;
	code: string;
	narrative: string;
	/** Questions linking the outcome, a node below it, or an indicator of either. */
	questions: string[];
	/** Findings with indicator evidence on one of the outcome's own indicators. */
	findings: string[];
	/** Indicator evidence on the outcome's own indicators. */
	evidence: number;
	noQuestion: boolean;
	noEvidence: boolean;
}

export interface Coverage {
	criteria: CriterionCoverage[];
	outcomes: OutcomeCoverage[];
}

/** Every node under `entry` (not itself), depth first. */
function below(entry: LogframeTreeNode): LogframeTreeNode[] {
	return treeOrder(entry.children);
}

export function coverage(input: {
	criteria: readonly DacCriterion[];
	logframe: Logframe;
	questions: readonly CoverageQuestion[];
	findings: readonly CoverageFinding[];
}): Coverage {
	const { criteria, logframe, questions, findings } = input;

	const criteriaCoverage = criteria.map((criterion): CriterionCoverage => {
		const asked = questions.filter((q) => q.criterion === criterion).map((q) => q.id);
		const found = findings.filter((f) => f.criterion === criterion);
		const evidence = found.reduce((sum, f) => sum + f.evidence.length, 0);
		return {
			criterion,
			questions: asked,
			findings: found.map((f) => f.id),
			evidence,
			noQuestion: asked.length === 0,
			noEvidence: evidence === 0
		};
	});

	const outcomes = treeOrder(logframeTree(logframe))
		.filter((entry) => entry.node.level === 'outcome')
		.map((entry): OutcomeCoverage => {
			const own = new Set(entry.indicators.map((i) => i.id));
			// A question about an output (or an activity, or their indicators) asks how the outcome
			// above it is being reached, so it covers the outcome as well.
			const subtree = [entry, ...below(entry)];
			const nodes = new Set(subtree.map((e) => e.node.id));
			const indicators = new Set(subtree.flatMap((e) => e.indicators.map((i) => i.id)));
			const asked = questions
				.filter(
					(q) =>
						q.nodeIds.some((id) => nodes.has(id)) || q.indicatorIds.some((id) => indicators.has(id))
				)
				.map((q) => q.id);
			// Evidence of an outcome is a figure of the outcome's own indicators: an output figure
			// ("200 people trained") is not evidence that the outcome was reached (DOMAIN.md, "Why
			// it exists").
			let evidence = 0;
			const found: string[] = [];
			for (const f of findings) {
				const touching = f.evidence.filter((e) => e.kind === 'indicator' && own.has(e.indicatorId));
				if (touching.length === 0) continue;
				evidence += touching.length;
				found.push(f.id);
			}
			return {
				nodeId: entry.node.id,
				code: entry.node.code,
				narrative: entry.node.narrative,
				questions: asked,
				findings: found,
				evidence,
				noQuestion: asked.length === 0,
				noEvidence: evidence === 0
			};
		});

	return { criteria: criteriaCoverage, outcomes };
}
