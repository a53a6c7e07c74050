import { describe, expect, it } from 'vitest';
import { byCriterion, evidenceView } from './evidence';

const lookups = {
	indicators: {
		i1: {
			code: 'SAFE-1',
			statement: 'Feel safe',
			unit: '%',
			figures: { all: { value: 62, n: 40, reason: null }, '2026-Q1': null }
		}
	},
	themes: { t1: { name: 'Waiting times', count: 12 } },
	periodLabel: (key: string) => (key === 'all' ? 'Programme to date' : `P ${key}`),
	dimensionLabel: (d: string) => `D ${d}`
};

describe('evidenceView', () => {
	it('shows an indicator figure for its period, with its breakdown named', () => {
		expect(
			evidenceView(
				{ kind: 'indicator', indicatorId: 'i1', period: 'all', dimension: 'sex' },
				lookups
			)
		).toEqual({
			kind: 'indicator',
			code: 'SAFE-1',
			statement: 'Feel safe',
			unit: '%',
			period: 'all',
			periodLabel: 'Programme to date',
			dimensionLabel: 'D sex',
			current: { value: 62, n: 40, reason: null }
		});
	});

	it('has no current figure for a period without one', () => {
		const view = evidenceView(
			{ kind: 'indicator', indicatorId: 'i1', period: '2026-Q1', dimension: null },
			lookups
		);
		expect(view).toMatchObject({ periodLabel: 'P 2026-Q1', dimensionLabel: null, current: null });
		const later = evidenceView(
			{ kind: 'indicator', indicatorId: 'i1', period: '2026-Q4', dimension: null },
			lookups
		);
		expect(later).toMatchObject({ current: null });
	});

	it('shows a theme with its count, and a paraphrase as written', () => {
		expect(evidenceView({ kind: 'theme', themeId: 't1', dimension: null }, lookups)).toEqual({
			kind: 'theme',
			name: 'Waiting times',
			dimensionLabel: null,
			count: 12
		});
		expect(evidenceView({ kind: 'paraphrase', text: 'Long waits' }, lookups)).toEqual({
			kind: 'paraphrase',
			text: 'Long waits'
		});
	});

	it('says what a deleted indicator or theme was', () => {
		expect(
			evidenceView(
				{ kind: 'indicator', indicatorId: 'gone', period: 'all', dimension: null },
				lookups
			)
		).toEqual({ kind: 'missing', was: 'indicator' });
		expect(evidenceView({ kind: 'theme', themeId: 'gone', dimension: 'sex' }, lookups)).toEqual({
			kind: 'missing',
			was: 'theme'
		});
	});
});

describe('byCriterion', () => {
	it('groups in DAC order, keeping order within a group and leaving out empty criteria', () => {
		const f = (id: string, criterion: 'relevance' | 'impact' | 'efficiency') => ({ id, criterion });
		const groups = byCriterion([
			f('a', 'impact'),
			f('b', 'relevance'),
			f('c', 'impact'),
			f('d', 'efficiency')
		]);
		expect(groups.map((g) => [g.criterion, g.findings.map((x) => x.id)])).toEqual([
			['relevance', ['b']],
			['efficiency', ['d']],
			['impact', ['a', 'c']]
		]);
		expect(byCriterion([])).toEqual([]);
	});
});
