// Reads a system description (YAML or JSON) and locates fact paths back in the file.
import { readFileSync, statSync } from 'node:fs';
import { LineCounter, type Document } from 'yaml';
import { parseYaml, positionOf, toJsLocated } from '../lib/yaml-js';

export interface InputFile {
	path: string;
	value: unknown;
	/** "components[0].facts.x" → "FILE:line:column" (the closest node that exists). */
	locate: (factPath: string) => string;
}

export type InputResult = { ok: true; file: InputFile } | { ok: false; error: string };

/** A system description is a few KB; 2 MB is far beyond any real one. */
export const MAX_INPUT_BYTES = 2 * 1024 * 1024;

export function readInputFile(path: string): InputResult {
	let text: string;
	try {
		const size = statSync(path).size;
		if (size > MAX_INPUT_BYTES)
			return {
				ok: false,
				error: `${path}:1:1: file too large: ${(size / 1048576).toFixed(1)} MB (at most ${MAX_INPUT_BYTES / 1048576} MB for a system description)`
			};
		text = readFileSync(path, 'utf8');
	} catch (e) {
		return { ok: false, error: `${path}: cannot read file (${(e as NodeJS.ErrnoException).code})` };
	}
	return parseInputText(path, text);
}

/** The file's text as a system description, or the first problem at its file:line:column. */
export function parseInputText(path: string, text: string): InputResult {
	const lc = new LineCounter();
	const doc = parseYaml(text, { lineCounter: lc });
	if (doc.errors.length > 0) {
		const e = doc.errors[0]!;
		const { line, col } = lc.linePos(e.pos[0]);
		return { ok: false, error: `${path}:${line}:${col}: ${e.message.split('\n')[0]}` };
	}
	const js = toJsLocated(doc, lc);
	if (!js.ok) return { ok: false, error: `${path}:${js.line}:${js.column}: ${js.message}` };
	const value = js.value;
	if (!value || typeof value !== 'object' || Array.isArray(value))
		return { ok: false, error: `${path}:1:1: expected an object { name, facts, components }` };
	return { ok: true, file: { path, value, locate: (p) => `${path}:${locateIn(doc, lc, p)}` } };
}

function locateIn(doc: Document, lc: LineCounter, factPath: string): string {
	const keys = factPath
		.split(/\.|\[(\d+)\]/)
		.filter((k) => k !== undefined && k !== '')
		.map((k) => (/^\d+$/.test(k) ? Number(k) : k));
	const { line, column } = positionOf(doc, lc, keys);
	return `${line}:${column}`;
}
