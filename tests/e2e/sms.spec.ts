import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/auth';
import { scan } from './support/axe';
import { message } from './support/messages';

/** The demo survey's simulator, found from the surveys list as a person would. */
async function openSimulator(page: Page, lang = 'en') {
	await page.goto('/o/demo/surveys');
	// The demo survey by its name: other tests add surveys to the same organisation.
	await page.getByRole('link', { name: 'Programme feedback (demo)', exact: true }).click();
	await page.waitForURL(/\/surveys\/[0-9a-f-]{36}$/);
	await page.getByRole('link', { name: message(lang, 'sms.simulator.open') }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: message(lang, 'sms.simulator.title') })
	).toBeVisible();
}

const serviceBubbles = (page: Page) => page.locator('.bubble.service');

/** Sends one reply and waits until the survey has answered it. */
async function send(page: Page, lang: string, body: string) {
	const before = await serviceBubbles(page).count();
	await page.getByLabel(message(lang, 'sms.simulator.reply')).fill(body);
	await page
		.getByRole('button', { name: message(lang, 'sms.simulator.send'), exact: true })
		.click();
	await expect.poll(() => serviceBubbles(page).count()).toBeGreaterThan(before);
}

/** Answers "1" to every question (language menu first) until the thank-you message. */
async function completeDemo(page: Page, lang: string, menuChoice: string, thankYou: string) {
	await expect(serviceBubbles(page).first()).toContainText('1 English');
	await send(page, lang, menuChoice);
	for (let i = 0; i < 40; i++) {
		if ((await serviceBubbles(page).last().textContent())?.includes(thankYou)) break;
		await send(page, lang, '1');
	}
	await expect(serviceBubbles(page).last()).toContainText(thankYou);
	await expect(page.getByText(message(lang, 'sms.simulator.ended'))).toBeVisible();
}

test.describe('SMS channels', () => {
	test('the owner adds a channel, sees its webhook address, and the token never comes back', async ({
		page
	}) => {
		const token = randomBytes(16).toString('hex');
		const number = `+1500555${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;
		await signIn(page, 'owner');
		await page.goto('/o/demo');
		await page.getByRole('link', { name: message('en', 'sms.nav') }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'SMS channels' })).toBeVisible();

		const form = page.locator('form[action="?/create"]');
		await form.getByLabel('Sender number').fill(number);
		await form.getByLabel('Account SID').fill(`AC${randomBytes(16).toString('hex')}`);
		await form.getByLabel('Auth token').fill(token);
		await form.getByLabel('Start keyword').fill('Bonjour');
		await form.getByRole('button', { name: 'Add channel' }).click();

		const channel = page.getByRole('article', { name: number });
		await expect(channel.getByText('Channel added')).toBeVisible();
		await expect(channel.getByText('BONJOUR', { exact: true })).toBeVisible();
		await expect(channel.getByLabel('Webhook address')).toHaveValue(
			/^https?:\/\/[^/]+\/api\/sms\/twilio\/[a-z2-7]{16}$/
		);
		expect(await page.content()).not.toContain(token);
		await page.reload();
		expect(await page.content()).not.toContain(token);
		const html = await (await page.request.get('/o/demo/sms')).text();
		expect(html).not.toContain(token);
		await scan(page, 'sms channels en');
	});

	test('a manager is refused the channels page', async ({ page }) => {
		await signIn(page, 'manager');
		const response = await page.goto('/o/demo/sms');
		expect(response?.status()).toBe(403);
		await page.goto('/o/demo');
		await expect(page.getByRole('link', { name: message('en', 'sms.nav') })).toHaveCount(0);
	});
});

test.describe('SMS channels in Arabic', () => {
	test.use({ locale: 'ar' });

	test('the channels page reads right to left and passes axe', async ({ page }) => {
		await signIn(page, 'owner', undefined, 'ar');
		await page.goto('/o/demo/sms');
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		await expect(
			page.getByRole('heading', { level: 1, name: message('ar', 'sms.channels.title') })
		).toBeVisible();
		await scan(page, 'sms channels ar');
	});
});

test.describe('the SMS simulator', () => {
	test('a manager completes the demo survey in English', async ({ page }) => {
		test.setTimeout(90_000);
		await signIn(page, 'manager');
		await openSimulator(page);
		await expect(page.getByText(message('en', 'sms.simulator.nothingStored'))).toBeVisible();
		await expect(page.locator('.bubble.service .info').first()).toContainText('SMS segment');
		await scan(page, 'simulator en');

		await send(page, 'en', 'help');
		await expect(serviceBubbles(page).last()).toContainText('Send STOP to stop');
		await completeDemo(page, 'en', '1', 'Thank you. Your answers have been sent.');
		// Focus is back in the text box for the next message.
		await expect(page.getByLabel('Your reply')).toBeFocused();

		await page.getByRole('button', { name: 'Restart' }).click();
		await expect(serviceBubbles(page)).toHaveCount(1);
		await send(page, 'en', 'STOP');
		await expect(serviceBubbles(page).last()).toContainText('You will get no more messages');
		await expect(page.getByText(message('en', 'sms.simulator.optedOut'))).toBeVisible();
	});
});

test.describe('the SMS simulator in Arabic', () => {
	test.use({ locale: 'ar' });

	test('reads right to left and passes axe', async ({ page }) => {
		await signIn(page, 'manager', undefined, 'ar');
		await openSimulator(page, 'ar');
		await send(page, 'ar', '4');
		await expect(serviceBubbles(page).last().locator('.text')).toHaveAttribute('dir', 'rtl');
		await scan(page, 'simulator ar');
	});
});

// axe runs scripts in the page, so the scans above stand for this page without JavaScript.
test.describe('the SMS simulator without JavaScript', () => {
	test.use({ javaScriptEnabled: false, locale: 'ar' });

	test('a manager completes the demo survey in Arabic', async ({ page }) => {
		test.setTimeout(90_000);
		await signIn(page, 'manager', undefined, 'ar');
		await openSimulator(page, 'ar');
		await completeDemo(page, 'ar', '4', 'شكرًا لكم. تم إرسال إجاباتكم.');
		await expect(serviceBubbles(page).last().locator('.text')).toHaveAttribute('dir', 'rtl');
		await expect(page.locator('.bubble.service .info').last()).toContainText('UCS-2');
	});
});
