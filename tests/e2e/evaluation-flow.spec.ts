import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/auth';
import { message } from './support/messages';

/**
 * The whole loop of issue 7 as people do it: a manager starts an evaluation of the demo
 * programme, codes five open-text answers with a theme, writes a finding resting on an indicator
 * figure and on that theme, fills the report's required sections and publishes it; the donor
 * attached to the programme finds it on their portal, reads it — the theme's name and count, no
 * respondent's words — and downloads the PDF. The pieces' rules are tested each in their own
 * spec (coding, evaluations, report, donor-access) and in the database tests.
 */

const en = (key: string) => message('en', key);
const TITLE = `Flow ${Date.now().toString(36)}`;
const THEME = `Waiting ${Date.now().toString(36)}`;
const FINDING = 'Waiting is the problem survivors raise most often.';

async function demoProgramme(page: Page): Promise<string> {
	const html = await (await page.request.get('/o/demo/programmes')).text();
	const id =
		/\/o\/demo\/programmes\/([0-9a-f-]{36})"[^>]*>(?:<!--[^>]*-->)*\s*Safe Futures 2025–2026/.exec(
			html
		)?.[1];
	expect(id, 'the demo programme is listed').toBeTruthy();
	return `/o/demo/programmes/${id}`;
}

test('code, find, publish; the donor reads the report and downloads its PDF', async ({
	page,
	browser
}) => {
	test.setTimeout(180_000);
	await signIn(page, 'manager');
	const programme = await demoProgramme(page);

	// An evaluation drawing on the demo survey.
	await page.goto(`${programme}/evaluations`);
	await page.locator('#new-kind').selectOption('adhoc');
	await page.locator('#new-title').fill(TITLE);
	await page.locator('#new-startsOn').fill('2026-07-01');
	await page.locator('#new-endsOn').fill('2026-11-30');
	await page.getByRole('checkbox', { name: /Programme feedback \(demo\)/ }).check();
	await page.getByRole('button', { name: en('evaluations.form.create') }).click();
	await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
	const evaluation = new URL(page.url()).pathname;

	// Five answers coded with one theme, by keyboard.
	await page.goto(`${evaluation}/coding`);
	await expect(page.getByRole('heading', { level: 1, name: en('coding.title') })).toBeVisible();
	// Hydrated before typing (a value typed into the server-rendered field would be reset).
	await page.waitForLoadState('networkidle');
	await page.locator('#new-theme-name').fill(THEME);
	await page.getByRole('button', { name: en('coding.codebook.add') }).click();
	await expect(page.locator('#codebook-heading ~ ol .name', { hasText: THEME })).toBeVisible();
	const answer = page.locator('blockquote.answer');
	const progress = page.locator('.workspace .progress');
	const coded: string[] = [];
	for (let i = 1; i <= 5; i++) {
		const text = ((await answer.textContent()) ?? '').trim();
		coded.push(text);
		await page.locator('body').click({ position: { x: 1, y: 1 } });
		await page.keyboard.press('1');
		await expect(page.locator('#code-theme-0')).toBeChecked();
		await page.keyboard.press('Enter');
		await expect(progress).toContainText(`${i} of`);
		await expect(answer).not.toHaveText(text);
	}
	await expect(page.locator('#codebook-heading ~ ol > li').first()).toContainText('5 people');

	// A finding on an indicator figure (programme to date) and on the theme.
	await page.goto(`${evaluation}/findings`);
	await page.waitForLoadState('networkidle');
	const newFinding = page.locator('form[action="?/addFinding"]');
	await newFinding.getByLabel(en('findings.form.statement')).fill(FINDING);
	await newFinding.getByLabel(en('findings.form.criterion')).selectOption('efficiency');
	await newFinding.getByLabel(en('findings.form.strength')).selectOption('moderate');
	await newFinding.getByRole('button', { name: en('findings.addButton') }).click();
	const finding = page.locator('article.finding', { hasText: FINDING });
	await expect(finding).toBeVisible();
	await finding.locator('summary', { hasText: /Add evidence/ }).click();
	const indicator = finding.locator(
		'form[action="?/addIndicatorEvidence"] select[name="indicator"]'
	);
	const oc24 = await indicator.locator('option', { hasText: /^OC2\.4 · / }).getAttribute('value');
	await indicator.selectOption(oc24!);
	await finding
		.locator('form[action="?/addIndicatorEvidence"]')
		.getByRole('button', { name: en('findings.evidence.addIndicator') })
		.click();
	await expect(page.getByRole('status')).toContainText(en('findings.done.evidenceAdded'));
	const again = page.locator('article.finding', { hasText: FINDING });
	if (!(await again.locator('details[open]').count()))
		await again.locator('summary', { hasText: /Add evidence/ }).click();
	await again
		.locator('form[action="?/addThemeEvidence"] select[name="theme"]')
		.selectOption({ label: THEME });
	await again
		.locator('form[action="?/addThemeEvidence"]')
		.getByRole('button', { name: en('findings.evidence.addTheme') })
		.click();
	await expect(
		page.locator('article.finding', { hasText: FINDING }).locator('.evidence li')
	).toHaveCount(2);

	// The report: required sections, review, publication.
	await page.goto(`${evaluation}/report`);
	await page.waitForLoadState('networkidle');
	await page.locator('#field-summary').fill('Waiting and work clashes are what people raise.');
	await page.locator('#field-whatDidNotWork').fill('Appointments kept clashing with work.');
	await page.locator('#field-unintendedEffects').fill('None found beyond the waiting.');
	await page.locator('#field-limitations').fill('Five answers were coded, by one analyst.');
	await page.getByRole('button', { name: en('report.editor.save') }).click();
	await expect(page.getByText(en('report.editor.saved'))).toBeVisible();
	await page.getByRole('button', { name: en('report.editor.workflow.submit') }).click();
	await expect(page.locator('.badge')).toHaveText(en('evaluation.statuses.review'));
	await page.getByRole('button', { name: en('report.editor.workflow.publish') }).click();
	await expect(page.locator('.badge')).toHaveText(en('evaluation.statuses.published'));

	// The donor: portal → report → PDF.
	const donorContext = await browser.newContext({ acceptDownloads: true });
	const donor = await donorContext.newPage();
	await signIn(donor, 'donor');
	await donor.goto('/o/demo');
	await donor
		.getByRole('link', { name: new RegExp(TITLE) })
		.first()
		.click();
	await expect(donor).toHaveURL(/\/reports\/[0-9a-f-]{36}$/);
	await expect(donor.getByRole('heading', { level: 1 })).toHaveText(TITLE);
	await expect(donor.getByText(FINDING)).toBeVisible();
	await expect(donor.getByText(THEME).first()).toBeVisible();
	const html = await donor.content();
	for (const text of coded) expect(html, 'a coded answer on the donor’s page').not.toContain(text);

	const [download] = await Promise.all([
		donor.waitForEvent('download'),
		donor.getByRole('link', { name: en('report.revision.pdf') }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/\.pdf$/);
	const file = await download.path();
	const bytes = fs.readFileSync(file!);
	expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
	expect(bytes.length).toBeGreaterThan(10_000);
	await donorContext.close();
});
