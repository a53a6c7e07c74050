/**
 * Reading exports back in tests: an RFC 4180 parser written independently of csv.ts (a
 * character-by-character state machine), so a quoting bug in the writer cannot hide itself.
 */
export function parseCsv(text: string): string[][] {
	const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < body.length; i++) {
		const c = body[i]!;
		if (quoted) {
			if (c === '"' && body[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (c === '"') quoted = false;
			else cell += c;
		} else if (c === '"') {
			if (cell !== '') throw new Error(`quote inside an unquoted cell at ${i}`);
			quoted = true;
		} else if (c === ',') {
			row.push(cell);
			cell = '';
		} else if (c === '\r' && body[i + 1] === '\n') {
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
			i++;
		} else if (c === '\n' || c === '\r') throw new Error(`bare line break at ${i}`);
		else cell += c;
	}
	if (quoted) throw new Error('unterminated quoted cell');
	if (cell !== '' || row.length > 0) throw new Error('last row has no CRLF');
	return rows;
}

/** Rows as records keyed by the header row. */
export function csvRecords(text: string): Record<string, string>[] {
	const [header, ...rows] = parseCsv(text);
	if (!header) return [];
	return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** Everything a stream or generator yields, as one string. */
export async function collect(chunks: AsyncIterable<string | Uint8Array>): Promise<string> {
	const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
	let out = '';
	for await (const chunk of chunks)
		out += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
	return out + decoder.decode();
}
