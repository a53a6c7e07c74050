import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	ACCOUNT_RULE,
	ADDRESS_RULE,
	lockRemaining,
	registerFailure,
	type ThrottleRule,
	type ThrottleState
} from './throttle-policy';

const T0 = new Date('2025-03-01T10:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const RULE: ThrottleRule = { threshold: 3, windowMs: 60_000, baseLockMs: 1_000, maxLockMs: 10_000 };

/** The state after `n` failures, all at the same instant. */
function failTimes(n: number, rule = RULE, now = T0): ThrottleState | null {
	let state: ThrottleState | null = null;
	for (let i = 0; i < n; i++) state = registerFailure(state, now, rule);
	return state;
}

describe('registerFailure', () => {
	it.each([
		// failures, expected lock in ms (null = not locked)
		[1, null],
		[2, null],
		[3, 1_000],
		[4, 2_000],
		[5, 4_000],
		[6, 8_000],
		[7, 10_000],
		[8, 10_000],
		[60, 10_000],
		[2_000, 10_000]
	])('after %i failures locks for %s ms', (n, lockMs) => {
		const state = failTimes(n)!;
		expect(state.failures).toBe(n);
		expect(state.lockedUntil === null ? null : state.lockedUntil.getTime() - T0.getTime()).toBe(
			lockMs
		);
	});

	it('lets a person mistype four times before the account locks for 30 seconds', () => {
		expect(failTimes(4, ACCOUNT_RULE)!.lockedUntil).toBeNull();
		expect(lockRemaining(failTimes(5, ACCOUNT_RULE), T0)).toBe(30_000);
	});

	it('is more lenient per address than per account', () => {
		expect(failTimes(29, ADDRESS_RULE)!.lockedUntil).toBeNull();
		expect(lockRemaining(failTimes(30, ADDRESS_RULE), T0)).toBe(60_000);
	});

	it('starts a new window once the old one has passed', () => {
		const locked = failTimes(5)!;
		const later = registerFailure(locked, at(RULE.windowMs + 1), RULE);
		expect(later).toEqual({
			failures: 1,
			windowStartedAt: at(RULE.windowMs + 1),
			lockedUntil: null
		});
	});

	it('keeps counting in the same window up to its last millisecond', () => {
		const state = registerFailure(failTimes(1), at(RULE.windowMs), RULE);
		expect(state.failures).toBe(2);
		expect(state.windowStartedAt).toEqual(T0);
	});

	it('never locks longer than the maximum and counts failures up within a window', () => {
		const rule = fc.record({
			threshold: fc.integer({ min: 1, max: 50 }),
			windowMs: fc.integer({ min: 1, max: 3_600_000 }),
			baseLockMs: fc.integer({ min: 1, max: 600_000 }),
			maxLockMs: fc.integer({ min: 1, max: 7_200_000 })
		});
		fc.assert(
			fc.property(rule, fc.array(fc.nat(120_000), { maxLength: 80 }), (rule, gaps) => {
				let state: ThrottleState | null = null;
				let now = T0.getTime();
				for (const gap of gaps) {
					now += gap;
					const next = registerFailure(state, new Date(now), rule);
					const sameWindow = state && now - state.windowStartedAt.getTime() <= rule.windowMs;
					expect(next.failures).toBe(sameWindow ? state!.failures + 1 : 1);
					expect(lockRemaining(next, new Date(now))).toBeLessThanOrEqual(
						Math.max(rule.maxLockMs, 0)
					);
					expect(next.lockedUntil === null).toBe(next.failures < rule.threshold);
					state = next;
				}
			})
		);
	});
});

describe('lockRemaining', () => {
	const locked: ThrottleState = { failures: 5, windowStartedAt: T0, lockedUntil: at(30_000) };

	it.each([
		['no state', null, T0, 0],
		['no lock', { failures: 2, windowStartedAt: T0, lockedUntil: null }, T0, 0],
		['at the start of a lock', locked, T0, 30_000],
		['part way through', locked, at(20_000), 10_000],
		['at its end', locked, at(30_000), 0],
		['long after', locked, at(3_600_000), 0]
	] as const)('%s', (_name, state, now, expected) => {
		expect(lockRemaining(state, now)).toBe(expected);
	});
});
