// The one-time password reset link an administrator issues: sets a new password, once.
import { error, fail } from '@sveltejs/kit';
import { InputError } from '$lib/server/auth/accounts';
import { completeReset, resetUser } from '$lib/server/auth/password-change';
import { translatorFor } from '$lib/i18n/messages';
import { messageOf } from '$lib/server/workflow/route';
import type { Actions, PageServerLoad } from './$types';

const gone = (lang: App.Locals['lang']) => error(404, translatorFor(lang)('auth.reset.gone'));

export const load: PageServerLoad = async ({ locals, params, request }) => {
	const user = await resetUser(locals.db, params.token);
	// After the action that used it, the link is spent: the page shows the action's result.
	if (!user && request.method !== 'POST') gone(locals.lang);
	return { username: user?.username ?? '' };
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const form = await request.formData();
		try {
			const done = await completeReset(locals.db, params.token, {
				next: String(form.get('password') ?? ''),
				confirm: String(form.get('confirm') ?? '')
			});
			if (!done) gone(locals.lang);
			return { done: true, username: done };
		} catch (e) {
			if (e instanceof InputError)
				return fail(422, {
					message: messageOf(e, translatorFor(locals.lang)),
					field: e.field
				});
			throw e;
		}
	}
};
