import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/auth';
import { message } from './support/messages';

/**
 * A report from draft to a donor reading it: blocked while the required sections are empty,
 * sent for review, published, then opened by the e2e donor (attached to the demo programme).
 * The evaluation and its finding are made through the evaluation pages, as a manager would.
 */

const t = (key: string, values?: Record<string, string | number>) => {
	let text = message('en', key);
	for (const [name, value] of Object.entries(values ?? {}))
		text = text.replace(`{{${name}}}`, String(value));
	return text;
};

async function demoProgramme(page: Page): Promise<string> {
	await page.goto('/o/demo/programmes');
	await page.getByRole('link', { name: 'Safe Futures 2025–2026' }).first().click();
	await expect(page).toHaveURL(/\/programmes\/[0-9a-f-]{36}$/);
	return new URL(page.url()).pathname;
}

test('a manager publishes a report and the donor reads it', async ({ page, browser }) => {
	const title = `Report flow ${Date.now()}`;
	await signIn(page, 'manager');
	const programme = await demoProgramme(page);

	await page.goto(`${programme}/evaluations`);
	await page.locator('#new-kind').selectOption('midline');
	await page.locator('#new-title').fill(title);
	await page.locator('#new-startsOn').fill('2025-01-01');
	await page.locator('#new-endsOn').fill('2026-06-30');
	// Helper B's pages: their forms by action, so this test does not lean on their wording.
	await page.locator('form[action="?/create"] button[type="submit"]').click();
	await expect(page).toHaveURL(/\/evaluations\/[0-9a-f-]{36}$/);
	const evaluation = new URL(page.url()).pathname;

	await page.goto(`${evaluation}/findings`);
	await page.locator('#new-finding-statement').fill('Survivors feel safer over time.');
	await page.locator('#new-finding-criterion').selectOption('effectiveness');
	await page.locator('#new-finding-strength').selectOption('strong');
	await page.locator('form[action="?/addFinding"] button[type="submit"]').click();
	await expect(page.getByText('Survivors feel safer over time.').first()).toBeVisible();

	await page.goto(`${evaluation}/report`);
	const problems = page.getByRole('region', { name: t('report.editor.problems.heading') });
	await expect(
		problems.getByRole('link', { name: t('report.editor.problems.summary') })
	).toBeVisible();
	await expect(
		problems.getByRole('link', { name: t('report.editor.problems.whatDidNotWork') })
	).toBeVisible();
	await page.getByRole('button', { name: t('report.editor.workflow.submit') }).click();
	await expect(page.getByRole('alert')).toHaveCount(0);
	await expect(page.locator('.badge')).toHaveText(t('evaluation.statuses.draft'));

	await page.locator('#field-summary').fill('People feel safer; evenings would help.');
	await page.locator('#field-whatDidNotWork').fill('Appointments during working hours.');
	await page.locator('#field-unintendedEffects').fill('Some people were seen at the office.');
	await page.locator('#field-limitations').fill('Only people still in touch answered.');
	await page.getByRole('button', { name: t('report.editor.save') }).click();
	await expect(page.getByText(t('report.editor.saved'))).toBeVisible();
	await page.reload();
	await expect(page.getByRole('region', { name: t('report.editor.problems.heading') })).toHaveCount(
		0
	);

	await page.getByRole('button', { name: t('report.editor.workflow.submit') }).click();
	await expect(page.locator('.badge')).toHaveText(t('evaluation.statuses.review'));
	await page.getByRole('button', { name: t('report.editor.workflow.publish') }).click();
	await expect(page.locator('.badge')).toHaveText(t('evaluation.statuses.published'));

	await page.getByRole('link', { name: /revision 1/i }).click();
	await expect(page).toHaveURL(/\/reports\/[0-9a-f-]{36}$/);
	const revision = new URL(page.url()).pathname;
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(page.getByRole('heading', { name: 'Effectiveness' })).toBeVisible();
	await expect(page.getByRole('link', { name: t('report.revision.pdf') })).toHaveAttribute(
		'href',
		`${revision}/pdf`
	);

	const donorContext = await browser.newContext();
	const donor = await donorContext.newPage();
	await signIn(donor, 'donor');
	await donor.goto(`${programme}/reports`);
	await donor.getByRole('link', { name: title }).click();
	await expect(donor).toHaveURL(revision);
	await expect(donor.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(donor.getByText('Appointments during working hours.')).toBeVisible();
	// The draft editor is the team's: a donor gets 403 there.
	const editor = await donor.goto(`${evaluation}/report`);
	expect(editor?.status()).toBe(403);
	await donorContext.close();
});
