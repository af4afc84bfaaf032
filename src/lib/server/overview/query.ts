// The governing body's overview: every system of its units with level, dossier status, approval
// and overdue reviews. SQL does the joining, filtering, paging and counting, so the page costs
// the same few queries for 9,000 systems as for 9.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { addDaysIso, vnDateOf } from '../../calendar';
import type { Level, RuleSet } from '../../rules';
import type { Principal } from '../auth/policy';
import type { DB, Status } from '../db/schema';
import { deadlinesFor } from '../workflow/deadlines';

export const STATUSES: readonly Status[] = [
	'draft',
	'classified',
	'submitted',
	'under_review',
	'returned',
	'approved'
];
export const PAGE_SIZE = 50;

export interface OverviewFilters {
	unit?: string;
	/** 1–5, or 0 for "not determined yet". */
	level?: number;
	status?: Status;
	overdue?: boolean;
	/** Only systems whose result was determined under a withdrawn rule-set version. */
	redetermine?: boolean;
	q?: string;
	page: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Filters from the query string; anything malformed is ignored rather than an error. */
export function parseFilters(params: URLSearchParams): OverviewFilters {
	const unit = params.get('unit') ?? '';
	const level = params.get('level') ?? '';
	const status = params.get('status') ?? '';
	const q = (params.get('q') ?? '').trim().slice(0, 100);
	const page = Math.max(1, Math.min(10_000, Number.parseInt(params.get('page') ?? '1', 10) || 1));
	return {
		unit: UUID.test(unit) ? unit : undefined,
		level: /^[0-5]$/.test(level) ? Number(level) : undefined,
		status: (STATUSES as string[]).includes(status) ? (status as Status) : undefined,
		overdue: params.get('overdue') === 'yes' || undefined,
		redetermine: params.get('redetermine') === 'yes' || undefined,
		q: q || undefined,
		page
	};
}

/** The query string of `f` (page left out unless asked), for links and export URLs. */
export function filterQuery(f: OverviewFilters, withPage = false): string {
	const p = new URLSearchParams();
	if (f.unit) p.set('unit', f.unit);
	if (f.level !== undefined) p.set('level', String(f.level));
	if (f.status) p.set('status', f.status);
	if (f.overdue) p.set('overdue', 'yes');
	if (f.redetermine) p.set('redetermine', 'yes');
	if (f.q) p.set('q', f.q);
	if (withPage && f.page > 1) p.set('page', String(f.page));
	return p.toString();
}

/** Whose units a user sees: an appraiser its body's, the administrator all. */
export function overviewScope(user: Principal): { body_id: string } | 'all' | 'none' {
	if (user.role === 'admin') return 'all';
	if (user.role === 'appraiser' && user.body_id) return { body_id: user.body_id };
	return 'none';
}

interface Cutoff {
	ruleset_id: string;
	ruleset_version: string;
	level: number;
	/** A dossier submitted before this instant and still undecided is overdue today. */
	before: Date;
}

/**
 * Deadlines only grow with the submission day, so for each rule set and level one instant
 * separates overdue submissions from the rest: the start of the day after the last submission
 * day whose deadline has passed. SQL then compares timestamps instead of counting working days.
 */
export function overdueCutoffs(rulesets: readonly RuleSet[], now: Date): Cutoff[] {
	// Same answer all (Vietnamese) day: computed once per day and rule-set library.
	const today = vnDateOf(now);
	const key = `${today}|${rulesets.map((r) => r.hash).join(',')}`;
	if (cutoffCache?.key === key) return cutoffCache.value;
	// Deadlines count Vietnam's days (UTC+7), so the cutoffs are Vietnamese midnights.
	const vnMidnight = (date: string) => new Date(`${date}T00:00:00+07:00`);
	const out: Cutoff[] = [];
	for (const rs of rulesets)
		for (const level of [1, 2, 3, 4, 5] as Level[]) {
			let probe = today;
			const overdue = (date: string) => {
				try {
					return deadlinesFor(rs, level, vnMidnight(date), now, false).some((x) => x.overdue);
				} catch {
					return false; // no procedure for this level
				}
			};
			let found = false;
			for (let i = 0; i < 400 && !found; i++) {
				if (overdue(probe)) found = true;
				else probe = addDaysIso(probe, -1);
			}
			if (found)
				out.push({
					ruleset_id: rs.data.id,
					ruleset_version: rs.data.version,
					level,
					before: vnMidnight(addDaysIso(probe, 1))
				});
		}
	cutoffCache = { key, value: out };
	return out;
}
let cutoffCache: { key: string; value: Cutoff[] } | undefined;

export interface OverviewRow {
	id: string;
	name: string;
	unit_id: string;
	unit_name: string;
	status: Status;
	computed_level: number | null;
	proposed_level: number | null;
	approved_level: number | null;
	approval_number: string | null;
	approval_date: string | null;
	submitted_at: string | null;
	ruleset: string | null;
	overdue: boolean;
	/** Determined under a rule-set version withdrawn since: "cần xác định lại". */
	redetermine: boolean;
	/** A dossier exists: the review page can be opened. */
	submitted: boolean;
}

/** One row per system in scope, with everything the overview shows; filters not yet applied. */
function systemsCte(scope: { body_id: string } | 'all', cutoffs: Cutoff[]): RawBuilder<unknown> {
	const values = cutoffs.length
		? sql.join(
				cutoffs.map(
					(c) =>
						sql`(${c.ruleset_id}, ${c.ruleset_version}, ${c.level}::int, ${c.before.toISOString()}::timestamptz)`
				)
			)
		: sql`(null::text, null::text, null::int, null::timestamptz)`;
	const inScope = scope === 'all' ? sql`true` : sql`u.body_id = ${scope.body_id}::uuid`;
	// A small body's page must not pay for the whole province's dossiers.
	const systemInScope = (col: RawBuilder<unknown>) =>
		scope === 'all'
			? sql`true`
			: sql`${col} in (select s.id from systems s join units u on u.id = s.unit_id
				where u.body_id = ${scope.body_id}::uuid)`;
	return sql`
		latest as (
			select distinct on (d.system_id) d.system_id, d.classification_id, d.submitted_at
			from dossiers d
			where ${systemInScope(sql`d.system_id`)}
			order by d.system_id, d.submitted_at desc, d.revision desc
		),
		approved as (
			select distinct on (r.system_id) r.system_id, r.approved_level, r.approval_number,
				r.approval_date
			from reviews r
			where r.decision = 'approved' and ${systemInScope(sql`r.system_id`)}
			order by r.system_id, r.decided_at desc
		),
		cutoffs (ruleset_id, ruleset_version, level, before) as (values ${values}),
		rows as (
			select s.id, s.record->>'name' as name, u.id as unit_id, u.name as unit_name, s.status,
				coalesce(cc.computed_level, dc.computed_level) as computed_level,
				coalesce(cc.proposed_level, dc.proposed_level) as proposed_level,
				a.approved_level, a.approval_number, a.approval_date, l.submitted_at,
				coalesce(cc.ruleset_id || '@' || cc.ruleset_version,
					dc.ruleset_id || '@' || dc.ruleset_version) as ruleset,
				(s.status in ('submitted', 'under_review') and l.submitted_at < co.before)
					is true as overdue,
				exists (select 1 from ruleset_withdrawals w where w.ref = coalesce(
					cc.ruleset_id || '@' || cc.ruleset_version,
					dc.ruleset_id || '@' || dc.ruleset_version)) as redetermine,
				l.system_id is not null as submitted
			from systems s
			join units u on u.id = s.unit_id
			left join classifications cc on cc.id = s.classification_id
			left join latest l on l.system_id = s.id
			left join classifications dc on dc.id = l.classification_id
			left join approved a on a.system_id = s.id
			left join cutoffs co on co.ruleset_id = dc.ruleset_id
				and co.ruleset_version = dc.ruleset_version and co.level = dc.proposed_level
			where ${inScope}
		)`;
}

/** The level a system stands at: approved if approved, else proposed (0 = not determined). */
const effectiveLevel = sql`coalesce(approved_level, proposed_level, 0)`;

function where(f: OverviewFilters): RawBuilder<unknown> {
	const parts: RawBuilder<unknown>[] = [sql`true`];
	if (f.unit) parts.push(sql`unit_id = ${f.unit}::uuid`);
	if (f.level !== undefined) parts.push(sql`${effectiveLevel} = ${f.level}::int`);
	if (f.status) parts.push(sql`status = ${f.status}`);
	if (f.overdue) parts.push(sql`overdue`);
	if (f.redetermine) parts.push(sql`redetermine`);
	if (f.q) {
		const like = '%' + f.q.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
		parts.push(sql`(name ilike ${like} or unit_name ilike ${like})`);
	}
	return sql.join(parts, sql` and `);
}

type Row = Omit<OverviewRow, 'submitted_at'> & { submitted_at: Date | string | null };
const toRow = (r: Row): OverviewRow => ({
	...r,
	submitted_at: r.submitted_at ? new Date(r.submitted_at).toISOString() : null
});

export interface OverviewInput {
	scope: { body_id: string } | 'all';
	filters: OverviewFilters;
	rulesets: readonly RuleSet[];
	now?: Date;
}

/** The filtered systems, one page of them (or all, for exports), and the total. */
export async function overviewRows(
	db: Kysely<DB>,
	input: OverviewInput,
	all = false
): Promise<{ rows: OverviewRow[]; total: number }> {
	const cte = systemsCte(input.scope, overdueCutoffs(input.rulesets, input.now ?? new Date()));
	const page = all ? sql`` : sql`limit ${PAGE_SIZE} offset ${(input.filters.page - 1) * PAGE_SIZE}`;
	const r = await sql<Row & { total: string | number }>`
		with ${cte}
		select *, count(*) over () as total from rows where ${where(input.filters)}
		order by unit_name, name, id ${page}`.execute(db);
	return {
		rows: r.rows.map(({ total: _t, ...row }) => toRow(row)), // eslint-disable-line @typescript-eslint/no-unused-vars
		total: Number(r.rows[0]?.total ?? 0)
	};
}

export interface OverviewStats {
	systems: number;
	units: number;
	overdue: number;
	/** Systems to determine again: their result cites a withdrawn rule-set version. */
	redetermine: number;
	/** Index 0 = not determined, 1–5 = levels. */
	byLevel: number[];
	byStatus: Record<Status, number>;
}

/** Counts for the charts, over the same filtered set. */
export async function overviewStats(db: Kysely<DB>, input: OverviewInput): Promise<OverviewStats> {
	const cte = systemsCte(input.scope, overdueCutoffs(input.rulesets, input.now ?? new Date()));
	const r = await sql<{ level: number | null; status: Status | null; n: string | number }>`
		with ${cte}, f as (select * from rows where ${where(input.filters)})
		select ${effectiveLevel} as level, null as status, count(*) as n from f group by 1
		union all select null, status, count(*) from f group by status
		union all select -1, null, count(*) from f where overdue
		union all select -2, null, count(distinct unit_id) from f
		union all select -3, null, count(*) from f where redetermine`.execute(db);
	const byLevel = [0, 0, 0, 0, 0, 0];
	const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
	let overdue = 0;
	let units = 0;
	let redetermine = 0;
	for (const x of r.rows) {
		const n = Number(x.n);
		if (x.status) byStatus[x.status] = n;
		else if (x.level === -1) overdue = n;
		else if (x.level === -2) units = n;
		else if (x.level === -3) redetermine = n;
		else if (x.level !== null) byLevel[Number(x.level)] = n;
	}
	return {
		systems: byLevel.reduce((a, b) => a + b, 0),
		units,
		overdue,
		redetermine,
		byLevel,
		byStatus
	};
}

export interface Coverage {
	/** Index 0 = not determined, 1–5 = levels (approved level if approved, else proposed). */
	byLevel: { systems: number; approved: number }[];
	/** Every unit with systems in the filtered set, lowest share of approved systems first. */
	byUnit: { unit_id: string; unit_name: string; systems: number; approved: number }[];
}

/** The share of systems with an approved level, by level and by unit, over the filtered set. */
export async function overviewCoverage(db: Kysely<DB>, input: OverviewInput): Promise<Coverage> {
	const cte = systemsCte(input.scope, overdueCutoffs(input.rulesets, input.now ?? new Date()));
	const r = await sql<{
		level: number | null;
		unit_id: string | null;
		unit_name: string | null;
		systems: string | number;
		approved: string | number;
	}>`
		with ${cte}, f as (select * from rows where ${where(input.filters)})
		select ${effectiveLevel} as level, null::uuid as unit_id, null as unit_name,
			count(*) as systems, count(approved_level) as approved from f group by 1
		union all select null, unit_id, unit_name, count(*), count(approved_level)
			from f group by unit_id, unit_name`.execute(db);
	const byLevel = [0, 1, 2, 3, 4, 5].map(() => ({ systems: 0, approved: 0 }));
	const byUnit: Coverage['byUnit'] = [];
	for (const x of r.rows) {
		const n = { systems: Number(x.systems), approved: Number(x.approved) };
		if (x.unit_id) byUnit.push({ unit_id: x.unit_id, unit_name: x.unit_name!, ...n });
		else if (x.level !== null) byLevel[Number(x.level)] = n;
	}
	const share = (u: { systems: number; approved: number }) => u.approved / u.systems;
	byUnit.sort(
		(a, b) =>
			share(a) - share(b) || b.systems - a.systems || a.unit_name.localeCompare(b.unit_name, 'vi')
	);
	return { byLevel, byUnit };
}

/** Units in scope (for the filter) and those that have declared no system yet. */
export async function unitsInScope(db: Kysely<DB>, scope: { body_id: string } | 'all') {
	let q = db
		.selectFrom('units')
		.leftJoin('systems', 'systems.unit_id', 'units.id')
		.select(['units.id', 'units.name', (eb) => eb.fn.count<number>('systems.id').as('systems')])
		.groupBy(['units.id', 'units.name'])
		.orderBy('units.name');
	if (scope !== 'all') q = q.where('units.body_id', '=', scope.body_id);
	const rows = await q.execute();
	return rows.map((r) => ({ id: r.id, name: r.name, systems: Number(r.systems) }));
}
