// Rule-set problems are reported with file, line, column and a plain message.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatLoadError, loadLibrary, type SourceFile } from '../../src/lib/rules';
import { readYamlTree } from '../../src/lib/server/ruleset-files';

const DIR = 'rulesets/vn-nd85/tt03-2017';
const original = readYamlTree(DIR);

/** The real tt03 files with one file's text changed by `edit`. */
function withEdit(file: string, edit: (text: string) => string): SourceFile[] {
	return original.map((f) => (f.path === `${DIR}/${file}` ? { ...f, text: edit(f.text) } : f));
}
const lineOf = (file: string, needle: string) =>
	readFileSync(`${DIR}/${file}`, 'utf8')
		.split('\n')
		.findIndex((l) => l.includes(needle)) + 1;

describe('loading rule sets', () => {
	it('loads the real files with no error', () => {
		const r = loadLibrary(original);
		expect(r.errors).toEqual([]);
		expect(r.rulesets.map((x) => x.ref)).toEqual(['vn-nd85@tt03-2017']);
	});

	it('reports YAML syntax errors at their position', () => {
		const r = loadLibrary(withEdit('criteria.yaml', (t) => t.replace('level: 1\n', 'level: [1\n')));
		expect(r.rulesets).toEqual([]);
		expect(r.errors[0]).toMatchObject({ file: `${DIR}/criteria.yaml` });
		expect(r.errors[0]!.line).toBeGreaterThan(lineOf('criteria.yaml', 'id: nd85-d7') - 1);
	});

	it('reports schema errors at the field, with the field path', () => {
		const r = loadLibrary(
			withEdit('criteria.yaml', (t) =>
				t.replace('  - id: nd85-d8-k1\n    level: 2', '  - id: nd85-d8-k1\n    level: 7')
			)
		);
		const line = lineOf('criteria.yaml', 'id: nd85-d8-k1') + 1;
		expect(r.errors).toEqual([
			{
				file: `${DIR}/criteria.yaml`,
				line,
				column: 12,
				field: 'criteria.1.level',
				message: 'must be <= 5'
			}
		]);
		expect(formatLoadError(r.errors[0]!)).toBe(
			`${DIR}/criteria.yaml:${line}:12: criteria.1.level: must be <= 5`
		);
	});

	it('reports unknown fields', () => {
		const r = loadLibrary(
			withEdit('criteria.yaml', (t) => t.replace('    level: 1\n', '    level: 1\n    levle: 1\n'))
		);
		expect(r.errors[0]).toMatchObject({
			line: lineOf('criteria.yaml', 'level: 1') + 1,
			column: 5,
			// Two letters swapped: one edit, so the field it probably is is named.
			message: 'unknown field "levle"; có phải "level"? / did you mean "level"?'
		});
	});

	it('reports a criterion referring to an unknown fact', () => {
		const r = loadLibrary(
			withEdit('criteria.yaml', (t) =>
				t.replace(
					'{ fact: national_critical_data_store, eq: true }',
					'{ fact: national_data_store, eq: true }'
				)
			)
		);
		expect(r.errors).toEqual([
			expect.objectContaining({
				file: `${DIR}/criteria.yaml`,
				line: lineOf('criteria.yaml', 'fact: national_critical_data_store'),
				message: 'unknown fact "national_data_store" (must be a declared fact)'
			})
		]);
	});

	it('reports a value that the fact does not allow', () => {
		const r = loadLibrary(
			withEdit('criteria.yaml', (t) => t.replace('in: [II, III, IV]', 'in: [II, III, V]'))
		);
		expect(r.errors[0]!.message).toBe(
			'"V" is not a value of "construction_work_grade" (special, I, II, III, IV)'
		);
		expect(r.errors[0]!.line).toBe(lineOf('criteria.yaml', 'in: [II, III, IV]'));
	});

	it('reports duplicate criterion ids', () => {
		const r = loadLibrary(
			withEdit('criteria.yaml', (t) => t.replace('id: nd85-d8-k2b', 'id: nd85-d8-k2a'))
		);
		expect(r.errors).toContainEqual(
			expect.objectContaining({
				line: lineOf('criteria.yaml', 'id: nd85-d8-k2b'),
				column: 9,
				message: 'duplicate criterion id "nd85-d8-k2a"'
			})
		);
	});

	it('reports a golden case whose expectation is wrong, at the case', () => {
		const name = 'Cổng kết nối quốc tế → cấp độ 5';
		const r = loadLibrary(
			withEdit('tests.yaml', (t) =>
				t.replace(
					'level: 5\n      basis:\n        nd85-d11-k3:',
					'level: 4\n      basis:\n        nd85-d11-k3:'
				)
			)
		);
		expect(r.errors).toEqual([
			expect.objectContaining({
				file: `${DIR}/tests.yaml`,
				line: lineOf('tests.yaml', name),
				message: `test "${name}": expected level 4, got 5`
			})
		]);
	});

	it('reports a golden case whose expected citation differs from the criterion, at the case', () => {
		const name = 'Cổng kết nối quốc tế → cấp độ 5';
		const r = loadLibrary(
			withEdit('tests.yaml', (t) =>
				t.replace(
					'level: 5\n      basis:\n        nd85-d11-k3: Điều 11 khoản 3 ',
					'level: 5\n      basis:\n        nd85-d11-k3: Điều 11 khoản 2 '
				)
			)
		);
		expect(r.errors).toEqual([
			expect.objectContaining({
				file: `${DIR}/tests.yaml`,
				line: lineOf('tests.yaml', name),
				message: `test "${name}": expected nd85-d11-k3: "Điều 11 khoản 2 Nghị định 85/2016/NĐ-CP → cấp độ 5", got "Điều 11 khoản 3 Nghị định 85/2016/NĐ-CP → cấp độ 5"`
			})
		]);
	});

	it('reports a cited basis that disagrees with the listed criteria, and a case with neither', () => {
		const r = loadLibrary(
			withEdit('tests.yaml', (t) =>
				t
					.replace(
						'level: 5\n      basis:\n        nd85-d11-k3:',
						'level: 5\n      criteria: [nd85-d11-k3, nd85-d7]\n      basis:\n        nd85-d11-k3:'
					)
					.replace(
						'level: 3\n      basis:\n        nd85-d9-k4: Điều 9 khoản 4 Nghị định 85/2016/NĐ-CP → cấp độ 3\n  - name: SCADA công trình cấp IV',
						'level: 3\n  - name: SCADA công trình cấp IV'
					)
			)
		);
		expect(r.errors.map((e) => e.message)).toEqual([
			'a golden case needs "basis" (or "criteria")',
			'criterion "nd85-d7" has no expected citation'
		]);
	});

	it('reports a citation to an unknown source', () => {
		const r = loadLibrary(
			withEdit('criteria.yaml', (t) =>
				t.replace(
					'citation: { source: nd85, article: 7 }',
					'citation: { source: nd58, article: 7 }'
				)
			)
		);
		expect(r.errors[0]).toMatchObject({
			line: lineOf('criteria.yaml', 'source: nd85, article: 7 }'),
			message: 'unknown source "nd58"; có phải "nd85"? / did you mean "nd85"?'
		});
	});

	it('reports a section defined twice across files', () => {
		const r = loadLibrary([...original, { path: `${DIR}/extra.yaml`, text: 'criteria: []\n' }]);
		expect(r.errors[0]).toMatchObject({
			file: `${DIR}/extra.yaml`,
			line: 1,
			column: 1,
			message: `section "criteria" is already defined in ${DIR}/criteria.yaml`
		});
	});
});
