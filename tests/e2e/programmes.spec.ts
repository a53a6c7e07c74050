import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/auth';
import { scan } from './support/axe';
import { message } from './support/messages';

/**
 * The programme list, the "New programme" form, and a programme's settings (details, donors,
 * delete). Programmes made here are named after the demo one ("Safe Futures …" sorts first),
 * so tests that take the first programme of the list still find the demo programme.
 */

const m = (key: string, lang = 'en') => message(lang, key);
const unique = () => Math.random().toString(36).slice(2, 8);

/** Creates a programme through the form as a manager; returns its id and name. */
async function createProgramme(page: Page, name = `Zambezi pilot ${unique()}`) {
	await page.goto('/o/demo/programmes');
	const form = page.locator('form[action="?/create"]');
	await form.getByLabel(m('programmes.form.name')).fill(name);
	await form.getByLabel(m('programmes.form.goal')).fill('Survivors rebuild safe lives');
	await form.getByLabel(m('programmes.form.startsOn')).fill('2025-01-01');
	await form.getByLabel(m('programmes.form.endsOn')).fill('2026-12-31');
	await form.getByLabel(m('programmes.periodKinds.monthly')).check();
	await form.getByLabel(m('programmes.icat.victim_protection')).check();
	await form.getByLabel(m('programmes.icat.reintegration')).check();
	await form.getByLabel(m('programmes.form.countries')).fill('Kenya, Uganda ، Tanzania');
	await form.getByRole('button', { name: m('programmes.form.create') }).click();
	await page.waitForURL(/\/o\/demo\/programmes\/[0-9a-f-]{36}\/logframe$/);
	const id = /programmes\/([0-9a-f-]{36})\/logframe$/.exec(page.url())![1]!;
	return { id, name };
}

test('a manager creates a programme, lands on its logframe and finds it in the list', async ({
	page
}) => {
	await signIn(page, 'manager');
	const { id, name } = await createProgramme(page);
	expect(page.url()).toMatch(new RegExp(`/o/demo/programmes/${id}/logframe$`));

	await page.goto('/o/demo/programmes');
	const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name }) });
	await expect(card).toHaveCount(1);
	await expect(card.getByRole('link', { name })).toHaveAttribute(
		'href',
		`/o/demo/programmes/${id}`
	);
	await expect(card).toContainText('Kenya, Uganda, Tanzania');
	await expect(card).toContainText(m('programmes.icat.victim_protection'));
	await expect(card).toContainText(m('programmes.icat.reintegration'));
	await expect(card).toContainText('Jan 1, 2025');
	// The goal statement became the top of the logframe.
	await page.goto(`/o/demo/programmes/${id}/logframe`);
	// (The first match may be in a closed edit form or an option list: look for a visible one.)
	await expect(
		page.getByText('Survivors rebuild safe lives').filter({ visible: true }).first()
	).toBeVisible();
});

test('the create form refuses impossible dates beside the field, keeping what was typed', async ({
	page
}) => {
	await signIn(page, 'manager');
	await page.goto('/o/demo/programmes');
	const form = page.locator('form[action="?/create"]');
	await form.getByLabel(m('programmes.form.name')).fill('Backwards programme');
	await form.getByLabel(m('programmes.form.startsOn')).fill('2026-01-01');
	await form.getByLabel(m('programmes.form.endsOn')).fill('2025-01-01');
	await form.getByLabel(m('programmes.icat.research')).check();
	await form.getByRole('button', { name: m('programmes.form.create') }).click();
	const ends = form.getByLabel(m('programmes.form.endsOn'));
	await expect(ends).toHaveAttribute('aria-invalid', 'true');
	await expect(form.getByText(m('programmes.errors.endBeforeStart'))).toBeVisible();
	await expect(page).toHaveURL(/\/o\/demo\/programmes$/);
	await expect(form.getByLabel(m('programmes.form.name'))).toHaveValue('Backwards programme');
	await expect(form.getByLabel(m('programmes.icat.research'))).toBeChecked();

	// Ten years at most, and custom periods must be well formed.
	await form.getByLabel(m('programmes.form.endsOn')).fill('2036-01-01');
	await form.getByRole('radio', { name: m('programmes.periodKinds.custom') }).check();
	await form
		.getByLabel(m('programmes.form.periods'))
		.fill('Y1; Year one; 2026-01-01; 2026-12-31\nY2; Year two; 2026-06-01; 2027-05-31');
	await form.getByRole('button', { name: m('programmes.form.create') }).click();
	await expect(form.getByText(m('programmes.errors.tooLong'))).toBeVisible();
	await expect(form.getByText(m('programmes.errors.period_overlap'))).toBeVisible();
});

