import { expect, test, type Page } from '@playwright/test';
import { DEMO_SURVEY } from '../../src/lib/server/demo/survey';
import { chromeFor } from '../../src/lib/survey/chrome';
import { allQuestions, textIn } from '../../src/lib/survey/model';
import {
	begin,
	choose,
	codeNumber,
	EXIT_SITE,
	finishBlank,
	press,
	stubExitSite
} from './support/respondent';

/** The demo survey's own texts, so the tests read what a respondent reads. */
const label = (name: string, lang: string) =>
	textIn(allQuestions(DEMO_SURVEY).find((q) => q.name === name)!.label, lang, 'en');
const choice = (list: string, name: string, lang: string) =>
	textIn(
		DEMO_SURVEY.choiceLists.find((l) => l.name === list)!.choices.find((c) => c.name === name)!
			.label,
		lang,
		'en'
	);

/** The respondent cookie's token, to replay it after the draft should be gone. */
async function respondentToken(page: Page): Promise<string> {
	const cookie = (await page.context().cookies()).find((c) => c.name === 'r');
	expect(cookie, 'a draft cookie').toBeTruthy();
	return cookie!.value;
}

/** With the old token replayed, the server has no draft: the survey starts afresh. */
async function expectNoDraft(page: Page, path: string, token: string) {
	const response = await page.request.get(path, { headers: { cookie: `r=${token}` } });
	const html = await response.text();
	expect(html).toContain(chromeFor('en').chooseLanguage);
	expect(html).not.toContain('name="_page"');
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false, locale: 'ar' });

	test('the demo survey can be completed in Arabic, with skip logic both ways', async ({
		page
	}) => {
		const ar = chromeFor('ar');
		await page.goto('/s/demo');
		// The language choice names each language in its own script and follows the browser.
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		await expect(page.getByRole('group', { name: ar.chooseLanguage })).toBeVisible();
		await begin(page, '/s/demo', 'ar', 'العربية');
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		await expect(page.getByText(label('satisfaction', 'ar'))).toBeVisible();
		const reasons = page.getByText(label('dissatisfaction_reasons', 'ar'));
		await expect(reasons).toBeHidden();

		// A negative answer reveals the follow-up on the same page after a post.
		await choose(page, choice('satisfaction4', 'not_very_satisfied', 'ar'));
		await press(page, 'ar', 'next');
		await expect(page.getByRole('status')).toHaveText(ar.revealed);
		await expect(reasons).toBeVisible();
		// And a positive one hides it again: the stale answer is dropped, the page moves on.
		await choose(page, choice('reasons', 'waited_too_long', 'ar'));
		await choose(page, choice('satisfaction4', 'very_satisfied', 'ar'));
		await press(page, 'ar', 'next');
		await expect(page.getByText(label('respect', 'ar'))).toBeVisible();
		// Back keeps the answers given.
		await press(page, 'ar', 'back');
		await expect(
			page.getByLabel(choice('satisfaction4', 'very_satisfied', 'ar'), { exact: true })
		).toBeChecked();
		await expect(reasons).toBeHidden();
		await press(page, 'ar', 'next');
		await finishBlank(page, 'ar');
		await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	});

	test('an invalid answer is refused with the message beside the question', async ({ page }) => {
		const en = chromeFor('en');
		await page.goto('/s/demo');
		await page.getByRole('button', { name: 'English', exact: true }).click();
		await press(page, 'en', 'next');
		await expect(page.getByRole('alert')).toContainText(en.errorSummary);
		const question = page.getByRole('group', { name: label('safety_check', 'en') });
		await expect(question).toHaveAccessibleDescription(new RegExp(en.required));
		await expect(page).toHaveTitle(new RegExp(en.errorSummary));
	});

	test('"Not now" on the safety check leaves and keeps no draft', async ({ page }) => {
		const en = chromeFor('en');
		await page.goto('/s/demo');
		await page.getByRole('button', { name: 'English', exact: true }).click();
		const token = await respondentToken(page);
		await choose(page, en.notNow);
		await press(page, 'en', 'next');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.notNowLeft);
		expect((await page.context().cookies()).find((c) => c.name === 'r')).toBeUndefined();
		await expectNoDraft(page, '/s/demo', token);
	});

	test('declining consent leaves and keeps no draft', async ({ page }) => {
		const fr = chromeFor('fr');
		await page.goto('/s/demo');
		await page.getByRole('button', { name: 'Français', exact: true }).click();
		const token = await respondentToken(page);
		await choose(page, fr.yesContinue);
		await press(page, 'fr', 'next');
		await choose(page, fr.decline);
		await press(page, 'fr', 'next');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.declinedLeft);
		await expectNoDraft(page, '/s/demo', token);
	});

	test('the quick exit button ends the draft and moves on to the neutral site', async ({
		page
	}) => {
		await stubExitSite(page);
		await begin(page, '/s/demo', 'en', 'English');
		const token = await respondentToken(page);
		const exit = page.getByRole('button', { name: chromeFor('en').quickExit });
		// First in tab order.
		await page.keyboard.press('Tab');
		await expect(exit).toBeFocused();
		await exit.click();
		await page.waitForURL(EXIT_SITE);
		await expectNoDraft(page, '/s/demo', token);
	});

	test('closed and paused links and unknown addresses get neutral pages', async ({ page }) => {
		// In the browser's language (Arabic here): the survey's own languages are not known yet.
		const en = chromeFor('ar');
		await page.goto('/s/closedlink');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.closed);
		await page.goto('/s/pausedlink');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.paused);
		await page.goto('/s/no-such-link/at/all');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.closed);
		await page.goto('/i/AAAAA-AAAAA');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.codeInvalid);
		await expect(page).toHaveTitle(en.pageTitle);
	});
});

