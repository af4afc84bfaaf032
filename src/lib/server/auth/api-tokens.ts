// Personal access tokens for the CLI (`capdo … --url URL --token TOKEN`): random, shown once,
// stored as sha256, expiring, revocable, and every issue and revocation audited.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB, User } from '../db/schema';
import { appendAudit } from '../audit/log';
import { actorOf, InputError } from './accounts';
import type { Principal } from './policy';
import { hashToken, newToken } from './tokens';

export const TOKEN_PREFIX = 'capdo_';
export const TOKEN_DAYS = [1, 7, 30, 90] as const;
/** Roles whose work has a CLI counterpart on the server (audit verify, impact). */
export const TOKEN_ROLES: readonly Principal['role'][] = ['admin', 'maintainer'];

export async function issueApiToken(
	db: Kysely<DB>,
	by: Principal,
	label: string,
	days: number
): Promise<{ id: string; token: string; expires: Date }> {
	if (!TOKEN_ROLES.includes(by.role)) throw new InputError({ key: 'account.tokens.role' });
	const clean = label.trim();
	if (!clean || clean.length > 100)
		throw new InputError({ key: 'account.tokens.labelRange' }, 'label');
	if (!(TOKEN_DAYS as readonly number[]).includes(days))
		throw new InputError({ key: 'account.tokens.pickDays' }, 'days');
	const token = TOKEN_PREFIX + newToken();
	const id = randomUUID();
	const expires = new Date(Date.now() + days * 86_400_000);
	await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('api_tokens')
			.values({
				id,
				token_hash: hashToken(token),
				user_id: by.id,
				label: clean,
				expires_at: expires
			})
			.execute();
		await appendAudit(trx, actorOf(by), {
			action: 'token.create',
			entity_type: 'api_token',
			entity_id: id,
			after: { label: clean, expires_at: expires.toISOString() }
		});
	});
	return { id, token, expires };
}

export async function revokeApiToken(db: Kysely<DB>, by: Principal, id: string) {
	await db.transaction().execute(async (trx) => {
		const row = await trx
			.updateTable('api_tokens')
			.set({ revoked_at: new Date() })
			.where('id', '=', /^[0-9a-f-]{36}$/i.test(id) ? id : '00000000-0000-0000-0000-000000000000')
			.where('user_id', '=', by.id)
			.where('revoked_at', 'is', null)
			.returning(['label'])
			.executeTakeFirst();
		if (!row) throw new InputError({ key: 'account.tokens.unknown' });
		await appendAudit(trx, actorOf(by), {
			action: 'token.revoke',
			entity_type: 'api_token',
			entity_id: id,
			after: { label: row.label }
		});
	});
}

export async function listApiTokens(db: Kysely<DB>, userId: string) {
	return db
		.selectFrom('api_tokens')
		.select(['id', 'label', 'created_at', 'expires_at', 'last_used_at', 'revoked_at'])
		.where('user_id', '=', userId)
		.orderBy('created_at', 'desc')
		.execute();
}

/** The token's user, when the token is live and its user enabled and still in a token role. */
export async function tokenUser(db: Kysely<DB>, token: string): Promise<User | undefined> {
	if (!token.startsWith(TOKEN_PREFIX)) return undefined;
	const hash = hashToken(token);
	const user = await db
		.selectFrom('api_tokens')
		.innerJoin('users', 'users.id', 'api_tokens.user_id')
		.selectAll('users')
		.where('api_tokens.token_hash', '=', hash)
		.where('api_tokens.revoked_at', 'is', null)
		.where('api_tokens.expires_at', '>', new Date())
		.where('users.disabled', '=', false)
		.executeTakeFirst();
	if (!user || !TOKEN_ROLES.includes(user.role)) return undefined;
	await db
		.updateTable('api_tokens')
		.set({ last_used_at: new Date() })
		.where('token_hash', '=', hash)
		.execute();
	return user;
}
