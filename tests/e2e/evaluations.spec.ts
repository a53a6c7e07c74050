import { expect, request as playwrightRequest, test, type Page } from '@playwright/test';
import { signIn, signInRequest } from './support/auth';
import { scan } from './support/axe';
import { message } from './support/messages';
import { BASE_URL } from './support/users';

/**
 * Evaluations from the browser: a manager creates one for the demo programme, asks a question
 * linked to an outcome, writes a finding resting on an indicator figure for the programme to
 * date, adds a recommendation and its management response; an analyst reads the same pages
 * without a single form to change them; a donor is refused every one. Axe scans each page. The
 * services' rules are tested in src/lib/server/evaluations/*.db.test.ts, coverage and the
 * response summary in src/lib/evaluations/*.test.ts.
 */

const en = (key: string) => message('en', key);
const TITLE = `E2E midline ${Date.now().toString(36)}`;
const QUESTION = 'Do survivors feel safer after support?';
const FINDING = 'Most survivors say they feel safe today.';
const RECOMMENDATION = 'Offer a follow-up call three months after support ends.';

async function demoProgramme(page: Page): Promise<string> {
	const html = await (await page.request.get('/o/demo/programmes')).text();
	const id =
		/\/o\/demo\/programmes\/([0-9a-f-]{36})"[^>]*>(?:<!--[^>]*-->)*\s*Safe Futures 2025–2026/.exec(
			html
		)?.[1];
	expect(id, 'the demo programme is listed').toBeTruthy();
	return `/o/demo/programmes/${id}`;
}

/** The evaluation's overview address, shared by the tests below (they run in order). */
let evaluation = '';

test.describe.configure({ mode: 'serial' });

test('a manager creates an evaluation with a question, a finding and a recommendation', async ({
	page
}) => {
	test.setTimeout(120_000);
	await signIn(page, 'manager');
	const programme = await demoProgramme(page);
	await page.goto(`${programme}/evaluations`);
	await expect(
		page.getByRole('heading', { level: 1, name: en('evaluations.title') })
	).toBeVisible();
	await scan(page, 'evaluations list');

	// Create: kind, title, dates, the demo survey, methodology.
	await page.locator('#new-kind').selectOption('midline');
	await page.locator('#new-title').fill(TITLE);
	await page.locator('#new-startsOn').fill('2025-01-01');
	await page.locator('#new-endsOn').fill('2026-06-30');
	await page.getByRole('checkbox', { name: /Programme feedback \(demo\)/ }).check();
	await page.locator('#new-methodology').fill('Web and SMS feedback survey, coded open text.');
	await page.getByRole('button', { name: en('evaluations.form.create') }).click();
	await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
	evaluation = new URL(page.url()).pathname;
	expect(evaluation).toMatch(/\/evaluations\/[0-9a-f-]{36}$/);

	// Before any question, every criterion is flagged.
	const coverage = page.getByRole('table', { name: en('evaluations.coverage.criteriaCaption') });
	await expect(
		coverage
			.getByRole('row', { name: /Effectiveness/ })
			.getByText(en('evaluations.coverage.noQuestion'))
	).toBeVisible();

	// A question on effectiveness, linked to the first outcome.
	const add = page.locator('form[action="?/addQuestion"]');
	await add.getByLabel(en('evaluations.questions.criterion')).selectOption('effectiveness');
	await add.getByLabel(en('evaluations.questions.text')).fill(QUESTION);
	await add.getByRole('checkbox', { name: /Survivors feel safe and know where to turn/ }).check();
	await add.getByRole('button', { name: en('evaluations.questions.addButton') }).click();
	await expect(page.getByRole('status')).toContainText(en('evaluations.done.added'));
	await expect(page.locator('.questions p.text', { hasText: QUESTION })).toBeVisible();
	await expect(
		coverage
			.getByRole('row', { name: /Effectiveness/ })
			.getByText(en('evaluations.coverage.noQuestion'))
	).toHaveCount(0);
	await scan(page, 'evaluation overview');

	// A finding answering it, resting on an indicator figure for the programme to date.
	await page.goto(`${evaluation}/findings`);
	await expect(page.getByRole('heading', { level: 1, name: en('findings.title') })).toBeVisible();
	const newFinding = page.locator('form[action="?/addFinding"]');
	await newFinding.getByLabel(en('findings.form.statement')).fill(FINDING);
	await newFinding.getByLabel(en('findings.form.criterion')).selectOption('effectiveness');
	await newFinding.getByLabel(en('findings.form.strength')).selectOption('strong');
	await newFinding
		.getByLabel(en('findings.form.question'))
		.selectOption({ label: `1. ${QUESTION} (Effectiveness)` });
	await newFinding.getByRole('button', { name: en('findings.addButton') }).click();
	await expect(page.getByRole('status')).toContainText(en('findings.done.added'));
	const finding = page.locator('article.finding', { hasText: FINDING });
	await expect(finding).toBeVisible();
	await expect(finding.getByText(en('findings.evidence.empty'))).toBeVisible();

	await finding.locator('summary', { hasText: /Add evidence/ }).click();
	const figure = finding.locator('form[action="?/addIndicatorEvidence"]');
	await expect(figure.getByLabel(en('findings.evidence.period'))).toHaveValue('all');
	await figure.getByRole('button', { name: en('findings.evidence.addIndicator') }).click();
	await expect(page.getByRole('status')).toContainText(en('findings.done.evidenceAdded'));
	const evidence = page.locator('article.finding', { hasText: FINDING }).locator('.evidence li');
	await expect(evidence).toHaveCount(1);
	await expect(evidence.first()).toContainText(en('findings.evidence.kinds.indicator'));
	await expect(evidence.first()).toContainText(en('findings.evidence.toDate'));
	await scan(page, 'findings');

	// A recommendation following from the finding, then management's response to it.
	await page.goto(`${evaluation}/recommendations`);
	const newRec = page.locator('form[action="?/add"]');
	await newRec.getByLabel(en('recommendations.form.text')).fill(RECOMMENDATION);
	await newRec.getByLabel(en('recommendations.form.priority')).selectOption('high');
	await newRec.getByLabel(en('recommendations.form.addressedTo')).fill('Case management team');
	await newRec.getByLabel(en('recommendations.form.dueOn')).fill('2027-03-31');
	await newRec.getByRole('checkbox', { name: FINDING }).check();
	await newRec.getByRole('button', { name: en('recommendations.addButton') }).click();
	await expect(page.getByRole('status')).toContainText(en('recommendations.done.added'));
	const rec = page.locator('li.card', { hasText: RECOMMENDATION });
	await expect(rec.getByText(en('recommendations.response.awaiting'))).toBeVisible();
	await expect(rec.locator('.linked li', { hasText: FINDING })).toBeVisible();
	// One figure of the summary strip, by its exact label ("Accepted", not "Not accepted").
	const strip = (key: string) =>
		page
			.locator('.strip > div')
			.filter({ has: page.getByText(en(`recommendations.summary.${key}`), { exact: true }) })
			.locator('dd');
	await expect(strip('awaiting')).toHaveText('1');

	await rec.locator('summary', { hasText: /Record the response/ }).click();
	const response = rec.locator('form[action="?/respond"]');
	await response
		.getByRole('radio', { name: en('evaluation.decisions.accepted'), exact: true })
		.check();
	await response
		.getByLabel(en('recommendations.response.action'))
		.fill('Call every survivor who agrees.');
	await response.getByLabel(en('recommendations.response.owner')).fill('Programme manager');
	await response.getByLabel(en('recommendations.response.state')).selectOption('inProgress');
	await response.getByRole('button', { name: en('recommendations.response.save') }).click();
	await expect(page.getByRole('status')).toContainText(en('recommendations.done.responded'));
	await expect(strip('accepted')).toHaveText('1');
	await expect(strip('inProgress')).toHaveText('1');
	await expect(
		page
			.locator('li.card', { hasText: RECOMMENDATION })
			.locator('p.action', { hasText: 'Call every survivor who agrees.' })
	).toBeVisible();
	await scan(page, 'recommendations');
});

