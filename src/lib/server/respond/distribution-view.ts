import type { SurveyLink } from '../db/schema';
import { qrShape, type QrShape } from './qr';

/**
 * Pure helpers that turn links and freshly made codes into what the distribution page shows.
 * No database here, so they are tested exhaustively beside this file.
 */

/** What a respondent opening the link meets today, in the order resolveLink checks it. */
export type LinkState = 'open' | 'paused' | 'closed' | 'ended';

export function linkState(link: Pick<SurveyLink, 'status' | 'endsOn'>, today: string): LinkState {
	if (link.status === 'closed') return 'closed';
	if (link.endsOn && link.endsOn < today) return 'ended';
	return link.status;
}

export const linkUrl = (origin: string, slug: string) => `${origin}/s/${slug}`;

/** What the page shows of a link: never more than the browser needs (no org id, no dates). */
export function linkView(link: SurveyLink, origin: string, today: string) {
	const url = linkUrl(origin, link.slug);
	return {
		id: link.id,
		url,
		status: link.status,
		state: linkState(link, today),
		endsOn: link.endsOn,
		qr: qrShape(url)
	};
}
export const codeUrl = (origin: string, code: string) => `${origin}/i/${code}`;

export interface CodeCard {
	code: string;
	url: string;
	qr: QrShape;
}

/** One printable card per code: the code, its QR code and the short address beneath. */
export function codeCards(codes: readonly string[], origin: string): CodeCard[] {
	return codes.map((code) => {
		const url = codeUrl(origin, code);
		return { code, url, qr: qrShape(url) };
	});
}

/** The codes as CSV (code,url), with CRLF line ends as RFC 4180 asks. */
export function codesCsv(cards: readonly Pick<CodeCard, 'code' | 'url'>[]): string {
	// Codes and URLs never hold commas, quotes or line breaks; quote defensively all the same.
	const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
	return ['code,url', ...cards.map((c) => `${cell(c.code)},${cell(c.url)}`)].join('\r\n') + '\r\n';
}

/**
 * A data: URL of the CSV, for a plain download link: it works without JavaScript, and the codes
 * live only in this one response, never at an address that could be fetched again.
 */
export function csvDataUrl(csv: string): string {
	return `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
}
