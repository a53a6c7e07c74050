import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { match as isTokenParam } from '../../../params/token';
import { passwordProblem } from './password';
import { generatePassword, generateToken, hashToken } from './tokens';

describe('generateToken', () => {
	it('makes tokens the /invite/[token] route accepts', () => {
		for (let i = 0; i < 200; i++) {
			const token = generateToken();
			expect(token).toMatch(/^[a-z2-7]{32}$/);
			expect(isTokenParam(token)).toBe(true);
		}
	});

	it('never repeats itself', () => {
		const tokens = new Set(Array.from({ length: 10_000 }, generateToken));
		expect(tokens.size).toBe(10_000);
	});
});

describe('hashToken', () => {
	it('is 64 hexadecimal characters, the same for the same token', () => {
		fc.assert(
			fc.property(fc.string(), (token) => {
				const hashed = hashToken(token);
				expect(hashed).toMatch(/^[0-9a-f]{64}$/);
				expect(hashToken(token)).toBe(hashed);
			})
		);
	});

	it('is SHA-256', () => {
		expect(hashToken('abc')).toBe(
			'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
		);
	});

	it('differs for different tokens and never contains the token', () => {
		const a = generateToken();
		const b = generateToken();
		expect(hashToken(a)).not.toBe(hashToken(b));
		expect(hashToken(a)).not.toContain(a);
	});
});

describe('generatePassword', () => {
	const LOOK_ALIKES = /[0O1lI]/;

	it.each([1, 8, 16, 40, 100])('gives %i characters from the readable alphabet', (length) => {
		for (let i = 0; i < 50; i++) {
			const password = generatePassword(length);
			expect(password).toHaveLength(length);
			expect(password).toMatch(/^[a-zA-Z2-9]+$/);
			expect(password).not.toMatch(LOOK_ALIKES);
		}
	});

	it('is 16 characters by default and passes the password policy', () => {
		const password = generatePassword();
		expect(password).toHaveLength(16);
		expect(passwordProblem(password)).toBeNull();
	});

	it('uses the whole alphabet over many passwords', () => {
		const seen = new Set(Array.from({ length: 200 }, () => generatePassword(32)).join(''));
		expect(seen.size).toBe(56);
	});
});
