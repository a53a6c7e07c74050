import { expect, test } from '@playwright/test';
import { signIn } from './support/auth';
import { PASSWORD, USERS } from './support/users';

test('a wrong password gets a clear message and no hint whether the account exists', async ({
	page
}) => {
	await page.goto('/login');
	await page.getByLabel(/e-mail/i).fill(USERS.analyst.email);
	await page.getByLabel(/^password/i).fill('not-the-password-123');
	await page.getByRole('button', { name: 'Sign in' }).click();
	const wrongPassword = await page.getByRole('alert').textContent();
	await page.getByLabel(/e-mail/i).fill('nobody@e2e.test');
	await page.getByLabel(/^password/i).fill('not-the-password-123');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toHaveText(wrongPassword ?? '');
	expect(wrongPassword).toContain('not correct');
	await expect(page.getByLabel(/e-mail/i)).toHaveValue('nobody@e2e.test');
});

test('an empty form names each missing field', async ({ page }) => {
	await page.goto('/login');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.locator('#field-email-error')).toHaveText('Please fill this in.');
	await expect(page.locator('#field-password-error')).toHaveText('Please fill this in.');
});

test('sign in lands on the organisation; sign out ends the session', async ({ page }) => {
	await signIn(page, 'manager');
	await expect(page).toHaveURL(/\/o\/demo$/);
	await expect(page.getByText('Safe Futures Programme (demo)', { exact: true })).toBeVisible();
	await expect(page.getByText('Your role: Programme manager')).toBeVisible();
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page).toHaveURL(/\/login$/);
	await page.goto('/o/demo');
	await expect(page).toHaveURL(/\/login\?next=%2Fo%2Fdemo/);
});

test('changing the password signs other devices out', async ({ browser }) => {
	const laptop = await browser.newPage();
	const phone = await browser.newPage();
	await signIn(laptop, 'changer');
	await signIn(phone, 'changer');

	await laptop.goto('/account');
	await laptop.getByLabel('Current password').fill(PASSWORD);
	await laptop.getByLabel('New password', { exact: true }).fill('one-long-enough-phrase');
	await laptop.getByLabel('Repeat the new password').fill('another-long-phrase');
	await laptop.getByRole('button', { name: 'Change password' }).click();
	await expect(laptop.getByText('The two passwords are not the same.')).toBeVisible();

	const next = 'another-quiet-harbour-17';
	await laptop.getByLabel('Current password').fill(PASSWORD);
	await laptop.getByLabel('New password', { exact: true }).fill(next);
	await laptop.getByLabel('Repeat the new password').fill(next);
	await laptop.getByRole('button', { name: 'Change password' }).click();
	await expect(laptop.getByText('Your password is changed.')).toBeVisible();

	await laptop.goto('/account');
	await expect(laptop).toHaveURL(/\/account$/);
	await phone.goto('/account');
	await expect(phone).toHaveURL(/\/login/);
	await signIn(phone, 'changer', next);
});
