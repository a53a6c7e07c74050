import { getContext, setContext } from 'svelte';
import type { TFunction } from './translator';

const KEY = Symbol('i18n');

export interface I18n {
	readonly t: TFunction;
	readonly lang: string;
	readonly dir: 'ltr' | 'rtl';
}

/** Called once by the root layout with getters, so language changes flow to every component. */
export function provideI18n(i18n: I18n): void {
	setContext(KEY, i18n);
}

/** The current translator; read `i18n.t` in markup so it follows language changes. */
export function useI18n(): I18n {
	return getContext<I18n>(KEY);
}
