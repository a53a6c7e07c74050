import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { message } from './messages';
import { BASE_URL, PASSWORD, USERS, type UserKey } from './users';

/** Signs in through the real form, as a person would. */
export async function signIn(page: Page, who: UserKey, password = PASSWORD, lang = 'en') {
	await page.goto('/login');
	await page.locator('#field-email').fill(USERS[who].email);
	await page.locator('#field-password').fill(password);
	await page.getByRole('button', { name: message(lang, 'auth.signIn') }).click();
	await expect(page).not.toHaveURL(/\/login/);
}

/** Signs an API request context in by posting the login form (no browser needed). */
export async function signInRequest(request: APIRequestContext, who: UserKey) {
	const response = await request.post('/login', {
		form: { email: USERS[who].email, password: PASSWORD },
		headers: { origin: BASE_URL },
		maxRedirects: 0
	});
	expect([200, 303]).toContain(response.status());
}
