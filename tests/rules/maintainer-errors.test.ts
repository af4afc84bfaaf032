// Errors a maintainer understands (issue 19 items 7 and 8), on the amendment of Decree 331 a
// maintainer would write: a new fact the inherited golden cases lack gets one message with the fix
// (default:), a new question can be placed with after:, mistyped names get "did you mean", paths
// count within the file, and common YAML mistakes are explained in Vietnamese then English.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatLoadError, loadLibrary, type SourceFile } from '../../src/lib/rules';
import { bundledRuleSets } from '../../src/lib/server/ruleset-files';

const DIR = 'tests/fixtures/amendment/vn-nd331/2027-03';
const files = (): SourceFile[] =>
	readdirSync(DIR).map((name) => ({
		path: `${DIR}/${name}`,
		text: readFileSync(`${DIR}/${name}`, 'utf8')
	}));
/** The amendment with `name`'s text edited (the bundled library as its parent). */
function variant(name: string, edit: (text: string) => string) {
	const fs = files();
	const f = fs.find((x) => x.path.endsWith(`/${name}`))!;
	const text = edit(f.text);
	expect(text, 'the edit applies').not.toBe(f.text);
	return loadLibrary(
		fs.map((x) => (x === f ? { ...x, text } : x)),
		bundledRuleSets().rulesets
	);
}
const lineIn = (name: string, text: string, needle: string) =>
	text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('a new fact the inherited golden cases lack', () => {
	it('is one error at the fact, suggesting default: (not one per case)', () => {
		const r = variant('facts.yaml', (t) => t.replace('    default: false\n', ''));
		expect(r.rulesets).toEqual([]);
		expect(r.errors).toHaveLength(1);
		const e = r.errors[0]!;
		expect(e.file).toBe(`${DIR}/facts.yaml`);
		expect(e.line).toBe(
			lineIn('facts.yaml', readFileSync(`${DIR}/facts.yaml`, 'utf8'), 'automated_decisions:')
		);
		expect(e.field).toBe('facts.automated_decisions');
		// Every case (inherited or the amendment's own) about a service to citizens that does not set
		// it; elsewhere the fact does not apply.
		const merged = loadLibrary(files(), bundledRuleSets().rulesets).rulesets[0]!;
		const n = merged.data.tests!.filter(
			(t) =>
				!('automated_decisions' in t.facts) &&
				[t, ...(t.components ?? [])].some((x) => x.facts.function === 'citizen_services')
		).length;
		expect(n).toBeGreaterThan(10);
		expect(e.message).toMatch(
			new RegExp(
				`^${n} ca kiểm thử không có dữ kiện mới "automated_decisions" \\(".+"; ".+"; ".+"; và ${n - 3} ca khác\\): thêm "default: false" vào dữ kiện`
			)
		);
		expect(e.message).toContain(`/ ${n} golden case(s) lack the new fact "automated_decisions"`);
		expect(e.message).toContain('give the fact "default: false"');
		expect(e.message).toContain(
			`"; and ${n - 3} more): give the fact "default: false" — the answer`
		);
	});

	it('a case that fails for another reason is still reported on its own', () => {
		const r = variant('tests.yaml', (t) =>
			t.replace(
				'expect: { level: 3, criteria: [nd331-d12-k2a, nd999-d1-k3] }',
				'expect: { level: 2, criteria: [nd331-d12-k2a, nd999-d1-k3] }'
			)
		);
		expect(r.errors.map((e) => e.message)).toEqual([
			expect.stringContaining(
				'test "Tự động ra quyết định bằng trí tuệ nhân tạo → cấp độ 3": expected level 2, got 3'
			)
		]);
	});
});

