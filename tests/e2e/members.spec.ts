import { expect, test } from '@playwright/test';
import { signIn } from './support/auth';

test('an owner invites an analyst, who joins by the link and is refused owner pages', async ({
	page,
	browser
}) => {
	await signIn(page, 'owner');
	await page.goto('/o/demo/members');
	await page.getByLabel('Role', { exact: true }).selectOption('analyst');
	await page.getByLabel('Their e-mail address (optional)').fill('new.analyst@e2e.test');
	await page.getByRole('button', { name: 'Create invitation link' }).click();
	const link = await page.getByLabel('Invitation link').inputValue();
	expect(link).toMatch(/\/invite\/[a-z2-7]{32}$/);
	await expect(page.getByRole('row', { name: /new\.analyst@e2e\.test/ })).toBeVisible();

	const guest = await browser.newPage();
	await guest.goto(new URL(link).pathname);
	await expect(
		guest.getByText('You are invited to join Safe Futures Programme (demo) as Analyst.')
	).toBeVisible();
	await guest.getByLabel('Your name (optional)').fill('Amina');
	await guest.getByLabel('E-mail address').fill('new.analyst@e2e.test');
	await guest.getByLabel('Password', { exact: true }).fill('a-long-enough-passphrase');
	await guest.getByLabel('Repeat the new password').fill('a-long-enough-passphrase');
	await guest.getByRole('button', { name: 'Create account and join' }).click();
	await expect(guest).toHaveURL(/\/o\/demo$/);
	await expect(guest.getByText('Your role: Analyst')).toBeVisible();
	await expect(guest.getByRole('link', { name: 'Members' })).toHaveCount(0);

	const denied = await guest.goto('/o/demo/members');
	expect(denied?.status()).toBe(403);
	await expect(guest.getByRole('heading', { name: 'Not allowed' })).toBeVisible();

	// They can sign out and come back with the password they chose.
	await guest.getByRole('button', { name: 'Sign out' }).click();
	await guest.locator('#field-email').fill('new.analyst@e2e.test');
	await guest.locator('#field-password').fill('a-long-enough-passphrase');
	await guest.getByRole('button', { name: 'Sign in' }).click();
	await expect(guest).toHaveURL(/\/o\/demo$/);

	// The link was single-use.
	const other = await browser.newPage();
	await other.goto(new URL(link).pathname);
	await expect(other.getByText('This invitation link has already been used.')).toBeVisible();

	// Everything above is in the audit log.
	await page.goto('/o/demo/audit');
	await expect(page.getByRole('row', { name: /Invitation created/ }).first()).toBeVisible();
	await expect(
		page.getByRole('row', { name: /Member joined.*new\.analyst@e2e\.test/ })
	).toBeVisible();
});

test('an owner changes a role, removes a member, and cannot remove the last owner', async ({
	page
}) => {
	await signIn(page, 'owner');
	await page.goto('/o/demo/members');
	await page.getByLabel('Role of temp@e2e.test').selectOption('donor');
	await page
		.getByRole('row', { name: /temp@e2e\.test/ })
		.getByRole('button', { name: 'Save' })
		.click();
	await expect(page.getByText('Changes saved.')).toBeVisible();
	await expect(page.getByLabel('Role of temp@e2e.test')).toHaveValue('donor');

	await page.getByRole('button', { name: 'Remove temp@e2e.test' }).click();
	await expect(page.getByRole('row', { name: /temp@e2e\.test/ })).toHaveCount(0);

	await page.getByRole('button', { name: 'Remove owner@e2e.test' }).click();
	await expect(page.getByRole('alert')).toContainText('at least one owner');

	await page.goto('/o/demo/audit');
	await expect(page.getByRole('row', { name: /Role changed.*temp@e2e\.test/ })).toBeVisible();
	await expect(page.getByRole('row', { name: /Member removed.*temp@e2e\.test/ })).toBeVisible();
});

test('a bad e-mail in the invitation form is explained and nothing is created', async ({
	page
}) => {
	await signIn(page, 'owner');
	await page.goto('/o/demo/members');
	await page.getByLabel('Their e-mail address (optional)').fill('not-an-address');
	await page.getByRole('button', { name: 'Create invitation link' }).click();
	await expect(page.getByText('Enter an e-mail address such as name@example.org.')).toBeVisible();
	await expect(page.getByLabel('Invitation link')).toHaveCount(0);
	await page.reload();
	await expect(page.getByRole('cell', { name: 'not-an-address' })).toHaveCount(0);
});
