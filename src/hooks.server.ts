import type { Handle } from '@sveltejs/kit';
import { LANG_COOKIE, resolveLang } from '$lib/i18n';

// Resolves the UI language before rendering so SSR text and <html lang> match what the user chose.
export const handle: Handle = async ({ event, resolve }) => {
	const asked = event.url.searchParams.get('lang');
	const lang = resolveLang(asked, event.cookies.get(LANG_COOKIE));
	if (asked === lang)
		event.cookies.set(LANG_COOKIE, lang, {
			path: '/',
			maxAge: 60 * 60 * 24 * 365,
			httpOnly: false,
			sameSite: 'lax'
		});
	event.locals.lang = lang;
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', lang) });
};
