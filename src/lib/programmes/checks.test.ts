import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { designChecks, logframeTree, treeOrder, type DesignCheck } from './checks';
import {
	INDICATOR_KINDS,
	LEVELS,
	MAX_RESULTS,
	type IndicatorDefinition,
	type Level,
	type Logframe,
	type LogframeNode
} from './model';

function node(
	id: string,
	level: Level,
	parentId: string | null,
	position = 0,
	extra: Partial<LogframeNode> = {}
): LogframeNode {
	return { id, parentId, level, code: '', narrative: id, assumptions: '', position, ...extra };
}

/** A complete, well-bound survey indicator; tests take away what they check. */
function indicator(
	id: string,
	nodeId: string,
	extra: Partial<IndicatorDefinition> = {}
): IndicatorDefinition {
	return {
		id,
		nodeId,
		code: '',
		statement: id,
		unit: '%',
		kind: 'percentInSet',
		direction: 'increase',
		baselineValue: 40,
		baselineDate: '2025-01-15',
		target: 70,
		milestones: {},
		disaggregations: [],
		meansOfVerification: '',
		source: 'survey',
		surveyIds: ['s1'],
		rule: { kind: 'percentInSet', question: 'satisfied', choices: ['very', 'fairly'] },
		libraryId: null,
		position: 0,
		...extra
	};
}

/** goal g → outcome o → output p → activity a, the outcome measured by a bound survey indicator. */
const sound = (): Logframe => ({
	nodes: [node('g', 'goal', null), node('o', 'outcome', 'g'), node('p', 'output', 'o')].concat(
		node('a', 'activity', 'p')
	),
	indicators: [indicator('i', 'o')]
});

function withIndicators(...indicators: IndicatorDefinition[]): Logframe {
	return { ...sound(), indicators };
}

const outcomes = (count: number, outputsEach = 0): LogframeNode[] =>
	Array.from({ length: count }, (_, i) => [
		node(`o${i}`, 'outcome', 'g', i),
		...Array.from({ length: outputsEach }, (_, j) => node(`o${i}p${j}`, 'output', `o${i}`, j))
	]).flat();