test.describe('with JavaScript', () => {
	test.use({ locale: 'en' });

	test('skip logic updates on the page as the person answers, and the survey completes', async ({
		page
	}) => {
		await begin(page, '/s/demo', 'en', 'English');
		const reasons = page.getByText(label('dissatisfaction_reasons', 'en'));
		await expect(reasons).toBeHidden();
		const url = page.url();
		await choose(page, choice('satisfaction4', 'not_at_all_satisfied', 'en'));
		await expect(reasons).toBeVisible();
		await choose(page, choice('satisfaction4', 'fairly_satisfied', 'en'));
		await expect(reasons).toBeHidden();
		await choose(page, choice('satisfaction4', 'not_very_satisfied', 'en'));
		await choose(page, choice('reasons', 'hard_to_reach', 'en'));
		expect(page.url()).toBe(url);
		// "Prefer not to say" and real choices exclude each other.
		const group = page.getByRole('group', { name: label('support_received', 'en') });
		await group.getByLabel(choice('support', 'housing', 'en'), { exact: true }).check();
		await group.getByLabel(chromeFor('en').preferNotToSay, { exact: true }).check();
		await expect(
			group.getByLabel(choice('support', 'housing', 'en'), { exact: true })
		).not.toBeChecked();
		await press(page, 'en', 'next');
		// No reveal step was needed: the script had shown the follow-up already.
		await expect(page.getByText(label('respect', 'en'))).toBeVisible();
		await finishBlank(page, 'en');
	});

	test('Esc is a quick exit that replaces the page and ends the draft', async ({ page }) => {
		await stubExitSite(page);
		await begin(page, '/s/demo', 'en', 'English');
		const token = await respondentToken(page);
		await expect(page.locator('html.js')).toBeAttached();
		const before = await page.evaluate(() => history.length);
		await page.keyboard.press('Escape');
		await page.waitForURL(EXIT_SITE);
		// The survey page was replaced, not pushed behind the neutral site.
		expect(await page.evaluate(() => history.length)).toBe(before);
		await expect
			.poll(async () => {
				const html = await (
					await page.request.get('/s/demo', { headers: { cookie: `r=${token}` } })
				).text();
				return html.includes('name="_page"');
			})
			.toBe(false);
	});

	test('a single-use code completes once; the used code is then refused kindly', async ({
		page
	}) => {
		const code = codeNumber(0);
		await begin(page, `/i/${code.toLowerCase().replace('-', '')}`, 'en', 'English');
		expect(new URL(page.url()).pathname).toBe(`/i/${code}`);
		await finishBlank(page, 'en');
		await page.goto(`/i/${code}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(chromeFor('en').codeUsed);
	});

	test('a code can be typed on /i', async ({ page }) => {
		const en = chromeFor('en');
		await page.goto('/i');
		await page.getByLabel(en.enterCode).fill('not a code');
		await page.getByRole('button', { name: en.continue }).click();
		await expect(page.getByRole('alert')).toHaveText(en.codeInvalid);
		const code = codeNumber(1);
		await page.getByLabel(en.enterCode).fill(code.toLowerCase());
		await page.getByRole('button', { name: en.continue }).click();
		await expect(page.getByRole('group', { name: en.chooseLanguage })).toBeVisible();
		expect(new URL(page.url()).pathname).toBe(`/i/${code}`);
	});

	test('a double-clicked final submission shows the thank-you page twice, no error', async ({
		page
	}) => {
		await begin(page, '/s/demo', 'en', 'English');
		const finish = page.getByRole('button', { name: chromeFor('en').finish, exact: true });
		for (let i = 0; i < 12 && !(await finish.isVisible()); i++) await press(page, 'en', 'next');
		const form = Object.fromEntries(
			await page
				.locator('#survey-form input[type=hidden]')
				.evaluateAll((inputs) => (inputs as HTMLInputElement[]).map((i) => [i.name, i.value]))
		);
		const post = () =>
			page.request.post('/s/demo?/next', {
				form,
				headers: { accept: 'text/html', 'sec-fetch-site': 'same-origin' },
				maxRedirects: 0
			});
		const [a, b] = await Promise.all([post(), post()]);
		for (const response of [a, b]) {
			expect(response.status()).toBe(303);
			expect(response.headers().location).toBe('/s/demo?end=thanks&lang=en');
		}
	});

	test('oversize and malformed posts get a clear message and store nothing', async ({ page }) => {
		const en = chromeFor('en');
		await begin(page, '/s/demo', 'en', 'English');
		const headers = { accept: 'text/html', 'sec-fetch-site': 'same-origin' };
		const big = await page.request.post('/s/demo?/next', {
			headers,
			form: { _page: '2', _lang: 'en', problems_caused: 'x'.repeat(70_000) }
		});
		expect(big.status()).toBe(413);
		expect(await big.text()).toContain(en.unreadable);
		const json = await page.request.post('/s/demo?/next', { headers, data: { _page: 2 } });
		expect(json.status()).toBe(415);
		expect(await json.text()).toContain(en.unreadable);
		const nonsense = await page.request.post('/s/demo?/next', {
			headers,
			form: { _page: 'seven' }
		});
		expect(nonsense.status()).toBe(400);
		expect(await nonsense.text()).toContain(en.unreadable);
		// The draft is where it was: the question page, answers untouched.
		await page.reload();
		await expect(page.getByText(label('satisfaction', 'en'))).toBeVisible();
	});
});
