// Dated versions: the versions of one rule set tile time (each ends when its successor starts), and
// a published version's content must never change (its hash is locked in published.yaml). Pure:
// callers pass the loaded rule sets and the lock file's text.
import { LineCounter, isMap, isScalar, parseDocument } from 'yaml';
import { hashMatches } from './hash-match';
import type { LoadError, Location, RuleSet } from './types';

/** The lock file, at the root of a rule-set tree: `id@version: sha256:<hex>` per line. */
export const PUBLISHED_FILE = 'published.yaml';

export interface PublishedEntry {
	ref: string;
	hash: string;
	location: Location;
}

const DAY = 86_400_000;

/** `date` (YYYY-MM-DD) moved by `days`. */
export function addDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

function where(r: RuleSet, field: string): Location {
	return r.locate?.([field]) ?? { file: r.dir ?? r.ref, line: 1, column: 1 };
}
const at = (l: Location) => `${l.file}:${l.line}:${l.column}`;

/** The end a version writes itself (`effective_to`), not one resolveEnds filled in. */
export const declaredEnd = (r: RuleSet): string | undefined =>
	r.endDerived ? undefined : r.data.effective_to;

/**
 * The versions of each rule-set id that apply to some date, sorted by effective_from (then ref).
 * A withdrawn version applies to none: its dates pass to its neighbours and its replacement.
 */
function byIdSorted(rulesets: readonly RuleSet[]): RuleSet[][] {
	const byId = new Map<string, RuleSet[]>();
	for (const r of rulesets)
		if (!r.withdrawn) byId.set(r.data.id, [...(byId.get(r.data.id) ?? []), r]);
	return [...byId.values()].map((versions) =>
		[...versions].sort(
			(a, b) =>
				a.data.effective_from.localeCompare(b.data.effective_from) || a.ref.localeCompare(b.ref)
		)
	);
}

/**
 * A version's end, as OpenFisca dates its values: the day before its successor (the next version
 * of the same id) starts, unless it writes its own `effective_to` (a regime that ends without a
 * successor of its id, e.g. vn-nd85@tt12-2022). The end is not hashed (ruleSetHash), so a
 * successor never changes a published predecessor. Returns the rule sets in the same order, those
 * whose end changed as copies marked `endDerived`; applying it again recomputes from the declared
 * ends, so it can follow every change of the registry.
 */
export function resolveEnds(rulesets: readonly RuleSet[]): RuleSet[] {
	const resolved = new Map<RuleSet, RuleSet>();
	for (const sorted of byIdSorted(rulesets))
		sorted.forEach((r, i) => {
			const declared = declaredEnd(r);
			const next = sorted.slice(i + 1).find((n) => n.data.effective_from > r.data.effective_from);
			const end = declared ?? (next ? addDays(next.data.effective_from, -1) : undefined);
			const derived = declared === undefined && end !== undefined;
			if (end === r.data.effective_to && derived === !!r.endDerived) return;
			const data = { ...r.data, effective_to: end };
			if (end === undefined) delete data.effective_to;
			resolved.set(r, { ...r, data, endDerived: derived || undefined });
		});
	return rulesets.map((r) => resolved.get(r) ?? r);
}

/**
 * Per rule-set id, sorted by effective_from: no gap and no overlap. A version without a declared
 * end runs until its successor starts; one that declares its end must be followed the next day.
 * Each problem is located at the date to fix.
 */
