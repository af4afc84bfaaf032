import { fail, redirect } from '@sveltejs/kit';
import { login } from '$lib/server/auth/accounts';
import { homeFor } from '$lib/server/auth/policy';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import type { Actions, PageServerLoad } from './$types';

/** Only same-site paths: an open redirect would let a link send users elsewhere after login. */
const safeNext = (v: string | null) =>
	v && /^\/(?!\/)/.test(v) && !v.startsWith('/\\') ? v : undefined;

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user)
		redirect(303, safeNext(url.searchParams.get('next')) ?? homeFor(locals.user.role));
	return {};
};

export const actions: Actions = {
	default: async ({ request, locals, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const username = String(form.get('username') ?? '');
		const password = String(form.get('password') ?? '');
		if (!username.trim() || !password)
			return fail(400, {
				username,
				message: 'Nhập tên đăng nhập và mật khẩu.',
				field: !username.trim() ? 'username' : 'password'
			});
		const r = await login(locals.db, username, password, getClientAddress());
		if (!r.ok) return fail(r.status, { username, message: r.message, field: 'username' });
		cookies.set(SESSION_COOKIE, r.token, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			expires: r.expires
		});
		redirect(303, safeNext(url.searchParams.get('next')) ?? homeFor(r.user.role));
	}
};
