// What the appraiser checks before deciding: the level recomputed under the exact rule set the
// dossier cites, and whether the rule set in force today would give another level.
import type { SystemRecord } from '../../model/inventory';
import {
	correctionsSince,
	currentRevision,
	evaluate,
	revisionOf,
	selectRuleSet,
	touchesProcedure,
	type Correction,
	type Lang,
	type Level,
	type RuleSet
} from '../../rules';

export interface StoredClassification {
	ruleset_id: string;
	ruleset_version: string;
	ruleset_hash: string;
	computed_level: number | null;
	proposed_level: number;
}

export interface Recheck {
	cited: string;
	/** The cited rule set is not installed on this server. */
	missing: boolean;
	/** The stored hash is no published revision of the cited version: its content is unknown. */
	hash_mismatch: boolean;
	/** The revision the cited version is at now (1 when never corrected). */
	revision: number;
	/**
	 * The classification was made under an earlier published revision: what was corrected since.
	 * The level is recomputed under the current revision; only a level or procedure change alarms.
	 */
	corrected?: {
		since: number;
		corrections: Pick<Correction, 'revision' | 'date' | 'kind' | 'reason'>[];
		/** A correction since then changed the procedure (authority, deadlines) of the proposed level. */
		procedure_changed: boolean;
	};
	recomputed_level: Level | null;
	level_mismatch: boolean;
	errors: string[];
	/** The newest rule set in force on `date`, when it is not the cited one. */
	newest?: { ref: string; level: Level | null; differs: boolean; errors: string[] };
}

export const inputOf = (r: SystemRecord) => ({
	name: r.name,
	facts: r.facts,
	components: (r.components ?? []).map((c) => ({ name: c.name, facts: c.facts }))
});

export function recheck(
	rulesets: readonly RuleSet[],
	stored: StoredClassification,
	record: SystemRecord,
	date: string,
	lang: Lang = 'vi'
): Recheck {
	const cited = `${stored.ruleset_id}@${stored.ruleset_version}`;
	const rs = rulesets.find((r) => r.ref === cited);
	const stored_revision = rs && revisionOf(rs, stored.ruleset_hash);
	const out: Recheck = {
		cited,
		missing: !rs,
		hash_mismatch: !!rs && stored_revision === undefined,
		revision: rs ? currentRevision(rs) : 1,
		recomputed_level: null,
		level_mismatch: false,
		errors: []
	};
	if (rs && stored_revision !== undefined && rs.hash !== stored.ruleset_hash) {
		const since = correctionsSince(rs, stored_revision);
		const level = stored.proposed_level as Level;
		out.corrected = {
			since: stored_revision,
			corrections: since.map(({ revision, date, kind, reason }) => ({
				revision,
				date,
				kind,
				reason
			})),
			procedure_changed: since.some(
				(c) => c.kind === 'substantive' && c.changes.some((ch) => touchesProcedure(ch, level))
			)
		};
	}
	if (rs) {
		const r = evaluate(rs, inputOf(record));
		if (r.ok) out.recomputed_level = r.value.level;
		else out.errors = r.errors.map((e) => `${e.path}: ${e.message[lang]}`);
		out.level_mismatch = !r.ok || out.recomputed_level !== stored.computed_level;
	}
	const newest = selectRuleSet(rulesets, undefined, date);
	if (newest && newest.ref !== cited) {
		const r = evaluate(newest, inputOf(record));
		const level = r.ok ? r.value.level : null;
		out.newest = {
			ref: newest.ref,
			level,
			differs: !r.ok || level !== stored.computed_level,
			errors: r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message[lang]}`)
		};
	}
	return out;
}
