import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { checkAnswers, type AnswerError, type RawValues } from '../../survey/answers';
import { CHROME_LANGUAGES, chromeFor, type Chrome } from '../../survey/chrome';
import { languageDirection } from '../../survey/languages';
import { textIn, type Instrument, type SurveyLanguage } from '../../survey/model';
import {
	endingOf,
	logicOnly,
	nextPage,
	previousPage,
	progressOf,
	readPage,
	revealedQuestions,
	shownPages,
	shownQuestions,
	currentPage,
	pageInstrument
} from '../../survey/pages';
import { type Answers } from '../../survey/relevance';
import { parseAcceptLanguage, pickLanguage } from '../../i18n/negotiate';
import { config } from '../config';
import { summaryForRespondent } from '../surveys/summaries';
import type { ResponseDraft } from '../db/schema';
import {
	clearRespondentCookie,
	readBoundedForm,
	RESPONDENT_COOKIE,
	setRespondentCookie
} from './http';
import { allowHit } from './limits';
import * as respond from './service';

/**
 * The respondent's way through a survey, shared by open links (/s/SLUG) and single-use codes
 * (/i/CODE): language, safety check, consent, the pages, the end screen. Every step is a real
 * form post answered with a redirect, so the whole survey works without JavaScript; the
 * server decides every step from the draft it keeps, never from what the browser claims.
 */

type Ending = 'thanks' | 'notNow' | 'declined';
const ENDINGS: readonly Ending[] = ['thanks', 'notNow', 'declined'];

type MessageKey =
	| 'closed'
	| 'paused'
	| 'codeUsed'
	| 'codeInvalid'
	| 'codeExpired'
	| 'sessionExpired'
	| 'tooMany'
	| 'unreadable';

interface Common {
	lang: string;
	dir: 'ltr' | 'rtl';
	chrome: Chrome;
	exitUrl: string;
}

export type RespondentView = Common &
	(
		| { kind: 'message'; message: MessageKey; restart: boolean }
		| { kind: 'language'; title: string; languages: SurveyLanguage[] }
		| {
				kind: 'page';
				title: string;
				pageIndex: number;
				pageLabel: string;
				progress: { page: number; total: number };
				first: boolean;
				last: boolean;
				/** The page alone, in the respondent's language (see pageInstrument). */
				instrument: Instrument;
				questions: { name: string; shown: boolean }[];
				answers: Answers;
				languages: SurveyLanguage[];
				/** JSON for the browser's skip-logic script (no texts). */
				logic: string;
		  }
		| {
				kind: 'end';
				ending: Ending;
				helpContacts: string;
				/** "What we heard, what we are changing" in this language, after a completed survey. */
				summary: string;
		  }
		| { kind: 'code' }
	);

/** A neutral message for a respondent address that leads nowhere (mistyped link or code). */
export async function nowhereView(
	event: Event,
	message: 'closed' | 'codeInvalid'
): Promise<RespondentView> {
	const lang = preferred(event, CHROME_LANGUAGES) ?? 'en';
	const { exitUrl } = await respond.respondentSettings(event.locals.db, null);
	return {
		...common(event, lang, languageDirection(lang), exitUrl),
		kind: 'message',
		message,
		restart: false
	};
}

/** Quick exit from a page that has no draft: straight to the default neutral site. */
export async function exitOnly(event: Event) {
	const { exitUrl } = await respond.respondentSettings(event.locals.db, null);
	return { exit: exitUrl } satisfies PageProblem;
}

/** The page where a person types the code printed on their card. */
export async function codeEntryView(event: Event): Promise<RespondentView> {
	const lang = preferred(event, CHROME_LANGUAGES) ?? 'en';
	const { exitUrl } = await respond.respondentSettings(event.locals.db, null);
	return { ...common(event, lang, languageDirection(lang), exitUrl), kind: 'code' };
}

