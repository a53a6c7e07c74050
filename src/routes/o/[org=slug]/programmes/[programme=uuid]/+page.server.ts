import { dashboardSections, unboundIndicators } from '$lib/components/dashboard/sections';
import { logframeTree } from '$lib/programmes/checks';
import { periodsOf } from '$lib/programmes/periods';
import { dashboardQuerySchema } from '$lib/schemas/dashboard';
import { programmeScope } from '$lib/server/auth/viewer';
import { programmeResults } from '$lib/server/indicators/results';
import { loadLogframe } from '$lib/server/programmes/service';
import type { PageServerLoad } from './$types';

/**
 * The programme's results: one programmeResults call (the viewer decides what it holds: a
 * donor's is the audited release) and the logframe's outline to arrange them by. Nothing here is
 * a raw answer.
 */
export const load = (async (event) => {
	const { viewer, programme } = await programmeScope(event, 'programmes.view');
	const { db, lang } = event.locals;
	const query = dashboardQuerySchema(periodsOf(programme).map((p) => p.key)).parse(
		Object.fromEntries(event.url.searchParams)
	);
	const [results, logframe] = await Promise.all([
		programmeResults(db, viewer, programme, {
			today: new Date().toISOString().slice(0, 10),
			lang,
			scope: query.period,
			view: query.view
		}),
		loadLogframe(db, viewer.org.id, programme.id)
	]);
	return {
		results,
		scope: results.indicators[0]?.scope ?? 'all',
		sections: dashboardSections(logframeTree(logframe)),
		// Whether a survey indicator is bound is the team's business (a donor sees "no value").
		unbound: viewer.audience === 'team' ? unboundIndicators(logframe.indicators) : []
	};
}) satisfies PageServerLoad;
