import type { UserKey } from './users';

/**
 * Every page of the app and who may open it. tests/routes.test.ts fails when a route exists in
 * src/routes without a row here, so a new page cannot skip the access walk.
 */
/**
 * guest: only for signed-out people (signed-in ones are sent on). surveys: staff who work on
 * surveys (not donors). responses: staff who may read raw responses (not donors) — the same
 * people today, kept apart so that narrowing either shows up in the walk.
 */
export type Access =
	| 'guest'
	| 'signedIn'
	| 'member'
	| 'owner'
	| 'surveys'
	| 'responses'
	/** Owners and managers: those who try and send surveys (the SMS simulator), edit programmes. */
	| 'editors'
	/** Owners, managers and analysts: the logframe as the team works on it (not donors). */
	| 'team'
	/**
	 * A programme's results: the team, and donors attached to it (the e2e donor is attached to
	 * the demo programme; donors who are not get 404, as in programmes.spec.ts).
	 */
	| 'programme';

export const PAGE_ROUTES: { route: string; path: string; access: Access }[] = [
	{ route: '/', path: '/', access: 'signedIn' },
	{ route: '/login', path: '/login', access: 'guest' },
	{ route: '/account', path: '/account', access: 'signedIn' },
	{ route: '/orgs', path: '/orgs', access: 'signedIn' },
	{ route: '/o/[org=slug]', path: '/o/demo', access: 'member' },
	{ route: '/o/[org=slug]/members', path: '/o/demo/members', access: 'owner' },
	{ route: '/o/[org=slug]/audit', path: '/o/demo/audit', access: 'owner' },
	{ route: '/o/[org=slug]/settings', path: '/o/demo/settings', access: 'owner' },
	{ route: '/o/[org=slug]/sms', path: '/o/demo/sms', access: 'owner' },
	{ route: '/o/[org=slug]/sms/invite', path: '/o/demo/sms/invite', access: 'editors' },
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
	},
	{
		route: '/o/[org=slug]/surveys/[survey=uuid]/distribute',
		path: '/o/demo/surveys/:demoSurvey/distribute',
		access: 'surveys'
	},
	{
		route: '/o/[org=slug]/surveys/[survey=uuid]/summary',
		path: '/o/demo/surveys/:demoSurvey/summary',
		access: 'editors'
	},
	{
		route: '/o/[org=slug]/surveys/[survey=uuid]/responses',
		path: '/o/demo/surveys/:demoSurvey/responses',
		access: 'responses'
	},
	{
		route: '/o/[org=slug]/surveys/[survey=uuid]/simulator',
		path: '/o/demo/surveys/:demoSurvey/simulator',
		access: 'editors'
	},
	{
		route: '/o/[org=slug]/surveys/[survey=uuid]/responses/export',
		path: '/o/demo/surveys/:demoSurvey/responses/export?format=csv&lang=en',
		access: 'responses'
	},
	{ route: '/o/[org=slug]/programmes', path: '/o/demo/programmes', access: 'member' },
	{
		route: '/o/[org=slug]/programmes/[programme=uuid]',
		path: '/o/demo/programmes/:demoProgramme',
		access: 'programme'
	},
	{
		route: '/o/[org=slug]/programmes/[programme=uuid]/export',
		path: '/o/demo/programmes/:demoProgramme/export?format=csv',
		access: 'programme'
	},
	{
		route: '/o/[org=slug]/programmes/[programme=uuid]/logframe',
		path: '/o/demo/programmes/:demoProgramme/logframe',
		access: 'team'
	},
	{
		route: '/o/[org=slug]/programmes/[programme=uuid]/logframe/xlsx',
		path: '/o/demo/programmes/:demoProgramme/logframe/xlsx',
		access: 'team'
	},
	{
		route: '/o/[org=slug]/programmes/[programme=uuid]/library',
		path: '/o/demo/programmes/:demoProgramme/library',
		access: 'editors'
	},
	{
		route: '/o/[org=slug]/programmes/[programme=uuid]/evaluations',
		path: '/o/demo/programmes/:demoProgramme/evaluations',
		access: 'team'
	},
	{
		route: '/o/[org=slug]/programmes/[programme=uuid]/evaluations/[evaluation=uuid]',
		path: '/o/demo/programmes/:demoProgramme/evaluations/:demoEvaluation',
		access: 'team'
	},
	{
		route: '/o/[org=slug]/programmes/[programme=uuid]/evaluations/[evaluation=uuid]/findings',
		path: '/o/demo/programmes/:demoProgramme/evaluations/:demoEvaluation/findings',
		access: 'team'
	},
	{
		route:
			'/o/[org=slug]/programmes/[programme=uuid]/evaluations/[evaluation=uuid]/recommendations',
		path: '/o/demo/programmes/:demoProgramme/evaluations/:demoEvaluation/recommendations',
		access: 'team'
	},
	{
		route: '/o/[org=slug]/programmes/[programme=uuid]/evaluations/[evaluation=uuid]/coding',
		path: '/o/demo/programmes/:demoProgramme/evaluations/:demoEvaluation/coding',
		access: 'team'
	},
	{
		route: '/o/[org=slug]/programmes/[programme=uuid]/settings',
		path: '/o/demo/programmes/:demoProgramme/settings',
		access: 'editors'
	},
	{
		route: '/o/[org=slug]/programmes/[programme=uuid]/reports',
		path: '/o/demo/programmes/:demoProgramme/reports',
		access: 'programme'
	},
	// :demoEvaluation and :demoRevision are the demo midline evaluation and its published revision.
	{
		route: '/o/[org=slug]/programmes/[programme=uuid]/evaluations/[evaluation=uuid]/report',
		path: '/o/demo/programmes/:demoProgramme/evaluations/:demoEvaluation/report',
		access: 'team'
	},
	{
		route: '/o/[org=slug]/programmes/[programme=uuid]/reports/[revision=uuid]',
		path: '/o/demo/programmes/:demoProgramme/reports/:demoRevision',
		access: 'programme'
	}
];

