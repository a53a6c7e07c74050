import { programmeScope } from '$lib/server/auth/viewer';
import { can } from '$lib/server/orgs/permissions';
import type { LayoutServerLoad } from './$types';

/** Every programme page: 404 for a programme of another organisation or one a donor is not attached to. */
export const load = (async (event) => {
	const { viewer, programme } = await programmeScope(event, 'programmes.view');
	const { role } = viewer;
	return {
		programme: {
			id: programme.id,
			name: programme.name,
			description: programme.description,
			startsOn: programme.startsOn,
			endsOn: programme.endsOn,
			icatTags: programme.icatTags,
			countries: programme.countries,
			sites: programme.sites,
			levelLabels: programme.levelLabels
		},
		access: {
			edit: can(role, 'programmes.edit'),
			logframe: can(role, 'logframe.view'),
			export: can(role, 'results.export'),
			evaluations: can(role, 'evaluations.view'),
			reports: can(role, 'reports.read'),
			donor: viewer.audience === 'donor'
		}
	};
}) satisfies LayoutServerLoad;
