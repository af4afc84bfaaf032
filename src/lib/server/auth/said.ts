// A message by its key in the i18n messages (with its Vietnamese text), so an error can be shown
// in the reader's language. Apart from accounts.ts so that password.ts can use it too.
import { translate, type Lang, type MessageKey } from '../../i18n';
import { vi } from '../../i18n/vi';
import type { Localized } from '../../rules/types';

/**
 * A message by its key in the i18n messages, so a form can show it in the user's language; an
 * error made from one keeps the Vietnamese text as its `message` (the API and the log use that).
 * A parameter may be rule-set text ({vi, en}).
 */
export interface Said {
	key: MessageKey;
	params?: Record<string, string | number | Localized>;
}

/** The text of `said` in `lang`, from those messages. */
export function sayIn(said: Said, lang: Lang, messages: Record<MessageKey, string>): string {
	const params = Object.fromEntries(
		Object.entries(said.params ?? {}).map(([k, v]) => [k, typeof v === 'object' ? v[lang] : v])
	);
	return translate(messages, said.key, params);
}

/** The Vietnamese text of a message given as text or by key. */
export const vietnamese = (m: string | Said): string =>
	typeof m === 'string' ? m : sayIn(m, 'vi', vi);
