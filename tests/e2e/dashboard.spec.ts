import {
	expect,
	request as playwrightRequest,
	test,
	type Locator,
	type Page
} from '@playwright/test';
import { DEMO_SURVEY } from '../../src/lib/server/demo/survey';
import { chromeFor } from '../../src/lib/survey/chrome';
import { allQuestions, textIn } from '../../src/lib/survey/model';
import AxeBuilder from '@axe-core/playwright';
import { signIn, signInRequest } from './support/auth';
import { scan } from './support/axe';
import { begin, choose, press } from './support/respondent';
import { BASE_URL, PASSWORD, type UserKey } from './support/users';

/**
 * The programme dashboard of the demo programme, as the team and as a donor see it. The
 * figures themselves are checked against math.ts in src/lib/server/indicators/*.db.test.ts;
 * here: what reaches the page, what a donor never gets, and that a new answer shows.
 */

const GENDER = textIn(
	allQuestions(DEMO_SURVEY).find((q) => q.name === 'gender')!.label,
	'en',
	'en'
);
const OTHER_GENDER = textIn(
	DEMO_SURVEY.choiceLists
		.find((l) => l.name === 'gender')!
		.choices.find((c) => c.name === 'other_identity')!.label,
	'en',
	'en'
);

// Thirteen indicators with their charts and tables make a big page; axe takes its time over it.
test.describe.configure({ timeout: 120_000 });

let dashboard = '';
let responses = '';
test.beforeAll(async () => {
	const owner = await playwrightRequest.newContext({ baseURL: BASE_URL });
	await signInRequest(owner, 'owner');
	const programmes = await (await owner.get('/o/demo/programmes')).text();
	const programme =
		/\/o\/demo\/programmes\/([0-9a-f-]{36})"[^>]*>(?:<!--[^>]*-->)*\s*Safe Futures 2025–2026/.exec(
			programmes
		)?.[1];
	expect(programme, 'the demo programme is listed').toBeTruthy();
	dashboard = `/o/demo/programmes/${programme}`;
	const surveys = await (await owner.get('/o/demo/surveys')).text();
	const survey =
		/\/o\/demo\/surveys\/([0-9a-f-]{36})"[^>]*>(?:<!--[^>]*-->)*\s*Programme feedback \(demo\)/.exec(
			surveys
		)?.[1];
	expect(survey, 'the demo survey is listed').toBeTruthy();
	responses = `/o/demo/surveys/${survey}/responses`;
	await owner.dispose();
});

const card = (page: Page, code: string) =>
	page.getByRole('article', { name: new RegExp(`^${code.replace('.', '\\.')}\\s`) });

/** The number after "n =" in a piece of text (the dashboard writes group sizes that way). */
function nIn(text: string): number {
	const match = /\bn = ([\d,]+)/.exec(text);
	if (!match) throw new Error(`no "n =" in ${text}`);
	return Number(match[1]!.replace(/,/g, ''));
}

/** The breakdowns of an indicator card, opened. */
async function openBreakdowns(indicator: Locator) {
	await indicator.getByText('Show breakdowns').click();
	return indicator.getByRole('table', { name: new RegExp(`^${GENDER.replace('?', '\\?')}: `) });
}

/** Respondents in a group of the gender table, 0 when the group has none (no row). */
async function genderCount(table: Locator, group: string): Promise<number> {
	const row = table.getByRole('row', { name: new RegExp(`^${group}`) });
	if ((await row.count()) === 0) return 0;
	// The count comes first; a marker's words for screen readers may follow it.
	const text = await row.getByRole('cell').nth(1).innerText();
	return Number(/[\d,]+/.exec(text)![0].replace(/,/g, ''));
}

