import {
	expect,
	request as playwrightRequest,
	test,
	type Locator,
	type Page
} from '@playwright/test';
import { bombOf } from '../../src/lib/server/xlsx/testing';
import { workbook } from '../../src/lib/survey/xlsform/testing';
import { signIn, signInRequest } from './support/auth';
import { scan } from './support/axe';
import { message } from './support/messages';
import { BASE_URL, type UserKey } from './support/users';

/**
 * The logframe editor, the indicator page and the indicator library from the browser: editing
 * the tree by keyboard-reachable forms with focus kept on the node, adding from the library
 * into a new survey's draft, binding an indicator, who may open each page, the .xlsx export,
 * and WCAG scans in English and Arabic. The forms' rules are unit-tested in
 * src/lib/schemas/logframe.test.ts and the library transaction in library-service.db.test.ts.
 */

/** The demo programme's address, as the programmes list links it. */
async function demoProgramme(page: Page): Promise<string> {
	const html = await (await page.request.get('/o/demo/programmes')).text();
	const id =
		/\/o\/demo\/programmes\/([0-9a-f-]{36})"[^>]*>(?:<!--[^>]*-->)*\s*Safe Futures 2025–2026/.exec(
			html
		)?.[1];
	expect(id, 'the demo programme is listed').toBeTruthy();
	return `/o/demo/programmes/${id}`;
}

/** A node's own box (not its children's), found by words of its narrative. */
function nodeBox(page: Page, narrative: string | RegExp): Locator {
	return page.locator('section.node').filter({
		has: page.locator('.title .narrative', { hasText: narrative })
	});
}

const checks = (page: Page) => page.locator('#checks-heading ~ ul > li');
const status = (page: Page) => page.getByRole('status').filter({ hasText: /\S/ }).first();

/** Opens one of a node's tools (a disclosure) and returns it, so fields are found inside it. */
async function openTool(box: Locator, summary: string): Promise<Locator> {
	const details = box.locator('details').filter({
		has: box.page().locator('summary', { hasText: summary })
	});
	await details.locator('summary').click();
	return details;
}

