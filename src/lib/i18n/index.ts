// UI language: Vietnamese by default, English on request (`?lang=en`, then remembered in a cookie).
// The server resolves it (hooks.server.ts) so SSR output and <html lang> are already right.
import type { Lang, Localized } from '../rules/types';
import { en } from './en';
import { vi, type MessageKey } from './vi';

export type { Lang, MessageKey };
export const LANGS: readonly Lang[] = ['vi', 'en'];
export const LANG_COOKIE = 'lang';

const messages: Record<Lang, Record<MessageKey, string>> = { vi, en };

export const isLang = (v: unknown): v is Lang => v === 'vi' || v === 'en';

/** The language asked for in the URL, else the cookie, else Vietnamese. */
export function resolveLang(query: string | null, cookie: string | undefined): Lang {
	if (isLang(query)) return query;
	return isLang(cookie) ? cookie : 'vi';
}

export function translate(
	lang: Lang,
	key: MessageKey,
	params: Record<string, string | number> = {}
): string {
	return messages[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

/** A translator bound to one language, plus a picker for rule-set text ({vi, en}). */
export function translator(lang: Lang) {
	const t = (key: MessageKey, params?: Record<string, string | number>) =>
		translate(lang, key, params);
	t.lang = lang;
	t.pick = (text: Localized | undefined) => text?.[lang] ?? '';
	return t;
}
export type T = ReturnType<typeof translator>;
