import { expect, test } from '@playwright/test';
import { scan } from './support/axe';
import { signIn } from './support/auth';

const SIGNED_IN_PAGES = [
	'/account',
	'/orgs',
	'/o/elsewhere',
	'/o/elsewhere/members',
	'/o/elsewhere/audit',
	'/o/elsewhere/settings',
	'/o/elsewhere/no-such-page'
];

for (const lang of ['en', 'ar'] as const) {
	test.describe(`in ${lang}`, () => {
		test.use({ locale: lang });

		test('the public pages have no WCAG violations', async ({ page }) => {
			await page.goto('/login');
			await expect(page.locator('html')).toHaveAttribute('lang', lang);
			await scan(page, '/login');
			await page.getByRole('button').last().click();
			await scan(page, '/login with errors');
			await page.goto('/invite/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
			await scan(page, '/invite (invalid)');
		});

		test('the signed-in pages have no WCAG violations', async ({ page }) => {
			test.setTimeout(120_000);
			// The outsider owns its own organisation and has no saved language, so the
			// browser's Accept-Language decides, and no other test changes its data.
			await page.goto('/login');
			await signIn(page, 'outsider', undefined, lang);
			await expect(page.locator('html')).toHaveAttribute('lang', lang);
			for (const path of SIGNED_IN_PAGES) {
				await page.goto(path);
				await scan(page, path);
			}
			await page.goto('/o/elsewhere/members');
			await page.locator('form[action="?/invite"] button[type="submit"]').click();
			const link = await page.locator('#copy-value').inputValue();
			await scan(page, '/o/elsewhere/members with a new link');

			// The survey pages: list, builder in each view, versions.
			await page.goto('/o/elsewhere/surveys');
			await scan(page, '/o/elsewhere/surveys');
			await page.locator('#field-name').fill(`A11y ${lang}`);
			await page.locator('input[name="languages"][value="ar"]').check();
			await page.locator('form[action="?/create"] button[type="submit"]').click();
			await page.waitForURL(/\/surveys\/[0-9a-f-]{36}$/);
			await scan(page, 'builder: design');
			for (const view of ['translations', 'lists', 'preview']) {
				await page
					.locator('.tabs button')
					.nth(['design', 'translations', 'lists', 'preview'].indexOf(view))
					.click();
				await scan(page, `builder: ${view}`);
			}
			const survey = page.url();
			await page.goto(survey + '/versions');
			await scan(page, 'survey versions');

			// Distribution: empty, then with a link and a sheet of freshly made codes.
			await page.goto(survey + '/distribute');
			await scan(page, 'distribution (empty)');
			await page.locator('form[action="?/createLink"] button[type="submit"]').click();
			await expect(page.locator('section.link')).toHaveCount(1);
			await page.locator('form[action="?/createCodes"] input[name="count"]').fill('3');
			await page.locator('form[action="?/createCodes"] button[type="submit"]').click();
			await expect(page.locator('.code-card')).toHaveCount(3);
			await scan(page, 'distribution with a link and codes');
			await page.locator('form[action="?/revokeUnused"] button[type="submit"]').click();
			await expect(page.locator('#revoke-confirm-error')).toBeVisible();
			await scan(page, 'distribution with an error');
			await page.goto(survey + '/responses');
			await scan(page, 'responses (empty)');

			// The invitation page as the invited person sees it, signed out.
			const guestContext = await page.context().browser()!.newContext({ locale: lang });
			const guest = await guestContext.newPage();
			await guest.goto(new URL(link).pathname);
			await expect(guest.locator('form[action="?/register"]')).toBeVisible();
			await scan(guest, '/invite (valid)');
			await guest.locator('form[action="?/register"] button[type="submit"]').click();
			await expect(guest.locator('#field-email-error')).toBeVisible();
			await scan(guest, '/invite (with errors)');
			await guestContext.close();
		});
	});
}
