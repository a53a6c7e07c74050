import { z } from 'zod';
import { error } from '@sveltejs/kit';
import { listEvents } from '$lib/server/audit/service';
import { orgViewer } from '$lib/server/auth/viewer';
import type { PageServerLoad } from './$types';

const query = z.object({ before: z.coerce.number().int().positive().optional() });

export const load = (async (event) => {
	const { org } = await orgViewer(event, 'audit.read');
	const parsed = query.safeParse(Object.fromEntries(event.url.searchParams));
	if (!parsed.success) error(400, { message: event.locals.t('validation.invalid') });
	const page = await listEvents(event.locals.db, org.id, parsed.data.before);
	return {
		events: page.events.map((e) => ({
			id: e.id,
			at: e.createdAt.toISOString(),
			actor: e.actorEmail,
			action: e.action,
			target: e.target,
			details: e.details
		})),
		nextBefore: page.nextBefore,
		isFirstPage: !parsed.data.before
	};
}) satisfies PageServerLoad;