/** What a failed post hands back to the page: what was typed and the errors beside it. */
export interface PageProblem {
	page?: number;
	values?: RawValues;
	errors?: Record<string, string>;
	revealed?: boolean;
	message?: MessageKey;
	/** The code entry page: what was typed, and whether it was refused. */
	code?: { value: string; invalid: boolean };
	exit?: string;
}

type Event = RequestEvent;

function visibleFor(version: respond.ServedVersion, answers: Answers): Set<string> {
	return respond.relevanceFor(version)(answers);
}

function languageOf(instrument: Instrument, code: string | null | undefined): SurveyLanguage {
	return (
		instrument.languages.find((l) => l.code === code) ??
		instrument.languages.find((l) => l.code === instrument.defaultLanguage) ??
		instrument.languages[0] ?? { code: 'en', name: 'English', dir: 'ltr' }
	);
}

/** The browser's preferred language among those offered: for pages before one is chosen. */
function preferred(event: Event, offered: readonly string[]): string | undefined {
	return pickLanguage(parseAcceptLanguage(event.request.headers.get('accept-language')), offered);
}

function common(event: Event, lang: string, dir: 'ltr' | 'rtl', exitUrl: string): Common {
	// The hook writes these into <html lang dir> after rendering.
	event.locals.respondentLang = { lang, dir };
	return { lang, dir, chrome: chromeFor(lang), exitUrl };
}

/**
 * The entry and the draft behind the cookie, read at once (two independent queries), and the
 * draft kept only when it belongs to this entry: a cookie from another survey or code opens
 * nothing.
 */
async function openWithDraft(event: Event, entry: respond.Entry) {
	const token = event.cookies.get(RESPONDENT_COOKIE);
	const [opened, loaded] = await Promise.all([
		respond.openEntry(event.locals.db, entry),
		token ? respond.loadDraft(event.locals.db, token) : null
	]);
	const belongs =
		loaded &&
		opened.ok &&
		loaded.draft.surveyId === opened.surveyId &&
		loaded.draft.codeId === opened.codeId;
	return { opened, draft: belongs && token ? { token, ...loaded } : null };
}

/** The page a GET shows. `path` is the entry's own path (/s/SLUG or /i/CODE). */
export async function view(event: Event, entry: respond.Entry): Promise<RespondentView> {
	const ending = event.url.searchParams.get('end') as Ending | null;
	const { opened, draft } = await openWithDraft(event, entry);
	const settings = opened.settings;

	if (ending && ENDINGS.includes(ending)) {
		const lang = event.url.searchParams.get('lang') ?? '';
		const known =
			CHROME_LANGUAGES.includes(lang) ||
			(opened.ok && opened.version.instrument.languages.some((l) => l.code === lang));
		const code = known ? lang : 'en';
		const dir = opened.ok
			? languageOf(opened.version.instrument, code).dir
			: languageDirection(code);
		// Only after answering: someone who left at the safety check or declined sees nothing
		// that could say more about the survey than its neutral title does.
		const summary =
			ending === 'thanks' && opened.surveyId
				? await summaryForRespondent(event.locals.db, opened.surveyId, code)
				: '';
		return {
			...common(event, code, dir, settings.exitUrl),
			kind: 'end',
			ending,
			helpContacts: ending === 'thanks' ? (settings.helpContacts[code] ?? '') : '',
			summary
		};
	}
	if (!opened.ok) {
		const lang = preferred(event, CHROME_LANGUAGES) ?? 'en';
		return {
			...common(event, lang, languageDirection(lang), settings.exitUrl),
			kind: 'message',
			message: messageFor(opened.error),
			restart: false
		};
	}
	const instrument = (draft?.version ?? opened.version).instrument;
	if (!draft && instrument.languages.length > 1) {
		const lang = languageOf(
			instrument,
			preferred(
				event,
				instrument.languages.map((l) => l.code)
			)
		);
		return {
			...common(event, lang.code, lang.dir, settings.exitUrl),
			kind: 'language',
			title: textIn(instrument.title, lang.code, instrument.defaultLanguage),
			languages: instrument.languages
		};
	}
	return pageView(event, draft?.version ?? opened.version, draft?.draft ?? null, settings.exitUrl);
}