describe('placing a new question with after:', () => {
	const order = (r: ReturnType<typeof loadLibrary>) =>
		r.rulesets.find((x) => x.ref === 'vn-nd331@2027-03')!.factList.map((f) => f.name);

	it('a new fact is asked last by default, or right after the fact it names', () => {
		const last = loadLibrary(files(), bundledRuleSets().rulesets);
		expect(order(last).at(-1)).toBe('automated_decisions');
		const placed = variant('facts.yaml', (t) =>
			t.replace(
				'    default: false\n',
				'    default: false\n    after: online_service_data_subjects_sensitive\n'
			)
		);
		expect(placed.errors).toEqual([]);
		const names = order(placed);
		expect(names.indexOf('automated_decisions')).toBe(
			names.indexOf('online_service_data_subjects_sensitive') + 1
		);
		expect(names.at(-1)).not.toBe('automated_decisions');
		expect(new Set(names)).toEqual(new Set(order(last)));
	});

	it('an unknown fact in after: is located, with a suggestion', () => {
		const r = variant('facts.yaml', (t) =>
			t.replace(
				'    default: false\n',
				'    default: false\n    after: online_service_data_subject_sensitive\n'
			)
		);
		expect(r.errors.map((e) => formatLoadError(e))).toEqual([
			expect.stringMatching(
				/facts\.yaml:\d+:12: facts\.automated_decisions\.after: unknown fact "online_service_data_subject_sensitive"; có phải "online_service_data_subjects_sensitive"\? \/ did you mean "online_service_data_subjects_sensitive"\?$/
			)
		]);
	});

	it('a fact placed before a fact its applies_when reads is refused', () => {
		const r = variant('facts.yaml', (t) =>
			t.replace(
				'    default: false\n    applies_when: { fact: function, eq: citizen_services }',
				'    default: false\n    after: function\n    applies_when: { fact: online_service_data_subjects_basic, gt: 0 }'
			)
		);
		expect(r.errors.map((e) => [e.field, e.message])).toEqual([
			[
				'facts.automated_decisions.applies_when.fact',
				'"online_service_data_subjects_basic" is asked later (must be an earlier fact): place this fact after it with "after:"'
			]
		]);
	});
});

describe('unknown names: did you mean …, and paths within the file', () => {
	it('a fact misspelt in the 3rd criterion of the file is "criteria.2", with a suggestion', () => {
		const r = variant('criteria.yaml', (t) =>
			t.replace('{ fact: automated_decisions, eq: true }', '{ fact: automated_decision, eq: true }')
		);
		expect(r.errors).toHaveLength(1);
		expect(r.errors[0]).toMatchObject({
			file: `${DIR}/criteria.yaml`,
			field: 'criteria.2.when.all.1.fact',
			message:
				'unknown fact "automated_decision" (must be a declared fact); có phải "automated_decisions"? / did you mean "automated_decisions"?'
		});
	});

	it('an unknown field names the field it probably is', () => {
		const r = variant('criteria.yaml', (t) =>
			t.replace(
				'      amended_by: [{ source: nd999, article: 1, clause: 2 }]',
				'      amended: [{ source: nd999, article: 1, clause: 2 }]'
			)
		);
		expect(r.errors.map((e) => [e.field, e.message])).toEqual([
			[
				'criteria.1.citation.amended',
				'unknown field "amended"; có phải "amended_by"? / did you mean "amended_by"?'
			]
		]);
	});

	it('extends, sources, criteria in expectations and remove: each suggests the near name', () => {
		const ext = variant('ruleset.yaml', (t) =>
			t.replace('extends: vn-nd331@2026', 'extends: vn-nd331@2062')
		);
		expect(ext.errors[0]!.message).toBe(
			'extends unknown rule set "vn-nd331@2062"; có phải "vn-nd331@2026"? / did you mean "vn-nd331@2026"?'
		);
		const src = variant('facts.yaml', (t) =>
			t.replace('citation: { source: nd999', 'citation: { source: nd99')
		);
		expect(src.errors[0]).toMatchObject({
			field: 'facts.automated_decisions.citation.source',
			message: 'unknown source "nd99"; có phải "nd999"? / did you mean "nd999"?'
		});
		const crit = variant('tests.yaml', (t) =>
			t.replace('criteria: [nd331-d12-k2a, nd999-d1-k3]', 'criteria: [nd331-d12-k2a, nd999-d1-k4]')
		);
		expect(crit.errors.map((e) => [e.field, e.message])).toContainEqual([
			'tests.2.expect.criteria.1',
			'unknown criterion "nd999-d1-k4"; có phải "nd999-d1-k3"? / did you mean "nd999-d1-k3"?'
		]);
		// A misspelt name in remove: used to remove nothing, silently.
		const rm = variant('tests.yaml', (t) =>
			t.replace(
				'- Dữ liệu cá nhân cơ bản của 99.999 chủ thể → cấp độ 2',
				'- Dữ liệu cá nhân cơ bản của 99.999 chủ thể → cấp độ 3'
			)
		);
		expect(rm.errors.map((e) => [e.field, e.message])).toContainEqual([
			'remove.tests.1',
			'vn-nd331@2026 has no tests entry "Dữ liệu cá nhân cơ bản của 99.999 chủ thể → cấp độ 3"; có phải "Dữ liệu cá nhân cơ bản của 99.999 chủ thể → cấp độ 2"? / did you mean "Dữ liệu cá nhân cơ bản của 99.999 chủ thể → cấp độ 2"?'
		]);
	});

	it('a name nowhere near any known one gets no suggestion', () => {
		const r = variant('criteria.yaml', (t) =>
			t.replace('{ fact: automated_decisions, eq: true }', '{ fact: zzz, eq: true }')
		);
		expect(r.errors[0]!.message).toBe('unknown fact "zzz" (must be a declared fact)');
	});
});

