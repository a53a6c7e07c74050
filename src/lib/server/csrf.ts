/**
 * Cross-site form protection that works with `Referrer-Policy: no-referrer`.
 *
 * Under no-referrer, browsers send `Origin: null` on plain (non-JavaScript) form posts, so
 * SvelteKit's own origin check would refuse every form that works without JavaScript. We
 * decide instead from `Sec-Fetch-Site`, which browsers send whatever the referrer policy, and
 * fall back to a real Origin when there is one. See docs/decisions/002-csrf.md.
 */
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

export function isCrossSiteForm(
	method: string,
	headers: { get(name: string): string | null },
	origin: string
): boolean {
	if (!UNSAFE.has(method.toUpperCase())) return false;
	const type = (headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
	if (!FORM_TYPES.includes(type)) return false;
	const site = headers.get('sec-fetch-site');
	if (site) return site !== 'same-origin' && site !== 'none';
	const from = headers.get('origin');
	if (from && from !== 'null') return from !== origin;
	// An old browser with neither header: the session cookie is SameSite=Lax, so a cross-site
	// post would arrive signed out and could change nothing that needs an account.
	return false;
}