describe('designChecks', () => {
	const cases: { name: string; logframe: Logframe; expected: DesignCheck[] }[] = [
		{ name: 'a sound logframe', logframe: sound(), expected: [] },
		{
			name: 'an empty logframe',
			logframe: { nodes: [], indicators: [] },
			expected: [{ kind: 'noGoal' }]
		},
		{
			name: 'a goal alone (nothing measured yet is not "only outputs")',
			logframe: { nodes: [node('g', 'goal', null)], indicators: [] },
			expected: []
		},
		{
			name: 'no goal: the outcome floats',
			logframe: {
				nodes: [node('o', 'outcome', null)],
				indicators: [indicator('i', 'o')]
			},
			expected: [{ kind: 'noGoal' }, { kind: 'levelOrder', nodeId: 'o' }]
		},
		{
			name: 'an outcome with no indicator',
			logframe: withIndicators(indicator('i', 'p')),
			expected: [
				{ kind: 'onlyOutputIndicators' },
				{ kind: 'outcomeWithoutIndicator', nodeId: 'o' },
				{ kind: 'outcomeWithoutFeedback', nodeId: 'o' }
			]
		},
		{
			name: 'indicators on activities only',
			logframe: withIndicators(indicator('i', 'a')),
			expected: [
				{ kind: 'onlyOutputIndicators' },
				{ kind: 'outcomeWithoutIndicator', nodeId: 'o' },
				{ kind: 'outcomeWithoutFeedback', nodeId: 'o' }
			]
		},
		{
			name: 'an indicator on the goal counts as measuring more than outputs',
			logframe: withIndicators(indicator('i', 'g'), indicator('j', 'p')),
			expected: [
				{ kind: 'outcomeWithoutIndicator', nodeId: 'o' },
				{ kind: 'outcomeWithoutFeedback', nodeId: 'o' }
			]
		},
		{
			name: 'an outcome measured only by a manual indicator',
			logframe: withIndicators(
				indicator('i', 'o', { source: 'manual', surveyIds: [], rule: null })
			),
			expected: [{ kind: 'outcomeWithoutFeedback', nodeId: 'o' }]
		},
		{
			name: 'a manual indicator that keeps a rule and surveys is still not feedback',
			logframe: withIndicators(indicator('i', 'o', { source: 'manual' })),
			expected: [{ kind: 'outcomeWithoutFeedback', nodeId: 'o' }]
		},
		{
			name: 'a survey indicator with no survey',
			logframe: withIndicators(indicator('i', 'o', { surveyIds: [] })),
			expected: [
				{ kind: 'outcomeWithoutFeedback', nodeId: 'o' },
				{ kind: 'surveyIndicatorUnbound', nodeId: 'o', indicatorId: 'i' }
			]
		},
		{
			name: 'a survey indicator with no rule',
			logframe: withIndicators(indicator('i', 'o', { rule: null })),
			expected: [
				{ kind: 'outcomeWithoutFeedback', nodeId: 'o' },
				{ kind: 'surveyIndicatorUnbound', nodeId: 'o', indicatorId: 'i' }
			]
		},
		{
			name: 'one bound survey indicator is enough feedback for its outcome',
			logframe: withIndicators(
				indicator('i', 'o', { source: 'manual', rule: null }),
				indicator('j', 'o', { position: 1 })
			),
			expected: []
		},
		{
			name: 'an unbound survey indicator on an output',
			logframe: withIndicators(indicator('i', 'o'), indicator('j', 'p', { surveyIds: [] })),
			expected: [{ kind: 'surveyIndicatorUnbound', nodeId: 'p', indicatorId: 'j' }]
		},
		{
			name: 'no baseline value',
			logframe: withIndicators(indicator('i', 'o', { baselineValue: null })),
			expected: [{ kind: 'indicatorWithoutBaseline', nodeId: 'o', indicatorId: 'i' }]
		},
		{
			name: 'a baseline value without its date',
			logframe: withIndicators(indicator('i', 'o', { baselineDate: null })),
			expected: [{ kind: 'indicatorWithoutBaseline', nodeId: 'o', indicatorId: 'i' }]
		},
		{
			name: 'a baseline of 0 is a baseline',
			logframe: withIndicators(indicator('i', 'o', { baselineValue: 0, target: 0 })),
			expected: []
		},
		{
			name: 'no target (milestones are not a target)',
			logframe: withIndicators(
				indicator('i', 'o', { target: null, milestones: { '2025-Q1': 50 } })
			),
			expected: [{ kind: 'indicatorWithoutTarget', nodeId: 'o', indicatorId: 'i' }]
		},
		{
			name: 'every indicator check at once, in that order',
			logframe: withIndicators(
				indicator('i', 'o', { baselineValue: null, target: null, surveyIds: [], rule: null })
			),
			expected: [
				{ kind: 'outcomeWithoutFeedback', nodeId: 'o' },
				{ kind: 'indicatorWithoutBaseline', nodeId: 'o', indicatorId: 'i' },
				{ kind: 'indicatorWithoutTarget', nodeId: 'o', indicatorId: 'i' },
				{ kind: 'surveyIndicatorUnbound', nodeId: 'o', indicatorId: 'i' }
			]
		},
		{
			name: `${MAX_RESULTS} results are fine`,
			logframe: {
				nodes: [node('g', 'goal', null), ...outcomes(2, 4)],
				indicators: [indicator('i', 'o0'), indicator('j', 'o1')]
			},
			expected: []
		},
		{
			name: `${MAX_RESULTS + 1} results are too many (activities do not count)`,
			logframe: {
				nodes: [
					node('g', 'goal', null),
					...outcomes(1, MAX_RESULTS),
					node('a1', 'activity', 'o0p0'),
					node('a2', 'activity', 'o0p1')
				],
				indicators: [indicator('i', 'o0')]
			},
			expected: [{ kind: 'tooManyResults' }]
		},
		{
			name: 'an output straight under the goal',
			logframe: {
				nodes: [...sound().nodes, node('q', 'output', 'g', 1)],
				indicators: sound().indicators
			},
			expected: [{ kind: 'levelOrder', nodeId: 'q' }]
		},
		{
			name: 'an activity under an outcome, and an outcome under an outcome',
			logframe: {
				nodes: [...sound().nodes, node('x', 'activity', 'o', 1), node('y', 'outcome', 'o', 2)],
				indicators: [indicator('i', 'o'), indicator('j', 'y')]
			},
			expected: [
				{ kind: 'levelOrder', nodeId: 'x' },
				{ kind: 'levelOrder', nodeId: 'y' }
			]
		},
		{
			name: 'a goal with a parent',
			logframe: {
				nodes: [node('g0', 'goal', null), node('g1', 'goal', 'g0'), ...sound().nodes.slice(1)],
				indicators: sound().indicators
			},
			// The outcome's parent 'g' is gone as well: it becomes a root after the goals.
			expected: [
				{ kind: 'levelOrder', nodeId: 'g1' },
				{ kind: 'levelOrder', nodeId: 'o' }
			]
		},
		{
			name: 'a parent that is not in the logframe',
			logframe: {
				nodes: [...sound().nodes, node('q', 'output', 'gone', 1)],
				indicators: sound().indicators
			},
			expected: [{ kind: 'levelOrder', nodeId: 'q' }]
		},
		{
			name: 'a parent cycle',
			logframe: {
				nodes: [...sound().nodes, node('x', 'output', 'y'), node('y', 'output', 'x')],
				indicators: sound().indicators
			},
			expected: [
				{ kind: 'levelOrder', nodeId: 'x' },
				{ kind: 'levelOrder', nodeId: 'y' }
			]
		},
		{
			name: 'an indicator of a node not in the logframe is ignored',
			logframe: withIndicators(indicator('i', 'o'), indicator('j', 'gone', { target: null })),
			expected: []
		}
	];

	it.each(cases)('$name', ({ logframe, expected }) => {
		expect(designChecks(logframe)).toEqual(expected);
	});

	it('reports a goal with a parent', () => {
		const logframe: Logframe = {
			nodes: [node('g0', 'goal', null), node('g1', 'goal', 'g0', 1)],
			indicators: []
		};
		expect(designChecks(logframe)).toEqual([{ kind: 'levelOrder', nodeId: 'g1' }]);
	});

	it('lists nodes in tree order and indicators by position, whatever the input order', () => {
		// Two outcomes, the second first by position; indicators out of order within each.
		const logframe: Logframe = {
			nodes: [
				node('o-late', 'outcome', 'g', 2),
				node('p', 'output', 'o-early', 0),
				node('g', 'goal', null),
				node('o-early', 'outcome', 'g', 1)
			],
			indicators: [
				indicator('p2', 'p', { position: 2, target: null }),
				indicator('late', 'o-late', { target: null }),
				indicator('p1', 'p', { position: 1, target: null }),
				indicator('early', 'o-early', { target: null })
			]
		};
		const without = (id: string) => ({ kind: 'indicatorWithoutTarget', indicatorId: id });
		expect(designChecks(logframe)).toEqual([
			{ ...without('early'), nodeId: 'o-early' },
			{ ...without('p1'), nodeId: 'p' },
			{ ...without('p2'), nodeId: 'p' },
			{ ...without('late'), nodeId: 'o-late' }
		]);
	});

	it('puts the checks of the whole logframe first', () => {
		const logframe: Logframe = {
			nodes: [...outcomes(MAX_RESULTS + 1)],
			indicators: [indicator('i', 'o0p0'), indicator('j', 'missing')]
		};
		logframe.nodes.push(node('o0p0', 'output', 'o0'));
		const kinds = designChecks(logframe).map((c) => c.kind);
		expect(kinds.slice(0, 3)).toEqual(['noGoal', 'tooManyResults', 'onlyOutputIndicators']);
		expect(kinds.slice(3).every((k) => k === 'levelOrder' || k.startsWith('outcome'))).toBe(true);
	});
});

