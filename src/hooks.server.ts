// Opens and migrates the database on start, announces the setup link when there is no user,
// resolves the UI language, the session and the route policy before any load, action or endpoint.
import {
	error,
	json,
	redirect,
	type Handle,
	type HandleServerError,
	type ServerInit
} from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { LANG_COOKIE, resolveLang } from '$lib/i18n';
import { tokenUser } from '$lib/server/auth/api-tokens';
import { routeAccess } from '$lib/server/auth/policy';
import { SESSION_COOKIE, sessionUser } from '$lib/server/auth/sessions';
import { issueSetupToken, setupUrl } from '$lib/server/auth/setup';
import { database } from '$lib/server/db';
import { DataDirLockedError } from '$lib/server/db/lock';
import { ruleSetRegistry } from '$lib/server/rulesets';

export const init: ServerInit = async () => {
	const d = await database().catch((e: unknown) => {
		// Another process has the embedded database open: say who, and stop without a stack trace.
		if (e instanceof DataDirLockedError) {
			console.error(e.message);
			process.exit(1);
		}
		throw e;
	});
	// adapter-node emits this after a graceful stop (SIGTERM/SIGINT): close the database cleanly.
	process.once('sveltekit:shutdown', () => void d.close());
	const token = await issueSetupToken(d.db);
	if (token) console.log(`capdo: first start — create the administrator at ${setupUrl(token)}`);
};

// Resolves the UI language before rendering so SSR text and <html lang> match what the user chose.
const language: Handle = async ({ event, resolve }) => {
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

const session: Handle = async ({ event, resolve }) => {
	const { db } = await database();
	event.locals.db = db;
	event.locals.rulesets = await ruleSetRegistry(db);
	const routeId = event.route.id;
	// The CLI's read-only endpoints also take a personal access token (never a cookie: no CSRF).
	const bearer = event.request.headers.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
	const token = event.cookies.get(SESSION_COOKIE);
	const user =
		bearer && routeId?.startsWith('/api/admin/')
			? await tokenUser(db, bearer)
			: token
				? await sessionUser(db, token)
				: undefined;
	event.locals.user = user
		? {
				id: user.id,
				username: user.username,
				display_name: user.display_name,
				role: user.role,
				unit_id: user.unit_id,
				body_id: user.body_id
			}
		: null;

	if (routeId) {
		const access = routeAccess(routeId, event.locals.user);
		const api = routeId.startsWith('/api/');
		if (access === 'login') {
			if (api) return json({ message: 'Cần đăng nhập.' }, { status: 401 });
			const next = event.url.pathname + event.url.search;
			redirect(303, `/login?next=${encodeURIComponent(next)}`);
		}
		if (access === 'forbidden') {
			if (api) return json({ message: 'Không có quyền truy cập.' }, { status: 403 });
			error(403, 'Bạn không có quyền truy cập trang này.');
		}
	}
	const response = await resolve(event);
	// Pages with assessments must not be cached by shared proxies.
	if (event.locals.user) response.headers.set('cache-control', 'private, no-store');
	return response;
};

export const handle = sequence(language, session);

export const handleError: HandleServerError = ({ error: e, status }) => {
	if (status !== 404) console.error(e);
	return { message: status === 404 ? 'Không tìm thấy trang.' : 'Lỗi máy chủ.' };
};
