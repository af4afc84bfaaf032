// The code's mutation score, read from the last `npm run mutate` reports (reports/mutation/*.json,
// Stryker's mutation-testing-report schema); never re-run here, it takes far longer than a bench.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchResult } from './run';

const DIR = join(import.meta.dirname, '..', 'reports', 'mutation');
const GOAL: Record<string, number> = { policy: 90, rules: 90, dossier: 80 };

interface Report {
	files: Record<string, { mutants: { status: string }[] }>;
}

export function score(report: Report) {
	const n: Record<string, number> = {};
	for (const f of Object.values(report.files))
		for (const m of f.mutants) n[m.status] = (n[m.status] ?? 0) + 1;
	const killed = (n.Killed ?? 0) + (n.Timeout ?? 0);
	const valid = killed + (n.Survived ?? 0) + (n.NoCoverage ?? 0);
	return {
		killed: n.Killed ?? 0,
		timeout: n.Timeout ?? 0,
		survived: n.Survived ?? 0,
		noCoverage: n.NoCoverage ?? 0,
		errors: (n.RuntimeError ?? 0) + (n.CompileError ?? 0),
		percent: valid ? (100 * killed) / valid : NaN
	};
}

export async function run(): Promise<BenchResult> {
	const reports = existsSync(DIR)
		? readdirSync(DIR).filter((f) => f.endsWith('.json') && !f.startsWith('incremental-'))
		: [];
	if (reports.length === 0)
		return {
			name: 'quality: mutation score',
			lines: ['no report in reports/mutation/: run `npm run mutate` (see README, Quality)']
		};
	const lines = reports.sort().map((f) => {
		const path = join(DIR, f);
		const part = f.replace(/\.json$/, '');
		const s = score(JSON.parse(readFileSync(path, 'utf8')) as Report);
		const goal = GOAL[part.split('-')[0]!];
		return (
			`${part.padEnd(12)} ${s.percent.toFixed(1).padStart(5)} %` +
			(goal ? ` (goal ≥ ${goal} %)` : '') +
			` — killed ${s.killed}, timeout ${s.timeout}, survived ${s.survived}, ` +
			`no coverage ${s.noCoverage}, errors ${s.errors}; ` +
			`report of ${statSync(path).mtime.toISOString().slice(0, 16).replace('T', ' ')} UTC`
		);
	});
	return { name: 'quality: mutation score (last `npm run mutate`)', lines };
}
