import fs from 'node:fs';
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { DEMO_SURVEY } from '../../src/lib/server/demo/survey';
import { csvRecords, parseCsv } from '../../src/lib/server/exports/testing';
import { allQuestions, textIn } from '../../src/lib/survey/model';
import { signIn, signInRequest } from './support/auth';
import { message } from './support/messages';
import { BASE_URL, type UserKey } from './support/users';

/**
 * The two exports from the browser: the responses file a manager downloads from the responses
 * page, and the indicator table as a donor gets it. Their contents are checked in depth in
 * src/lib/server/exports/*.db.test.ts.
 */

const m = (key: string, lang = 'en') => message(lang, key);
const K = 5;

let survey = '';
let programme = '';
test.beforeAll(async () => {
	const owner = await playwrightRequest.newContext({ baseURL: BASE_URL });
	await signInRequest(owner, 'owner');
	const surveys = await (await owner.get('/o/demo/surveys')).text();
	// By name: other specs add surveys and programmes to the demo organisation as they run.
	survey =
		/\/o\/demo\/surveys\/([0-9a-f-]{36})"[^>]*>(?:<!--[^>]*-->)*\s*Programme feedback \(demo\)/.exec(
			surveys
		)?.[1] ?? '';
	const programmes = await (await owner.get('/o/demo/programmes')).text();
	programme =
		/\/o\/demo\/programmes\/([0-9a-f-]{36})"[^>]*>(?:<!--[^>]*-->)*\s*Safe Futures 2025–2026/.exec(
			programmes
		)?.[1] ?? '';
	expect(survey && programme, 'the demo survey and programme are listed').toBeTruthy();
	await owner.dispose();
});

async function contextFor(who: UserKey) {
	const context = await playwrightRequest.newContext({ baseURL: BASE_URL });
	await signInRequest(context, who);
	return context;
}

test('the owner downloads the responses as CSV, with the question labels as headers', async ({
	page
}) => {
	await signIn(page, 'owner');
	await page.goto(`/o/demo/surveys/${survey}/responses`);
	const section = page.getByRole('region', { name: m('exports.responses.title') });
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		section.getByRole('link', { name: m('exports.csv') }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^programme_feedback-responses-en\.csv$/);
	const text = fs.readFileSync((await download.path())!, 'utf8');
	expect(text.charCodeAt(0)).toBe(0xfeff);
	const [header, ...rows] = parseCsv(text);
	const satisfaction = allQuestions(DEMO_SURVEY).find((q) => q.name === 'satisfaction')!;
	expect(header!.slice(0, 5)).toEqual([
		m('exports.responses.row'),
		m('exports.responses.submittedOn'),
		m('exports.responses.channel'),
		m('exports.responses.language'),
		m('exports.responses.version')
	]);
	expect(header).toContain(`${textIn(satisfaction.label, 'en', 'en')} (satisfaction)`);
	expect(header).toContain(
		'What kinds of support did you receive?: Housing (support_received: housing)'
	);
	expect(rows.length).toBeGreaterThanOrEqual(2400);
	expect(rows.every((r) => r.length === header!.length)).toBe(true);
});

test('the export is streamed with no-store headers, in .xlsx and in a chosen language', async () => {
	const owner = await contextFor('owner');
	const base = `/o/demo/surveys/${survey}/responses/export`;
	const csv = await owner.get(`${base}?format=csv&lang=ar&version=1`);
	expect(csv.status()).toBe(200);
	expect(csv.headers()['cache-control']).toBe('no-store');
	expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
	expect(csv.headers()['content-disposition']).toBe(
		'attachment; filename="programme_feedback-responses-v1-ar.csv"'
	);
	const [header] = parseCsv(await csv.text());
	expect(header![1]).toBe(m('exports.responses.submittedOn', 'ar'));
	expect(header).toContain('ما جنسك؟ (gender)');

	const xlsx = await owner.get(`${base}?format=xlsx&lang=fr`);
	expect(xlsx.status()).toBe(200);
	expect(xlsx.headers()['content-type']).toBe(
		'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
	);
	const body = await xlsx.body();
	expect(body.subarray(0, 2).toString()).toBe('PK');

	// Nonsense is refused rather than guessed at.
	expect((await owner.get(`${base}?format=pdf`)).status()).toBe(400);
	expect((await owner.get(`${base}?lang=ru`)).status()).toBe(400);
	expect((await owner.get(`${base}?version=99`)).status()).toBe(404);
	await owner.dispose();
});

