// First start: no users, so print a one-time link that creates the administrator.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { hashToken, newToken } from './tokens';

/** When there is no user, replaces any earlier setup token with a new one and returns it. */
export async function issueSetupToken(db: Kysely<DB>): Promise<string | undefined> {
	return db.transaction().execute(async (trx) => {
		const anyUser = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
		if (anyUser) return undefined;
		const token = newToken();
		await trx.deleteFrom('setup_tokens').execute();
		await trx
			.insertInto('setup_tokens')
			.values({ token_hash: hashToken(token) })
			.execute();
		return token;
	});
}

export async function setupTokenValid(db: Kysely<DB>, token: string): Promise<boolean> {
	const row = await db
		.selectFrom('setup_tokens')
		.select('token_hash')
		.where('token_hash', '=', hashToken(token))
		.where('used_at', 'is', null)
		.executeTakeFirst();
	if (!row) return false;
	const anyUser = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
	return !anyUser;
}

export function setupUrl(token: string, env: NodeJS.ProcessEnv = process.env): string {
	const origin =
		env.ORIGIN ??
		`http://${env.HOST && env.HOST !== '0.0.0.0' ? env.HOST : 'localhost'}:${env.PORT ?? 3000}`;
	return `${origin.replace(/\/$/, '')}/setup/${token}`;
}
