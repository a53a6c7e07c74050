// Twilio's X-Twilio-Signature for form-encoded webhooks (DOMAIN.md "SMS"): base64 of
// HMAC-SHA1(auth token, full public URL + every POST parameter's name and value, sorted).
// Checked before the webhook reads or stores anything, so it must never throw on odd input.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** POST parameters as an object, a list of pairs (repeated names allowed) or URLSearchParams. */
export type TwilioParams = Readonly<Record<string, string>> | Iterable<readonly [string, string]>;

type Pair = readonly [string, string];

// `<` compares UTF-16 code units, the order of twilio-node's Array.prototype.sort (and of
// Java's String.compareTo); Python's helper compares code points, which differs only for
// names or values mixing U+E000–U+FFFF with characters outside the BMP.
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function sortedPairs(params: TwilioParams): Pair[] {
	const pairs: Pair[] =
		Symbol.iterator in params
			? Array.from(params as Iterable<Pair>, ([name, value]) => [name, value] as const)
			: Object.entries(params);
	// A name sent several times contributes each of its values, sorted, even a value sent twice:
	// that is what Twilio signs, and the Python and PHP helpers were fixed to match it
	// (twilio-python#613, #617; twilio-php#745). twilio-node still drops a value repeated under
	// the same name (its fix, twilio-node#782, is unmerged), so it disagrees with us only there.
	return pairs.sort(
		([aName, aValue], [bName, bValue]) => compare(aName, bName) || compare(aValue, bValue)
	);
}

function sign(authToken: string, url: string, pairs: readonly Pair[]): string {
	const hmac = createHmac('sha1', authToken).update(url, 'utf8');
	for (const [name, value] of pairs) hmac.update(name + value, 'utf8');
	return hmac.digest('base64');
}

/** The X-Twilio-Signature Twilio sends for a form-encoded POST of `params` to `url`. */
export function twilioSignature(authToken: string, url: string, params: TwilioParams): string {
	return sign(authToken, url, sortedPairs(params));
}

const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443' };

/**
 * The URL as given plus its twin with the default port written out or left off: Twilio has
 * signed both forms over the years, so its own validators try both. A non-default port is
 * only ever the URL as given (twilio-node also tries the URL with any port removed; we do not,
 * since Twilio requested, and so signed, the URL that carries it). The string is split rather
 * than parsed with `new URL()`, which would re-encode the path and query Twilio signed.
 */
function urlVariants(url: string): string[] {
	const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)/i.exec(url);
	if (!match) return [url];
	const [prefix, scheme, authority] = match as unknown as [string, string, string];
	const defaultPort = DEFAULT_PORTS[scheme.toLowerCase()];
	if (defaultPort === undefined) return [url];

	const hostAndPort = authority.slice(authority.lastIndexOf('@') + 1);
	const beforeHost = prefix.slice(0, prefix.length - hostAndPort.length);
	const rest = url.slice(prefix.length);
	// In an IPv6 literal ("[::1]:443") only a colon after the closing bracket starts the port.
	const colon = hostAndPort.indexOf(':', hostAndPort.lastIndexOf(']') + 1);
	if (colon === -1) return [url, `${beforeHost}${hostAndPort}:${defaultPort}${rest}`];
	if (hostAndPort.slice(colon + 1) === defaultPort)
		return [url, beforeHost + hostAndPort.slice(0, colon) + rest];
	return [url];
}

/**
 * Whether `header` is Twilio's signature of this request, compared in constant time. False for
 * a missing or empty header and for an empty auth token (a channel without a token must not
 * accept requests signed with the empty key).
 */
export function verifyTwilioSignature(
	authToken: string,
	header: string | null | undefined,
	url: string,
	params: TwilioParams
): boolean {
	if (!header || !authToken) return false;
	const given = Buffer.from(header, 'utf8');
	const pairs = sortedPairs(params);
	let valid = false;
	for (const candidate of urlVariants(url)) {
		const expected = Buffer.from(sign(authToken, candidate, pairs), 'utf8');
		// Byte lengths, not string lengths: timingSafeEqual throws when they differ. Every
		// expected signature is 28 bytes, so checking the length first reveals nothing secret.
		if (given.length === expected.length && timingSafeEqual(given, expected)) valid = true;
	}
	return valid;
}
