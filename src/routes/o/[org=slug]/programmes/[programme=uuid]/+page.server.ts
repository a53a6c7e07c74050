import { error } from '@sveltejs/kit';
import { dashboardSections, unboundIndicators } from '$lib/components/dashboard/sections';
import { logframeTree } from '$lib/programmes/checks';
import { periodsOf, periodsSoFar } from '$lib/programmes/periods';
import { dashboardQuerySchema } from '$lib/schemas/dashboard';
import { requireOrg } from '$lib/server/auth/guards';
import { programmeResults } from '$lib/server/indicators/results';
import { findProgramme, loadLogframe } from '$lib/server/programmes/service';
import type { PageServerLoad } from './$types';

/**
 * The programme's results: one programmeResults call (every indicator in SQL, suppressed for
 * donors there) and the logframe's outline to arrange them by. Nothing here is a raw answer.
 */
export const load = (async (event) => {
	const { user, org, role } = await requireOrg(event, 'programmes.view');
	const { db, t, lang } = event.locals;
	const programme = await findProgramme(db, org.id, event.params.programme, {
		userId: user.id,
		role
	});
	if (!programme) error(404, { message: t('errors.notFound') });
	const audience = role === 'donor' ? 'donor' : 'team';
	const today = new Date().toISOString().slice(0, 10);
	const periods = periodsSoFar(periodsOf(programme), today);
	const query = dashboardQuerySchema(periods.map((p) => p.key)).parse(
		Object.fromEntries(event.url.searchParams)
	);
	// Donors get the programme to date only (the results module holds to that as well).
	const scope = audience === 'donor' ? 'all' : query.period;
	const [results, logframe] = await Promise.all([
		programmeResults(db, org.id, programme, {
			audience,
			k: org.minCellSize,
			today,
			lang,
			scope
		}),
		loadLogframe(db, org.id, programme.id)
	]);
	return {
		results,
		scope,
		sections: dashboardSections(logframeTree(logframe)),
		// Whether a survey indicator is bound is the team's business (a donor sees "no value").
		unbound: audience === 'team' ? unboundIndicators(logframe.indicators) : []
	};
}) satisfies PageServerLoad;
