import type { LogframeTreeNode } from '$lib/programmes/checks';
import type { Level } from '$lib/programmes/model';

/**
 * The logframe as the dashboard walks it: goal, outcomes, their outputs, each with the ids of
 * its indicators. Only what a donor may read of a node (level, code, narrative): never
 * assumptions, rules, surveys or notes. Activities appear only when they carry indicators.
 */
export interface DashboardSection {
	id: string;
	level: Level;
	code: string;
	narrative: string;
	indicatorIds: string[];
	children: DashboardSection[];
}

function keep(entry: LogframeTreeNode): boolean {
	return entry.node.level !== 'activity' || entry.indicators.length > 0;
}

/** The dashboard's sections from `logframeTree`, in the tree's order. */
export function dashboardSections(tree: readonly LogframeTreeNode[]): DashboardSection[] {
	// Iterative like logframeTree, so a deep (malformed) chain cannot overflow the stack.
	const out: DashboardSection[] = [];
	const stack: { entry: LogframeTreeNode; into: DashboardSection[] }[] = tree
		.slice()
		.reverse()
		.map((entry) => ({ entry, into: out }));
	while (stack.length) {
		const { entry, into } = stack.pop()!;
		const children: DashboardSection[] = [];
		if (keep(entry))
			into.push({
				id: entry.node.id,
				level: entry.node.level,
				code: entry.node.code,
				narrative: entry.node.narrative,
				indicatorIds: entry.indicators.map((i) => i.id),
				children
			});
		// A dropped activity's children (malformed, but possible) go to its parent's list.
		const target = keep(entry) ? children : into;
		for (let i = entry.children.length - 1; i >= 0; i--)
			stack.push({ entry: entry.children[i]!, into: target });
	}
	return out;
}

/** Indicators that read survey answers but have no survey or rule yet: they can show nothing. */
export function unboundIndicators(
	indicators: readonly {
		id: string;
		source: string;
		surveyIds: readonly string[];
		rule: unknown;
	}[]
): string[] {
	return indicators
		.filter((i) => i.source === 'survey' && (i.surveyIds.length === 0 || i.rule === null))
		.map((i) => i.id);
}
