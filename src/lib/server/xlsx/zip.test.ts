import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { handMadeForm, workbook } from '../../survey/xlsform/testing';
import { bombOf, entriesOf, zipOf } from './testing';
import { inspectZip, verifyZip, ZIP_LIMITS } from './zip';

const MB = 1024 * 1024;
let form: Uint8Array;

beforeAll(async () => {
	form = await workbook(handMadeForm());
});

const text = (s: string) => new TextEncoder().encode(s);

describe('inspectZip', () => {
	it('lists a real workbook’s entries and their unpacked sizes, without inflating', () => {
		const directory = inspectZip(form);
		if (!directory.ok) throw new Error(directory.problem);
		const inflated = entriesOf(form);
		expect(directory.entries.map((e) => e.name)).toEqual(inflated.map((e) => e.name));
		expect(directory.entries.map((e) => e.unpacked)).toEqual(inflated.map((e) => e.data.length));
		expect(directory.unpacked).toBe(inflated.reduce((sum, e) => sum + e.data.length, 0));
		expect(directory.entries.map((e) => e.name)).toContain('xl/workbook.xml');
	});

	it('reads ZIP64 directories and an archive comment', () => {
		const entries = [
			{ name: 'a.xml', data: text('<a/>'.repeat(100)) },
			{ name: 'b.bin', data: new Uint8Array([1, 2, 3]), store: true }
		];
		for (const options of [{ zip64: true }, { comment: 'made by hand' }, {}]) {
			const directory = inspectZip(zipOf(entries, options));
			expect(directory, JSON.stringify(options)).toMatchObject({
				ok: true,
				unpacked: 403,
				entries: [
					{ name: 'a.xml', method: 8, unpacked: 400 },
					{ name: 'b.bin', method: 0, packed: 3, unpacked: 3 }
				]
			});
		}
	});

	it.each([
		['nothing', new Uint8Array()],
		['text', text('this is not a spreadsheet at all')],
		['a CSV', text('ref,parent ref,level\nN1,,goal\n')],
		['a zip cut short', () => form.subarray(0, form.length - 30)],
		['a zip without its start', () => form.subarray(200)],
		['a local header only', text('PK\x03\x04' + ' '.repeat(200))]
	])('refuses %s as notZip', (_, bytes) => {
		const data = typeof bytes === 'function' ? bytes() : bytes;
		expect(inspectZip(data)).toEqual({ ok: false, problem: 'notZip' });
	});

	it('refuses encrypted entries and methods other than stored and deflate', () => {
		const zip = zipOf([{ name: 'a', data: text('hello') }]);
		const directoryAt = zip.length - 22 - 46 - 1;
		const encrypted = zip.slice();
		encrypted[directoryAt + 8] = 1;
		const bzip2 = zip.slice();
		bzip2[directoryAt + 10] = 12;
		expect(inspectZip(zip).ok).toBe(true);
		expect(inspectZip(encrypted)).toEqual({ ok: false, problem: 'notZip' });
		expect(inspectZip(bzip2)).toEqual({ ok: false, problem: 'notZip' });
	});

	it('refuses more entries than the limit, at the limit reads them', () => {
		const many = (n: number) =>
			zipOf(Array.from({ length: n }, (_, i) => ({ name: `f${i}`, data: new Uint8Array(1) })));
		expect(inspectZip(many(ZIP_LIMITS.entries))).toMatchObject({ ok: true });
		expect(inspectZip(many(ZIP_LIMITS.entries + 1))).toEqual({
			ok: false,
			problem: 'tooManyEntries'
		});
	});

	it('refuses a directory that claims more than the limit unpacked, honestly or not', () => {
		const limits = { ...ZIP_LIMITS, unpacked: 10 * MB };
		expect(inspectZip(bombOf(form, 11 * MB), limits)).toEqual({ ok: false, problem: 'tooLarge' });
		expect(inspectZip(bombOf(form, 100, 11 * MB), limits)).toEqual({
			ok: false,
			problem: 'tooLarge'
		});
		// Many entries that each look reasonable add up.
		const parts = Array.from({ length: 6 }, (_, i) => ({
			name: `xl/media/${i}.bin`,
			data: crypto.getRandomValues(new Uint8Array(65536)),
			claim: 2 * MB
		}));
		expect(inspectZip(zipOf(parts), limits)).toEqual({ ok: false, problem: 'tooLarge' });
	});

	it('refuses an entry packed tighter than the ratio allows, over its threshold only', () => {
		expect(inspectZip(bombOf(form, 2 * MB))).toEqual({ ok: false, problem: 'ratio' });
		// Under the threshold a tight entry is fine: the total is what bounds memory there.
		expect(inspectZip(bombOf(form, MB - 1))).toMatchObject({ ok: true });
	});

	it('never throws, whatever the bytes (mutations of a real workbook and random ones)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }),
				fc.nat(),
				(changes, cut) => {
					const bytes = form.slice(0, form.length - (cut % 64));
					for (const [at, value] of changes) bytes[at % bytes.length] = value;
					const result = inspectZip(bytes);
					expect(typeof result.ok).toBe('boolean');
				}
			),
			{ numRuns: 2000 }
		);
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
				expect(typeof inspectZip(bytes).ok).toBe('boolean');
			}),
			{ numRuns: 2000 }
		);
	});
});

describe('verifyZip', () => {
	const check = (zip: Uint8Array) => {
		const directory = inspectZip(zip);
		if (!directory.ok) throw new Error(directory.problem);
		return verifyZip(zip, directory.entries);
	};

	it('passes an honest workbook', async () => {
		expect(await check(form)).toBeNull();
		expect(await check(zipOf(entriesOf(form), { zip64: true }))).toBeNull();
	});

	it('catches a directory that says an entry is smaller than it inflates to', async () => {
		// 50 MB of zeros claiming 100 bytes: stopped after 101 bytes, never inflated whole.
		expect(await check(bombOf(form, 50 * MB, 100))).toBe('tooLarge');
	});

	it('catches one that says an entry is larger, and stored entries that disagree', async () => {
		expect(await check(bombOf(form, 100, 200))).toBe('notZip');
		expect(await check(zipOf([{ name: 'a', data: text('abc'), store: true, claim: 5 }]))).toBe(
			'notZip'
		);
	});

	it('catches deflated data that is not deflate', async () => {
		const zip = zipOf([{ name: 'a.xml', data: text('<a/>'.repeat(1000)) }]);
		const broken = zip.slice();
		broken.fill(0xff, 30 + 5, 30 + 5 + 20);
		expect(await check(broken)).toBe('notZip');
	});
});