test('an analyst reads the evaluation without any form to change it', async ({ page }) => {
	expect(evaluation, 'the manager test created the evaluation').not.toBe('');
	await signIn(page, 'analyst');
	await page.goto(evaluation);
	await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
	await expect(page.getByText(QUESTION)).toBeVisible();
	await expect(page.locator('main form[method="POST"]')).toHaveCount(0);
	await scan(page, 'overview, read-only');

	await page.goto(`${evaluation}/findings`);
	await expect(page.getByText(FINDING)).toBeVisible();
	await expect(page.locator('.evidence li')).toHaveCount(1);
	await expect(page.locator('main form[method="POST"]')).toHaveCount(0);
	await scan(page, 'findings, read-only');

	await page.goto(`${evaluation}/recommendations`);
	await expect(page.getByText(RECOMMENDATION)).toBeVisible();
	await expect(page.getByText(en('evaluation.decisions.accepted')).first()).toBeVisible();
	await expect(page.locator('main form[method="POST"]')).toHaveCount(0);
	await scan(page, 'recommendations, read-only');

	// Posting anyway is refused.
	const post = await page.request.post(`${evaluation}/findings?/addFinding`, {
		form: { statement: 'x', criterion: 'impact', strength: 'strong' },
		headers: { origin: BASE_URL }
	});
	expect(post.status()).toBe(403);
});

test('a donor gets no evaluation page, even of the programme they fund', async () => {
	expect(evaluation, 'the manager test created the evaluation').not.toBe('');
	const donor = await playwrightRequest.newContext({ baseURL: BASE_URL });
	await signInRequest(donor, 'donor');
	const list = evaluation.replace(/\/[0-9a-f-]{36}$/, '');
	for (const path of [
		list,
		evaluation,
		`${evaluation}/findings`,
		`${evaluation}/recommendations`
	]) {
		const response = await donor.get(path, { maxRedirects: 0 });
		expect([403, 404], `donor GET ${path}`).toContain(response.status());
		expect(await response.text()).not.toContain(FINDING);
	}
	const post = await donor.post(`${evaluation}/recommendations?/add`, {
		form: { text: 'x', priority: 'low' },
		headers: { origin: BASE_URL },
		maxRedirects: 0
	});
	expect([403, 404]).toContain(post.status());
	await donor.dispose();
});
