import { describe, expect, it } from 'vitest';
import {
	createCodesSchema,
	helpContactsSchema,
	linkEndsSchema,
	revokeUnusedSchema
} from './distribution';
import { orgSettingsSchema } from './orgs';
import { responsesQuerySchema } from './responses';

const today = new Date().toISOString().slice(0, 10);
const firstIssue = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
	r.success ? null : r.error!.issues[0]!.message;

describe('the quick-exit site', () => {
	const parse = (exitUrl: string) =>
		orgSettingsSchema.safeParse({ name: 'Org', minCellSize: '5', exitUrl });

	it.each(['https://www.wikipedia.org/', '  https://news.example.org/today?x=1  '])(
		'accepts %s',
		(url) => {
			expect(parse(url).data?.exitUrl).toBe(url.trim());
		}
	);

	it.each([
		['http://www.wikipedia.org/', 'validation.httpsUrl'],
		['www.wikipedia.org', 'validation.httpsUrl'],
		['/somewhere', 'validation.httpsUrl'],
		['javascript:alert(1)', 'validation.httpsUrl'],
		['https://localhost/', 'validation.httpsUrl'],
		['https://user:pass@example.org/', 'validation.httpsUrl'],
		['', 'validation.required']
	])('refuses %s', (url, message) => {
		expect(firstIssue(parse(url))).toBe(message);
	});
});

describe('the distribution forms', () => {
	it('take 1 to 1000 codes, with an optional last day not in the past', () => {
		expect(createCodesSchema.parse({ count: '3', expiresOn: '' })).toEqual({
			count: 3,
			expiresOn: null
		});
		expect(createCodesSchema.parse({ count: '1000', expiresOn: today })).toEqual({
			count: 1000,
			expiresOn: today
		});
		for (const count of ['0', '1001', '2.5', '-1'])
			expect(firstIssue(createCodesSchema.safeParse({ count })), count).toBe(
				'validation.codeCount'
			);
		expect(firstIssue(createCodesSchema.safeParse({ count: '3', expiresOn: '2000-01-01' }))).toBe(
			'validation.pastDate'
		);
		expect(firstIssue(createCodesSchema.safeParse({ count: '3', expiresOn: '2031-02-30' }))).toBe(
			'validation.date'
		);
	});

	it('read an empty last day as "no last day"', () => {
		const link = '00000000-0000-4000-8000-000000000000';
		expect(linkEndsSchema.parse({ link, endsOn: '' })).toEqual({ link, endsOn: null });
		expect(linkEndsSchema.parse({ link })).toEqual({ link, endsOn: null });
	});

	it('need the box ticked to revoke every unused code', () => {
		expect(revokeUnusedSchema.safeParse({ confirm: 'yes' }).success).toBe(true);
		expect(firstIssue(revokeUnusedSchema.safeParse({}))).toBe('distribution.codes.confirmRequired');
	});

	it('keep help contacts of the survey languages only, up to 1000 characters', () => {
		const schema = helpContactsSchema(['en', 'ar']);
		expect(schema.parse({ 'help-en': '  Call 0800  ', 'help-ar': '' })).toEqual({
			en: 'Call 0800'
		});
		expect(schema.safeParse({ 'help-fr': 'Appelez' }).success).toBe(false);
		expect(firstIssue(schema.safeParse({ 'help-en': 'x'.repeat(1001) }))).toBe(
			'validation.tooLong'
		);
		expect(schema.safeParse({ 'help-en': 'x'.repeat(1000) }).success).toBe(true);
	});
});

describe('the responses query', () => {
	it.each([
		[{}, { version: null, page: 1 }],
		[
			{ version: '2', page: '3' },
			{ version: 2, page: 3 }
		],
		[
			{ version: '', page: '' },
			{ version: null, page: 1 }
		],
		[
			{ version: 'x', page: '-4' },
			{ version: null, page: 1 }
		],
		[{ page: '1.5' }, { version: null, page: 1 }]
	])('reads %j as %j', (query, expected) => {
		expect(responsesQuerySchema.parse(query)).toEqual(expected);
	});
});