export function checkTiling(rulesets: readonly RuleSet[]): LoadError[] {
	const errors: LoadError[] = [];
	for (const sorted of byIdSorted(rulesets)) {
		// The earlier version that reaches furthest: a later one must start the day after it ends.
		let cover = sorted[0]!;
		for (const cur of sorted.slice(1)) {
			const from = cur.data.effective_from;
			const end = declaredEnd(cover);
			const fail = (r: RuleSet, field: string, message: string) =>
				errors.push({ ...where(r, field), field, message });
			if (end === undefined) {
				if (cover.data.effective_from === from)
					fail(
						cur,
						'effective_from',
						`${cur.ref} starts on ${from}, the same day as ${cover.ref} ` +
							`(${at(where(cover, 'effective_from'))}): versions overlap; start later`
					);
				// Otherwise the cover ends the day before `cur` starts.
				cover = cur;
				continue;
			}
			if (end >= from)
				fail(
					cur,
					'effective_from',
					`${cur.ref} starts on ${from} while ${cover.ref} is in force until ${end} ` +
						`(${at(where(cover, 'effective_to'))}): versions overlap; start on ${addDays(end, 1)}`
				);
			else if (addDays(end, 1) < from)
				fail(
					cur,
					'effective_from',
					`gap: no version of ${cur.data.id} is in force from ${addDays(end, 1)} to ` +
						`${addDays(from, -1)} (${cover.ref} ends on ${end} at ` +
						`${at(where(cover, 'effective_to'))}); start on ${addDays(end, 1)}`
				);
			const curEnd = declaredEnd(cur);
			if (curEnd === undefined || curEnd > end) cover = cur;
		}
	}
	return errors;
}

/** Reads the lock file; every entry is located for error messages. */
export function parsePublished(
	path: string,
	text: string
): { entries: PublishedEntry[]; errors: LoadError[] } {
	const lc = new LineCounter();
	const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
	const loc = (offset = 0): Location => {
		const { line, col } = lc.linePos(offset);
		return { file: path, line, column: col };
	};
	if (doc.errors.length > 0)
		return {
			entries: [],
			errors: doc.errors.map((e) => ({ ...loc(e.pos[0]), message: e.message.split('\n')[0]! }))
		};
	if (doc.contents === null) return { entries: [], errors: [] };
	if (!isMap(doc.contents))
		return { entries: [], errors: [{ ...loc(), message: 'expected "id@version: sha256:<hex>"' }] };
	const entries: PublishedEntry[] = [];
	const errors: LoadError[] = [];
	for (const pair of doc.contents.items) {
		const key = isScalar(pair.key) ? pair.key : undefined;
		const location = loc(key?.range?.[0]);
		const ref = String(key?.value ?? '');
		const value = isScalar(pair.value) ? String(pair.value.value) : '';
		const m = /^sha256:([0-9a-f]{64})$/.exec(value);
		if (!/^[a-z0-9][a-z0-9.-]*@[a-z0-9][a-z0-9.-]*$/.test(ref))
			errors.push({ ...location, message: `"${ref}" is not id@version` });
		else if (!m)
			errors.push({ ...location, field: ref, message: 'expected sha256:<64 hex digits>' });
		else if (entries.some((e) => e.ref === ref))
			errors.push({ ...location, field: ref, message: `${ref} is listed twice` });
		else entries.push({ ref, hash: m[1]!, location });
	}
	return { entries, errors };
}

/**
 * A published version must still exist and hash as it did when published. `reportMissing` is off
 * when some rule sets failed to load (their own errors already say why they are absent).
 */
export function checkPublished(
	rulesets: readonly RuleSet[],
	entries: readonly PublishedEntry[],
	reportMissing = true
): LoadError[] {
	const errors: LoadError[] = [];
	for (const e of entries) {
		const r = rulesets.find((x) => x.ref === e.ref);
		if (!r) {
			if (reportMissing)
				errors.push({
					...e.location,
					field: e.ref,
					message: `published version ${e.ref} is missing: a published version stays in the library`
				});
		} else if (!hashMatches(r, e.hash))
			errors.push({
				...where(r, 'version'),
				field: 'version',
				message:
					`${r.ref} changed after it was published (${at(e.location)} records sha256:` +
					`${e.hash.slice(0, 12)}…, its content now hashes to sha256:${r.hash.slice(0, 12)}…): ` +
					`a change needs a new version`
			});
	}
	return errors;
}
