// A parsed YAML document to plain values, with the two failures the yaml library throws (instead
// of listing in doc.errors) turned into located errors: an alias whose anchor is not defined before
// it, and alias expansion beyond a limit ("billion laughs": a few hundred bytes that expand to
// gigabytes). Used by every YAML reader: rule sets, system files, reporting duties.
import {
	isMap,
	isScalar,
	isSeq,
	parseDocument,
	visit,
	YAMLParseError,
	type Alias,
	type Document,
	type LineCounter,
	type Pair,
	type YAMLMap
} from 'yaml';

/**
 * parseDocument in linear time. The yaml library's own duplicate-key check (`uniqueKeys`) scans
 * the map's earlier keys for each new one: quadratic, 10 s for a 480 KB file of 20,000 keys, 324 s
 * for 50,000. It is switched off here and done again with one hash set per mapping, reporting the
 * same error (DUPLICATE_KEY, "Map keys must be unique", at the repeated key). Every reader of
 * user-supplied YAML (system files, rule sets, data files) parses through this.
 */
export function parseYaml(text: string, options: { lineCounter: LineCounter; merge?: boolean }) {
	const doc = parseDocument(text, { ...options, uniqueKeys: false, prettyErrors: false });
	let added = false;
	visit(doc, {
		Map(_, map) {
			const seen = new Set<unknown>();
			for (const pair of map.items) {
				const key = pair.key;
				// The library's notion of "equal": the same node, or two scalars with the same value.
				const id = isScalar(key) ? key.value : key;
				if (id !== null && typeof id === 'object' && !isScalar(key)) continue;
				if (seen.has(id)) {
					const start = (key as { range?: [number, number, number] } | null)?.range?.[0] ?? 0;
					doc.errors.push(
						new YAMLParseError([start, start + 1], 'DUPLICATE_KEY', 'Map keys must be unique')
					);
					added = true;
				} else seen.add(id);
			}
		}
	});
	if (added) doc.errors.sort((a, b) => a.pos[0] - b.pos[0]);
	return doc;
}

const pairIndex = new WeakMap<YAMLMap, Map<unknown, Pair>>();

/** The pair of `map` whose key is `key` (the first, as the library's `get`), through an index built
 *  once per mapping: locating n errors in one large mapping is then linear, not n × its size. */
export function pairOf(map: YAMLMap, key: unknown): Pair | undefined {
	let index = pairIndex.get(map);
	if (!index) {
		index = new Map();
		for (const p of map.items as Pair[]) {
			const id = isScalar(p.key) ? p.key.value : p.key;
			if (!index.has(id)) index.set(id, p);
		}
		pairIndex.set(map, index);
	}
	return index.get(key);
}

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
 *  points at its parent, a key with no value at the key), so every reader locates its errors the
 *  same way. With `key`, the last step points at the key naming the node instead of its value (for
 *  "unknown field"-like errors). */
export function positionOf(
	doc: Document,
	lc: LineCounter,
	path: readonly (string | number)[],
	key = false
): { line: number; column: number } {
	let node: unknown = doc.contents;
	for (const [i, k] of path.entries()) {
		// A scalar or an alias ends the walk: an error inside aliased content points at the alias.
		if (!isMap(node) && !isSeq(node)) break;
		const pair = isMap(node) ? pairOf(node, k) : undefined;
		if (pair && key && i === path.length - 1) {
			node = pair.key;
			break;
		}
		const next: unknown = isMap(node) ? pair?.value : node.get(k, true);
		if (next === undefined || next === null) {
			if (pair) node = pair.key;
			break;
		}
		node = next;
	}
	const range = (node as { range?: [number, number] } | null)?.range;
	const { line, col } = lc.linePos(range ? range[0] : 0);
	return { line, column: col };
}
