// Login throttling, kept in the database so that restarts and several app processes share it.
//
// Each attempt is charged to up to three keys *before* the password is checked, in one
// transaction that holds an advisory lock per key: parallel attempts cannot all pass a check
// made before any of them was counted (the race an outside test found: 40 parallel wrong
// passwords were all checked). A success refunds its own charge.
//
// Keys, each with some free failures and then an exponential backoff (never a fixed lockout):
//   pair   account + address       5 free, then 30 s, 1 min, 2 min … up to 15 min
//   user   account, any address    10 free, then 30 s … up to 5 min — but an attempt from a
//          browser that signed in to this account before counts on its own `device` key
//          instead, so a stranger's failures never hold the owner back
//   ip     address, any account    50 free, then 30 s … up to 15 min (password spraying)
// The address is what adapter-node reports: behind a proxy set ADDRESS_HEADER / XFF_DEPTH
// (README), or every user shares the proxy's address.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';

export const WINDOW_MINUTES = 15;

interface Rule {
	free: number;
	capSeconds: number;
}
export const RULES = {
	pair: { free: 5, capSeconds: 15 * 60 },
	user: { free: 10, capSeconds: 5 * 60 },
	device: { free: 10, capSeconds: 5 * 60 },
	ip: { free: 50, capSeconds: 15 * 60 }
} as const satisfies Record<string, Rule>;
type Kind = keyof typeof RULES;

const BASE_SECONDS = 30;

export interface Subject {
	username: string;
	ip: string;
	/** sha256 of a device cookie this account issued, when the browser sent one. */
	device?: string;
}

export function limitKeys(s: Subject): { kind: Kind; key: string }[] {
	const u = s.username.toLowerCase();
	return [
		{ kind: 'pair', key: `pair:${u}|${s.ip}` },
		s.device ? { kind: 'device', key: `device:${s.device}` } : { kind: 'user', key: `user:${u}` },
		{ kind: 'ip', key: `ip:${s.ip}` }
	];
}

/** Seconds still to wait after `n` failures, the last `age` seconds ago (pure). */
export function waitSeconds(rule: Rule, n: number, age: number): number {
	if (n < rule.free) return 0;
	const backoff = Math.min(rule.capSeconds, BASE_SECONDS * 2 ** (n - rule.free));
	return Math.max(0, Math.ceil(backoff - age));
}

export type Charge = { ok: true; ids: string[] } | { ok: false; waitSeconds: number };

/** Checks and counts one attempt atomically: either it may go ahead (and is charged) or it waits. */
export async function chargeAttempt(db: Kysely<DB>, s: Subject): Promise<Charge> {
	const keys = limitKeys(s);
	return db.transaction().execute(async (trx) => {
		// Sorted, so two attempts sharing keys take the locks in one order (no deadlock).
		for (const { key } of [...keys].sort((a, b) => (a.key < b.key ? -1 : 1)))
			await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
		const { rows } = await sql<{ key: string; n: string; age: number }>`
			select key, count(*) as n, extract(epoch from now() - max(at))::float8 as age
			from login_failures
			where key in (${sql.join(keys.map((k) => k.key))})
				and at > now() - make_interval(mins => ${WINDOW_MINUTES})
			group by key`.execute(trx);
		let wait = 0;
		for (const r of rows) {
			const kind = keys.find((k) => k.key === r.key)!.kind;
			wait = Math.max(wait, waitSeconds(RULES[kind], Number(r.n), Number(r.age)));
		}
		if (wait > 0) return { ok: false, waitSeconds: wait };
		const ids = await trx
			.insertInto('login_failures')
			.values(keys.map(({ key }) => ({ key })))
			.returning('id')
			.execute();
		return { ok: true, ids: ids.map((r) => String(r.id)) };
	});
}

/** After a good password: this attempt was no failure, and the pair and device start afresh. */
export async function refund(db: Kysely<DB>, s: Subject, charge: { ids: string[] }) {
	const [pair, second] = limitKeys(s);
	await db
		.deleteFrom('login_failures')
		.where((eb) =>
			eb.or([
				eb('id', 'in', charge.ids),
				eb('key', '=', pair!.key),
				...(second!.kind === 'device' ? [eb('key', '=', second!.key)] : [])
			])
		)
		.execute();
}

/** After a wrong password the charge stays; rows older than a day are dropped now and then. */
export async function pruneFailures(db: Kysely<DB>) {
	await sql`delete from login_failures where at < now() - interval '1 day'`.execute(db);
}

/** The administrator's unlock: forgets the account's failures (every address, every device). */
export async function clearAccountFailures(
	db: Kysely<DB>,
	username: string,
	deviceHashes: string[]
) {
	const u = username.toLowerCase();
	await db
		.deleteFrom('login_failures')
		.where((eb) =>
			eb.or([
				eb('key', '=', `user:${u}`),
				eb('key', 'like', `pair:${u.replace(/[\\%_]/g, '\\$&')}|%`),
				...(deviceHashes.length
					? [
							eb(
								'key',
								'in',
								deviceHashes.map((h) => `device:${h}`)
							)
						]
					: [])
			])
		)
		.execute();
}

/** How many failures the account has in the window (the administration page shows it). */
export async function recentFailures(db: Kysely<DB>): Promise<Map<string, number>> {
	const { rows } = await sql<{ username: string; n: string }>`
		select split_part(substr(key, 6), '|', 1) as username, count(*) as n
		from login_failures
		where key like 'pair:%' and at > now() - make_interval(mins => ${WINDOW_MINUTES})
		group by 1`.execute(db);
	return new Map(rows.map((r) => [r.username, Number(r.n)]));
}

export const formatWait = (seconds: number, lang: 'vi' | 'en' = 'vi') => {
	const [n, unit] = seconds < 60 ? [seconds, 'second'] : [Math.ceil(seconds / 60), 'minute'];
	if (lang === 'en') return `${n} ${unit}${n === 1 ? '' : 's'}`;
	return `${n} ${unit === 'second' ? 'giây' : 'phút'}`;
};
