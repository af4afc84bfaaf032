// Governing bodies, units and users: created by the administrator, every change audited.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, Role, User } from '../db/schema';
import { appendAudit, type Actor } from '../audit/log';
import {
	dummyHash,
	hashPassword,
	MAX_PASSWORD_LENGTH,
	passwordIssue,
	verifyPassword
} from './password';
import type { Principal } from './policy';
import {
	chargeAttempt,
	clearAccountFailures,
	formatWait,
	pruneFailures,
	refund
} from './ratelimit';
import { createSession } from './sessions';
import { hashToken, newToken } from './tokens';
import { vietnamese, type Said } from './said';

export { sayIn, vietnamese, type Said } from './said';

export class InputError extends Error {
	readonly said?: Said;
	constructor(
		message: string | Said,
		readonly field?: string
	) {
		super(vietnamese(message));
		if (typeof message !== 'string') this.said = message;
	}
}

export const actorOf = (p: Principal): Actor => ({ id: p.id, name: p.username });

/** Ids from forms and URLs: anything else would reach PostgreSQL's uuid parser and fail there. */
export const isUuid = (v: string) =>
	/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

/** What the audit log keeps of a user: never the password hash. */
const publicUser = (u: Omit<User, 'created_at' | 'password_hash'> & Partial<User>) => ({
	id: u.id,
	username: u.username,
	display_name: u.display_name,
	role: u.role,
	unit_id: u.unit_id,
	body_id: u.body_id,
	disabled: u.disabled
});

export interface NewUser {
	username: string;
	display_name: string;
	role: Role;
	password: string;
	unit_id?: string | null;
	body_id?: string | null;
}

/**
 * What can be checked and computed before a transaction opens: the strength estimate and scrypt
 * take a fraction of a second each, and must not hold the database meanwhile.
 */
async function prepareUser(input: NewUser) {
	const username = input.username.trim().toLowerCase();
	if (!/^[a-z0-9._-]{3,64}$/.test(username))
		throw new InputError({ key: 'admin.error.username' }, 'username');
	if (!input.display_name.trim())
		throw new InputError({ key: 'admin.error.displayName' }, 'display_name');
	const problem = await passwordIssue(input.password, [username, input.display_name]);
	if (problem) throw new InputError(problem, 'password');
	return { ...input, username, password_hash: await hashPassword(input.password) };
}
type PreparedUser = Awaited<ReturnType<typeof prepareUser>>;

async function insertUser(trx: Transaction<DB>, actor: Actor, input: PreparedUser) {
	const username = input.username;
	const unit_id = input.role === 'unit' ? input.unit_id || null : null;
	const body_id = input.role === 'appraiser' ? input.body_id || null : null;
	if (input.role === 'unit' && !unit_id)
		throw new InputError({ key: 'admin.error.pickUnit' }, 'unit_id');
	if (input.role === 'appraiser' && !body_id)
		throw new InputError({ key: 'admin.error.pickBody' }, 'body_id');
	if (
		unit_id &&
		!(
			isUuid(unit_id) &&
			(await trx.selectFrom('units').select('id').where('id', '=', unit_id).executeTakeFirst())
		)
	)
		throw new InputError({ key: 'admin.error.noUnit' }, 'unit_id');
	if (
		body_id &&
		!(
			isUuid(body_id) &&
			(await trx
				.selectFrom('governing_bodies')
				.select('id')
				.where('id', '=', body_id)
				.executeTakeFirst())
		)
	)
		throw new InputError({ key: 'admin.error.noBody' }, 'body_id');
	const taken = await trx
		.selectFrom('users')
		.select('id')
		.where('username', '=', username)
		.executeTakeFirst();
	if (taken) throw new InputError({ key: 'admin.error.taken' }, 'username');
	const user = {
		id: randomUUID(),
		username,
		display_name: input.display_name.trim(),
		role: input.role,
		unit_id,
		body_id,
		password_hash: input.password_hash,
		disabled: false
	};
	await trx.insertInto('users').values(user).execute();
	await appendAudit(trx, actor.id ? actor : { id: user.id, name: username }, {
		action: 'user.create',
		entity_type: 'user',
		entity_id: user.id,
		unit_id,
		after: publicUser(user)
	});
	return user;
}

