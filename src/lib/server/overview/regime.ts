// The overview's view of the change of regime and of approvals that no longer hold:
// - the transition deadlines of the regime in force (for Decree 331: Điều 39 khoản 1 — 01/01/2027
//   and 01/7/2027 — and Luật 116 Điều 45), counted down, with the systems still pinned to an
//   older regime grouped by what the transition asks of them (rules/transition.ts decides);
// - approved systems whose approval must be renewed: re-determination under way (Decree 85
//   Điều 18; Decree 331 Điều 25), or a level that the corrected rule set would now change.
import { differenceInCalendarDays, parseISO } from 'date-fns';
import { sql, type Kysely } from 'kysely';
import type { SystemRecord } from '../../model/inventory';
import {
	selectRuleSet,
	transitionStatus,
	type Localized,
	type RuleSet,
	type TransitionAction
} from '../../rules';
import { formatCitation, regimeName } from '../../rules/citation';
import type { DB, Status } from '../db/schema';
import { recheck } from '../workflow/recheck';

type Scope = { body_id: string } | 'all';
const inScope = (scope: Scope) =>
	scope === 'all' ? sql`true` : sql`u.body_id = ${scope.body_id}::uuid`;

export interface Deadline {
	date: string;
	/** Calendar days left until the end of that day (0 on the day itself, negative once passed). */
	days_left: number;
	provisions: { id: string; summary: Localized; citation: Localized }[];
	/** Systems in scope the provisions cover. */
	systems: number;
}

export interface OldRegimeSystem {
	id: string;
	name: string;
	unit_name: string;
	status: Status;
	ruleset: string;
	action: TransitionAction;
	until?: string;
	overdue: boolean;
}

export interface RegimeOverview {
	/** The regime in force today ("id@version"). */
	current: string;
	/** Its name as users know it ("Nghị định 331/2026/NĐ-CP"); the ref is never shown. */
	currentName: { vi: string; en: string };
	deadlines: Deadline[];
	/** Systems still pinned to an older regime, by what the transition asks. */
	groups: {
		action: Exclude<TransitionAction, 'none'>;
		count: number;
		systems: OldRegimeSystem[];
	}[];
	total: number;
}

/** At most this many systems listed per group on the page (the counts are complete). */
export const LIST_LIMIT = 100;

export async function regimeOverview(
	db: Kysely<DB>,
	scope: Scope,
	rulesets: readonly RuleSet[],
	date: string
): Promise<RegimeOverview | undefined> {
	const current = selectRuleSet(rulesets, undefined, date);
	if (!current) return undefined;
	// Each system's pin: its current classification's rule set, else the latest submitted one's,
	// else the record's own pin (a draft).
	const r = await sql<{
		id: string;
		name: string;
		unit_name: string;
		status: Status;
		ruleset: string | null;
		stage: string | null;
		approved_on: string | null;
	}>`
		select s.id, s.record->>'name' as name, u.name as unit_name, s.status,
			coalesce(cc.ruleset_id || '@' || cc.ruleset_version,
				dc.ruleset_id || '@' || dc.ruleset_version, s.record->>'ruleset') as ruleset,
			s.record->>'stage' as stage, ap.approval_date as approved_on
		from systems s
		join units u on u.id = s.unit_id
		left join classifications cc on cc.id = s.classification_id
		left join lateral (
			select d.classification_id from dossiers d where d.system_id = s.id
			order by d.submitted_at desc, d.revision desc limit 1
		) ld on true
		left join classifications dc on dc.id = ld.classification_id
		left join lateral (
			select r.approval_date from reviews r
			where r.system_id = s.id and r.decision = 'approved'
			order by r.decided_at desc limit 1
		) ap on true
		where ${inScope(scope)}
		order by u.name, s.record->>'name', s.id`.execute(db);

	const provisionsById = new Map<string, Deadline['provisions'][number]>();
	const coveredBy = new Map<string, number>();
	const groups = new Map<TransitionAction, OldRegimeSystem[]>();
	for (const x of r.rows) {
		if (!x.ruleset || x.ruleset.split('@')[0] === current.data.id) continue;
		const stage = x.stage === 'new_project' || x.stage === 'in_operation' ? x.stage : undefined;
		const st = transitionStatus(rulesets, {
			ruleset: x.ruleset,
			stage,
			approved_on: x.approved_on ?? undefined,
			date
		});
		if (!st || st.action === 'none') continue;
		for (const d of st.deadlines)
			provisionsById.set(d.id, { id: d.id, summary: d.summary, citation: d.citation });
		// A system counts once per date, however many provisions fall due that day.
		for (const date of new Set(st.deadlines.map((d) => d.date)))
			coveredBy.set(date, (coveredBy.get(date) ?? 0) + 1);
		const list = groups.get(st.action) ?? [];
		list.push({
			id: x.id,
			name: x.name,
			unit_name: x.unit_name,
			status: x.status,
			ruleset: x.ruleset,
			action: st.action,
			until: st.applies_until ?? st.deadlines.find((d) => !d.passed)?.date,
			overdue: st.overdue
		});
		groups.set(st.action, list);
	}

	// The deadlines come from the rule set in force, whether or not any system is covered.
	const deadlines = new Map<string, Deadline>();
	for (const t of current.data.transition ?? []) {
		if (!t.deadline || t.effect === 'in_force') continue;
		const d = deadlines.get(t.deadline) ?? {
			date: t.deadline,
			days_left: differenceInCalendarDays(parseISO(t.deadline), parseISO(date)),
			provisions: [],
			systems: coveredBy.get(t.deadline) ?? 0
		};
		d.provisions.push(
			provisionsById.get(t.id) ?? {
				id: t.id,
				summary: t.summary ?? { vi: t.text, en: t.text },
				citation: {
					vi: formatCitation(t.citation, current.data.sources, 'vi'),
					en: formatCitation(t.citation, current.data.sources, 'en')
				}
			}
		);
		deadlines.set(t.deadline, d);
	}
	const ORDER = ['reclassify_under_new', 'finish_under_old', 'update_measures'] as const;
	return {
		current: current.ref,
		currentName: { vi: regimeName(current.data, 'vi'), en: regimeName(current.data, 'en') },
		deadlines: [...deadlines.values()].sort((a, b) => (a.date < b.date ? -1 : 1)),
		groups: ORDER.filter((a) => groups.has(a)).map((action) => ({
			action,
			count: groups.get(action)!.length,
			systems: groups.get(action)!.slice(0, LIST_LIMIT)
		})),
		total: [...groups.values()].reduce((n, l) => n + l.length, 0)
	};
}

