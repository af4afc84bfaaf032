// Dated versions: the versions of one rule set tile time (each ends when its successor starts), and
// a published version's content must never change silently (its hash, and the hash of each
// corrected revision, is locked in published.yaml). Pure: callers pass the loaded rule sets and
// the lock file's text.
import { LineCounter, isMap, isScalar, isSeq } from 'yaml';
import { parseYaml } from '../yaml-js';
import { hashMatches } from './hash-match';
import type { LoadError, Location, RuleSet } from './types';

/**
 * The lock file, at the root of a rule-set tree. Per published version, its sha256, or the list of
 * the sha256 of each of its revisions, oldest first, when it has been corrected:
 *   vn-nd85@tt03-2017: sha256:<hex>
 *   vn-nd331@2026:
 *     - sha256:<hex>   # revision 1, as first published
 *     - sha256:<hex>   # revision 2 (corrections[0] in its ruleset.yaml)
 */
export const PUBLISHED_FILE = 'published.yaml';

export interface PublishedEntry {
	ref: string;
	/** The hash of the latest revision (the last of `hashes`). */
	hash: string;
	/** Every revision's hash, oldest first. */
	hashes: string[];
	location: Location;
	/** Where each revision's hash is written. */
	locations: Location[];
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

/** Reads the lock file; every entry and revision hash is located for error messages. */
export function parsePublished(
	path: string,
	text: string
): { entries: PublishedEntry[]; errors: LoadError[] } {
	const lc = new LineCounter();
	const doc = parseYaml(text, { lineCounter: lc });
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
		const values = isSeq(pair.value) ? pair.value.items : [pair.value];
		const hashes: string[] = [];
		const locations: Location[] = [];
		let bad: Location | undefined;
		for (const v of values) {
			const m = isScalar(v) ? /^sha256:([0-9a-f]{64})$/.exec(String(v.value)) : null;
			const at = loc((v as { range?: number[] } | null)?.range?.[0] ?? key?.range?.[0]);
			if (!m) bad ??= at;
			else {
				hashes.push(m[1]!);
				locations.push(at);
			}
		}
		if (!/^[a-z0-9][a-z0-9.-]*@[a-z0-9][a-z0-9.-]*$/.test(ref))
			errors.push({ ...location, message: `"${ref}" is not id@version` });
		else if (bad || hashes.length === 0)
			errors.push({
				...(bad ?? location),
				field: ref,
				message: 'expected sha256:<64 hex digits>, or a list of them (one per revision)'
			});
		else if (new Set(hashes).size !== hashes.length)
			errors.push({ ...location, field: ref, message: `${ref} lists a revision hash twice` });
		else if (entries.some((e) => e.ref === ref))
			errors.push({ ...location, field: ref, message: `${ref} is listed twice` });
		else entries.push({ ref, hash: hashes.at(-1)!, hashes, location, locations });
	}
	return { entries, errors };
}

/**
 * A published version must still exist and hash as its latest revision did when published; its
 * correction records and the lock's revision hashes must agree (the chain: revision n's record
 * names revision n-1's hash). `reportMissing` is off when some rule sets failed to load (their own
 * errors already say why they are absent).
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
			continue;
		}
		errors.push(...checkChain(r, e));
	}
	for (const r of rulesets)
		if (r.data.corrections?.length && !entries.some((e) => e.ref === r.ref))
			errors.push({
				...where(r, 'corrections'),
				field: 'corrections',
				message: `${r.ref} is not published (not in ${PUBLISHED_FILE}): a draft is edited, not corrected`
			});
	return errors;
}

const short = (h: string) => `sha256:${h.slice(0, 12)}…`;

function checkChain(r: RuleSet, e: PublishedEntry): LoadError[] {
	const errors: LoadError[] = [];
	const corrections = r.data.corrections ?? [];
	const n = e.hashes.length;
	const field = (i: number, f: string) => {
		const l = r.locate?.(['corrections', i, f]) ?? where(r, 'corrections');
		return { ...l, field: `corrections.${i}.${f}` };
	};
	// Revision k ≥ 2 is corrections[k-2]; its record names revision k-1's hash.
	corrections.forEach((c, i) => {
		const prev = e.hashes[c.revision - 2];
		if (prev !== undefined && c.previous !== `sha256:${prev}`)
			errors.push({
				...field(i, 'previous'),
				message:
					`revision ${c.revision} corrects ${c.previous.slice(0, 19)}…, but revision ${c.revision - 1} ` +
					`of ${r.ref} is ${short(prev)} (${at(e.locations[c.revision - 2]!)}): the chain is broken`
			});
	});
	const recorded = corrections.length + 1;
	if (n > recorded)
		errors.push({
			...e.locations[recorded]!,
			field: e.ref,
			message:
				`${PUBLISHED_FILE} lists ${n} revisions of ${r.ref} but its ruleset.yaml records ` +
				`${recorded === 1 ? 'no correction' : `corrections up to revision ${recorded}`}: ` +
				`add the correction record of revision ${recorded + 1}`
		});
	else if (!hashMatches(r, e.hash)) {
		const next = n + 1;
		const message =
			recorded === n
				? `${r.ref} changed after revision ${n} was published (${at(e.locations[n - 1]!)} ` +
					`records ${short(e.hash)}, its content now hashes to ${short(r.hash)}): publish the ` +
					`change as a correction — add revision ${next} to "corrections" (previous: ` +
					`sha256:${e.hash}) and "- sha256:${r.hash}" to its entry in ${PUBLISHED_FILE} — ` +
					`or add a new version`
				: recorded === next
					? `${r.ref} records correction revision ${next} but ${PUBLISHED_FILE} does not list it: ` +
						`add "- sha256:${r.hash}" as revision ${next} of ${r.ref} (${at(e.location)})`
					: `${r.ref} records corrections up to revision ${recorded} but ${PUBLISHED_FILE} lists ` +
						`only ${n} revision(s) (${at(e.location)})`;
		errors.push({
			...(recorded === n ? where(r, 'version') : field(recorded - 2, 'revision')),
			field: recorded === n ? 'version' : `corrections.${recorded - 2}.revision`,
			message
		});
	} else if (recorded > n)
		errors.push({
			...field(n - 1, 'revision'),
			message: `revision ${n + 1} is recorded but ${PUBLISHED_FILE} lists only ${n} revision(s) of ${r.ref}`
		});
	return errors;
}

/** Attaches each published version's revision hashes (from the lock) to the loaded rule sets. */
export function withRevisions(
	rulesets: readonly RuleSet[],
	entries: readonly PublishedEntry[]
): RuleSet[] {
	return rulesets.map((r) => {
		const e = entries.find((x) => x.ref === r.ref);
		return e ? Object.assign(r, { revisions: e.hashes }) : r;
	});
}
