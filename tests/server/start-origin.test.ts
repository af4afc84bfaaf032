// `npm start` as a new user runs it (ORIGIN unset, so http://localhost:PORT), opened at another
// address: 127.0.0.1, the server's LAN name or IP. SvelteKit's own check refused every form post
// from such a page with the bare text "Cross-site POST form submissions are forbidden", sign-in
// included. Now the address the browser used counts as this origin (src/lib/server/origin.ts);
// a page on another site, another port or another scheme is still refused.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, PASSWORD, seed } from './fixtures';
import { Client, ensureBuilt, freePort } from './server-process';

const ROOT = resolve(import.meta.dirname, '../..');

describe.sequential('npm start, opened at 127.0.0.1', () => {
	let origin = '';
	let stop = async () => {};
	let cleanup = async () => {};
	let unitA = '';
	beforeAll(async () => {
		await ensureBuilt();
		const d = await freshDatabase();
		cleanup = d.cleanup;
		unitA = (await seed(d)).users.unitA.id;
		await d.close();
		const port = await freePort();
		origin = `http://127.0.0.1:${port}`;
		const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1' };
		// as a new user runs it: start.js defaults ORIGIN to http://localhost:PORT
		for (const k of ['ORIGIN', 'DATABASE_URL', 'CAPDO_DATA_DIR', 'BODY_SIZE_LIMIT']) delete env[k];
		if (d.target.url) env.DATABASE_URL = d.target.url;
		else env.CAPDO_DATA_DIR = d.target.dataDir;
		if (d.target.auditKeyFile) env.CAPDO_AUDIT_KEY_FILE = d.target.auditKeyFile;
		env.CAPDO_SKIP_BUILD = '1';
		const proc = spawn(process.execPath, [join(ROOT, 'scripts/start.js')], {
			cwd: ROOT,
			env,
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let out = '';
		proc.stdout!.on('data', (b) => (out += b));
		proc.stderr!.on('data', (b) => (out += b));
		const exited = new Promise<void>((ok) => proc.once('exit', () => ok()));
		stop = async () => {
			if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
			await exited;
		};
		const deadline = Date.now() + 120_000;
		for (;;) {
			if (proc.exitCode !== null) throw new Error(`server exited:\n${out}`);
			const up = await fetch(origin + '/').then(
				(r) => r.status === 200,
				() => false
			);
			if (up) break;
			if (Date.now() > deadline) throw new Error(`server did not start:\n${out}`);
			await new Promise((r) => setTimeout(r, 200));
		}
	}, 300_000);
	afterAll(async () => {
		await stop();
		await cleanup();
	});

	it('signs in from a page at 127.0.0.1, not only at localhost', async () => {
		const c = new Client(origin);
		const r = await c.form('/login', { username: 'unita', password: PASSWORD });
		expect(await r.text()).not.toMatch(/Cross-site/);
		expect(r.status).toBe(303);
		expect([...c.jar.keys()].length).toBeGreaterThan(0);
		const home = await c.fetch(r.headers.get('location')!);
		expect(home.status).toBe(200);
	});

	it('refuses a form from a page on another site, port or scheme, or naming none', async () => {
		const port = new URL(origin).port;
		for (const from of [
			'http://evil.example',
			`http://127.0.0.1:${Number(port) + 1}`,
			`https://127.0.0.1:${port}`,
			'null',
			undefined
		]) {
			const c = new Client(origin);
			const r = await fetch(origin + '/login', {
				method: 'POST',
				headers: {
					...(from && { origin: from }),
					'content-type': 'application/x-www-form-urlencoded',
					accept: 'text/html'
				},
				body: new URLSearchParams({ username: 'unita', password: PASSWORD }).toString(),
				redirect: 'manual'
			});
			expect(r.status, String(from)).toBe(403);
			expect(r.headers.getSetCookie(), String(from)).toEqual([]);
			expect(await r.text()).toMatch(/another site/);
			expect(c.jar.size).toBe(0);
		}
	});

	it("prints a password-reset link at the address the administrator's browser is at", async () => {
		const admin = new Client(origin);
		await admin.login('admin', PASSWORD);
		const r = await admin.form('/admin?/reset', { id: unitA });
		expect(r.status).toBe(200);
		expect(await r.text()).toContain(`${origin}/reset/`);
	});

	it('names the address the browser is at in the CLI command shown with a new token', async () => {
		const admin = new Client(origin);
		await admin.login('admin', PASSWORD);
		const r = await admin.form('/account?/token', { label: 'ci', days: '30' });
		expect(r.status).toBe(200);
		const body = await r.text();
		expect(body).toContain('capdo_');
		expect(body).toContain(origin);
		expect(body).not.toContain('localhost');
	});
});
