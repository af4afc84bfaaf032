// Load: simulated users run the real journey against the built server (node build), as a
// province's units do when a deadline nears — sign in, open their system, then question page →
// save, again and again, with a look at the result now and then. Each user works on its own system,
// alternating between two units. Printed: requests/s, p50/p95/p99 per route, errors, the server's
// peak RSS; the baseline is GET /login at 1 user, in the same run.
//
// Two kinds of stage. "At a working pace": each user pauses between actions, as a person reads and
// answers (LOAD_THINK_MS, default 2 s on average; issue 17's new user took 30–40 s per page, so this
// is some 15× faster than people really work). "Flat out": no pause at all, each user a script
// firing its next request the moment the last one returns; 50 of them are far more than 50 people
// and measure the server's capacity, not what a user waits.
//
// Embedded PGlite always; PostgreSQL with 1 and 2 app processes (flat out) when DATABASE_URL is set
// (each run in a schema of its own). Goals (issue 15): PGlite at 50 users p95 ≤ 300 ms for the
// question page and the save, 0 errors; PostgreSQL with 2 processes ≥ 1.8× one process's throughput.
// Env: LOAD_SECONDS (flat-out stage, default 8), LOAD_PACED_SECONDS (default 24), LOAD_THINK_MS,
// LOAD_USERS (default "1,10,50"). The machine may be shared: the server runs at nice 10.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { freshDatabase, level2Record, PASSWORD, seed } from '../tests/server/fixtures';
import { Client, ensureBuilt, spawnServer, type Server } from '../tests/server/server-process';
import type { BenchResult } from './run';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 8);
const PACED_SECONDS = Number(process.env.LOAD_PACED_SECONDS ?? 24);
const THINK_MS = Number(process.env.LOAD_THINK_MS ?? 2000);
const USERS = (process.env.LOAD_USERS ?? '1,10,50').split(',').map(Number);

/** How a stage's users work: with a pause between actions like people, or flat out like scripts. */
type Pace = 'paced' | 'flat out';

/** A person's pause: THINK_MS on average, spread ±50 % so the users do not march in step. */
const think = (pace: Pace) =>
	pace === 'flat out'
		? Promise.resolve()
		: new Promise((r) => setTimeout(r, THINK_MS * (0.5 + Math.random())));

type Route = 'login page' | 'question page' | 'system (json)' | 'save' | 'result page';

class Stats {
	readonly ms = new Map<Route, number[]>();
	errors = 0;
	firstError = '';
	add(route: Route, ms: number) {
		let a = this.ms.get(route);
		if (!a) this.ms.set(route, (a = []));
		a.push(ms);
	}
	get total() {
		return [...this.ms.values()].reduce((n, a) => n + a.length, 0);
	}
}

const pct = (sorted: number[], p: number) =>
	sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;

/** A timed request; a status other than `ok` counts as an error. */
async function timed(stats: Stats, route: Route, ok: number, f: () => Promise<Response>) {
	const t = performance.now();
	try {
		const r = await f();
		const body = await r.arrayBuffer();
		stats.add(route, performance.now() - t);
		if (r.status !== ok) {
			stats.errors++;
			stats.firstError ||= `${route}: ${r.status} ${Buffer.from(body).toString().slice(0, 200)}`;
		}
		return { r, body };
	} catch (e) {
		stats.errors++;
		stats.firstError ||= `${route}: ${String(e)}`;
		return undefined;
	}
}

/** Peak resident memory of the server processes, sampled while the stage runs. */
function rssSampler(pids: number[]) {
	let peak = 0;
	const sample = () => {
		let sum = 0;
		for (const pid of pids) {
			try {
				const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
				sum += m ? Number(m[1]) * 1024 : 0;
			} catch {
				// gone
			}
		}
		peak = Math.max(peak, sum);
	};
	const timer = setInterval(sample, 250);
	sample();
	return () => {
		clearInterval(timer);
		sample();
		return peak;
	};
}

