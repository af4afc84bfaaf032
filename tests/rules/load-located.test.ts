// loadLibrary's errors across folders, in process (Stryker's rules-load part sees them): a version
// defined twice, circular extends, a child whose parent did not load — each at its exact place.
import { describe, expect, it } from 'vitest';
import { loadLibrary, type SourceFile } from '../../src/lib/rules';
import { readYamlTree } from '../../src/lib/server/ruleset-files';

const ROOT = 'rulesets/vn-nd85';
const original = readYamlTree(ROOT);

/** The real Decree 85 files (both versions) with one file's text changed by `edit`. */
function withEdit(file: string, edit: (text: string) => string): SourceFile[] {
	return original.map((f) => (f.path === `${ROOT}/${file}` ? { ...f, text: edit(f.text) } : f));
}
const lineOf = (file: string, needle: string) =>
	original
		.find((f) => f.path === `${ROOT}/${file}`)!
		.text.split('\n')
		.findIndex((l) => l.includes(needle)) + 1;

describe('loadLibrary across folders', () => {
	it('loads both versions, the child with its parent', () => {
		const r = loadLibrary(original);
		expect(r.errors).toEqual([]);
		expect(r.rulesets.map((x) => x.ref)).toEqual(['vn-nd85@tt03-2017', 'vn-nd85@tt12-2022']);
	});

	it('reports a version defined twice at the second folder', () => {
		const r = loadLibrary(
			withEdit('tt12-2022/ruleset.yaml', (t) =>
				t.replace('version: tt12-2022', 'version: tt03-2017')
			)
		);
		expect(r.errors).toEqual([
			{
				file: `${ROOT}/tt12-2022/ruleset.yaml`,
				line: lineOf('tt12-2022/ruleset.yaml', 'version: tt12-2022'),
				column: 10,
				field: 'version',
				message: `vn-nd85@tt03-2017 is also defined in ${ROOT}/tt03-2017`
			}
		]);
		expect(r.rulesets.map((x) => x.ref)).toEqual(['vn-nd85@tt03-2017']);
	});

	it('reports circular extends', () => {
		const r = loadLibrary(
			withEdit('tt03-2017/ruleset.yaml', (t) =>
				t.replace('version: tt03-2017\n', 'version: tt03-2017\nextends: vn-nd85@tt12-2022\n')
			)
		);
		const t03 = `${ROOT}/tt03-2017/ruleset.yaml`;
		const t12 = `${ROOT}/tt12-2022/ruleset.yaml`;
		const line03 = lineOf('tt03-2017/ruleset.yaml', 'version: tt03-2017') + 1;
		const line12 = lineOf('tt12-2022/ruleset.yaml', 'extends:');
		const at = (file: string, line: number, message: string) => ({
			file,
			line,
			column: 10,
			field: 'extends',
			message
		});
		expect(r.errors).toEqual([
			at(t03, line03, 'circular extends through vn-nd85@tt03-2017'),
			at(t12, line12, 'parent vn-nd85@tt03-2017 did not load'),
			at(t03, line03, 'parent vn-nd85@tt12-2022 did not load'),
			at(t12, line12, 'circular extends through vn-nd85@tt12-2022')
		]);
		expect(r.rulesets).toEqual([]);
	});

	it('reports a child whose parent has a schema error as extending an unknown rule set', () => {
		const r = loadLibrary(
			withEdit('tt03-2017/criteria.yaml', (t) =>
				t.replace('  - id: nd85-d8-k1\n    level: 2', '  - id: nd85-d8-k1\n    level: 7')
			)
		);
		// A folder with a schema error is not a known ref, so its child reads an unknown parent.
		const t12 = `${ROOT}/tt12-2022/ruleset.yaml`;
		expect(r.errors).toEqual([
			{
				file: `${ROOT}/tt03-2017/criteria.yaml`,
				line: lineOf('tt03-2017/criteria.yaml', 'id: nd85-d8-k1') + 1,
				column: 12,
				field: 'criteria.1.level',
				message: 'must be <= 5'
			},
			{
				file: t12,
				line: lineOf('tt12-2022/ruleset.yaml', 'extends:'),
				column: 10,
				field: 'extends',
				message:
					'extends unknown rule set "vn-nd85@tt03-2017"; có phải "vn-nd85@tt12-2022"? / did you mean "vn-nd85@tt12-2022"?'
			},
			{
				file: t12,
				line: lineOf('tt12-2022/ruleset.yaml', 'id: vn-nd85'),
				column: 1,
				message: 'missing section "components_rule"'
			}
		]);
		expect(r.rulesets).toEqual([]);
	});
});
