// Runs the real built server (node build) as a child process for HTTP-level tests.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import type { DbTarget } from '../../src/lib/server/db/connect';

const ROOT = resolve(import.meta.dirname, '../..');
const ENTRY = join(ROOT, 'build', 'index.js');

function newest(path: string): number {
	if (!existsSync(path)) return 0;
	const st = statSync(path);
	if (!st.isDirectory()) return st.mtimeMs;
	return Math.max(0, ...readdirSync(path).map((e) => newest(join(path, e))));
}

/** Builds once when build/ is older than the sources; a lock directory keeps test files from racing. */
export async function ensureBuilt() {
	const lock = join(ROOT, '.build-lock');
	for (;;) {
		try {
			mkdirSync(lock);
			break;
		} catch {
			await new Promise((r) => setTimeout(r, 500));
		}
	}
	try {
		const sources = Math.max(
			...['src', 'migrations', 'rulesets', 'svelte.config.js'].map((p) => newest(join(ROOT, p)))
		);
		if (!existsSync(ENTRY) || statSync(ENTRY).mtimeMs < sources) {
			const r = spawnSync(
				process.execPath,
				[join(ROOT, 'node_modules/vite/bin/vite.js'), 'build'],
				{
					cwd: ROOT,
					stdio: 'pipe'
				}
			);
			if (r.status !== 0) throw new Error(`vite build failed:\n${r.stderr}`);
		}
	} finally {
		rmdirSync(lock);
	}
}

export const freePort = () =>
	new Promise<number>((ok) => {
		const s = createServer();
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address() as { port: number };
			s.close(() => ok(port));
		});
	});

export interface Server {
	origin: string;
	proc: ChildProcess;
	output: () => string;
	stop: (signal?: NodeJS.Signals) => Promise<void>;
}

/**
 * Spawns the built server without waiting for it (a test may kill it while it starts).
 * `env` adds to (or overrides) the server's environment, e.g. ADDRESS_HEADER behind a proxy.
 */
export async function spawnServer(
	target: DbTarget,
	port?: number,
	extraEnv: NodeJS.ProcessEnv = {}
): Promise<Server & { ready: () => Promise<void> }> {
	port ??= await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const env: NodeJS.ProcessEnv = {
		...process.env,
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: origin,
		// As scripts/start.js sets it: uploads up to 10 MB.
		BODY_SIZE_LIMIT: '12M'
	};
	delete env.DATABASE_URL;
	delete env.CAPDO_DATA_DIR;
	if (target.url) env.DATABASE_URL = target.url;
	else env.CAPDO_DATA_DIR = target.dataDir;
	if (target.auditKeyFile) env.CAPDO_AUDIT_KEY_FILE = target.auditKeyFile;
	Object.assign(env, extraEnv);
	const proc = spawn(process.execPath, [ENTRY], {
		cwd: ROOT,
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let out = '';
	proc.stdout!.on('data', (b) => (out += b));
	proc.stderr!.on('data', (b) => (out += b));
	const exited = new Promise<void>((ok) => proc.once('exit', () => ok()));
	const ready = async () => {
		const deadline = Date.now() + 120_000;
		for (;;) {
			if (proc.exitCode !== null || proc.signalCode !== null)
				throw new Error(`server exited:\n${out}`);
			try {
				const r = await fetch(origin + '/', { redirect: 'manual' });
				if (r.status === 200) return;
			} catch {
				// not listening yet
			}
			if (Date.now() > deadline) throw new Error(`server did not start:\n${out}`);
			await new Promise((r) => setTimeout(r, 200));
		}
	};
	return {
		origin,
		proc,
		output: () => out,
		ready,
		stop: async (signal = 'SIGTERM') => {
			if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
			await exited;
		}
	};
}

/** Starts the built server and waits until it answers. */
export async function startServer(
	target: DbTarget,
	port?: number,
	extraEnv: NodeJS.ProcessEnv = {}
): Promise<Server> {
	const s = await spawnServer(target, port, extraEnv);
	await s.ready().catch(async (e: unknown) => {
		await s.stop('SIGKILL');
		throw e;
	});
	return s;
}

/** A cookie-keeping HTTP client for one user (one browser: every cookie, by name). */
export class Client {
	readonly jar = new Map<string, string>();
	constructor(readonly origin: string) {}

	/** The Cookie header this browser sends (paths ignored: tests read all their cookies). */
	get cookie() {
		return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
	}
	set cookie(header: string) {
		this.jar.clear();
		for (const pair of header.split(/;\s*/).filter(Boolean)) {
			const i = pair.indexOf('=');
			this.jar.set(pair.slice(0, i), pair.slice(i + 1));
		}
	}

	async fetch(path: string, init: RequestInit = {}) {
		const headers = new Headers(init.headers);
		if (this.cookie) headers.set('cookie', this.cookie);
		// A browser names the page's origin on every write; tests may pose as another page.
		if (!headers.has('origin')) headers.set('origin', this.origin);
		const r = await fetch(this.origin + path, { ...init, headers, redirect: 'manual' });
		const set = r.headers.getSetCookie();
		for (const c of set) {
			const [pair] = c.split(';');
			const i = pair!.indexOf('=');
			const name = pair!.slice(0, i);
			if (/=;|Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c)) this.jar.delete(name);
			else this.jar.set(name, pair!.slice(i + 1));
		}
		return r;
	}

	form(path: string, fields: Record<string, string>) {
		return this.fetch(path, {
			method: 'POST',
			// Accept: text/html, as a browser sends; */* would get SvelteKit's JSON action result.
			headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
			body: new URLSearchParams(fields).toString()
		});
	}

	/** A multipart form post with one PDF, as a browser's file input sends it. */
	upload(path: string, fields: Record<string, string>, file: { name: string; bytes: Uint8Array }) {
		const form = new FormData();
		for (const [k, v] of Object.entries(fields)) form.set(k, v);
		form.set('file', new Blob([file.bytes as BlobPart], { type: 'application/pdf' }), file.name);
		return this.fetch(path, { method: 'POST', headers: { accept: 'text/html' }, body: form });
	}

	json(path: string, method: string, value?: unknown) {
		return this.fetch(path, {
			method,
			headers: { 'content-type': 'application/json' },
			body: value === undefined ? undefined : JSON.stringify(value)
		});
	}

	async login(username: string, password: string) {
		const r = await this.form('/login', { username, password });
		if (r.status !== 303) throw new Error(`login ${username}: ${r.status}`);
		return r;
	}
}
