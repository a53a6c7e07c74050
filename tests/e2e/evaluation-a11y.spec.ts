import { expect, test, type Page } from '@playwright/test';
import { scan } from './support/axe';
import { signIn } from './support/auth';

/**
 * Axe (WCAG 2.2 A and AA) over every page of issue 7 with real content — the demo's midline
 * evaluation, its coding workspace, findings, recommendations, report editor, the published
 * revision, the reports list, a survey's "what we heard" page and the donor's portal — in
 * English and in Arabic (right to left).
 */

async function demoPaths(page: Page) {
	const programmes = await (await page.request.get('/o/demo/programmes')).text();
	const programme =
		/\/o\/demo\/programmes\/([0-9a-f-]{36})"[^>]*>(?:<!--[^>]*-->)*\s*Safe Futures 2025–2026/.exec(
			programmes
		)?.[1];
	expect(programme, 'the demo programme is listed').toBeTruthy();
	const base = `/o/demo/programmes/${programme}`;
	const evaluations = await (await page.request.get(`${base}/evaluations`)).text();
	const evaluation =
		/\/evaluations\/([0-9a-f-]{36})"[^>]*>(?:<!--[^>]*-->)*\s*Midline evaluation 2025–2026/.exec(
			evaluations
		)?.[1];
	expect(evaluation, 'the demo evaluation is listed').toBeTruthy();
	const reports = await (await page.request.get(`${base}/reports`)).text();
	const revision = new RegExp(`${base}/reports/([0-9a-f-]{36})"`).exec(reports)?.[1];
	expect(revision, 'the demo report is published').toBeTruthy();
	const surveys = await (await page.request.get('/o/demo/surveys')).text();
	const survey =
		/\/o\/demo\/surveys\/([0-9a-f-]{36})"[^>]*>(?:<!--[^>]*-->)*\s*Programme feedback \(demo\)/.exec(
			surveys
		)?.[1];
	return {
		base,
		evaluation: `${base}/evaluations/${evaluation}`,
		revision: `${base}/reports/${revision}`,
		survey: survey ? `/o/demo/surveys/${survey}` : null
	};
}

for (const lang of ['en', 'ar'] as const) {
	test.describe(`in ${lang}`, () => {
		test.use({ locale: lang });

		test('the team’s evaluation and report pages pass axe', async ({ page }) => {
			test.setTimeout(180_000);
			await signIn(page, 'manager', undefined, lang);
			const paths = await demoPaths(page);
			const pages = [
				`${paths.base}/evaluations`,
				paths.evaluation,
				`${paths.evaluation}/coding`,
				`${paths.evaluation}/findings`,
				`${paths.evaluation}/recommendations`,
				`${paths.evaluation}/report`,
				`${paths.base}/reports`,
				paths.revision,
				...(paths.survey ? [`${paths.survey}/summary`] : [])
			];
			for (const path of pages) {
				const response = await page.goto(path);
				expect(response?.status(), path).toBe(200);
				await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
				await scan(page, `${lang} ${path}`);
			}
		});

		test('the donor’s portal and report pass axe', async ({ page }) => {
			test.setTimeout(120_000);
			await signIn(page, 'donor', undefined, lang);
			await page.goto('/o/demo');
			await scan(page, `${lang} donor portal`);
			const link = page.locator('a[href*="/reports/"]').first();
			await expect(link).toBeVisible();
			await link.click();
			await expect(page).toHaveURL(/\/reports\/[0-9a-f-]{36}$/);
			await scan(page, `${lang} donor report`);
		});
	});
}
