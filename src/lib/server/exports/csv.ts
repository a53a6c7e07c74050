/**
 * CSV as RFC 4180 describes it, for files opened in Excel, LibreOffice and statistics packages.
 * Pure: cells in, text out.
 */

/** A cell of an export: text, a number, or nothing (an empty cell). */
export type Cell = string | number | null | undefined;

/** Excel reads a file as UTF-8 only when it starts with a byte order mark (Arabic, Cyrillic …). */
export const BOM = '\uFEFF';

/** Rows end with CRLF, as RFC 4180 asks. */
export const CRLF = '\r\n';

/**
 * Characters that make a spreadsheet read a cell as a formula (CSV injection, OWASP): `=`, `+`,
 * `-`, `@`, and tab or carriage return, which some programs strip before looking.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text a spreadsheet will show as text: a leading apostrophe keeps "=HYPERLINK(…)" typed by a
 * respondent from running when staff open the file. Numbers are never touched, so a negative
 * number stays a number.
 */
export function neutralise(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One cell, quoted when it holds a comma, a quote or a line break (quotes doubled). */
export function csvCell(value: Cell): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	const text = neutralise(value);
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One row with its line ending. */
export function csvRow(cells: readonly Cell[]): string {
	return cells.map(csvCell).join(',') + CRLF;
}
