import type { Viewer } from '../auth/viewer';
import type { Db } from '../db';
import type { Programme } from '../db/schema';
import {
	dimensionLabels,
	shapeResults,
	type ProgrammeResults,
	type ResultsOptions
} from '../indicators/results';
import { programmeRelease, releaseDecide, type Release } from './release';

/**
 * Figures fit for a donor. Only this module makes them: every donor path (the dashboard, the
 * downloads, a report's snapshot, the portal) asks for a `ForDonor<…>`, so handing a donor the
 * team's figures is a compile error, not a review comment. (An `as ForDonor` elsewhere is refused
 * by the lint configuration.)
 */
declare const released: unique symbol;
export type ForDonor<T> = T & { readonly [released]: true };

function fitForDonor<T>(value: T): ForDonor<T> {
	return value as ForDonor<T>;
}

/** Whether results are a donor's (the branded kind). */
export function isForDonor<T extends { audience: string }>(
	results: T | ForDonor<T>
): results is ForDonor<T> {
	return results.audience === 'donor';
}

/** A programme's results as donors see them: the release, nothing hidden carrying a number. */
export async function donorResults(
	db: Db,
	viewer: Pick<Viewer, 'org' | 'k'>,
	programme: Programme,
	options: ResultsOptions,
	release?: Release
): Promise<ForDonor<ProgrammeResults>> {
	const made =
		release ??
		(await programmeRelease(db, viewer.org.id, programme, { today: options.today, k: viewer.k }));
	const indicators = made.figures.logframe.indicators;
	const surveyIds = [...new Set(indicators.flatMap((i) => i.surveyIds))].sort();
	const shaped = shapeResults(made.figures, programme, {
		audience: 'donor',
		k: viewer.k,
		today: options.today,
		scope: options.scope,
		cellKeys: made.cellKeys,
		decide: releaseDecide(made)
	});
	return fitForDonor({
		...shaped,
		labels: await dimensionLabels(
			db,
			viewer.org.id,
			surveyIds,
			new Set(indicators.flatMap((i) => i.disaggregations)),
			options.lang
		),
		k: viewer.k,
		audience: 'donor' as const,
		view: 'release' as const,
		through: made.through
	});
}
