import { describe, expect, it } from 'vitest';
import { logframeTree } from '$lib/programmes/checks';
import type { IndicatorDefinition, Level, LogframeNode } from '$lib/programmes/model';
import { dashboardSections, unboundIndicators } from './sections';

function node(id: string, level: Level, parentId: string | null, position = 0): LogframeNode {
	return {
		id,
		parentId,
		level,
		code: id,
		narrative: `${id} narrative`,
		assumptions: 'secret',
		position
	};
}

function indicator(id: string, nodeId: string, extra: Partial<IndicatorDefinition> = {}) {
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
		surveyIds: ['s'],
		rule: { kind: 'count' },
		libraryId: null,
		position: 0,
		...extra
	} satisfies IndicatorDefinition;
}

const nodes = [
	node('g', 'goal', null),
	node('o2', 'outcome', 'g', 2),
	node('o1', 'outcome', 'g', 1),
	node('p1', 'output', 'o1'),
	node('a1', 'activity', 'p1'),
	node('a2', 'activity', 'p1', 1),
	node('p2', 'output', 'o2')
];

describe('dashboardSections', () => {
	const sections = dashboardSections(
		logframeTree({
			nodes,
			indicators: [indicator('i1', 'o1'), indicator('i2', 'p1'), indicator('i3', 'a2')]
		})
	);

	it('walks goal, outcomes by position and their outputs, with their indicators', () => {
		const outline = (list: typeof sections): unknown[] =>
			list.map((s) => [s.id, s.indicatorIds, outline(s.children)]);
		expect(outline(sections)).toEqual([
			[
				'g',
				[],
				[
					['o1', ['i1'], [['p1', ['i2'], [['a2', ['i3'], []]]]]],
					['o2', [], [['p2', [], []]]]
				]
			]
		]);
	});

	it('carries only what a donor may read of a node', () => {
		expect(Object.keys(sections[0]!).sort()).toEqual(
			['children', 'code', 'id', 'indicatorIds', 'level', 'narrative'].sort()
		);
		expect(JSON.stringify(sections)).not.toContain('secret');
	});

	it('keeps what sits under an activity without indicators', () => {
		const odd = dashboardSections(
			logframeTree({
				nodes: [node('a', 'activity', null), node('x', 'output', 'a')],
				indicators: [indicator('i', 'x')]
			})
		);
		expect(odd.map((s) => s.id)).toEqual(['x']);
	});
});

describe('unboundIndicators', () => {
	it('lists survey indicators without a survey or a rule, never manual ones', () => {
		expect(
			unboundIndicators([
				indicator('bound', 'o1'),
				indicator('noSurvey', 'o1', { surveyIds: [] }),
				indicator('noRule', 'o1', { rule: null }),
				indicator('manual', 'o1', { source: 'manual', surveyIds: [], rule: null })
			])
		).toEqual(['noSurvey', 'noRule']);
	});
});
