import { expect, request as playwrightRequest, test, type Page } from '@playwright/test';
import { signIn, signInRequest } from './support/auth';
import { message } from './support/messages';
import { BASE_URL } from './support/users';

/**
 * Coding survivor feedback from the browser: a manager starts an evaluation on the demo survey,
 * builds a small codebook, codes five answers with the keyboard only (number keys and Enter),
 * and sees the progress and theme counts move; donors get 403. The rules behind it are tested
 * in src/lib/server/evaluations/coding*.db.test.ts and theme-counts*.test.ts.
 */

const m = (key: string) => message('en', key);

async function demoProgramme(page: Page): Promise<string> {
	const html = await (await page.request.get('/o/demo/programmes')).text();
	const id =
		/\/o\/demo\/programmes\/([0-9a-f-]{36})"[^>]*>(?:<!--[^>]*-->)*\s*Safe Futures 2025–2026/.exec(
			html
		)?.[1];
	expect(id, 'the demo programme is listed').toBeTruthy();
	return `/o/demo/programmes/${id}`;
}

test('a manager codes five answers with the keyboard', async ({ page }) => {
	await signIn(page, 'manager');
	const programme = await demoProgramme(page);
	await page.goto(`${programme}/evaluations`);
	await page.getByLabel(m('evaluations.form.title')).fill(`Coding e2e ${Date.now()}`);
	await page.getByLabel(m('evaluations.form.startsOn')).fill('2026-07-01');
	await page.getByLabel(m('evaluations.form.endsOn')).fill('2026-11-30');
	await page.getByLabel('Programme feedback (demo)').check();
	await page.getByRole('button', { name: m('evaluations.form.create') }).click();
	await expect(page).toHaveURL(/\/evaluations\/[0-9a-f-]{36}$/);
	const coding = `${new URL(page.url()).pathname}/coding`;

	await page.goto(coding);
	await expect(page.getByRole('heading', { level: 1, name: m('coding.title') })).toBeVisible();
	for (const name of ['Waiting', 'Stigma']) {
		await page.locator('#new-theme-name').fill(name);
		await page.getByRole('button', { name: m('coding.codebook.add') }).click();
		await expect(page.locator('#codebook-heading ~ ol .name', { hasText: name })).toBeVisible();
	}
	// A second theme of the same name, whatever its case, is refused with a message.
	await page.locator('#new-theme-name').fill('waiting');
	await page.getByRole('button', { name: m('coding.codebook.add') }).click();
	await expect(page.locator('#new-theme-name-error')).toHaveText(m('coding.errors.nameTaken'));

	const progress = page.locator('.workspace .progress');
	const before = (await progress.textContent()) ?? '';
	const total = Number(/of ([\d,]+)/.exec(before)?.[1]?.replace(/,/g, ''));
	expect(total).toBeGreaterThan(5);
	await expect(progress).toHaveText(`0 of ${total.toLocaleString('en')} coded`);

	const answer = page.locator('blockquote.answer');
	await expect(answer).toHaveAttribute('dir', 'auto');
	const seen: string[] = [];
	for (let i = 1; i <= 5; i++) {
		const text = (await answer.textContent()) ?? '';
		seen.push(text);
		await page.locator('body').click({ position: { x: 1, y: 1 } });
		await page.keyboard.press(i % 2 ? '1' : '2');
		await expect(page.locator(`#code-theme-${i % 2 ? 0 : 1}`)).toBeChecked();
		await page.keyboard.press('Enter');
		await expect(progress).toHaveText(`${i} of ${total.toLocaleString('en')} coded`);
		await expect(answer).not.toHaveText(text);
		// Focus comes back to the first theme, ready for the next answer.
		await expect(page.locator('#code-theme-0')).toBeFocused();
		await expect(page.locator('#code-theme-0')).not.toBeChecked();
	}
	await expect(page.getByRole('status').filter({ hasText: 'Answer saved. 5 of' })).toHaveCount(1);
	expect(new Set(seen).size).toBe(5);

	// Typing in a text field is never taken for a shortcut.
	await page.locator('#new-theme-name').fill('');
	await page.locator('#new-theme-name').press('1');
	await expect(page.locator('#new-theme-name')).toHaveValue('1');
	await expect(page.locator('#code-theme-0')).not.toBeChecked();

	await expect(page.locator('#codebook-heading ~ ol > li').first()).toContainText('3 people');
	await page.getByLabel(m('coding.counts.by')).selectOption('language');
	await page.getByRole('button', { name: m('coding.counts.show') }).click();
	await expect(page.locator('#counts-heading ~ .table-wrap th[scope=col]').nth(1)).toBeVisible();

	// Donors never reach the coding page; analysts do.
	for (const [who, status] of [
		['donor', 403],
		['analyst', 200]
	] as const) {
		const context = await playwrightRequest.newContext({ baseURL: BASE_URL });
		await signInRequest(context, who);
		expect((await context.get(coding, { maxRedirects: 0 })).status(), who).toBe(status);
		await context.dispose();
	}
});
