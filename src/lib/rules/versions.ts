// Dated versions: the versions of one rule set must tile time, and a published version's content
// must never change (its hash is locked in published.yaml). Pure: callers pass the loaded rule sets
// and the lock file's text.
import { LineCounter, isMap, isScalar, parseDocument } from 'yaml';
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

/**
 * Per rule-set id, sorted by effective_from: each version starts the day after the previous one
 * ends; only the last may be open-ended. Each problem is located at the date to fix.
 */
export function checkTiling(rulesets: readonly RuleSet[]): LoadError[] {
	const errors: LoadError[] = [];
	const byId = new Map<string, RuleSet[]>();
	for (const r of rulesets) byId.set(r.data.id, [...(byId.get(r.data.id) ?? []), r]);
	for (const versions of byId.values()) {
		const sorted = [...versions].sort(
			(a, b) =>
				a.data.effective_from.localeCompare(b.data.effective_from) || a.ref.localeCompare(b.ref)
		);
		// The earlier version that reaches furthest: a later one must start the day after it ends.
		let cover = sorted[0]!;
		for (const cur of sorted.slice(1)) {
			const from = cur.data.effective_from;
			const end = cover.data.effective_to;
			const fail = (r: RuleSet, field: string, message: string) =>
				errors.push({ ...where(r, field), field, message });
			if (end === undefined)
				fail(
					cover,
					'effective_from',
					`${cover.ref} has no effective_to but ${cur.ref} starts on ${from}: only the last ` +
						`version may be open-ended (set effective_to: ${addDays(from, -1)})`
				);
			else if (end >= from)
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
			const curEnd = cur.data.effective_to;
			if (end !== undefined && (curEnd === undefined || curEnd > end)) cover = cur;
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
		} else if (r.hash !== e.hash)
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