function pageView(
	event: Event,
	version: respond.ServedVersion,
	draft: ResponseDraft | null,
	exitUrl: string,
	override?: { page: number; answers: Answers }
): RespondentView {
	const instrument = version.instrument;
	const language = languageOf(instrument, draft?.language);
	const answers = override?.answers ?? ((draft?.answers ?? {}) as Answers);
	const visible = visibleFor(version, answers);
	const shown = shownPages(instrument, visible);
	const index = override?.page ?? currentPage(shown, draft?.page ?? 0) ?? 0;
	const page = instrument.pages[index]!;
	const t = (text: Record<string, string> | undefined) =>
		textIn(text, language.code, instrument.defaultLanguage);
	return {
		...common(event, language.code, language.dir, exitUrl),
		kind: 'page',
		title: t(instrument.title),
		pageIndex: index,
		pageLabel: t(page.label),
		progress: progressOf(shown, index),
		first: previousPage(shown, index) === null,
		last: nextPage(shown, index) === null,
		instrument: pageInstrument(instrument, index, language.code),
		questions: page.questions
			.filter((q) => q.type !== 'calculate')
			.map((q) => ({ name: q.name, shown: visible.has(q.name) })),
		answers,
		languages: instrument.languages,
		logic: JSON.stringify({ page: index, instrument: logicOnly(instrument), answers })
	};
}

function messageFor(problem: respond.EntryProblem): MessageKey {
	switch (problem) {
		case 'paused':
			return 'paused';
		case 'used':
			return 'codeUsed';
		case 'expired':
		case 'revoked':
			return 'codeExpired';
		case 'invalid':
			return 'codeInvalid';
		default:
			return 'closed';
	}
}

