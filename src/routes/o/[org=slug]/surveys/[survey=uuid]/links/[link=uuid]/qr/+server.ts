import { error } from '@sveltejs/kit';
import { orgViewer } from '$lib/server/auth/viewer';
import { config } from '$lib/server/config';
import * as distribution from '$lib/server/respond/distribution';
import { linkUrl } from '$lib/server/respond/distribution-view';
import { qrPng, qrSvgFile } from '$lib/server/respond/qr';
import type { RequestHandler } from './$types';

/**
 * The QR code of an open link, `?format=svg` or `?format=png`, as a download for printing. The
 * file name says nothing of the organisation or the topic: it may travel on a shared computer.
 */
export const GET = (async (event) => {
	const { org } = await orgViewer(event, 'surveys.view');
	const { survey, link: linkId } = event.params;
	const link = await distribution.findLink(event.locals.db, org.id, survey, linkId);
	if (!link) error(404, { message: event.locals.t('errors.notFound') });
	const format = event.url.searchParams.get('format') ?? 'svg';
	if (format !== 'svg' && format !== 'png')
		error(400, { message: event.locals.t('validation.invalid') });
	const url = linkUrl(config().origin, link.slug);
	const body = format === 'png' ? new Uint8Array(await qrPng(url)) : qrSvgFile(url);
	return new Response(body, {
		headers: {
			'Content-Type': format === 'png' ? 'image/png' : 'image/svg+xml; charset=utf-8',
			'Content-Disposition': `attachment; filename="qr-code-${link.slug}.${format}"`,
			'Cache-Control': 'no-store'
		}
	});
}) satisfies RequestHandler;
