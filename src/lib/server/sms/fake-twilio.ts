import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for Twilio's Messages API on 127.0.0.1 and a random port, for tests only: it records
 * every request and answers 201 with a sid unless told otherwise for a number. Tests point
 * TWILIO_API_BASE at it, so no request can leave for the real provider.
 */

export interface FakeRequest {
	method: string;
	path: string;
	authorization: string | undefined;
	contentType: string | undefined;
	form: Record<string, string>;
}

export interface FakeTwilio {
	base: string;
	requests: FakeRequest[];
	/** The next answers for messages to `to`, in order (then 201 again). */
	answer(to: string, ...statuses: number[]): void;
	close(): Promise<void>;
}

export async function startFakeTwilio(): Promise<FakeTwilio> {
	const requests: FakeRequest[] = [];
	const scripted = new Map<string, number[]>();
	let sids = 0;
	const server: Server = createServer((req, res) => {
		void readBody(req).then((raw) => {
			const form = Object.fromEntries(new URLSearchParams(raw));
			requests.push({
				method: req.method ?? '',
				path: req.url ?? '',
				authorization: req.headers.authorization,
				contentType: req.headers['content-type'],
				form
			});
			const status = scripted.get(form.To ?? '')?.shift() ?? 201;
			res.writeHead(status, { 'content-type': 'application/json' });
			if (status === 201) {
				const sid = `SM${String(++sids).padStart(32, '0')}`;
				res.end(JSON.stringify({ sid, status: 'queued', to: form.To, body: form.Body }));
			} else {
				// Like Twilio, the message text quotes the number: callers must not keep it.
				res.end(
					JSON.stringify({
						code: status === 400 ? 21211 : 20500,
						message: `The 'To' number ${form.To} is not valid.`,
						status
					})
				);
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		base: `http://127.0.0.1:${port}`,
		requests,
		answer(to, ...statuses) {
			scripted.set(to, [...(scripted.get(to) ?? []), ...statuses]);
		},
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.closeAllConnections();
				server.close((err) => (err ? reject(err) : resolve()));
			})
	};
}

async function readBody(req: IncomingMessage): Promise<string> {
	const parts: Buffer[] = [];
	for await (const part of req) parts.push(part as Buffer);
	return Buffer.concat(parts).toString('utf8');
}

/** Refuses any fetch that is not to loopback: wrap `fetch` with it in tests that send. */
export function loopbackOnly(inner: typeof fetch = fetch): typeof fetch {
	return (input, init) => {
		const url = new URL(input instanceof Request ? input.url : String(input));
		if (url.hostname !== '127.0.0.1')
			return Promise.reject(new Error(`test tried to reach ${url.hostname}`));
		return inner(input, init);
	};
}
