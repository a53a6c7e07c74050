import { beforeEach, describe, expect, it } from 'vitest';
import { forgetAll, refreshChanged, remembered } from './cache';

describe('remembered', () => {
	beforeEach(forgetAll);

	it('computes once while the fingerprint stays the same', async () => {
		let calls = 0;
		const compute = async () => ++calls;
		expect(await remembered('k', 'f1', compute)).toBe(1);
		expect(await remembered('k', 'f1', compute)).toBe(1);
		expect(calls).toBe(1);
	});

	it('computes afresh when the fingerprint changes, and keeps the new value', async () => {
		let calls = 0;
		const compute = async () => ++calls;
		await remembered('k', 'f1', compute);
		expect(await remembered('k', 'f2', compute)).toBe(2);
		expect(await remembered('k', 'f2', compute)).toBe(2);
		// Back to the first fingerprint: the old value was replaced, not kept beside it.
		expect(await remembered('k', 'f1', compute)).toBe(3);
	});

	it('keeps keys apart', async () => {
		expect(await remembered('a', 'f', async () => 'A')).toBe('A');
		expect(await remembered('b', 'f', async () => 'B')).toBe('B');
		expect(await remembered('a', 'f', async () => 'other')).toBe('A');
	});

	it('evicts the least recently used entry beyond 64', async () => {
		for (let i = 0; i < 64; i++) await remembered(`k${i}`, 'f', async () => i);
		// k0 used again: k1 is now the oldest.
		await remembered('k0', 'f', async () => -1);
		await remembered('k64', 'f', async () => 64);
		expect(await remembered('k0', 'f', async () => -1)).toBe(0);
		expect(await remembered('k1', 'f', async () => -1)).toBe(-1);
	});

	it('keeps nothing when the computation fails', async () => {
		await expect(
			remembered('k', 'f', async () => {
				throw new Error('database gone');
			})
		).rejects.toThrow('database gone');
		expect(await remembered('k', 'f', async () => 'ok')).toBe('ok');
	});
});

describe('refreshChanged', () => {
	beforeEach(forgetAll);

	it('recomputes entries whose fingerprint moved, so the next request finds them ready', async () => {
		let print = 'f1';
		let calls = 0;
		const compute = async () => ++calls;
		const fingerprint = async () => print;
		expect(await remembered('k', await fingerprint(), compute, fingerprint)).toBe(1);
		expect(await refreshChanged()).toBe(0);
		print = 'f2';
		expect(await refreshChanged()).toBe(1);
		expect(calls).toBe(2);
		// The request with the new fingerprint is served without computing.
		expect(await remembered('k', 'f2', compute, fingerprint)).toBe(2);
		expect(calls).toBe(2);
		expect(await refreshChanged()).toBe(0);
	});

	it('leaves alone entries without a way to refresh, or not asked for lately', async () => {
		let print = 'f1';
		let calls = 0;
		const compute = async () => ++calls;
		await remembered('no-refresh', 'f1', compute);
		await remembered('stale', 'f1', compute, async () => print);
		print = 'f2';
		await new Promise((resolve) => setTimeout(resolve, 5));
		expect(await refreshChanged(1)).toBe(0);
		expect(calls).toBe(2);
	});

	it('keeps the old value when a refresh fails', async () => {
		let fail = false;
		let print = 'f1';
		const compute = async () => {
			if (fail) throw new Error('database gone');
			return 'value';
		};
		await remembered('k', 'f1', compute, async () => print);
		fail = true;
		print = 'f2';
		const errors: unknown[] = [];
		const original = console.error;
		console.error = (...args: unknown[]) => errors.push(args);
		try {
			expect(await refreshChanged()).toBe(0);
		} finally {
			console.error = original;
		}
		expect(errors).toHaveLength(1);
		expect(await remembered('k', 'f1', async () => 'other')).toBe('value');
	});
});
