import fs from 'node:fs';

/** A translated string from messages/<lang>.json, so tests follow the translators' wording. */
export function message(lang: string, key: string): string {
	const all = JSON.parse(fs.readFileSync(`messages/${lang}.json`, 'utf8'));
	const value = key.split('.').reduce((node, part) => node?.[part], all);
	if (typeof value !== 'string') throw new Error(`No message ${key} in ${lang}`);
	return value;
}
