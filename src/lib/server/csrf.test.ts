import { describe, expect, it } from 'vitest';
import { isCrossSiteForm } from './csrf';

const ORIGIN = 'https://heard.example';
const form = 'application/x-www-form-urlencoded';

function check(method: string, headers: Record<string, string>) {
	return isCrossSiteForm(method, new Headers(headers), ORIGIN);
}

describe('isCrossSiteForm', () => {
	it.each([
		[
			'same-origin plain post under no-referrer',
			{ 'content-type': form, 'sec-fetch-site': 'same-origin', origin: 'null' },
			false
		],
		[
			'typed by the person (no initiator)',
			{ 'content-type': form, 'sec-fetch-site': 'none' },
			false
		],
		[
			'another site',
			{ 'content-type': form, 'sec-fetch-site': 'cross-site', origin: 'null' },
			true
		],
		[
			'a sibling subdomain',
			{ 'content-type': 'multipart/form-data; boundary=x', 'sec-fetch-site': 'same-site' },
			true
		],
		[
			'text/plain from another site',
			{ 'content-type': 'text/plain', 'sec-fetch-site': 'cross-site' },
			true
		],
		['old browser, matching Origin', { 'content-type': form, origin: ORIGIN }, false],
		['old browser, foreign Origin', { 'content-type': form, origin: 'https://evil.example' }, true],
		['old browser, no headers at all', { 'content-type': form }, false],
		[
			'JSON body (not a form; CORS applies)',
			{ 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
			false
		]
	])('%s', (_, headers, expected) => {
		expect(check('POST', headers)).toBe(expected);
	});

	it('never blocks safe methods', () => {
		for (const method of ['GET', 'HEAD', 'OPTIONS'])
			expect(check(method, { 'content-type': form, 'sec-fetch-site': 'cross-site' })).toBe(false);
	});

	it('checks every unsafe method', () => {
		for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'post'])
			expect(check(method, { 'content-type': form, 'sec-fetch-site': 'cross-site' })).toBe(true);
	});
});
