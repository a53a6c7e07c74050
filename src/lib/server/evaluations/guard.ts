import { error, type RequestEvent } from '@sveltejs/kit';
import { requireOrg } from '../auth/guards';
import type { Permission } from '../orgs/permissions';
import { findProgramme } from '../programmes/service';
import { findEvaluation } from './service';

type ProgrammeEvent = Pick<RequestEvent, 'locals' | 'url' | 'params'> & {
	params: { org: string; programme: string };
};
type EvaluationEvent = ProgrammeEvent & { params: { evaluation: string } };

/**
 * The guard of every door of the evaluation pages: the permission (404 for a non-member, 403
 * for a role without it), then the programme of this organisation as the viewer may see it,
 * 404 otherwise. Every load and action calls it; a layout's check is not a guard.
 */
export async function openProgramme(event: ProgrammeEvent, permission: Permission) {
	const context = await requireOrg(event, permission);
	const { db, t } = event.locals;
	const programme = await findProgramme(db, context.org.id, event.params.programme, {
		userId: context.user.id,
		role: context.role
	});
	if (!programme) error(404, { message: t('errors.notFound') });
	return { ...context, programme, db, t };
}

/** openProgramme, then the evaluation of that programme (404 for one of another). */
export async function openEvaluation(event: EvaluationEvent, permission: Permission) {
	const context = await openProgramme(event, permission);
	const evaluation = await findEvaluation(
		context.db,
		context.org.id,
		context.programme.id,
		event.params.evaluation
	);
	if (!evaluation) error(404, { message: context.t('errors.notFound') });
	return { ...context, evaluation };
}
