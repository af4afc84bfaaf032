// The golden-case runner (src/lib/rules/golden.ts), in process on the real Decree 331 rule set, so
// that Stryker's rules-load part sees it: each kind of difference a case can report, word for word,
// where runGoldenCases locates a failure, and the in-force dates. The rule set is loaded in
// beforeAll (under Stryker a mutant is switched on there, never while the file is collected).
import { beforeAll, describe, expect, it } from 'vitest';
import {
	loadLibrary,
	runGoldenCase,
	runGoldenCases,
	runProcedureCase,
	type GoldenCase,
	type ProcedureCase,
	type RuleSet
} from '../../src/lib/rules';
import { goldenFailure } from '../../src/lib/rules/golden';
import { readYamlTree } from '../../src/lib/server/ruleset-files';

const DIR = 'rulesets/vn-nd331/2026';
const TESTS = `${DIR}/tests.yaml`;
let rs: RuleSet;
beforeAll(() => {
	const r = loadLibrary(readYamlTree(DIR));
	expect(r.errors).toEqual([]);
	rs = r.rulesets[0]!;
});
/** A golden case of the rule set by name, with its expectation changed by `edit`. */
function golden(name: string, edit: (e: GoldenCase['expect']) => Partial<GoldenCase['expect']>) {
	const t = rs.data.tests!.find((x) => x.name === name)!;
	expect(t, name).toBeDefined();
	return { ...t, expect: { ...t.expect, ...edit(t.expect) } };
}
/** `o` without `keys`. */
const without = (o: object, ...keys: string[]) =>
	Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
const GATEWAY = 'Cổng kết nối quốc tế → cấp độ 5';
const TWO_COMPONENTS = 'Hệ thống có hai thành phần lấy cấp độ cao nhất → cấp độ 3';
const NATIONAL_NO_24X7 = 'Hạ tầng toàn quốc không yêu cầu 24/7 → không xác định được';
const TWO_FIRED = 'Hệ thống nội bộ được đánh giá rủi ro ở cấp độ 1 → cấp độ 1';
const D15 = 'Điều 15 khoản 3 Nghị định 331/2026/NĐ-CP';
const D16 = 'Điều 16 khoản 4 Nghị định 331/2026/NĐ-CP';

