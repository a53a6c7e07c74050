import type { Level, LevelLabels } from '$lib/programmes/model';

/** How the logframe pages name levels, periods and numbers. Pure. */

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** A level's label: the programme's own (EU, USAID and UN agencies differ), else the default. */
export function levelLabel(level: Level, labels: LevelLabels | null, t: Translate): string {
	return labels?.[level]?.trim() || t(`logframe.levels.${level}`);
}

const plain = (lang: string) => new Intl.NumberFormat(lang, { useGrouping: false });

/** A period as people name it: "Q1 2025", "Mar 2025", or a custom period's own name. */
export function periodName(period: { key: string; label?: string }, lang: string, t: Translate) {
	if (period.label) return period.label;
	const quarter = /^(\d{4})-Q([1-4])$/.exec(period.key);
	if (quarter)
		return t('indicator.quarter', {
			quarter: plain(lang).format(Number(quarter[2])),
			year: plain(lang).format(Number(quarter[1]))
		});
	const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period.key);
	if (month)
		return new Intl.DateTimeFormat(lang, {
			month: 'short',
			year: 'numeric',
			timeZone: 'UTC'
		}).format(new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1)));
	return period.key;
}

/** A figure with its unit: percentages the reader's way, else "6.4 score 0–10". */
export function formatFigure(value: number, unit: string, lang: string): string {
	const u = unit.trim();
	if (u === '%')
		return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(
			value / 100
		);
	const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(value);
	return u ? `${number} ${u}` : number;
}

export function formatCount(value: number, lang: string): string {
	return new Intl.NumberFormat(lang).format(value);
}

/** A fraction (progress toward target) as a whole percentage. */
export function formatShare(fraction: number, lang: string): string {
	return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(
		fraction
	);
}

/** Long text cut for a list or a check's message, on a word where possible. */
export function shorten(text: string, max = 70): string {
	const clean = text.replace(/\s+/g, ' ').trim();
	if (clean.length <= max) return clean;
	const cut = clean.slice(0, max);
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
