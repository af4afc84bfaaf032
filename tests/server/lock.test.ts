// One process per embedded data directory (issue 16 item 1): the server and the CLI take a lock
// file with the holder's PID; a second opener is refused with a clear message and the holder keeps
// working; a lock left by a killed process is taken over; the CLI works through the running server
// with a personal access token instead.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, LOCK_FILE, lockDataDir } from '../../src/lib/server/db/lock';
import { classifySystem, createSystem } from '../../src/lib/server/workflow/service';
import { freshDatabase, level2Record, PASSWORD, seed } from './fixtures';
import { Client, ensureBuilt, startServer, type Server } from './server-process';

const BIN = join(process.cwd(), 'bin/capdo.js');

/** Runs the real `capdo` as a child process without blocking this event loop. */
function capdo(args: string[], env: NodeJS.ProcessEnv = {}) {
	return new Promise<{ code: number; out: string; err: string }>((ok) => {
		const clean = { ...process.env, ...env };
		delete clean.DATABASE_URL;
		execFile(process.execPath, [BIN, ...args], { env: clean, timeout: 120_000 }, (e, out, err) =>
			ok({ code: e ? ((e as { code?: number }).code ?? 1) : 0, out, err })
		);
	});
}

describe('the lock file', () => {
	const dir = () => mkdtempSync(join(tmpdir(), 'capdo-lock-'));

	it('refuses a second holder, naming the first, and is free again after release', () => {
		const d = dir();
		const first = lockDataDir(d, { kind: 'server', what: 'http://127.0.0.1:9' });
		const info = JSON.parse(readFileSync(join(d, LOCK_FILE), 'utf8'));
		expect(info).toMatchObject({ pid: process.pid, host: hostname(), kind: 'server' });
		let err: unknown;
		try {
			lockDataDir(d, { kind: 'cli' });
		} catch (e) {
			err = e;
		}
		expect(err).toBeInstanceOf(DataDirLockedError);
		expect((err as Error).message).toMatch(
			new RegExp(`in use by the capdo server at http://127.0.0.1:9 \\(PID ${process.pid}`)
		);
		expect((err as Error).message).toMatch(/--url http:\/\/127.0.0.1:9 --token/);
		first.release();
		lockDataDir(d, { kind: 'cli' }).release();
	});

	it('takes over a lock whose process is gone, whose PID was reused, or that is unreadable', () => {
		// A PID that surely ended: a child that has exited.
		const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], {
			encoding: 'utf8'
		});
		const deadPid = Number(dead.stdout.trim());
		const cases = [
			{ pid: deadPid, host: hostname(), kind: 'server', started: 'then' },
			// Our own PID, but recorded with another process start time: the PID was reused.
			{ pid: process.pid, host: hostname(), kind: 'server', started: 'then', proc_start: '1' },
			'not json'
		];
		for (const c of cases) {
			const d = dir();
			writeFileSync(join(d, LOCK_FILE), typeof c === 'string' ? c : JSON.stringify(c));
			const l = lockDataDir(d, { kind: 'cli' });
			expect(JSON.parse(readFileSync(join(d, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
			l.release();
		}
	});

	it('keeps a lock held on another host (a shared disk: its PID cannot be checked here)', () => {
		const d = dir();
		writeFileSync(
			join(d, LOCK_FILE),
			JSON.stringify({ pid: 1, host: 'elsewhere', kind: 'cli', started: 'then' })
		);
		expect(() => lockDataDir(d, { kind: 'cli' })).toThrow(/PID 1 on host elsewhere/);
	});
});

describe.skipIf(!!process.env.DATABASE_URL)('server and CLI on one data directory', () => {
	let server: Server | undefined;
	let dataDir: string;
	beforeAll(async () => {
		await ensureBuilt();
		const d = await freshDatabase();
		dataDir = d.target.dataDir!;
		const s = await seed(d);
		const { id } = await createSystem(s.ctx('unitA'), level2Record());
		await classifySystem(s.ctx('unitA'), id);
		await d.close();
		server = await startServer(d.target);
	}, 300_000);
	afterAll(() => server?.stop());

	it('the CLI refuses clearly, the server keeps serving, and works through the server with a token', async () => {
		const verify = await capdo(['audit', 'verify', '--data-dir', dataDir]);
		expect(verify.code, verify.err).toBe(3);
		expect(verify.err).toContain(`the data directory ${dataDir} is in use by the capdo server`);
		expect(verify.err).toContain(`at ${server!.origin}`);
		expect(verify.err).toContain(`capdo audit verify --url ${server!.origin} --token TOKEN`);
		expect(verify.err).not.toMatch(/RuntimeError|Aborted|at .*\.ts:\d+/);
		const impact = await capdo(['impact', 'vn-nd331@2026', '--data-dir', dataDir]);
		expect(impact.code, impact.err).toBe(3);
		expect(impact.err).toMatch(/in use by the capdo server/);

		// The server was not disturbed: it serves and writes.
		const admin = new Client(server!.origin);
		await admin.login('admin', PASSWORD);
		expect((await admin.fetch('/admin')).status).toBe(200);

		// A token from the account page runs the same checks through the server.
		const page = await admin.form('/account?/token', { label: 'máy trạm', days: '7' });
		expect(page.status).toBe(200);
		const token = (await page.text()).match(/capdo_[\w-]{40,}/)?.[0];
		expect(token).toBeDefined();
		const remote = await capdo(['audit', 'verify', '--url', server!.origin], {
			CAPDO_TOKEN: token
		});
		expect(remote.code, remote.err).toBe(0);
		expect(remote.out).toMatch(
			new RegExp(`chain intact, \\d+ entries \\(server ${server!.origin}\\)`)
		);
		const remoteImpact = await capdo([
			'impact',
			'vn-nd331@2026',
			'--json',
			'--url',
			server!.origin,
			'--token',
			token!
		]);
		expect(remoteImpact.code, remoteImpact.err).toBe(0);
		expect(JSON.parse(remoteImpact.out)).toMatchObject({ total: 1 });

		const refused = await capdo(['audit', 'verify', '--url', server!.origin, '--token', 'capdo_x']);
		expect(refused.code).toBe(3);
		expect(refused.err).toMatch(/refused the token/);
		// A session cookie's role rules still apply: the token is no way around them.
		const unit = new Client(server!.origin);
		await unit.login('unita', PASSWORD);
		expect((await unit.fetch('/api/admin/audit/verify')).status).toBe(403);
		// And a token is not a session: it opens only the CLI's read-only endpoints.
		const withToken = await fetch(server!.origin + '/api/audit', {
			headers: { authorization: `Bearer ${token}` }
		});
		expect(withToken.status).toBe(401);
	}, 240_000);

	it('after a kill -9 the stale lock is taken over: the CLI and a restart open fine', async () => {
		server!.proc.kill('SIGKILL');
		await server!.stop();
		const lock = JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8'));
		expect(lock.pid).toBe(server!.proc.pid);
		const verify = await capdo(['audit', 'verify', '--data-dir', dataDir]);
		expect(verify.code, verify.err).toBe(0);
		expect(verify.out).toMatch(/chain intact/);
		server = await startServer({ dataDir });
		const c = new Client(server.origin);
		await c.login('admin', PASSWORD);
		expect((await c.fetch('/admin')).status).toBe(200);
		// A graceful stop releases the lock.
		await server.stop();
		server = undefined;
		expect(() => readFileSync(join(dataDir, LOCK_FILE))).toThrow(/ENOENT/);
	}, 240_000);
});
