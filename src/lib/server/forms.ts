import { fail } from '@sveltejs/kit';
import type { z } from 'zod';
import type { TFunction } from '../i18n/translator';

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string>;
export type ParsedForm<T> =
	| { ok: true; data: T; values: FormValues }
	| { ok: false; values: FormValues; errors: FieldErrors };

/**
 * Parses a form with its zod schema. Schema messages are translation keys; issues without one
 * get a generic key. Failures carry what the person typed (never passwords) so the page can
 * redraw with their input and every error beside its field.
 */
export function parseForm<S extends z.ZodType>(
	form: FormData,
	schema: S,
	t: TFunction
): ParsedForm<z.output<S>> {
	const raw: Record<string, string | string[]> = {};
	for (const [key, value] of form.entries()) {
		if (typeof value !== 'string') continue;
		const previous = raw[key];
		raw[key] = previous === undefined ? value : [...[previous].flat(), value];
	}
	const result = schema.safeParse(raw, {
		error: (issue) =>
			issue.input === undefined || issue.input === '' ? 'validation.required' : 'validation.invalid'
	});
	if (result.success) return { ok: true, data: result.data, values: safeValues(raw) };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const field = issue.path.join('.') || 'form';
		errors[field] ??= t(issue.message);
	}
	return { ok: false, values: safeValues(raw), errors };
}

// `current` and `confirm` are the password forms' other password fields.
const SECRET_FIELD = /password|token|secret|^current$|^confirm$/i;

/** The submitted values fit to send back to the page: no secrets, single strings only. */
export function safeValues(raw: Record<string, string | string[]>): FormValues {
	return Object.fromEntries(
		Object.entries(raw)
			.filter(([key, value]) => typeof value === 'string' && !SECRET_FIELD.test(key))
			.map(([key, value]) => [key, value as string])
	);
}

/**
 * The one shape every failed form returns, so pages can read `form.errors.<field>` and
 * `form.values.<field>` whatever went wrong. `action` tells apart several forms on one page.
 */
export function invalid(
	errors: FieldErrors,
	options: { values?: FormValues; action?: string; status?: number } = {}
) {
	return fail(options.status ?? 400, {
		action: options.action,
		values: options.values ?? {},
		errors
	});
}