describe('logframeTree', () => {
	const strip = (tree: ReturnType<typeof logframeTree>): unknown =>
		tree.map((e) => ({
			id: e.node.id,
			indicators: e.indicators.map((i) => i.id),
			children: strip(e.children)
		}));

	it('nests children by position under their parents, with indicators by position', () => {
		const logframe: Logframe = {
			nodes: [
				node('p2', 'output', 'o', 5),
				node('o', 'outcome', 'g'),
				node('p1', 'output', 'o', 3),
				node('a', 'activity', 'p2'),
				node('g', 'goal', null)
			],
			indicators: [
				indicator('i2', 'o', { position: 1 }),
				indicator('i1', 'o', { position: 0 }),
				indicator('k', 'a')
			]
		};
		expect(strip(logframeTree(logframe))).toEqual([
			{
				id: 'g',
				indicators: [],
				children: [
					{
						id: 'o',
						indicators: ['i1', 'i2'],
						children: [
							{ id: 'p1', indicators: [], children: [] },
							{
								id: 'p2',
								indicators: [],
								children: [{ id: 'a', indicators: ['k'], children: [] }]
							}
						]
					}
				]
			}
		]);
	});

	it('puts goals first among roots, then orphans, then nodes caught in a cycle', () => {
		const logframe: Logframe = {
			nodes: [
				node('x', 'output', 'y'),
				node('orphan', 'outcome', 'gone', 0),
				node('y', 'output', 'x', 1),
				node('g2', 'goal', null, 1),
				node('g1', 'goal', null, 0)
			],
			indicators: [indicator('lost', 'gone')]
		};
		expect(strip(logframeTree(logframe))).toEqual([
			{ id: 'g1', indicators: [], children: [] },
			{ id: 'g2', indicators: [], children: [] },
			{ id: 'orphan', indicators: [], children: [] },
			{ id: 'x', indicators: [], children: [{ id: 'y', indicators: [], children: [] }] }
		]);
	});

	it('breaks position ties by id', () => {
		const logframe: Logframe = {
			nodes: [node('g', 'goal', null), node('b', 'outcome', 'g'), node('a', 'outcome', 'g')],
			indicators: []
		};
		expect(treeOrder(logframeTree(logframe)).map((e) => e.node.id)).toEqual(['g', 'a', 'b']);
	});

	it('reads depth first in treeOrder', () => {
		const order = treeOrder(logframeTree(sound())).map((e) => e.node.id);
		expect(order).toEqual(['g', 'o', 'p', 'a']);
	});

	it('survives a chain far deeper than the call stack', () => {
		const nodes = Array.from({ length: 20_000 }, (_, i) =>
			node(`n${i}`, 'activity', i === 0 ? null : `n${i - 1}`)
		);
		expect(treeOrder(logframeTree({ nodes, indicators: [] }))).toHaveLength(20_000);
	});
});

