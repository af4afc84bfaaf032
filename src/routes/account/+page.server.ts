// The signed-in user's own account: the password, and personal access tokens for the CLI
// (administrators and maintainers), so `capdo … --url` can work through the running server.
import { fail } from '@sveltejs/kit';
import { InputError } from '$lib/server/auth/accounts';
import {
	issueApiToken,
	listApiTokens,
	revokeApiToken,
	TOKEN_DAYS,
	TOKEN_ROLES
} from '$lib/server/auth/api-tokens';
import { changePassword } from '$lib/server/auth/password-change';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import { originSeenBy } from '$lib/server/origin';
import { translatorFor } from '$lib/i18n/messages';
import { contextOf, messageOf } from '$lib/server/workflow/route';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db, user } = contextOf(event);
	const canToken = TOKEN_ROLES.includes(user.role);
	return {
		canToken,
		days: TOKEN_DAYS,
		tokens: canToken
			? (await listApiTokens(db, user.id)).map((t) => ({
					id: t.id,
					label: t.label,
					created_at: new Date(t.created_at).toISOString(),
					expires_at: new Date(t.expires_at).toISOString(),
					last_used_at: t.last_used_at && new Date(t.last_used_at).toISOString(),
					state: t.revoked_at
						? 'revoked'
						: new Date(t.expires_at) <= new Date()
							? 'expired'
							: 'active'
				}))
			: []
	};
};

/** A refusal in the user's language (App.Locals.lang). */
async function run<T>(lang: App.Locals['lang'], form: string, work: () => Promise<T>) {
	try {
		return { form, ok: true as const, ...(await work()) };
	} catch (e) {
		if (e instanceof InputError)
			return fail(422, {
				form,
				message: messageOf(e, translatorFor(lang)),
				field: e.field
			});
		throw e;
	}
}

const text = (f: FormData, k: string) => String(f.get(k) ?? '');

export const actions: Actions = {
	password: async (event) => {
		const { db, user } = contextOf(event);
		const f = await event.request.formData();
		return run(event.locals.lang, 'password', async () => {
			await changePassword(
				db,
				user,
				{ current: text(f, 'current'), next: text(f, 'password'), confirm: text(f, 'confirm') },
				event.getClientAddress(),
				event.cookies.get(SESSION_COOKIE) ?? ''
			);
			return { changed: true };
		});
	},
	token: async (event) => {
		const { db, user } = contextOf(event);
		const f = await event.request.formData();
		return run(event.locals.lang, 'token', async () => {
			const t = await issueApiToken(db, user, text(f, 'label'), Number(text(f, 'days')));
			// The command names the address the user's browser is at, not npm start's default ORIGIN.
			return { token: t.token, expires: t.expires.toISOString(), origin: originSeenBy(event) };
		});
	},
	revoke: async (event) => {
		const { db, user } = contextOf(event);
		const f = await event.request.formData();
		return run(event.locals.lang, 'revoke', async () => {
			await revokeApiToken(db, user, text(f, 'id'));
			return {};
		});
	}
};
