import { beforeEach, describe, expect, it } from 'vitest';
import { forgetAll, remembered } from './cache';

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
