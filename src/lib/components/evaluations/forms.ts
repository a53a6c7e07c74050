/**
 * The evaluation pages hold several forms each; the action result says which one posted. These
 * read it whatever the page's union of result types: a failure's values and errors (forms.ts'
 * `invalid`), or a success's `done` word.
 */

export interface Failed {
	values: Record<string, string>;
	errors: Record<string, string>;
}

export function failedOf(form: unknown, action: string): Failed | undefined {
	if (!form || typeof form !== 'object') return undefined;
	const f = form as {
		action?: string;
		values?: Record<string, string>;
		errors?: Record<string, string>;
	};
	if (f.action !== action || !f.errors) return undefined;
	return { values: f.values ?? {}, errors: f.errors };
}

export function doneOf(form: unknown): string | null {
	if (!form || typeof form !== 'object' || !('done' in form)) return null;
	return String((form as { done: unknown }).done);
}
