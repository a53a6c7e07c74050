import type { UiLanguage } from '../../i18n/languages';
import type { Messages } from '../../i18n/translator';
import { MESSAGES } from '../i18n';

/**
 * The messages a report needs in its own language (which may not be the reader's interface
 * language): its headings and words, the evaluation vocabulary, criterion names, ICAT activity types
 * and the chart's own texts. Only these, not the whole file.
 */
export function reportMessages(lang: UiLanguage): Messages {
	const all = MESSAGES[lang] as Record<string, Record<string, unknown>>;
	return {
		report: all.report,
		evaluation: all.evaluation,
		charts: all.charts,
		library: { dac: all.library?.dac },
		programmes: { icat: all.programmes?.icat }
	};
}