test('settings change the name, and attaching the donor shows the programme in their list', async ({
	page,
	browser
}) => {
	await signIn(page, 'manager');
	const { id } = await createProgramme(page);
	const renamed = `Zambezi renamed ${unique()}`;
	await page.goto(`/o/demo/programmes/${id}/settings`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(m('programmeSettings.title'));
	const details = page.locator('form[action="?/details"]');
	await expect(details.getByLabel(m('programmes.periodKinds.monthly'))).toBeChecked();
	await details.getByLabel(m('programmes.form.name')).fill(renamed);
	await details.getByLabel(m('programmeSettings.levels.label.outcome')).fill('Specific objective');
	await details.getByLabel(m('programmeSettings.thresholds.atRisk')).fill('15');
	await details.getByLabel(m('programmeSettings.thresholds.offTrack')).fill('30');
	await details.getByRole('button', { name: m('programmeSettings.save') }).click();
	await expect(page.getByText(m('programmeSettings.saved'))).toBeVisible();
	await page.reload();
	await expect(details.getByLabel(m('programmes.form.name'))).toHaveValue(renamed);
	await expect(details.getByLabel(m('programmeSettings.levels.label.outcome'))).toHaveValue(
		'Specific objective'
	);
	await expect(details.getByLabel(m('programmeSettings.thresholds.atRisk'))).toHaveValue('15');
	await expect(details.getByLabel(m('programmes.icat.reintegration'))).toBeChecked();

	// Bands out of order are refused beside the field.
	await details.getByLabel(m('programmeSettings.thresholds.atRisk')).fill('40');
	await details.getByRole('button', { name: m('programmeSettings.save') }).click();
	await expect(details.getByText(m('programmeSettings.errors.thresholdOrder'))).toBeVisible();

	// The donor does not see it until attached.
	const donorPage = await browser.newPage();
	await signIn(donorPage, 'donor');
	await donorPage.goto('/o/demo/programmes');
	await expect(donorPage.getByRole('link', { name: renamed })).toHaveCount(0);
	expect((await donorPage.request.get(`/o/demo/programmes/${id}`)).status()).toBe(404);

	const donors = page.locator('form[action="?/donors"]');
	const donor = donors.getByRole('checkbox', { name: /donor@e2e\.test/ });
	await expect(donor).not.toBeChecked();
	await donor.check();
	await donors.getByRole('button', { name: m('programmeSettings.donors.save') }).click();
	await expect(page.getByText(m('programmeSettings.donors.saved'))).toBeVisible();
	await page.reload();
	await expect(donors.getByRole('checkbox', { name: /donor@e2e\.test/ })).toBeChecked();

	await donorPage.goto('/o/demo/programmes');
	await expect(donorPage.getByRole('link', { name: renamed })).toBeVisible();
	// Donors read the list, not the settings or the create form.
	await expect(donorPage.getByRole('heading', { name: m('programmes.create') })).toHaveCount(0);
	expect((await donorPage.request.get(`/o/demo/programmes/${id}/settings`)).status()).toBe(403);
	await donorPage.close();
});

test('deleting asks for the name typed, then removes the programme from the list', async ({
	page
}) => {
	await signIn(page, 'manager');
	const { id, name } = await createProgramme(page);
	await page.goto(`/o/demo/programmes/${id}/settings`);
	const form = page.locator('form[action="?/delete"]');
	await form.getByLabel(/./).fill('not the name');
	await form.getByRole('button', { name: m('programmeSettings.delete.button') }).click();
	await expect(form.getByText(m('programmeSettings.errors.confirmName'))).toBeVisible();
	await expect(page).toHaveURL(new RegExp(`${id}/settings$`));

	await form.getByLabel(/./).fill(name);
	await form.getByRole('button', { name: m('programmeSettings.delete.button') }).click();
	await page.waitForURL(/\/o\/demo\/programmes\?deleted=1$/);
	await expect(page.getByText(m('programmes.deleted'))).toBeVisible();
	await expect(page.getByRole('link', { name })).toHaveCount(0);
	expect((await page.request.get(`/o/demo/programmes/${id}`)).status()).toBe(404);
});

test('an analyst reads the list without the create form', async ({ page }) => {
	await signIn(page, 'analyst');
	await page.goto('/o/demo/programmes');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(m('programmes.title'));
	await expect(page.getByRole('link', { name: 'Safe Futures 2025–2026' })).toBeVisible();
	await expect(page.getByRole('heading', { name: m('programmes.create') })).toHaveCount(0);
	await expect(page.locator('form[action="?/create"]')).toHaveCount(0);
});

test("the list counts the demo programme's 13 indicators", async ({ page }) => {
	await signIn(page, 'analyst');
	await page.goto('/o/demo/programmes');
	const card = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('link', { name: 'Safe Futures 2025–2026' }) });
	await expect(card.getByRole('definition').nth(2)).toHaveText('13', { timeout: 2000 });
});

for (const lang of ['en', 'ar'] as const) {
	test.describe(`accessibility in ${lang}`, () => {
		test.use({ locale: lang });

		test('the list and the settings page pass axe', async ({ page }) => {
			test.setTimeout(90_000);
			await signIn(page, 'manager', undefined, lang);
			await page.goto('/o/demo/programmes');
			await expect(page.locator('html')).toHaveAttribute('lang', lang);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(m('programmes.title', lang));
			await scan(page, `programmes (${lang})`);
			// The form with its errors shown.
			await page
				.locator('form[action="?/create"]')
				.getByRole('button', { name: m('programmes.form.create', lang) })
				.click();
			await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
			await scan(page, `programmes with errors (${lang})`);

			await page.getByRole('link', { name: 'Safe Futures 2025–2026' }).click();
			await page.waitForURL(/\/programmes\/[0-9a-f-]{36}$/);
			await page.goto(`${new URL(page.url()).pathname}/settings`);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(
				m('programmeSettings.title', lang)
			);
			await scan(page, `programme settings (${lang})`);
			if (lang === 'ar') await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		});
	});
}
