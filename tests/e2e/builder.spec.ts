import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { bombOf } from '../../src/lib/server/xlsx/testing';
import { handMadeForm, workbook } from '../../src/lib/survey/xlsform/testing';
import { signIn } from './support/auth';

async function saved(page: Page) {
	await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible({
		timeout: 10_000
	});
}

/** Fills the per-language inputs of one text group (e.g. "Question text"). */
async function texts(page: Page, group: string, values: Record<string, string>) {
	const fieldset = page.getByRole('group', { name: group, exact: true });
	for (const [language, value] of Object.entries(values))
		await fieldset.getByLabel(language).fill(value);
}

test('a manager builds a two-language survey with skip logic, previews it in Arabic, publishes twice and exports', async ({
	page
}, testInfo) => {
	test.setTimeout(90_000);
	await signIn(page, 'manager');
	await page.goto('/o/demo/surveys');
	await page.getByLabel('Survey name').fill('Shelter feedback e2e');
	await page.getByRole('checkbox', { name: 'العربية' }).check();
	await page.getByRole('button', { name: 'Create survey' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Shelter feedback e2e' })).toBeVisible();

	// A shared choice list.
	await page.getByRole('button', { name: 'Choice lists' }).click();
	await page.getByLabel('Name of a new list').fill('yesno');
	await page.getByRole('button', { name: 'Add list' }).click();
	const choices: [string, string, string][] = [
		['yes', 'Yes', 'نعم'],
		['no', 'No', 'لا']
	];
	for (const [value, en, ar] of choices) {
		await page.getByRole('button', { name: 'Add a choice' }).click();
		const name = page.getByLabel('Value stored').last();
		await name.fill(value);
		await texts(page, `Text of ${value}`, { English: en, العربية: ar });
	}
	await saved(page);

	// A page with a question and a follow-up shown only after "No".
	await page.getByRole('button', { name: 'Design' }).click();
	await page.getByRole('button', { name: 'Add a page after this one' }).last().click();
	const lastPage = page
		.getByRole('navigation', { name: 'Pages and questions' })
		.locator('section')
		.last();
	await lastPage.getByLabel('Type of the new question').selectOption('select_one');
	await lastPage.getByRole('button', { name: 'Add question' }).click();
	await page.getByLabel('Name', { exact: true }).fill('helped');
	await texts(page, 'Question text', {
		English: 'Did the support help you?',
		العربية: 'هل ساعدك الدعم؟'
	});
	await page.getByLabel('Choice list').selectOption('yesno');

	await lastPage.getByLabel('Type of the new question').selectOption('text');
	await lastPage.getByRole('button', { name: 'Add question' }).click();
	await page.getByLabel('Name', { exact: true }).fill('why_not');
	await texts(page, 'Question text', {
		English: 'What would have helped more?',
		العربية: 'ما الذي كان سيساعد أكثر؟'
	});
	const relevant = page.getByLabel('Show only when');
	await relevant.fill("${helped} = 'no");
	const status = page.locator('[id$="-relevant-status"]');
	await expect(status).toHaveText(/Problem at character \d+/);
	await relevant.fill("${helpd} = 'no'");
	await expect(status).toHaveText('No question is named helpd.');
	await relevant.fill("${helped} = 'no'");
	await expect(status).toHaveText('Looks right.');
	await texts(page, 'Public title (neutral: no organisation or topic words)', {
		العربية: 'استبيان قصير'
	});
	await saved(page);

	// Preview in Arabic: right to left, and the follow-up appears only after "No".
	await page.getByRole('button', { name: 'Preview' }).click();
	await page.getByLabel('Preview in').selectOption('ar');
	const phone = page.getByRole('region', { name: 'Preview as respondents see it' });
	await expect(phone).toHaveAttribute('dir', 'rtl');
	await phone.getByRole('button', { name: 'التالي' }).click();
	await phone.getByRole('button', { name: 'التالي' }).click();
	await expect(phone.getByText('هل ساعدك الدعم؟')).toBeVisible();
	await expect(phone.getByText('ما الذي كان سيساعد أكثر؟')).toHaveCount(0);
	await phone.getByRole('radio', { name: 'لا' }).check();
	await expect(phone.getByText('ما الذي كان سيساعد أكثر؟')).toBeVisible();
	await phone.getByRole('radio', { name: 'نعم' }).check();
	await expect(phone.getByText('ما الذي كان سيساعد أكثر؟')).toHaveCount(0);

	// Publish version 1.
	await page.getByRole('button', { name: 'Publish' }).click();
	await expect(page.getByText('Version 1 is published.')).toBeVisible();

	// Change a label, add a question, publish version 2 and read the difference.
	await page.getByRole('link', { name: '← Shelter feedback e2e' }).click();
	const outline = page.getByRole('navigation', { name: 'Pages and questions' });
	await outline.getByText('helped', { exact: true }).click();
	await texts(page, 'Question text', { English: 'Did our support help you?' });
	const page3 = page
		.getByRole('navigation', { name: 'Pages and questions' })
		.locator('section')
		.last();
	await page3.getByLabel('Type of the new question').selectOption('integer');
	await page3.getByRole('button', { name: 'Add question' }).click();
	await page.getByLabel('Name', { exact: true }).fill('months');
	await texts(page, 'Question text', { English: 'How many months ago?', العربية: 'منذ كم شهرًا؟' });
	await expect(page.getByText('Changes since version 1')).toBeVisible();
	await page.getByRole('button', { name: 'Publish' }).click();
	await expect(page.getByText('Version 2 is published.')).toBeVisible();
	const v2 = page.getByRole('region', { name: 'Version 2' });
	await expect(v2.getByRole('listitem').filter({ hasText: 'months' })).toContainText('Added');
	await expect(v2.getByRole('listitem').filter({ hasText: 'helped' })).toContainText('Changed');
	await expect(v2.getByRole('listitem').filter({ hasText: 'helped' })).toContainText('label');

	// Export version 2 and import it back through the UI.
	const download = page.waitForEvent('download');
	await v2.getByRole('link', { name: 'Download XLSForm' }).click();
	const file = testInfo.outputPath('shelter-v2.xlsx');
	await (await download).saveAs(file);
	expect(fs.statSync(file).size).toBeGreaterThan(1000);

	await page.goto('/o/demo/surveys');
	await page.getByLabel('XLSForm file (.xlsx)').setInputFiles(file);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'shelter-v2' })).toBeVisible();
	for (const name of ['helped', 'why_not', 'months'])
		await expect(
			page.getByRole('navigation', { name: 'Pages and questions' }).getByText(name, { exact: true })
		).toBeVisible();
});

