import { expect, request as playwrightRequest, test } from '@playwright/test';
import { signIn, signInRequest } from './support/auth';
import { begin, choose, finishBlank, press } from './support/respondent';
import { BASE_URL, type UserKey } from './support/users';

/**
 * The responses pages from the browser: who may open them, the empty state, the filter form,
 * and a response given on the respondent pages read back by an analyst. The queries are
 * tested with many rows in src/lib/server/responses/*.db.test.ts.
 */

test('a new survey shows the empty state, reached from the survey page', async ({ page }) => {
	await signIn(page, 'manager');
	await page.goto('/o/demo/surveys');
	await page.getByLabel('Survey name').fill('Responses e2e');
	await page.getByRole('button', { name: 'Create survey' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Responses e2e' })).toBeVisible();
	await page.getByRole('link', { name: 'Responses', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Responses' })).toBeVisible();
	await expect(page.getByRole('heading', { name: '0 responses' })).toBeVisible();
	await expect(page.getByText('No responses yet.')).toBeVisible();
	// Nothing published, so there is no version to filter by and no table to page.
	await expect(page.getByLabel('Version', { exact: true })).toHaveCount(0);
	await expect(page.getByRole('table')).toHaveCount(0);
});

test('the version filter of the demo survey works as a plain GET form', async ({ page }) => {
	await signIn(page, 'analyst');
	await page.goto('/o/demo/surveys');
	await page.getByRole('link', { name: 'Programme feedback (demo)' }).click();
	await page.waitForURL(/\/surveys\/[0-9a-f-]{36}$/);
	await page.getByRole('link', { name: 'Responses', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Responses' })).toBeVisible();
	await page.getByLabel('Version', { exact: true }).selectOption({ label: 'Version 1' });
	await page.getByRole('button', { name: 'Show' }).click();
	await expect(page).toHaveURL(/[?&]version=1(&|$)/);
	await expect(page.getByLabel('Version', { exact: true })).toHaveValue('1');
	await expect(page.getByRole('heading', { name: /^\d+ responses?$/ })).toBeVisible();
	// Edited addresses fall back to the defaults; an unknown version is not found.
	const base = new URL(page.url()).pathname;
	expect((await page.request.get(`${base}?page=abc&version=`)).status()).toBe(200);
	expect((await page.request.get(`${base}?version=999`)).status()).toBe(404);
});

test('only staff who may read responses open the pages', async ({ page }) => {
	await signIn(page, 'owner');
	await page.goto('/o/demo/surveys');
	await page.getByRole('link', { name: 'Programme feedback (demo)' }).click();
	await page.waitForURL(/\/surveys\/[0-9a-f-]{36}$/);
	const survey = new URL(page.url()).pathname;
	const list = `${survey}/responses`;
	const unknown = `${list}/00000000-0000-4000-8000-000000000000`;
	const statuses: Record<string, number[]> = {};
	for (const who of ['owner', 'manager', 'analyst', 'donor', 'outsider'] as UserKey[]) {
		const context = await playwrightRequest.newContext({ baseURL: BASE_URL });
		await signInRequest(context, who);
		statuses[who] = [
			(await context.get(list, { maxRedirects: 0 })).status(),
			(await context.get(unknown, { maxRedirects: 0 })).status()
		];
		await context.dispose();
	}
	expect(statuses).toEqual({
		owner: [200, 404],
		manager: [200, 404],
		analyst: [200, 404],
		donor: [403, 403],
		outsider: [404, 404]
	});
	// The survey page leads there for those who may.
	await expect(page.getByRole('link', { name: 'Responses', exact: true })).toBeVisible();
});

test('an answer given on the survey page reaches the analyst, with its labels', async ({
	browser,
	page
}) => {
	// A respondent in another browser, answering in Spanish.
	const respondent = await browser.newPage();
	await begin(respondent, '/s/demo', 'es', 'Español');
	await choose(respondent, 'Bastante satisfecho/a');
	await press(respondent, 'es', 'next');
	await finishBlank(respondent, 'es');
	await respondent.close();

	await signIn(page, 'analyst');
	await page.goto('/o/demo/surveys');
	await page.getByRole('link', { name: 'Programme feedback (demo)' }).click();
	await page.waitForURL(/\/surveys\/[0-9a-f-]{36}$/);
	await page.getByRole('link', { name: 'Responses', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Responses' })).toBeVisible();
	const rows = page.getByRole('table').last().getByRole('row');
	// Newest day first; only this test answers in Spanish.
	const spanish = rows.filter({ hasText: 'Spanish' }).first();
	await spanish.getByRole('link').first().click();
	await expect(
		page.getByText('Overall, how satisfied are you with the support you received?')
	).toBeVisible();
	await expect(page.getByText('Fairly satisfied')).toBeVisible();
});
