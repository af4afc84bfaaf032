// The law-data mutation harness (`capdo test --mutate`): it makes each kind of mistake the issue
// names, the bundled rule sets' own tests catch every one that changes a result, and a golden case
// taken away shows up as a survivor with the facts that would catch it.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataMutants, killed, mutationReport, type DataMutant } from '../../src/lib/rules';
import { loadVariant, ruleset } from './helpers';

const ROOT = resolve(import.meta.dirname, '../..');
const DIR = 'rulesets/vn-nd85/tt03-2017';

describe('data mutants', () => {
	const rs = ruleset('vn-nd85@tt03-2017');
	// Computed in beforeAll, not while the file is collected: Stryker activates a mutant in a
	// beforeAll of its own, so a value computed at collection never sees the mutant.
	let mutants: DataMutant[];
	beforeAll(() => void (mutants = dataMutants(rs.data)));
	const find = (path: string, change: string) =>
		mutants.find((m) => m.path === path && m.change === change);

	it('makes every kind of mistake', () => {
		expect(new Set(mutants.map((m) => m.kind))).toEqual(
			new Set([
				'threshold',
				'operator',
				'drop-condition',
				'level',
				'citation',
				'procedure',
				'effective-date'
			])
		);
		for (const [path, change] of [
			['criteria[nd85-d9-k2c].when.all[1].gte', '10000 → 9999'],
			['criteria[nd85-d8-k2c].when.all[3].lt', 'lt → lte'],
			['criteria[nd85-d9-k1].level', '3 → 4'],
			['criteria[nd85-d9-k2c].citation.point', 'điểm c → d'],
			['procedure.authority[3].approver', 'another body'],
			['procedure.appraisal_deadline[3].days', '15 → 16'],
			['procedure.approval_deadline[1,2,3,4,5].working_days', 'true → false'],
			['effective_from', '2017-07-01 → 2017-06-30']
		])
			expect(find(path!, change!), `${path}: ${change}`).toBeDefined();
	});

	it('mutants edit a copy: the loaded rule set is unchanged and still passes', () => {
		const before = JSON.stringify(rs.data);
		for (const m of mutants.slice(0, 40)) killed(rs, m);
		expect(JSON.stringify(rs.data)).toBe(before);
	});
});

describe('a golden case taken away', () => {
	it('leaves the 10,000-user threshold mutants alive, each with facts that would catch it', () => {
		const files = Object.fromEntries(
			readdirSync(join(ROOT, DIR))
				.filter((f) => f.endsWith('.yaml'))
				.map((f) => [f, readFileSync(join(ROOT, DIR, f), 'utf8')])
		);
		// Both cases at exactly 10.000 users (a commercial service, a public service) taken away.
		const cases = files['tests.yaml']!.split(/(?=^ {2}- name: )/m);
		const kept = cases.filter(
			(c) => !/^ {2}- name: .* có 10\.000 người sử dụng có thông tin cá nhân/.test(c)
		);
		expect(cases.length - kept.length).toBe(2);
		const r = loadVariant(DIR, {
			...files,
			'tests.yaml': kept.join('')
		});
		expect(r.errors).toEqual([]);
		const report = mutationReport(r.rulesets.find((x) => x.ref === 'vn-nd85@tt03-2017')!);
		const alive = report.survivors.map((s) => `${s.path}: ${s.change}`);
		expect(alive).toContain('criteria[nd85-d9-k2c].when.all[1].gte: 10000 → 10001');
		expect(alive).toContain('criteria[nd85-d8-k2c].when.all[3].lt: lt → lte');
		// A threshold moved or lt made lte: the witness is exactly 10,000 users, where they differ.
		const changed = report.survivors.filter((x) => x.kind === 'threshold' || x.kind === 'operator');
		expect(changed.map((x) => x.kind)).toContain('operator');
		for (const s of changed)
			expect(s.witness?.online_service_users_with_private_info, s.path).toBe(10000);
	}, 300_000);
});

describe('npx capdo test --mutate', () => {
	it('kills every data mutant of every bundled rule set that changes a result', () => {
		const r = spawnSync(process.execPath, [join(ROOT, 'bin/capdo.js'), 'test', '--mutate'], {
			cwd: ROOT,
			encoding: 'utf8'
		});
		expect(r.stdout).not.toContain('SURVIVED');
		expect(r.stdout).toMatch(/^vn-nd85@tt12-2022: \d+\/\d+ data mutants killed \(100\.0%\)/m);
		expect(r.stdout).toMatch(/^(\d+)\/\1 killed, 0 survived$/m);
		expect(r.status).toBe(0);
	}, 600_000);
});
