import type { LogframeTreeNode } from '$lib/programmes/checks';
import {
	childLevel,
	type IndicatorKind,
	type IndicatorSource,
	type Level
} from '$lib/programmes/model';

/**
 * The logframe as the editor draws it: only what the page shows (no rules, no survey ids), with
 * what the toolbar needs to know (may it move up, down, add a child) worked out once.
 */

export interface IndicatorRowView {
	id: string;
	code: string;
	statement: string;
	kind: IndicatorKind;
	source: IndicatorSource;
	/** A survey indicator with a survey and a rule, or any manual one: it can show a figure. */
	bound: boolean;
}

export interface NodeView {
	id: string;
	parentId: string | null;
	level: Level;
	code: string;
	narrative: string;
	assumptions: string;
	childLevel: Level | null;
	canMoveUp: boolean;
	canMoveDown: boolean;
	/** Nodes and indicators under this one, deleted with it. */
	nodesBelow: number;
	indicatorsBelow: number;
	indicators: IndicatorRowView[];
	children: NodeView[];
}

function view(entry: LogframeTreeNode, index: number, siblings: number, root: boolean): NodeView {
	const { node } = entry;
	const children = entry.children.map((c, i, all) => view(c, i, all.length, false));
	return {
		id: node.id,
		parentId: node.parentId,
		level: node.level,
		code: node.code,
		narrative: node.narrative,
		assumptions: node.assumptions,
		childLevel: childLevel(node.level),
		// Only siblings under one parent swap places (moveNode); roots have no parent.
		canMoveUp: !root && index > 0,
		canMoveDown: !root && index < siblings - 1,
		nodesBelow: children.reduce((sum, c) => sum + 1 + c.nodesBelow, 0),
		indicatorsBelow:
			entry.indicators.length + children.reduce((sum, c) => sum + c.indicatorsBelow, 0),
		indicators: entry.indicators.map((i) => ({
			id: i.id,
			code: i.code,
			statement: i.statement,
			kind: i.kind,
			source: i.source,
			bound: i.source === 'manual' || (i.surveyIds.length > 0 && i.rule !== null)
		})),
		children
	};
}

export function treeView(tree: readonly LogframeTreeNode[]): NodeView[] {
	return tree.map((entry, i, all) => view(entry, i, all.length, true));
}

/** Every node of the tree in reading order. */
export function flatten(tree: readonly NodeView[]): NodeView[] {
	return tree.flatMap((n) => [n, ...flatten(n.children)]);
}
