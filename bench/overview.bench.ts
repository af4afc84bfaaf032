// The governing body's overview at province scale: 300 units × 30 systems seeded into a temp
// PGlite database, served by the built server. Baselines from the same server and run: the same
// page for a body with one unit (30 systems), and the login page (no database work).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/lib/server/db';
import { seedProvince } from '../src/lib/server/overview/seed';
import { bundledRuleSets } from '../src/lib/server/ruleset-files';
import { Client, ensureBuilt, startServer } from '../tests/server/server-process';
import type { BenchResult } from './run';

const PASSWORD = 'bench password 2026';
const RUNS = 9;

async function median(c: Client, path: string): Promise<number> {
	const times: number[] = [];
	for (let i = 0; i < RUNS + 1; i++) {
		const t0 = performance.now();
		const r = await c.fetch(path);
		const body = await r.text();
		if (r.status !== 200) throw new Error(`${path}: ${r.status} ${body.slice(0, 200)}`);
		if (i > 0) times.push(performance.now() - t0); // the first request warms caches
	}
	times.sort((a, b) => a - b);
	return times[Math.floor(times.length / 2)]!;
}

export async function run(): Promise<BenchResult> {
	const dir = mkdtempSync(join(tmpdir(), 'capdo-bench-overview-'));
	const ruleset = bundledRuleSets().rulesets.find((r) => r.ref === 'vn-nd85@tt03-2017')!;
	const d = await openDatabase({ dataDir: dir });
	const t0 = performance.now();
	await seedProvince(d.db, { units: 300, systemsPerUnit: 30, ruleset, password: PASSWORD });
	const seedMs = performance.now() - t0;
	await seedProvince(d.db, {
		units: 1,
		systemsPerUnit: 30,
		ruleset,
		password: PASSWORD,
		prefix: 'one-',
		bodyName: 'Cơ quan có một đơn vị',
		seed: 7
	});
	await d.close();
	await ensureBuilt();
	const server = await startServer({ dataDir: dir });
	try {
		const big = new Client(server.origin);
		await big.login('appraiser', PASSWORD);
		const small = new Client(server.origin);
		await small.login('one-appraiser', PASSWORD);
		const login = await median(new Client(server.origin), '/login');
		const one = await median(small, '/overview');
		const full = await median(big, '/overview');
		const filtered = await median(big, '/overview?status=under_review&overdue=yes&q=c%E1%BB%95ng');
		const csv = await median(big, '/overview/export/csv');
		const f = (ms: number) => `${ms.toFixed(0)} ms`;
		return {
			name: 'overview (300 units × 30 systems = 9,000 systems, PGlite)',
			lines: [
				`seeded in ${(seedMs / 1000).toFixed(1)} s`,
				`median of ${RUNS} requests each:`,
				`/login (baseline)                          ${f(login)}`,
				`/overview, 1 unit × 30 systems (baseline)  ${f(one)}`,
				`/overview, 9,000 systems                   ${f(full)}  = ${(full / one).toFixed(1)}× the 1-unit overview, ${(full / login).toFixed(1)}× /login`,
				`/overview, filtered + search               ${f(filtered)}  = ${(filtered / one).toFixed(1)}× the 1-unit overview`,
				`CSV export of all 9,000 rows               ${f(csv)}  = ${(csv / one).toFixed(1)}× the 1-unit overview`
			]
		};
	} finally {
		await server.stop();
		rmSync(dir, { recursive: true, force: true });
	}
}