test('the owner sees every indicator with its latest value, status and flagged small cells', async ({
	page
}) => {
	await signIn(page, 'owner');
	await page.goto(dashboard);
	await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible();
	await expect(page.getByRole('article')).toHaveCount(13);
	// The demo's 2,400 responses and more from other tests, counted on the summary strip.
	const total = page.getByRole('region', { name: 'Responses counted' });
	const counted = Number(
		(await total.getByText('Responses in total').locator('..').innerText()).replace(/[^\d]/g, '')
	);
	expect(counted).toBeGreaterThanOrEqual(2400);

	const satisfied = card(page, 'OC2.1');
	await expect(satisfied.getByText(/^\d{1,3}(\.\d)?%$/).first()).toBeVisible();
	await expect(satisfied.getByText('Latest: Q4 2026')).toBeVisible();
	await expect(satisfied.getByText(/(On track|At risk|Off track)$/)).toBeVisible();
	await expect(satisfied.getByText(/Progress toward target: -?\d+%/)).toBeVisible();
	expect(nIn(await satisfied.innerText())).toBeGreaterThan(100);
	// Manual indicators say so; the team sees their small counts, flagged.
	await expect(card(page, 'OP1.1').getByText('Entered by hand', { exact: true })).toBeVisible();
	const legal = card(page, 'OP2.1');
	await expect(legal.getByText('Latest: Q4 2026')).toBeVisible();
	await expect(legal.getByText('n = 3 people counted')).toBeVisible();
	// Q3 2025 counted 4 people and Q4 2026 3: under k, flagged; Q4 2026 is also still in progress.
	await expect(
		legal.getByText('Fewer than 5 respondents, hidden from donors: Q3 2025, Q4 2026')
	).toBeVisible();

	const gender = await openBreakdowns(satisfied);
	await expect(gender).toBeVisible();
	const other = gender.getByRole('row', { name: new RegExp(`^${OTHER_GENDER}`) });
	await expect(other).toContainText('fewer than 5: hidden from donors');
	const small = await genderCount(gender, OTHER_GENDER);
	expect(small).toBeGreaterThan(0);
	expect(small).toBeLessThan(5);
	// The marker is explained beside the table, for everyone.
	await expect(
		satisfied.getByRole('listitem').filter({ hasText: 'fewer than 5: hidden from donors' }).first()
	).toBeVisible();
	// The team sees the two-way table and whether donors do.
	await expect(satisfied.getByText(/^Donors do not see this table/)).toBeVisible();
	await expect(page.getByRole('link', { name: 'Download indicator table (CSV)' })).toHaveAttribute(
		'href',
		`${dashboard}/export?format=csv`
	);
});

test('a new response shows in the current period at once', async ({ browser, page }) => {
	await signIn(page, 'manager');
	await page.goto(dashboard);
	await page.getByLabel('Breakdowns for').selectOption({ label: 'Q4 2026' });
	await page.getByRole('button', { name: 'Show', exact: true }).click();
	await page.waitForURL(/[?&]period=2026-Q4(&|$)/);
	const region = () => card(page, 'OC2.1').getByRole('region', { name: /^Breakdowns, Q4 2026/ });
	const before = nIn(await region().innerText());
	const otherBefore = await genderCount(await openBreakdowns(card(page, 'OC2.1')), OTHER_GENDER);

	// A respondent in another browser: very satisfied, and of a gender only this test answers.
	const respondent = await browser.newPage();
	const chrome = chromeFor('en');
	await begin(respondent, '/s/demo', 'en', 'English');
	await choose(respondent, 'Very satisfied');
	for (let i = 0; ; i++) {
		expect(i, 'reached the end of the survey').toBeLessThan(15);
		const group = respondent.getByRole('group', { name: GENDER });
		if (await group.isVisible()) await choose(respondent, OTHER_GENDER, GENDER);
		const finish = respondent.getByRole('button', { name: chrome.finish, exact: true });
		if (await finish.isVisible()) {
			await finish.click();
			break;
		}
		await press(respondent, 'en', 'next');
	}
	await expect(respondent.getByRole('heading', { level: 1 })).toHaveText(chrome.thankYou);
	await respondent.close();

	await page.reload();
	// Other test files may answer the demo survey meanwhile; none answers this gender.
	expect(nIn(await region().innerText())).toBeGreaterThanOrEqual(before + 1);
	const gender = await openBreakdowns(card(page, 'OC2.1'));
	expect(await genderCount(gender, OTHER_GENDER)).toBe(otherBefore + 1);
});

