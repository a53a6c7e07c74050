import { z } from 'zod';
import { smsInfo } from '../sms/segments';

/**
 * "What we heard, what we are changing": one short note per survey language.
 *
 * The same text is shown on the web end screen and may be sent by SMS, so it is limited by
 * what one follow-up message may cost: at most three SMS segments as the conversation engine
 * counts them (3 × 153 = 459 GSM-7 characters, but only 3 × 67 = 201 in UCS-2, which Arabic,
 * Russian, Thai … and any text with a character outside GSM-7 need). Limiting characters alone
 * would let a 480-character Arabic note cost eight messages; three segments is what an
 * ordinary phone shows as one message without a "1/5" counter that draws attention.
 */
export const SUMMARY_MAX_SEGMENTS = 3;
/** The most characters three segments can ever hold (all GSM-7); the textarea's hard limit. */
export const SUMMARY_MAX_CHARACTERS = 3 * 153;

export const summaryField = (code: string) => `summary-${code}`;

/** Whether a note fits the follow-up message. */
export function summaryFits(text: string): boolean {
	return smsInfo(text).segments <= SUMMARY_MAX_SEGMENTS;
}

const summaryText = z
	.string()
	// Line breaks are kept (they read well on the end screen), but runs of blank lines are not.
	.transform((s) =>
		s
			.replace(/\r\n?/g, '\n')
			.replace(/\n{3,}/g, '\n\n')
			.trim()
	)
	.refine(summaryFits, 'summaries.tooLong');

/** The editor's form: one field per survey language; an empty field removes that note. */
export function summariesSchema(languages: readonly string[]) {
	return z
		.strictObject(
			Object.fromEntries(languages.map((code) => [summaryField(code), summaryText.optional()]))
		)
		.transform((fields) =>
			Object.fromEntries(languages.map((code) => [code, fields[summaryField(code)] ?? '']))
		);
}

/**
 * "Send by SMS": the confirm step. The page shows how many people wait in each language and
 * which notes go to them; nothing is queued until this box is ticked.
 */
export const sendSummariesSchema = z.object({
	confirm: z.literal('yes', 'summaries.send.errors.confirm')
});
