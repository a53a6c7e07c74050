import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { inspectZip } from './zip';

/**
 * Zip archives for tests and benchmarks: a real workbook's entries, plus what a hostile file
 * adds (a bomb, a directory that lies about sizes, thousands of entries).
 */

const MAX32 = 0xffffffff;

export interface TestEntry {
	name: string;
	data: Uint8Array;
	/** Stored instead of deflated. */
	store?: boolean;
	/** The unpacked size the directory claims, when it should lie. */
	claim?: number;
}

/**
 * A zip of `entries`, with a trailing `comment`; `zip64` writes every size and offset in the
 * ZIP64 extra field and end records, as some writers do even for small files.
 */
export function zipOf(
	entries: TestEntry[],
	options: { zip64?: boolean; comment?: string } = {}
): Uint8Array {
	const wide = options.zip64 === true;
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const entry of entries) {
		const name = Buffer.from(entry.name);
		const packed = entry.store ? Buffer.from(entry.data) : deflateRawSync(entry.data, { level: 9 });
		const crc = crc32(entry.data);
		const size = entry.claim ?? entry.data.byteLength;
		const method = entry.store ? 0 : 8;
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(method, 8);
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(packed.byteLength, 18);
		local.writeUInt32LE(size, 22);
		local.writeUInt16LE(name.byteLength, 26);
		locals.push(local, name, packed);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(45, 4);
		central.writeUInt16LE(wide ? 45 : 20, 6);
		central.writeUInt16LE(method, 10);
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(wide ? MAX32 : packed.byteLength, 20);
		central.writeUInt32LE(wide ? MAX32 : size, 24);
		central.writeUInt16LE(name.byteLength, 28);
		central.writeUInt32LE(wide ? MAX32 : offset, 42);
		const extra = Buffer.alloc(wide ? 28 : 0);
		if (wide) {
			extra.writeUInt16LE(1, 0);
			extra.writeUInt16LE(24, 2);
			extra.writeBigUInt64LE(BigInt(size), 4);
			extra.writeBigUInt64LE(BigInt(packed.byteLength), 12);
			extra.writeBigUInt64LE(BigInt(offset), 20);
			central.writeUInt16LE(extra.byteLength, 30);
		}
		centrals.push(central, name, extra);
		offset += 30 + name.byteLength + packed.byteLength;
	}
	const directory = Buffer.concat(centrals);
	const ends: Buffer[] = [];
	if (wide) {
		const end64 = Buffer.alloc(56);
		end64.writeUInt32LE(0x06064b50, 0);
		end64.writeBigUInt64LE(44n, 4);
		end64.writeUInt16LE(45, 12);
		end64.writeUInt16LE(45, 14);
		end64.writeBigUInt64LE(BigInt(entries.length), 24);
		end64.writeBigUInt64LE(BigInt(entries.length), 32);
		end64.writeBigUInt64LE(BigInt(directory.byteLength), 40);
		end64.writeBigUInt64LE(BigInt(offset), 48);
		const locator = Buffer.alloc(20);
		locator.writeUInt32LE(0x07064b50, 0);
		locator.writeBigUInt64LE(BigInt(offset + directory.byteLength), 8);
		locator.writeUInt32LE(1, 16);
		ends.push(end64, locator);
	}
	const comment = Buffer.from(options.comment ?? '');
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(wide ? 0xffff : entries.length, 8);
	end.writeUInt16LE(wide ? 0xffff : entries.length, 10);
	end.writeUInt32LE(wide ? MAX32 : directory.byteLength, 12);
	end.writeUInt32LE(wide ? MAX32 : offset, 16);
	end.writeUInt16LE(comment.byteLength, 20);
	return new Uint8Array(Buffer.concat([...locals, directory, ...ends, end, comment]));
}

/** The entries of an archive, inflated (tests only: synchronous). */
export function entriesOf(bytes: Uint8Array): TestEntry[] {
	const directory = inspectZip(bytes);
	if (!directory.ok) throw new Error(directory.problem);
	const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	return directory.entries.map((e) => {
		const at = e.offset + 30 + view.readUInt16LE(e.offset + 26) + view.readUInt16LE(e.offset + 28);
		const packed = view.subarray(at, at + e.packed);
		return { name: e.name, data: e.method === 0 ? packed : inflateRawSync(packed) };
	});
}

/** A workbook with a file of `size` zero bytes added: it packs about a thousand to one. */
export function bombOf(workbook: Uint8Array, size: number, claim?: number): Uint8Array {
	return zipOf([
		...entriesOf(workbook),
		{ name: 'xl/media/image1.png', data: new Uint8Array(size), claim }
	]);
}