/** The form actions of a respondent page; `path` is the entry's own path. */
export function actions(
	entryOf: (event: Event) => respond.Entry,
	pathOf: (event: Event) => string
) {
	/** Everything a post needs: the entry opened, the draft if any, and the bounded form. */
	async function begin(event: Event) {
		const form = await readBoundedForm(event.request);
		if (!form) return { problem: fail(413, { message: 'unreadable' } satisfies PageProblem) };
		const { opened, draft } = await openWithDraft(event, entryOf(event));
		if (!opened.ok)
			return { problem: fail(410, { message: messageFor(opened.error) } satisfies PageProblem) };
		if (!draft) await thanksIfCompleted(event);
		return { form, opened, draft };
	}

	async function startDraft(
		event: Event,
		opened: Extract<respond.OpenedEntry, { ok: true }>,
		language: string
	): Promise<string | null> {
		const db = event.locals.db;
		if (!(await allowHit(db, `start:${opened.limitKey}`, config().respondLimitPerMinute)))
			return null;
		const token = await respond.startDraft(db, {
			orgId: opened.orgId,
			surveyId: opened.surveyId,
			versionId: opened.version.id,
			language,
			codeId: opened.codeId ?? undefined
		});
		setRespondentCookie(event.cookies, event.url, pathOf(event), token);
		return token;
	}

	/** A retry after completion (the cookie still names the finished draft) stores nothing. */
	async function thanksIfCompleted(event: Event) {
		const token = event.cookies.get(RESPONDENT_COOKIE);
		const receipt = token ? await respond.findReceipt(event.locals.db, token) : null;
		if (!receipt) return;
		clearRespondentCookie(event.cookies, event.url, pathOf(event));
		redirect(303, `${pathOf(event)}?end=thanks&lang=${encodeURIComponent(receipt.language)}`);
	}

	const tooMany = () => fail(429, { message: 'tooMany' } satisfies PageProblem);
	const unreadable = () => fail(400, { message: 'unreadable' } satisfies PageProblem);

	return {
		language: async (event: Event) => {
			const started = await begin(event);
			if ('problem' in started) return started.problem;
			const { form, opened, draft } = started;
			const version = draft?.version ?? opened.version;
			const lang = form.get('lang');
			if (!lang || !version.instrument.languages.some((l) => l.code === lang)) return unreadable();
			if (draft) {
				const saved = keepPage(version, draft.draft, form);
				await respond.saveDraftAnswers(event.locals.db, draft.token, { ...saved, language: lang });
			} else if (!(await startDraft(event, opened, lang))) return tooMany();
			redirect(303, pathOf(event));
		},

		next: async (event: Event) => {
			const started = await begin(event);
			if ('problem' in started) return started.problem;
			const { form, opened, draft } = started;
			const db = event.locals.db;
			const version = draft?.version ?? opened.version;
			const instrument = version.instrument;
			const index = Number(form.get('_page'));
			const page = Number.isInteger(index) ? instrument.pages[index] : undefined;
			if (!page) return unreadable();
			const language = languageOf(instrument, draft?.draft.language ?? form.get('_lang')).code;
			if (!draft && instrument.languages.length > 1 && !form.get('_lang')) return unreadable();

			const posted = readPage(page, form);
			const raw: RawValues = { ...((draft?.draft.answers ?? {}) as RawValues), ...posted };
			const ending = endingOf(page, raw as Answers);
			if (ending) {
				if (draft) await respond.discardDraft(db, draft.token);
				clearRespondentCookie(event.cookies, event.url, pathOf(event));
				redirect(303, `${pathOf(event)}?end=${ending}&lang=${encodeURIComponent(language)}`);
			}
			// One full check: the page's own errors are shown; any left elsewhere stop the sending.
			const checked = checkAnswers(instrument, raw, { visibleFor: respond.relevanceFor(version) });
			const visible = visibleFor(version, checked.answers);
			const only = new Set(shownQuestions(page, visible).map((q) => q.name));
			const pageErrors = checked.errors.filter((e) => only.has(e.question));
			if (pageErrors.length) {
				if (draft)
					await respond.saveDraftAnswers(db, draft.token, {
						answers: checked.answers,
						page: index
					});
				return fail(400, {
					page: index,
					values: posted,
					errors: errorTexts(instrument, language, pageErrors)
				} satisfies PageProblem);
			}
			const token = draft?.token ?? (await startDraft(event, opened, language));
			if (!token) return tooMany();

			const seen = new Set((form.get('_shown') ?? '').split(',').filter(Boolean));
			if (revealedQuestions(page, visible, seen).length) {
				await respond.saveDraftAnswers(db, token, { answers: checked.answers, page: index });
				return { page: index, revealed: true } satisfies PageProblem;
			}
			const next = nextPage(shownPages(instrument, visible), index);
			if (next !== null) {
				await respond.saveDraftAnswers(db, token, { answers: checked.answers, page: next });
				redirect(303, pathOf(event));
			}
			return finish(event, version, token, language, opened.limitKey, checked);
		},

		back: async (event: Event) => {
			const started = await begin(event);
			if ('problem' in started) return started.problem;
			const { form, draft } = started;
			if (!draft) redirect(303, pathOf(event));
			const saved = keepPage(draft.version, draft.draft, form);
			const visible = visibleFor(draft.version, saved.answers);
			const previous = previousPage(shownPages(draft.version.instrument, visible), saved.page);
			await respond.saveDraftAnswers(event.locals.db, draft.token, {
				answers: saved.answers,
				page: previous ?? saved.page
			});
			redirect(303, pathOf(event));
		},

		/** Quick exit: the draft ends on the server; the page then moves to the neutral site. */
		exit: async (event: Event) => {
			const token = event.cookies.get(RESPONDENT_COOKIE);
			if (token) await respond.discardDraft(event.locals.db, token);
			clearRespondentCookie(event.cookies, event.url, pathOf(event));
			const opened = await respond.openEntry(event.locals.db, entryOf(event));
			return { exit: opened.settings.exitUrl } satisfies PageProblem;
		}
	};

	async function finish(
		event: Event,
		version: respond.ServedVersion,
		token: string,
		language: string,
		limitKey: string,
		checked: { answers: Answers; errors: AnswerError[] }
	) {
		const db = event.locals.db;
		const answers = checked.answers;

		// Answers left wrong on an earlier page (e.g. after skipping ahead) stop the sending.
		const result: respond.SubmitResult = checked.errors.length
			? { ok: false, error: 'invalid', errors: checked.errors }
			: await respond.submitDraft(db, token, 'web', new Date(), {
					version,
					answers,
					limit: { key: `submit:${limitKey}`, perMinute: config().respondLimitPerMinute }
				});
		const done = `${pathOf(event)}?end=thanks&lang=${encodeURIComponent(language)}`;
		if (result.ok) {
			clearRespondentCookie(event.cookies, event.url, pathOf(event));
			redirect(303, done);
		}
		if (result.error === 'tooMany') {
			// Keep what was answered on the last page: the person can send again shortly.
			await respond.saveDraftAnswers(db, token, { answers, page: lastPage(version) });
			return tooMany();
		}
		if (result.error === 'noDraft') {
			// A double click or a retry: the first submission was stored; show its thank-you.
			if (await respond.findReceipt(db, token)) redirect(303, done);
			return fail(410, { message: 'sessionExpired' } satisfies PageProblem);
		}
		if (result.error === 'codeUsed') {
			clearRespondentCookie(event.cookies, event.url, pathOf(event));
			return fail(410, { message: 'codeUsed' } satisfies PageProblem);
		}
		// An earlier page no longer passes (e.g. the person skipped ahead): show the first one.
		const instrument = version.instrument;
		const failing = new Set(result.errors.map((e) => e.question));
		const page = instrument.pages.findIndex((p) => p.questions.some((q) => failing.has(q.name)));
		await respond.saveDraftAnswers(db, token, { answers, page: Math.max(page, 0) });
		return fail(400, {
			page: Math.max(page, 0),
			errors: errorTexts(instrument, language, result.errors)
		} satisfies PageProblem);
	}
}

