// The YAML parser's errors in words a maintainer understands: what probably went wrong and how to
// fix it, in Vietnamese then English, followed by the parser's own message. A burst of "Map keys
// must be unique" in one file is one mistake (an item that lost its "- " or was indented into the
// item above), so it is reported once, at the first repeated key.
import { CST, Parser, type LineCounter, type YAMLError } from 'yaml';
import type { LoadError } from './types';

interface Hint {
	vi: string;
	en: string;
}

function hint(e: YAMLError, text: string): Hint {
	const msg = e.message;
	switch (e.code) {
		case 'TAB_AS_INDENT':
			return {
				vi: 'thụt lề bằng phím Tab; YAML chỉ chấp nhận dấu cách',
				en: 'indented with a tab; YAML allows only spaces'
			};
		case 'DUPLICATE_KEY': {
			const key = keyAt(e, text);
			return key
				? {
						vi: `khoá "${key}" đã có trong cùng khối này`,
						en: `the key "${key}" is already in this block`
					}
				: {
						vi: 'khoá trống (không có tên trước dấu ":") đã có trong cùng khối này',
						en: 'a blank key (no name before ":") is already in this block'
					};
		}
		case 'BAD_INDENT':
			return /Flow (sequence|mapping)/.test(msg)
				? {
						vi: `danh sách hoặc khối mở bằng "[" hay "{" chưa được đóng (thiếu "]" hoặc "}")`,
						en: 'a list or block opened with "[" or "{" is not closed (missing "]" or "}")'
					}
				: {
						vi: 'dòng này thụt lề khác các khoá cùng khối phía trên; các khoá của một khối phải thẳng cột',
						en: 'this line is indented differently from the keys of its block above; they must start in the same column'
					};
		case 'BLOCK_AS_IMPLICIT_KEY':
		case 'MULTILINE_IMPLICIT_KEY':
			return /compact mappings|single line/.test(msg)
				? {
						vi: 'giá trị có dấu ": " ở giữa (ví dụ "Điều 1: …"), hoặc dòng dưới thụt lề quá sâu; đặt giá trị trong dấu nháy hoặc viết dạng khối ">-"',
						en: 'a value with ": " inside it (e.g. "Article 1: …"), or the next line indented too far; quote the value or write it as a ">-" block'
					}
				: {
						vi: 'thụt lề sai: dòng này lùi ra ngoài khối của nó',
						en: 'wrong indentation: this line falls outside its block'
					};
		case 'MISSING_CHAR':
			return /quote/.test(msg)
				? { vi: 'dấu nháy mở chưa được đóng', en: 'a quote is opened but not closed' }
				: /map values/.test(msg)
					? {
							vi: 'dòng này thiếu dấu ":" sau tên khoá (hoặc thụt lề sai)',
							en: 'this line lacks a ":" after its key (or is wrongly indented)'
						}
					: { vi: 'thiếu một ký tự đóng', en: 'a closing character is missing' };
		case 'BAD_SCALAR_START':
			return {
				vi: 'giá trị bắt đầu bằng ký tự dành riêng (@, `, %, …); đặt giá trị trong dấu nháy',
				en: 'the value starts with a reserved character (@, `, %, …); quote the value'
			};
		case 'UNEXPECTED_TOKEN':
			return {
				vi: 'ký tự không mong đợi; nếu giá trị có ":", "#" hoặc "- " hãy đặt nó trong dấu nháy',
				en: 'an unexpected character; if the value contains ":", "#" or "- ", quote it'
			};
		case 'MULTIPLE_DOCS':
			return {
				vi: 'tệp có hơn một tài liệu YAML (dòng "---" hoặc "..."); mỗi tệp là một tài liệu: bỏ dòng phân cách',
				en: 'the file holds more than one YAML document (a "---" or "..." line); a file is one document: remove the separator'
			};
		default:
			return { vi: 'lỗi cú pháp YAML', en: 'YAML syntax error' };
	}
}

/**
 * The key a DUPLICATE_KEY error points at, as the maintainer wrote it but unquoted (`'a: b'` is
 * a: b, `"k\u00e9"` is ké), on one line: the parser's own reading of the text from the error's
 * position. '' for a blank key (`: 1`, `? `, `"  "`); the parser reports no repeated key that is a
 * list or a block, so a key is a scalar or nothing.
 */
function keyAt(e: YAMLError, text: string): string {
	// Not only the key's line: a quoted or block key may run over several lines (a few KB suffice).
	const [doc] = new Parser().parse(text.slice(e.pos[0], e.pos[0] + 4096));
	if (doc?.type !== 'document') return '';
	// `key: value` (or `key: value}` in a flow block); an explicit `? key` is the scalar alone.
	const key = doc.value?.type === 'block-map' ? doc.value.items[0]!.key : doc.value;
	if (!CST.isScalar(key)) return '';
	// Read as far as it goes: a key the parser finds broken must not throw out of the loader.
	return CST.resolveAsScalar(key, false, () => undefined)!
		.value.replace(/\s*\n\s*/g, ' ')
		.trim();
}

const firstLine = (s: string) => s.split('\n')[0]!;

/** Located, explained errors for one file's parser errors. */
export function explainYamlErrors(
	file: string,
	text: string,
	errors: readonly YAMLError[],
	lc: LineCounter
): LoadError[] {
	const at = (e: YAMLError) => {
		const { line, col } = lc.linePos(e.pos[0]);
		return { file, line, column: col };
	};
	const dupes = errors.filter((e) => e.code === 'DUPLICATE_KEY');
	const out: LoadError[] = [];
	for (const e of errors) {
		if (dupes.length > 1 && e.code === 'DUPLICATE_KEY') {
			if (e !== dupes[0]) continue;
			const lines = dupes.map((d) => at(d).line).join(', ');
			const keys = [...new Set(dupes.map((d) => keyAt(d, text)))].join('", "');
			out.push({
				...at(e),
				message:
					`${dupes.length} khoá lặp lại cùng lúc ("${keys}", dòng ${lines}): có lẽ thụt lề sai — một mục ` +
					`mới của danh sách thiếu "- " ở đầu, hoặc các dòng của nó thụt vào mục phía trên / ` +
					`${dupes.length} keys repeated at once ("${keys}", lines ${lines}): probably an indentation ` +
					`problem — a new list item lacks its leading "- ", or its lines are indented into the item ` +
					`above (YAML: ${firstLine(e.message)})`
			});
			continue;
		}
		const h = hint(e, text);
		out.push({ ...at(e), message: `${h.vi} / ${h.en} (YAML: ${firstLine(e.message)})` });
	}
	return out;
}