export async function createUser(db: Kysely<DB>, by: Principal, input: NewUser) {
	const prepared = await prepareUser(input);
	return db.transaction().execute((trx) => insertUser(trx, actorOf(by), prepared));
}

/** Uses the setup token (once) to create the first administrator. */
export async function createFirstAdmin(
	db: Kysely<DB>,
	token: string,
	input: Omit<NewUser, 'role'>
) {
	const prepared = await prepareUser({ ...input, role: 'admin' });
	return db.transaction().execute(async (trx) => {
		const used = await trx
			.updateTable('setup_tokens')
			.set({ used_at: new Date() })
			.where('token_hash', '=', hashToken(token))
			.where('used_at', 'is', null)
			.returning('token_hash')
			.executeTakeFirst();
		const anyUser = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
		if (!used || anyUser) return undefined;
		return insertUser(trx, { id: null, name: 'setup' }, prepared);
	});
}

export async function setUserDisabled(
	db: Kysely<DB>,
	by: Principal,
	userId: string,
	disabled: boolean
) {
	if (userId === by.id) throw new InputError({ key: 'admin.error.self' });
	if (!isUuid(userId)) throw new InputError({ key: 'admin.error.noUser' });
	await db.transaction().execute(async (trx) => {
		const before = await trx
			.selectFrom('users')
			.selectAll()
			.where('id', '=', userId)
			.forUpdate()
			.executeTakeFirst();
		if (!before) throw new InputError({ key: 'admin.error.noUser' });
		await trx.updateTable('users').set({ disabled }).where('id', '=', userId).execute();
		if (disabled) await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
		await appendAudit(trx, actorOf(by), {
			action: disabled ? 'user.disable' : 'user.enable',
			entity_type: 'user',
			entity_id: userId,
			unit_id: before.unit_id,
			before: publicUser(before),
			after: publicUser({ ...before, disabled })
		});
	});
}

export async function createBody(db: Kysely<DB>, by: Principal, name: string) {
	const clean = name.trim();
	if (!clean) throw new InputError({ key: 'admin.error.bodyName' }, 'name');
	return db.transaction().execute(async (trx) => {
		const dup = await trx
			.selectFrom('governing_bodies')
			.select('id')
			.where('name', '=', clean)
			.executeTakeFirst();
		if (dup) throw new InputError({ key: 'admin.error.bodyTaken' }, 'name');
		const body = { id: randomUUID(), name: clean };
		await trx.insertInto('governing_bodies').values(body).execute();
		await appendAudit(trx, actorOf(by), {
			action: 'body.create',
			entity_type: 'governing_body',
			entity_id: body.id,
			after: body
		});
		return body;
	});
}

export async function createUnit(db: Kysely<DB>, by: Principal, bodyId: string, name: string) {
	const clean = name.trim();
	if (!clean) throw new InputError({ key: 'admin.error.unitName' }, 'name');
	if (!isUuid(bodyId)) throw new InputError({ key: 'admin.error.pickBody' }, 'body_id');
	return db.transaction().execute(async (trx) => {
		const body = await trx
			.selectFrom('governing_bodies')
			.select('id')
			.where('id', '=', bodyId)
			.executeTakeFirst();
		if (!body) throw new InputError({ key: 'admin.error.pickBody' }, 'body_id');
		const dup = await trx
			.selectFrom('units')
			.select('id')
			.where('body_id', '=', bodyId)
			.where('name', '=', clean)
			.executeTakeFirst();
		if (dup) throw new InputError({ key: 'admin.error.unitTaken' }, 'name');
		const unit = { id: randomUUID(), body_id: bodyId, name: clean };
		await trx.insertInto('units').values(unit).execute();
		await appendAudit(trx, actorOf(by), {
			action: 'unit.create',
			entity_type: 'unit',
			entity_id: unit.id,
			unit_id: unit.id,
			after: unit
		});
		return unit;
	});
}

