import { LEVELS, type LevelLabels } from '$lib/programmes/model';
import { record } from '$lib/server/audit/service';
import { programmeScope } from '$lib/server/auth/viewer';
import * as programmes from '$lib/server/programmes/service';
import { logframeToXlsx } from '$lib/server/programmes/xlsx';
import { listSurveys } from '$lib/server/surveys/service';
import type { RequestHandler } from './$types';

/** ASCII letters, digits and hyphens only: safe in any Content-Disposition parser. */
function fileName(programmeName: string): string {
	const stem = programmeName
		.normalize('NFKD')
		.replace(/[^A-Za-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.toLowerCase()
		.slice(0, 60);
	return `logframe${stem ? `-${stem}` : ''}.xlsx`;
}

/** The programme's logframe as .xlsx, with the level labels in the reader's language. */
export const GET = (async (event) => {
	const { viewer, programme } = await programmeScope(event, 'logframe.view');
	const { user, org } = viewer;
	const { db, t } = event.locals;
	const [logframe, surveys] = await Promise.all([
		programmes.loadLogframe(db, org.id, programme.id),
		listSurveys(db, org.id)
	]);
	const levelLabels = Object.fromEntries(
		LEVELS.map((level) => [
			level,
			programme.levelLabels?.[level]?.trim() || t(`logframe.levels.${level}`)
		])
	) as unknown as LevelLabels;
	const bytes = await logframeToXlsx({
		programmeName: programme.name,
		levelLabels,
		logframe,
		surveyNames: Object.fromEntries(surveys.map((s) => [s.id, s.name]))
	});
	await record(db, {
		orgId: org.id,
		action: 'logframe.exported',
		actor: user,
		target: programme.id,
		details: { name: programme.name, nodes: logframe.nodes.length }
	});
	return new Response(new Uint8Array(bytes), {
		headers: {
			'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'Content-Disposition': `attachment; filename="${fileName(programme.name)}"`,
			'Cache-Control': 'no-store'
		}
	});
}) satisfies RequestHandler;
