// Coverage both ways: every criterion has a golden case where it fires and a nearest miss (a case
// one answer away where it does not). The bundled library must be fully covered: this test is the
// CI gate of `capdo test --coverage`.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { coverage, loadLibrary } from '../../src/lib/rules';
import { bundledRuleSets } from '../../src/lib/server/ruleset-files';
import { main } from '../../src/cli/main';

const FX = 'tests/fixtures/rulesets/tiles/fx/v1/ruleset.yaml';
const fx = (text: string) => {
	const { rulesets, errors } = loadLibrary([{ path: FX, text }], [], false);
	expect(errors).toEqual([]);
	return rulesets[0]!;
};

describe('coverage', () => {
	it('is complete both ways for every bundled rule set', () => {
		for (const rs of bundledRuleSets().rulesets) {
			const c = coverage(rs);
			expect(c.missing, rs.ref).toEqual([]);
			expect(c.criteria.length).toBe(rs.data.criteria.length);
		}
	});

	it('names the nearest miss: the threshold case one answer away', () => {
		const tt03 = bundledRuleSets().rulesets.find((r) => r.ref === 'vn-nd85@tt03-2017')!;
		const d9k2a = coverage(tt03).criteria.find((c) => c.id === 'nd85-d9-k2a')!;
		expect(d9k2a.nearest_miss).toMatchObject({ fact: 'online_public_service_level' });
		const d10k3 = coverage(tt03).criteria.find((c) => c.id === 'nd85-d10-k3')!;
		// The organisation's own LAN, running 24/7: only the scope differs from the nationwide case.
		expect(d10k3.nearest_miss).toMatchObject({
			from: 'Hạ tầng toàn quốc vận hành 24/7 → cấp độ 4',
			fact: 'infrastructure_scope'
		});
	});

	it('reports a criterion with a firing case but no nearest miss, at its location', () => {
		const text = readFileSync(FX, 'utf8');
		const one = coverage(fx(text));
		expect(one.missing).toEqual([
			expect.objectContaining({
				id: 'c1',
				lacks: ['nearest_miss'],
				location: expect.objectContaining({ file: FX })
			})
		]);
		const both = coverage(
			fx(
				`${text}  - name: not public only → undetermined\n    facts: { public_only: false }\n    expect: { level: null, criteria: [] }\n`
			)
		);
		expect(both.missing).toEqual([]);
		expect(both.criteria[0]!.nearest_miss).toEqual({
			part: 'not public only → undetermined',
			from: 'public only → level 1',
			fact: 'public_only'
		});
	});

	it('fails `capdo test --coverage` on an uncovered criterion, and passes on the library', async () => {
		const run = async (args: string[]) => {
			const out: string[] = [];
			const err: string[] = [];
			const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
			return { code, out: out.join('\n'), err: err.join('\n') };
		};
		const bad = await run(['test', 'tests/fixtures/rulesets/tiles', '--coverage']);
		expect(bad.code).toBe(1);
		expect(bad.err).toMatch(
			/ruleset\.yaml:\d+:\d+: UNCOVERED fx@v1: c1: no golden case one fact away/
		);
		const good = await run(['test', '--coverage']);
		expect(good.code).toBe(0);
		expect(good.out).toMatch(
			/vn-nd331@2026: coverage \d+ criteria — fires (\d+)\/\1, nearest miss \1\/\1/
		);
	});
});
