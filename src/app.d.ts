import type { SessionInfo, SessionUser } from '$lib/server/auth/session';
import type { UiLanguage } from '$lib/i18n/languages';
import type { TFunction } from '$lib/i18n/translator';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** Quoted to support staff; the same id is in the server log. */
			id?: string;
		}
		interface Locals {
			user: SessionUser | null;
			session: SessionInfo | null;
			lang: UiLanguage;
			dir: 'ltr' | 'rtl';
			t: TFunction;
		}
	}
}

export {};
