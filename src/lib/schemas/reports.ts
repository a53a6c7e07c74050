import { z } from 'zod';
import { UI_LANGUAGES } from '../i18n/languages';

/**
 * The report editor's form. Empty sections are allowed while drafting (saving is never blocked);
 * what publication needs is checked by publicationProblems in the workflow, not here. Messages
 * are translation keys.
 */

export const MAX_REPORT_TITLE = 200;
/** Generous: a section is a few paragraphs, and the PDF lays out whatever fits in it. */
export const MAX_REPORT_SECTION = 20_000;
export const MAX_CHANGE_NOTE = 2000;

const section = (max: number) => z.string().trim().max(max, 'validation.tooLong').default('');

export const reportTextSchema = z.object({
	title: section(MAX_REPORT_TITLE),
	summary: section(MAX_REPORT_SECTION),
	whatDidNotWork: section(MAX_REPORT_SECTION),
	unintendedEffects: section(MAX_REPORT_SECTION),
	limitations: section(MAX_REPORT_SECTION),
	changeNote: section(MAX_CHANGE_NOTE),
	language: z.enum(UI_LANGUAGES, 'validation.invalid')
});
