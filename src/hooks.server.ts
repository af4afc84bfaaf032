// Opens and migrates the database on start, announces the setup link when there is no user,
// resolves the session and enforces the route policy before any load, action or endpoint runs.
import {
	error,
	json,
	redirect,
	type Handle,
	type HandleServerError,
	type ServerInit
} from '@sveltejs/kit';
import { routeAccess } from '$lib/server/auth/policy';
import { SESSION_COOKIE, sessionUser } from '$lib/server/auth/sessions';
import { issueSetupToken, setupUrl } from '$lib/server/auth/setup';
import { database } from '$lib/server/db';

export const init: ServerInit = async () => {
	const d = await database();
	// adapter-node emits this after a graceful stop (SIGTERM/SIGINT): close the database cleanly.
	process.once('sveltekit:shutdown', () => void d.close());
	const token = await issueSetupToken(d.db);
	if (token) console.log(`capdo: first start — create the administrator at ${setupUrl(token)}`);
};

export const handle: Handle = async ({ event, resolve }) => {
	const { db } = await database();
	event.locals.db = db;
	const token = event.cookies.get(SESSION_COOKIE);
	const user = token ? await sessionUser(db, token) : undefined;
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

	const routeId = event.route.id;
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

export const handleError: HandleServerError = ({ error: e, status }) => {
	if (status !== 404) console.error(e);
	return { message: status === 404 ? 'Không tìm thấy trang.' : 'Lỗi máy chủ.' };
};