// ---------------------------------------------------------------------------------------------
// Properties over arbitrary (often malformed) logframes

const ID_COUNT = 12;
const nodeIds = Array.from({ length: ID_COUNT }, (_, i) => `n${i}`);

const arbIndicator = (id: string): fc.Arbitrary<IndicatorDefinition> =>
	fc
		.record({
			nodeId: fc.constantFrom(...nodeIds, 'ghost'),
			kind: fc.constantFrom(...INDICATOR_KINDS),
			baselineValue: fc.option(fc.integer({ min: -5, max: 100 })),
			baselineDate: fc.option(fc.constant('2025-01-01')),
			target: fc.option(fc.integer({ min: -5, max: 100 })),
			source: fc.constantFrom('survey' as const, 'manual' as const),
			surveyIds: fc.subarray(['s1', 's2']),
			rule: fc.option(fc.constant({ kind: 'mean' as const, question: 'q' })),
			position: fc.integer({ min: 0, max: 3 })
		})
		.map((fields) => indicator(id, fields.nodeId, fields));

const arbLogframe: fc.Arbitrary<Logframe> = fc
	.record({
		nodes: fc.uniqueArray(
			fc.record({
				id: fc.constantFrom(...nodeIds),
				level: fc.constantFrom(...LEVELS),
				parentId: fc.option(fc.constantFrom(...nodeIds, 'gone')),
				position: fc.integer({ min: 0, max: 3 })
			}),
			{ selector: (n) => n.id, maxLength: ID_COUNT }
		),
		indicators: fc.integer({ min: 0, max: 12 })
	})
	.chain(({ nodes, indicators }) =>
		fc
			.tuple(...Array.from({ length: indicators }, (_, i) => arbIndicator(`i${i}`)))
			.map((list) => ({
				nodes: nodes.map((n) => node(n.id, n.level, n.parentId, n.position)),
				indicators: list
			}))
	);

