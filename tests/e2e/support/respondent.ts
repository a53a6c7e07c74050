import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { chromeFor } from '../../../src/lib/survey/chrome';

/** What the e2e server prepares for respondent tests (see server.ts). */
export interface RespondentFixtures {
	/** Single-use codes for the demo survey, as printed. */
	codes: string[];
}

export const RESPONDENT_FIXTURES = path.join(
	os.tmpdir(),
	`heard-e2e-respondent-${process.env.E2E_PORT ?? 4173}.json`
);

export function respondentFixtures(): RespondentFixtures {
	return JSON.parse(fs.readFileSync(RESPONDENT_FIXTURES, 'utf8')) as RespondentFixtures;
}

/** Each test takes its own codes so parallel tests never share one. */
export function codeNumber(n: number): string {
	const code = respondentFixtures().codes[n];
	if (!code) throw new Error(`no fixture code ${n}`);
	return code;
}

export const EXIT_SITE = 'https://www.wikipedia.org/';

/** The neutral exit site, answered locally: tests never reach the internet. */
export async function stubExitSite(page: Page) {
	await page.route(`${EXIT_SITE}**`, (route) =>
		route.fulfill({
			status: 200,
			contentType: 'text/html',
			body: '<title>Neutral</title><p>Neutral site</p>'
		})
	);
}

/** Clicks a submit button by its chrome text in the page's language. */
export async function press(page: Page, lang: string, key: 'next' | 'back' | 'finish') {
	await page.getByRole('button', { name: chromeFor(lang)[key], exact: true }).click();
}

/** Ticks the radio or checkbox labelled `label` (scoped to the question's group when given). */
export async function choose(page: Page, label: string, group?: string) {
	const scope = group ? page.getByRole('group', { name: group }) : page;
	await scope.getByLabel(label, { exact: true }).check();
}

/** From a fresh /s/demo or /i/CODE to the first question page, in `lang`. */
export async function begin(page: Page, path: string, lang: string, languageName: string) {
	await page.goto(path);
	await page.getByRole('button', { name: languageName, exact: true }).click();
	const chrome = chromeFor(lang);
	await expect(page.locator('html')).toHaveAttribute('lang', lang);
	await choose(page, chrome.yesContinue);
	await press(page, lang, 'next');
	await choose(page, chrome.agree);
	await press(page, lang, 'next');
}

/** Presses Next until the last page, then sends; every question optional is left blank. */
export async function finishBlank(page: Page, lang: string) {
	const chrome = chromeFor(lang);
	for (let i = 0; i < 12; i++) {
		const finish = page.getByRole('button', { name: chrome.finish, exact: true });
		if (await finish.isVisible()) {
			await finish.click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(chrome.thankYou);
			return;
		}
		await press(page, lang, 'next');
	}
	throw new Error('never reached the last page');
}
