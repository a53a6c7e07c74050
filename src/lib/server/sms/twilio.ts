import type { ProviderChannel, SendResult, SmsProvider } from './provider';

/**
 * Twilio's Messages API over fetch (no SDK): one form-encoded POST per message, HTTP basic auth
 * with the account SID and auth token. TWILIO_API_BASE points it elsewhere (tests run a fake
 * Twilio on loopback), read at every send so a test can set it after import.
 */

const DEFAULT_BASE = 'https://api.twilio.com';
const TIMEOUT_MS = 15_000;

export function twilioApiBase(): string {
	return (process.env.TWILIO_API_BASE || DEFAULT_BASE).replace(/\/+$/u, '');
}

/** The Twilio provider; `fetchImpl` only for tests. */
export function twilioProvider(fetchImpl: typeof fetch = fetch): SmsProvider {
	return {
		async send(channel: ProviderChannel, to: string, body: string): Promise<SendResult> {
			const url = `${twilioApiBase()}/2010-04-01/Accounts/${encodeURIComponent(channel.accountId)}/Messages.json`;
			const auth = Buffer.from(`${channel.accountId}:${channel.authToken}`).toString('base64');
			let response: Response;
			try {
				response = await fetchImpl(url, {
					method: 'POST',
					headers: {
						authorization: `Basic ${auth}`,
						'content-type': 'application/x-www-form-urlencoded',
						accept: 'application/json'
					},
					body: new URLSearchParams({ To: to, From: channel.senderNumber, Body: body }),
					signal: AbortSignal.timeout(TIMEOUT_MS),
					redirect: 'error'
				});
			} catch (cause) {
				// Network trouble or timeout: the message may go through on a later try.
				const name = cause instanceof Error ? cause.name : 'Error';
				return { ok: false, retry: true, error: `twilio: ${name}` };
			}
			const payload = await readJson(response);
			if (response.ok) {
				const sid = typeof payload?.sid === 'string' ? payload.sid : '';
				return sid
					? { ok: true, id: sid }
					: { ok: false, retry: false, error: `twilio ${response.status}: no sid` };
			}
			const retry = response.status === 429 || response.status >= 500;
			// Twilio's error code (e.g. 21211 invalid "To") says why without repeating the number;
			// its message text may quote the number, so it is not kept.
			const code = typeof payload?.code === 'number' ? ` code ${payload.code}` : '';
			return { ok: false, retry, error: `twilio ${response.status}${code}` };
		}
	};
}

async function readJson(response: Response): Promise<Record<string, unknown> | null> {
	try {
		const value: unknown = await response.json();
		return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
	} catch {
		return null;
	}
}
