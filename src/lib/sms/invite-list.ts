import { SMS_LANGUAGES } from './words';

/**
 * Reads a pasted or uploaded list of numbers to invite: one per line, `phone[,language]`, with
 * a comma, semicolon or tab between the columns (as spreadsheets export CSV), optional quotes
 * and an optional header line. The numbers themselves are checked later, by the server's
 * `normalisePhone`; here a line is refused only for a language the invitation is not written in.
 */

/** The most rows taken at once. */
export const MAX_INVITE_ROWS = 5000;

export interface InviteList {
	rows: { phone: string; language: string }[];
	/** Lines whose language column names no language of the invitation. */
	badLanguage: number;
}

/** A language of the invitation for a CSV cell (`ar`, `pt-BR`, `FR`), or null. */
export function inviteLanguage(cell: string): string | null {
	const code = cell.trim().toLowerCase().replace(/_/gu, '-');
	if (SMS_LANGUAGES.includes(code)) return code;
	const primary = code.split('-')[0]!;
	return SMS_LANGUAGES.includes(primary) ? primary : null;
}

export function parseInviteList(text: string, defaultLanguage: string): InviteList {
	const rows: InviteList['rows'] = [];
	let badLanguage = 0;
	const lines = text.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u);
	for (const [index, line] of lines.entries()) {
		const cells = line.split(/[,;\t]/u).map((cell) =>
			cell
				.trim()
				.replace(/^"(.*)"$/u, '$1')
				.trim()
		);
		const phone = cells[0] ?? '';
		if (!phone && cells.every((cell) => !cell)) continue;
		if (index === 0 && /^(phone|number|tel|mobile)/iu.test(phone)) continue;
		const cell = cells[1] ?? '';
		const language = cell ? inviteLanguage(cell) : defaultLanguage;
		if (!language) badLanguage++;
		else rows.push({ phone, language });
	}
	return { rows, badLanguage };
}
