import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { treeView } from '$lib/components/logframe/tree';
import { designChecks, logframeTree } from '$lib/programmes/checks';
import * as schemas from '$lib/schemas/logframe';
import { programmeScope } from '$lib/server/auth/viewer';
import { invalid, parseForm } from '$lib/server/forms';
import { can, type Permission } from '$lib/server/orgs/permissions';
import * as programmes from '$lib/server/programmes/service';
import {
	ARCHIVE_LIMITS,
	logframeFromXlsx,
	MAX_LOGFRAME_XLSX_BYTES
} from '$lib/server/programmes/xlsx';
import type { Actions, PageServerLoad } from './$types';

type Event = RequestEvent<{ org: string; programme: string }>;

/** The guard of every door here: the permission, then the programme (programmeScope). */
async function open(event: Event, permission: Permission) {
	const { viewer, programme } = await programmeScope(event, permission);
	const { db, t } = event.locals;
	return { ...viewer, programme, db, t };
}

export const load = (async (event) => {
	const { org, role, programme, db } = await open(event, 'logframe.view');
	const logframe = await programmes.loadLogframe(db, org.id, programme.id);
	return {
		tree: treeView(logframeTree(logframe)),
		checks: designChecks(logframe),
		canEdit: can(role, 'programmes.edit')
	};
}) satisfies PageServerLoad;

export const actions = {
	addNode: async (event) => {
		const { user, org, programme, db, t } = await open(event, 'programmes.edit');
		const parsed = parseForm(await event.request.formData(), schemas.addNodeSchema, t);
		if (!parsed.ok) return invalid(parsed.errors, { action: 'addNode', values: parsed.values });
		const { parent, ...input } = parsed.data;
		const result = await programmes.addNode(db, user, org.id, programme.id, parent, input);
		if (!result.ok)
			return invalid(
				{ form: t(`logframe.errors.${result.error}`) },
				{ action: 'addNode', values: parsed.values }
			);
		return { action: 'addNode', node: result.id, done: 'added' as const };
	},
	updateNode: async (event) => {
		const { user, org, programme, db, t } = await open(event, 'programmes.edit');
		const parsed = parseForm(await event.request.formData(), schemas.updateNodeSchema, t);
		if (!parsed.ok) return invalid(parsed.errors, { action: 'updateNode', values: parsed.values });
		const { node, ...input } = parsed.data;
		if (!(await programmes.updateNode(db, user, org.id, programme.id, node, input)))
			return invalid(
				{ form: t('logframe.errors.notFound') },
				{ action: 'updateNode', values: parsed.values }
			);
		return { action: 'updateNode', node, done: 'updated' as const };
	},
	moveNode: async (event) => {
		const { user, org, programme, db, t } = await open(event, 'programmes.edit');
		const parsed = parseForm(await event.request.formData(), schemas.moveNodeSchema, t);
		if (!parsed.ok) return invalid(parsed.errors, { action: 'moveNode', values: parsed.values });
		const { node, direction } = parsed.data;
		if (!(await programmes.moveNode(db, user, org.id, programme.id, node, direction)))
			return invalid(
				{ form: t('logframe.errors.cannotMove') },
				{ action: 'moveNode', values: parsed.values }
			);
		return { action: 'moveNode', node, done: direction === 'up' ? 'movedUp' : 'movedDown' };
	},
	deleteNode: async (event) => {
		const { user, org, programme, db, t } = await open(event, 'programmes.edit');
		const parsed = parseForm(await event.request.formData(), schemas.deleteNodeSchema, t);
		if (!parsed.ok) return invalid(parsed.errors, { action: 'deleteNode', values: parsed.values });
		const result = await programmes.deleteNode(db, user, org.id, programme.id, parsed.data.node);
		if (!result.ok)
			return invalid(
				{ form: t(`logframe.errors.${result.error}`) },
				{ action: 'deleteNode', values: parsed.values }
			);
		return { action: 'deleteNode', node: parsed.data.node, done: 'deleted' as const };
	},
	addIndicator: async (event) => {
		const { user, org, programme, db, t } = await open(event, 'programmes.edit');
		const parsed = parseForm(await event.request.formData(), schemas.addIndicatorSchema, t);
		if (!parsed.ok)
			return invalid(parsed.errors, { action: 'addIndicator', values: parsed.values });
		const { node, ...fields } = parsed.data;
		const result = await programmes.addIndicator(db, user, org.id, programme.id, node, {
			...fields,
			baselineValue: null,
			baselineDate: null,
			target: null,
			milestones: {},
			disaggregations: [],
			meansOfVerification: '',
			surveyIds: [],
			rule: null
		});
		if (!result.ok)
			return invalid(
				{ form: t('logframe.errors.notFound') },
				{ action: 'addIndicator', values: parsed.values }
			);
		redirect(303, `/o/${org.slug}/programmes/${programme.id}/indicators/${result.id}`);
	},
	import: async (event) => {
		const { user, org, programme, db, t } = await open(event, 'programmes.edit');
		const form = await event.request.formData();
		const parsed = parseForm(form, schemas.importLogframeSchema, t);
		const file = form.get('file');
		const errors: Record<string, string> = parsed.ok ? {} : parsed.errors;
		if (!(file instanceof File) || file.size === 0) errors.file = t('logframe.import.noFile');
		else if (file.size > MAX_LOGFRAME_XLSX_BYTES) errors.file = t('logframeImport.tooLarge');
		if (Object.keys(errors).length > 0 || !(file instanceof File))
			return invalid(errors, { action: 'import' });
		const result = await logframeFromXlsx(await file.arrayBuffer());
		if (!result.ok)
			// Every problem with its sheet, row and column, so the file can be fixed in one pass.
			return fail(400, {
				action: 'import',
				values: {},
				errors: { file: t('logframe.import.rejected') },
				importErrors: result.errors.map((e) => ({
					sheet: e.sheet,
					row: e.row,
					column: e.column ?? null,
					message: t(e.message, ARCHIVE_LIMITS)
				}))
			});
		await programmes.replaceLogframe(db, user, org.id, programme.id, result.logframe);
		return { action: 'import', done: 'imported' as const };
	}
} satisfies Actions;