export type LoginResult =
	| { ok: true; user: User; token: string; expires: Date; device?: string }
	| { ok: false; status: 400; message: string }
	| { ok: false; status: 429; message: string; waitSeconds: number };

export async function login(
	db: Kysely<DB>,
	username: string,
	password: string,
	ip: string,
	deviceToken?: string
): Promise<LoginResult> {
	const name = username.trim().toLowerCase().slice(0, 200);
	const device = deviceToken ? await knownDevice(db, name, deviceToken) : undefined;
	const subject = { username: name, ip, device };
	const charge = await chargeAttempt(db, subject);
	if (!charge.ok)
		return {
			ok: false,
			status: 429,
			waitSeconds: charge.waitSeconds,
			message: `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${formatWait(charge.waitSeconds)}.`
		};
	const user = await db
		.selectFrom('users')
		.selectAll()
		.where('username', '=', name)
		.executeTakeFirst();
	// Same work whether or not the account exists.
	const good =
		password.length <= MAX_PASSWORD_LENGTH &&
		(await verifyPassword(password, user?.password_hash ?? (await dummyHash())));
	if (!user || !good || user.disabled) {
		if (Math.random() < 0.05) await pruneFailures(db);
		return { ok: false, status: 400, message: 'Tên đăng nhập hoặc mật khẩu không đúng.' };
	}
	await refund(db, subject, charge);
	if (device)
		await db
			.updateTable('login_devices')
			.set({ last_used_at: new Date() })
			.where('token_hash', '=', device)
			.execute();
	const session = await createSession(db, user.id);
	return {
		ok: true,
		user,
		...session,
		device: device ? undefined : await issueDevice(db, user.id)
	};
}

/** The device cookie's hash, when that browser signed in to this very account before. */
async function knownDevice(db: Kysely<DB>, username: string, token: string) {
	const row = await db
		.selectFrom('login_devices')
		.innerJoin('users', 'users.id', 'login_devices.user_id')
		.select('login_devices.token_hash')
		.where('login_devices.token_hash', '=', hashToken(token))
		.where('users.username', '=', username)
		.executeTakeFirst();
	return row?.token_hash;
}

/** A new device cookie for a browser that just signed in; an account keeps its 20 latest. */
async function issueDevice(db: Kysely<DB>, userId: string): Promise<string> {
	const token = newToken();
	await db
		.insertInto('login_devices')
		.values({ token_hash: hashToken(token), user_id: userId })
		.execute();
	await sql`delete from login_devices where user_id = ${userId} and token_hash not in (
		select token_hash from login_devices where user_id = ${userId}
		order by last_used_at desc limit 20)`.execute(db);
	return token;
}

/** The administrator's unlock: the account's failed sign-ins are forgotten, and audited. */
export async function unlockLogin(db: Kysely<DB>, by: Principal, userId: string) {
	if (!isUuid(userId)) throw new InputError({ key: 'admin.error.noUser' });
	await db.transaction().execute(async (trx) => {
		const user = await trx
			.selectFrom('users')
			.select(['id', 'username', 'unit_id'])
			.where('id', '=', userId)
			.executeTakeFirst();
		if (!user) throw new InputError({ key: 'admin.error.noUser' });
		const devices = await trx
			.selectFrom('login_devices')
			.select('token_hash')
			.where('user_id', '=', userId)
			.execute();
		await clearAccountFailures(
			trx,
			user.username,
			devices.map((d) => d.token_hash)
		);
		await appendAudit(trx, actorOf(by), {
			action: 'user.unlock',
			entity_type: 'user',
			entity_id: userId,
			unit_id: user.unit_id
		});
	});
}
