// Two processes on one PostgreSQL database both sign audit checkpoints. Each reads the anchor file
// and replaces it; were nothing to order them, the one that read first but renamed last would put
// an older, shorter checkpoint back over a newer one, and entries between the two could be cut from
// the log unseen. The anchor never goes backwards. The two-process case needs DATABASE_URL (the
// embedded database is one process's alone); the one-process case runs on both.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditKeyPathOf, createAuditKey } from '../../src/lib/server/audit/key';
import {
	anchorFilePath,
	anchorLockKey,
	checkAuditSince,
	verifyAudit
} from '../../src/lib/server/audit/verify';
import { createSystem } from '../../src/lib/server/workflow/service';
import { freshDatabase, level2Record, seed, type Seeded } from './fixtures';

const BIN = join(process.cwd(), 'bin/capdo.js');
const PAUSE = pathToFileURL(join(process.cwd(), 'tests/server/anchor-pause.mjs')).href;

/** `capdo audit verify` in a child process; with `pauseDir`, held just before its anchor rename. */
function verifyIn(target: { url?: string; auditKeyFile?: string }, pauseDir?: string) {
	const env: NodeJS.ProcessEnv = { ...process.env };
	delete env.DATABASE_URL;
	if (pauseDir) env.CAPDO_TEST_PAUSE_DIR = pauseDir;
	const args = ['--import', PAUSE, BIN, 'audit', 'verify'];
	args.push('--db', target.url!, '--audit-key', target.auditKeyFile!);
	return new Promise<{ code: number; out: string; err: string }>((ok) =>
		execFile(process.execPath, args, { env, timeout: 120_000 }, (e, out, err) =>
			ok({ code: e ? ((e as { code?: number }).code ?? 1) : 0, out, err })
		)
	);
}

describe.skipIf(!process.env.DATABASE_URL)('two processes signing checkpoints at once', () => {
	let fresh: Awaited<ReturnType<typeof freshDatabase>>;
	let s: Seeded;
	let pauseDir: string;
	beforeAll(async () => {
		fresh = await freshDatabase();
		s = await seed(fresh);
		createAuditKey(fresh.target.auditKeyFile!);
		pauseDir = mkdtempSync(join(tmpdir(), 'capdo-pause-'));
	}, 120_000);
	afterAll(async () => {
		rmSync(pauseDir, { recursive: true, force: true });
		await fresh?.cleanup();
	});

	const anchorCount = (file: string) =>
		(JSON.parse(readFileSync(file, 'utf8')) as { count: number }).count;

	it('the one that read the anchor first and renames last does not put an older checkpoint back', async () => {
		const unit = s.ctx('unitA');
		const first = await checkAuditSince(s.d.db);
		expect(first.ok).toBe(true);
		const { db_id } = await s.d.db
			.selectFrom('audit_head')
			.select('db_id')
			.executeTakeFirstOrThrow();
		const file = anchorFilePath(fresh.target.auditKeyFile!, db_id);
		expect(anchorCount(file)).toBe(first.count);

		// A verifies n + 1 entries and is held just before it replaces the anchor file.
		await createSystem(unit, level2Record('Trước A'));
		const a = verifyIn(fresh.target, pauseDir);
		await vi.waitUntil(() => existsSync(join(pauseDir, 'paused')), {
			timeout: 60_000,
			interval: 25
		});

		// Meanwhile the log grows and B verifies n + 2: B either signs at once (no order between
		// the two) or waits on A's lock.
		await createSystem(unit, level2Record('Trước B'));
		let bDone = false;
		const b = verifyIn(fresh.target).finally(() => (bDone = true));
		// B waiting for the anchor lock of this database (pg_locks splits the bigint key in two).
		const waiting = async () =>
			(
				await sql<{ n: number }>`select count(*)::int as n from pg_locks
					where locktype = 'advisory' and not granted and objsubid = 1
					and objid::bigint = (hashtext(${anchorLockKey(db_id)})::bigint & 4294967295)`.execute(s.d.db)
			).rows[0]!.n > 0;
		await vi.waitUntil(async () => bDone || (await waiting()), { timeout: 60_000, interval: 25 });

		const bWaited = !bDone;
		writeFileSync(join(pauseDir, 'go'), '');
		const [ra, rb] = await Promise.all([a, b]);
		expect(ra, ra.err).toMatchObject({ code: 0 });
		expect(rb, rb.err).toMatchObject({ code: 0 });
		expect(rb.out).toContain(`chain intact, ${first.count + 2} entries`);
		// The anchor holds B's checkpoint, the newest, not A's.
		expect(anchorCount(file)).toBe(first.count + 2);
		expect(await verifyAudit(s.d.db)).toMatchObject({ ok: true, count: first.count + 2 });
		// B had waited on A's lock, not signed in between.
		expect(bWaited).toBe(true);
	}, 180_000);
});

describe('checks racing with saves in one process', () => {
	let fresh: Awaited<ReturnType<typeof freshDatabase>>;
	let s: Seeded;
	beforeAll(async () => {
		fresh = await freshDatabase();
		s = await seed(fresh);
		const keyPath = auditKeyPathOf(s.d.db);
		rmSync(keyPath, { force: true });
		createAuditKey(keyPath);
	}, 120_000);
	afterAll(() => fresh?.cleanup());

	it('leave the newest checkpoint in the anchor and no temporary file behind', async () => {
		const unit = s.ctx('unitA');
		// Full and incremental checks (each signs under the anchor lock) interleaved with saves.
		const work: Promise<unknown>[] = [];
		for (let i = 0; i < 6; i++)
			work.push(createSystem(unit, level2Record(`Song song ${i}`)), verifyAudit(s.d.db));
		work.push(checkAuditSince(s.d.db));
		await Promise.all(work);
		const last = await verifyAudit(s.d.db);
		expect(last).toMatchObject({ ok: true });
		const { db_id } = await s.d.db
			.selectFrom('audit_head')
			.select('db_id')
			.executeTakeFirstOrThrow();
		const file = anchorFilePath(auditKeyPathOf(s.d.db), db_id);
		expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ count: last.count });
		expect(readdirSync(dirname(file)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
	});
});
