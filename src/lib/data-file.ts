// Reading a YAML data file (calendar, bodies…) against its compiled JSON Schema, with every error
// located at file:line:column and named by its field. Pure: text in, data or errors out.
import { LineCounter } from 'yaml';
import { parseYaml, positionOf } from './yaml-js';
import type { LoadError, Location } from './rules/types';

export type Path = (string | number)[];
type Validator = ((d: unknown) => boolean) & {
	errors?:
		| { instancePath: string; keyword: string; message?: string; params: Record<string, unknown> }[]
		| null;
};

export interface DataFile {
	/** The parsed value; undefined when the YAML does not parse or fails the schema. */
	raw?: unknown;
	errors: LoadError[];
	/** Where a path points in the file (its closest existing ancestor). */
	at: (path: Path) => Location;
	/** Records a located error at `path`. */
	fail: (path: Path, message: string) => void;
}

export const isRealDate = (s: string) => {
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/** Parses `text` and validates it; `datePath` tells which fields a pattern error means "a date". */
export function readDataFile(
	file: string,
	text: string,
	validator: unknown,
	datePath: RegExp
): DataFile {
	const validate = validator as Validator;
	const lc = new LineCounter();
	const doc = parseYaml(text, { lineCounter: lc });
	const errors: LoadError[] = [];
	const at = (path: Path): Location => {
		return { file, ...positionOf(doc, lc, path) };
	};
	const fail = (path: Path, message: string) =>
		errors.push({ ...at(path), field: path.join('.') || undefined, message });
	if (doc.errors.length > 0) {
		for (const e of doc.errors) {
			const { line, col } = lc.linePos(e.pos[0]);
			errors.push({ file, line, column: col, message: e.message.split('\n')[0]! });
		}
		return { errors, at, fail };
	}
	const raw: unknown = doc.toJS();
	if (!validate(raw)) {
		for (const e of validate.errors ?? []) {
			const path = e.instancePath
				.split('/')
				.slice(1)
				.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
			const extra = e.params.additionalProperty as string | undefined;
			const missing = e.params.missingProperty as string | undefined;
			fail(
				extra ? [...path, extra] : path,
				extra
					? `unknown field "${extra}"`
					: missing
						? `missing field "${missing}"`
						: e.keyword === 'pattern' && datePath.test(e.instancePath)
							? 'must be a date written YYYY-MM-DD'
							: (e.message ?? e.keyword)
			);
		}
		return { errors, at, fail };
	}
	return { raw, errors, at, fail };
}
