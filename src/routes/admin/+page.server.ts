// Administration: governing bodies, their units, and user accounts. A refused form comes back with
// what was typed (never the password) and the field at fault, so nothing has to be typed again.
import { fail } from '@sveltejs/kit';
import { originSeenBy } from '$lib/server/origin';
import {
	createBody,
	createUnit,
	createUser,
	InputError,
	setUserDisabled,
	unlockLogin
} from '$lib/server/auth/accounts';
import { issueReset } from '$lib/server/auth/password-change';
import { recentFailures } from '$lib/server/auth/ratelimit';
import type { Role } from '$lib/server/db/schema';
import type { T } from '$lib/i18n';
import { translatorFor } from '$lib/i18n/messages';
import { contextOf, messageOf } from '$lib/server/workflow/route';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db, user } = contextOf(event);
	const [bodies, units, users] = await Promise.all([
		db.selectFrom('governing_bodies').select(['id', 'name']).orderBy('name').execute(),
		db.selectFrom('units').select(['id', 'name', 'body_id']).orderBy('name').execute(),
		db
			.selectFrom('users')
			.select(['id', 'username', 'display_name', 'role', 'unit_id', 'body_id', 'disabled'])
			.orderBy('username')
			.execute()
	]);
	return {
		bodies,
		units,
		users,
		me: user.id,
		welcome: event.url.searchParams.has('welcome'),
		failures: Object.fromEntries(await recentFailures(db))
	};
};

type Values = Record<string, string>;

async function run(t: T, form: string, values: Values, work: () => Promise<unknown>, done: string) {
	try {
		await work();
		return { form, ok: true as const, done };
	} catch (e) {
		if (e instanceof InputError)
			return fail(422, { form, message: messageOf(e, t), field: e.field, values });
		throw e;
	}
}

const text = (f: FormData, k: string) => String(f.get(k) ?? '');

export const actions: Actions = {
	body: async (event) => {
		const { db, user } = contextOf(event);
		const f = await event.request.formData();
		const values = { name: text(f, 'name') };
		const t = translatorFor(event.locals.lang);
		return run(
			t,
			'body',
			values,
			() => createBody(db, user, values.name),
			t('admin.body.done', { name: values.name.trim() })
		);
	},
	unit: async (event) => {
		const { db, user } = contextOf(event);
		const f = await event.request.formData();
		const values = { body_id: text(f, 'body_id'), name: text(f, 'name') };
		const t = translatorFor(event.locals.lang);
		return run(
			t,
			'unit',
			values,
			() => createUnit(db, user, values.body_id, values.name),
			t('admin.unit.done', { name: values.name.trim() })
		);
	},
	user: async (event) => {
		const { db, user } = contextOf(event);
		const f = await event.request.formData();
		const values = {
			username: text(f, 'username'),
			display_name: text(f, 'display_name'),
			role: text(f, 'role'),
			unit_id: text(f, 'unit_id'),
			body_id: text(f, 'body_id')
		};
		const role = values.role as Role;
		const t = translatorFor(event.locals.lang);
		return run(
			t,
			'user',
			values,
			async () => {
				if (!['unit', 'appraiser', 'maintainer', 'admin'].includes(role))
					throw new InputError({ key: 'admin.error.role' }, 'role');
				await createUser(db, user, {
					username: values.username,
					display_name: values.display_name,
					role,
					password: text(f, 'password'),
					unit_id: values.unit_id || null,
					body_id: values.body_id || null
				});
			},
			t('admin.user.done', { username: values.username.trim() })
		);
	},
	reset: async (event) => {
		const { db, user } = contextOf(event);
		const f = await event.request.formData();
		try {
			const r = await issueReset(db, user, text(f, 'id'));
			return {
				form: 'reset',
				ok: true as const,
				reset: {
					username: r.username,
					link: `${originSeenBy(event)}/reset/${r.token}`,
					expires: r.expires.toISOString()
				}
			};
		} catch (e) {
			if (e instanceof InputError)
				return fail(422, {
					form: 'reset',
					message: messageOf(e, translatorFor(event.locals.lang))
				});
			throw e;
		}
	},
	unlock: async (event) => {
		const { db, user } = contextOf(event);
		const f = await event.request.formData();
		const t = translatorFor(event.locals.lang);
		return run(t, 'unlock', {}, () => unlockLogin(db, user, text(f, 'id')), t('admin.done.unlock'));
	},
	toggle: async (event) => {
		const { db, user } = contextOf(event);
		const f = await event.request.formData();
		const disabled = text(f, 'disabled') === 'true';
		const t = translatorFor(event.locals.lang);
		return run(
			t,
			'toggle',
			{},
			() => setUserDisabled(db, user, text(f, 'id'), disabled),
			t(disabled ? 'admin.done.disable' : 'admin.done.enable')
		);
	}
};
