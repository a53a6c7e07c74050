import type { Db } from '../db';
import { listProgrammes, type ProgrammeViewer } from '../programmes/service';
import { listPublished, type PublishedReport } from '../reports/published';

/**
 * The donor portal: the programmes a donor is attached to, each with its published report
 * revisions (newest first) and nothing else of the organisation. Only `listProgrammes` with
 * the viewer (which keeps a donor to their own programmes) and `listPublished` (frozen,
 * suppressed revisions only) are read, so no draft, member, survey or audit row can reach it.
 */
export interface PortalProgramme {
	id: string;
	name: string;
	startsOn: string;
	endsOn: string;
	countries: string[];
	reports: PublishedReport[];
}

/** The portal's programmes for one viewer, in name order. */
export async function loadPortal(
	db: Db,
	orgId: string,
	viewer: ProgrammeViewer
): Promise<PortalProgramme[]> {
	const list = await listProgrammes(db, orgId, viewer);
	return Promise.all(
		list.map(async (p) => ({
			id: p.id,
			name: p.name,
			startsOn: p.startsOn,
			endsOn: p.endsOn,
			countries: p.countries,
			reports: await listPublished(db, orgId, p.id)
		}))
	);
}