/** Routes that are not pages a role walks: form endpoints, public tokens and probes. */
export const OTHER_ROUTES: { route: string; why: string }[] = [
	{
		route: '/api/sms/twilio/[channel=channel]',
		why: 'Twilio webhook, signed; src/lib/server/sms/inbound.db.test.ts'
	},
	{ route: '/s/[slug=linkslug]', why: 'public respondent page; respond*.spec.ts' },
	{ route: '/s/[...rest]', why: 'neutral page for mistyped survey addresses; respond.spec.ts' },
	{ route: '/i/[code=code]', why: 'public, opened by a single-use code; respond.spec.ts' },
	{ route: '/i', why: 'public code entry; respond.spec.ts' },
	{ route: '/i/[...rest]', why: 'neutral page for mistyped codes; respond.spec.ts' },
	{ route: '/logout', why: 'POST only; GET redirects home' },
	{ route: '/language', why: 'POST only, open to everyone (sets a cookie)' },
	{ route: '/invite/[token=token]', why: 'opened by token; covered by members.spec.ts' },
	{ route: '/healthz', why: 'public probe; covered by headers.spec.ts' },
	{
		route: '/o/[org=slug]/programmes/[programme=uuid]/reports/[revision=uuid]/pdf',
		why: 'download of a published revision (needs its id); headers in src/lib/server/reports/download.test.ts'
	},
	{
		route: '/o/[org=slug]/programmes/[programme=uuid]/reports/[revision=uuid]/annex',
		why: 'download of a published revision (needs its id); headers in src/lib/server/reports/download.test.ts'
	},
	{
		route: '/o/[org=slug]/surveys/[survey=uuid]/draft',
		why: 'JSON PUT (autosave); walked in access.spec.ts'
	},
	{
		route: '/o/[org=slug]/surveys/[survey=uuid]/links/[link=uuid]/qr',
		why: 'needs a link id; walked by role in distribution.spec.ts'
	},
	{
		route: '/o/[org=slug]/surveys/[survey=uuid]/responses/[response=uuid]',
		why: 'needs a response id (e2e has none); 404/403 in responses.spec.ts, page in DB tests'
	},
	{
		route: '/o/[org=slug]/programmes/[programme=uuid]/indicators/[indicator=uuid]',
		why: 'needs an indicator id; walked by role in logframe.spec.ts'
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
		form: {
			name: 'Safe Futures Programme (demo)',
			minCellSize: '5',
			exitUrl: 'https://www.wikipedia.org/'
		},
		allowed: ['owner']
	},
	// The SMS channel forms, posted with data that is refused (400) once past the guard.
	{ path: '/o/demo/sms?/create', form: { senderNumber: 'not-a-number' }, allowed: ['owner'] },
	{ path: '/o/demo/sms?/update', form: { channel: '../nope' }, allowed: ['owner'] },
	{ path: '/o/demo/sms?/delete', form: { channel: '../nope' }, allowed: ['owner'] },
	// Refused (400) past the guard: no safety confirmation, so nothing is queued.
	{
		path: '/o/demo/sms/invite?/queue',
		form: { channel: 'demo', numbers: '+447700900001', language: 'en' },
		allowed: ['owner', 'manager']
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
		},
		// The distribution forms, posted with data that is refused (400) once past the guard,
		// so the walk changes nothing the demo's other tests rely on.
		// Refused (400) past the guard: no confirmation, so nothing is queued.
		{ path: '/o/demo/surveys/:demoSurvey/summary?/send', form: {}, allowed: ['owner', 'manager'] },
		{
			path: '/o/demo/surveys/:demoSurvey/distribute?/createLink',
			form: { endsOn: 'not-a-day' },
			allowed: ['owner', 'manager']
		},
		{
			path: '/o/demo/surveys/:demoSurvey/distribute?/linkStatus',
			form: { link: '00000000-0000-4000-8000-000000000000', status: 'paused' },
			allowed: ['owner', 'manager']
		},
		{
			path: '/o/demo/surveys/:demoSurvey/distribute?/linkEnds',
			form: { link: '00000000-0000-4000-8000-000000000000', endsOn: '' },
			allowed: ['owner', 'manager']
		},
		{
			path: '/o/demo/surveys/:demoSurvey/distribute?/createCodes',
			form: { count: '0' },
			allowed: ['owner', 'manager']
		},
		{
			path: '/o/demo/surveys/:demoSurvey/distribute?/revokeCode',
			form: { code: 'AAAAA-AAAAA' },
			allowed: ['owner', 'manager']
		},
		{
			path: '/o/demo/surveys/:demoSurvey/distribute?/revokeUnused',
			form: {},
			allowed: ['owner', 'manager']
		},
		{
			path: '/o/demo/surveys/:demoSurvey/distribute?/helpContacts',
			form: { 'help-xx': 'not a language of the survey' },
			allowed: ['owner', 'manager']
		},
		// The simulator stores nothing; an empty reply is refused once past the guard.
		{
			path: '/o/demo/surveys/:demoSurvey/simulator?/send',
			form: { body: '' },
			allowed: ['owner', 'manager']
		},
		{
			path: '/o/demo/surveys/:demoSurvey/simulator?/restart',
			form: {},
			allowed: ['owner', 'manager']
		}
	];

