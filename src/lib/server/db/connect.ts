// Opens the database: PostgreSQL when DATABASE_URL is set, else embedded PGlite in CAPDO_DATA_DIR.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Kysely, PostgresDialect, sql, type Dialect } from 'kysely';
import { auditKeyPath, registerAuditKeyPath } from '../audit/key';
import { lockDataDir, type DataDirLock, type LockOwner } from './lock';
import type { DB } from './schema';

export interface DbTarget {
	url?: string;
	dataDir?: string;
	/** Who opens an embedded data directory (recorded in its lock file for the next opener). */
	owner?: LockOwner;
	/** The audit key file, when not where the environment says (audit/key.ts). */
	auditKeyFile?: string;
}

export interface Database {
	db: Kysely<DB>;
	/** Human-readable location, for logs (no credentials). */
	where: string;
	/** Runs a multi-statement SQL script inside `trx` (PGlite's extended protocol takes one). */
	exec: (trx: Kysely<DB>, script: string) => Promise<void>;
	close: () => Promise<void>;
}

/** Where the environment says the database is. */
export function envTarget(env: NodeJS.ProcessEnv = process.env): DbTarget {
	return env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.CAPDO_DATA_DIR || './data' };
}

/** PostgreSQL connections per process: DATABASE_POOL_MAX, default 10 (README). */
export function poolMax(env: NodeJS.ProcessEnv = process.env): number {
	const raw = env.DATABASE_POOL_MAX;
	if (raw === undefined || raw === '') return 10;
	const n = Number(raw);
	if (!Number.isInteger(n) || n < 1 || n > 1000)
		throw new Error(`DATABASE_POOL_MAX must be a whole number from 1 to 1000, not "${raw}"`);
	return n;
}

export async function connect(target: DbTarget): Promise<Database> {
	let dialect: Dialect;
	let where: string;
	// pg sends a parameterless query with the simple protocol, which allows several statements.
	let exec: Database['exec'] = async (trx, script) => {
		await sql.raw(script).execute(trx);
	};
	let lock: DataDirLock | undefined;
	if (target.url) {
		const { default: pg } = await import('pg');
		// Dates stay strings: `date` columns mean a calendar day, not an instant.
		pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
		const pool = new pg.Pool({ connectionString: target.url, max: poolMax() });
		dialect = new PostgresDialect({ pool });
		where = new URL(target.url).host + new URL(target.url).pathname;
	} else {
		const { PGlite } = await import('@electric-sql/pglite');
		const { PGliteDialect } = await import('kysely-pglite-dialect');
		const root = resolve(target.dataDir ?? './data');
		// PGlite creates its own directory non-recursively: the parent must exist.
		mkdirSync(root, { recursive: true });
		const dir = resolve(root, 'pglite');
		// Before PGlite touches the files: a second process would crash both (see lock.ts).
		lock = lockDataDir(
			root,
			target.owner ?? { kind: 'cli', what: process.argv.slice(1).join(' ') }
		);
		const client = await PGlite.create(dir, {
			parsers: { 1082: (v: string) => v } // date → 'YYYY-MM-DD'
		}).catch((e: unknown) => {
			lock!.release();
			throw e;
		});
		dialect = new PGliteDialect(client);
		// The dialect serializes access to the one connection; the caller holds it inside `trx`.
		exec = async (_trx, script) => {
			await client.exec(script);
		};
		where = dir;
	}
	const db = new Kysely<DB>({ dialect });
	registerAuditKeyPath(db, target.auditKeyFile ?? auditKeyPath(target));
	let closing: Promise<void> | undefined;
	// Idempotent: a pg Pool refuses a second end().
	const close = () => (closing ??= db.destroy().finally(() => lock?.release()));
	return { db, where, exec, close };
}
