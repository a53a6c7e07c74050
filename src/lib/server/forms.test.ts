import fc from 'fast-check';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import {
	changePasswordSchema,
	languageSchema,
	profileSchema,
	registerSchema,
	signInSchema
} from '../schemas/auth';
import { inviteSchema, newOrgSchema, orgSettingsSchema, changeRoleSchema } from '../schemas/orgs';
import { parseForm, safeValues } from './forms';

const t = ((key: string) => 'T:' + key) as unknown as TFunction;

function form(fields: Record<string, string | string[]>): FormData {
	const data = new FormData();
	for (const [key, value] of Object.entries(fields))
		for (const v of [value].flat()) data.append(key, v);
	return data;
}

const GOOD_PASSWORD = 'correct horse battery';

describe('parseForm', () => {
	it('returns the parsed data and echoes what was typed', () => {
		const parsed = parseForm(
			form({ email: '  maria@ngo.org ', password: 'secret', next: '/o/demo' }),
			signInSchema,
			t
		);
		expect(parsed).toEqual({
			ok: true,
			data: { email: 'maria@ngo.org', password: 'secret', next: '/o/demo' },
			values: { email: '  maria@ngo.org ', next: '/o/demo' }
		});
	});

	it('puts each error beside its field, translated, and keeps what was typed', () => {
		const parsed = parseForm(form({ email: 'not-an-address', password: '' }), signInSchema, t);
		expect(parsed).toEqual({
			ok: false,
			values: { email: 'not-an-address' },
			errors: { email: 'T:validation.email', password: 'T:validation.required' }
		});
	});

	it.each([
		['a missing field', {}, 'T:validation.required'],
		['an empty field', { confirm: '' }, 'T:validation.required']
	])('calls %s required', (_name, fields, expected) => {
		const parsed = parseForm(form(fields), changePasswordSchema, t);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.errors.current).toBe(expected);
	});

	it('calls a repeated field invalid rather than taking one of its values', () => {
		const parsed = parseForm(
			form({ email: ['a@ngo.org', 'b@ngo.org'], password: 'x' }),
			signInSchema,
			t
		);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.errors.email).toBe('T:validation.invalid');
		expect(parsed.values).not.toHaveProperty('email');
	});

	it('ignores uploaded files', () => {
		const data = form({ email: 'a@ngo.org', password: 'x' });
		data.append('next', new File(['x'], 'x.txt'));
		const parsed = parseForm(data, signInSchema, t);
		expect(parsed).toMatchObject({
			ok: true,
			data: { email: 'a@ngo.org' },
			values: { email: 'a@ngo.org' }
		});
	});

	describe('with the password forms', () => {
		it('refuses two different new passwords on the confirmation field', () => {
			const parsed = parseForm(
				form({ current: 'old one', password: GOOD_PASSWORD, confirm: GOOD_PASSWORD + '!' }),
				changePasswordSchema,
				t
			);
			expect(parsed).toMatchObject({
				ok: false,
				errors: { confirm: 'T:validation.passwordsDiffer' }
			});
		});

		it('accepts two equal new passwords', () => {
			const parsed = parseForm(
				form({ current: 'old one', password: GOOD_PASSWORD, confirm: GOOD_PASSWORD }),
				changePasswordSchema,
				t
			);
			expect(parsed).toMatchObject({
				ok: true,
				data: { current: 'old one', password: GOOD_PASSWORD }
			});
		});

		it.each([
			['11 characters', 'eleven char', 'T:validation.passwordTooShort'],
			['11 emoji', '🐢🦊🐙🌵🍄🎈🧭🪁🦉🌻🐝', 'T:validation.passwordTooShort'],
			['257 characters', 'x'.repeat(257), 'T:validation.tooLong'],
			['nothing', '', 'T:validation.required']
		])('refuses a new password of %s', (_name, password, expected) => {
			const parsed = parseForm(
				form({ displayName: '', email: 'a@ngo.org', password, confirm: password }),
				registerSchema,
				t
			);
			expect(parsed).toMatchObject({ ok: false, errors: { password: expected } });
		});

		it('accepts 256 emoji as a new password of 256 characters', () => {
			const password = '🐢🦊🐙🌵🍄🎈🧭🪁🦉🌻🐝🍋🐢🦊🐙🌵'.repeat(16);
			const parsed = parseForm(
				form({ displayName: '', email: 'a@ngo.org', password, confirm: password }),
				registerSchema,
				t
			);
			expect(parsed.ok).toBe(true);
		});

		it('never sends a password back to the page, in any field', () => {
			const secret = fc.string({ minLength: 1 }).map((s) => `S3cret${s}`);
			fc.assert(
				fc.property(secret, secret, secret, fc.string(), (current, password, confirm, name) => {
					for (const [schema, fields] of [
						[changePasswordSchema, { current, password, confirm }],
						[registerSchema, { displayName: name, email: 'a@ngo.org', password, confirm }]
					] as const) {
						const parsed = parseForm(form(fields), schema, t);
						for (const value of Object.values(parsed.values))
							for (const typed of [current, password, confirm]) expect(value).not.toBe(typed);
					}
				})
			);
		});

		it('echoes the name and e-mail of the registration form', () => {
			const parsed = parseForm(
				form({ displayName: 'Maria', email: 'a@ngo.org', password: 'short', confirm: 'short' }),
				registerSchema,
				t
			);
			expect(parsed.values).toEqual({ displayName: 'Maria', email: 'a@ngo.org' });
		});
	});

	describe('with the new organisation form', () => {
		it.each([
			['safe-futures', 'safe-futures'],
			['Safe-Futures', 'safe-futures'],
			['  abc  ', 'abc'],
			['a1b', 'a1b'],
			['a'.repeat(40), 'a'.repeat(40)]
		])('accepts the slug %j as %j', (slug, expected) => {
			const parsed = parseForm(form({ name: 'Safe Futures', slug }), newOrgSchema, t);
			expect(parsed).toMatchObject({ ok: true, data: { slug: expected } });
		});

		it.each([
			['', 'T:validation.required'],
			['ab', 'T:validation.slug'],
			['-abc', 'T:validation.slug'],
			['abc-', 'T:validation.slug'],
			['a_b_c', 'T:validation.slug'],
			['a b c', 'T:validation.slug'],
			['café', 'T:validation.slug'],
			['a'.repeat(41), 'T:validation.slug'],
			['admin', 'T:validation.slugReserved'],
			['Login', 'T:validation.slugReserved'],
			['new', 'T:validation.slugReserved'],
			['api', 'T:validation.slugReserved'],
			['healthz', 'T:validation.slugReserved']
		])('refuses the slug %j', (slug, expected) => {
			const parsed = parseForm(form({ name: 'Safe Futures', slug }), newOrgSchema, t);
			expect(parsed).toMatchObject({ ok: false, errors: { slug: expected } });
		});

		it.each([
			['', 'T:validation.required'],
			['   ', 'T:validation.required'],
			['x'.repeat(121), 'T:validation.tooLong']
		])('refuses the name %j', (name, expected) => {
			const parsed = parseForm(form({ name, slug: 'abc' }), newOrgSchema, t);
			expect(parsed).toMatchObject({ ok: false, errors: { name: expected } });
		});
	});

	describe('with the settings form', () => {
		// The form always posts the quick-exit site too (src/lib/schemas/schemas.test.ts tests it).
		const EXIT = 'https://www.wikipedia.org/';

		it.each([
			['3', 3],
			['5', 5],
			['20', 20],
			[' 7 ', 7]
		])('accepts a minimum cell size of %j', (minCellSize, expected) => {
			const parsed = parseForm(
				form({ name: 'Org', minCellSize, exitUrl: EXIT }),
				orgSettingsSchema,
				t
			);
			expect(parsed).toMatchObject({ ok: true, data: { minCellSize: expected } });
		});

		it.each([
			['2', 'T:validation.minCellSize'],
			['21', 'T:validation.minCellSize'],
			['-5', 'T:validation.minCellSize'],
			['5.5', 'T:validation.invalid'],
			['five', 'T:validation.invalid']
		])('refuses a minimum cell size of %j', (minCellSize, expected) => {
			const parsed = parseForm(
				form({ name: 'Org', minCellSize, exitUrl: EXIT }),
				orgSettingsSchema,
				t
			);
			expect(parsed).toMatchObject({
				ok: false,
				values: { minCellSize },
				errors: { minCellSize: expected }
			});
		});

		it('accepts exactly the whole numbers 3 to 20', () => {
			fc.assert(
				fc.property(fc.integer({ min: -100, max: 100 }), (n) => {
					const parsed = parseForm(
						form({ name: 'Org', minCellSize: String(n), exitUrl: EXIT }),
						orgSettingsSchema,
						t
					);
					expect(parsed.ok).toBe(n >= 3 && n <= 20);
				})
			);
		});

		it('explains a quick-exit site that is not an https address', () => {
			const parsed = parseForm(
				form({ name: 'Org', minCellSize: '5', exitUrl: 'http://news.example.org/' }),
				orgSettingsSchema,
				t
			);
			expect(parsed).toMatchObject({ ok: false, errors: { exitUrl: 'T:validation.httpsUrl' } });
		});
	});

	describe('with the member forms', () => {
		it.each([
			[
				{ role: 'analyst', email: '' },
				{ role: 'analyst', email: null }
			],
			[
				{ role: 'donor', email: ' d@ngo.org ' },
				{ role: 'donor', email: 'd@ngo.org' }
			]
		])('accepts the invitation %j', (fields, data) => {
			expect(parseForm(form(fields), inviteSchema, t)).toMatchObject({ ok: true, data });
		});

		it.each([
			[{ role: 'boss', email: '' }, { role: 'T:validation.invalid' }],
			[{ role: 'owner', email: 'nobody' }, { email: 'T:validation.email' }]
		])('refuses the invitation %j', (fields, errors) => {
			expect(parseForm(form(fields), inviteSchema, t)).toMatchObject({ ok: false, errors });
		});

		it('refuses a user id that is not a uuid', () => {
			const parsed = parseForm(form({ userId: '1 or 1=1', role: 'owner' }), changeRoleSchema, t);
			expect(parsed).toMatchObject({ ok: false, errors: { userId: 'T:validation.invalid' } });
		});
	});

	describe('with the language and profile forms', () => {
		it.each([
			[languageSchema, { lang: 'de' }, 'lang'],
			[profileSchema, { displayName: '', locale: 'de' }, 'locale']
		])('refuses a language the interface does not have', (schema, fields, field) => {
			expect(parseForm(form(fields), schema, t)).toMatchObject({
				ok: false,
				errors: { [field]: 'T:validation.invalid' }
			});
		});

		it('accepts "same as my browser" as the profile language', () => {
			expect(parseForm(form({ displayName: ' Ana ', locale: '' }), profileSchema, t)).toMatchObject(
				{
					ok: true,
					data: { displayName: 'Ana', locale: '' }
				}
			);
		});
	});
});

describe('safeValues', () => {
	it.each([
		['password', false],
		['newPassword', false],
		['confirm', false],
		['current', false],
		['token', false],
		['email', true],
		['displayName', true],
		['slug', true]
	])('%s is echoed: %s', (key, echoed) => {
		expect(key in safeValues({ [key]: 'typed' })).toBe(echoed);
	});
});
