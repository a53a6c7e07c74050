import {
	expect,
	request as playwrightRequest,
	test,
	type APIRequestContext
} from '@playwright/test';
import { PROBLEM_ANSWERS } from '../../src/lib/server/demo/simulate';
import { signInRequest } from './support/auth';
import { BASE_URL, type UserKey } from './support/users';

/**
 * The donor access walk (issue 7, "Done means"): every page a manager can reach from the
 * organisation overview and the demo programme is collected by following links, then asked for
 * as the donor. What is not one of the donor's own pages must answer 403 or 404; what is must
 * carry no open-text answer and no link to a raw response. Generic on purpose: pages added later
 * (evaluation tabs, report files …) are walked as soon as a link leads to them.
 */

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const MAX_URLS = 150;
/** Links of one shape (ids and query values aside) beyond this add nothing to the walk. */
const PER_SHAPE = 3;

let demoProgramme = '';
let demoSurvey = '';

async function contextFor(who: UserKey): Promise<APIRequestContext> {
	const context = await playwrightRequest.newContext({ baseURL: BASE_URL });
	await signInRequest(context, who);
	return context;
}

/** The donor's own pages: the portal, their programme's results, reports and files, account. */
function donorMayOpen(url: URL): boolean {
	const path = url.pathname;
	const programme = `/o/demo/programmes/${demoProgramme}`;
	return (
		['/', '/account', '/orgs', '/o/demo', '/o/demo/programmes', programme].includes(path) ||
		path === `${programme}/export` ||
		path === `${programme}/reports` ||
		new RegExp(`^${programme}/reports/${UUID}(/[a-z]+)?$`).test(path)
	);
}

/** Every verbatim answer the demo's open-text question was simulated with, in every language. */
const VERBATIM = Object.values(PROBLEM_ANSWERS)
	.flatMap((themes) => Object.values(themes).flat())
	// Answers of a word or two ("No problems") could be any page's wording; the rest cannot.
	.filter((text) => text.split(/\s+/).length >= 4);

const decode = (html: string) =>
	html
		.replace(/&#39;|&#x27;/g, "'")
		.replace(/&quot;/g, '"')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');

function linksOf(html: string, from: URL): URL[] {
	const found: URL[] = [];
	for (const match of html.matchAll(/<a\b[^>]*?\shref="([^"]+)"/g)) {
		const href = decode(match[1]!);
		if (/^(#|mailto:|tel:|data:|javascript:)/.test(href)) continue;
		const url = new URL(href, from);
		url.hash = '';
		if (url.origin === new URL(BASE_URL).origin) found.push(url);
	}
	return found;
}

const shapeOf = (url: URL) =>
	url.pathname.replace(new RegExp(UUID, 'g'), ':id') +
	'?' +
	[...url.searchParams.keys()].sort().join('&');

/** Breadth first from the seeds, as the manager, staying inside the demo organisation. */
async function crawl(manager: APIRequestContext, seeds: string[]): Promise<URL[]> {
	const queue = seeds.map((s) => new URL(s, BASE_URL));
	const seen = new Set<string>();
	const shapes = new Map<string, number>();
	const collected: URL[] = [];
	while (queue.length && collected.length < MAX_URLS) {
		const url = queue.shift()!;
		const key = url.pathname + url.search;
		if (seen.has(key)) continue;
		seen.add(key);
		if (!url.pathname.startsWith('/o/demo') && !['/account', '/orgs'].includes(url.pathname))
			continue;
		const shape = shapeOf(url);
		if ((shapes.get(shape) ?? 0) >= PER_SHAPE) continue;
		shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
		const response = await manager.get(key, { maxRedirects: 0 });
		// Only what the manager can open is worth asking for as the donor.
		if (response.status() !== 200) continue;
		collected.push(url);
		if ((response.headers()['content-type'] ?? '').includes('text/html'))
			queue.push(...linksOf(await response.text(), url));
	}
	return collected;
}

test.describe.configure({ mode: 'serial' });

let manager: APIRequestContext;
let donor: APIRequestContext;
let urls: URL[] = [];

test.beforeAll(async () => {
	test.setTimeout(120_000);
	manager = await contextFor('manager');
	donor = await contextFor('donor');
	const surveys = await (await manager.get('/o/demo/surveys')).text();
	demoSurvey =
		/\/o\/demo\/surveys\/([0-9a-f-]{36})"[^>]*>(?:<!--[^>]*-->)*\s*Programme feedback \(demo\)/.exec(
			surveys
		)?.[1] ?? '';
	const programmes = await (await manager.get('/o/demo/programmes')).text();
	demoProgramme =
		/\/o\/demo\/programmes\/([0-9a-f-]{36})"[^>]*>(?:<!--[^>]*-->)*\s*Safe Futures 2025–2026/.exec(
			programmes
		)?.[1] ?? '';
	expect(demoSurvey, 'the demo survey is listed').not.toBe('');
	expect(demoProgramme, 'the demo programme is listed').not.toBe('');
	const p = `/o/demo/programmes/${demoProgramme}`;
	const s = `/o/demo/surveys/${demoSurvey}`;
	urls = await crawl(manager, [
		'/o/demo',
		p,
		`${p}/logframe`,
		`${p}/evaluations`,
		`${p}/reports`,
		`${p}/export?format=csv`,
		'/o/demo/programmes',
		'/o/demo/surveys',
		s,
		`${s}/responses`,
		`${s}/distribute`,
		`${s}/summary`,
		`${s}/responses/export?format=csv&lang=en`
	]);
});

