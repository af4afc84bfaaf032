// The audit key: 32 random bytes in a file outside the database, readable by its owner only. It
// signs the audit chain's checkpoints (anchor.ts), so someone who can rewrite the database but not
// read this file cannot make a rewritten or shortened chain verify again.
//
// Where: CAPDO_AUDIT_KEY_FILE, else audit.key in the embedded data directory (CAPDO_DATA_DIR,
// default ./data) — also with DATABASE_URL, where every app process needs a copy of the same key.
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export const KEY_FILE = 'audit.key';

export function auditKeyPath(
	target: { dataDir?: string },
	env: NodeJS.ProcessEnv = process.env
): string {
	if (env.CAPDO_AUDIT_KEY_FILE) return resolve(env.CAPDO_AUDIT_KEY_FILE);
	return resolve(target.dataDir ?? (env.CAPDO_DATA_DIR || './data'), KEY_FILE);
}

export type KeyResult =
	| { ok: true; key: Buffer; path: string }
	| { ok: false; path: string; problem: 'missing' | 'mode' | 'invalid'; message: string };

export function readAuditKey(path: string): KeyResult {
	let text: string;
	try {
		if (process.platform !== 'win32') {
			const mode = statSync(path).mode & 0o777;
			if (mode & 0o077)
				return {
					ok: false,
					path,
					problem: 'mode',
					message: `the audit key ${path} is readable by others (mode ${mode.toString(8)}): run chmod 600 ${path}`
				};
		}
		text = readFileSync(path, 'utf8').trim();
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT')
			return { ok: false, path, problem: 'missing', message: `no audit key at ${path}` };
		throw e;
	}
	if (!/^[0-9a-f]{64}$/.test(text))
		return { ok: false, path, problem: 'invalid', message: `${path} is not a capdo audit key` };
	return { ok: true, key: Buffer.from(text, 'hex'), path };
}

/**
 * Creates the key file (mode 600), unless one exists: written under a private name and linked
 * into place, so two processes starting together end with one key and nobody reads half a file.
 */
export function createAuditKey(path: string): KeyResult {
	mkdirSync(dirname(path), { recursive: true });
	const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
	writeFileSync(tmp, randomBytes(32).toString('hex') + '\n', { mode: 0o600 });
	try {
		linkSync(tmp, path);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
	} finally {
		unlinkSync(tmp);
	}
	return readAuditKey(path);
}

const paths = new WeakMap<object, string>();

/** Remembers where the key of the database behind `db` lives (connect.ts registers it). */
export function registerAuditKeyPath(db: object, path: string) {
	paths.set(db, path);
}

export function auditKeyPathOf(db: object): string {
	return paths.get(db) ?? auditKeyPath({});
}
