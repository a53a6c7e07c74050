import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTION_STATES, RESPONSE_DECISIONS } from './model';
import { isOverdue, responseSummary, type TrackedRecommendation } from './responses';

const today = '2026-12-02';
const rec = (
	decision: TrackedRecommendation['decision'],
	dueOn: string | null,
	actionState: TrackedRecommendation['actionState'] = 'notStarted'
): TrackedRecommendation => ({ decision, dueOn, actionState });

describe('isOverdue', () => {
	it.each([
		['accepted, due yesterday, not started', rec('accepted', '2026-12-01'), true],
		['partial, due long ago, in progress', rec('partial', '2025-01-01', 'inProgress'), true],
		['awaiting a response, due yesterday', rec(null, '2026-12-01'), true],
		['due today', rec('accepted', '2026-12-02'), false],
		['due tomorrow', rec('accepted', '2026-12-03'), false],
		['no due date', rec('accepted', null), false],
		['done late', rec('accepted', '2026-01-01', 'done'), false],
		['not accepted, due yesterday', rec('notAccepted', '2026-12-01'), false]
	])('%s → %s', (_, r, expected) => {
		expect(isOverdue(r, today)).toBe(expected);
	});
});

describe('responseSummary', () => {
	it('is all zeros without recommendations', () => {
		expect(responseSummary([], today)).toEqual({
			total: 0,
			accepted: 0,
			partial: 0,
			notAccepted: 0,
			awaiting: 0,
			done: 0,
			overdue: 0,
			inProgress: 0,
			notStarted: 0
		});
	});

	it('counts decisions and actions, a late one as overdue rather than in progress', () => {
		const summary = responseSummary(
			[
				rec('accepted', '2026-01-01', 'done'),
				rec('accepted', '2026-01-01', 'inProgress'),
				rec('partial', '2027-01-01', 'inProgress'),
				rec('partial', null),
				rec('notAccepted', '2026-01-01'),
				rec(null, '2026-11-30'),
				rec(null, null)
			],
			today
		);
		expect(summary).toEqual({
			total: 7,
			accepted: 2,
			partial: 2,
			notAccepted: 1,
			awaiting: 2,
			done: 1,
			overdue: 2,
			inProgress: 1,
			notStarted: 2
		});
	});

	it('puts every recommendation in one decision group and every tracked action in one state', () => {
		const r = fc.record({
			decision: fc.constantFrom(null, ...RESPONSE_DECISIONS),
			dueOn: fc.constantFrom(null, '2026-01-01', '2026-12-02', '2027-06-30'),
			actionState: fc.constantFrom(...ACTION_STATES)
		});
		fc.assert(
			fc.property(fc.array(r, { maxLength: 30 }), (list) => {
				const s = responseSummary(list, today);
				expect(s.accepted + s.partial + s.notAccepted + s.awaiting).toBe(list.length);
				expect(s.done + s.overdue + s.inProgress + s.notStarted).toBe(list.length - s.notAccepted);
				expect(s.overdue).toBe(list.filter((x) => isOverdue(x, today)).length);
			})
		);
	});
});
