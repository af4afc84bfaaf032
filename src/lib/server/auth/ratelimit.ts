// Login throttling per account + address, kept in the database so restarts do not reset it.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

export const MAX_FAILURES = 5;
export const WINDOW_MINUTES = 15;

export const limitKey = (username: string, ip: string) => `${username.toLowerCase()}|${ip}`;

const since = () => new Date(Date.now() - WINDOW_MINUTES * 60_000);

/** Minutes until the next attempt is allowed, or 0 when it is allowed now. */
export async function lockedFor(db: Kysely<DB>, key: string): Promise<number> {
	const rows = await db
		.selectFrom('login_failures')
		.select('at')
		.where('key', '=', key)
		.where('at', '>', since())
		.orderBy('at')
		.execute();
	if (rows.length < MAX_FAILURES) return 0;
	const oldest = new Date(rows[rows.length - MAX_FAILURES]!.at).getTime();
	return Math.max(1, Math.ceil((oldest + WINDOW_MINUTES * 60_000 - Date.now()) / 60_000));
}

export async function recordFailure(db: Kysely<DB>, key: string) {
	await db.insertInto('login_failures').values({ key }).execute();
	await db.deleteFrom('login_failures').where('at', '<', since()).execute();
}

export async function clearFailures(db: Kysely<DB>, key: string) {
	await db.deleteFrom('login_failures').where('key', '=', key).execute();
}
