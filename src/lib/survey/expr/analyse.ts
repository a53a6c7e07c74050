import type { Expr } from './ast';

/**
 * Every question name the expression reads through `${name}`, including in untaken branches.
 * Bare column names (choice filters) are not questions: see `columns`.
 */
export function references(ast: Expr): Set<string> {
	return namesOf(ast, 'ref');
}

/** Every choices-sheet column the expression reads by bare name (parsed with `bareNames`). */
export function columns(ast: Expr): Set<string> {
	return namesOf(ast, 'column');
}

function namesOf(ast: Expr, kind: 'ref' | 'column'): Set<string> {
	const names = new Set<string>();
	// An explicit stack keeps long `a or b or c …` chains (deep left spines) off the call stack.
	const stack: Expr[] = [ast];
	for (let node = stack.pop(); node; node = stack.pop()) {
		switch (node.kind) {
			case 'ref':
			case 'column':
				if (node.kind === kind) names.add(node.name);
				break;
			case 'negate':
				stack.push(node.operand);
				break;
			case 'binary':
				stack.push(node.right, node.left);
				break;
			case 'call':
				for (let i = node.args.length - 1; i >= 0; i--) stack.push(node.args[i]!);
				break;
		}
	}
	return names;
}

/**
 * One dependency cycle in `graph` (node → the nodes it reads) as a path that returns to its
 * start, e.g. ['a', 'b', 'a'], or null when there is none. Iterative depth-first search, so
 * chains of thousands of questions cannot overflow the stack.
 */
export function findCycle(graph: Map<string, Iterable<string>>): string[] | null {
	const done = new Set<string>();
	// Nodes on the current path, with their index in `path`.
	const onPath = new Map<string, number>();
	const path: string[] = [];
	const frames: { node: string; edges: string[]; next: number }[] = [];
	const edgesOf = (node: string) => Array.from(graph.get(node) ?? []);

	for (const root of graph.keys()) {
		if (done.has(root)) continue;
		frames.push({ node: root, edges: edgesOf(root), next: 0 });
		onPath.set(root, 0);
		path.push(root);
		while (frames.length > 0) {
			const frame = frames[frames.length - 1]!;
			const target = frame.edges[frame.next++];
			if (target === undefined) {
				frames.pop();
				path.pop();
				onPath.delete(frame.node);
				done.add(frame.node);
				continue;
			}
			const at = onPath.get(target);
			if (at !== undefined) return [...path.slice(at), target];
			if (done.has(target)) continue;
			onPath.set(target, path.length);
			path.push(target);
			frames.push({ node: target, edges: edgesOf(target), next: 0 });
		}
	}
	return null;
}
