// A checkpoint writes the anchor to a temporary file, then renames it over the anchor
// (verify.ts, writeAnchorFile); a process killed in between leaves that file behind. The server
// removes those on start-up — this database's, named exactly so, plain files only — and nothing
// else beside the anchor: the anchor itself, the key, look-alike names, another database's.
import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditKeyPathOf, createAuditKey } from '../../src/lib/server/audit/key';
import {
	anchorFilePath,
	removeStaleAnchorTemps,
	verifyAudit
} from '../../src/lib/server/audit/verify';
import { freshDatabase, seed } from './fixtures';
import { ensureBuilt, startServer, type Server } from './server-process';

beforeAll(() => ensureBuilt(), 300_000);

/** A seeded database with a signed anchor; the anchor file and the names planted beside it. */
async function withAnchor() {
	const fresh = await freshDatabase();
	const s = await seed(fresh);
	const keyPath = auditKeyPathOf(s.d.db);
	rmSync(keyPath, { force: true });
	createAuditKey(keyPath);
	expect(await verifyAudit(s.d.db)).toMatchObject({ ok: true });
	const { db_id } = await s.d.db.selectFrom('audit_head').select('db_id').executeTakeFirstOrThrow();
	const anchor = anchorFilePath(keyPath, db_id);
	const dir = dirname(anchor);
	// As writeAnchorFile names them: `<anchor>.<pid>.<8 hex>.tmp`.
	const stale = [`${anchor}.4242.0123abcd.tmp`, `${anchor}.1.ffffffff.tmp`];
	const kept = [
		`${anchor}.tmp`,
		`${anchor}.4242.0123abcd.tmp.bak`,
		`${anchor}.x.0123abcd.tmp`,
		`${anchor}.4242.0123ABCD.tmp`,
		`${anchor}.4242.0123abc.tmp`,
		`${anchor}.4242.0123abcd`,
		join(dir, 'audit-anchor.00000000-0000-4000-8000-000000000000.json.4242.0123abcd.tmp'),
		`${keyPath}.4242.0123abcd`,
		join(dir, 'notes.tmp')
	];
	for (const f of [...stale, ...kept]) writeFileSync(f, '{"count": 0');
	// A directory so named is not a file a checkpoint wrote.
	const folder = `${anchor}.7.deadbeef.tmp`;
	mkdirSync(folder);
	writeFileSync(join(folder, 'inside'), 'x');
	return { fresh, s, anchor, keyPath, stale, kept, folder, before: readFileSync(anchor, 'utf8') };
}

describe('stale temporary anchor files', () => {
	let server: Server | undefined;
	const cleanups: (() => Promise<void>)[] = [];
	afterAll(async () => {
		await server?.stop();
		for (const c of cleanups) await c();
	});

	it('removeStaleAnchorTemps removes exactly the stale ones and never the anchor', async () => {
		const a = await withAnchor();
		cleanups.push(a.fresh.cleanup);
		expect((await removeStaleAnchorTemps(a.s.d.db)).sort()).toEqual([...a.stale].sort());
		for (const f of a.stale) expect(existsSync(f), f).toBe(false);
		for (const f of [...a.kept, a.keyPath]) expect(existsSync(f), f).toBe(true);
		expect(statSync(a.folder).isDirectory()).toBe(true);
		expect(readFileSync(a.anchor, 'utf8')).toBe(a.before);
		// Nothing left to remove; the log still verifies against the anchor.
		expect(await removeStaleAnchorTemps(a.s.d.db)).toEqual([]);
		expect(await verifyAudit(a.s.d.db)).toMatchObject({ ok: true });
	});

	it('the server removes them on start-up and says so', async () => {
		const a = await withAnchor();
		cleanups.push(a.fresh.cleanup);
		// The embedded database is one process's: the test lets go before the server opens it.
		await a.fresh.close();
		server = await startServer(a.fresh.target);
		for (const f of a.stale) {
			expect(existsSync(f), f).toBe(false);
			expect(server.output()).toContain(`capdo: removed ${f}, left by an interrupted checkpoint`);
		}
		for (const f of [...a.kept, a.keyPath, a.anchor]) expect(existsSync(f), f).toBe(true);
		expect(readdirSync(a.folder)).toEqual(['inside']);
		expect(readFileSync(a.anchor, 'utf8')).toBe(a.before);
	}, 180_000);
});
