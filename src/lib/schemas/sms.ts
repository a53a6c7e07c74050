import { z } from 'zod';
import { uuid } from './fields';

/** Forms of the SMS channels page and the simulator. Every message is a translation key. */

/** Carrier keywords (DOMAIN.md "SMS"): a start keyword or panic word must never be one. */
export const RESERVED_KEYWORDS: ReadonlySet<string> = new Set([
	'STOP',
	'START',
	'HELP',
	'INFO',
	'UNSUBSCRIBE',
	'CANCEL',
	'END',
	'QUIT',
	'STOPALL',
	'UNSTOP'
]);

export const EXPIRY_DAYS = { min: 1, max: 30, default: 3 } as const;
export const REMINDER_HOURS = { min: 1, max: 72 } as const;

/** An optional text field: absent and blank are the same. */
const blankable = z
	.string()
	.optional()
	.transform((v) => (v ?? '').trim());

/** The organisation's own number, E.164 (spaces, dashes and brackets as people type them dropped). */
export const senderNumber = z
	.string()
	.transform((v) => v.replace(/[\s().-]/g, ''))
	.pipe(
		z
			.string()
			.min(1, 'validation.required')
			.regex(/^\+[1-9]\d{6,14}$/, 'sms.channels.errors.senderNumber')
	);

/** Twilio's Account SID: `AC` and 32 hex digits, stored as Twilio writes it (lower-case hex). */
export const accountId = z
	.string()
	.trim()
	.min(1, 'validation.required')
	.regex(/^AC[0-9a-f]{32}$/i, 'sms.channels.errors.accountId')
	.transform((v) => `AC${v.slice(2).toLowerCase()}`);

/** Twilio's auth token: 32 hex digits. */
export const authToken = z
	.string()
	.trim()
	.min(1, 'validation.required')
	.regex(/^[0-9a-f]{32}$/i, 'sms.channels.errors.authToken')
	.transform((v) => v.toLowerCase());

/** A word a person texts: 2–20 letters or digits, any script, compared in upper case. */
function word(required: boolean) {
	return z
		.string()
		.optional()
		.transform((v) => (v ?? '').normalize('NFKC').trim().toUpperCase())
		.refine((v) => !required || v !== '', 'validation.required')
		.refine((v) => v === '' || /^[\p{L}\p{N}]{2,20}$/u.test(v), 'sms.channels.errors.word')
		.refine((v) => !RESERVED_KEYWORDS.has(v), 'sms.channels.errors.reserved');
}

export const keyword = word(true);
export const panicWord = word(false).transform((v) => v || null);

export const expiryDays = z
	.string()
	.optional()
	.transform((v) => (v ?? '').trim() || String(EXPIRY_DAYS.default))
	.transform(Number)
	.pipe(
		z
			.number('sms.channels.errors.expiryDays')
			.int('sms.channels.errors.expiryDays')
			.min(EXPIRY_DAYS.min, 'sms.channels.errors.expiryDays')
			.max(EXPIRY_DAYS.max, 'sms.channels.errors.expiryDays')
	);

/** Blank is off (the default): at most one reminder, and only if configured. */
export const reminderHours = blankable.pipe(
	z
		.string()
		.refine((v) => v === '' || /^\d+$/.test(v), 'sms.channels.errors.reminderHours')
		.transform((v) => (v === '' ? null : Number(v)))
		.refine(
			(v) => v === null || (v >= REMINDER_HOURS.min && v <= REMINDER_HOURS.max),
			'sms.channels.errors.reminderHours'
		)
);

/** A checkbox: ticked is on; absent (the browser sends nothing) is off, the default. */
export const offerFollowUp = z
	.literal('yes', 'validation.invalid')
	.optional()
	.transform((v) => v === 'yes');

/** What a channel form's fields other than the token have in common. */
const channelFields = {
	survey: uuid,
	senderNumber,
	accountId,
	keyword,
	panicWord,
	expiryDays,
	reminderHours,
	offerFollowUp
};

const panicDiffers = (v: { keyword: string; panicWord: string | null }) =>
	v.panicWord === null || v.panicWord !== v.keyword;
const panicIssue = { message: 'sms.channels.errors.panicSameAsKeyword', path: ['panicWord'] };

export const createChannelSchema = z
	.object({ ...channelFields, authToken })
	.refine(panicDiffers, panicIssue);

/** A channel's id as it appears in the webhook address: random base32, or `demo`. */
export const channelId = z
	.string()
	.trim()
	.regex(/^[a-z0-9]{1,40}$/, 'validation.invalid');

/**
 * Editing a channel: a blank token keeps the stored one (it is never shown again); a blank
 * panic word keeps the current one unless "remove" is ticked.
 */
export const updateChannelSchema = z
	.object({
		...channelFields,
		channel: channelId,
		authToken: blankable
			.refine((v) => v === '' || /^[0-9a-f]{32}$/i.test(v), 'sms.channels.errors.authToken')
			.transform((v) => (v === '' ? null : v.toLowerCase())),
		clearPanicWord: z
			.literal('yes', 'validation.invalid')
			.optional()
			.transform((v) => v === 'yes')
	})
	.refine(panicDiffers, panicIssue);

export const deleteChannelSchema = z.object({ channel: channelId });

export type CreateChannelForm = z.output<typeof createChannelSchema>;
export type UpdateChannelForm = z.output<typeof updateChannelSchema>;

/** The simulator keeps the transcript in the page: a cap keeps every post small. */
export const SIMULATOR_LIMITS = {
	body: 1600,
	messages: 120,
	text: 4000,
	/** Characters of the two hidden JSON fields together. */
	json: 200_000
} as const;

export const transcriptSchema = z
	.array(
		z.strictObject({
			from: z.enum(['person', 'service']),
			text: z.string().max(SIMULATOR_LIMITS.text),
			/** The conversation language when the message was sent; null before it is chosen. */
			lang: z.string().max(35).nullable()
		})
	)
	.transform((messages) => messages.slice(-SIMULATOR_LIMITS.messages));

export type SimulatorMessage = z.output<typeof transcriptSchema>[number];

/** What the simulator carries between posts besides the engine's own state. */
export const simulatorMetaSchema = z.strictObject({
	/** The engine's state (checked with `readState`), or null when no conversation is open. */
	conversation: z.unknown(),
	optedOut: z.boolean(),
	/** The last conversation language, for keyword answers once a conversation has ended. */
	language: z.string().max(35).nullable()
});

function json<S extends z.ZodType>(schema: S) {
	return z
		.string()
		.max(SIMULATOR_LIMITS.json, 'validation.tooLong')
		.transform((text, ctx) => {
			try {
				return JSON.parse(text) as unknown;
			} catch {
				ctx.addIssue({ code: 'custom', message: 'validation.invalid' });
				return z.NEVER;
			}
		})
		.pipe(schema);
}

export const simulatorSendSchema = z.object({
	body: z
		.string()
		.trim()
		.min(1, 'validation.required')
		.max(SIMULATOR_LIMITS.body, 'validation.tooLong'),
	meta: json(simulatorMetaSchema),
	transcript: json(transcriptSchema)
});
