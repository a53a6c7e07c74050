import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { clearSessionCookie, LANGUAGE_COOKIE, setSessionCookie } from '$lib/server/auth/cookies';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { config } from '$lib/server/config';
import { isCrossSiteForm } from '$lib/server/csrf';
import { closeDatabase, db } from '$lib/server/db';
import { translatorFor } from '$lib/server/i18n';
import { isFormPost, isRespondentPath, loggablePath } from '$lib/server/respond/http';
import { purgeIdleDrafts } from '$lib/server/respond/service';
import { purgeExpiredConversations } from '$lib/server/sms/inbound';
import { startOutboxWorker } from '$lib/server/sms/outbox';
import { twilioProvider } from '$lib/server/sms/twilio';
import { CHROME_LANGUAGES, chromeFor } from '$lib/survey/chrome';
import { languageDirection } from '$lib/survey/languages';
import { refreshChanged } from '$lib/server/indicators/cache';
import { warmReleases } from '$lib/server/disclosure/release';
import { announceDemo, prepareDatabase } from '$lib/server/setup';
import { DEFAULT_LANGUAGE, direction, UI_LANGUAGES } from '$lib/i18n/languages';
import { parseAcceptLanguage, pickLanguage } from '$lib/i18n/negotiate';

export const init: ServerInit = async () => {
	const started = performance.now();
	const { database, seeded } = await prepareDatabase();
	if (seeded) console.log('\n' + announceDemo(seeded, config().origin) + '\n');
	console.log(`Heard ready on ${database.kind} in ${Math.round(performance.now() - started)} ms`);
	// Respondents' unfinished drafts are deleted after 24 h idle, SMS conversations when they
	// expire. Every server may run this: idempotent DELETEs, so no coordination is needed.
	const purge = setInterval(
		() =>
			void Promise.all([
				purgeIdleDrafts(database.db),
				purgeExpiredConversations(database.db)
			]).catch((e) => console.error('purge failed', e)),
		15 * 60 * 1000
	);
	purge.unref();
	// Dashboards' figures recomputed soon after new answers arrive, not when someone next looks.
	let refreshing = false;
	const refresh = setInterval(() => {
		if (refreshing) return;
		refreshing = true;
		void refreshChanged().finally(() => (refreshing = false));
	}, 10 * 1000);
	refresh.unref();
	// Donors' releases made ahead of their visits: soon after start, then every hour (a period
	// closes at midnight; the same figures give a kept release at once).
	const warm = () =>
		void warmReleases(database.db).catch((e) => console.error('warm-up failed', e));
	const firstWarm = setTimeout(warm, 5_000);
	const hourly = setInterval(warm, 60 * 60 * 1000);
	firstWarm.unref();
	hourly.unref();
	// Queued invitations go out through the provider; several servers share the queue safely.
	const stopOutbox =
		process.env.SMS_WORKER === 'off' ? null : startOutboxWorker(database.db, twilioProvider());
	process.once('sveltekit:shutdown', () => {
		clearInterval(purge);
		clearTimeout(firstWarm);
		clearInterval(hourly);
		void stopOutbox?.();
		void closeDatabase();
	});
};

const csrf: Handle = async ({ event, resolve }) => {
	if (isCrossSiteForm(event.request.method, event.request.headers, event.url.origin)) {
		return new Response('Cross-site form submissions are forbidden', { status: 403 });
	}
	return resolve(event);
};

const session: Handle = async ({ event, resolve }) => {
	event.locals.db = await db();
	event.locals.user = null;
	event.locals.session = null;
	// Respondent pages never look at a staff session: nothing of it is read, renewed or sent.
	if (isRespondentPath(event.url.pathname)) return resolve(event);
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const result = await validateSessionToken(event.locals.db, token);
		if (result) {
			event.locals.user = result.user;
			event.locals.session = result.session;
			setSessionCookie(event.cookies, event.url, token, result.session.expiresAt);
		} else {
			clearSessionCookie(event.cookies, event.url);
		}
	}
	return resolve(event);
};

/** The person's saved choice, then the language cookie, then the browser's Accept-Language. */
const locale: Handle = async ({ event, resolve }) => {
	const lang =
		pickLanguage(
			[
				event.locals.user?.locale,
				event.cookies.get(LANGUAGE_COOKIE),
				...parseAcceptLanguage(event.request.headers.get('accept-language'))
			],
			UI_LANGUAGES
		) ?? DEFAULT_LANGUAGE;
	event.locals.lang = lang;
	event.locals.dir = direction(lang);
	event.locals.t = translatorFor(lang);
	const respondent = isRespondentPath(event.url.pathname);
	return resolve(event, {
		// Respondent pages follow the survey's language and get a neutral icon.
		transformPageChunk: ({ html }) =>
			html
				.replace('%heard.lang%', event.locals.respondentLang?.lang ?? lang)
				.replace('%heard.dir%', event.locals.respondentLang?.dir ?? event.locals.dir)
				.replace('%heard.icon%', respondent ? '/neutral.svg' : '/favicon.svg')
	});
};

/**
 * Respondent posts must be plain forms: anything else gets a short, neutral page in the
 * browser's language before SvelteKit reads a byte (its own refusal would be in English).
 */
const respondentPosts: Handle = async ({ event, resolve }) => {
	if (
		event.request.method === 'POST' &&
		isRespondentPath(event.url.pathname) &&
		!isFormPost(event.request)
	) {
		const lang =
			pickLanguage(
				parseAcceptLanguage(event.request.headers.get('accept-language')),
				CHROME_LANGUAGES
			) ?? 'en';
		const chrome = chromeFor(lang);
		const body = `<!doctype html><html lang="${lang}" dir="${languageDirection(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${chrome.pageTitle}</title></head><body><main><p>${chrome.unreadable}</p></main></body></html>`;
		return new Response(body, {
			status: 415,
			headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }
		});
	}
	return resolve(event);
};

const headers: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const set = (name: string, value: string) => {
		// Redirect and error responses can be immutable; skip rather than throw.
		try {
			response.headers.set(name, value);
		} catch {
			/* immutable */
		}
	};
	set('X-Content-Type-Options', 'nosniff');
	set('Referrer-Policy', 'no-referrer');
	set('X-Frame-Options', 'DENY');
	set('Cross-Origin-Opener-Policy', 'same-origin');
	set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
	if (!response.headers.has('Cache-Control') || event.locals.user) {
		// Pages are personal: never keep them in a shared or back/forward cache.
		set('Cache-Control', 'no-store');
	}
	return response;
};

// Headers first: they wrap every response, including the early refusals of the others.
export const handle = sequence(headers, csrf, respondentPosts, session, locale);

function errorName(error: unknown): string {
	return error instanceof Error ? error.name : typeof error;
}

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message: event.locals.t?.('errors.notFound') ?? message };
	const id = crypto.randomUUID().slice(0, 8);
	const path = loggablePath(event.url.pathname);
	// The error's kind and where it happened, never its message: a database error's message
	// carries the query's parameters (answers, phone numbers being queued, hashes).
	const cause = (error as { cause?: { code?: string } } | null)?.cause?.code;
	const frames = error instanceof Error ? (error.stack ?? '').split('\n').slice(1).join('\n') : '';
	console.error(
		`[${id}] ${event.request.method} ${path}: ${errorName(error)}${cause ? ` (${cause})` : ''}${frames ? `\n${frames}` : ''}`
	);
	return { message: event.locals.t?.('errors.unexpected') ?? 'Unexpected error', id };
};