describe('runGoldenCase: what a case reports', () => {
	it('passes the cases as written', () => {
		expect(
			runGoldenCase(
				rs,
				golden(GATEWAY, () => ({}))
			)
		).toBeNull();
		expect(
			goldenFailure(
				rs,
				golden(TWO_COMPONENTS, () => ({}))
			)
		).toBeNull();
	});

	it('a wrong level, null included', () => {
		expect(
			runGoldenCase(
				rs,
				golden(GATEWAY, () => ({ level: 4 }))
			)
		).toBe('expected level 4, got 5');
		expect(
			runGoldenCase(
				rs,
				golden(GATEWAY, () => ({ level: null }))
			)
		).toBe('expected level null, got 5');
	});

	it('the criteria that fire, sorted, and a basis citation as a reader sees it', () => {
		expect(
			runGoldenCase(
				rs,
				golden(GATEWAY, () => ({ criteria: ['z-x', 'nd331-d15-k3', 'a-b'], basis: undefined }))
			)
		).toBe('expected criteria [a-b, nd331-d15-k3, z-x], got [nd331-d15-k3]');
		expect(
			runGoldenCase(
				rs,
				golden(GATEWAY, () => ({
					basis: { 'nd331-d15-k3': 'Điều 15 khoản 2 Nghị định 331/2026/NĐ-CP → cấp độ 5' }
				}))
			)
		).toBe(
			`expected nd331-d15-k3: "Điều 15 khoản 2 Nghị định 331/2026/NĐ-CP → cấp độ 5", got "${D15} → cấp độ 5"`
		);
		// The level the criterion gives is part of its basis.
		expect(
			runGoldenCase(
				rs,
				golden(GATEWAY, () => ({ basis: { 'nd331-d15-k3': `${D15} → cấp độ 4` } }))
			)
		).toBe(`expected nd331-d15-k3: "${D15} → cấp độ 4", got "${D15} → cấp độ 5"`);
		// A cited criterion that did not fire is reported by the criteria list only.
		expect(
			runGoldenCase(
				rs,
				golden(GATEWAY, (e) => ({ basis: { ...e.basis, 'nd331-d11-k1': 'x → cấp độ 1' } }))
			)
		).toBeNull();
	});

	it('holds in a child that cites the same provision as amended', () => {
		const amended = {
			...rs,
			compiled: rs.compiled.map((c) =>
				c.fired.id === 'nd331-d15-k3'
					? {
							...c,
							fired: { ...c.fired, citation: `${D15} (được sửa đổi, bổ sung bởi Nghị định X)` }
						}
					: c
			)
		};
		expect(
			runGoldenCase(
				amended,
				golden(GATEWAY, () => ({}))
			)
		).toBeNull();
		// Only an amendment note in parentheses: another text after the citation is another provision.
		const other = {
			...rs,
			compiled: rs.compiled.map((c) =>
				c.fired.id === 'nd331-d15-k3'
					? { ...c, fired: { ...c.fired, citation: `${D15} điểm a` } }
					: c
			)
		};
		expect(
			runGoldenCase(
				other,
				golden(GATEWAY, () => ({}))
			)
		).toBe(`expected nd331-d15-k3: "${D15} → cấp độ 5", got "${D15} điểm a → cấp độ 5"`);
	});

	it('designations: none unless the case names them, each with its citation', () => {
		expect(
			runGoldenCase(
				rs,
				golden(GATEWAY, () => ({ designations: undefined }))
			)
		).toBe(`expected designations {}, got {"nd331-d16-k4":"${D16}"}`);
		expect(
			runGoldenCase(
				rs,
				golden(GATEWAY, () => ({ designations: { 'nd331-d16-k4': 'Điều 16' } }))
			)
		).toBe(`expected designations {"nd331-d16-k4":"Điều 16"}, got {"nd331-d16-k4":"${D16}"}`);
	});

	it('a level the rule set cannot decide is reported as null', () => {
		expect(
			runGoldenCase(
				rs,
				golden(NATIONAL_NO_24X7, () => ({ level: 3 }))
			)
		).toBe('expected level 3, got null');
	});

	it('lists every criterion that fired, sorted and comma-separated', () => {
		expect(
			runGoldenCase(
				rs,
				golden(TWO_FIRED, () => ({ criteria: ['nd331-d11-k1'], basis: undefined }))
			)
		).toBe('expected criteria [nd331-d11-k1], got [nd331-d11-k1, nd331-d11-k2]');
	});

	it('a case that fails on its expectation, not its facts, lacks no fact', () => {
		expect(
			goldenFailure(
				rs,
				golden(GATEWAY, () => ({ level: 4 }))
			)
		).toEqual({ problem: 'expected level 4, got 5', missing: [] });
	});

	it('component levels in order, when the case lists them', () => {
		expect(
			runGoldenCase(
				rs,
				golden(TWO_COMPONENTS, () => ({ components: [2, 3] }))
			)
		).toBe('expected component levels [2, 3], got [3, 2]');
		expect(
			runGoldenCase(
				rs,
				golden(TWO_COMPONENTS, () => ({ components: undefined }))
			)
		).toBeNull();
	});

	it('joins every difference of one case', () => {
		expect(
			runGoldenCase(
				rs,
				golden(GATEWAY, () => ({ level: 3, designations: undefined }))
			)
		).toBe(`expected level 3, got 5; expected designations {}, got {"nd331-d16-k4":"${D16}"}`);
	});

	it('facts that do not validate: the errors, and the missing facts when they are the whole reason', () => {
		const t = golden(GATEWAY, () => ({}));
		const facts = without(t.facts, 'function');
		expect(goldenFailure(rs, { ...t, facts })).toEqual({
			problem: 'invalid facts: facts: Missing facts: function.',
			missing: ['function']
		});
		const wrong = goldenFailure(rs, { ...t, facts: { ...facts, information: 'x' } });
		expect(wrong).toEqual({
			problem:
				'invalid facts: facts.information: "information" must be a list of values.; facts: Missing facts: function.',
			missing: []
		});
	});
});

describe('runProcedureCase', () => {
	const level = (l: number) => rs.data.procedure_tests!.find((p) => p.level === l)!;

	it('passes the rule set’s own, and names each field that differs', () => {
		for (const l of [1, 2, 3, 4, 5]) expect(runProcedureCase(rs, level(l)), String(l)).toBeNull();
		const p = level(1);
		expect(runProcedureCase(rs, { ...p, appraiser: 'X', authority: 'Điều 1' })).toBe(
			`appraiser: expected "X", got "${p.appraiser}"; authority: expected "Điều 1", got "${p.authority}"`
		);
		expect(runProcedureCase(rs, { ...p, approver: 'Y' })).toBe(
			`approver: expected "Y", got "${p.approver}"`
		);
		expect(
			runProcedureCase(rs, {
				...p,
				approval_deadline: { ...p.approval_deadline!, working_days: false }
			})
		).toBe(
			'approval_deadline: expected {"days":7,"working_days":false,"citation":"Điều 24 khoản 2 Nghị định 331/2026/NĐ-CP"}, ' +
				'got {"days":7,"working_days":true,"citation":"Điều 24 khoản 2 Nghị định 331/2026/NĐ-CP"}'
		);
		expect(runProcedureCase(rs, { ...p, appraisal_deadline: p.approval_deadline })).toMatch(
			/^appraisal_deadline: expected \{"days":7,.*\}, got null$/
		);
	});

	it('checks the completeness deadline and the submission only when the case states them', () => {
		const p = level(1);
		const bare = without(p, 'completeness_deadline', 'submission');
		expect(runProcedureCase(rs, bare as ProcedureCase)).toBeNull();
		// Every other field must be stated.
		const noAppraisal = without(p, 'appraisal_deadline');
		expect(runProcedureCase(rs, noAppraisal as ProcedureCase)).toBe(
			'appraisal_deadline: expected undefined, got null'
		);
		expect(runProcedureCase(rs, { ...p, completeness_deadline: null })).toBe(
			'completeness_deadline: expected null, got {"days":5,"working_days":true,"citation":"Điều 23 khoản 2 Nghị định 331/2026/NĐ-CP"}'
		);
		expect(
			runProcedureCase(rs, { ...p, submission: { originals: 1, copies: 0, citation: 'x' } })
		).toBe('submission: expected {"originals":1,"copies":0,"citation":"x"}, got null');
	});
});

