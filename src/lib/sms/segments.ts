// SMS encoding and segment counting, shared by the server (what is sent) and the browser (the
// builder's "SMS check"), so a manager sees the same count the conversation engine will pay for.
//
// Source: 3GPP TS 23.038 (formerly GSM 03.38) §6.2.1 "GSM 7 bit Default Alphabet" and §6.2.1.1
// "Default Alphabet Extension Table", mapped to Unicode as in the Unicode Consortium's
// GSM0338.TXT. That file notes the standard prints a capital Ç at 0x09 although a lower-case ç
// may have been meant; we follow the printed standard (U+00C7 only). A lower-case ç therefore
// forces UCS-2, which over-counts rather than under-counts on networks that treat 0x09 as ç.
//
// Only the default alphabet is used: the national single/locking shift tables (Turkish,
// Spanish, Portuguese, Indic) are not something Twilio or most carriers send, so Arabic, Thai,
// Bengali … are UCS-2 (DOMAIN.md "SMS").

export type SmsEncoding = 'gsm7' | 'ucs2';

export interface SmsInfo {
	encoding: SmsEncoding;
	/** Number of SMS segments the text is sent as; 0 for the empty text. */
	segments: number;
	/** Septets for GSM-7 (extension characters count 2), UTF-16 code units for UCS-2. */
	units: number;
	/** Capacity of each segment in `units`: 160/70 for a single SMS, 153/67 when concatenated. */
	perSegment: number;
}

// Indexed by septet value. 0x1B is the escape to the extension table, not a character, so it
// holds a placeholder that is removed below.
const BASIC_TABLE =
	'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
	'¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

// Characters reached through ESC (0x1B): each costs two septets on the air.
const EXTENSION_TABLE = '\f^{}\\[~]|€';

const BASIC = new Set(BASIC_TABLE.replace('\u001b', ''));
const EXTENSION = new Set(EXTENSION_TABLE);

const LIMITS = {
	gsm7: { single: 160, concatenated: 153 },
	// Concatenated segments lose room to the user-data header (6 octets): 7 septets / 3 units.
	ucs2: { single: 70, concatenated: 67 }
} as const;

/** Cost of one code point in the units of its encoding (iterating a string yields code points). */
function cost(char: string, encoding: SmsEncoding): number {
	if (encoding === 'ucs2') return char.length; // a character outside the BMP is a surrogate pair
	return EXTENSION.has(char) ? 2 : 1;
}

/** 'gsm7' when every character is in the GSM 03.38 default alphabet or its extension table. */
export function encodingOf(text: string): SmsEncoding {
	for (const char of text) if (!BASIC.has(char) && !EXTENSION.has(char)) return 'ucs2';
	return 'gsm7';
}

/**
 * The text cut into the segments a phone receives. Cuts fall only between code points, so an
 * escape pair (GSM-7) or a surrogate pair (UCS-2) is never split across two segments; a
 * segment is left short by one unit when the next character would not fit whole.
 */
export function splitSegments(text: string): string[] {
	if (text === '') return [];
	const encoding = encodingOf(text);
	const limits = LIMITS[encoding];
	const chars = Array.from(text);
	const total = chars.reduce((sum, char) => sum + cost(char, encoding), 0);
	if (total <= limits.single) return [text];

	const segments: string[] = [];
	let current = '';
	let used = 0;
	for (const char of chars) {
		const units = cost(char, encoding);
		if (used + units > limits.concatenated) {
			segments.push(current);
			current = '';
			used = 0;
		}
		current += char;
		used += units;
	}
	segments.push(current);
	return segments;
}

/** Number of SMS segments the text is sent as (0 for the empty text). */
export function segmentCount(text: string): number {
	return splitSegments(text).length;
}

/** Encoding, segment count, total units and per-segment capacity of an SMS text. */
export function smsInfo(text: string): SmsInfo {
	const encoding = encodingOf(text);
	const segments = segmentCount(text);
	let units = 0;
	for (const char of text) units += cost(char, encoding);
	const limits = LIMITS[encoding];
	return {
		encoding,
		segments,
		units,
		perSegment: segments > 1 ? limits.concatenated : limits.single
	};
}
