import {
	expect,
	request as playwrightRequest,
	test,
	type APIRequestContext
} from '@playwright/test';
import { signInRequest } from './support/auth';
import {
	ORG_ACTIONS,
	PAGE_ROUTES,
	PROGRAMME_ACTIONS,
	SURVEY_ACTIONS,
	type Access
} from './support/routes';
import { BASE_URL, type UserKey } from './support/users';

type Who = UserKey | 'anonymous';
const PEOPLE: Who[] = ['anonymous', 'owner', 'manager', 'analyst', 'donor', 'outsider'];

/** What each kind of person should get from a GET of a page with this access level. */
function expected(access: Access, who: Who): number {
	if (access === 'guest') return who === 'anonymous' ? 200 : 303;
	if (who === 'anonymous') return 303;
	if (access === 'signedIn') return 200;
	if (who === 'outsider') return 404;
	if (access === 'member') return 200;
	if (access === 'surveys' || access === 'responses') return who === 'donor' ? 403 : 200;
	if (access === 'editors') return who === 'owner' || who === 'manager' ? 200 : 403;
	if (access === 'team') return who === 'donor' ? 403 : 200;
	if (access === 'programme') return 200;
	return who === 'owner' ? 200 : 403;
}

async function contextFor(who: Who): Promise<APIRequestContext> {
	const context = await playwrightRequest.newContext({ baseURL: BASE_URL });
	if (who !== 'anonymous') await signInRequest(context, who);
	return context;
}

let demoSurvey = '';
let demoProgramme = '';
let demoEvaluation = '';
let demoRevision = '';
test.beforeAll(async () => {
	const owner = await contextFor('owner');
	const html = await (await owner.get('/o/demo/surveys')).text();
	demoSurvey =
		/\/o\/demo\/surveys\/([0-9a-f-]{36})"[^>]*>(?:<!--[^>]*-->)*\s*Programme feedback \(demo\)/.exec(
			html
		)?.[1] ?? '';
	expect(demoSurvey, 'the demo survey is listed').not.toBe('');
	const programmes = await (await owner.get('/o/demo/programmes')).text();
	demoProgramme =
		/\/o\/demo\/programmes\/([0-9a-f-]{36})"[^>]*>(?:<!--[^>]*-->)*\s*Safe Futures 2025–2026/.exec(
			programmes
		)?.[1] ?? '';
	expect(demoProgramme, 'the demo programme is listed').not.toBe('');
	const base = `/o/demo/programmes/${demoProgramme}`;
	const evaluations = await (await owner.get(`${base}/evaluations`)).text();
	demoEvaluation =
		/\/evaluations\/([0-9a-f-]{36})"[^>]*>(?:<!--[^>]*-->)*\s*Midline evaluation 2025–2026/.exec(
			evaluations
		)?.[1] ?? '';
	expect(demoEvaluation, 'the demo evaluation is listed').not.toBe('');
	const reports = await (await owner.get(`${base}/reports`)).text();
	demoRevision = new RegExp(`${base}/reports/([0-9a-f-]{36})"`).exec(reports)?.[1] ?? '';
	expect(demoRevision, 'the demo report is published').not.toBe('');
	await owner.dispose();
});
const withSurvey = (path: string) =>
	path
		.replace(':demoSurvey', demoSurvey)
		.replace(':demoProgramme', demoProgramme)
		.replace(':demoEvaluation', demoEvaluation)
		.replace(':demoRevision', demoRevision);

for (const who of PEOPLE) {
	test.describe(`as ${who}`, () => {
		let context: APIRequestContext;
		test.beforeAll(async () => {
			context = await contextFor(who);
		});
		test.afterAll(() => context.dispose());

		test('every page answers with the right status', async () => {
			for (const { path, access } of PAGE_ROUTES) {
				const response = await context.get(withSurvey(path), { maxRedirects: 0 });
				const want = path === '/' ? 303 : expected(access, who);
				expect(response.status(), `${who} GET ${path}`).toBe(want);
				if (want === 303 && who === 'anonymous')
					expect(response.headers()['location']).toMatch(/^\/login/);
			}
		});

		test('actions are refused to everyone but their roles', async () => {
			for (const action of [...ORG_ACTIONS, ...SURVEY_ACTIONS, ...PROGRAMME_ACTIONS]) {
				const path = withSurvey(action.path);
				const response = await context.post(path, {
					form: action.form,
					// As a browser's plain form post: HTML, not SvelteKit's JSON action protocol.
					headers: { origin: BASE_URL, accept: 'text/html' },
					maxRedirects: 0
				});
				const status = response.status();
				if (who === 'anonymous') expect(status, `${who} POST ${path}`).toBe(303);
				else if (who === 'outsider') expect(status, `${who} POST ${path}`).toBe(404);
				else if (action.allowed.includes(who))
					expect([200, 303, 400], `${who} POST ${path}`).toContain(status);
				else expect(status, `${who} POST ${path}`).toBe(403);
			}
		});

		test('the draft autosave endpoint checks role and organisation', async () => {
			const response = await context.put(withSurvey('/o/demo/surveys/:demoSurvey/draft'), {
				data: { revision: 1, instrument: { not: 'an instrument' } },
				maxRedirects: 0
			});
			const want = {
				anonymous: 303,
				outsider: 404,
				analyst: 403,
				donor: 403,
				owner: 400,
				manager: 400
			}[who as string];
			expect(response.status(), `${who} PUT draft`).toBe(want);
		});
	});
}

test('members of demo get 404 on every page of another organisation', async () => {
	const context = await contextFor('owner');
	for (const { path, access } of PAGE_ROUTES.filter((r) => r.path.startsWith('/o/demo'))) {
		const other = withSurvey(path).replace('/o/demo', '/o/elsewhere');
		const response = await context.get(other, { maxRedirects: 0 });
		expect(response.status(), `${access} ${other}`).toBe(404);
		const body = await response.text();
		expect(body).not.toContain('outsider@e2e.test');
		expect(body).not.toContain('class="org-name');
	}
	await context.dispose();
});
