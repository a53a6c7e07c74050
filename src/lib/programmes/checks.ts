import {
	LEVELS,
	MAX_RESULTS,
	RESULT_LEVELS,
	type IndicatorDefinition,
	type Logframe,
	type LogframeNode
} from './model';

/**
 * Design checks on a logframe, after the ICAT road map (DOMAIN.md, "Why it exists"): weak design
 * is the main obstacle to showing impact, so the programme page warns about it before surveys
 * are linked and results reported. Pure: shared by the server and the pages.
 */

export const DESIGN_CHECK_KINDS = [
	/** No goal: nothing says what higher-level difference the programme is for. */
	'noGoal',
	/** More outcomes and outputs than MAX_RESULTS: a logframe nobody can evaluate. */
	'tooManyResults',
	/** Indicators exist, but none on an outcome or the goal: no outcome is measured. */
	'onlyOutputIndicators',
	/** A node whose parent is not exactly one level above, or a non-goal without a parent. */
	'levelOrder',
	'outcomeWithoutIndicator',
	/** No indicator of the outcome reads survey answers: survivors' feedback does not inform it. */
	'outcomeWithoutFeedback',
	'indicatorWithoutBaseline',
	'indicatorWithoutTarget',
	/** Source 'survey', but no survey or no rule: it can never show a figure. */
	'surveyIndicatorUnbound'
] as const;
export type DesignCheckKind = (typeof DESIGN_CHECK_KINDS)[number];

export interface DesignCheck {
	kind: DesignCheckKind;
	nodeId?: string;
	indicatorId?: string;
}

export interface LogframeTreeNode {
	node: LogframeNode;
	/** The node's indicators by position. */
	indicators: IndicatorDefinition[];
	/** Child nodes by position. */
	children: LogframeTreeNode[];
}

function byPosition<T extends { position: number; id: string }>(a: T, b: T): number {
	// The id breaks ties so the order never depends on how rows came out of the database.
	return a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function byLevelThenPosition(a: LogframeNode, b: LogframeNode): number {
	return LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || byPosition(a, b);
}

/**
 * The logframe as the pages draw it: roots (goals first), each node followed by its children by
 * position, each with its indicators by position. Every node appears exactly once: one whose
 * parent is missing is a root, and nodes caught in a parent cycle (which `designChecks` reports as
 * `levelOrder`) are shown from the first of them rather than dropped. Indicators of a node that
 * is not in the logframe are left out.
 */
export function logframeTree(logframe: Logframe): LogframeTreeNode[] {
	const ids = new Set(logframe.nodes.map((n) => n.id));
	const children = new Map<string, LogframeNode[]>();
	const roots: LogframeNode[] = [];
	for (const node of logframe.nodes) {
		if (node.parentId === null || node.parentId === node.id || !ids.has(node.parentId)) {
			roots.push(node);
			continue;
		}
		const siblings = children.get(node.parentId) ?? [];
		siblings.push(node);
		children.set(node.parentId, siblings);
	}
	const indicators = new Map<string, IndicatorDefinition[]>();
	for (const indicator of logframe.indicators) {
		if (!ids.has(indicator.nodeId)) continue;
		const list = indicators.get(indicator.nodeId) ?? [];
		list.push(indicator);
		indicators.set(indicator.nodeId, list);
	}

	const seen = new Set<string>();
	// Iterative, so a deep (malformed) chain of nodes cannot overflow the stack.
	function build(top: LogframeNode): LogframeTreeNode {
		const root: LogframeTreeNode = { node: top, indicators: [], children: [] };
		const stack = [root];
		seen.add(top.id);
		while (stack.length) {
			const current = stack.pop()!;
			current.indicators = (indicators.get(current.node.id) ?? []).slice().sort(byPosition);
			for (const child of (children.get(current.node.id) ?? []).slice().sort(byPosition)) {
				if (seen.has(child.id)) continue;
				seen.add(child.id);
				const entry: LogframeTreeNode = { node: child, indicators: [], children: [] };
				current.children.push(entry);
				stack.push(entry);
			}
		}
		return root;
	}

	const tree = roots.sort(byLevelThenPosition).map(build);
	for (const node of logframe.nodes.slice().sort(byLevelThenPosition))
		if (!seen.has(node.id)) tree.push(build(node));
	return tree;
}

/** The tree's nodes in reading order (depth first), each with its indicators. */
export function treeOrder(tree: readonly LogframeTreeNode[]): LogframeTreeNode[] {
	const out: LogframeTreeNode[] = [];
	const stack = tree.slice().reverse();
	while (stack.length) {
		const entry = stack.pop()!;
		out.push(entry);
		for (let i = entry.children.length - 1; i >= 0; i--) stack.push(entry.children[i]!);
	}
	return out;
}

function hasFeedback(indicator: IndicatorDefinition): boolean {
	return indicator.source === 'survey' && indicator.surveyIds.length > 0 && indicator.rule !== null;
}

/**
 * Every design weakness of the logframe: first those of the whole logframe (`noGoal`,
 * `tooManyResults`, `onlyOutputIndicators`), then each node's in tree order, each followed by
 * its indicators' by position. A baseline needs both its value and its date. An outcome with no
 * indicator has neither an indicator nor a feedback source, and gets both checks. Indicators of
 * a node not in the logframe are not checked (they are not shown either).
 */
export function designChecks(logframe: Logframe): DesignCheck[] {
	const checks: DesignCheck[] = [];
	const byId = new Map(logframe.nodes.map((n) => [n.id, n]));
	const entries = treeOrder(logframeTree(logframe));

	if (!logframe.nodes.some((n) => n.level === 'goal')) checks.push({ kind: 'noGoal' });
	const results = logframe.nodes.filter((n) => RESULT_LEVELS.includes(n.level)).length;
	if (results > MAX_RESULTS) checks.push({ kind: 'tooManyResults' });
	const measured = entries.filter((e) => e.indicators.length > 0);
	if (
		measured.length > 0 &&
		!measured.some((e) => e.node.level === 'outcome' || e.node.level === 'goal')
	)
		checks.push({ kind: 'onlyOutputIndicators' });

	for (const { node, indicators } of entries) {
		const nodeId = node.id;
		const parent = node.parentId === null ? undefined : byId.get(node.parentId);
		const expected = LEVELS.indexOf(node.level) - 1;
		const inOrder =
			node.level === 'goal'
				? node.parentId === null
				: parent !== undefined && LEVELS.indexOf(parent.level) === expected;
		if (!inOrder) checks.push({ kind: 'levelOrder', nodeId });
		if (node.level === 'outcome') {
			if (indicators.length === 0) checks.push({ kind: 'outcomeWithoutIndicator', nodeId });
			if (!indicators.some(hasFeedback)) checks.push({ kind: 'outcomeWithoutFeedback', nodeId });
		}
		for (const indicator of indicators) {
			const indicatorId = indicator.id;
			if (indicator.baselineValue === null || indicator.baselineDate === null)
				checks.push({ kind: 'indicatorWithoutBaseline', nodeId, indicatorId });
			if (indicator.target === null)
				checks.push({ kind: 'indicatorWithoutTarget', nodeId, indicatorId });
			if (indicator.source === 'survey' && !hasFeedback(indicator))
				checks.push({ kind: 'surveyIndicatorUnbound', nodeId, indicatorId });
		}
	}
	return checks;
}
