import { describe, expect, it } from 'vitest';
import { inviteLanguage, parseInviteList } from './invite-list';

describe('parseInviteList', () => {
	it('reads one number per line, with an optional language column', () => {
		expect(parseInviteList('+447700900001\n+447700900002, ar\n\n', 'fr')).toEqual({
			rows: [
				{ phone: '+447700900001', language: 'fr' },
				{ phone: '+447700900002', language: 'ar' }
			],
			badLanguage: 0
		});
	});

	it('takes spreadsheet CSV: header, BOM, quotes, semicolons, tabs, CRLF', () => {
		const csv = '\uFEFFphone;language\r\n"+44 7700 900001";"pt-BR"\r\n0044 7700 900002\tES\r\n';
		expect(parseInviteList(csv, 'en').rows).toEqual([
			{ phone: '+44 7700 900001', language: 'pt' },
			{ phone: '0044 7700 900002', language: 'es' }
		]);
	});

	it('counts lines in a language the invitation is not written in', () => {
		expect(parseInviteList('+447700900001,klingon\n+447700900002,xx', 'en')).toEqual({
			rows: [],
			badLanguage: 2
		});
	});

	it('keeps lines it cannot judge for the server to refuse', () => {
		expect(parseInviteList('call me\n,ar', 'en').rows).toEqual([
			{ phone: 'call me', language: 'en' },
			{ phone: '', language: 'ar' }
		]);
	});
});

describe('inviteLanguage', () => {
	it('knows the invitation’s languages, whatever the case or subtag', () => {
		expect(inviteLanguage('AR')).toBe('ar');
		expect(inviteLanguage('zh_Hans')).toBe('zh');
		expect(inviteLanguage('tl')).toBe('tl');
		expect(inviteLanguage('de')).toBeNull();
		expect(inviteLanguage('constructor')).toBeNull();
	});
});
