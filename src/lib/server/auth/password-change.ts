// Changing a password: by its owner (knowing the current one), or through a one-time reset link
// an administrator issues (issue 16 item 9). Either way the new password passes the same checks as
// a new account's, other sessions end, and the audit log records that it happened (never a hash).
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { appendAudit } from '../audit/log';
import { actorOf, InputError, isUuid } from './accounts';
import { hashPassword, MAX_PASSWORD_LENGTH, passwordIssue, verifyPassword } from './password';
import type { Principal } from './policy';
import { chargeAttempt, clearAccountFailures, formatWait, refund } from './ratelimit';
import { hashToken, newToken } from './tokens';

export const RESET_HOURS = 24;

async function checkNew(next: string, confirm: string, personal: string[]) {
	if (next !== confirm) throw new InputError({ key: 'account.password.mismatch' }, 'confirm');
	const problem = await passwordIssue(next, personal);
	if (problem) throw new InputError(problem, 'password');
	return hashPassword(next);
}

/** The owner's change: the current password is checked (and throttled like a sign-in). */
export async function changePassword(
	db: Kysely<DB>,
	user: Principal,
	input: { current: string; next: string; confirm: string },
	ip: string,
	keepSession: string
) {
	const subject = { username: user.username, ip };
	const charge = await chargeAttempt(db, subject);
	if (!charge.ok)
		throw new InputError(
			{
				key: 'account.password.locked',
				params: {
					wait: { vi: formatWait(charge.waitSeconds), en: formatWait(charge.waitSeconds, 'en') }
				}
			},
			'current'
		);
	const row = await db
		.selectFrom('users')
		.select('password_hash')
		.where('id', '=', user.id)
		.executeTakeFirstOrThrow();
	if (
		input.current.length > MAX_PASSWORD_LENGTH ||
		!(await verifyPassword(input.current, row.password_hash))
	)
		throw new InputError({ key: 'account.password.wrong' }, 'current');
	await refund(db, subject, charge);
	if (input.next === input.current)
		throw new InputError({ key: 'account.password.same' }, 'password');
	const hash = await checkNew(input.next, input.confirm, [user.username, user.display_name]);
	await db.transaction().execute(async (trx) => {
		await trx.updateTable('users').set({ password_hash: hash }).where('id', '=', user.id).execute();
		// Everywhere else signed in with the old password is signed out.
		await trx
			.deleteFrom('sessions')
			.where('user_id', '=', user.id)
			.where('token_hash', '!=', hashToken(keepSession))
			.execute();
		await appendAudit(trx, actorOf(user), {
			action: 'user.password',
			entity_type: 'user',
			entity_id: user.id,
			unit_id: user.unit_id,
			after: { by: 'owner' }
		});
	});
}

/** An administrator's reset link for another account; earlier unused links die. */
export async function issueReset(db: Kysely<DB>, by: Principal, userId: string) {
	if (!isUuid(userId)) throw new InputError({ key: 'admin.error.noUser' });
	if (userId === by.id) throw new InputError({ key: 'admin.error.ownPassword' });
	const token = newToken();
	const expires = new Date(Date.now() + RESET_HOURS * 3600_000);
	const user = await db.transaction().execute(async (trx) => {
		const u = await trx
			.selectFrom('users')
			.select(['id', 'username', 'unit_id'])
			.where('id', '=', userId)
			.executeTakeFirst();
		if (!u) throw new InputError({ key: 'admin.error.noUser' });
		await trx.deleteFrom('password_resets').where('user_id', '=', userId).execute();
		await trx
			.insertInto('password_resets')
			.values({
				token_hash: hashToken(token),
				user_id: userId,
				created_by: by.id,
				expires_at: expires
			})
			.execute();
		await appendAudit(trx, actorOf(by), {
			action: 'user.reset',
			entity_type: 'user',
			entity_id: userId,
			unit_id: u.unit_id,
			after: { expires_at: expires.toISOString() }
		});
		return u;
	});
	return { token, expires, username: user.username };
}

/** The account a reset link opens, while the link is unused, unexpired and the account enabled. */
export async function resetUser(db: Kysely<DB>, token: string) {
	return db
		.selectFrom('password_resets')
		.innerJoin('users', 'users.id', 'password_resets.user_id')
		.select(['users.id', 'users.username', 'users.display_name', 'users.unit_id'])
		.where('password_resets.token_hash', '=', hashToken(token))
		.where('password_resets.used_at', 'is', null)
		.where('password_resets.expires_at', '>', new Date())
		.where('users.disabled', '=', false)
		.executeTakeFirst();
}

/**
 * Sets the new password through the link (once); every session of the account ends. Returns the
 * account's login, or undefined when the link is not (or no longer) valid.
 */
export async function completeReset(
	db: Kysely<DB>,
	token: string,
	input: { next: string; confirm: string }
): Promise<string | undefined> {
	const user = await resetUser(db, token);
	if (!user) return undefined;
	const hash = await checkNew(input.next, input.confirm, [user.username, user.display_name]);
	return db.transaction().execute(async (trx) => {
		const used = await trx
			.updateTable('password_resets')
			.set({ used_at: new Date() })
			.where('token_hash', '=', hashToken(token))
			.where('used_at', 'is', null)
			.where('expires_at', '>', new Date())
			.returning('user_id')
			.executeTakeFirst();
		if (!used) return undefined;
		await trx.updateTable('users').set({ password_hash: hash }).where('id', '=', user.id).execute();
		await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
		// A fresh start: the owner, locked out by failures, may sign in at once.
		const devices = await trx
			.selectFrom('login_devices')
			.select('token_hash')
			.where('user_id', '=', user.id)
			.execute();
		await clearAccountFailures(
			trx,
			user.username,
			devices.map((d) => d.token_hash)
		);
		await appendAudit(
			trx,
			{ id: user.id, name: user.username },
			{
				action: 'user.password',
				entity_type: 'user',
				entity_id: user.id,
				unit_id: user.unit_id,
				after: { by: 'reset link' }
			}
		);
		return user.username;
	});
}
