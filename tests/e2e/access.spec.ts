import {
	expect,
	request as playwrightRequest,
	test,
	type APIRequestContext
} from '@playwright/test';
import { signInRequest } from './support/auth';
import { ORG_ACTIONS, PAGE_ROUTES, type Access } from './support/routes';
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
	return who === 'owner' ? 200 : 403;
}

async function contextFor(who: Who): Promise<APIRequestContext> {
	const context = await playwrightRequest.newContext({ baseURL: BASE_URL });
	if (who !== 'anonymous') await signInRequest(context, who);
	return context;
}

for (const who of PEOPLE) {
	test.describe(`as ${who}`, () => {
		let context: APIRequestContext;
		test.beforeAll(async () => {
			context = await contextFor(who);
		});
		test.afterAll(() => context.dispose());

		test('every page answers with the right status', async () => {
			for (const { path, access } of PAGE_ROUTES) {
				const response = await context.get(path, { maxRedirects: 0 });
				const want = path === '/' ? 303 : expected(access, who);
				expect(response.status(), `${who} GET ${path}`).toBe(want);
				if (want === 303 && who === 'anonymous')
					expect(response.headers()['location']).toMatch(/^\/login/);
			}
		});

		test('organisation actions are refused to everyone but their role', async () => {
			for (const action of ORG_ACTIONS) {
				const response = await context.post(action.path, {
					form: action.form,
					// As a browser's plain form post: HTML, not SvelteKit's JSON action protocol.
					headers: { origin: BASE_URL, accept: 'text/html' },
					maxRedirects: 0
				});
				const status = response.status();
				if (who === 'anonymous') expect(status, `${who} POST ${action.path}`).toBe(303);
				else if (who === 'outsider') expect(status, `${who} POST ${action.path}`).toBe(404);
				else if (action.allowed.includes(who)) expect([200, 400]).toContain(status);
				else expect(status, `${who} POST ${action.path}`).toBe(403);
			}
		});
	});
}

test('members of demo get 404 on every page of another organisation', async () => {
	const context = await contextFor('owner');
	for (const { path, access } of PAGE_ROUTES.filter((r) => r.path.startsWith('/o/demo'))) {
		const other = path.replace('/o/demo', '/o/elsewhere');
		const response = await context.get(other, { maxRedirects: 0 });
		expect(response.status(), `${access} ${other}`).toBe(404);
		const body = await response.text();
		expect(body).not.toContain('outsider@e2e.test');
		expect(body).not.toContain('class="org-name');
	}
	await context.dispose();
});
