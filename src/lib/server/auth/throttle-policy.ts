/** Failed sign-in throttling rules. Pure: the database only stores what these return. */

export interface ThrottleState {
	failures: number;
	windowStartedAt: Date;
	lockedUntil: Date | null;
}

export interface ThrottleRule {
	/** Failures allowed inside the window before locking starts. */
	threshold: number;
	windowMs: number;
	baseLockMs: number;
	maxLockMs: number;
}

const MINUTE = 60_000;

/** Per account: a person mistyping a few times is never slowed; a guesser soon is. */
export const ACCOUNT_RULE: ThrottleRule = {
	threshold: 5,
	windowMs: 15 * MINUTE,
	baseLockMs: 30_000,
	maxLockMs: 15 * MINUTE
};

/** Per address: higher, since an office may share one public address. */
export const ADDRESS_RULE: ThrottleRule = {
	threshold: 30,
	windowMs: 15 * MINUTE,
	baseLockMs: MINUTE,
	maxLockMs: 60 * MINUTE
};

/** Milliseconds until the key may try again; 0 when it may try now. */
export function lockRemaining(state: ThrottleState | null | undefined, now: Date): number {
	if (!state?.lockedUntil) return 0;
	return Math.max(0, state.lockedUntil.getTime() - now.getTime());
}

/** The state after one more failure. Locks double from the threshold on, up to the maximum. */
export function registerFailure(
	state: ThrottleState | null | undefined,
	now: Date,
	rule: ThrottleRule
): ThrottleState {
	const fresh = !state || now.getTime() - state.windowStartedAt.getTime() > rule.windowMs;
	const failures = fresh ? 1 : state.failures + 1;
	const windowStartedAt = fresh ? now : state.windowStartedAt;
	if (failures < rule.threshold) return { failures, windowStartedAt, lockedUntil: null };
	const lockMs = Math.min(rule.maxLockMs, rule.baseLockMs * 2 ** (failures - rule.threshold));
	return { failures, windowStartedAt, lockedUntil: new Date(now.getTime() + lockMs) };
}
