// Where a JSON text stops being JSON: JSON.parse on Node 20 often says only "Unexpected token …",
// with no position. jsonc-parser (Microsoft's, the one VS Code uses) reports the offset; this turns
// it into a line and column for a located error.
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

export interface JsonSyntaxError {
	line: number;
	column: number;
	code: string;
}

/** The first syntax error of `text` as strict JSON, or undefined when it parses. */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
	const errors: ParseError[] = [];
	parse(text, errors, {
		disallowComments: true,
		allowTrailingComma: false,
		allowEmptyContent: false
	});
	const e = errors[0];
	if (!e) return undefined;
	const before = text.slice(0, e.offset);
	const line = before.split('\n').length;
	return { line, column: e.offset - before.lastIndexOf('\n'), code: printParseErrorCode(e.error) };
}
