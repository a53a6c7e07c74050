import type { SessionInfo, SessionUser } from '$lib/server/auth/session';
import type { UiLanguage } from '$lib/i18n/languages';
import type { TFunction } from '$lib/i18n/translator';
import type { Db } from '$lib/server/db';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** Quoted to support staff; the same id is in the server log. */
			id?: string;
		}
		interface Locals {
			/** The process-wide database handle; routes reach data only through services given it. */
			db: Db;
			user: SessionUser | null;
			session: SessionInfo | null;
			lang: UiLanguage;
			dir: 'ltr' | 'rtl';
			t: TFunction;
			/** Set by respondent pages: <html lang dir> follow the survey's language there. */
			respondentLang?: { lang: string; dir: 'ltr' | 'rtl' };
		}
	}
}

export {};
