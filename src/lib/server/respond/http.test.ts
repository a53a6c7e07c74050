import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	isFormPost,
	isRespondentPath,
	loggablePath,
	MAX_BODY_BYTES,
	readBoundedForm
} from './http';

const URL_ = 'http://heard.test/s/demo';
const FORM = 'application/x-www-form-urlencoded';

function post(body: BodyInit | null, headers: Record<string, string> = {}): Request {
	return new Request(URL_, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
}

/**
 * A body that arrives in chunks with no declared length, as a chunked upload does. Counts the
 * bytes pulled and whether the reader gave up; an endless one goes on with `x` for ever.
 */
function streamed(body: Uint8Array, { chunk = 7, endless = false } = {}) {
	const seen = { pulled: 0, cancelled: false };
	const filler = new Uint8Array(chunk).fill(0x78);
	let at = 0;
	const stream = new ReadableStream<Uint8Array>(
		{
			pull(controller) {
				if (at >= body.byteLength && !endless) return controller.close();
				const next = at < body.byteLength ? body.slice(at, at + chunk) : filler.slice();
				at += next.byteLength;
				seen.pulled += next.byteLength;
				controller.enqueue(next);
			},
			cancel() {
				seen.cancelled = true;
			}
		},
		{ highWaterMark: 0 }
	);
	return { stream, seen };
}

const bytes = (text: string) => new TextEncoder().encode(text);
const entries = (params: URLSearchParams | null) => (params ? [...params] : params);

describe('isRespondentPath', () => {
	it.each<[string, boolean]>([
		['/s/demo', true],
		['/s/abcde23456/page', true],
		['/s', true],
		['/s/', true],
		['/i/ABCDE-FGHIJ', true],
		['/i', true],
		['/i/', true],
		['/settings', false],
		['/sx', false],
		['/s-demo', false],
		['/invite/abc', false],
		['/i-am', false],
		['/', false],
		['', false],
		['/o/acme/s/demo', false],
		['/api/s/demo', false],
		['/login', false]
	])('%s → %s', (path, expected) => {
		expect(isRespondentPath(path)).toBe(expected);
	});
});

describe('loggablePath', () => {
	it.each<[string, string]>([
		['/i/ABCDE-FGHIJ', '/i/…'],
		['/i/abcdefghij', '/i/…'],
		['/i/ABCDE-FGHIJ/thanks', '/i/…'],
		// The page where a code is typed holds no code.
		['/i', '/i'],
		['/s/demo', '/s/demo'],
		['/o/acme/settings', '/o/acme/settings']
	])('%s → %s', (path, expected) => {
		expect(loggablePath(path)).toBe(expected);
	});

	it('never lets a single-use code through (property)', () => {
		const code = fc.string({
			unit: fc.constantFrom(...'ABCDEFGHJKMNPQRSTUVWXYZ23456789-'),
			minLength: 3
		});
		fc.assert(
			fc.property(code, fc.constantFrom('', '/', '/done', '/page/2'), (c, rest) => {
				expect(loggablePath(`/i/${c}${rest}`)).not.toContain(c);
			})
		);
	});
});

describe('isFormPost', () => {
	it.each<[string | undefined, boolean]>([
		[FORM, true],
		[`${FORM}; charset=UTF-8`, true],
		['Application/X-WWW-Form-Urlencoded', true],
		['multipart/form-data; boundary=----x', true],
		[' multipart/form-data ;boundary=y', true],
		['application/json', false],
		['text/plain', false],
		['text/plain;charset=UTF-8', false],
		['application/x-www-form-urlencoded-but-not', false],
		[undefined, false]
	])('%s → %s', (type, expected) => {
		expect(isFormPost(post(null, type ? { 'content-type': type } : {}))).toBe(expected);
	});

	it('recognises what a browser sends for a form, urlencoded or multipart', () => {
		expect(isFormPost(post(new URLSearchParams({ a: '1' })))).toBe(true);
		const data = new FormData();
		data.append('a', '1');
		expect(isFormPost(post(data))).toBe(true);
		expect(isFormPost(post('{"a":1}', { 'content-type': 'application/json' }))).toBe(false);
	});
});

describe('readBoundedForm', () => {
	it('reads an urlencoded form, repeated keys and non-Latin text included', async () => {
		const body = new URLSearchParams([
			['satisfaction', 'very_satisfied'],
			['support_received', 'housing'],
			['support_received', 'health'],
			['problems_caused', 'لا شيء\nrien'],
			['empty', '']
		]);
		const params = await readBoundedForm(post(body));
		expect(params?.get('satisfaction')).toBe('very_satisfied');
		expect(params?.getAll('support_received')).toEqual(['housing', 'health']);
		expect(params?.get('problems_caused')).toBe('لا شيء\nrien');
		expect(params?.get('empty')).toBe('');
	});

	it('reads raw UTF-8 in an urlencoded body', async () => {
		const params = await readBoundedForm(post(bytes('name=été+ok'), { 'content-type': FORM }));
		expect(params?.get('name')).toBe('été ok');
	});

	it('reads a multipart form and leaves out uploaded files', async () => {
		const data = new FormData();
		data.append('satisfaction', 'fairly_satisfied');
		data.append('support_received', 'housing');
		data.append('support_received', 'legal_help');
		data.append('problems_caused', 'Aucun problème');
		data.append('upload', new Blob(['secret file']), 'photo.jpg');
		const params = await readBoundedForm(post(data));
		expect(entries(params)).toEqual([
			['satisfaction', 'fairly_satisfied'],
			['support_received', 'housing'],
			['support_received', 'legal_help'],
			['problems_caused', 'Aucun problème']
		]);
	});

	it('gives the same entries back for any urlencoded form (property)', async () => {
		const pairs = fc.array(
			fc.tuple(fc.string({ unit: 'grapheme', minLength: 1 }), fc.string({ unit: 'grapheme' })),
			{ maxLength: 8 }
		);
		await fc.assert(
			fc.asyncProperty(pairs, async (sent) => {
				const params = await readBoundedForm(post(new URLSearchParams(sent)));
				expect(entries(params)).toEqual(sent);
			})
		);
	});

	it('gives the same entries back for any multipart form (property)', async () => {
		const word = fc
			.string({ unit: 'grapheme-ascii', minLength: 1 })
			.filter((s) => !/[\r\n"%]/.test(s));
		const pairs = fc.array(
			fc.tuple(
				word,
				fc.string({ unit: 'grapheme' }).filter((s) => !/[\r\n]/.test(s))
			),
			{
				maxLength: 6
			}
		);
		await fc.assert(
			fc.asyncProperty(pairs, async (sent) => {
				const data = new FormData();
				for (const [k, v] of sent) data.append(k, v);
				expect(entries(await readBoundedForm(post(data)))).toEqual(sent);
			}),
			{ numRuns: 50 }
		);
	});

	it('gives empty params for a post without a body, or with an empty one', async () => {
		expect(entries(await readBoundedForm(post(null, { 'content-type': FORM })))).toEqual([]);
		expect(entries(await readBoundedForm(post('', { 'content-type': FORM })))).toEqual([]);
		expect(entries(await readBoundedForm(post(null)))).toEqual([]);
	});

	describe('size bound', () => {
		const limit = 100;
		/** An urlencoded body of exactly `size` bytes. */
		const ofSize = (size: number) => `a=${'x'.repeat(size - 2)}`;

		it('refuses a declared length over the bound without reading any of the body', async () => {
			const { stream, seen } = streamed(bytes('a='), { endless: true });
			const request = post(stream, {
				'content-type': FORM,
				'content-length': String(limit + 1)
			});
			expect(await readBoundedForm(request, limit)).toBeNull();
			expect(seen.pulled).toBe(0);
			expect(request.bodyUsed).toBe(false);
		});

		it('refuses a declared length over the default bound of 64 KiB', async () => {
			const { stream, seen } = streamed(bytes('a='), { endless: true });
			const request = post(stream, {
				'content-type': FORM,
				'content-length': String(MAX_BODY_BYTES + 1)
			});
			expect(await readBoundedForm(request)).toBeNull();
			expect(seen.pulled).toBe(0);
		});

		it('stops reading an endless streamed body once past the bound', async () => {
			const { stream, seen } = streamed(bytes('a='), { endless: true, chunk: 16 });
			expect(await readBoundedForm(post(stream, { 'content-type': FORM }), limit)).toBeNull();
			expect(seen.pulled).toBeGreaterThan(limit);
			expect(seen.pulled).toBeLessThanOrEqual(limit + 16);
			expect(seen.cancelled).toBe(true);
		});

		it('refuses a streamed body one byte over the bound, and one whose declared length lies', async () => {
			const over = () => streamed(bytes(ofSize(limit + 1))).stream;
			expect(await readBoundedForm(post(over(), { 'content-type': FORM }), limit)).toBeNull();
			expect(
				await readBoundedForm(post(over(), { 'content-type': FORM, 'content-length': '10' }), limit)
			).toBeNull();
		});

		it('accepts a body of exactly the bound, declared or streamed in small chunks', async () => {
			const body = ofSize(limit);
			expect(bytes(body).byteLength).toBe(limit);
			const declared = await readBoundedForm(
				post(body, { 'content-type': FORM, 'content-length': String(limit) }),
				limit
			);
			expect(declared?.get('a')).toHaveLength(limit - 2);
			const { stream, seen } = streamed(bytes(body));
			const streamedParams = await readBoundedForm(post(stream, { 'content-type': FORM }), limit);
			expect(streamedParams?.get('a')).toBe('x'.repeat(limit - 2));
			expect(seen.pulled).toBe(limit);
		});

		it('counts bytes, not characters', async () => {
			// 61 characters, 120 bytes in UTF-8.
			const body = `a=${'é'.repeat(59)}`;
			expect(body.length).toBeLessThan(limit);
			expect(await readBoundedForm(post(body, { 'content-type': FORM }), limit)).toBeNull();
			expect((await readBoundedForm(post(body, { 'content-type': FORM }), 200))?.get('a')).toBe(
				'é'.repeat(59)
			);
		});

		it('bounds multipart bodies too', async () => {
			const data = new FormData();
			data.append('problems_caused', 'x'.repeat(limit));
			expect(await readBoundedForm(post(data), limit)).toBeNull();
			expect((await readBoundedForm(post(data), limit * 10))?.get('problems_caused')).toBe(
				'x'.repeat(limit)
			);
		});
	});

	describe('unreadable bodies', () => {
		it('refuses invalid UTF-8', async () => {
			const body = new Uint8Array([...bytes('a=ok&b='), 0xff, 0xfe, 0x80]);
			expect(await readBoundedForm(post(body, { 'content-type': FORM }))).toBeNull();
			// A lone continuation byte and an overlong encoding of "/".
			for (const bad of [[0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80]]) {
				const b = new Uint8Array([...bytes('a='), ...bad]);
				expect(await readBoundedForm(post(b, { 'content-type': FORM }))).toBeNull();
			}
		});

		it.each<[string, BodyInit, Record<string, string>]>([
			['JSON', '{"satisfaction":"very_satisfied"}', { 'content-type': 'application/json' }],
			['plain text', 'satisfaction=very_satisfied', { 'content-type': 'text/plain' }],
			['no content type at all', bytes('satisfaction=very_satisfied'), {}],
			[
				'a look-alike type',
				'satisfaction=very_satisfied',
				{ 'content-type': 'application/x-www-form-urlencoded-evil' }
			],
			[
				'multipart without a boundary',
				'--x\r\ncontent-disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n',
				{ 'content-type': 'multipart/form-data' }
			],
			[
				'multipart with the wrong boundary',
				'--x\r\ncontent-disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n',
				{ 'content-type': 'multipart/form-data; boundary=y' }
			]
		])('refuses %s', async (_what, body, headers) => {
			expect(await readBoundedForm(post(body, headers))).toBeNull();
		});

		it('reads the same multipart body once its boundary is right', async () => {
			const body = '--x\r\ncontent-disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n';
			const params = await readBoundedForm(
				post(body, { 'content-type': 'multipart/form-data; boundary=x' })
			);
			expect(entries(params)).toEqual([['a', '1']]);
		});
	});
});
