// Sessions: a random cookie token, stored only as its sha256, expiring after SESSION_HOURS.
import type { Kysely } from 'kysely';
import type { DB, User } from '../db/schema';
import { hashToken, newToken } from './tokens';

export const SESSION_COOKIE = 'capdo_session';
export const SESSION_HOURS = 12;

export async function createSession(db: Kysely<DB>, userId: string) {
	const token = newToken();
	const expires = new Date(Date.now() + SESSION_HOURS * 3600_000);
	await db
		.insertInto('sessions')
		.values({ token_hash: hashToken(token), user_id: userId, expires_at: expires })
		.execute();
	return { token, expires };
}

export async function sessionUser(db: Kysely<DB>, token: string): Promise<User | undefined> {
	const row = await db
		.selectFrom('sessions')
		.innerJoin('users', 'users.id', 'sessions.user_id')
		.selectAll('users')
		.where('sessions.token_hash', '=', hashToken(token))
		.where('sessions.expires_at', '>', new Date())
		.where('users.disabled', '=', false)
		.executeTakeFirst();
	return row;
}

export async function deleteSession(db: Kysely<DB>, token: string) {
	await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
	await db.deleteFrom('sessions').where('expires_at', '<=', new Date()).execute();
}
