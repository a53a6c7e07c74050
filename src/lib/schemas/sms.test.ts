import { describe, expect, it } from 'vitest';
import {
	createChannelSchema,
	RESERVED_KEYWORDS,
	SIMULATOR_LIMITS,
	simulatorSendSchema,
	updateChannelSchema
} from './sms';

const SURVEY = '6f1c2a4e-8b3d-4c5e-9f00-112233445566';
const VALID = {
	survey: SURVEY,
	senderNumber: '+15005550006',
	accountId: `AC${'0123456789abcdef'.repeat(2)}`,
	authToken: 'ABCDEF0123456789abcdef0123456789',
	keyword: 'hello',
	panicWord: '',
	expiryDays: '',
	reminderHours: ''
};

type Result = { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } };
const issueOf = (r: Result, field: string) =>
	r.success ? null : (r.error!.issues.find((i) => i.path[0] === field)?.message ?? null);
const create = (overrides: Record<string, string | undefined>) =>
	createChannelSchema.safeParse({ ...VALID, ...overrides });

describe('the channel form', () => {
	it('normalises what people type and fills the defaults', () => {
		expect(
			createChannelSchema.parse({ ...VALID, senderNumber: '+1 (500) 555-0006', keyword: ' Hola ' })
		).toEqual({
			survey: SURVEY,
			senderNumber: '+15005550006',
			accountId: VALID.accountId,
			authToken: VALID.authToken.toLowerCase(),
			keyword: 'HOLA',
			panicWord: null,
			expiryDays: 3,
			reminderHours: null,
			offerFollowUp: false
		});
	});

	it('offers the follow-up message only when its box is ticked (off by default)', () => {
		expect(create({}).data?.offerFollowUp).toBe(false);
		expect(create({ offerFollowUp: 'yes' }).data?.offerFollowUp).toBe(true);
		expect(issueOf(create({ offerFollowUp: 'on' }), 'offerFollowUp')).toBe('validation.invalid');
	});

	it.each(['+15005550006', '+447911123456', '+9647701234567', '+1234567'])(
		'accepts the number %s',
		(senderNumber) => expect(create({ senderNumber }).success).toBe(true)
	);

	it.each(['15005550006', '+05005550006', '+123456', '+1234567890123456', '+1500abc0006'])(
		'refuses the number %s',
		(senderNumber) =>
			expect(issueOf(create({ senderNumber }), 'senderNumber')).toBe(
				'sms.channels.errors.senderNumber'
			)
	);

	it('requires a Twilio account SID and a 32-digit hex token', () => {
		expect(issueOf(create({ accountId: 'AC123' }), 'accountId')).toBe(
			'sms.channels.errors.accountId'
		);
		expect(issueOf(create({ accountId: `SK${'0'.repeat(32)}` }), 'accountId')).toBe(
			'sms.channels.errors.accountId'
		);
		expect(create({ accountId: `ac${'A'.repeat(32)}` }).data?.accountId).toBe(
			`AC${'a'.repeat(32)}`
		);
		expect(issueOf(create({ authToken: '' }), 'authToken')).toBe('validation.required');
		expect(issueOf(create({ authToken: 'g'.repeat(32) }), 'authToken')).toBe(
			'sms.channels.errors.authToken'
		);
		expect(issueOf(create({ authToken: 'a'.repeat(31) }), 'authToken')).toBe(
			'sms.channels.errors.authToken'
		);
	});

	it.each([...RESERVED_KEYWORDS].flatMap((w) => [w, w.toLowerCase()]))(
		'refuses the carrier keyword %s as keyword and as panic word',
		(word) => {
			expect(issueOf(create({ keyword: word }), 'keyword')).toBe('sms.channels.errors.reserved');
			expect(issueOf(create({ panicWord: word }), 'panicWord')).toBe(
				'sms.channels.errors.reserved'
			);
		}
	);

	it('takes 2 to 20 letters or digits, in any script', () => {
		expect(create({ keyword: 'مرحبا' }).data?.keyword).toBe('مرحبا');
		expect(create({ keyword: 'hi2' }).data?.keyword).toBe('HI2');
		for (const keyword of ['A', 'x'.repeat(21), 'HI THERE', 'HI!', 'ÇA-VA'])
			expect(issueOf(create({ keyword }), 'keyword'), keyword).toBe('sms.channels.errors.word');
		expect(issueOf(create({ keyword: '' }), 'keyword')).toBe('validation.required');
	});

	it('takes an optional panic word that differs from the keyword', () => {
		expect(create({ panicWord: 'apple' }).data?.panicWord).toBe('APPLE');
		expect(issueOf(create({ panicWord: 'Hello' }), 'panicWord')).toBe(
			'sms.channels.errors.panicSameAsKeyword'
		);
		expect(issueOf(create({ panicWord: 'a' }), 'panicWord')).toBe('sms.channels.errors.word');
	});

	it('takes 1 to 30 days before a conversation expires', () => {
		expect(create({ expiryDays: '1' }).data?.expiryDays).toBe(1);
		expect(create({ expiryDays: '30' }).data?.expiryDays).toBe(30);
		for (const expiryDays of ['0', '31', '2.5', 'x'])
			expect(issueOf(create({ expiryDays }), 'expiryDays'), expiryDays).toBe(
				'sms.channels.errors.expiryDays'
			);
	});

	it('leaves the reminder off unless 1 to 72 hours are given', () => {
		expect(create({ reminderHours: undefined }).data?.reminderHours).toBeNull();
		expect(create({ reminderHours: '24' }).data?.reminderHours).toBe(24);
		expect(create({ reminderHours: '72' }).data?.reminderHours).toBe(72);
		for (const reminderHours of ['0', '73', '1.5', '-1'])
			expect(issueOf(create({ reminderHours }), 'reminderHours'), reminderHours).toBe(
				'sms.channels.errors.reminderHours'
			);
	});
});

