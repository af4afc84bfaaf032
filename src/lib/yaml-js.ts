// A parsed YAML document to plain values, with the two failures the yaml library throws (instead
// of listing in doc.errors) turned into located errors: an alias whose anchor is not defined before
// it, and alias expansion beyond a limit ("billion laughs": a few hundred bytes that expand to
// gigabytes). Used by every YAML reader: rule sets, system files, reporting duties.
import { isMap, isSeq, visit, type Alias, type Document, type LineCounter } from 'yaml';

/** The yaml library's own default; rule sets reuse blocks more and pass a higher limit. */
export const MAX_ALIAS_COUNT = 100;

export type ToJs =
	{ ok: true; value: unknown } | { ok: false; line: number; column: number; message: string };

export function toJsLocated(doc: Document, lc: LineCounter, maxAliasCount = MAX_ALIAS_COUNT): ToJs {
	try {
		return { ok: true, value: doc.toJS({ maxAliasCount }) };
	} catch (e) {
		if (!(e instanceof ReferenceError)) throw e;
		let unresolved: Alias | undefined;
		let first: Alias | undefined;
		visit(doc, {
			Alias(_, node) {
				first ??= node;
				if (!node.resolve(doc)) {
					unresolved = node;
					return visit.BREAK;
				}
			}
		});
		const at = (node: Alias | undefined) => {
			const { line, col } = lc.linePos(node?.range?.[0] ?? 0);
			return { line, column: col };
		};
		if (unresolved)
			return {
				ok: false,
				...at(unresolved),
				message: `alias "*${unresolved.source}" has no anchor "&${unresolved.source}" defined before it`
			};
		return {
			ok: false,
			...at(first),
			message: `too many alias expansions (more than ${maxAliasCount}): nested aliases like these can exhaust memory`
		};
	}
}

/** Line and column of the node at `path`, walking down as far as the path exists (a missing key
 *  points at its parent), so every reader locates its errors the same way. */
export function positionOf(
	doc: Document,
	lc: LineCounter,
	path: readonly (string | number)[]
): { line: number; column: number } {
	let node: unknown = doc.contents;
	for (const k of path) {
		if (!isMap(node) && !isSeq(node)) break;
		const next: unknown = node.get(k, true);
		if (next === undefined) break;
		node = next;
	}
	const range = (node as { range?: [number, number] } | null)?.range;
	const { line, col } = lc.linePos(range ? range[0] : 0);
	return { line, column: col };
}