test('a donor sees values but no small number, no editor and no raw responses', async ({
	page
}) => {
	await signIn(page, 'donor');
	const response = await page.goto(dashboard);
	await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible();
	await expect(page.getByRole('article')).toHaveCount(13);
	const satisfied = card(page, 'OC2.1');
	await expect(satisfied.getByText(/^\d{1,3}(\.\d)?%$/).first()).toBeVisible();
	await expect(satisfied.getByText(/(On track|At risk|Off track)$/)).toBeVisible();

	const gender = await openBreakdowns(satisfied);
	const other = gender.getByRole('row', { name: new RegExp(`^${OTHER_GENDER}`) });
	await expect(other.getByRole('cell')).toHaveText(['hidden']);
	await expect(other).not.toContainText(/\d/);
	await expect(
		satisfied.getByText('The two-way table is withheld to protect small groups.')
	).toBeVisible();

	// Donors see closed periods only: legal aid's latest is Q3 2026, its small Q3 2025 hidden
	// with another quarter, and the page never says which hidden quarter is the small one.
	await expect(page.getByText(/^Figures up to /)).toBeVisible();
	const legal = card(page, 'OP2.1');
	await expect(legal.getByText('Latest: Q3 2026')).toBeVisible();
	await expect(legal.getByText(/Hidden to protect small groups: .*Q3 2025/)).toBeVisible();
	await expect(legal).not.toContainText('Q4 2026');
	await expect(page.locator('main')).not.toContainText(/fewer than 5/);

	// Every group size on the page, opened or not, is at least k.
	const text = (await page.locator('main').textContent()) ?? '';
	const sizes = [...text.matchAll(/\bn = ([\d,]+)/g)].map((m) => Number(m[1]!.replace(/,/g, '')));
	expect(sizes.length).toBeGreaterThan(8);
	expect(sizes.filter((n) => n < 5)).toEqual([]);
	// And so is every count in the data the page was sent.
	const html = (await response!.text()) ?? '';
	const sent = [...html.matchAll(/\b(?:n|"n"|excluded|"excluded"):(\d+)/g)].map((m) =>
		Number(m[1])
	);
	expect(sent.length).toBeGreaterThan(8);
	expect(sent.filter((n) => n < 5)).toEqual([]);

	await expect(page.locator('a[href*="/logframe"]')).toHaveCount(0);
	await expect(page.locator('a[href*="/indicators/"]')).toHaveCount(0);
	// A released period's breakdowns, but never those of the period in progress.
	await page.getByLabel('Breakdowns for').selectOption({ label: 'Q3 2026' });
	await page.getByRole('button', { name: 'Show', exact: true }).click();
	await expect(
		card(page, 'OC2.1').getByRole('region', { name: /^Breakdowns, Q3 2026/ })
	).toBeVisible();
	await expect(
		page.getByLabel('Breakdowns for').locator('option', { hasText: 'Q4 2026' })
	).toHaveCount(0);
	await page.goto(`${dashboard}?period=2026-Q4`);
	await expect(
		card(page, 'OC2.1').getByRole('region', { name: /^Breakdowns, Programme to date/ })
	).toBeVisible();
	expect((await page.request.get(responses, { maxRedirects: 0 })).status()).toBe(403);
});

test('only members who may see the programme open the dashboard', async () => {
	const statuses: Partial<Record<UserKey, number>> = {};
	for (const who of ['owner', 'manager', 'analyst', 'donor', 'outsider'] as UserKey[]) {
		const context = await playwrightRequest.newContext({ baseURL: BASE_URL });
		await signInRequest(context, who);
		statuses[who] = (await context.get(dashboard, { maxRedirects: 0 })).status();
		await context.dispose();
	}
	expect(statuses).toEqual({ owner: 200, manager: 200, analyst: 200, donor: 200, outsider: 404 });
});

test('at 320 px the dashboard does not scroll sideways', async ({ page }) => {
	await page.setViewportSize({ width: 320, height: 800 });
	await signIn(page, 'owner');
	await page.goto(dashboard);
	await page
		.locator('details')
		.evaluateAll((all) => all.forEach((d) => d.setAttribute('open', '')));
	await expect(page.getByRole('article').first()).toBeVisible();
	const widths = await page.evaluate(() => ({
		scroll: document.documentElement.scrollWidth,
		client: document.documentElement.clientWidth
	}));
	expect(widths.scroll).toBeLessThanOrEqual(widths.client);
});

async function scanDashboard(page: Page, who: UserKey, lang: string) {
	await signIn(page, who, PASSWORD, lang);
	await page.goto(dashboard);
	await expect(page.locator('html')).toHaveAttribute('lang', lang);
	await expect(page.getByRole('article')).toHaveCount(13);
	await scan(page, `dashboard (${who}, ${lang})`);
	// One card's breakdowns open (every card draws them with the same components): OC2.1 has
	// flagged or hidden cells and a two-way table.
	const satisfied = card(page, 'OC2.1');
	await satisfied
		.locator('details')
		.evaluateAll((all) => all.forEach((d) => d.setAttribute('open', '')));
	const results = await new AxeBuilder({ page })
		.include(`#${await satisfied.getAttribute('id')}`)
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	expect(
		results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)
	).toEqual([]);
}

test.describe('accessibility in English', () => {
	test.use({ locale: 'en' });
	for (const who of ['owner', 'donor'] as const)
		test(`the dashboard passes axe for the ${who}`, async ({ page }) => {
			await scanDashboard(page, who, 'en');
		});
});

test.describe('accessibility in Arabic', () => {
	test.use({ locale: 'ar' });
	for (const who of ['owner', 'donor'] as const)
		test(`the dashboard passes axe for the ${who}, right to left`, async ({ page }) => {
			await scanDashboard(page, who, 'ar');
			await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		});
});