interface User {
	c: Client;
	id: string;
	version: number;
	record: unknown;
}

/** Signs a user in and creates the system it works on (outside the measured stage). */
async function newUser(origin: string, username: string, n: number): Promise<User> {
	const c = new Client(origin);
	await c.login(username, PASSWORD);
	const r = await c.json('/api/systems', 'POST', level2Record(`Hệ thống tải ${n}`));
	if (r.status !== 201) throw new Error(`create: ${r.status} ${await r.text()}`);
	const s = (await r.json()) as { id: string; version: number; record: unknown };
	return { c, id: s.id, version: s.version, record: s.record };
}

/**
 * One user's loop until `until`: question page and its data, a pause to answer, a save, a pause;
 * the result every 4th round. A paced user also starts after a random pause, as people do not all
 * press a key in the same millisecond.
 */
async function journey(u: User, stats: Stats, until: number, pace: Pace) {
	await think(pace);
	for (let i = 0; Date.now() < until; i++) {
		await timed(stats, 'question page', 200, () => u.c.fetch(`/systems/${u.id}/q/main/function`));
		const got = await timed(stats, 'system (json)', 200, () => u.c.fetch(`/api/systems/${u.id}`));
		if (got) {
			const s = JSON.parse(Buffer.from(got.body).toString()) as {
				version: number;
				record: unknown;
			};
			u.version = s.version;
			u.record = s.record;
		}
		const rec = u.record as { facts: Record<string, unknown> };
		rec.facts = { ...rec.facts, operates_24x7_no_unplanned_downtime: i % 2 === 0 };
		await think(pace);
		const saved = await timed(stats, 'save', 200, () =>
			u.c.json(`/api/systems/${u.id}`, 'PUT', { record: rec, version: u.version })
		);
		if (saved?.r.status === 200)
			u.version = (JSON.parse(Buffer.from(saved.body).toString()) as { version: number }).version;
		await think(pace);
		if (i % 4 === 3) {
			await timed(stats, 'result page', 200, () => u.c.fetch(`/systems/${u.id}/result`));
			await think(pace);
		}
	}
}

async function stage(pids: number[], users: User[], pace: Pace) {
	const stats = new Stats();
	const stop = rssSampler(pids);
	const t0 = performance.now();
	const until = Date.now() + (pace === 'paced' ? PACED_SECONDS : SECONDS) * 1000;
	await Promise.all(users.map((u) => journey(u, stats, until, pace)));
	const secs = (performance.now() - t0) / 1000;
	return { stats, secs, rss: stop() };
}

function report(label: string, r: Awaited<ReturnType<typeof stage>>) {
	const lines = [
		`${label}: ${(r.stats.total / r.secs).toFixed(1)} req/s, ${r.stats.errors} errors, server RSS ${(r.rss / 1048576).toFixed(0)} MB` +
			(r.stats.firstError ? ` (first error: ${r.stats.firstError})` : '')
	];
	for (const [route, a] of r.stats.ms) {
		const s = [...a].sort((x, y) => x - y);
		lines.push(
			`    ${route.padEnd(14)} n=${String(s.length).padStart(5)}  p50 ${pct(s, 50).toFixed(0).padStart(5)} ms  p95 ${pct(s, 95).toFixed(0).padStart(5)} ms  p99 ${pct(s, 99).toFixed(0).padStart(5)} ms`
		);
	}
	return lines;
}

const p95 = (r: Awaited<ReturnType<typeof stage>>, route: Route) =>
	pct(
		[...(r.stats.ms.get(route) ?? [])].sort((x, y) => x - y),
		95
	);

