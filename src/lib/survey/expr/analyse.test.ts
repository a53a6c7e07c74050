import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columns, findCycle, references } from './analyse';
import { LIMITS } from './ast';
import { parse } from './parse';

function refs(source: string): string[] {
	const result = parse(source);
	if (!result.ok) throw new Error(`${source}: ${result.error.message}`);
	return [...references(result.ast)].sort();
}

describe('references', () => {
	const cases: [string, string[]][] = [
		['1 + 2', []],
		['.', []],
		["'${a}'", []],
		['${a}', ['a']],
		['${a} = ${a}', ['a']],
		["selected(${q12}, 'no') and ${age} >= 18", ['age', 'q12']],
		['if(${c}, ${then}, ${else})', ['c', 'else', 'then']],
		['if(true(), 1, if(${x}, ${y}, 2))', ['x', 'y']],
		['concat(${a}, -${b}, not(${c} or ${d}))', ['a', 'b', 'c', 'd']],
		['coalesce(${first.name}, ${last-name})', ['first.name', 'last-name']],
		['-(${a} * (${b} div ${c}))', ['a', 'b', 'c']]
	];
	it.each(cases)('%s → %j', (source, expected) => {
		expect(refs(source)).toEqual(expected);
	});

	it('walks a chain as long as the length limit allows', () => {
		const terms = Array.from({ length: 800 }, (_, i) => `\${q${i}}`);
		const source = terms.join(' or ').slice(0, LIMITS.maxLength);
		const cut = source.slice(0, source.lastIndexOf(' or '));
		const names = refs(cut);
		const count = cut.split(' or ').length;
		expect(count).toBeGreaterThan(300);
		expect(names).toHaveLength(count);
		expect(names).toContain(`q${count - 1}`);
	});
});

describe('references and columns with bare names', () => {
	const names = (source: string) => {
		const result = parse(source, { bareNames: true });
		if (!result.ok) throw new Error(`${source}: ${result.error.message}`);
		return { refs: [...references(result.ast)].sort(), cols: [...columns(result.ast)].sort() };
	};
	const cases: [string, string[], string[]][] = [
		['state = ${state}', ['state'], ['state']],
		['selected(${support}, name)', ['support'], ['name']],
		["filter = 'a' or name = 'other'", [], ['filter', 'name']],
		["if(${a}, -price, concat(x.y-z, 'name', ${b}))", ['a', 'b'], ['price', 'x.y-z']],
		['not(a) and a != ${a} and count-selected(b)', ['a'], ['a', 'b']],
		['1 + ${q}', ['q'], []],
		['.', [], []]
	];
	it.each(cases)('%s → references %j, columns %j', (source, refs, cols) => {
		expect(names(source)).toEqual({ refs, cols });
	});

	it('columns() of an expression parsed without bare names is empty', () => {
		const result = parse("selected(${a}, 'b') and ${c} > 1");
		expect(result.ok && [...columns(result.ast)]).toEqual([]);
	});

	it('walks a long chain of columns', () => {
		const source = Array.from({ length: 500 }, (_, i) => `c${i} = \${q${i}}`).join(' or ');
		const result = parse(source.slice(0, source.lastIndexOf(' or ', 3990)), { bareNames: true });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const cols = columns(result.ast);
		expect(cols.size).toBeGreaterThan(200);
		expect(references(result.ast).size).toBe(cols.size);
	});
});

/** True when `path` starts and ends at the same node and follows real edges. */
function isCycle(graph: Map<string, Iterable<string>>, path: string[]): boolean {
	if (path.length < 2 || path[0] !== path[path.length - 1]) return false;
	for (let i = 0; i + 1 < path.length; i++) {
		if (![...(graph.get(path[i]!) ?? [])].includes(path[i + 1]!)) return false;
	}
	return true;
}

