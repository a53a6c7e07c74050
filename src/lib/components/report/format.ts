import type { SnapshotFigure } from '$lib/evaluations/model';
import { formatNumber, formatShare, formatValue } from '$lib/components/dashboard/format';

/**
 * How a report's frozen figures read. Pure, shared by the web view (and usable by anything else
 * that renders a ReportSnapshot). A hidden figure never shows a number, only the reason.
 */

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** Paragraphs of a text section: blank lines separate them; single line breaks stay inside. */
export function paragraphs(text: string): string[] {
	return text
		.split(/\n\s*\n/)
		.map((p) => p.trim())
		.filter(Boolean);
}

/** A figure with its unit, "no value yet", or the hidden wording with k and no number. */
export function figureText(
	figure: SnapshotFigure,
	unit: string,
	k: number,
	lang: string,
	t: Translate
): string {
	if (!figure.shown) return t('report.view.hidden', { k });
	if (figure.value === null) return t('report.view.noValue');
	return formatValue(figure.value, unit, lang);
}

/** "n = 120" for a shown figure that counts people; empty otherwise. */
export function countText(figure: SnapshotFigure, lang: string, t: Translate): string {
	if (!figure.shown || figure.n === null) return '';
	return t('report.view.n', { n: formatNumber(figure.n, lang) });
}

/** Progress and achievement as whole percentages, or a dash when unknown. */
export function shareText(fraction: number | null, lang: string): string {
	return fraction === null ? '—' : formatShare(fraction, lang);
}