describe('runGoldenCases', () => {
	it('counts every case, procedure case and in-force date that passes', () => {
		const d = rs.data;
		expect(runGoldenCases(rs)).toEqual({
			passed: d.tests!.length + d.procedure_tests!.length + d.effective_tests!.length,
			failed: []
		});
		expect(d.effective_tests!.length).toBe(2);
		expect(d.procedure_tests!.length).toBe(5);
	});

	it('locates a failing golden case and procedure case in tests.yaml', () => {
		const d = rs.data;
		const i = d.tests!.findIndex((t) => t.name === GATEWAY);
		const bad = {
			...rs,
			data: {
				...d,
				tests: [d.tests![0]!, { ...d.tests![i]!, expect: { ...d.tests![i]!.expect, level: 4 } }],
				procedure_tests: [{ ...d.procedure_tests![0]!, approver: 'Y' }],
				effective_tests: []
			},
			testLocations: [rs.testLocations[0]!, rs.testLocations[i]!]
		} as RuleSet;
		const report = runGoldenCases(bad);
		expect(report.passed).toBe(1);
		expect(report.failed).toEqual([
			{
				name: GATEWAY,
				file: TESTS,
				line: rs.testLocations[i]!.line,
				column: rs.testLocations[i]!.column,
				problem: 'expected level 4, got 5'
			},
			{
				name: 'procedure, level 1',
				...rs.locate!(['procedure_tests', 0]),
				problem: expect.stringMatching(/^approver: expected "Y", got /)
			}
		]);
		expect(report.failed[1]!.file).toBe(TESTS);
		// Built from data, without a way to locate: the rule set's ref, line 1.
		const unlocated = runGoldenCases({ ...bad, locate: undefined });
		expect(unlocated.failed[1]).toMatchObject({ file: 'vn-nd331@2026', line: 1, column: 1 });
	});

	it('a rule set without golden cases, procedure cases or in-force dates has nothing to run', () => {
		const d = rs.data;
		expect(
			runGoldenCases({
				...rs,
				data: { ...d, tests: undefined, procedure_tests: undefined, effective_tests: undefined }
			})
		).toEqual({ passed: 0, failed: [] });
	});

	it('checks the in-force dates against effective_from and effective_to, located', () => {
		const d = rs.data;
		const dated = (
			effective_to: string | undefined,
			tests: { date: string; in_force: boolean }[]
		) =>
			runGoldenCases({
				...rs,
				data: { ...d, tests: [], procedure_tests: [], effective_to, effective_tests: tests }
			});
		expect(
			dated('2026-12-31', [
				{ date: '2026-08-18', in_force: false },
				{ date: '2026-08-19', in_force: true },
				{ date: '2026-12-31', in_force: true },
				{ date: '2027-01-01', in_force: false }
			])
		).toEqual({ passed: 4, failed: [] });
		const r = dated(undefined, [
			{ date: '2026-08-19', in_force: false },
			{ date: '2026-08-18', in_force: true }
		]);
		expect(r.failed).toEqual([
			{
				name: 'in force on 2026-08-19',
				...rs.locate!(['effective_tests', 0]),
				problem: 'expected not in force on 2026-08-19 (in force 2026-08-19 – …)'
			},
			{
				name: 'in force on 2026-08-18',
				...rs.locate!(['effective_tests', 1]),
				problem: 'expected in force on 2026-08-18 (in force 2026-08-19 – …)'
			}
		]);
		expect(r.failed[0]!.file).toBe(TESTS);
		expect(dated('2026-12-31', [{ date: '2027-01-01', in_force: true }]).failed).toEqual([
			expect.objectContaining({
				problem: 'expected in force on 2027-01-01 (in force 2026-08-19 – 2026-12-31)'
			})
		]);
		const unlocated = runGoldenCases({
			...rs,
			locate: undefined,
			data: {
				...d,
				tests: [],
				procedure_tests: [],
				effective_tests: [{ date: '2020-01-01', in_force: true }]
			}
		});
		expect(unlocated.failed[0]).toMatchObject({ file: 'vn-nd331@2026', line: 1, column: 1 });
	});
});
