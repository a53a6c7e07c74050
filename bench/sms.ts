/**
 * Inbound SMS under load: signed Twilio webhooks posted to the production server on PostgreSQL
 * (loopback), each connection one phone answering the demo survey message by message, as a
 * person would ("HELLO", then replies), a new phone after each completed conversation.
 * `npm run bench:sms`. Prints figures; never fails on them.
 */
import autocannon, { type Result } from 'autocannon';
import postgres from 'postgres';
import { DEMO_TWILIO_AUTH_TOKEN } from '../src/lib/server/demo/seed';
import { twilioSignature } from '../src/lib/server/sms/twilio-signature';
import { chromeFor } from '../src/lib/survey/chrome';
import { ensureBuild, withServer } from './support/server';

const PORT = 3993;
const DURATION = Number(process.env.DURATION ?? 10);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 32);
const PATH = '/api/sms/twilio/demo';
const THANKS = chromeFor('en').thankYou;

ensureBuild();

await withServer(
	{ name: 'heard_bench_sms', port: PORT, env: { TWILIO_AUTH_TOKEN: DEMO_TWILIO_AUTH_TOKEN } },
	async ({ base, databaseUrl }) => {
		let phones = 0;
		const idle: Phone[] = [];
		let completed = 0;
		let replies = 0;
		const url = `${base}${PATH}`;
		/** One webhook post as Twilio signs it. */
		const signed = (from: string, body: string) => {
			const params: [string, string][] = [
				['AccountSid', 'AC' + '0'.repeat(32)],
				['Body', body],
				['From', from],
				['FromCity', 'Somewhere'],
				['FromCountry', 'ZZ'],
				['MessageSid', `SM${(replies++).toString(16).padStart(32, '0')}`],
				['NumMedia', '0'],
				['To', '+15005550006']
			];
			return {
				body: new URLSearchParams(params).toString(),
				signature: twilioSignature(DEMO_TWILIO_AUTH_TOKEN, url, params)
			};
		};

		// Warm-up, unmeasured.
		await run(3, signed, () => {});
		const before = await responses(databaseUrl);
		const result = await run(DURATION, signed, () => completed++);
		const stored = (await responses(databaseUrl)) - before;
		const rate = Math.round(result.requests.average);
		const bad = result.non2xx + result.errors + result.timeouts;
		console.log(
			`Heard SMS webhook under load: node build on PostgreSQL (loopback), 2 cores, Node ${process.versions.node}`
		);
		console.log(
			`autocannon in the same machine: ${CONNECTIONS} connections (one phone each at a time), ${DURATION} s, pipelining 1; every request signed (X-Twilio-Signature) and checked.\n`
		);
		console.log('| what | per second | p50 | p97.5 | p99 | not 200 | target |');
		console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
		console.log(
			`| inbound messages (keyword, language, safety, consent, questions) | ${rate.toLocaleString('en')} | ${result.latency.p50} ms | ${result.latency.p97_5} ms | ${result.latency.p99} ms | ${bad} | ≥ 500/s, p99 < 100 ms |`
		);
		console.log(
			`\nConversations completed during the measured run: ${completed.toLocaleString('en')} (responses stored, counted in SQL: ${stored.toLocaleString('en')}); phones used: ${phones.toLocaleString('en')}.`
		);

		function run(seconds: number, sign: typeof signed, onCompleted: () => void): Promise<Result> {
			return Promise.resolve(
				autocannon({
					url: base,
					connections: CONNECTIONS,
					duration: seconds,
					pipelining: 1,
					timeout: 10,
					requests: [
						{
							method: 'POST',
							path: PATH,
							// autocannon's context lasts one request only, so phones wait in a pool between
							// their messages: never two messages of one phone at once.
							setupRequest: (request, context) => {
								const phone = idle.shift() ?? {
									number: `+4477009${String(phones++).padStart(5, '0')}`,
									step: 0
								};
								phone.step++;
								context.phone = phone;
								// "1" answers every demo question validly (first choice, or the number 1).
								const { body, signature } = sign(phone.number, phone.step === 1 ? 'HELLO' : '1');
								return {
									...request,
									body,
									headers: {
										'content-type': 'application/x-www-form-urlencoded',
										'x-twilio-signature': signature
									}
								};
							},
							onResponse: (status, body, context) => {
								const phone = context.phone as Phone;
								if (status === 200 && body.includes(THANKS)) onCompleted();
								// Finished, stuck or silent: that phone is done; a new one takes its place.
								else if (phone.step < 80 && !body.endsWith('<Response></Response>'))
									idle.push(phone);
							}
						}
					]
				})
			);
		}
	}
);

interface Phone {
	number: string;
	step: number;
}

async function responses(databaseUrl: string): Promise<number> {
	const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
	const [row] = await sql`select count(*)::int as n from responses where channel = 'sms'`;
	await sql.end();
	return (row as { n: number }).n;
}
