import { expect, test } from '@playwright/test';
import { signIn } from './support/auth';
import { message } from './support/messages';

test('switching to Arabic renders right to left, and the choice is remembered', async ({
	page
}) => {
	await signIn(page, 'analyst');
	await page.getByLabel('Interface language').selectOption('ar');
	await page.getByRole('button', { name: 'Change language' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.getByRole('button', { name: message('ar', 'auth.signOut') })).toBeVisible();
	// Mirrored layout: the brand sits at the right edge in rtl.
	const brand = await page.getByRole('link', { name: 'Heard' }).boundingBox();
	const width = page.viewportSize()?.width ?? 0;
	expect(brand!.x).toBeGreaterThan(width / 2);

	// Saved on the account: a fresh browser signing in gets Arabic too.
	await page.context().clearCookies();
	await signIn(page, 'analyst');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await page.getByLabel(message('ar', 'language.label')).selectOption('en');
	await page.getByRole('button', { name: message('ar', 'language.apply') }).click();
	await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
});

test.describe('with a French browser', () => {
	test.use({ locale: 'fr-FR' });
	test('the sign-in page speaks French', async ({ page }) => {
		await page.goto('/login');
		await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			message('fr', 'auth.signInTitle')
		);
		await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
	});
});
