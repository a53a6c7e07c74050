import type { ExprErrorCode, ExprErrorParams } from '../survey/expr';
import type { ImportIssue } from '../survey/xlsform/issues';
import type { TFunction } from './translator';

/** An expression problem in the reader's language; the English `message` only for an unknown code. */
export function exprErrorText(
	t: TFunction,
	error: { code: ExprErrorCode; params?: ExprErrorParams; message?: string }
): string {
	const key = `builder.exprErrors.${error.code}`;
	// Written out in full so messages.test.ts sees which group of messages this reads.
	const text = t(`builder.exprErrors.${error.code}`, { ...error.params });
	return text === key && error.message ? error.message : text;
}

/**
 * An XLSForm import problem in the reader's language, with whether it is translated: a code
 * without a message falls back to the English `message` (to be marked `lang="en"`).
 */
export function importIssueText(
	t: TFunction,
	issue: ImportIssue
): { text: string; translated: boolean } {
	const key = `surveys.importIssues.${issue.code}`;
	const params = { ...issue.params };
	if (issue.exprError) {
		const english = typeof params.detail === 'string' ? params.detail : undefined;
		params.detail = exprErrorText(t, { ...issue.exprError, message: english });
	}
	// A variant is an i18next context: `<code>_<variant>`, falling back to `<code>`.
	const text = t(key, { ...params, context: issue.variant });
	return text === key ? { text: issue.message, translated: false } : { text, translated: true };
}
