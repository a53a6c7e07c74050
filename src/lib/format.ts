// Times are shown in UTC so the server's render and the browser's agree, and so an audit
// trail read from two countries says the same thing.
export function formatDateTime(value: Date | string, lang: string): string {
	return new Intl.DateTimeFormat(lang, {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: 'UTC'
	}).format(new Date(value));
}

export function formatDate(value: Date | string, lang: string): string {
	return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(
		new Date(value)
	);
}

/** A language code named in the reader's language ("ar" → "Arabic"), or the code itself. */
export function formatLanguage(code: string, lang: string): string {
	try {
		return new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' }).of(code) ?? code;
	} catch {
		return code;
	}
}