/** Starts `processes` servers on one database, runs every stage, stops them. */
async function runOn(label: string, processes: number, stages: { users: number; pace: Pace }[]) {
	const d = await freshDatabase();
	await seed(d);
	const target = d.target;
	if (!process.env.DATABASE_URL) await d.close();
	const servers: Server[] = [];
	const lines: string[] = [];
	const results: { users: number; pace: Pace; r: Awaited<ReturnType<typeof stage>> }[] = [];
	try {
		for (let i = 0; i < processes; i++) {
			const s = await spawnServer(target);
			servers.push(s);
			await s.ready();
			// Niced: the machine is shared with other work.
			execFileSync('renice', ['-n', '10', '-p', String(s.proc.pid)], { stdio: 'ignore' });
		}
		const origins = servers.map((s) => s.origin);
		const pids = servers.map((s) => s.proc.pid!);
		// Baseline: the login page at one user, on the first server.
		{
			const stats = new Stats();
			const c = new Client(origins[0]!);
			const until = Date.now() + Math.min(3, SECONDS) * 1000;
			const t0 = performance.now();
			while (Date.now() < until) await timed(stats, 'login page', 200, () => c.fetch('/login'));
			const r = { stats, secs: (performance.now() - t0) / 1000, rss: 0 };
			const s = [...stats.ms.get('login page')!].sort((x, y) => x - y);
			lines.push(
				`${label}, baseline GET /login at 1 user: ${(stats.total / r.secs).toFixed(1)} req/s, p50 ${pct(s, 50).toFixed(0)} ms, p95 ${pct(s, 95).toFixed(0)} ms`
			);
		}
		const pool: User[] = [];
		for (const { users: n, pace } of stages) {
			while (pool.length < n) {
				const k = pool.length;
				pool.push(await newUser(origins[k % origins.length]!, k % 2 ? 'unitb' : 'unita', k));
			}
			const r = await stage(pids, pool.slice(0, n), pace);
			results.push({ users: n, pace, r });
			const how = pace === 'paced' ? `at a working pace (${THINK_MS / 1000} s pauses)` : 'flat out';
			lines.push(...report(`${label}, ${n} user${n > 1 ? 's' : ''} ${how}`, r));
		}
	} finally {
		for (const s of servers) await s.stop();
		await d.cleanup().catch(() => {});
	}
	return { lines, results };
}

export async function run(): Promise<BenchResult> {
	await ensureBuilt();
	const lines: string[] = [];
	const n = Math.max(...USERS);
	const embedded = await runOn('PGlite', 1, [
		...USERS.map((users) => ({ users, pace: 'paced' as const })),
		...USERS.map((users) => ({ users, pace: 'flat out' as const }))
	]);
	lines.push(...embedded.lines);
	for (const pace of ['paced', 'flat out'] as const) {
		const top = embedded.results.find((x) => x.users === n && x.pace === pace);
		if (top)
			lines.push(
				`PGlite at ${n} users ${pace === 'paced' ? 'at a working pace' : 'flat out'}: question page p95 ${p95(top.r, 'question page').toFixed(0)} ms, save p95 ${p95(top.r, 'save').toFixed(0)} ms, ${top.r.stats.errors} errors (goal ≤ 300 ms, 0 errors)`
			);
	}
	if (process.env.DATABASE_URL) {
		// Throughput is a capacity figure: flat out.
		const one = await runOn('PostgreSQL, 1 process', 1, [{ users: n, pace: 'flat out' }]);
		const two = await runOn('PostgreSQL, 2 processes', 2, [{ users: n, pace: 'flat out' }]);
		lines.push(...one.lines, ...two.lines);
		const rate = (x: typeof one) => x.results[0]!.r.stats.total / x.results[0]!.r.secs;
		lines.push(
			`PostgreSQL at ${n} users flat out: 2 processes give ${(rate(two) / rate(one)).toFixed(2)}× the throughput of 1 (goal ≥ 1.8×; ${(await import('node:os')).availableParallelism()} cores here, shared with the load generator and PostgreSQL)`
		);
	} else lines.push('PostgreSQL: skipped (set DATABASE_URL to run it with 1 and 2 app processes)');
	return {
		name: `Load: simulated users on the built server (${PACED_SECONDS} s per paced stage, ${SECONDS} s flat out)`,
		lines
	};
}
