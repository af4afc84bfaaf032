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
import { contextOf } from '$lib/server/workflow/route';
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

async function run(form: string, values: Values, work: () => Promise<unknown>, done: string) {
	try {
		await work();
		return { form, ok: true as const, done };
	} catch (e) {
		if (e instanceof InputError)
			return fail(422, { form, message: e.message, field: e.field, values });
		throw e;
	}
}

const text = (f: FormData, k: string) => String(f.get(k) ?? '');

export const actions: Actions = {
	body: async (event) => {
		const { db, user } = contextOf(event);
		const f = await event.request.formData();
		const values = { name: text(f, 'name') };
		return run(
			'body',
			values,
			() => createBody(db, user, values.name),
			`Đã thêm cơ quan “${values.name.trim()}”.`
		);
	},
	unit: async (event) => {
		const { db, user } = contextOf(event);
		const f = await event.request.formData();
		const values = { body_id: text(f, 'body_id'), name: text(f, 'name') };
		return run(
			'unit',
			values,
			() => createUnit(db, user, values.body_id, values.name),
			`Đã thêm đơn vị “${values.name.trim()}”.`
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
		return run(
			'user',
			values,
			async () => {
				if (!['unit', 'appraiser', 'maintainer', 'admin'].includes(role))
					throw new InputError('Chọn vai trò.', 'role');
				await createUser(db, user, {
					username: values.username,
					display_name: values.display_name,
					role,
					password: text(f, 'password'),
					unit_id: values.unit_id || null,
					body_id: values.body_id || null
				});
			},
			`Đã thêm người dùng “${values.username.trim()}”. Gửi mật khẩu ban đầu cho họ qua một kênh riêng.`
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
			if (e instanceof InputError) return fail(422, { form: 'reset', message: e.message });
			throw e;
		}
	},
	unlock: async (event) => {
		const { db, user } = contextOf(event);
		const f = await event.request.formData();
		return run('unlock', {}, () => unlockLogin(db, user, text(f, 'id')), 'Đã mở khóa đăng nhập.');
	},
	toggle: async (event) => {
		const { db, user } = contextOf(event);
		const f = await event.request.formData();
		const disabled = text(f, 'disabled') === 'true';
		return run(
			'toggle',
			{},
			() => setUserDisabled(db, user, text(f, 'id'), disabled),
			disabled ? 'Đã khóa tài khoản.' : 'Đã mở khóa tài khoản.'
		);
	}
};