/** Kahn's algorithm, as an independent check that a graph really has no cycle. */
function isAcyclic(graph: Map<string, Iterable<string>>): boolean {
	const nodes = new Set<string>();
	const indegree = new Map<string, number>();
	for (const [from, tos] of graph) {
		nodes.add(from);
		for (const to of tos) {
			nodes.add(to);
			indegree.set(to, (indegree.get(to) ?? 0) + 1);
		}
	}
	const ready = [...nodes].filter((n) => !indegree.get(n));
	let seen = 0;
	while (ready.length) {
		const node = ready.pop()!;
		seen++;
		for (const to of graph.get(node) ?? []) {
			const left = (indegree.get(to) ?? 0) - 1;
			indegree.set(to, left);
			if (left === 0) ready.push(to);
		}
	}
	return seen === nodes.size;
}

const graphOf = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

function chain(n: number): Map<string, string[]> {
	const graph = new Map<string, string[]>();
	for (let i = 0; i < n; i++) graph.set(`q${i}`, i + 1 < n ? [`q${i + 1}`] : []);
	return graph;
}

describe('findCycle', () => {
	const cases: [string, Record<string, string[]>, string[] | null][] = [
		['an empty graph', {}, null],
		['a single question', { a: [] }, null],
		['a self-reference', { a: ['a'] }, ['a', 'a']],
		['a two-cycle', { a: ['b'], b: ['a'] }, ['a', 'b', 'a']],
		['a three-cycle', { a: ['b'], b: ['c'], c: ['a'] }, ['a', 'b', 'c', 'a']],
		['a diamond (no cycle)', { a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }, null],
		['edges to questions without entries', { a: ['x', 'y'], b: ['x'] }, null],
		[
			'a cycle reached from an acyclic start',
			{ a: ['b'], b: ['c'], c: ['d'], d: ['b'] },
			['b', 'c', 'd', 'b']
		],
		['a cycle in a later component', { a: ['b'], b: [], c: ['d'], d: ['c'] }, ['c', 'd', 'c']],
		[
			'a node revisited through a finished branch',
			{ a: ['b', 'c'], b: ['d'], c: ['d'], d: ['e'], e: [] },
			null
		]
	];
	it.each(cases)('%s', (_label, edges, expected) => {
		expect(findCycle(graphOf(edges))).toEqual(expected);
	});

	it('accepts sets and one-shot iterables as edge lists', () => {
		function* once(...names: string[]) {
			yield* names;
		}
		const graph = new Map<string, Iterable<string>>([
			['a', new Set(['b'])],
			['b', once('c')],
			['c', once('a')]
		]);
		expect(findCycle(graph)).toEqual(['a', 'b', 'c', 'a']);
	});

	it('handles a 5,000-question chain without overflowing the stack', () => {
		expect(findCycle(chain(5000))).toBeNull();
		const looped = chain(5000);
		looped.set('q4999', ['q0']);
		const cycle = findCycle(looped);
		expect(cycle).toHaveLength(5001);
		expect(cycle && isCycle(looped, cycle)).toBe(true);
	});

	it('handles a 20,000-question chain listed in reverse order', () => {
		const graph = new Map([...chain(20_000)].reverse());
		expect(findCycle(graph)).toBeNull();
	});

	it('finds a long cycle and returns a real path through it', () => {
		const graph = chain(1000);
		graph.set('q999', ['q500']);
		const cycle = findCycle(graph);
		expect(cycle?.[0]).toBe('q500');
		expect(cycle).toHaveLength(501);
		expect(cycle && isCycle(graph, cycle)).toBe(true);
	});

	it('on random graphs, reports a cycle exactly when there is one, and it is real', () => {
		const node = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h');
		const graph = fc
			.array(fc.tuple(node, fc.uniqueArray(node, { maxLength: 3 })), { maxLength: 8 })
			.map((entries) => new Map(entries));
		fc.assert(
			fc.property(graph, (g) => {
				const cycle = findCycle(g);
				if (cycle === null) expect(isAcyclic(g)).toBe(true);
				else expect(isCycle(g, cycle)).toBe(true);
			}),
			{ numRuns: 3000 }
		);
	});
});