test('a broken XLSForm is refused with every problem listed, and nothing is created', async ({
	page
}) => {
	await signIn(page, 'manager');
	await page.goto('/o/demo/surveys');
	await page.getByLabel('XLSForm file (.xlsx)').setInputFiles({
		name: 'not-a-form.xlsx',
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		buffer: Buffer.from('this is not a spreadsheet')
	});
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('alert')).toContainText('The form was not imported');
	await page.reload();
	await expect(page.getByRole('link', { name: 'not-a-form' })).toHaveCount(0);
});

test('a zip bomb sent as an XLSForm is refused with its reason', async ({ page }) => {
	await signIn(page, 'manager');
	await page.goto('/o/demo/surveys');
	// 100 KB that unpacks to 100 MB: it once held the server for seconds and half a gigabyte.
	const bomb = bombOf(await workbook(handMadeForm()), 100 * 1024 * 1024);
	await page.getByLabel('XLSForm file (.xlsx)').setInputFiles({
		name: 'bomb.xlsx',
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		buffer: Buffer.from(bomb)
	});
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('alert')).toContainText(
		'This file unpacks to more than 64 MB, far more than any form; it was not opened.'
	);
	await page.reload();
	await expect(page.getByRole('link', { name: 'bomb' })).toHaveCount(0);
});

test('analysts can read surveys but not change them; donors cannot open them', async ({
	page,
	browser
}) => {
	await signIn(page, 'analyst');
	await page.goto('/o/demo/surveys');
	await expect(page.getByRole('button', { name: 'Create survey' })).toHaveCount(0);
	await page.getByRole('link', { name: 'Programme feedback (demo)' }).click();
	await expect(page.getByRole('button', { name: 'Publish' })).toHaveCount(0);
	await expect(page.getByLabel('Name', { exact: true })).toBeDisabled();

	const donor = await browser.newPage();
	await signIn(donor, 'donor');
	await expect(donor.getByRole('link', { name: 'Surveys' })).toHaveCount(0);
	const response = await donor.goto('/o/demo/surveys');
	expect(response?.status()).toBe(403);
});

test('the builder shows what SMS respondents would get: the long consent text, and a short question that fits', async ({
	page
}) => {
	await signIn(page, 'owner');
	await page.goto('/o/demo/surveys');
	await page.getByRole('link', { name: 'Programme feedback (demo)' }).click();

	// Advice beside the publishing problems, closed until asked for; it links to each question.
	const summary = page.locator('details.sms-summary');
	await expect(summary.locator('summary')).toHaveText(/^\d+ questions need attention for SMS$/);
	await summary.locator('summary').click();
	await summary.getByRole('button', { name: 'consent', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Question consent' })).toBeFocused();

	const sms = page.getByRole('region', { name: 'SMS check' });
	await expect(sms).toContainText('Longer than 3 segments in en, fr, es, and ar.');
	await expect(sms.getByRole('listitem')).toHaveText([
		'5 segments (en)',
		'12 segments (fr)',
		'10 segments (es)',
		'9 segments (ar)'
	]);
	await expect(sms).toContainText('Needs Unicode (UCS-2');

	const outline = page.getByRole('navigation', { name: 'Pages and questions' });
	await outline.getByText('privacy_kept', { exact: true }).click();
	await expect(sms).toContainText('Fits in 3 segments in every language.');
	await expect(sms).not.toContainText('Longer than');
	await expect(sms).toContainText('fr (U+00A0)');
	// Advice, not a blocker: publishing stays available.
	await expect(page.getByRole('button', { name: 'Publish' })).toBeEnabled();
});
