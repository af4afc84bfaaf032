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

	// Two criteria, golden cases with nested components and a case one answer from two others: the
	// report's every field is written out by hand.
	const TWO = () =>
		readFileSync(FX, 'utf8')
			.replace(
				/facts:\n[\s\S]*?criteria:\n[\s\S]*?procedure:/,
				`facts:
  a:
    type: boolean
    question: { vi: A?, en: A? }
    citation: { source: act, article: 3 }
  b:
    type: boolean
    question: { vi: B?, en: B? }
    citation: { source: act, article: 3 }
criteria:
  - id: c1
    level: 1
    citation: { source: act, article: 4 }
    text: A.
    when: { fact: a, eq: true }
  - id: c2
    level: 2
    citation: { source: act, article: 4 }
    text: B.
    when: { fact: b, eq: true }
procedure:`
			)
			.replace(
				/tests:\n[\s\S]*$/,
				`tests:
  - name: F1
    facts: { a: false, b: true }
    expect: { level: 2, criteria: [c2] }
  - name: F2
    facts: { a: true, b: true }
    expect: { level: 2, criteria: [c1, c2] }
  - name: M
    facts: { a: false, b: false }
    expect: { level: null, criteria: [] }
  - name: S
    facts: { a: true, b: false }
    components:
      - name: K
        facts: { a: false, b: true }
        components:
          - name: L
            facts: { a: true, b: false }
    expect: { level: 2, criteria: [c1] }
`
			);

	it('names every part where a criterion fires, components at any depth, and the first nearest miss', () => {
		const text = TWO();
		const rs = fx(text);
		const r = coverage(rs);
		const lines = text.split('\n');
		const at = (id: string) => ({
			file: FX,
			line: lines.indexOf(`  - id: ${id}`) + 1,
			column: 9
		});
		expect(r).toEqual({
			ruleset: 'fx@v1',
			criteria: [
				{
					id: 'c1',
					level: 1,
					location: expect.objectContaining(at('c1')),
					fires: ['F2', 'S', 'S › K › L'],
					nearest_miss: { part: 'F1', from: 'F2', fact: 'a' }
				},
				{
					id: 'c2',
					level: 2,
					location: expect.objectContaining(at('c2')),
					fires: ['F1', 'F2', 'S › K'],
					// M is one answer from F1 and from S › K: the first found is kept. F1 is one answer
					// from F2 too, but both fire: a firing part is never a miss.
					nearest_miss: { part: 'M', from: 'F1', fact: 'b' }
				}
			],
			missing: []
		});
	});

	it('leaves out a case whose answers are invalid, and reports criteria no case reaches', () => {
		const rs = fx(TWO());
		const bad = { name: 'bad', facts: { a: true, b: 'x' }, expect: { level: 1 } };
		const withBad = coverage({
			...rs,
			data: { ...rs.data, tests: [...rs.data.tests!, bad] as typeof rs.data.tests }
		});
		expect(withBad.criteria[0]!.fires).toEqual(['F2', 'S', 'S › K › L']);
		const none = coverage({ ...rs, locate: undefined, data: { ...rs.data, tests: undefined } });
		expect(none.missing).toEqual([
			{ id: 'c1', location: undefined, lacks: ['fires', 'nearest_miss'] },
			{ id: 'c2', location: undefined, lacks: ['fires', 'nearest_miss'] }
		]);
		expect(none.criteria.map((c) => [c.fires, c.nearest_miss])).toEqual([
			[[], undefined],
			[[], undefined]
		]);
	});
});
