import { formatLanguage } from '$lib/format';
import type { FigureView } from '$lib/server/indicators/present';

/**
 * Pure helpers of the programme dashboard: how figures, shares and periods read, and the one
 * shape every figure takes on the page whatever the audience (a donor's hidden figure has no
 * number at all; a team figure carries its flag).
 */

type Translate = (key: string, values?: Record<string, unknown>) => string;

// A dashboard formats thousands of numbers; building an Intl formatter each time is the slow part.
const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: string, style: 'plain' | 'number' | 'percent1' | 'percent0') {
	const key = `${lang}\u0000${style}`;
	let format = formatters.get(key);
	if (!format) {
		format = new Intl.NumberFormat(
			lang,
			style === 'plain'
				? { useGrouping: false }
				: style === 'number'
					? { maximumFractionDigits: 1 }
					: { style: 'percent', maximumFractionDigits: style === 'percent1' ? 1 : 0 }
		);
		formatters.set(key, format);
	}
	return format;
}
const plain = (lang: string) => numberFormat(lang, 'plain');

/** A period as people name it: "Q1 2025", "Mar 2025", or a custom period's own name. */
export function periodLabel(
	period: { key: string; label?: string },
	lang: string,
	t: Translate
): string {
	if (period.label) return period.label;
	const quarter = /^(\d{4})-Q([1-4])$/.exec(period.key);
	if (quarter)
		return t('dashboard.periods.quarter', {
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

/** A number as the page shows it: at most one decimal, grouped the reader's way. */
export function formatNumber(value: number, lang: string): string {
	return numberFormat(lang, 'number').format(value);
}

/** An indicator's value with its unit: percentages the reader's way ("62 %", "٦٢٪"), else "6.4 score". */
export function formatValue(value: number, unit: string, lang: string): string {
	if (unit.trim() === '%') return numberFormat(lang, 'percent1').format(value / 100);
	const number = formatNumber(value, lang);
	return unit.trim() ? `${number} ${unit.trim()}` : number;
}

/** A fraction (progress, achievement) as a whole percentage. */
export function formatShare(fraction: number, lang: string): string {
	return numberFormat(lang, 'percent0').format(fraction);
}

/** A fraction held to 0–1, for drawing: the text keeps the real figure (−20 %, 130 %). */
export function clampShare(fraction: number): number {
	if (!Number.isFinite(fraction)) return 0;
	return Math.min(1, Math.max(0, fraction));
}

/**
 * Whether the achievement ratio says something progress does not: both known and different
 * once rounded as shown (with a baseline of 0 they are the same number).
 */
export function achievementDiffers(progress: number | null, achievement: number | null): boolean {
	if (achievement === null) return false;
	if (progress === null) return true;
	return Math.round(progress * 100) !== Math.round(achievement * 100);
}

/** One figure as the page draws it, from either audience's view. */
export interface FigureDisplay {
	/** Donors only: the figure is not there (fewer than k, or protecting a cell that is). */
	hidden: boolean;
	value: number | null;
	n: number | null;
	excluded: number | null;
	/** Team only: donors do not see this figure. */
	flagged: boolean;
	/** Team only, with `flagged`: the figure itself has fewer than k respondents. */
	small: boolean;
}

export function displayOf(figure: FigureView, k: number): FigureDisplay {
	if (!figure.shown)
		return { hidden: true, value: null, n: null, excluded: null, flagged: false, small: false };
	const flagged = 'flagged' in figure && figure.flagged;
	const n = figure.n ?? null;
	return {
		hidden: false,
		value: figure.value,
		n,
		excluded: figure.excluded ?? null,
		flagged,
		small: flagged && n !== null && n < k
	};
}

/** A count of a one-way table (responses by channel or language) from either audience's view. */
export interface CountDisplay {
	key: string;
	n: number | null;
	hidden: boolean;
	flagged: boolean;
	small: boolean;
}

type CountCell =
	| { key: string; shown: true; n: number }
	| { key: string; shown: false }
	| { key: string; n: number; flagged: boolean };
type CountTotal = { shown: true; n: number } | { shown: false } | { n: number; flagged: boolean };

export function countsOf(
	table: { cells: readonly CountCell[]; total: CountTotal },
	k: number
): { cells: CountDisplay[]; total: CountDisplay } {
	const one = (key: string, cell: CountCell | CountTotal): CountDisplay => {
		if ('shown' in cell && !cell.shown)
			return { key, n: null, hidden: true, flagged: false, small: false };
		const n = (cell as { n: number }).n;
		const flagged = 'flagged' in cell && cell.flagged;
		return { key, n, hidden: false, flagged, small: flagged && n < k };
	};
	return {
		cells: table.cells.map((c) => one(c.key, c)),
		total: one('', table.total)
	};
}

export type DimensionLabels = Record<string, { label: string; cells: Record<string, string> }>;

const CHANNELS = new Set(['web', 'sms']);
const languageNames = new Map<string, string>();

/** A language code in the reader's words, remembered: tables name the same few many times. */
export function languageName(code: string, lang: string): string {
	const key = `${lang}\u0000${code}`;
	let name = languageNames.get(key);
	if (name === undefined) {
		name = formatLanguage(code, lang);
		languageNames.set(key, name);
	}
	return name;
}

/** What a breakdown is by: a question's label, or the built-in channel and language. */
export function dimensionLabel(labels: DimensionLabels, dimension: string, t: Translate): string {
	if (dimension === 'channel') return t('dashboard.dimensions.channel');
	if (dimension === 'language') return t('dashboard.dimensions.language');
	return labels[dimension]?.label || dimension;
}

/** A breakdown cell's label: '' is "not stated", channels and languages in the reader's words. */
export function cellLabel(
	labels: DimensionLabels,
	dimension: string,
	key: string,
	lang: string,
	t: Translate
): string {
	if (key === '') return t('dashboard.notStated');
	if (dimension === 'channel') return CHANNELS.has(key) ? t(`dashboard.channels.${key}`) : key;
	if (dimension === 'language') return languageName(key, lang);
	return labels[dimension]?.cells[key] || key;
}
