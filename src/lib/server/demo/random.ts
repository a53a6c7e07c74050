/**
 * A small seeded generator (mulberry32) so the demo data is the same on every machine.
 * Not for anything secret.
 */
export function seededRandom(seed: number) {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		/** Uniform in [0, 1). */
		next,
		/** Integer in [min, max]. */
		int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
		/** One item, chosen with the given weights (default: equal). */
		pick: <T>(items: readonly T[], weights?: readonly number[]): T => {
			const w = weights ?? items.map(() => 1);
			let r = next() * w.reduce((a, b) => a + b, 0);
			for (let i = 0; i < items.length; i++) {
				r -= w[i]!;
				if (r < 0) return items[i]!;
			}
			return items[items.length - 1]!;
		}
	};
}

export type Random = ReturnType<typeof seededRandom>;
