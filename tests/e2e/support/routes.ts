import type { UserKey } from './users';

/**
 * Every page of the app and who may open it. tests/routes.test.ts fails when a route exists in
 * src/routes without a row here, so a new page cannot skip the access walk.
 */
/** guest: only for signed-out people (signed-in ones are sent on). */
export type Access = 'guest' | 'signedIn' | 'member' | 'owner' | 'surveys';

export const PAGE_ROUTES: { route: string; path: string; access: Access }[] = [
	{ route: '/', path: '/', access: 'signedIn' },
	{ route: '/login', path: '/login', access: 'guest' },
	{ route: '/account', path: '/account', access: 'signedIn' },
	{ route: '/orgs', path: '/orgs', access: 'signedIn' },
	{ route: '/o/[org=slug]', path: '/o/demo', access: 'member' },
	{ route: '/o/[org=slug]/members', path: '/o/demo/members', access: 'owner' },
	{ route: '/o/[org=slug]/audit', path: '/o/demo/audit', access: 'owner' },
	{ route: '/o/[org=slug]/settings', path: '/o/demo/settings', access: 'owner' },
	{ route: '/o/[org=slug]/surveys', path: '/o/demo/surveys', access: 'surveys' },
	{
		route: '/o/[org=slug]/surveys/[survey=uuid]',
		path: '/o/demo/surveys/:demoSurvey',
		access: 'surveys'
	},
	{
		route: '/o/[org=slug]/surveys/[survey=uuid]/versions',
		path: '/o/demo/surveys/:demoSurvey/versions',
		access: 'surveys'
	},
	{
		route: '/o/[org=slug]/surveys/[survey=uuid]/xlsform',
		path: '/o/demo/surveys/:demoSurvey/xlsform?version=1',
		access: 'surveys'
	}
];

/** Routes that are not pages a role walks: form endpoints, public tokens and probes. */
export const OTHER_ROUTES: { route: string; why: string }[] = [
	{ route: '/logout', why: 'POST only; GET redirects home' },
	{ route: '/language', why: 'POST only, open to everyone (sets a cookie)' },
	{ route: '/invite/[token=token]', why: 'opened by token; covered by members.spec.ts' },
	{ route: '/healthz', why: 'public probe; covered by headers.spec.ts' },
	{
		route: '/o/[org=slug]/surveys/[survey=uuid]/draft',
		why: 'JSON PUT (autosave); walked in access.spec.ts'
	}
];

/** Organisation actions that change data, with the only role allowed to post them. */
export const ORG_ACTIONS: { path: string; form: Record<string, string>; allowed: UserKey[] }[] = [
	{ path: '/o/demo/members?/invite', form: { role: 'analyst', email: '' }, allowed: ['owner'] },
	{
		path: '/o/demo/members?/role',
		form: { userId: '00000000-0000-4000-8000-000000000000', role: 'owner' },
		allowed: ['owner']
	},
	{
		path: '/o/demo/members?/remove',
		form: { userId: '00000000-0000-4000-8000-000000000000' },
		allowed: ['owner']
	},
	{
		path: '/o/demo/members?/revoke',
		form: { id: '00000000-0000-4000-8000-000000000000' },
		allowed: ['owner']
	},
	{
		path: '/o/demo/settings',
		form: { name: 'Safe Futures Programme (demo)', minCellSize: '5' },
		allowed: ['owner']
	}
];

/** Form actions of the survey pages; `:demoSurvey` is replaced by the demo survey's id. */
export const SURVEY_ACTIONS: { path: string; form: Record<string, string>; allowed: UserKey[] }[] =
	[
		{
			path: '/o/demo/surveys?/create',
			form: { name: 'Access walk', languages: 'en' },
			allowed: ['owner', 'manager']
		},
		{ path: '/o/demo/surveys/:demoSurvey?/publish', form: {}, allowed: ['owner', 'manager'] },
		{
			path: '/o/demo/surveys/:demoSurvey/versions?/archive',
			form: { number: '999' },
			allowed: ['owner', 'manager']
		}
	];
