import { fail, redirect } from '@sveltejs/kit';
import { login } from '$lib/server/auth/accounts';
import { homeFor } from '$lib/server/auth/policy';
import { safeNext } from '$lib/server/auth/redirect';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import { translatorFor } from '$lib/i18n/messages';
import { formatWait } from '$lib/server/auth/ratelimit';
import type { Actions, PageServerLoad } from './$types';

const DEVICE_COOKIE = 'capdo_device';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user)
		redirect(303, safeNext(url.searchParams.get('next'), url.origin) ?? homeFor(locals.user.role));
	return {};
};

export const actions: Actions = {
	default: async ({ request, locals, cookies, url, getClientAddress }) => {
		const t = translatorFor(locals.lang);
		const form = await request.formData();
		const username = String(form.get('username') ?? '');
		const password = String(form.get('password') ?? '');
		if (!username.trim() || !password)
			return fail(400, {
				username,
				message: t('auth.login.missing'),
				field: !username.trim() ? 'username' : 'password'
			});
		const r = await login(
			locals.db,
			username,
			password,
			getClientAddress(),
			cookies.get(DEVICE_COOKIE)
		);
		if (!r.ok)
			return fail(r.status, {
				username,
				message:
					r.status === 429
						? t('auth.login.locked', { wait: formatWait(r.waitSeconds, t.lang) })
						: t('auth.login.wrong'),
				field: 'username'
			});
		// Marks this browser as one the account signed in from: its attempts are counted on their
		// own, so failures from elsewhere never hold the owner back (ratelimit.ts).
		if (r.device)
			cookies.set(DEVICE_COOKIE, r.device, {
				path: '/login',
				httpOnly: true,
				sameSite: 'lax',
				secure: url.protocol === 'https:',
				maxAge: 60 * 60 * 24 * 365
			});
		cookies.set(SESSION_COOKIE, r.token, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			expires: r.expires
		});
		redirect(303, safeNext(url.searchParams.get('next'), url.origin) ?? homeFor(r.user.role));
	}
};
