import { formatLanguage } from '$lib/format';
import type { CountsView, FigureView, FlagReason } from '$lib/server/indicators/present';

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
	/** Donors only: the figure is not there (hidden to protect small groups; never which). */
	hidden: boolean;
	value: number | null;
	n: number | null;
	excluded: number | null;
	/** Team only: donors do not see this figure … */
	flagged: boolean;
	/** … and why. */
	reason: FlagReason | null;
}

export function displayOf(figure: FigureView): FigureDisplay {
	if (!figure.shown)
		return { hidden: true, value: null, n: null, excluded: null, flagged: false, reason: null };
	const flagged = 'flagged' in figure && figure.flagged;
	return {
		hidden: false,
		value: figure.value,
		n: figure.n ?? null,
		excluded: figure.excluded ?? null,
		flagged,
		reason: flagged && 'reason' in figure ? (figure.reason ?? null) : null
	};
}

/** A count of a one-way table (responses by channel or language) from either audience's view. */
export interface CountDisplay extends FigureDisplay {
	key: string;
}

export function countsOf(table: CountsView): { cells: CountDisplay[]; total: CountDisplay } {
	return {
		cells: table.cells.map((c) => ({ key: c.key, ...displayOf(c.figure) })),
		total: { key: '', ...displayOf(table.total) }
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
