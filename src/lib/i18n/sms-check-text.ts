import type { QuestionSmsCheck, SmsFinding } from '../sms/check';
import type { TFunction } from './translator';

type Unicode = Extract<SmsFinding, { kind: 'ucs2' }>;

/** Beyond this many, the characters are a script that needs Unicode, not a few to replace. */
const CHARACTERS_SHOWN = 4;

/** "fr, es and ar" in the reader's language. */
function listOf(lang: string, items: string[]): string {
	return new Intl.ListFormat(lang, { type: 'conjunction' }).format(items);
}

/** A character as a manager can read it: itself, or U+00A0 when it cannot be seen. */
export function visibleCharacter(char: string): string {
	if (!/[\p{White_Space}\p{Cc}\p{Cf}\p{M}]/u.test(char)) return char;
	const code = char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
	return `U+${code}`;
}

/**
 * The SMS check of a question in one sentence: why SMS cannot ask it, the languages where its
 * message is longer than `maxSegments`, or that it fits; '' for what SMS never sends.
 */
export function smsVerdict(
	t: TFunction,
	lang: string,
	check: QuestionSmsCheck,
	maxSegments: number
): string {
	const notAskable = check.findings.find((f) => f.kind === 'notAskable');
	if (notAskable) {
		const type =
			notAskable.type === 'text' ? t('smsCheck.longText') : t(`builder.types.${notAskable.type}`);
		return notAskable.required
			? t('smsCheck.notAskableRequired', { type })
			: t('smsCheck.notAskable', { type });
	}
	const tooLong = check.findings.flatMap((f) => (f.kind === 'tooLong' ? [f.language] : []));
	if (tooLong.length)
		return t('smsCheck.tooLong', { count: maxSegments, languages: listOf(lang, tooLong) });
	return check.messages.length ? t('smsCheck.fits', { count: maxSegments }) : '';
}

/**
 * The languages whose messages need UCS-2, in one sentence; a language needing it for a few
 * characters only (a typographic apostrophe, a no-break space) names them in brackets.
 */
export function unicodeText(t: TFunction, lang: string, findings: readonly SmsFinding[]): string {
	const unicode = findings.filter((f): f is Unicode => f.kind === 'ucs2');
	if (!unicode.length) return '';
	let named = false;
	const parts = unicode.map(({ language, characters }) => {
		if (characters.length > CHARACTERS_SHOWN) return language;
		named = true;
		return `${language} (${characters.map(visibleCharacter).join(' ')})`;
	});
	const text = t('smsCheck.unicode', { languages: listOf(lang, parts) });
	return named ? `${text} ${t('smsCheck.unicodeCharacters')}` : text;
}
