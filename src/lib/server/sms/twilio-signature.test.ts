import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { twilioSignature, verifyTwilioSignature, type TwilioParams } from './twilio-signature';

// The example of Twilio's "Secure webhooks" page (DOMAIN.md "SMS").
const TOKEN = '12345';
const URL_ = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const PARAMS = {
	CallSid: 'CA1234567890ABCDE',
	Caller: '+12349013030',
	Digits: '1234',
	From: '+12349013030',
	To: '+18005551212'
};
const SIGNATURE = '0/KCTR6DLpKmkAf8muzZqo1nDgQ=';

const hmac = (token: string, data: string) =>
	createHmac('sha1', token).update(data, 'utf8').digest('base64');

/** twilio-node's shape for parameters: one string per name, or an array for a repeated name. */
function forTwilio(
	pairs: readonly (readonly [string, string])[]
): Record<string, string | string[]> {
	const record: Record<string, string[]> = Object.create(null);
	for (const [name, value] of pairs) (record[name] ??= []).push(value);
	const out: Record<string, string | string[]> = Object.create(null);
	for (const [name, values] of Object.entries(record))
		out[name] = values.length === 1 ? values[0]! : values;
	return out;
}

describe('twilioSignature', () => {
	it("gives the published test vector's signature", () => {
		expect(twilioSignature(TOKEN, URL_, PARAMS)).toBe(SIGNATURE);
	});

	it('signs the URL followed by each name and value, sorted by name', () => {
		const data =
			URL_ +
			'CallSidCA1234567890ABCDE' +
			'Caller+12349013030' +
			'Digits1234' +
			'From+12349013030' +
			'To+18005551212';
		expect(hmac(TOKEN, data)).toBe(SIGNATURE);
		expect(twilioSignature(TOKEN, URL_, { To: PARAMS.To, Digits: PARAMS.Digits })).toBe(
			hmac(TOKEN, URL_ + 'Digits1234To+18005551212')
		);
	});

	it('is the same for an object, a list of pairs in any order and URLSearchParams', () => {
		const pairs = Object.entries(PARAMS);
		expect(twilioSignature(TOKEN, URL_, pairs)).toBe(SIGNATURE);
		expect(twilioSignature(TOKEN, URL_, [...pairs].reverse())).toBe(SIGNATURE);
		expect(twilioSignature(TOKEN, URL_, new URLSearchParams(pairs))).toBe(SIGNATURE);
	});

	it('signs the URL alone when there are no parameters', () => {
		expect(twilioSignature(TOKEN, URL_, {})).toBe(hmac(TOKEN, URL_));
		expect(twilioSignature(TOKEN, URL_, [])).toBe(hmac(TOKEN, URL_));
	});

	it('includes every value of a repeated name, sorted, whatever order they came in', () => {
		const expected = hmac(TOKEN, URL_ + 'MediaUrl0x' + 'Toa' + 'Tob' + 'Toc');
		const orders: [string, string][][] = [
			[
				['To', 'b'],
				['MediaUrl0', 'x'],
				['To', 'c'],
				['To', 'a']
			],
			[
				['To', 'c'],
				['To', 'a'],
				['To', 'b'],
				['MediaUrl0', 'x']
			]
		];
		for (const pairs of orders) expect(twilioSignature(TOKEN, URL_, pairs)).toBe(expected);
	});

	it('keeps a value sent twice under one name (where twilio-node drops the copy)', () => {
		const pairs: [string, string][] = [
			['To', 'a'],
			['To', 'a']
		];
		expect(twilioSignature(TOKEN, URL_, pairs)).toBe(hmac(TOKEN, URL_ + 'ToaToa'));
		expect(twilio.getExpectedTwilioSignature(TOKEN, URL_, { To: ['a', 'a'] })).toBe(
			hmac(TOKEN, URL_ + 'Toa')
		);
	});

	it('sorts by UTF-16 code unit, as twilio-node does, not by code point', () => {
		// U+1F600 is the pair D83D DE00, which sorts before U+E000 by code unit but after it by
		// code point.
		const params = { '\uE000': 'a', '😀': 'b' };
		const expected = hmac(TOKEN, URL_ + '😀b' + '\uE000a');
		expect(twilioSignature(TOKEN, URL_, params)).toBe(expected);
		expect(twilio.getExpectedTwilioSignature(TOKEN, URL_, params)).toBe(expected);
	});

	it('hashes unicode names and values as UTF-8', () => {
		const body = 'هل أنت بأمان؟ 😀';
		expect(twilioSignature(TOKEN, URL_, { Body: body })).toBe(hmac(TOKEN, URL_ + 'Body' + body));
		expect(twilioSignature(TOKEN, URL_, { Body: body })).not.toBe(
			twilioSignature(TOKEN, URL_, { Body: 'هل أنت بأمان؟ 😁' })
		);
	});
});

