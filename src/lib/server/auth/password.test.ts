import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	hashPassword,
	passwordProblem,
	PASSWORD_MAX,
	PASSWORD_MIN,
	verifyPassword,
	type PasswordProblem
} from './password';

describe('passwordProblem', () => {
	const cases: [string, string, string | undefined, PasswordProblem | null][] = [
		['a sentence that is long enough', 'correct horse battery', undefined, null],
		['eleven characters', 'horse batte', undefined, 'tooShort'],
		['twelve characters', 'horse batter', undefined, null],
		['the empty string', '', undefined, 'tooShort'],
		[
			'11 emoji are 22 code units but only 11 characters',
			'🐢🦊🐙🌵🍄🎈🧭🪁🦉🌻🐝',
			undefined,
			'tooShort'
		],
		['12 emoji are 12 characters', '🐢🦊🐙🌵🍄🎈🧭🪁🦉🌻🐝🍋', undefined, null],
		['12 accented letters', 'éàüöçñåøßðþœ', undefined, null],
		[
			'256 emoji are 512 code units but 256 characters',
			'🐢🦊🐙🌵🍄🎈🧭🪁🦉🌻🐝🍋🐢🦊🐙🌵'.repeat(16),
			undefined,
			null
		],
		['257 emoji', '🐢🦊🐙🌵🍄🎈🧭🪁🦉🌻🐝🍋🐢🦊🐙🌵'.repeat(16) + '🍋', undefined, 'tooLong'],
		['just over the maximum', 'x'.repeat(PASSWORD_MAX) + 'y', undefined, 'tooLong'],
		['a listed common password', 'P@ssw0rd1234', undefined, 'common'],
		['a common password in other case', 'SUMMER2024!!', undefined, 'common'],
		['one repeated character', 'aaaaaaaaaaaaaaa', undefined, 'common'],
		['a repeated pair', 'abababababab', undefined, 'common'],
		['a repeated four-letter unit', 'Abcdabcdabcdab', undefined, 'common'],
		['an ascending run of digits', '0123456789:;', undefined, 'common'],
		['an ascending run of letters', 'abcdefghijklm', undefined, 'common'],
		['a descending run of letters', 'ZYXWVUTSRQPO', undefined, 'common'],
		[
			'contains the e-mail local part',
			'maria.silva-rocks-2025',
			'maria.silva@ngo.org',
			'containsEmail'
		],
		[
			'contains it in other case',
			'I am MARIA.SILVA, hello',
			'Maria.Silva@ngo.org',
			'containsEmail'
		],
		['a local part shorter than 4 is ignored', 'ann and her long password', 'ann@ngo.org', null],
		['a different local part is fine', 'correct horse battery', 'maria@ngo.org', null]
	];

	it.each(cases)('%s', (_name, password, email, expected) => {
		expect(passwordProblem(password, email)).toBe(expected);
	});

	it('accepts exactly the minimum and the maximum length', () => {
		const base = 'The quick brown fox jumps over the lazy dog 0123456789 ';
		const ofLength = (n: number) => base.repeat(Math.ceil(n / base.length)).slice(0, n);
		expect(passwordProblem(ofLength(PASSWORD_MIN - 1))).toBe('tooShort');
		expect(passwordProblem(ofLength(PASSWORD_MIN))).toBeNull();
		expect(passwordProblem(ofLength(PASSWORD_MAX))).toBeNull();
		expect(passwordProblem(ofLength(PASSWORD_MAX + 1))).toBe('tooLong');
	});

	it('refuses every password of fewer than 12 characters, whatever they are', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: PASSWORD_MIN - 1 }), (password) => {
				fc.pre([...password].length < PASSWORD_MIN);
				expect(passwordProblem(password)).toBe('tooShort');
			})
		);
	});

	it('refuses any password containing a long enough e-mail local part', () => {
		const local = fc.stringMatching(/^[a-z][a-z0-9.]{7,15}$/);
		fc.assert(
			fc.property(local, fc.string(), fc.string(), (name, before, after) => {
				const password = `${before}Q7!${name.toUpperCase()}#zK${after}`;
				fc.pre(password.length <= PASSWORD_MAX);
				expect(passwordProblem(password, `${name}@example.org`)).toBe('containsEmail');
			})
		);
	});

	it('never throws and answers one of the known problems or null', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 300 }), fc.option(fc.string()), (password, email) => {
				expect([null, 'tooShort', 'tooLong', 'common', 'containsEmail']).toContain(
					passwordProblem(password, email ?? undefined)
				);
			})
		);
	});
});

describe('hashPassword and verifyPassword', () => {
	it('verify the password that was hashed and refuse any other', async () => {
		const hashed = await hashPassword('correct horse battery staple');
		expect(hashed).toMatch(/^\$argon2id\$/);
		expect(hashed).not.toContain('correct horse');
		expect(await verifyPassword(hashed, 'correct horse battery staple')).toBe(true);
		expect(await verifyPassword(hashed, 'correct horse battery stapLe')).toBe(false);
		expect(await verifyPassword(hashed, '')).toBe(false);
	});

	it('salt each hash, so equal passwords give different hashes', async () => {
		const [a, b] = await Promise.all([
			hashPassword('same password here'),
			hashPassword('same password here')
		]);
		expect(a).not.toBe(b);
	});

	it.each([
		['an empty string', ''],
		['garbage', 'not a hash at all'],
		['a truncated hash', '$argon2id$v=19$m=19456,t=2,p=1$']
	])('return false, not throw, for %s as the stored hash', async (_name, stored) => {
		await expect(verifyPassword(stored, 'correct horse battery staple')).resolves.toBe(false);
	});
});
