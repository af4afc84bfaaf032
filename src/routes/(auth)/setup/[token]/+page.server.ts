// The one-time link printed on first start: creates the first administrator, then dies.
import { error, fail, redirect } from '@sveltejs/kit';
import { createFirstAdmin, InputError } from '$lib/server/auth/accounts';
import { createSession, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { setupTokenValid } from '$lib/server/auth/setup';
import { translatorFor } from '$lib/i18n/messages';
import { messageOf } from '$lib/server/workflow/route';
import type { Actions, PageServerLoad } from './$types';

const gone = (lang: App.Locals['lang']) => error(404, translatorFor(lang)('auth.setup.gone'));

export const load: PageServerLoad = async ({ locals, params }) => {
	if (!(await setupTokenValid(locals.db, params.token))) gone(locals.lang);
	return {};
};

export const actions: Actions = {
	default: async ({ locals, params, request, cookies, url }) => {
		const t = translatorFor(locals.lang);
		const form = await request.formData();
		const input = {
			username: String(form.get('username') ?? ''),
			display_name: String(form.get('display_name') ?? ''),
			password: String(form.get('password') ?? '')
		};
		if (input.password !== String(form.get('confirm') ?? ''))
			return fail(422, {
				...input,
				password: '',
				message: t('auth.setup.mismatch'),
				field: 'confirm'
			});
		let user;
		try {
			user = await createFirstAdmin(locals.db, params.token, input);
		} catch (e) {
			if (e instanceof InputError)
				return fail(422, {
					...input,
					password: '',
					message: messageOf(e, t),
					field: e.field
				});
			throw e;
		}
		if (!user) gone(locals.lang);
		const s = await createSession(locals.db, user!.id);
		cookies.set(SESSION_COOKIE, s.token, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			expires: s.expires
		});
		redirect(303, '/admin?welcome');
	}
};
