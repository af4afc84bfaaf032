// The YAML parser's errors explained in place (yaml-errors.ts), in process: each kind of mistake a
// maintainer makes gets its own hint in Vietnamese and English, at the parser's line and column.
import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { explainYamlErrors } from '../../src/lib/rules/yaml-errors';

function explain(text: string) {
	const lc = new LineCounter();
	const doc = parseDocument(text, { lineCounter: lc, merge: true });
	return explainYamlErrors('f.yaml', text, doc.errors, lc);
}
const at = (line: number, column: number, message: string) => ({
	file: 'f.yaml',
	line,
	column,
	message
});

describe('explainYamlErrors', () => {
	it('explains a second document in the file, and says "YAML syntax error" for the rarest', () => {
		expect(explain('a: 1\n---\nb: 2\n')).toEqual([
			at(
				2,
				1,
				'tệp có hơn một tài liệu YAML (dòng "---" hoặc "..."); mỗi tệp là một tài liệu: bỏ dòng phân cách / the file holds more than one YAML document (a "---" or "..." line); a file is one document: remove the separator (YAML: Source contains multiple documents; please use YAML.parseAllDocuments() at line 2, column 1:)'
			)
		]);
		expect(explain('&a &b c: 1\n')).toEqual([
			at(
				1,
				4,
				'lỗi cú pháp YAML / YAML syntax error (YAML: A node can have at most one anchor at line 1, column 4:)'
			)
		]);
	});

	it('names one repeated key', () => {
		expect(explain('a: 1\nb: 2\na: 3\n')).toEqual([
			at(
				3,
				1,
				'khoá "a" đã có trong cùng khối này / the key "a" is already in this block (YAML: Map keys must be unique at line 3, column 1:)'
			)
		]);
	});

	it('names a quoted repeated key without its quotes', () => {
		expect(explain('"a b": 1\n"a b": 2\n')[0]!.message).toContain('the key "a b" is already');
	});

	it('names a repeated key written with spaces before its ":" without them', () => {
		expect(explain('a  : 1\na  : 2\n')[0]!.message).toMatch(
			/^khoá "a" đã có .* the key "a" is already in this block/
		);
	});

	it('names a repeated key with ":" inside as written, unquoted, at the same place', () => {
		expect(explain('"a:b": 1\n"a:b": 2\n')).toEqual([
			at(
				2,
				1,
				'khoá "a:b" đã có trong cùng khối này / the key "a:b" is already in this block (YAML: Map keys must be unique at line 2, column 1:)'
			)
		]);
		expect(explain("x:\n  'a: b': 1\n  'a: b': 2\n")).toEqual([
			at(
				3,
				3,
				'khoá "a: b" đã có trong cùng khối này / the key "a: b" is already in this block (YAML: Map keys must be unique at line 3, column 3:)'
			)
		]);
		expect(explain('a:b: 1\na:b: 2\n')[0]).toMatchObject({ line: 2, column: 1 });
		expect(explain('a:b: 1\na:b: 2\n')[0]!.message).toContain('the key "a:b" is already');
	});

	it('names a repeated key in single quotes without them, its doubled quote as one', () => {
		expect(explain("'a': 1\n'a': 2\n")[0]!.message).toMatch(
			/^khoá "a" đã có .* the key "a" is already in this block/
		);
		expect(explain("'it''s': 1\n'it''s': 2\n")[0]!.message).toContain(`the key "it's" is already`);
	});

	it('names a repeated key as the parser reads it: escapes, flow blocks, explicit keys', () => {
		expect(explain('"k\\u00e9": 1\n"k\\u00e9": 2\n')[0]!.message).toContain('the key "ké"');
		expect(explain('{a: 1, a: 2}\n')[0]).toMatchObject({ line: 1, column: 8 });
		expect(explain('{a: 1, a: 2}\n')[0]!.message).toContain('the key "a" is already');
		expect(explain('? a\n: 1\n? a\n: 2\n')[0]!.message).toContain('the key "a" is already');
		// The repeated key the last thing in the text, no newline after it.
		expect(explain('? a\n: 1\n? a')[0]!.message).toContain('the key "a" is already');
	});

	it('names a repeated key that runs over several lines, on one line, without throwing', () => {
		// A quoted key broken over two lines once threw out of the loader (resolving it alone).
		const quoted = explain('"a\n  b": 1\n"a\n  b": 2\n');
		expect(quoted.at(-1)).toEqual(
			at(
				3,
				1,
				'khoá "a b" đã có trong cùng khối này / the key "a b" is already in this block (YAML: Map keys must be unique at line 3, column 1:)'
			)
		);
		expect(explain('? |\n  a\n  b\n: 1\n? |\n  a\n  b\n: 2\n')).toEqual([
			at(
				5,
				3,
				'khoá "a b" đã có trong cùng khối này / the key "a b" is already in this block (YAML: Map keys must be unique at line 5, column 3:)'
			)
		]);
		// A key the parser finds broken (a bad escape) is still named, as far as it reads.
		expect(explain('"a\\q": 1\n"a\\q": 2\n').map((e) => e.message.split(' / ')[0])).toEqual([
			'lỗi cú pháp YAML',
			'lỗi cú pháp YAML',
			'khoá "a\\q" đã có trong cùng khối này'
		]);
		// Spaces inside a key are kept as written; only line breaks are joined.
		expect(explain('"a  b": 1\n"a  b": 2\n')[0]!.message).toContain('the key "a  b" is already');
		// A blank key — none before ":", an empty explicit key, a key of spaces — is called blank.
		for (const [text, line, column] of [
			['"  ": 1\n"  ": 2\n', 2, 1],
			[': 1\n: 2\n', 2, 1],
			['? \n: 1\n? \n: 2\n', 4, 1],
			['{: 1, : 2}\n', 1, 7]
		] as const)
			expect(explain(text), text).toEqual([
				at(
					line,
					column,
					`khoá trống (không có tên trước dấu ":") đã có trong cùng khối này / a blank key (no name before ":") is already in this block (YAML: Map keys must be unique at line ${line}, column ${column}:)`
				)
			]);
	});

	it('reports a burst of repeated keys once, at the first, with every key and line', () => {
		expect(explain('items:\n  - id: x\n    level: 1\n    id: y\n    level: 2\n')).toEqual([
			at(
				4,
				5,
				'2 khoá lặp lại cùng lúc ("id", "level", dòng 4, 5): có lẽ thụt lề sai — một mục mới của danh sách thiếu "- " ở đầu, hoặc các dòng của nó thụt vào mục phía trên / 2 keys repeated at once ("id", "level", lines 4, 5): probably an indentation problem — a new list item lacks its leading "- ", or its lines are indented into the item above (YAML: Map keys must be unique at line 4, column 5:)'
			)
		]);
	});

	it('lists a key repeated twice in a burst once', () => {
		const [e] = explain('a: 1\na: 2\na: 3\n');
		expect(e!.message).toContain('2 keys repeated at once ("a", lines 2, 3)');
	});

	it('explains an unclosed flow list', () => {
		expect(explain('a: [1, 2\nb: 3\n')).toEqual([
			at(
				2,
				1,
				'danh sách hoặc khối mở bằng "[" hay "{" chưa được đóng (thiếu "]" hoặc "}") / a list or block opened with "[" or "{" is not closed (missing "]" or "}") (YAML: Flow sequence in block collection must be sufficiently indented and end with a ] at line 2, column 1:)'
			)
		]);
	});

	it('explains keys of one block in different columns', () => {
		expect(explain('a:\n    b: 1\n  c: 2\n')).toEqual([
			at(
				3,
				1,
				'dòng này thụt lề khác các khoá cùng khối phía trên; các khoá của một khối phải thẳng cột / this line is indented differently from the keys of its block above; they must start in the same column (YAML: All mapping items must start at the same column at line 3, column 1:)'
			)
		]);
	});

	it('explains a value with ": " inside it', () => {
		expect(explain('a: Điều 1: xx\n')).toEqual([
			at(
				1,
				4,
				'giá trị có dấu ": " ở giữa (ví dụ "Điều 1: …"), hoặc dòng dưới thụt lề quá sâu; đặt giá trị trong dấu nháy hoặc viết dạng khối ">-" / a value with ": " inside it (e.g. "Article 1: …"), or the next line indented too far; quote the value or write it as a ">-" block (YAML: Nested mappings are not allowed in compact mappings at line 1, column 4:)'
			)
		]);
		expect(explain('a:\n  b\n  c: 1\n')[0]).toMatchObject({ line: 2, column: 3 });
		expect(explain('a:\n  b\n  c: 1\n')[0]!.message).toMatch(/^giá trị có dấu ": " ở giữa/);
	});

	it('explains an unclosed quote', () => {
		expect(explain('a: "abc\nb: 1\n')).toEqual([
			at(
				3,
				1,
				'dấu nháy mở chưa được đóng / a quote is opened but not closed (YAML: Missing closing "quote at line 3, column 1:)'
			)
		]);
	});

	it('explains a value that starts with a reserved character', () => {
		expect(explain('a: @x\n')).toEqual([
			at(
				1,
				4,
				'giá trị bắt đầu bằng ký tự dành riêng (@, `, %, …); đặt giá trị trong dấu nháy / the value starts with a reserved character (@, `, %, …); quote the value (YAML: Plain value cannot start with reserved character @ at line 1, column 4:)'
			)
		]);
	});

	it('explains an unexpected character', () => {
		expect(explain('a: 1\n]\n')).toEqual([
			at(
				2,
				1,
				'ký tự không mong đợi; nếu giá trị có ":", "#" hoặc "- " hãy đặt nó trong dấu nháy / an unexpected character; if the value contains ":", "#" or "- ", quote it (YAML: Unexpected flow-seq-end token in YAML stream: "]" at line 2, column 1:)'
			)
		]);
	});

	it('explains a tab used as indentation', () => {
		expect(explain('a:\n\tb: 1\n')).toEqual([
			at(
				2,
				1,
				'thụt lề bằng phím Tab; YAML chỉ chấp nhận dấu cách / indented with a tab; YAML allows only spaces (YAML: Tabs are not allowed as indentation at line 2, column 1:)'
			)
		]);
	});

	it('explains a list item that falls outside its block, and the key it leaves without ":"', () => {
		expect(
			explain('a:\n  - x\n - y\n').map((e) => [e.line, e.column, e.message.split(' / ')[1]])
		).toEqual([
			[
				3,
				1,
				'wrong indentation: this line falls outside its block (YAML: A block sequence may not be used as an implicit map key at line 3, column 1:)'
			],
			[
				3,
				2,
				'a value with ": " inside it (e.g. "Article 1: …"), or the next line indented too far; quote the value or write it as a ">-" block (YAML: Implicit keys need to be on a single line at line 3, column 2:)'
			],
			[
				3,
				2,
				'this line lacks a ":" after its key (or is wrongly indented) (YAML: Implicit map keys need to be followed by map values at line 3, column 2:)'
			]
		]);
		expect(explain('a:\n  - x\n - y\n')[0]!.message.split(' / ')[0]).toBe(
			'thụt lề sai: dòng này lùi ra ngoài khối của nó'
		);
		expect(explain('a:\n  - x\n - y\n')[2]!.message.split(' / ')[0]).toBe(
			'dòng này thiếu dấu ":" sau tên khoá (hoặc thụt lề sai)'
		);
	});

	it('explains an unclosed flow map as a missing closing character', () => {
		expect(explain('{a: 1\n')).toEqual([
			at(
				2,
				1,
				'thiếu một ký tự đóng / a closing character is missing (YAML: Flow map must end with a } at line 2, column 1:)'
			)
		]);
	});

	it('keeps other errors beside repeated keys, and a lone repeated key among them is not a burst', () => {
		expect(
			explain('a: 1\nb: @x\na: 2\na: 3\n').map((e) => [e.line, e.column, e.message.slice(0, 40)])
		).toEqual([
			[2, 4, 'giá trị bắt đầu bằng ký tự dành riêng (@'],
			[3, 1, '2 khoá lặp lại cùng lúc ("a", dòng 3, 4)']
		]);
		expect(
			explain('a: @x\nb: 1\nb: 2\n').map((e) => [e.line, e.column, e.message.slice(0, 30)])
		).toEqual([
			[1, 4, 'giá trị bắt đầu bằng ký tự dàn'],
			[3, 1, 'khoá "b" đã có trong cùng khối']
		]);
	});

	it('gives no error for valid YAML', () => {
		expect(explain('a: 1\nb: [1, 2]\n')).toEqual([]);
	});
});