describe('design check properties', () => {
	it('never reference an id that is not in the logframe', () => {
		fc.assert(
			fc.property(arbLogframe, (logframe) => {
				const nodes = new Set(logframe.nodes.map((n) => n.id));
				const indicators = new Map(logframe.indicators.map((i) => [i.id, i.nodeId]));
				for (const check of designChecks(logframe)) {
					if (check.nodeId !== undefined) expect(nodes.has(check.nodeId)).toBe(true);
					if (check.indicatorId !== undefined)
						expect(indicators.get(check.indicatorId)).toBe(check.nodeId);
				}
			})
		);
	});

	it('never gain a baseline or target check from an indicator that has both', () => {
		const complete = fc
			.record({ nodeId: fc.constantFrom(...nodeIds), position: fc.integer({ min: 0, max: 3 }) })
			.map(({ nodeId, position }) => indicator('added', nodeId, { position }));
		const baselineOrTarget = (checks: DesignCheck[]) =>
			checks.filter(
				(c) => c.kind === 'indicatorWithoutBaseline' || c.kind === 'indicatorWithoutTarget'
			);
		fc.assert(
			fc.property(arbLogframe, complete, (logframe, added) => {
				const before = baselineOrTarget(designChecks(logframe));
				const after = baselineOrTarget(
					designChecks({ ...logframe, indicators: [...logframe.indicators, added] })
				);
				expect(after).toEqual(before);
			})
		);
	});

	it('do not depend on the order of the rows', () => {
		fc.assert(
			fc.property(arbLogframe, fc.infiniteStream(fc.double()), (logframe, keys) => {
				const shuffled = <T>(list: T[]): T[] =>
					list
						.map((item) => ({ item, key: keys.next().value as number }))
						.sort((a, b) => a.key - b.key)
						.map(({ item }) => item);
				const reordered = {
					nodes: shuffled(logframe.nodes),
					indicators: shuffled(logframe.indicators)
				};
				expect(designChecks(reordered)).toEqual(designChecks(logframe));
			})
		);
	});

	it('report each check at most once per node or indicator', () => {
		fc.assert(
			fc.property(arbLogframe, (logframe) => {
				const keys = designChecks(logframe).map((c) => `${c.kind}/${c.nodeId}/${c.indicatorId}`);
				expect(new Set(keys).size).toBe(keys.length);
			})
		);
	});

	it('flag every node in a parent cycle or out of level order, and only those', () => {
		fc.assert(
			fc.property(arbLogframe, (logframe) => {
				const byId = new Map(logframe.nodes.map((n) => [n.id, n]));
				const flagged = new Set(
					designChecks(logframe)
						.filter((c) => c.kind === 'levelOrder')
						.map((c) => c.nodeId)
				);
				for (const n of logframe.nodes) {
					const parent = n.parentId === null ? undefined : byId.get(n.parentId);
					const ok =
						n.level === 'goal'
							? n.parentId === null
							: !!parent && LEVELS.indexOf(parent.level) === LEVELS.indexOf(n.level) - 1;
					expect(flagged.has(n.id)).toBe(!ok);
				}
			})
		);
	});
});

describe('logframeTree properties', () => {
	it('holds every node once and every indicator of a known node once', () => {
		fc.assert(
			fc.property(arbLogframe, (logframe) => {
				const entries = treeOrder(logframeTree(logframe));
				expect(entries.map((e) => e.node.id).sort()).toEqual(
					logframe.nodes.map((n) => n.id).sort()
				);
				const known = new Set(logframe.nodes.map((n) => n.id));
				expect(entries.flatMap((e) => e.indicators.map((i) => i.id)).sort()).toEqual(
					logframe.indicators
						.filter((i) => known.has(i.nodeId))
						.map((i) => i.id)
						.sort()
				);
				for (const e of entries) {
					for (const i of e.indicators) expect(i.nodeId).toBe(e.node.id);
					for (const c of e.children) expect(c.node.parentId).toBe(e.node.id);
					const positions = e.children.map((c) => c.node.position);
					expect(positions).toEqual(positions.slice().sort((a, b) => a - b));
				}
			})
		);
	});
});
