import { config } from '$lib/server/config';
import { readBoundedForm } from '$lib/server/respond/http';
import { handleInbound, twiml } from '$lib/server/sms/inbound';
import type { RequestHandler } from './$types';

/**
 * Twilio's inbound webhook, form-encoded, answered with TwiML. The signature is checked against
 * the public URL (ORIGIN + path) and every posted parameter before anything is read or stored:
 * missing → 400, wrong → 403.
 */
export const POST = (async ({ request, params, url, locals }) => {
	const signature = request.headers.get('x-twilio-signature');
	if (!signature) return new Response('Missing signature', { status: 400 });
	const form = await readBoundedForm(request);
	if (!form) return new Response('Unreadable', { status: 400 });
	const result = await handleInbound(locals.db, {
		channelId: params.channel,
		url: `${config().origin}${url.pathname}${url.search}`,
		signature,
		params: form
	});
	if (result.status !== 200) return new Response(null, { status: result.status });
	return new Response(twiml(result.messages), {
		headers: { 'content-type': 'text/xml; charset=utf-8', 'cache-control': 'no-store' }
	});
}) satisfies RequestHandler;