/**
 * Form actions of the programme pages; `:demoProgramme` is replaced by the demo programme's id.
 * Each is posted with data that is refused (400) once past the guard, so the walk changes
 * nothing the other tests rely on.
 */
export const PROGRAMME_ACTIONS: {
	path: string;
	form: Record<string, string>;
	allowed: UserKey[];
}[] = [
	{ path: '/o/demo/programmes?/create', form: { name: '' }, allowed: ['owner', 'manager'] },
	// The logframe editor: an all-zero node id, empty fields, no file and no confirmation.
	{
		path: '/o/demo/programmes/:demoProgramme/logframe?/addNode',
		form: { parent: '00000000-0000-0000-0000-000000000000', narrative: '' },
		allowed: ['owner', 'manager']
	},
	{
		path: '/o/demo/programmes/:demoProgramme/logframe?/updateNode',
		form: { node: '00000000-0000-0000-0000-000000000000', narrative: '' },
		allowed: ['owner', 'manager']
	},
	{
		path: '/o/demo/programmes/:demoProgramme/logframe?/moveNode',
		form: { node: '00000000-0000-0000-0000-000000000000', direction: 'sideways' },
		allowed: ['owner', 'manager']
	},
	{
		path: '/o/demo/programmes/:demoProgramme/logframe?/deleteNode',
		form: { node: '00000000-0000-0000-0000-000000000000' },
		allowed: ['owner', 'manager']
	},
	{
		path: '/o/demo/programmes/:demoProgramme/logframe?/addIndicator',
		form: { node: '00000000-0000-0000-0000-000000000000', code: '' },
		allowed: ['owner', 'manager']
	},
	{
		path: '/o/demo/programmes/:demoProgramme/logframe?/import',
		form: {},
		allowed: ['owner', 'manager']
	},
	{
		path: '/o/demo/programmes/:demoProgramme/library?/add',
		form: { entry: '', node: '00000000-0000-0000-0000-000000000000' },
		allowed: ['owner', 'manager']
	},
	// Programme settings: an empty name, a donor id that is no id, a delete without the name.
	{
		path: '/o/demo/programmes/:demoProgramme/settings?/details',
		form: { name: '' },
		allowed: ['owner', 'manager']
	},
	{
		path: '/o/demo/programmes/:demoProgramme/settings?/donors',
		form: { donors: 'not-a-user' },
		allowed: ['owner', 'manager']
	},
	{
		path: '/o/demo/programmes/:demoProgramme/settings?/delete',
		form: { confirmName: '' },
		allowed: ['owner', 'manager']
	}
];