test('a manager edits the tree, adds from the library and binds an indicator', async ({ page }) => {
	test.setTimeout(120_000);
	await signIn(page, 'manager');
	// A survey of our own for the library's question, so the demo survey's draft is left alone.
	await page.goto('/o/demo/surveys');
	await page.getByLabel('Survey name').fill('Logframe e2e');
	await page.getByRole('button', { name: 'Create survey' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Logframe e2e' })).toBeVisible();

	const programme = await demoProgramme(page);
	await page.goto(`${programme}/logframe`);
	await expect(page.getByRole('heading', { level: 1, name: 'Logframe' })).toBeVisible();
	// Focus and announcements are the enhanced forms' work: wait for the page's JavaScript.
	await page.waitForLoadState('networkidle');
	const before = await checks(page).count();

	// Add an output under the first outcome; focus goes to the new node.
	const outcomeItem = page.locator('li.item.outcome').first();
	const outcome = outcomeItem.locator(':scope > section.node');
	const siblings = outcomeItem.locator(':scope > ol > li > section.node .narrative');
	const siblingsBefore = await siblings.allTextContents();
	const add = await openTool(outcome, 'Add Output');
	await add.getByLabel('Code').fill('9.9');
	await add.getByLabel('Narrative').fill('E2E output: a hotline answered day and night');
	await add.getByRole('button', { name: 'Add Output', exact: true }).click();
	const added = nodeBox(page, 'E2E output: a hotline answered');
	await expect(added).toBeFocused();
	await expect(status(page)).toHaveText('Output added.');
	await expect(siblings).toHaveText([
		...siblingsBefore,
		'E2E output: a hotline answered day and night'
	]);

	// Edit its narrative; focus stays on it.
	const edit = await openTool(added, 'Edit');
	await edit.getByLabel('Narrative').fill('E2E output: a hotline staffed day and night');
	await edit.getByRole('button', { name: 'Save changes' }).click();
	const edited = nodeBox(page, 'E2E output: a hotline staffed');
	await expect(edited).toBeFocused();
	await expect(status(page)).toHaveText('Output 9.9 saved.');
	// The disclosure closes once saved (the box is now found by its new narrative).
	await expect(edited.locator('details[open]')).toHaveCount(0);

	// Move it up one place among its siblings.
	await edited.getByRole('button', { name: /Move up/ }).click();
	await expect(siblings).toHaveText([
		...siblingsBefore.slice(0, -1),
		'E2E output: a hotline staffed day and night',
		siblingsBefore.at(-1)!
	]);
	await expect(edited).toBeFocused();
	await expect(status(page)).toHaveText('Output 9.9 moved up.');

	// An indicator with no baseline or target: the design checks say so, linking to it.
	const indicator = await openTool(edited, 'Add indicator');
	await indicator.getByLabel('Code').fill('E2E-1');
	await indicator.getByLabel('Statement').fill('Calls answered by the hotline');
	await indicator.getByLabel('Kind').selectOption({ label: 'Count' });
	await indicator.getByLabel('Entered by hand').check();
	await indicator.getByRole('button', { name: 'Add and open the indicator' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Calls answered by the hotline' })
	).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Values per period' })).toBeVisible();
	await expect(page.getByText('No value entered yet: enter one per period below.')).toBeVisible();
	await page.locator('#mv-value-2025-Q1').fill('120');
	await page.locator('#mv-note-2025-Q1').fill('Hotline call log');
	await page.getByRole('button', { name: 'Save the values' }).click();
	await expect(page.getByText('Values saved. Periods changed: 1.')).toBeVisible();
	await expect(page.locator('.figures .value').first()).toHaveText('120');
	await page.getByRole('link', { name: '← Logframe' }).click();
	await expect(checks(page)).toHaveCount(before + 2);
	await page.waitForLoadState('networkidle');
	await expect(
		page.getByRole('link', {
			name: 'Indicator E2E-1 has no baseline (value and date), so progress has no starting point.'
		})
	).toHaveAttribute('href', /^#indicator-[0-9a-f-]{36}$/);

	// From the library into the new survey's draft.
	await page.goto(`${programme}/library`);
	await page.getByLabel('OECD-DAC criterion').selectOption({ label: 'Effectiveness' });
	await page.getByRole('button', { name: 'Show', exact: true }).click();
	await expect(page).toHaveURL(/criterion=effectiveness/);
	const entry = page.locator('article', {
		has: page.getByRole('heading', { name: /would recommend the service/ })
	});
	await entry
		.getByLabel('Add under')
		.selectOption({ label: 'Output 9.9 — E2E output: a hotline staffed day and night' });
	await entry
		.getByLabel('Survey whose draft gets the question')
		.selectOption({ label: 'Logframe e2e (draft only)' });
	await entry.getByRole('button', { name: /Add to logframe/ }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: /would recommend the service/ })
	).toBeVisible();
	await expect(
		page.getByText(
			'The question “recommend” was added to the draft of “Logframe e2e”. It collects answers only once the survey is published.'
		)
	).toBeVisible();
	await expect(
		page.getByRole('link', { name: 'Open “Logframe e2e” in the survey builder to publish it' })
	).toHaveAttribute('href', /^\/o\/demo\/surveys\/[0-9a-f-]{36}$/);
	await expect(page.getByText('“Logframe e2e” is bound but not published yet')).toBeVisible();

	// Bind it to the demo survey's feeling of safety, as a mean broken down by gender.
	const binding = page.locator('#binding');
	await binding.getByRole('checkbox', { name: /Programme feedback \(demo\)/ }).check();
	await binding.getByLabel('Kind', { exact: true }).selectOption('mean');
	await binding.getByLabel('Question', { exact: true }).selectOption('safety_today');
	for (const other of ['age_band', 'exploitation_form'])
		await binding.getByRole('checkbox', { name: new RegExp(`\\(${other}\\)$`) }).uncheck();
	await binding.getByRole('checkbox', { name: /\(gender\)$/ }).check();
	await binding.getByRole('button', { name: 'Save the source and rule' }).click();
	await expect(binding.getByText('Source and rule saved.')).toBeVisible();
	await expect(binding.getByLabel('Kind', { exact: true })).toHaveValue('mean');
	await expect(binding.getByLabel('Question', { exact: true })).toHaveValue('safety_today');
	await expect(binding.getByRole('checkbox', { name: /\(gender\)$/ })).toBeChecked();
	await expect(binding.getByRole('checkbox', { name: /\(age_band\)$/ })).not.toBeChecked();
	// The figures read the demo survey's answers at once.
	const figures = page.locator('section', {
		has: page.getByRole('heading', { name: 'Current figures' })
	});
	await expect(figures.getByText(/People counted: [\d,]+/).first()).toBeVisible();
	await expect(page.getByText('is bound but not published yet')).toHaveCount(0);

	// Tidy up: deleting the output deletes its indicators, and the checks are as before.
	await page.goto(`${programme}/logframe`);
	await page.waitForLoadState('networkidle');
	const mine = nodeBox(page, 'E2E output: a hotline staffed');
	const remove = await openTool(mine, 'Delete…');
	await remove.getByRole('button', { name: 'Delete', exact: true }).click();
	await expect(remove.getByText('Tick the box to confirm.')).toBeVisible();
	await expect(nodeBox(page, 'E2E output: a hotline staffed')).toHaveCount(1);
	await remove.getByLabel('Yes, delete Output 9.9').check();
	await remove.getByRole('button', { name: 'Delete', exact: true }).click();
	await expect(status(page)).toHaveText('Output 9.9 deleted.');
	await expect(outcome).toBeFocused();
	await expect(siblings).toHaveText(siblingsBefore);
	await expect(checks(page)).toHaveCount(before);
});

test('without JavaScript the binding is a two-step form', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page, 'manager');
	const programme = await demoProgramme(page);
	await page.goto(`${programme}/logframe`);
	await page.locator('.indicators a', { hasText: 'OC1.2' }).click();
	const binding = page.locator('#binding');
	await expect(binding.getByRole('checkbox', { name: 'Very satisfied', exact: true })).toHaveCount(
		0
	);
	await binding.getByLabel('Question', { exact: true }).selectOption('satisfaction');
	await binding.getByRole('button', { name: 'Show matching questions and choices' }).click();
	await expect(page).toHaveURL(/question=satisfaction/);
	await expect(
		binding.getByRole('checkbox', { name: 'Very satisfied', exact: true })
	).toBeVisible();
	// A refused post redraws what was chosen, with the reason beside it.
	await binding.getByLabel('Question', { exact: true }).selectOption('');
	await binding.getByRole('button', { name: 'Save the source and rule' }).click();
	await expect(binding.getByText('Choose a question.', { exact: true })).toBeVisible();
	await context.close();
});

