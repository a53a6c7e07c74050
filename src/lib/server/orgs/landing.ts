import { db } from '../db';
import type { SessionUser } from '../auth/session';
import { membershipsOf } from './service';

/** The last organisation opened, else the only one, else the list to choose from. */
export async function landingPath(user: Pick<SessionUser, 'id' | 'lastOrgId'>): Promise<string> {
	const orgs = await membershipsOf(await db(), user.id);
	const last =
		orgs.find((m) => m.org.id === user.lastOrgId) ?? (orgs.length === 1 ? orgs[0] : null);
	return last ? `/o/${last.org.slug}` : '/orgs';
}

/** Only same-site paths are followed after sign-in, so `next` cannot send people elsewhere. */
export function safeRedirect(next: string | null | undefined, fallback: string): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\'))
		return fallback;
	// Browsers drop tabs and newlines and read `\` as `/`, so `/\t/evil.example` leads off-site:
	// judge where the path really goes, and hand back that normalised form.
	const base = 'http://same-site.invalid';
	const url = URL.parse(next, base);
	if (!url || url.origin !== base) return fallback;
	return url.pathname + url.search + url.hash;
}
