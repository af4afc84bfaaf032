// The amendment walkthrough of issue 19 and the maintainer guide (section 8), on the command line:
// a HYPOTHETICAL amendment of Decree 331/2026 from 2027-03-01 (threshold 100,000 → 50,000, a new
// level-3 criterion with a new fact, one help text corrected) is a new folder that extends the
// published version. The predecessor is not edited, keeps its published hash, and ends by itself.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { impactBetween, parsePublished, selectRuleSet, type Facts } from '../../src/lib/rules';
import { bundledRuleSets, loadRuleSetsFrom } from '../../src/lib/server/ruleset-files';
import { withExtra } from '../../src/cli/classify';
import { main } from '../../src/cli/main';

const AMENDMENT = 'tests/fixtures/amendment';
const SYSTEM = 'tests/fixtures/nd331/online-service-50k.yaml';

function run(args: string[]) {
	const out: string[] = [];
	const err: string[] = [];
	return main(args, { out: (s) => out.push(s), err: (s) => err.push(s) }).then((code) => ({
		code,
		out: out.join('\n'),
		err: err.join('\n')
	}));
}

const publishedHash = (ref: string) =>
	parsePublished('p', readFileSync('rulesets/published.yaml', 'utf8')).entries.find(
		(e) => e.ref === ref
	)!.hash;

describe('amending Decree 331 without touching the published version', () => {
	it('check and test pass on the new folder alone', async () => {
		const check = await run(['check', AMENDMENT]);
		expect(check.err).toBe('');
		expect(check.code).toBe(0);
		expect(check.out).toMatch(/^ok vn-nd331@2027-03 sha256:[0-9a-f]{64} \(draft/m);
		const test = await run(['test', AMENDMENT]);
		expect(test.code).toBe(0);
		expect(test.out).toMatch(/vn-nd331@2027-03: (\d+) passed, 0 failed/);
	});

	it('leaves the predecessor and the library as published', async () => {
		const before = bundledRuleSets().rulesets.find((r) => r.ref === 'vn-nd331@2026')!;
		expect(before.hash).toBe(publishedHash('vn-nd331@2026'));
		const library = await run(['check']);
		expect(library.code).toBe(0);
		expect(library.out).toContain(`ok vn-nd331@2026 sha256:${publishedHash('vn-nd331@2026')}`);

		// With the amendment, 2026 ends the day before it starts; its hash does not move.
		const dated = withExtra(AMENDMENT, { out: () => {}, err: () => {} })!.rulesets;
		const old = dated.find((r) => r.ref === 'vn-nd331@2026')!;
		const next = dated.find((r) => r.ref === 'vn-nd331@2027-03')!;
		expect(old.data.effective_to).toBe('2027-02-28');
		expect(old.endDerived).toBe(true);
		expect(old.hash).toBe(before.hash);
		expect(next.data.effective_to).toBeUndefined();
		expect(selectRuleSet(dated, 'vn-nd331', '2027-02-28')?.ref).toBe('vn-nd331@2026');
		expect(selectRuleSet(dated, 'vn-nd331', '2027-03-01')?.ref).toBe('vn-nd331@2027-03');
		// Its rules are those of 2026 with the amendment's changes only.
		expect(next.data.criteria.map((c) => c.id)).toEqual([
			...before.data.criteria.map((c) => c.id),
			'nd999-d1-k3'
		]);
		expect(loadRuleSetsFrom(AMENDMENT).rulesets.map((r) => r.ref)).toEqual(['vn-nd331@2027-03']);
	});

	it('classify --date picks the old version on 2027-02-28 and the amended one on 2027-03-01', async () => {
		const before = await run(['classify', SYSTEM, '--rulesets', AMENDMENT, '--date', '2027-02-28']);
		expect(before.code).toBe(0);
		expect(before.out).toContain('Cấp độ: 2');
		expect(before.out).toContain('Điều 12 khoản 2 điểm b Nghị định 331/2026/NĐ-CP');
		expect(before.out).toMatch(/Bộ quy tắc: vn-nd331@2026 /);

		const after = await run(['classify', SYSTEM, '--rulesets', AMENDMENT, '--date', '2027-03-01']);
		expect(after.code).toBe(0);
		expect(after.out).toContain('Cấp độ: 3');
		expect(after.out).toContain('Điều 13 khoản 2 điểm c Nghị định 331/2026/NĐ-CP');
		expect(after.out).toMatch(/Bộ quy tắc: vn-nd331@2027-03 /);

		// Without the amendment the same date stays under 2026.
		const without = await run(['classify', SYSTEM, '--date', '2027-03-01']);
		expect(without.out).toMatch(/Bộ quy tắc: vn-nd331@2026 /);
	});
});

describe('impact of the amendment against the version it amends', () => {
	it('moves the 50,000-subject service from level 2 to 3 and leaves systems of other regimes out', () => {
		const dated = withExtra(AMENDMENT, { out: () => {}, err: () => {} })!.rulesets;
		const base = dated.find((r) => r.ref === 'vn-nd331@2026')!;
		const next = dated.find((r) => r.ref === 'vn-nd331@2027-03')!;
		const service = parse(readFileSync(SYSTEM, 'utf8')) as { name: string; facts: Facts };
		const stored = [
			// Stored under vn-nd85 with level 3: the stored result is not what the amendment changes.
			{
				id: 'a',
				name: service.name,
				ruleset: 'vn-nd85@tt12-2022',
				level: 3 as const,
				basis: [],
				facts: service.facts
			},
			{
				id: 'b',
				name: 'Khác',
				ruleset: 'vn-nd85@tt12-2022',
				level: 1 as const,
				basis: [],
				facts: { function: 'internal' }
			}
		];
		const r = impactBetween(base, next, stored);
		expect(r.base).toMatchObject({ ref: 'vn-nd331@2026', skipped: 1 });
		expect(r.level_changes).toEqual({ '2→3': 1 });
		expect(r.rows[0]).toMatchObject({
			id: 'a',
			from: { ruleset: 'vn-nd331@2026', level: 2 },
			to: { level: 3, basis: ['nd331-d12-k2a', 'nd331-d13-k2c'] },
			change: 'level_up'
		});
	});

	it('capdo impact NEW --base OLD says what it compares', async () => {
		const r = await run([
			'impact',
			'vn-nd331@2026',
			'--base',
			'vn-nd85@tt12-2022',
			'--from',
			'tests/fixtures/impact/unit-inventory.json'
		]);
		expect(r.code).toBe(0);
		expect(r.out).toContain('So với / against vn-nd85@tt12-2022');
		const bad = await run([
			'impact',
			'vn-nd331@2026',
			'--base',
			'nope@1',
			'--from',
			'tests/fixtures/impact/unit-inventory.json'
		]);
		expect(bad.code).toBe(1);
	});
});
