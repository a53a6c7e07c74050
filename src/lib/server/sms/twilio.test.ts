import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loopbackOnly, startFakeTwilio, type FakeTwilio } from './fake-twilio';
import { twilioApiBase, twilioProvider } from './twilio';

const CHANNEL = {
	accountId: 'AC0123456789abcdef',
	senderNumber: '+15005550006',
	authToken: 's3cr3t'
};
const TO = '+447700900123';

let fake: FakeTwilio;
const saved = process.env.TWILIO_API_BASE;

beforeAll(async () => {
	fake = await startFakeTwilio();
	process.env.TWILIO_API_BASE = `${fake.base}/`;
});
afterAll(async () => {
	await fake.close();
	if (saved === undefined) delete process.env.TWILIO_API_BASE;
	else process.env.TWILIO_API_BASE = saved;
});
afterEach(() => {
	vi.restoreAllMocks();
});

const provider = () => twilioProvider(loopbackOnly());

describe('twilio provider', () => {
	it('posts the form to the Messages API with basic auth and returns the sid', async () => {
		const result = await provider().send(CHANNEL, TO, 'Hello, مرحباً & 1+1=2');
		expect(result).toEqual({ ok: true, id: expect.stringMatching(/^SM\d{32}$/) });
		const request = fake.requests.at(-1)!;
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/2010-04-01/Accounts/AC0123456789abcdef/Messages.json');
		expect(request.contentType).toMatch(/^application\/x-www-form-urlencoded/);
		expect(request.authorization).toBe(
			`Basic ${Buffer.from('AC0123456789abcdef:s3cr3t').toString('base64')}`
		);
		expect(request.form).toEqual({ To: TO, From: '+15005550006', Body: 'Hello, مرحباً & 1+1=2' });
	});

	it('retries after 429 and 5xx, not after other 4xx; keeps neither number nor body', async () => {
		const log = [vi.spyOn(console, 'log'), vi.spyOn(console, 'error'), vi.spyOn(console, 'warn')];
		const cases: [number, boolean][] = [
			[429, true],
			[500, true],
			[503, true],
			[400, false],
			[401, false],
			[404, false]
		];
		for (const [status, retry] of cases) {
			fake.answer(TO, status);
			const result = await provider().send(CHANNEL, TO, 'secret body');
			expect(result, String(status)).toMatchObject({ ok: false, retry });
			if (!result.ok) {
				expect(result.error).toContain(String(status));
				expect(result.error).not.toContain('7700900123');
				expect(result.error).not.toContain('secret body');
			}
		}
		for (const spy of log) expect(spy).not.toHaveBeenCalled();
	});

	it('keeps Twilio’s error code, not its message (which quotes the number)', async () => {
		fake.answer(TO, 400);
		expect(await provider().send(CHANNEL, TO, 'x')).toEqual({
			ok: false,
			retry: false,
			error: 'twilio 400 code 21211'
		});
	});

	it('retries when the provider cannot be reached', async () => {
		const closed = await startFakeTwilio();
		await closed.close();
		process.env.TWILIO_API_BASE = closed.base;
		try {
			const result = await provider().send(CHANNEL, TO, 'x');
			expect(result).toMatchObject({ ok: false, retry: true });
			if (!result.ok) expect(result.error).not.toContain('7700900123');
		} finally {
			process.env.TWILIO_API_BASE = fake.base;
		}
	});

	it('talks to api.twilio.com unless TWILIO_API_BASE says otherwise', () => {
		process.env.TWILIO_API_BASE = '';
		try {
			expect(twilioApiBase()).toBe('https://api.twilio.com');
		} finally {
			process.env.TWILIO_API_BASE = fake.base;
		}
	});

	it('is refused by the test guard for anything but loopback', async () => {
		const guarded = loopbackOnly(() => Promise.reject(new Error('must not be called')));
		await expect(guarded('https://api.twilio.com/2010-04-01')).rejects.toThrow(
			'test tried to reach api.twilio.com'
		);
	});
});
