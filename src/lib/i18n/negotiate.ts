/** Language ranges of an Accept-Language header, best first (RFC 9110 §12.5.4). Pure. */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
	if (!header) return [];
	return header
		.split(',')
		.map((part, index) => {
			const [range = '', ...params] = part.trim().split(';');
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			const quality = q ? Number(q.slice(2)) : 1;
			return { range: range.trim().toLowerCase(), quality, index };
		})
		.filter((r) => r.range && r.range !== '*' && Number.isFinite(r.quality) && r.quality > 0)
		.sort((a, b) => b.quality - a.quality || a.index - b.index)
		.map((r) => r.range);
}

/**
 * The first supported language matching the wishes, in order: an exact tag first, then its
 * primary subtag (pt-BR → pt). Returns undefined when nothing matches.
 */
export function pickLanguage<L extends string>(
	wishes: readonly (string | null | undefined)[],
	supported: readonly L[]
): L | undefined {
	for (const wish of wishes) {
		if (!wish) continue;
		const tag = wish.toLowerCase();
		const exact = supported.find((s) => s.toLowerCase() === tag);
		if (exact) return exact;
		const primary = supported.find((s) => s.toLowerCase() === tag.split('-')[0]);
		if (primary) return primary;
	}
	return undefined;
}