test('a donor cannot export responses, and gets an indicator table without small numbers', async () => {
	const donor = await contextFor('donor');
	expect((await donor.get(`/o/demo/surveys/${survey}/responses/export?format=csv`)).status()).toBe(
		403
	);
	const response = await donor.get(`/o/demo/programmes/${programme}/export?format=csv&lang=en`);
	expect(response.status()).toBe(200);
	expect(response.headers()['cache-control']).toBe('no-store');
	expect(response.headers()['content-disposition']).toMatch(
		/^attachment; filename="Safe_Futures_2025_2026-indicators-en\.csv"$/
	);
	const records = csvRecords(await response.text());
	const n = m('exports.indicators.columns.n');
	const shown = m('exports.indicators.columns.shown');
	expect(records.length).toBeGreaterThan(50);
	const counts = records.map((r) => r[n]!).filter((v) => v !== '');
	expect(counts.length).toBeGreaterThan(30);
	for (const count of counts) expect(Number(count)).toBeGreaterThanOrEqual(K);
	const hidden = records.filter(
		(r) => r[shown] === message('en', 'exports.indicators.hidden').replace('{{k}}', String(K))
	);
	expect(hidden.length).toBeGreaterThan(0);
	for (const r of hidden) expect(r[n]).toBe('');
	expect(Object.keys(records[0]!)).not.toContain(m('exports.indicators.columns.excluded'));
	await donor.dispose();

	// The team's table has the small numbers, flagged with why.
	const analyst = await contextFor('analyst');
	const team = csvRecords(
		await (await analyst.get(`/o/demo/programmes/${programme}/export?format=csv&lang=en`)).text()
	);
	const flagged = m('exports.indicators.columns.flagged');
	const small = message('en', 'exports.indicators.reasons.small').replace('{{k}}', String(K));
	expect(team.some((r) => r[n] !== '' && Number(r[n]) < K && r[flagged] === small)).toBe(true);
	// Every figure under k is flagged.
	for (const r of team)
		if (r[n] !== '' && Number(r[n]) < K) expect(r[flagged]).not.toBe(m('exports.indicators.shown'));
	await analyst.dispose();
});

test('the indicator table in .xlsx, and only for members who may see the programme', async () => {
	const statuses: Record<string, number> = {};
	for (const who of ['owner', 'manager', 'analyst', 'donor', 'outsider'] as UserKey[]) {
		const context = await contextFor(who);
		statuses[who] = (
			await context.get(`/o/demo/programmes/${programme}/export?format=xlsx&lang=ar`, {
				maxRedirects: 0
			})
		).status();
		await context.dispose();
	}
	expect(statuses).toEqual({ owner: 200, manager: 200, analyst: 200, donor: 200, outsider: 404 });
	const owner = await contextFor('owner');
	expect((await owner.get(`/o/demo/programmes/${programme}/export?lang=xx`)).status()).toBe(400);
	expect(
		(await owner.get('/o/demo/programmes/00000000-0000-4000-8000-000000000000/export')).status()
	).toBe(404);
	// Every download is in the audit log.
	const audit = await (await owner.get('/o/demo/audit')).text();
	const english = JSON.parse(fs.readFileSync('messages/en.json', 'utf8'));
	expect(audit).toContain(english.audit.actions['export.indicators']);
	await owner.dispose();
});

test('a donor downloads the indicator table from the programme list', async ({ page }) => {
	await signIn(page, 'donor');
	await page.goto('/o/demo/programmes');
	const group = page.getByRole('group', {
		name: m('exports.indicators.downloadOf').replace('{{name}}', 'Safe Futures 2025–2026')
	});
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		group.getByRole('link', { name: m('exports.xlsx') }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^Safe_Futures_2025_2026-indicators-en\.xlsx$/);
});
