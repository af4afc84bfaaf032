// UI language: Vietnamese by default, English on request (`?lang=en`, then remembered in a cookie).
// The server resolves it (hooks.server.ts) so SSR output and <html lang> are already right, and
// sends only that language's strings as page data (see messages.ts), so no JS ships both.
import type { Lang, Localized } from '../rules/types';
import type { MessageKey } from './vi';

export type { Lang, MessageKey };
export const LANGS: readonly Lang[] = ['vi', 'en'];
export const LANG_COOKIE = 'lang';

export type Messages = Record<MessageKey, string>;

export const isLang = (v: unknown): v is Lang => v === 'vi' || v === 'en';

/** The language asked for in the URL, else the cookie, else Vietnamese. */
export function resolveLang(query: string | null, cookie: string | undefined): Lang {
	if (isLang(query)) return query;
	return isLang(cookie) ? cookie : 'vi';
}

export function translate(
	messages: Messages,
	key: MessageKey,
	params: Record<string, string | number> = {}
): string {
	return messages[key].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

/** A translator bound to one language, plus a picker for rule-set text ({vi, en}). */
export function translator(lang: Lang, messages: Messages) {
	const t = (key: MessageKey, params?: Record<string, string | number>) =>
		translate(messages, key, params);
	t.lang = lang;
	t.pick = (text: Localized | undefined) => text?.[lang] ?? '';
	return t;
}
export type T = ReturnType<typeof translator>;
