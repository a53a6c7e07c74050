import { expect, test } from '@playwright/test';
import { signIn } from './support/auth';

// The e2e server runs no outbox worker (SMS_WORKER=off): the page only queues, nothing is sent.
test('a manager previews the invitation and queues two numbers', async ({ page }) => {
	await signIn(page, 'manager');
	await page.goto('/o/demo/sms/invite');
	await expect(page.getByRole('heading', { level: 1, name: 'SMS invitations' })).toBeVisible();

	const arabic = page.locator('tr[data-language="ar"]');
	await expect(arabic.locator('td').first()).toContainText('HELLO');
	await expect(arabic.locator('td').first()).toHaveAttribute('dir', 'rtl');
	await expect(arabic.locator('td').nth(1)).toContainText('2');
	await expect(page.locator('tr[data-language="en"] td').nth(1)).toContainText('1');

	await page
		.getByLabel('Phone numbers')
		.fill('+44 7700 900501\n+44 7700 900502, ar\n+44 7700 900501');
	await page.getByRole('button', { name: 'Queue invitations' }).click();
	await expect(page.getByText('Confirm that a caseworker judged SMS safe')).toBeVisible();
	await expect(page.getByLabel('Phone numbers')).toHaveValue(/900502, ar/);

	await page.getByLabel('A caseworker judged SMS safe for these people.').check();
	await page.getByRole('button', { name: 'Queue invitations' }).click();
	await expect(page.getByRole('status')).toContainText(
		'Queued: 2. Opted out, not queued: 0. Not valid: 0. Duplicates: 1.'
	);
	await expect(page.locator('tr[data-channel="demo"] td').first()).toHaveText('2');
	// The numbers are not shown back once queued.
	await expect(page.locator('body')).not.toContainText('900501');
});
