import { describe, expect, it } from 'vitest';
import { codeCards, codesCsv, csvDataUrl, linkState, linkUrl, linkView } from './distribution-view';

describe('linkState', () => {
	const today = '2025-06-15';
	it.each([
		['open', null, 'open'],
		['paused', null, 'paused'],
		['closed', null, 'closed'],
		['open', '2025-06-15', 'open'],
		['open', '2025-06-14', 'ended'],
		['paused', '2025-06-14', 'ended'],
		['closed', '2025-06-14', 'closed'],
		['paused', '2025-07-01', 'paused']
	] as const)('%s with last day %s is %s', (status, endsOn, state) => {
		expect(linkState({ status, endsOn }, today)).toBe(state);
	});
});

describe('linkView', () => {
	it('sends the address, states and QR code, and nothing of the organisation', () => {
		const link = {
			id: '5b0c2f8e-3d1a-4c55-9f51-1f3b7e0a9c11',
			orgId: 'org-id',
			surveyId: 'survey-id',
			slug: 'k3x9q2m7ab',
			status: 'paused' as const,
			endsOn: '2025-06-01',
			createdAt: new Date()
		};
		const view = linkView(link, 'https://heard.example', '2025-06-15');
		expect(Object.keys(view).sort()).toEqual(['endsOn', 'id', 'qr', 'state', 'status', 'url']);
		expect(view).toMatchObject({
			url: 'https://heard.example/s/k3x9q2m7ab',
			status: 'paused',
			state: 'ended',
			endsOn: '2025-06-01'
		});
		expect(view.qr.path).not.toBe('');
	});
});

describe('code cards and CSV', () => {
	const origin = 'https://heard.example';
	const cards = codeCards(['ABCDE-FGHJK', 'MNPQR-STUVW'], origin);

	it('builds the card address from the origin and the code only', () => {
		expect(cards.map((c) => c.url)).toEqual([
			'https://heard.example/i/ABCDE-FGHJK',
			'https://heard.example/i/MNPQR-STUVW'
		]);
		expect(cards[0]!.qr.size).toBeGreaterThan(20);
		expect(linkUrl(origin, 'k3x9q2m7ab')).toBe('https://heard.example/s/k3x9q2m7ab');
	});

	it('writes a header and one row per code', () => {
		expect(codesCsv(cards)).toBe(
			'code,url\r\n' +
				'ABCDE-FGHJK,https://heard.example/i/ABCDE-FGHJK\r\n' +
				'MNPQR-STUVW,https://heard.example/i/MNPQR-STUVW\r\n'
		);
		expect(codesCsv([])).toBe('code,url\r\n');
	});

	it('quotes a cell that would break the CSV', () => {
		expect(codesCsv([{ code: 'A"B', url: 'x,y' }])).toBe('code,url\r\n"A""B","x,y"\r\n');
	});

	it('round-trips through a data: URL', () => {
		const csv = codesCsv(cards);
		const url = csvDataUrl(csv);
		expect(url.startsWith('data:text/csv;charset=utf-8,')).toBe(true);
		expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toBe(csv);
	});
});
