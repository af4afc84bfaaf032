// The versions a database holds, for the CLI: the bundled rule sets plus those published from a
// web workspace or imported (--db URL: PostgreSQL; --data-dir DIR: the embedded database). The
// database is opened through openDatabase, like the server (and with it the data-dir lock).
import { existsSync } from 'node:fs';
import { UsageError } from './main';
import type { RegistryState } from '../lib/server/rulesets';

export const DB_OPTIONS = {
	db: { type: 'string' },
	'data-dir': { type: 'string' }
} as const;

export interface DbValues {
	db?: string;
	'data-dir'?: string;
}

export const wantsDb = (v: DbValues) => v.db !== undefined || v['data-dir'] !== undefined;

/** The registry of the database named by --db / --data-dir (read-only; closed again). */
export async function registryOf(v: DbValues): Promise<RegistryState> {
	if (v.db && v['data-dir']) throw new UsageError('give --db or --data-dir, not both');
	const dir = v['data-dir'];
	// Opening would create an empty database: a mistyped directory must not look like "no versions".
	if (dir !== undefined && !existsSync(dir)) throw new UsageError(`no such data directory: ${dir}`);
	const { openDatabase } = await import('../lib/server/db');
	const { ruleSetRegistryState } = await import('../lib/server/rulesets');
	const d = await openDatabase(v.db ? { url: v.db } : { dataDir: dir });
	try {
		return await ruleSetRegistryState(d.db, false);
	} finally {
		await d.close();
	}
}
