// The code's mutation score, read from the last `npm run mutate` reports (reports/mutation/*.json,
// Stryker's mutation-testing-report schema); never re-run here, it takes far longer than a bench.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchResult } from './run';

const DIR = join(import.meta.dirname, '..', 'reports', 'mutation');
// The figures the README's quality table states (reports/ is not tracked, so a fresh clone has no
// Stryker report): what `npm run bench -- quality` prints when there is none.
const RECORDED = join(import.meta.dirname, 'mutation-recorded.json');

interface Recorded {
	measured: string;
	parts: {
		part: string;
		scope: string;
		tested: number;
		planned: number;
		killed: number;
		timeout: number;
		survived: number;
		noCoverage: number;
		note?: string;
	}[];
}

function recordedLines(): string[] {
	if (!existsSync(RECORDED)) return [];
	const r = JSON.parse(readFileSync(RECORDED, 'utf8')) as Recorded;
	return r.parts.map((p) => {
		const killed = p.killed + p.timeout;
		const valid = killed + p.survived + p.noCoverage;
		const goal = GOAL[p.part.split('-')[0]!];
		return (
			`${p.part.padEnd(12)} ${((100 * killed) / valid).toFixed(1).padStart(5)} %` +
			(goal ? ` (goal ≥ ${goal} %)` : '') +
			` — ${p.tested} of ${p.planned} mutants tested: killed ${p.killed}, timeout ${p.timeout}, ` +
			`survived ${p.survived}, no coverage ${p.noCoverage}; ${p.scope}` +
			(p.note ? `; ${p.note}` : '') +
			`; recorded ${r.measured}`
		);
	});
}
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

/** Per part, the final report, or what a stopped run learnt if that is newer (the partial file). */
function latest(): { part: string; path: string; statuses: string[]; planned?: number }[] {
	if (!existsSync(DIR)) return [];
	const names = readdirSync(DIR);
	const parts = new Set(
		names
			.filter((f) => !f.startsWith('incremental-'))
			.map((f) => /^(.+?)(?:\.partial\.jsonl|\.json)$/.exec(f)?.[1])
			.filter((p): p is string => !!p)
	);
	return [...parts].sort().map((part) => {
		const json = join(DIR, `${part}.json`);
		const partial = join(DIR, `${part}.partial.jsonl`);
		const mtime = (f: string) => (existsSync(f) ? statSync(f).mtimeMs : 0);
		if (mtime(json) >= mtime(partial)) {
			const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
			const statuses = Object.values(report.files).flatMap((f) => f.mutants.map((m) => m.status));
			return { part, path: json, statuses };
		}
		const lines = readFileSync(partial, 'utf8')
			.split('\n')
			.filter(Boolean)
			.map((l) => JSON.parse(l) as { planned?: number; status?: string });
		const planned = lines.find((l) => l.planned !== undefined)?.planned;
		return {
			part,
			path: partial,
			statuses: lines.flatMap((l) => (l.status ? [l.status] : [])),
			planned
		};
	});
}

export async function run(): Promise<BenchResult> {
	const reports = latest();
	if (reports.length === 0) {
		const recorded = recordedLines();
		return {
			name: 'quality: mutation score',
			lines: recorded.length
				? ['no report in reports/mutation/; the figures in the README:', ...recorded]
				: ['no report in reports/mutation/: run `npm run mutate` (see README, Quality)']
		};
	}
	const lines = reports.map(({ part, path, statuses, planned }) => {
		const s = score({ files: { all: { mutants: statuses.map((status) => ({ status })) } } });
		const goal = GOAL[part.split('-')[0]!];
		return (
			`${part.padEnd(12)} ${s.percent.toFixed(1).padStart(5)} %` +
			(goal ? ` (goal ≥ ${goal} %)` : '') +
			` — killed ${s.killed}, timeout ${s.timeout}, survived ${s.survived}, ` +
			`no coverage ${s.noCoverage}, errors ${s.errors}` +
			(path.endsWith('.jsonl')
				? `; stopped run: ${statuses.length} of ${planned ?? '?'} mutants`
				: '') +
			`; ${statSync(path).mtime.toISOString().slice(0, 16).replace('T', ' ')} UTC`
		);
	});
	return { name: 'quality: mutation score (last `npm run mutate`)', lines };
}