describe('verifyTwilioSignature', () => {
	type Overrides = { token?: string; url?: string; params?: TwilioParams };
	const without = (name: keyof typeof PARAMS) =>
		Object.fromEntries(Object.entries(PARAMS).filter(([key]) => key !== name));
	const verify = (header: string | null | undefined, overrides: Overrides = {}) =>
		verifyTwilioSignature(
			overrides.token ?? TOKEN,
			header,
			overrides.url ?? URL_,
			overrides.params ?? PARAMS
		);

	it('accepts the published test vector', () => {
		expect(verify(SIGNATURE)).toBe(true);
	});

	it('accepts the parameters in any order', () => {
		const pairs = Object.entries(PARAMS);
		expect(verify(SIGNATURE, { params: [...pairs].reverse() })).toBe(true);
		expect(verify(SIGNATURE, { params: Object.fromEntries([...pairs].reverse()) })).toBe(true);
		expect(verify(SIGNATURE, { params: new URLSearchParams([...pairs].reverse()) })).toBe(true);
	});

	it.each([
		['another token', { token: '12346' }],
		['an empty token', { token: '' }],
		['another path', { url: 'https://mycompany.com/myapp2.php?foo=1&bar=2' }],
		['another query', { url: 'https://mycompany.com/myapp.php?foo=1&bar=3' }],
		['the query reordered', { url: 'https://mycompany.com/myapp.php?bar=2&foo=1' }],
		['http instead of https', { url: 'http://mycompany.com/myapp.php?foo=1&bar=2' }],
		['another host', { url: 'https://mycompany.org/myapp.php?foo=1&bar=2' }],
		['a trailing slash', { url: 'https://mycompany.com/myapp.php/?foo=1&bar=2' }],
		['a non-default port', { url: 'https://mycompany.com:8443/myapp.php?foo=1&bar=2' }],
		['the http default port on https', { url: 'https://mycompany.com:80/myapp.php?foo=1&bar=2' }],
		['a changed value', { params: { ...PARAMS, Digits: '1235' } }],
		['a value with a space added', { params: { ...PARAMS, Digits: '1234 ' } }],
		['a parameter missing', { params: without('To') }],
		['a parameter added', { params: { ...PARAMS, FromCity: 'SAN FRANCISCO' } }],
		['an empty parameter added', { params: { ...PARAMS, Body: '' } }],
		['a name and value swapped', { params: { ...without('Digits'), '1234': 'Digits' } }],
		['no parameters', { params: {} }]
	])('refuses %s', (_, overrides: Overrides) => {
		expect(verify(SIGNATURE, overrides)).toBe(false);
	});

	it.each([
		['missing', undefined],
		['null', null],
		['empty', ''],
		['one character short', SIGNATURE.slice(0, -1)],
		['one character long', SIGNATURE + '='],
		['padded with spaces', ` ${SIGNATURE} `],
		['a single character', 'x'],
		['much longer', SIGNATURE.repeat(10)],
		['lower-cased', SIGNATURE.toLowerCase()],
		['one character changed', 'X' + SIGNATURE.slice(1)],
		// 28 characters but 29 bytes: a string-length check would let timingSafeEqual throw
		['the same length in characters, not bytes', 'é' + SIGNATURE.slice(1)],
		['the signature of another request', twilioSignature(TOKEN, URL_, {})]
	])('refuses a header that is %s', (_, header) => {
		expect(() => verify(header)).not.toThrow();
		expect(verify(header)).toBe(false);
	});

	it('refuses the empty-key signature when the token is empty', () => {
		expect(verifyTwilioSignature('', hmac('', URL_), URL_, {})).toBe(false);
	});

	it.each([
		[
			'https, signed without the port, requested with :443',
			URL_,
			'https://mycompany.com:443/myapp.php?foo=1&bar=2'
		],
		[
			'https, signed with :443, requested without',
			'https://mycompany.com:443/myapp.php?foo=1&bar=2',
			URL_
		],
		[
			'http, signed without the port, requested with :80',
			'http://x.test/sms',
			'http://x.test:80/sms'
		],
		['http, signed with :80, requested without', 'http://x.test:80/sms', 'http://x.test/sms'],
		['upper-case scheme', 'HTTPS://x.test/sms', 'HTTPS://x.test:443/sms'],
		['user info with a colon', 'https://u:p@x.test/sms', 'https://u:p@x.test:443/sms'],
		['an IPv6 host', 'https://[::1]/sms', 'https://[::1]:443/sms'],
		['no path', 'https://x.test', 'https://x.test:443'],
		['only a query', 'https://x.test?a=1', 'https://x.test:443?a=1']
	])('accepts the default port written out or not: %s', (_, signedUrl, requestedUrl) => {
		const header = twilioSignature(TOKEN, signedUrl, PARAMS);
		expect(verifyTwilioSignature(TOKEN, header, requestedUrl, PARAMS)).toBe(true);
		// twilio-node agrees on every row
		expect(twilio.validateRequest(TOKEN, header, requestedUrl, PARAMS)).toBe(true);
	});

	it.each([
		['https with :80', 'https://x.test/sms', 'https://x.test:80/sms'],
		['http with :443', 'http://x.test/sms', 'http://x.test:443/sms'],
		['a non-default port removed', 'https://x.test:8443/sms', 'https://x.test/sms'],
		['a non-default port added', 'https://x.test/sms', 'https://x.test:8443/sms'],
		['a port in the path is not a port', 'https://x.test/a:443', 'https://x.test/a']
	])('does not treat other ports as the default: %s', (_, signedUrl, requestedUrl) => {
		const header = twilioSignature(TOKEN, signedUrl, PARAMS);
		expect(verifyTwilioSignature(TOKEN, header, requestedUrl, PARAMS)).toBe(false);
		expect(verifyTwilioSignature(TOKEN, header, signedUrl, PARAMS)).toBe(true);
	});
	it('refuses a signature without the port for a non-default port, where twilio-node accepts it', () => {
		// twilio-node also tries the URL with any port removed; Twilio signs the URL it requests,
		// and a webhook on a non-default port is requested with that port.
		const header = twilioSignature(TOKEN, 'https://x.test/sms', PARAMS);
		expect(twilio.validateRequest(TOKEN, header, 'https://x.test:8443/sms', PARAMS)).toBe(true);
		expect(verifyTwilioSignature(TOKEN, header, 'https://x.test:8443/sms', PARAMS)).toBe(false);
	});
});