describe('YAML mistakes explained', () => {
	it('a list item that lost its "- ": several repeated keys are one message about indentation', () => {
		// The 3rd criterion written without its dash: its keys land in the 2nd criterion.
		const r = variant('criteria.yaml', (t) =>
			t.replace('  - id: nd999-d1-k3\n', '    id: nd999-d1-k3\n')
		);
		expect(r.errors).toHaveLength(1);
		const e = r.errors[0]!;
		expect(e.file).toBe(`${DIR}/criteria.yaml`);
		expect(e.message).toMatch(
			/^\d+ khoá lặp lại cùng lúc \("id", "level", "citation", "text", "when", dòng [\d, ]+\): có lẽ thụt lề sai — một mục mới của danh sách thiếu "- " ở đầu/
		);
		expect(e.message).toContain(
			'probably an indentation problem — a new list item lacks its leading "- "'
		);
		expect(e.message).toMatch(/\(YAML: Map keys must be unique\)$/);
	});

	it('one repeated key is named', () => {
		const r = variant('ruleset.yaml', (t) =>
			t.replace(
				'effective_from: 2027-03-01',
				'effective_from: 2027-03-01\neffective_from: 2027-04-01'
			)
		);
		expect(r.errors.map((e) => e.message)).toEqual([
			'khoá "effective_from" đã có trong cùng khối này / the key "effective_from" is already in this block (YAML: Map keys must be unique)'
		]);
	});

	it('a tab, a ": " inside a value, an unclosed quote', () => {
		const tab = variant('ruleset.yaml', (t) => t.replace('  - id: nd999', '\t- id: nd999'));
		expect(tab.errors[0]!.message).toMatch(
			/^thụt lề bằng phím Tab; YAML chỉ chấp nhận dấu cách \/ indented with a tab/
		);
		const colon = variant('ruleset.yaml', (t) =>
			t.replace('issuer: Chính phủ', 'issuer: Chính phủ: Thủ tướng')
		);
		expect(colon.errors[0]!.message).toMatch(
			/^giá trị có dấu ": " ở giữa .* \/ a value with ": " inside it/
		);
		expect(colon.errors[0]!.line).toBe(
			lineIn('', readFileSync(`${DIR}/ruleset.yaml`, 'utf8'), 'issuer: Chính phủ')
		);
		const quote = variant('ruleset.yaml', (t) =>
			t.replace('issuer: Chính phủ', 'issuer: "Chính phủ')
		);
		expect(quote.errors[0]!.message).toMatch(
			/^dấu nháy mở chưa được đóng \/ a quote is opened but not closed/
		);
	});
});