describe('editing a channel', () => {
	const update = (overrides: Record<string, string | undefined>) =>
		updateChannelSchema.safeParse({ ...VALID, channel: 'abcdefghijklmnop', ...overrides });

	it('keeps the stored token when the field is left blank', () => {
		expect(update({ authToken: '' }).data?.authToken).toBeNull();
		expect(update({ authToken: undefined }).data?.authToken).toBeNull();
		expect(update({}).data?.authToken).toBe(VALID.authToken.toLowerCase());
		expect(issueOf(update({ authToken: 'nope' }), 'authToken')).toBe(
			'sms.channels.errors.authToken'
		);
	});

	it('removes the panic word only when asked', () => {
		expect(update({}).data?.clearPanicWord).toBe(false);
		expect(update({ clearPanicWord: 'yes' }).data?.clearPanicWord).toBe(true);
	});

	it('refuses a channel id that could not be in a webhook address', () => {
		expect(issueOf(update({ channel: '../x' }), 'channel')).toBe('validation.invalid');
	});
});

describe('the simulator form', () => {
	const meta = JSON.stringify({ conversation: null, optedOut: false, language: null });
	const transcript = JSON.stringify([{ from: 'service', text: '1 English', lang: null }]);

	it('reads the hidden fields back', () => {
		const parsed = simulatorSendSchema.parse({ body: ' 1 ', meta, transcript });
		expect(parsed.body).toBe('1');
		expect(parsed.transcript).toEqual([{ from: 'service', text: '1 English', lang: null }]);
	});

	it('refuses broken or oversized hidden fields', () => {
		const bad = (fields: Record<string, string>) =>
			simulatorSendSchema.safeParse({ body: 'x', meta, transcript, ...fields }).success;
		expect(bad({ meta: '{' })).toBe(false);
		expect(bad({ meta: JSON.stringify({ optedOut: 'no' }) })).toBe(false);
		expect(bad({ transcript: JSON.stringify([{ from: 'mallory', text: '', lang: null }]) })).toBe(
			false
		);
		expect(bad({ transcript: 'x'.repeat(SIMULATOR_LIMITS.json + 1) })).toBe(false);
		expect(bad({ body: 'x'.repeat(SIMULATOR_LIMITS.body + 1) })).toBe(false);
		expect(bad({ body: '  ' })).toBe(false);
	});

	it('keeps only the newest messages', () => {
		const many = Array.from({ length: SIMULATOR_LIMITS.messages + 5 }, (_, i) => ({
			from: 'person',
			text: String(i),
			lang: 'en'
		}));
		const parsed = simulatorSendSchema.parse({ body: 'x', meta, transcript: JSON.stringify(many) });
		expect(parsed.transcript).toHaveLength(SIMULATOR_LIMITS.messages);
		expect(parsed.transcript[0]!.text).toBe('5');
	});
});
