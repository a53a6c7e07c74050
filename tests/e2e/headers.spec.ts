import { expect, test } from '@playwright/test';

test('/healthz reports the embedded database', async ({ request }) => {
	const response = await request.get('/healthz');
	expect(response.status()).toBe(200);
	expect(await response.json()).toEqual({ status: 'ok', database: 'pglite' });
});

test('pages send the security headers', async ({ request }) => {
	const response = await request.get('/login');
	const headers = response.headers();
	const csp = headers['content-security-policy'] ?? '';
	expect(csp).toContain("default-src 'self'");
	expect(csp).toContain("frame-ancestors 'none'");
	expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
	expect(csp).not.toContain('unsafe-inline');
	expect(csp).not.toMatch(/https?:/);
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('no-referrer');
	expect(headers['x-frame-options']).toBe('DENY');
});

test('the session cookie is HttpOnly and SameSite=Lax', async ({ page }) => {
	await page.goto('/login');
	await page.getByLabel(/e-mail/i).fill('owner@e2e.test');
	await page.getByLabel(/^password/i).fill('correct-lantern-river-42');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/o\/demo/);
	const cookie = (await page.context().cookies()).find((c) => c.name === 'heard_session');
	expect(cookie?.httpOnly).toBe(true);
	expect(cookie?.sameSite).toBe('Lax');
	const days = ((cookie?.expires ?? 0) * 1000 - Date.now()) / 86_400_000;
	expect(days).toBeGreaterThan(29);
	expect(days).toBeLessThanOrEqual(30);
});

test('a form posted from another site is refused before anything runs', async ({ request }) => {
	const response = await request.post('/language', {
		form: { lang: 'ar', redirectTo: '/' },
		headers: { 'sec-fetch-site': 'cross-site', origin: 'null' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(403);
	expect(response.headers()['set-cookie'] ?? '').not.toContain('heard_lang');
});