test('an import is refused whole, with the reason, and changes nothing', async ({ page }) => {
	await signIn(page, 'manager');
	const programme = await demoProgramme(page);
	await page.goto(`${programme}/logframe`);
	const form = page.locator('form[action="?/import"]');
	await form.getByLabel('Logframe file (.xlsx)').setInputFiles({
		name: 'logframe.xlsx',
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		buffer: Buffer.from('not a workbook')
	});
	await form.getByRole('button', { name: 'Import and replace' }).click();
	await expect(
		page.getByText('Tick the box to confirm that the current logframe is replaced.')
	).toBeVisible();
	await form.getByLabel('Logframe file (.xlsx)').setInputFiles({
		name: 'logframe.xlsx',
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		buffer: Buffer.from('not a workbook')
	});
	await form.getByLabel('I understand that this replaces the whole current logframe').check();
	await form.getByRole('button', { name: 'Import and replace' }).click();
	await expect(page.getByRole('alert')).toContainText('The file was not imported.');
	await expect(page.getByRole('alert')).toContainText(
		'workbook — This file is not an Excel workbook (.xlsx).'
	);
	// A zip bomb is refused by its directory, before anything is inflated.
	const bomb = bombOf(await workbook({ Logframe: [['ref']], Indicators: [['ref']] }), 100 << 20);
	await form.getByLabel('Logframe file (.xlsx)').setInputFiles({
		name: 'logframe.xlsx',
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		buffer: Buffer.from(bomb)
	});
	await form.getByLabel('I understand that this replaces the whole current logframe').check();
	await form.getByRole('button', { name: 'Import and replace' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'workbook — This file unpacks to more than 64 MB, far more than any logframe; it was not opened.'
	);
	// The demo logframe is still there (other tests edit it meanwhile, so not counted here).
	await expect(
		nodeBox(page, 'Survivors of trafficking in the programme regions rebuild')
	).toBeVisible();
	await expect(page.locator('li.item.outcome')).toHaveCount(3);
});

test('analysts read the tree and indicators without any edit control', async ({ page }) => {
	await signIn(page, 'analyst');
	const programme = await demoProgramme(page);
	await page.goto(`${programme}/logframe`);
	await expect(page.getByRole('heading', { level: 1, name: 'Logframe' })).toBeVisible();
	await expect(page.locator('li.item.outcome')).toHaveCount(3);
	// Only the app's own forms (sign out, language): none of the logframe's.
	await expect(page.locator('form[action^="?/"]')).toHaveCount(0);
	await expect(page.locator('section.node summary')).toHaveCount(0);
	await expect(page.getByRole('button', { name: /Move up/ })).toHaveCount(0);
	await page.locator('.indicators a', { hasText: 'OC1.1' }).click();
	await expect(page.getByRole('heading', { name: 'Definition' })).toBeVisible();
	await expect(page.locator('form[action^="?/"]')).toHaveCount(0);
	await expect(page.getByText('safety_today')).toBeVisible();
});

test('only the team opens the logframe and indicator pages; only editors the library', async ({
	page
}) => {
	await signIn(page, 'owner');
	const programme = await demoProgramme(page);
	await page.goto(`${programme}/logframe`);
	const indicator = await page.locator('.indicators a', { hasText: 'OC1.1' }).getAttribute('href');
	const unknown = `${programme}/indicators/00000000-0000-4000-8000-000000000000`;
	const statuses: Record<string, number[]> = {};
	for (const who of ['owner', 'manager', 'analyst', 'donor', 'outsider'] as UserKey[]) {
		const context = await playwrightRequest.newContext({ baseURL: BASE_URL });
		await signInRequest(context, who);
		const get = async (path: string) => (await context.get(path, { maxRedirects: 0 })).status();
		statuses[who] = [
			await get(`${programme}/logframe`),
			await get(indicator!),
			await get(unknown),
			await get(`${programme}/library`),
			await get(`${programme}/logframe/xlsx`)
		];
		// Past the guard each form is refused and changes nothing; before it, the role decides.
		for (const [action, form] of [
			['update', { code: '' }],
			['bind', { source: 'survey', kind: 'mean' }],
			['manual', {}],
			['delete', {}]
		] as const) {
			const post = await context.post(`${indicator}?/${action}`, {
				form,
				headers: { origin: BASE_URL, accept: 'text/html' },
				maxRedirects: 0
			});
			statuses[who].push(post.status());
		}
		await context.dispose();
	}
	expect(statuses).toEqual({
		owner: [200, 200, 404, 200, 200, 400, 400, 400, 400],
		manager: [200, 200, 404, 200, 200, 400, 400, 400, 400],
		analyst: [200, 200, 404, 403, 200, 403, 403, 403, 403],
		donor: [403, 403, 403, 403, 403, 403, 403, 403, 403],
		outsider: [404, 404, 404, 404, 404, 404, 404, 404, 404]
	});
});

test('the logframe downloads as an .xlsx workbook', async ({ page }) => {
	await signIn(page, 'analyst');
	const programme = await demoProgramme(page);
	await page.goto(`${programme}/logframe`);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Download as .xlsx' }).click()
	]);
	expect(download.suggestedFilename()).toBe('logframe-safe-futures-2025-2026.xlsx');
	const chunks: Buffer[] = [];
	for await (const chunk of (await download.createReadStream())!) chunks.push(chunk as Buffer);
	const bytes = Buffer.concat(chunks);
	expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
	expect(bytes.length).toBeGreaterThan(2000);
});

