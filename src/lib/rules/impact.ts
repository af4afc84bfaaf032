// Impact analysis: re-evaluate stored classifications under another rule set and say which
// would change. Read-only by design: nothing here rewrites a stored result.
import { currentRevision, revisionOf } from './corrections';
import { evaluateLevel } from './evaluate';
import type { Correction, Level, RuleSet } from './types';

/** One stored classification, as kept by the server or an inventory export. */
export interface StoredClassification {
	id: string;
	unit?: string;
	name: string;
	/** "id@version" it was computed under. */
	ruleset: string;
	/** The sha256 of that rule set's content when it was computed (tells the revision). */
	ruleset_hash?: string;
	level: Level | null;
	/** Criterion ids that fired (the basis). */
	basis: string[];
	/** Answers; may hold facts of several regimes — each rule set reads only its own. */
	facts: Record<string, unknown>;
	components?: { name?: string; facts: Record<string, unknown> }[];
}

export type ImpactChange =
	'same' | 'level_up' | 'level_down' | 'basis_only' | 'needs_answers' | 'invalid';

export interface ImpactRow {
	id: string;
	unit?: string;
	name: string;
	from: {
		ruleset: string;
		level: Level | null;
		basis: string[];
		/** Computed under this published revision of the rule set being assessed (a correction). */
		revision?: number;
	};
	to?: { level: Level | null; basis: string[] };
	change: ImpactChange;
	/** Facts the new rule set needs that were never answered. */
	missing?: string[];
	errors?: string[];
}

export interface ImpactReport {
	ruleset: { ref: string; hash: string; revision: number };
	/** The rule set's correction records: what changed, revision by revision. */
	corrections: Pick<Correction, 'revision' | 'date' | 'kind' | 'reason' | 'changes'>[];
	/**
	 * With a base version: each system is evaluated under both, so only the amendment shows.
	 * `skipped` counts the systems the base cannot classify (other regimes, missing answers).
	 */
	base?: { ref: string; hash: string; skipped: number };
	total: number;
	counts: Record<ImpactChange, number>;
	/** "3→2": how many systems move from level 3 to level 2 ("–" for undetermined). */
	level_changes: Record<string, number>;
	rows: ImpactRow[];
}

/** The facts `rs` knows, from answers that may span several regimes' vocabularies. */
export function projectFacts(rs: RuleSet, facts: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	const known = knownFacts(rs);
	for (const k in facts) if (known.has(k) && Object.hasOwn(facts, k)) out[k] = facts[k];
	return out;
}

const known = new WeakMap<RuleSet, Set<string>>();

/** The rule set's facts and the ones they replace: built once per rule set, not per system. */
function knownFacts(rs: RuleSet): Set<string> {
	let set = known.get(rs);
	if (!set) {
		set = new Set(Object.keys(rs.data.facts));
		for (const d of Object.values(rs.data.facts)) if (d.replaces) set.add(d.replaces.fact);
		known.set(rs, set);
	}
	return set;
}

export function impactOf(rs: RuleSet, s: StoredClassification): ImpactRow {
	const revision =
		s.ruleset === rs.ref && s.ruleset_hash ? revisionOf(rs, s.ruleset_hash) : undefined;
	const from: ImpactRow['from'] = { ruleset: s.ruleset, level: s.level, basis: s.basis };
	if (revision !== undefined) from.revision = revision;
	const components: { name?: string; facts: Record<string, unknown> }[] = [];
	for (const c of s.components ?? [])
		components.push({ name: c.name, facts: projectFacts(rs, c.facts) });
	// The system's own answers are read in place, their other regimes' facts left aside: the same as
	// projecting them first, without a copy of each.
	const r = evaluateLevel(rs, { name: s.name, facts: s.facts, components }, true);
	const base = { id: s.id, unit: s.unit, name: s.name, from };
	if (!r.ok) {
		if (r.errors.every((e) => e.code === 'missing'))
			return {
				...base,
				change: 'needs_answers',
				missing: [...new Set(r.errors.flatMap((e) => e.facts ?? []))]
			};
		return {
			...base,
			change: 'invalid',
			errors: r.errors.map((e) => `${e.path}: ${e.message.en}`)
		};
	}
	const to = { level: r.value.level, basis: r.value.basis };
	const change: ImpactChange =
		(to.level ?? 0) > (s.level ?? 0)
			? 'level_up'
			: (to.level ?? 0) < (s.level ?? 0)
				? 'level_down'
				: sameIds(to.basis, s.basis)
					? 'same'
					: 'basis_only';
	return { ...base, to, change };
}

/** The same criterion ids, in any order (as sorted-and-joined compared them). */
function sameIds(a: string[], b: string[]): boolean {
	if (a.length !== b.length) return false;
	if (a.length <= 1) return a[0] === b[0];
	return [...a].sort().join() === [...b].sort().join();
}

export function impact(
	rs: RuleSet,
	stored: Iterable<StoredClassification>,
	keepSame = false
): ImpactReport {
	const counts: Record<ImpactChange, number> = {
		same: 0,
		level_up: 0,
		level_down: 0,
		basis_only: 0,
		needs_answers: 0,
		invalid: 0
	};
	const level_changes: Record<string, number> = {};
	const rows: ImpactRow[] = [];
	let total = 0;
	for (const s of stored) {
		total++;
		const row = impactOf(rs, s);
		counts[row.change]++;
		if (row.change === 'level_up' || row.change === 'level_down') {
			const key = `${s.level ?? '–'}→${row.to!.level ?? '–'}`;
			level_changes[key] = (level_changes[key] ?? 0) + 1;
		}
		if (keepSame || row.change !== 'same') rows.push(row);
	}
	return {
		ruleset: { ref: rs.ref, hash: rs.hash, revision: currentRevision(rs) },
		corrections: (rs.data.corrections ?? []).map(({ revision, date, kind, reason, changes }) => ({
			revision,
			date,
			kind,
			reason,
			changes
		})),
		total,
		counts,
		level_changes,
		rows
	};
}

/**
 * Impact of `next` against `base` (e.g. an amendment against the version it amends): every
 * stored system that `base` can classify is evaluated under both, so differences between a
 * system's stored result and `base` (answers changed since, another regime) do not show.
 */
export function impactBetween(
	base: RuleSet,
	next: RuleSet,
	stored: Iterable<StoredClassification>,
	keepSame = false
): ImpactReport {
	let skipped = 0;
	const under = function* () {
		for (const s of stored) {
			const r = evaluateLevel(base, {
				name: s.name,
				facts: projectFacts(base, s.facts),
				components: (s.components ?? []).map((c) => ({
					name: c.name,
					facts: projectFacts(base, c.facts)
				}))
			});
			if (!r.ok) {
				skipped++;
				continue;
			}
			yield {
				...s,
				ruleset: base.ref,
				level: r.value.level,
				basis: r.value.basis
			};
		}
	};
	const report = impact(next, under(), keepSame);
	return { ...report, base: { ref: base.ref, hash: base.hash, skipped } };
}
