// Every golden case of every bundled rule set states its basis with citations, so a criterion's
// article, clause or point changed by mistake fails a case of meaning, not only the published-hash
// lock (issue 20, M07).
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary, runGoldenCases, type RuleSet } from '../../src/lib/rules';
import { DEFAULT_RULESETS_DIR, readYamlTree } from '../../src/lib/server/ruleset-files';
import { loadVariant } from './helpers';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

// The library is loaded in beforeAll, not while the file is collected: under Stryker's vitest
// runner a mutant is switched on in a beforeAll, so work done in a describe body never sees it.
// The refs are written out (and checked against what loads) for the same reason.
const REFS = ['vn-nd331@2026', 'vn-nd85@tt03-2017', 'vn-nd85@tt12-2022'];
let library: RuleSet[] = [];
beforeAll(() => {
	const r = loadLibrary(readYamlTree(DEFAULT_RULESETS_DIR));
	expect(r.errors).toEqual([]);
	library = r.rulesets;
});

it('the bundled library is exactly these versions', () => {
	expect(library.map((r) => r.ref).sort()).toEqual(REFS);
});

describe.each(REFS)('%s', (ref) => {
	let rs: RuleSet;
	beforeAll(() => {
		rs = library.find((r) => r.ref === ref)!;
	});

	it('every golden case cites each criterion it expects, and all pass', () => {
		const tests = rs.data.tests ?? [];
		expect(tests.length).toBeGreaterThan(20);
		for (const t of tests) {
			expect(t.expect.basis, t.name).toBeDefined();
			expect(Object.keys(t.expect.basis!).sort(), t.name).toEqual([...t.expect.criteria].sort());
		}
		expect(runGoldenCases(rs).failed).toEqual([]);
	});

	it('every criterion is cited by some golden case exactly as the result shows it', () => {
		for (const c of rs.compiled) {
			const cited = (rs.data.tests ?? []).flatMap((t) =>
				Object.entries(t.expect.basis ?? {}).filter(([id]) => id === c.fired.id)
			);
			expect(cited.length, c.fired.id).toBeGreaterThan(0);
			for (const [, text] of cited)
				expect(text).toBe(`${c.fired.citation} → cấp độ ${c.fired.level}`);
		}
	});
});

describe('a changed clause fails the golden cases (M07)', () => {
	it('Điều 9 khoản 2 điểm c cited as khoản 3 is reported by the cases that expect it', () => {
		const dir = 'rulesets/vn-nd85/tt03-2017';
		const criteria = readFileSync(resolve(ROOT, dir, 'criteria.yaml'), 'utf8');
		const wrong = criteria.replace(
			'citation: { source: nd85, article: 9, clause: 2, point: c }',
			'citation: { source: nd85, article: 9, clause: 3, point: c }'
		);
		expect(wrong).not.toBe(criteria);
		const files = readdirSync(resolve(ROOT, dir)).filter((f) => f.endsWith('.yaml'));
		const r = loadVariant(dir, {
			...Object.fromEntries(files.map((f) => [f, readFileSync(resolve(ROOT, dir, f), 'utf8')])),
			'criteria.yaml': wrong
		});
		const messages = r.errors.map((e) => e.message);
		expect(messages.length).toBeGreaterThan(0);
		for (const m of messages)
			expect(m).toMatch(
				/expected nd85-d9-k2c: "Điều 9 khoản 2 điểm c Nghị định 85\/2016\/NĐ-CP → cấp độ 3", got "Điều 9 khoản 3 điểm c/
			);
	});
});

describe('the procedure per level is asserted too (M10)', () => {
	it('every bundled rule set states who appraises and approves each level 1–5', () => {
		expect(library).toHaveLength(REFS.length);
		for (const rs of library)
			expect((rs.data.procedure_tests ?? []).map((p) => p.level).sort(), rs.ref).toEqual([
				1, 2, 3, 4, 5
			]);
	});

	it('a level-3 approver changed to the specialized unit fails its procedure test, at the test', () => {
		const dir = 'rulesets/vn-nd85/tt03-2017';
		const files = readdirSync(resolve(ROOT, dir)).filter((f) => f.endsWith('.yaml'));
		const read = (f: string) => readFileSync(resolve(ROOT, dir, f), 'utf8');
		const wrong = read('procedure.yaml').replace(
			/(levels: \[3\][\s\S]*?approver:\s+vi: )Chủ quản hệ thống thông tin/,
			'$1Đơn vị chuyên trách về an toàn thông tin'
		);
		expect(wrong).not.toBe(read('procedure.yaml'));
		const r = loadVariant(dir, {
			...Object.fromEntries(files.map((f) => [f, read(f)])),
			'procedure.yaml': wrong
		});
		expect(r.errors).toEqual([
			expect.objectContaining({
				file: `${dir}/tests.yaml`,
				message:
					'procedure test for level 3: approver: expected "Chủ quản hệ thống thông tin", got "Đơn vị chuyên trách về an toàn thông tin"'
			})
		]);
	});
});
