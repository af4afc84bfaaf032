// `npm run bench`: runs every bench/*.bench.ts and prints each figure next to its baseline,
// measured in the same run, as a ratio. Pass names to run a subset: npm run bench -- engine
import { readdirSync } from 'node:fs';

export interface BenchResult {
	name: string;
	lines: string[];
}

const dir = import.meta.dirname;
const only = process.argv.slice(2);
const files = readdirSync(dir)
	.filter((f) => f.endsWith('.bench.ts'))
	.filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
	.sort();
for (const f of files) {
	const mod = (await import(`./${f}`)) as { run: () => Promise<BenchResult> };
	const t0 = performance.now();
	const r = await mod.run();
	console.log(`\n## ${r.name}  (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
	for (const l of r.lines) console.log(`  ${l}`);
}