/** The last page's index: where a draft that could not be sent yet waits. */
function lastPage(version: respond.ServedVersion): number {
	return Math.max(version.instrument.pages.length - 1, 0);
}

/** Saves what is valid of a page the person leaves without finishing it (back, language). */
function keepPage(version: respond.ServedVersion, draft: ResponseDraft, form: URLSearchParams) {
	const index = Number(form.get('_page'));
	const page = Number.isInteger(index) ? version.instrument.pages[index] : undefined;
	const saved = draft.answers as RawValues;
	if (!page) return { answers: saved as Answers, page: draft.page };
	const { answers } = checkAnswers(
		version.instrument,
		{ ...saved, ...readPage(page, form) },
		{ visibleFor: respond.relevanceFor(version) }
	);
	return { answers, page: index };
}

/** Each error in the survey's language: the question's own message first, then the chrome. */
function errorTexts(
	instrument: Instrument,
	lang: string,
	errors: AnswerError[]
): Record<string, string> {
	const chrome = chromeFor(lang);
	const questions = new Map(instrument.pages.flatMap((p) => p.questions).map((q) => [q.name, q]));
	const out: Record<string, string> = {};
	for (const e of errors) {
		const q = questions.get(e.question);
		const own =
			e.code === 'required'
				? q?.requiredMessage
				: e.code === 'constraint'
					? q?.constraintMessage
					: undefined;
		out[e.question] ??=
			textIn(own, lang, instrument.defaultLanguage) ||
			{
				required: chrome.required,
				invalidChoice: chrome.constraintFailed,
				invalidNumber: chrome.invalidNumber,
				invalidWholeNumber: chrome.invalidWholeNumber,
				invalidDate: chrome.invalidDate,
				outOfRange: chrome.constraintFailed,
				constraint: chrome.constraintFailed,
				tooLong: chrome.tooLong
			}[e.code];
	}
	return out;
}
