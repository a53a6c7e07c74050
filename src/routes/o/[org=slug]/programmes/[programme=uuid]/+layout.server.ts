import { error } from '@sveltejs/kit';
import { requireOrg } from '$lib/server/auth/guards';
import { can } from '$lib/server/orgs/permissions';
import { findProgramme } from '$lib/server/programmes/service';
import type { LayoutServerLoad } from './$types';

/** Every programme page: 404 for a programme of another organisation or one a donor is not attached to. */
export const load = (async (event) => {
	const { user, org, role } = await requireOrg(event, 'programmes.view');
	const programme = await findProgramme(event.locals.db, org.id, event.params.programme, {
		userId: user.id,
		role
	});
	if (!programme) error(404, { message: event.locals.t('errors.notFound') });
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
			donor: role === 'donor'
		}
	};
}) satisfies LayoutServerLoad;
