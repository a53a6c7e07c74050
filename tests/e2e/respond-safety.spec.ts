import { expect, test, type Page, type Response } from '@playwright/test';
import { scan } from './support/axe';
import { chromeFor } from '../../src/lib/survey/chrome';
import { begin, choose, codeNumber, finishBlank, press } from './support/respondent';
import { BASE_URL } from './support/users';

/**
 * What a respondent's device keeps and sends: headers, cookies, storage, third parties, and
 * the accessibility of every respondent page in English and Arabic.
 */

/** Every response the page received from our server while `walk` ran. */
async function recordResponses(page: Page, walk: () => Promise<void>): Promise<Response[]> {
	const seen: Response[] = [];
	const requests: string[] = [];
	page.on('request', (r) => requests.push(r.url()));
	page.on('response', (r) => seen.push(r));
	await walk();
	// Nothing leaves for another origin: fonts, scripts and images are all our own.
	expect(requests.filter((url) => !url.startsWith(BASE_URL) && !url.startsWith('data:'))).toEqual(
		[]
	);
	return seen;
}

test('respondent pages send the privacy headers and one session cookie, nothing else', async ({
	page
}) => {
	const responses = await recordResponses(page, async () => {
		await begin(page, '/s/demo', 'en', 'English');
		await finishBlank(page, 'en');
	});
	const documents = responses.filter((r) => r.request().resourceType() === 'document');
	expect(documents.length).toBeGreaterThan(8);
	const cookies: string[] = [];
	for (const response of responses) {
		const headers = await response.allHeaders();
		if (response.request().resourceType() === 'document' || response.status() >= 300) {
			expect(headers['cache-control'], response.url()).toBe('no-store');
			expect(headers['referrer-policy'], response.url()).toBe('no-referrer');
		}
		const set = (await response.headersArray()).filter(
			(h) => h.name.toLowerCase() === 'set-cookie'
		);
		cookies.push(...set.map((h) => h.value));
	}
	expect(cookies.length).toBeGreaterThan(0);
	for (const cookie of cookies) {
		const [pair, ...attributes] = cookie.split(';').map((part) => part.trim());
		const [name, value] = pair!.split('=');
		expect(name, cookie).toBe('r');
		const lower = attributes.map((a) => a.toLowerCase());
		expect(lower).toContain('path=/s/demo');
		expect(lower).toContain('httponly');
		expect(lower).toContain('samesite=strict');
		if (value) {
			// Set: a session cookie only, gone when the browser closes.
			expect(
				lower.some((a) => a.startsWith('expires') || a.startsWith('max-age')),
				cookie
			).toBe(false);
		} else {
			// Cleared on completion.
			expect(lower).toContain('max-age=0');
		}
	}
	// Neutral title and icon; no organisation or topic words.
	await expect(page).toHaveTitle(chromeFor('en').pageTitle);
	await expect(page.locator('link[rel=icon]')).toHaveAttribute('href', '/neutral.svg');
	const storage = await page.evaluate(async () => ({
		local: localStorage.length,
		session: sessionStorage.length,
		databases: (await indexedDB.databases()).length,
		workers: (await navigator.serviceWorker.getRegistrations()).length,
		cookies: document.cookie
	}));
	expect(storage).toEqual({ local: 0, session: 0, databases: 0, workers: 0, cookies: '' });
});

test('the staff session cookie is neither read nor renewed on respondent pages', async ({
	page
}) => {
	await page
		.context()
		.addCookies([{ name: 'heard_session', value: 'x'.repeat(32), url: BASE_URL }]);
	const response = await page.goto('/s/demo');
	expect(response!.headers()['set-cookie']).toBeUndefined();
});

test('the pages read at 320 px and at 200 % text size, with 44 px touch targets', async ({
	page
}) => {
	await page.setViewportSize({ width: 320, height: 640 });
	await begin(page, '/s/demo', 'en', 'English');
	const fits = () =>
		page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
	expect(await fits()).toBe(true);
	for (const target of await page.locator('.respondent button, .respondent label.option').all()) {
		if (!(await target.isVisible())) continue;
		const box = (await target.boundingBox())!;
		expect(box.height, await target.innerText()).toBeGreaterThanOrEqual(44);
	}
	await page.setViewportSize({ width: 640, height: 800 });
	await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
	expect(await fits()).toBe(true);
});

for (const [lang, name] of [
	['en', 'English'],
	['ar', 'العربية']
] as const) {
	test(`every respondent page has no WCAG violations in ${lang}`, async ({ page }) => {
		test.setTimeout(90_000);
		const chrome = chromeFor(lang);
		await page.setExtraHTTPHeaders({ 'accept-language': lang });
		await page.goto('/s/demo');
		await scan(page, 'language');
		await page.getByRole('button', { name, exact: true }).click();
		await scan(page, 'safety check');
		await press(page, lang, 'next');
		await scan(page, 'safety check with an error');
		await choose(page, chrome.yesContinue);
		await press(page, lang, 'next');
		await scan(page, 'consent');
		await choose(page, chrome.agree);
		await press(page, lang, 'next');
		for (let i = 0; i < 12; i++) {
			await scan(page, `question page ${i + 1}`);
			const finish = page.getByRole('button', { name: chrome.finish, exact: true });
			if (await finish.isVisible()) break;
			await press(page, lang, 'next');
		}
		await press(page, lang, 'finish');
		await scan(page, 'thank you');
		for (const path of [
			'/s/closedlink',
			'/s/pausedlink',
			'/i',
			`/i/${codeNumber(lang === 'en' ? 2 : 3)}`
		]) {
			await page.goto(path);
			await scan(page, path);
		}
	});
}
