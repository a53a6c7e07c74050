import fs from 'node:fs';
import { expect, request as playwrightRequest, test, type Page } from '@playwright/test';
import { signIn, signInRequest } from './support/auth';
import { BASE_URL, type UserKey } from './support/users';

/** A fresh survey of the demo organisation, so no other test sees its links or codes. */
async function newSurvey(page: Page, name: string) {
	await page.goto('/o/demo/surveys');
	await page.getByLabel('Survey name').fill(name);
	await page.getByRole('button', { name: 'Create survey' }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	return page.url();
}

/** Waits until the code counts table shows `n` under the column of `state`. */
async function expectCount(page: Page, state: string, n: number) {
	const table = page.getByRole('table', { name: 'Codes of this survey' });
	const headers = (await table.locator('thead th').allTextContents()).map((h) => h.trim());
	expect(headers).toContain(state);
	await expect(table.locator('tbody td').nth(headers.indexOf(state))).toHaveText(String(n));
}

test('a manager shares a survey by link and by single-use codes', async ({ page }) => {
	test.setTimeout(60_000);
	await signIn(page, 'manager');
	await newSurvey(page, 'Distribution e2e');
	await page.getByRole('link', { name: 'Distribute', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Distribution' })).toBeVisible();
	await expect(page.getByRole('alert')).toContainText('no published version');

	// An open link with a random, topic-free slug, then paused.
	await page.getByRole('button', { name: 'Create link' }).click();
	const link = page.getByRole('region', { name: 'Link 1' });
	await expect(link.getByText('Open', { exact: true })).toBeVisible();
	const url = await link.getByLabel('Web address').inputValue();
	expect(url).toMatch(new RegExp(`^${BASE_URL}/s/[a-z2-7]{10}$`));
	await expect(link.getByRole('img', { name: `QR code for ${url}` })).toBeVisible();
	await link.getByRole('button', { name: 'Pause' }).click();
	await expect(link.getByText('Paused', { exact: true })).toBeVisible();
	await expect(link.getByRole('button', { name: 'Reopen' })).toBeVisible();

	// The QR code downloads, as a person's browser fetches them.
	const png = await page.request.get(
		(await link.getByRole('link', { name: 'QR code as PNG' }).getAttribute('href'))!
	);
	expect(png.status()).toBe(200);
	expect(png.headers()['content-type']).toBe('image/png');
	expect(png.headers()['content-disposition']).toMatch(/^attachment; filename="qr-code-.*\.png"$/);
	const bytes = await png.body();
	expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	expect(bytes.readUInt32BE(16)).toBe(1024);
	const svg = await page.request.get(
		(await link.getByRole('link', { name: 'QR code as SVG' }).getAttribute('href'))!
	);
	expect(svg.headers()['content-type']).toMatch(/^image\/svg\+xml/);
	expect(svg.headers()['content-disposition']).toMatch(/^attachment; filename=".*\.svg"$/);
	expect(await svg.text()).toMatch(/<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*>.*<path/s);

	// Three codes, shown once as cards and as CSV.
	await page.getByLabel('Number of codes').fill('3');
	await page.getByRole('button', { name: 'Make codes' }).click();
	await expect(page.getByText('3 codes created.')).toBeVisible();
	await expect(page.getByText('They are shown only now')).toBeVisible();
	const cards = page.getByRole('region', { name: 'Cards to print' }).getByRole('listitem');
	await expect(cards).toHaveCount(3);
	const codes = await page.locator('.code-card .code').allTextContents();
	for (const [i, code] of codes.entries()) {
		expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
		await expect(cards.nth(i)).toContainText(`${BASE_URL}/i/${code}`);
		await expect(cards.nth(i).getByRole('img', { name: `QR code for code ${code}` })).toBeVisible();
	}
	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Download CSV' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toBe('codes.csv');
	const csv = fs
		.readFileSync((await download.path())!, 'utf8')
		.trim()
		.split(/\r\n/);
	expect(csv).toEqual(['code,url', ...codes.map((code) => `${code},${BASE_URL}/i/${code}`)]);
	await expectCount(page, 'Available', 3);

	// Revoke one, typed loosely; the log says how many, never which.
	await page.getByLabel('Code', { exact: true }).fill(codes[0]!.toLowerCase().replace('-', ' '));
	await page.getByRole('button', { name: 'Revoke code' }).click();
	await expect(page.getByText('The code was revoked.')).toBeVisible();
	await expectCount(page, 'Available', 2);
	await expectCount(page, 'Revoked', 1);

	// Shown once: after a reload the codes are nowhere on the page.
	await page.reload();
	await expect(page.getByRole('region', { name: 'Cards to print' })).toHaveCount(0);
	for (const code of codes) expect(await page.content()).not.toContain(code);

	// Help contacts for the end screen.
	const help = page.getByLabel('Help contacts: English');
	await expect(help).toHaveAttribute('lang', 'en');
	await help.fill('Call 0800 000 000, free, day and night.');
	await page.getByRole('button', { name: 'Save help contacts' }).click();
	await expect(page.getByText('Help contacts saved.')).toBeVisible();
	await page.reload();
	await expect(page.getByLabel('Help contacts: English')).toHaveValue(
		'Call 0800 000 000, free, day and night.'
	);
});

test('an analyst sees the demo links but no forms; donors and outsiders get nothing', async ({
	page
}) => {
	await signIn(page, 'analyst');
	await page.goto('/o/demo/surveys');
	await page.getByRole('link', { name: 'Programme feedback (demo)' }).click();
	await page.waitForURL(/\/surveys\/[0-9a-f-]{36}$/);
	await page.getByRole('link', { name: 'Distribute', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Distribution' })).toBeVisible();
	await expect(page.getByText('Your role can see how this survey is shared')).toBeVisible();
	await expect(page.getByLabel('Web address').first()).toHaveValue(`${BASE_URL}/s/demo`);
	await expect(page.locator('main form')).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Pause' })).toHaveCount(0);
	const distribute = new URL(page.url()).pathname;
	const qr = (await page
		.getByRole('link', { name: 'QR code as SVG' })
		.first()
		.getAttribute('href'))!;
	expect((await page.request.get(qr)).status()).toBe(200);

	const statuses: Record<string, number[]> = {};
	for (const who of ['donor', 'outsider'] as UserKey[]) {
		const context = await playwrightRequest.newContext({ baseURL: BASE_URL });
		await signInRequest(context, who);
		statuses[who] = [
			(await context.get(distribute, { maxRedirects: 0 })).status(),
			(await context.get(qr, { maxRedirects: 0 })).status()
		];
		await context.dispose();
	}
	expect(statuses).toEqual({ donor: [403, 403], outsider: [404, 404] });

	// A link id of another survey is unknown here.
	const other = qr.replace(
		/surveys\/[0-9a-f-]{36}/,
		'surveys/00000000-0000-4000-8000-000000000000'
	);
	expect((await page.request.get(other)).status()).toBe(404);
	expect((await page.request.get(qr.replace('format=svg', 'format=gif'))).status()).toBe(400);
});

test('an owner sets the quick-exit site, which must be an https address', async ({ page }) => {
	await signIn(page, 'owner');
	await page.goto('/o/demo/settings');
	const field = page.getByLabel('Quick-exit site');
	await expect(field).toHaveValue('https://www.wikipedia.org/');
	await field.fill('http://www.wikipedia.org/');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Enter a full web address starting with https://')).toBeVisible();
	await expect(field).toHaveAttribute('aria-invalid', 'true');
	// Saved back as it was: other tests rely on the demo's exit site.
	await field.fill('https://www.wikipedia.org/');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Settings saved.')).toBeVisible();
});
