// Impact analysis on a fixture inventory with known answers, through the library and the CLI.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	impact,
	loadLibrary,
	parsePublished,
	withRevisions,
	type ImpactReport
} from '../../src/lib/rules';
import { storedFromInventory } from '../../src/lib/model/stored';
import { bundledRuleSets, readYamlTree } from '../../src/lib/server/ruleset-files';
import { ruleset } from './helpers';

const FIXTURE = 'tests/fixtures/impact/unit-inventory.json';
const inventory = JSON.parse(readFileSync(FIXTURE, 'utf8'));

describe('impact of vn-nd331@2026 on work classified under vn-nd85@tt03-2017', () => {
	const { items, skipped } = storedFromInventory(inventory, bundledRuleSets().rulesets);
	// Computed in beforeAll, not while the file is collected: Stryker activates a mutant in a
	// beforeAll of its own, so a value computed at collection never sees the mutant.
	let report: ImpactReport;
	beforeAll(() => void (report = impact(ruleset('vn-nd331@2026'), items)));
	const row = (id: string) => report.rows.find((r) => r.id === id)!;

	it('reads the stored levels under the pinned rule set', () => {
		expect(skipped).toEqual([]);
		expect(items.map((i) => [i.id, i.level])).toEqual([
			['sys-1', 3],
			['sys-2', 2],
			['sys-3', 1],
			['sys-4', 2],
			['sys-5', 2]
		]);
	});

	it('an online service with 50,000 users of basic personal data goes from level 3 to level 2', () => {
		expect(row('sys-1')).toMatchObject({
			change: 'level_down',
			from: { level: 3 },
			to: { level: 2 }
		});
	});

	it('an administrative-procedure system goes to level 3', () => {
		expect(row('sys-2')).toMatchObject({
			change: 'level_up',
			from: { level: 2 },
			to: { level: 3 }
		});
		expect(row('sys-2').to!.basis).toContain('nd331-d13-k2b');
	});

	it('same level on another legal basis is reported as a basis change', () => {
		expect(row('sys-3')).toMatchObject({
			change: 'basis_only',
			from: { level: 1, basis: ['nd85-d7'] },
			to: { level: 1 }
		});
		expect(row('sys-4').change).toBe('basis_only');
	});

	it('lists the new questions a system must answer before it can be re-evaluated', () => {
		expect(row('sys-5')).toMatchObject({
			change: 'needs_answers',
			missing: [
				'administrative_procedure_system',
				'online_service_data_subjects_basic',
				'online_service_data_subjects_sensitive'
			]
		});
	});

	it('counts per change and per level change', () => {
		expect(report.total).toBe(5);
		expect(report.counts).toEqual({
			same: 0,
			level_up: 1,
			level_down: 1,
			basis_only: 2,
			needs_answers: 1,
			invalid: 0
		});
		expect(report.level_changes).toEqual({ '3→2': 1, '2→3': 1 });
	});

	it('re-evaluating under the same rule set changes nothing', () => {
		const same = impact(ruleset('vn-nd85@tt03-2017'), items);
		expect(same.counts.same).toBe(5);
		expect(same.rows).toEqual([]);
	});
});

describe('capdo impact', () => {
	it('prints the report and never modifies the export', () => {
		const before = readFileSync(FIXTURE, 'utf8');
		const r = spawnSync(
			process.execPath,
			['bin/capdo.js', 'impact', 'vn-nd331@2026', '--from', FIXTURE, '--json'],
			{
				encoding: 'utf8'
			}
		);
		expect(r.status).toBe(0);
		const j = JSON.parse(r.stdout);
		expect(j.level_changes).toEqual({ '3→2': 1, '2→3': 1 });
		expect(readFileSync(FIXTURE, 'utf8')).toBe(before);
		const human = spawnSync(
			process.execPath,
			['bin/capdo.js', 'impact', 'vn-nd331@2026', '--from', FIXTURE],
			{ encoding: 'utf8' }
		);
		expect(human.stdout).toContain('3→2: 1');
		expect(human.stdout).toContain(
			'Cổng thông tin chưa trả lời câu hỏi mới: 2 (vn-nd85@tt03-2017) → ? thiếu / missing: administrative_procedure_system'
		);
	});

	it('refuses a file that is not an export', () => {
		const r = spawnSync(
			process.execPath,
			['bin/capdo.js', 'impact', 'vn-nd331@2026', '--from', 'package.json'],
			{ encoding: 'utf8' }
		);
		expect(r.status).toBe(1);
		expect(r.stderr).toContain('expected "schema"');
	});
});

describe('impact of a correction on classifications made under an earlier revision', () => {
	const DIR = 'tests/fixtures/rulesets/corrected';
	const { entries } = parsePublished('p', readFileSync(`${DIR}/published.yaml`, 'utf8'));
	const [fx] = withRevisions(loadLibrary(readYamlTree(DIR)).rulesets, entries);
	const [rev1] = entries[0]!.hashes;
	const stored = (id: string, public_only: boolean, level: 1 | null) => ({
		id,
		name: id,
		ruleset: 'fx@v1',
		ruleset_hash: rev1,
		level,
		basis: level ? ['c1'] : [],
		facts: { public_only }
	});

	it('names the revision each was computed under and what the correction changes', () => {
		const report = impact(fx!, [stored('a', true, 1), stored('b', false, null)], true);
		expect(report.ruleset).toMatchObject({ ref: 'fx@v1', revision: 2 });
		expect(report.corrections).toEqual([
			expect.objectContaining({
				revision: 2,
				kind: 'substantive',
				changes: [expect.objectContaining({ target: 'criteria/c2' })]
			})
		]);
		expect(report.rows).toEqual([
			expect.objectContaining({
				id: 'a',
				change: 'same',
				from: expect.objectContaining({ revision: 1 })
			}),
			expect.objectContaining({
				id: 'b',
				change: 'level_up',
				from: expect.objectContaining({ revision: 1, level: null }),
				to: { level: 2, basis: ['c2'] }
			})
		]);
		expect(report.level_changes).toEqual({ '–→2': 1 });
	});
});