for (const lang of ['en', 'ar'] as const) {
	test.describe(`in ${lang}`, () => {
		test.use({ locale: lang });

		test('the logframe, indicator and library pages have no WCAG violations', async ({ page }) => {
			test.setTimeout(120_000);
			await signIn(page, 'manager', undefined, lang);
			await expect(page.locator('html')).toHaveAttribute('lang', lang);
			const programme = await demoProgramme(page);
			await page.goto(`${programme}/logframe`);
			await scan(page, `${lang} logframe`);
			// Every form of a node open at once: edit, add a child, add an indicator, delete.
			const outcome = page.locator('li.item.outcome > section.node').first();
			for (const summary of await outcome.locator('summary').all()) await summary.click();
			await expect(
				outcome.getByRole('button', { name: message(lang, 'logframe.tools.save') })
			).toBeVisible();
			await scan(page, `${lang} logframe with a node's forms open`);

			await page.goto(`${programme}/logframe`);
			await page.locator('.indicators a').first().click();
			await expect(page.locator('#binding')).toBeVisible();
			await scan(page, `${lang} indicator`);
			await page.locator('#def-code').fill('');
			await page.locator('form[action="?/update"] button[type="submit"]').click();
			await expect(page.locator('#def-code')).toHaveAttribute('aria-invalid', 'true');
			await scan(page, `${lang} indicator with errors`);

			// A manual indicator: its values per period instead of survey answers.
			await page.goto(`${programme}/logframe`);
			await page.locator('.indicators a', { hasText: 'OP1.1' }).click();
			await expect(page.locator('#manual-heading')).toBeVisible();
			await scan(page, `${lang} manual indicator`);

			await page.goto(`${programme}/library`);
			await scan(page, `${lang} library`);
			await page.goto(`${programme}/library?level=output&criterion=efficiency`);
			await scan(page, `${lang} library filtered`);
		});
	});
}
