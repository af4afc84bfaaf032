// Impact analysis throughput: 100,000 stored classifications re-evaluated under a new regime.
// Goal: < 2 s on one core (JavaScript runs it on one thread). Baseline in the same run: parsing
// the same 100,000 rows from JSON, the least any impact run has to do.
import { readFileSync } from 'node:fs';
import { impact, type StoredClassification } from '../src/lib/rules';
import { storedFromInventory } from '../src/lib/model/stored';
import { bundledRuleSets } from '../src/lib/server/ruleset-files';
import type { BenchResult } from './run';

const N = 100_000;

export async function run(): Promise<BenchResult> {
	const lib = bundledRuleSets().rulesets;
	const inv = JSON.parse(readFileSync('tests/fixtures/impact/unit-inventory.json', 'utf8'));
	const seed = storedFromInventory(inv, lib).items;
	const stored: StoredClassification[] = [];
	for (let i = 0; i < N; i++) {
		const s = seed[i % seed.length]!;
		const facts = { ...s.facts };
		if (facts.function === 'citizen_services') {
			facts.online_service_data_subjects_basic = (i * 7919) % 200_000;
			facts.online_service_users_with_private_info = facts.online_service_data_subjects_basic;
		}
		stored.push({ ...s, id: `sys-${i}`, unit: `Đơn vị ${i % 300}`, facts });
	}
	const json = JSON.stringify({ schema: 'capdo-classifications/1', items: stored });
	const next = lib.find((r) => r.ref === 'vn-nd331@2026')!;

	const best = (fn: () => void, rounds = 3) => {
		let ms = Infinity;
		for (let r = 0; r < rounds; r++) {
			const t0 = performance.now();
			fn();
			ms = Math.min(ms, performance.now() - t0);
		}
		return ms;
	};
	let report!: ReturnType<typeof impact>;
	// Interleaved, best of 5 each: on a shared machine either figure alone swings 2-3x.
	let impactMs = Infinity;
	let parseMs = Infinity;
	for (let r = 0; r < 5; r++) {
		impactMs = Math.min(
			impactMs,
			best(() => (report = impact(next, stored)), 1)
		);
		parseMs = Math.min(
			parseMs,
			best(() => JSON.parse(json), 1)
		);
	}
	return {
		name: `Impact analysis: ${N.toLocaleString('en')} stored classifications, vn-nd85@tt03-2017 → vn-nd331@2026 (best of 5, one thread)`,
		lines: [
			`impact(): ${(impactMs / 1000).toFixed(2)} s (${((impactMs * 1000) / N).toFixed(1)} µs per system; goal < 2 s)`,
			`baseline, JSON.parse of the same ${(json.length / 1e6).toFixed(0)} MB export: ${(parseMs / 1000).toFixed(2)} s`,
			`ratio impact / parse: ${(impactMs / parseMs).toFixed(1)}× (goal ≤ 3×)`,
			`changes found: ${JSON.stringify(report.counts)}`
		]
	};
}
