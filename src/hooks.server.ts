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
import { startCheckpointer } from '$lib/server/audit/checkpointer';
import { ensureAuditKey, removeStaleAnchorTemps } from '$lib/server/audit/verify';
import { compressResponse } from '$lib/server/compress';
import { database } from '$lib/server/db';
import { DataDirLockedError } from '$lib/server/db/lock';
import { formNulField } from '$lib/server/input-guard';
import { describeError } from '$lib/server/log-error';
import { fromThisOrigin } from '$lib/server/origin';
import { ruleSetRegistry } from '$lib/server/rulesets';
import { SESSION_MARKER } from '$lib/session-marker';

export const init: ServerInit = async () => {
	const d = await database().catch((e: unknown) => {
		// Another process has the embedded database open: say who, and stop without a stack trace.
		if (e instanceof DataDirLockedError) {
			console.error(e.message);
			process.exit(1);
		}
		throw e;
	});
	const key = await ensureAuditKey(d.db);
	if (key.created)
		console.log(
			`capdo: created the audit key at ${key.created} (mode 600); back it up apart from the database`
		);
	if (key.problem) console.error(`capdo: audit key: ${key.problem}`);
	// A checkpoint cut off by a crash leaves its temporary file beside the anchor: removed here.
	const stale = await removeStaleAnchorTemps(d.db).catch((e: unknown) => {
		console.error(`capdo: audit anchor: ${describeError(e)}`);
		return [];
	});
	for (const path of stale)
		console.log(`capdo: removed ${path}, left by an interrupted checkpoint`);
	const stopCheckpointer = startCheckpointer(d.db);
	// adapter-node emits this after a graceful stop (SIGTERM/SIGINT): sign a last checkpoint of the
	// audit log, then close the database cleanly.
	process.once('sveltekit:shutdown', () => void stopCheckpointer().finally(() => d.close()));
	const token = await issueSetupToken(d.db);
	if (token) console.log(`capdo: first start — create the administrator at ${setupUrl(token)}`);
};

/**
 * Security headers on every response the app renders (the nonce CSP comes from svelte.config.js).
 * HSTS only when the public origin is https: sent over plain http it would be ignored at best.
 */
const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const h = response.headers;
	h.set('x-content-type-options', 'nosniff');
	h.set('referrer-policy', 'same-origin');
	if (event.url.protocol === 'https:')
		h.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
	return response;
};

/** Brotli or gzip for what the app renders (compress.ts); outermost, so it sees the final response. */
const compress: Handle = async ({ event, resolve }) =>
	compressResponse(event.request, await resolve(event));

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cross-site request forgery, for every state-changing request (SvelteKit's own check, which knows
 * only the configured ORIGIN, is off: svelte.config.js). It must come from this origin when the
 * browser names one (origin.ts: the configured origin or the address the browser used);
 * non-browser clients send none and carry no ambient cookie risk. A form-type body (what a form or
 * a no-cors fetch on another site can send) must name this origin, as browsers do on every POST.
 * An API change must be JSON — a page elsewhere can only send form or text bodies without a CORS
 * preflight, which this server never grants — or a file upload (multipart) from this origin.
 */
const csrf: Handle = async ({ event, resolve }) => {
	if (CHANGES.has(event.request.method)) {
		const origin = event.request.headers.get('origin');
		const type = event.request.headers.get('content-type') ?? '';
		const same = fromThisOrigin(event);
		if ((origin !== null || FORM_LIKE.test(type)) && !same) return crossSite(event.request);
		const ok =
			/^application\/json\s*(;|$)/i.test(type) || (/^multipart\/form-data\s*;/i.test(type) && same);
		if (event.route.id?.startsWith('/api/') && !ok)
			return json(
				{
					message:
						'Yêu cầu thay đổi phải gửi Content-Type: application/json (tệp tải lên: multipart/form-data từ chính trang này).'
				},
				{ status: 415 }
			);
	}
	return resolve(event);
};

/** The content types a page of another site can post without a CORS preflight. */
const FORM_LIKE = /^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)\s*(;|$)/i;

const CROSS_SITE = 'Yêu cầu từ nguồn khác bị từ chối. / A request from another site was refused.';

const crossSite = (request: Request) =>
	(request.headers.get('accept') ?? '').includes('text/html')
		? text(CROSS_SITE, 403)
		: json({ message: CROSS_SITE }, { status: 403 });

const FORM = /^(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i;

/**
 * U+0000 anywhere in the URL or a form (PostgreSQL cannot store it): refused here, naming the
 * field, for every route at once. JSON bodies are checked by the API's body reader (route.ts).
 */
const nul: Handle = async ({ event, resolve }) => {
	const { pathname, search } = event.url;
	if (decodeURIComponentSafe(pathname + search).includes('\u0000'))
		return text('Địa chỉ chứa ký tự NUL (U+0000), không được chấp nhận.', 400);
	if (
		CHANGES.has(event.request.method) &&
		FORM.test(event.request.headers.get('content-type') ?? '')
	) {
		const form = await event.request
			.clone()
			.formData()
			.catch(() => undefined);
		const field = form && (await formNulField(form));
		if (field !== undefined)
			return text(`Trường "${field}" chứa ký tự NUL (U+0000), không được chấp nhận.`, 422);
	}
	return resolve(event);
};

const text = (body: string, status: number) =>
	new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

function decodeURIComponentSafe(s: string) {
	try {
		return decodeURIComponent(s);
	} catch {
		return s;
	}
}

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
	// The marker the layout's script reads (session-marker.ts), kept in step with the cookie
	// session on every answer, redirects included: a session that ended elsewhere (signed out in
	// another tab, expired, revoked) or began elsewhere shows on the next navigation of any tab.
	if (!(bearer && routeId?.startsWith('/api/admin/'))) {
		const shown = event.locals.user?.username ?? '';
		if ((event.cookies.get(SESSION_MARKER) ?? '') !== shown) {
			if (shown)
				event.cookies.set(SESSION_MARKER, shown, {
					path: '/',
					httpOnly: false,
					sameSite: 'lax',
					secure: event.url.protocol === 'https:'
				});
			else event.cookies.delete(SESSION_MARKER, { path: '/', httpOnly: false });
		}
	}

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
	// Pages with assessments must not be cached by shared proxies. The immutable resources named by
	// a content hash (rule sets, /rules/data) are public and the same for everyone.
	if (event.locals.user && !/\bimmutable\b/.test(response.headers.get('cache-control') ?? ''))
		response.headers.set('cache-control', 'private, no-store');
	return response;
};

export const handle = sequence(compress, securityHeaders, csrf, nul, language, session);

export const handleError: HandleServerError = ({ error: e, status }) => {
	if (status !== 404) console.error(describeError(e));
	return { message: status === 404 ? 'Không tìm thấy trang.' : 'Lỗi máy chủ.' };
};