export interface Renewal {
	id: string;
	name: string;
	unit_name: string;
	status: Status;
	approval_number: string;
	approval_date: string;
	approved_level: number;
	/** Re-determination under way, or the rule set it was approved under now gives another level. */
	reason: 'redetermination' | 'ruleset_changed';
	ruleset: string;
	new_level?: number | null;
}

/** Approved systems whose approval must be renewed, by unit and name. */
export async function renewals(
	db: Kysely<DB>,
	scope: Scope,
	rulesets: readonly RuleSet[],
	date: string
): Promise<Renewal[]> {
	const installed = rulesets.length
		? sql.join(rulesets.map((r) => sql`(${r.data.id}, ${r.data.version}, ${r.hash})`))
		: sql`(null, null, null)`;
	const r = await sql<{
		id: string;
		name: string;
		unit_name: string;
		status: Status;
		approval_number: string;
		approval_date: string;
		approved_level: number;
		ruleset_id: string;
		ruleset_version: string;
		ruleset_hash: string;
		computed_level: number | null;
		proposed_level: number;
		record: SystemRecord;
	}>`
		select s.id, s.record->>'name' as name, u.name as unit_name, s.status,
			ap.approval_number, ap.approval_date, ap.approved_level,
			c.ruleset_id, c.ruleset_version, c.ruleset_hash, c.computed_level, c.proposed_level,
			coalesce(rv.record, s.record) as record
		from systems s
		join units u on u.id = s.unit_id
		join lateral (
			select r.approval_number, r.approval_date, r.approved_level, r.dossier_id from reviews r
			where r.system_id = s.id and r.decision = 'approved'
			order by r.decided_at desc limit 1
		) ap on true
		join dossiers d on d.id = ap.dossier_id
		join classifications c on c.id = d.classification_id
		left join system_revisions rv on rv.system_id = s.id and rv.revision = d.revision
		where ${inScope(scope)}
			and (s.status <> 'approved' or (c.ruleset_id, c.ruleset_version, c.ruleset_hash) not in (${installed}))
		order by u.name, s.record->>'name', s.id`.execute(db);
	const out: Renewal[] = [];
	for (const x of r.rows) {
		const base = {
			id: x.id,
			name: x.name,
			unit_name: x.unit_name,
			status: x.status,
			approval_number: x.approval_number,
			approval_date: x.approval_date,
			approved_level: x.approved_level,
			ruleset: `${x.ruleset_id}@${x.ruleset_version}`
		};
		if (x.status !== 'approved') {
			out.push({ ...base, reason: 'redetermination' });
			continue;
		}
		// Corrected since approval: only a changed level (or one that no longer computes) counts.
		const check = recheck(rulesets, x, x.record, date);
		if (!check.missing && check.level_mismatch)
			out.push({ ...base, reason: 'ruleset_changed', new_level: check.recomputed_level });
	}
	return out;
}
