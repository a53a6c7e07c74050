import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeRedirect } from './landing';

const ORIGIN = 'https://heard.example';
/** Where a browser would go when sent this Location from the sign-in page. */
const destination = (location: string) => new URL(location, `${ORIGIN}/login`);

describe('safeRedirect', () => {
	it.each([
		['a path in the app', '/o/demo?x=1', '/o/demo?x=1'],
		['the root', '/', '/'],
		['a path with a hash', '/o/demo/members#invite', '/o/demo/members#invite'],
		['nothing', null, '/fallback'],
		['undefined', undefined, '/fallback'],
		['the empty string', '', '/fallback'],
		['a protocol-relative URL', '//evil.example', '/fallback'],
		['a backslash trick', '/\\evil.example', '/fallback'],
		['an absolute URL', 'http://evil.example/', '/fallback'],
		['an https URL', 'https://evil.example/o/demo', '/fallback'],
		['a javascript: URL', 'javascript:alert(1)', '/fallback'],
		['a relative path', 'o/demo', '/fallback'],
		['a tab the browser strips', '/\t/evil.example', '/fallback'],
		['a newline the browser strips', '/\n/evil.example', '/fallback'],
		['a carriage return', '/\r\\evil.example', '/fallback']
	])('%s', (_name, next, expected) => {
		expect(safeRedirect(next, '/fallback')).toBe(expected);
	});

	it('never sends anyone to another site', () => {
		const tricky = fc.constantFrom('/', '\\', '\t', '\n', '\r', ' ', ':', '.', '@', 'evil', '%2f');
		const next = fc.oneof(
			fc.string(),
			fc.array(tricky, { maxLength: 8 }).map((parts) => parts.join(''))
		);
		fc.assert(
			fc.property(next, (value) => {
				const target = safeRedirect(value, '/fallback');
				expect(destination(target).origin).toBe(ORIGIN);
			})
		);
	});

	it('keeps every ordinary path of the app unchanged', () => {
		const segment = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
		fc.assert(
			fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), (segments) => {
				const path = '/' + segments.join('/');
				expect(safeRedirect(path, '/fallback')).toBe(path);
			})
		);
	});
});
