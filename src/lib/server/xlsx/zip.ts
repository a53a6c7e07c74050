import { inflateRaw } from 'node:zlib';

/**
 * What an .xlsx (a zip archive) says it holds, read from its central directory before anything
 * is inflated, and then checked against what it really inflates to. A 100 KB zip bomb unpacks to
 * 100 MB; left to the spreadsheet library it took seconds of the event loop and gigabytes of
 * memory. Limits are far above any real form or logframe (a 1,000-question XLSForm in three
 * languages unpacks to under 1 MB from 11 entries).
 */

export const ZIP_LIMITS = {
	/** Files inside the archive: a workbook has a dozen or so, a few hundred with images. */
	entries: 1000,
	/** Unpacked size of all entries together. */
	unpacked: 64 * 1024 * 1024,
	/** Unpacked ÷ packed for one entry over `ratioFrom` bytes: sheet XML rarely passes 30. */
	ratio: 200,
	ratioFrom: 1024 * 1024
};

export type ZipLimits = typeof ZIP_LIMITS;

export type ZipProblem = 'notZip' | 'tooManyEntries' | 'tooLarge' | 'ratio';

export interface ZipEntry {
	name: string;
	/** 0 stored, 8 deflated: the only methods an .xlsx uses. */
	method: 0 | 8;
	packed: number;
	unpacked: number;
	/** Offset of the entry's local header. */
	offset: number;
}

export type ZipDirectory =
	{ ok: true; entries: ZipEntry[]; unpacked: number } | { ok: false; problem: ZipProblem };

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;

/** Reads the central directory (ZIP64 included). Never inflates; O(entries). */
export function inspectZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipDirectory {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const end = findEnd(view);
	if (end < 0) return { ok: false, problem: 'notZip' };
	let count = view.getUint16(end + 10, true);
	let size = view.getUint32(end + 12, true);
	let start = view.getUint32(end + 16, true);
	if (count === MAX16 || size === MAX32 || start === MAX32) {
		const zip64 = readZip64End(view, end);
		if (!zip64) return { ok: false, problem: 'notZip' };
		({ count, size, start } = zip64);
	}
	// Checked before reading a single entry: a directory cannot claim more than it holds.
	if (count > limits.entries) return { ok: false, problem: 'tooManyEntries' };
	if (start + size > end || count * 46 > size) return { ok: false, problem: 'notZip' };

	const entries: ZipEntry[] = [];
	let unpacked = 0;
	let at = start;
	for (let i = 0; i < count; i++) {
		if (at + 46 > end || view.getUint32(at, true) !== CENTRAL)
			return { ok: false, problem: 'notZip' };
		const flags = view.getUint16(at + 8, true);
		const method = view.getUint16(at + 10, true);
		let packed = view.getUint32(at + 20, true);
		let size = view.getUint32(at + 24, true);
		const nameLength = view.getUint16(at + 28, true);
		const extraLength = view.getUint16(at + 30, true);
		const commentLength = view.getUint16(at + 32, true);
		let offset = view.getUint32(at + 42, true);
		const next = at + 46 + nameLength + extraLength + commentLength;
		if (next > end) return { ok: false, problem: 'notZip' };
		// Encrypted entries (bit 0) and methods other than stored and deflate are no workbook.
		if (flags & 1 || (method !== 0 && method !== 8)) return { ok: false, problem: 'notZip' };
		if (packed === MAX32 || size === MAX32 || offset === MAX32) {
			const wide = readZip64Extra(view, at + 46 + nameLength, extraLength, {
				size: size === MAX32,
				packed: packed === MAX32,
				offset: offset === MAX32
			});
			if (!wide) return { ok: false, problem: 'notZip' };
			({ size, packed, offset } = { size, packed, offset, ...wide });
		}
		unpacked += size;
		if (unpacked > limits.unpacked) return { ok: false, problem: 'tooLarge' };
		if (size > limits.ratioFrom && size > packed * limits.ratio)
			return { ok: false, problem: 'ratio' };
		if (offset + 30 + packed > end) return { ok: false, problem: 'notZip' };
		const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
		entries.push({ name, method: method as 0 | 8, packed, unpacked: size, offset });
		at = next;
	}
	return { ok: true, entries, unpacked };
}

/** The end-of-central-directory record: the last 22 bytes, or earlier behind a comment. */
function findEnd(view: DataView): number {
	const last = view.byteLength - 22;
	for (let at = last; at >= 0 && at >= last - MAX16; at--)
		if (
			view.getUint32(at, true) === EOCD &&
			at + 22 + view.getUint16(at + 20, true) <= view.byteLength
		)
			return at;
	return -1;
}

function readZip64End(view: DataView, end: number) {
	const locator = end - 20;
	if (locator < 0 || view.getUint32(locator, true) !== EOCD64_LOCATOR) return null;
	const at = safeNumber(view.getBigUint64(locator + 8, true));
	if (at === null || at + 56 > locator || view.getUint32(at, true) !== EOCD64) return null;
	const count = safeNumber(view.getBigUint64(at + 32, true));
	const size = safeNumber(view.getBigUint64(at + 40, true));
	const start = safeNumber(view.getBigUint64(at + 48, true));
	return count === null || size === null || start === null ? null : { count, size, start };
}

/** The ZIP64 extra field (id 1): 8-byte values, in order, for the fields that overflowed. */
function readZip64Extra(
	view: DataView,
	from: number,
	length: number,
	wanted: { size: boolean; packed: boolean; offset: boolean }
): { size?: number; packed?: number; offset?: number } | null {
	for (let at = from; at + 4 <= from + length;) {
		const id = view.getUint16(at, true);
		const dataLength = view.getUint16(at + 2, true);
		if (id === 1) {
			const values: { size?: number; packed?: number; offset?: number } = {};
			let p = at + 4;
			for (const key of ['size', 'packed', 'offset'] as const) {
				if (!wanted[key]) continue;
				if (p + 8 > at + 4 + dataLength) return null;
				const value = safeNumber(view.getBigUint64(p, true));
				if (value === null) return null;
				values[key] = value;
				p += 8;
			}
			return values;
		}
		at += 4 + dataLength;
	}
	return null;
}

function safeNumber(value: bigint): number | null {
	return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : null;
}

/**
 * Inflates every entry once, off the event loop (zlib's thread pool), each stopped at the size
 * its directory entry declares: a bomb that lies in its directory is caught here, having cost no
 * more memory than the honest size of one entry. Resolves to the problem found, or null.
 */
export async function verifyZip(
	bytes: Uint8Array,
	entries: ZipEntry[]
): Promise<ZipProblem | null> {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	for (const entry of entries) {
		const at = entry.offset;
		if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== LOCAL) return 'notZip';
		const dataAt = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
		if (dataAt + entry.packed > bytes.byteLength) return 'notZip';
		const data = bytes.subarray(dataAt, dataAt + entry.packed);
		if (entry.method === 0) {
			if (entry.packed !== entry.unpacked) return 'notZip';
			continue;
		}
		const problem = await new Promise<ZipProblem | null>((resolve) =>
			// One byte more than declared tells "larger than it says" from "exactly as it says".
			inflateRaw(data, { maxOutputLength: entry.unpacked + 1 }, (error, out) => {
				if (error)
					resolve(
						(error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'tooLarge' : 'notZip'
					);
				else resolve(out.byteLength === entry.unpacked ? null : 'notZip');
			})
		);
		if (problem) return problem;
	}
	return null;
}
