/**
 * Download bodies that are produced as they are read: the next chunk is asked for only when the
 * browser has taken the previous one, so a slow connection holds back the database reads
 * instead of filling the server's memory.
 */

/** A byte stream pulling text chunks from a generator; cancelling the download stops it. */
export function textStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	return new ReadableStream<Uint8Array>(
		{
			async pull(controller) {
				try {
					const next = await chunks.next();
					if (next.done) controller.close();
					else controller.enqueue(encoder.encode(next.value));
				} catch (error) {
					controller.error(error);
				}
			},
			async cancel() {
				await chunks.return(undefined);
			}
		},
		// One chunk ahead is enough: each is a whole page of rows.
		{ highWaterMark: 1 }
	);
}

/** Headers of a file download that no cache may keep (exports hold personal answers). */
export function downloadHeaders(fileName: string, contentType: string): Record<string, string> {
	return {
		'Content-Type': contentType,
		'Content-Disposition': `attachment; filename="${asciiFileName(fileName)}"`,
		'Cache-Control': 'no-store',
		'X-Content-Type-Options': 'nosniff'
	};
}

/** A file name any system and any Content-Disposition parser accepts: ASCII letters, digits, - _ . */
export function asciiFileName(name: string): string {
	const safe = name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^A-Za-z0-9._-]+/g, '_')
		.replace(/^[._]+/, '')
		.slice(0, 120);
	return safe || 'export';
}

export const CSV_TYPE = 'text/csv; charset=utf-8';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
