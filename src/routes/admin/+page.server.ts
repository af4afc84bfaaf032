// Administration: governing bodies, their units, and user accounts.
import { fail } from '@sveltejs/kit';
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
import { contextOf } from '$lib/server/workflow/route';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db } = contextOf(event);
	const [bodies, units, users] = await Promise.all([
		db.selectFrom('governing_bodies').select(['id', 'name']).orderBy('name').execute(),
		db.selectFrom('units').select(['id', 'name', 'body_id']).orderBy('name').execute(),
		db
			.selectFrom('users')
			.select(['id', 'username', 'display_name', 'role', 'unit_id', 'body_id', 'disabled'])
			.orderBy('username')
			.execute()
	]);
	return { bodies, units, users, failures: Object.fromEntries(await recentFailures(db)) };
};

async function run(form: string, work: () => Promise<unknown>) {
	try {
		await work();
		return { form, ok: true as const };
	} catch (e) {
		if (e instanceof InputError) return fail(422, { form, message: e.message, field: e.field });
		throw e;
	}
}

const text = (f: FormData, k: string) => String(f.get(k) ?? '');

export const actions: Actions = {
	body: async (event) => {
		const { db, user } = contextOf(event);
		const f = await event.request.formData();
		return run('body', () => createBody(db, user, text(f, 'name')));
	},
	unit: async (event) => {
		const { db, user } = contextOf(event);
		const f = await event.request.formData();
		return run('unit', () => createUnit(db, user, text(f, 'body_id'), text(f, 'name')));
	},
	user: async (event) => {
		const { db, user } = contextOf(event);
		const f = await event.request.formData();
		const role = text(f, 'role') as Role;
		return run('user', async () => {
			if (!['unit', 'appraiser', 'maintainer', 'admin'].includes(role))
				throw new InputError('Chọn vai trò.', 'role');
			await createUser(db, user, {
				username: text(f, 'username'),
				display_name: text(f, 'display_name'),
				role,
				password: text(f, 'password'),
				unit_id: text(f, 'unit_id') || null,
				body_id: text(f, 'body_id') || null
			});
		});
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
					link: `${event.url.origin}/reset/${r.token}`,
					expires: r.expires.toISOString()
				}
			};
		} catch (e) {
			if (e instanceof InputError) return fail(422, { form: 'reset', message: e.message });
			throw e;
		}
	},
	unlock: async (event) => {
		const { db, user } = contextOf(event);
		const f = await event.request.formData();
		return run('unlock', () => unlockLogin(db, user, text(f, 'id')));
	},
	toggle: async (event) => {
		const { db, user } = contextOf(event);
		const f = await event.request.formData();
		return run('toggle', () =>
			setUserDisabled(db, user, text(f, 'id'), text(f, 'disabled') === 'true')
		);
	}
};