describe('agreement with the official twilio package', () => {
	// Names Twilio really posts, mixed with arbitrary ones (unicode included).
	const name = fc.oneof(
		fc.constantFrom('Body', 'From', 'To', 'MessageSid', 'AccountSid', 'NumMedia', 'MediaUrl0'),
		fc.string({ unit: 'binary', maxLength: 8 })
	);
	const value = fc.oneof(
		fc.constantFrom(
			'',
			'+447700900123',
			'STOP',
			'1',
			'نعم',
			'هل أنت بأمان؟',
			'ใช่',
			'হ্যাঁ',
			'👍🏽',
			'Très 😀'
		),
		fc.string({ unit: 'binary', maxLength: 30 })
	);
	// Repeated names with distinct values: twilio-node drops identical repeats (see above).
	const pairs = fc
		.uniqueArray(fc.tuple(name, value), {
			maxLength: 12,
			selector: (pair) => JSON.stringify(pair)
		})
		.chain((unique) =>
			fc.shuffledSubarray(unique, { minLength: unique.length, maxLength: unique.length })
		);
	const token = fc.oneof(
		fc.stringMatching(/^[0-9a-f]{32}$/), // what Twilio issues
		fc.string({ unit: 'binary', minLength: 1, maxLength: 40 })
	);
	const path = fc.oneof(
		fc.constant('/api/sms/twilio/demo'),
		fc.webPath(),
		fc.constant('/api/sms/twilio/demo?lang=ar&q=سلام')
	);
	const host = fc.oneof(fc.constant('heard.example'), fc.domain());
	// Requests to the default port, written out or not, as the webhook will see them.
	const request = fc
		.record({
			scheme: fc.constantFrom('https', 'http'),
			host,
			port: fc.boolean(),
			path,
			query: fc.option(fc.webQueryParameters(), { nil: undefined })
		})
		.map(({ scheme, host, port, path, query }) => {
			const portText = port ? (scheme === 'https' ? ':443' : ':80') : '';
			const other = port ? '' : scheme === 'https' ? ':443' : ':80';
			const suffix = query === undefined ? '' : (path.includes('?') ? '&' : '?') + query;
			return {
				url: `${scheme}://${host}${portText}${path}${suffix}`,
				twin: `${scheme}://${host}${other}${path}${suffix}`
			};
		});

	it('signs exactly as getExpectedTwilioSignature, for any token, URL and parameters', () => {
		fc.assert(
			fc.property(token, fc.webUrl({ withQueryParameters: true }), pairs, (t, url, ps) => {
				expect(twilioSignature(t, url, ps)).toBe(
					twilio.getExpectedTwilioSignature(t, url, forTwilio(ps))
				);
			}),
			{ numRuns: 500 }
		);
	});

	it('verifies what twilio signs, and twilio validates what we sign, with or without the port', () => {
		fc.assert(
			fc.property(token, request, pairs, (t, { url, twin }, ps) => {
				for (const signedUrl of [url, twin]) {
					const theirs = twilio.getExpectedTwilioSignature(t, signedUrl, forTwilio(ps));
					expect(verifyTwilioSignature(t, theirs, url, ps)).toBe(true);
					const ours = twilioSignature(t, signedUrl, ps);
					expect(twilio.validateRequest(t, ours, url, forTwilio(ps))).toBe(true);
				}
			}),
			{ numRuns: 300 }
		);
	});

	it('accepts and refuses the same headers as validateRequest', () => {
		fc.assert(
			fc.property(
				token,
				token,
				request,
				pairs,
				pairs,
				fc.string({ maxLength: 40 }),
				fc.nat(),
				(t, otherToken, { url, twin }, ps, otherPs, junk, pick) => {
					const shuffled = [...ps].reverse();
					const headers = [
						twilio.getExpectedTwilioSignature(t, url, forTwilio(ps)),
						twilio.getExpectedTwilioSignature(t, twin, forTwilio(shuffled)),
						twilio.getExpectedTwilioSignature(otherToken, url, forTwilio(ps)),
						twilio.getExpectedTwilioSignature(t, url, forTwilio(otherPs)),
						twilio.getExpectedTwilioSignature(t, url + 'x', forTwilio(ps)),
						junk,
						''
					];
					const header = headers[pick % headers.length]!;
					expect(verifyTwilioSignature(t, header, url, ps)).toBe(
						twilio.validateRequest(t, header, url, forTwilio(ps))
					);
				}
			),
			{ numRuns: 500 }
		);
	});
});