test.afterAll(async () => {
	await manager?.dispose();
	await donor?.dispose();
});

test('the walk reaches the team’s pages (so the checks below have something to refuse)', () => {
	const paths = urls.map((u) => u.pathname);
	const p = `/o/demo/programmes/${demoProgramme}`;
	for (const expected of [
		'/o/demo',
		p,
		`${p}/logframe`,
		`/o/demo/surveys/${demoSurvey}/responses`,
		`/o/demo/surveys/${demoSurvey}/distribute`
	])
		expect(paths, expected).toContain(expected);
	expect(urls.length).toBeGreaterThan(15);
	expect(urls.length).toBeLessThanOrEqual(MAX_URLS);
	console.log(
		`donor walk: ${urls.length} URLs, ${urls.filter(donorMayOpen).length} of them the donor's\n${urls.map((u) => (donorMayOpen(u) ? '* ' : '  ') + u.pathname.replace(/[0-9a-f-]{36}/g, ':id') + u.search).join('\n')}`
	);
});

test('the donor gets 403 or 404 for every page that is not theirs', async () => {
	const refused: string[] = [];
	for (const url of urls.filter((u) => !donorMayOpen(u))) {
		const status = (await donor.get(url.pathname + url.search, { maxRedirects: 0 })).status();
		if (status !== 403 && status !== 404) refused.push(`${status} ${url.pathname}${url.search}`);
	}
	expect(refused, 'pages the donor could open').toEqual([]);
});

test('the donor’s own pages carry no open-text answer and no link to a response', async () => {
	const own = urls.filter(donorMayOpen);
	expect(own.map((u) => u.pathname)).toContain('/o/demo');
	const problems: string[] = [];
	for (const url of own) {
		const response = await donor.get(url.pathname + url.search, { maxRedirects: 0 });
		if (response.status() >= 400) {
			problems.push(`${response.status()} ${url.pathname}${url.search}`);
			continue;
		}
		const type = response.headers()['content-type'] ?? '';
		if (!/text|csv|json/.test(type)) continue;
		const text = decode(await response.text());
		for (const answer of VERBATIM)
			if (text.includes(answer)) problems.push(`${url.pathname}: "${answer}"`);
		if (/\/responses\/[0-9a-f-]{36}|\/responses(["?/])/.test(text))
			problems.push(`${url.pathname}: a link to responses`);
	}
	expect(problems).toEqual([]);
});

test('the portal shows the donor’s programme and nothing else of the organisation', async () => {
	const html = await (await donor.get('/o/demo')).text();
	expect(html).toContain(`/o/demo/programmes/${demoProgramme}"`);
	for (const elsewhere of ['members', 'surveys', 'audit', 'settings', 'sms'])
		expect(html, elsewhere).not.toContain(`href="/o/demo/${elsewhere}`);
	// Every report link on the portal opens for the donor, and is a published revision.
	for (const match of html.matchAll(
		new RegExp(`href="(/o/demo/programmes/${UUID}/reports/${UUID})"`, 'g')
	))
		expect((await donor.get(match[1]!)).status(), match[1]).toBe(200);
	// The team still sees its own overview, not the portal.
	const team = await (await manager.get('/o/demo')).text();
	expect(team).not.toContain(`href="/o/demo/programmes/${demoProgramme}/reports/`);
});

test('a programme the donor is not attached to answers 404 for its results, reports and files', async () => {
	const created = await manager.post('/o/demo/programmes?/create', {
		form: {
			name: `Not shared ${Date.now()}`,
			startsOn: '2026-01-01',
			endsOn: '2026-12-31',
			periodKind: 'quarterly',
			goal: 'Kept to the team'
		},
		headers: { origin: BASE_URL },
		maxRedirects: 0
	});
	expect([200, 303]).toContain(created.status());
	const location = created.headers()['location'] ?? JSON.parse(await created.text()).location ?? '';
	const id = new RegExp(`/programmes/(${UUID})`).exec(location)?.[1];
	expect(id, `the new programme's address (${location})`).toBeTruthy();
	const other = `/o/demo/programmes/${id}`;
	// A revision id of the demo programme, if one is published: asked for through the other one.
	const revision =
		urls.map((u) => new RegExp(`/reports/(${UUID})`).exec(u.pathname)?.[1]).find(Boolean) ??
		'00000000-0000-4000-8000-000000000000';
	for (const path of [
		other,
		`${other}/export?format=csv`,
		`${other}/export?format=xlsx`,
		`${other}/reports`,
		`${other}/reports/${revision}`,
		`${other}/reports/${revision}/pdf`,
		`${other}/reports/${revision}/annex`,
		`${other}/logframe`,
		`${other}/evaluations`
	])
		expect((await donor.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
	// The manager, who may, opens it: the 404s above are about the donor, not a wrong address.
	expect((await manager.get(other)).status()).toBe(200);
});
