// The Decree 331/2026 yearly report (Mẫu 08; Điều 35–36). Counts come from the records as they
// stood at the end of the data window — each system's classifications, dossiers and reviews are
// timestamped, so the state at any instant is read back from them, never from today's status.
// A unit reports its own systems to the owner; the governing body (the owner) reports all its
// units' systems to the Ministry of Public Security, starting from what its units reported.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Period } from '../../reporting/calendar';
import {
	counts,
	initialValues,
	parseForm,
	validate,
	type ApprovalState,
	type Defaults,
	type Mau08Values,
	type PlanStatus,
	type Snapshot,
	type SystemAt
} from '../../reporting/mau08/model';
import type { ReportingConfig, ReportSpec } from '../../reporting/types';
import type { PlanItemStatus, SystemRecord, UnitProfile } from '../../model/inventory';
import { actorOf } from '../auth/accounts';
import type { Principal } from '../auth/policy';
import { appendAudit } from '../audit/log';
import { changesBetween } from '../audit/changes';
import type { DB } from '../db/schema';
import {
	configOf,
	findPeriod,
	insertSubmission,
	ReportError,
	type ReportSubmissionsTable,
	type UnitReportStatus
} from './service';
import { periodStatus } from '../../reporting/calendar';
import { todayVN } from '../../i18n/dates';

interface ReportDraftsTable {
	id: string;
	unit_id: string | null;
	body_id: string | null;
	config_id: string;
	report_id: string;
	period_id: string;
	values: string;
	version: number;
	updated_by: string;
	updated_at: Date | string | undefined;
}
const tables = (db: Kysely<DB>) =>
	db.withTables<{ report_submissions: ReportSubmissionsTable; report_drafts: ReportDraftsTable }>();

// ---- the window ----------------------------------------------------------------------------

/** Vietnam keeps one time zone (UTC+7, no daylight saving): the window's days are its days. */
const VN_OFFSET = '+07:00';

/** The instant the window closes: the end of its last day (Điều 35 khoản 3), Vietnam time. */
export function windowClose(period: Pick<Period, 'end'>): Date {
	const next = new Date(`${period.end}T00:00:00${VN_OFFSET}`);
	return new Date(next.getTime() + 86_400_000);
}

/** Records are read at the window's close, or now for a report made before it closes. */
export const asOfFor = (period: Pick<Period, 'end'>, now: Date) =>
	new Date(Math.min(windowClose(period).getTime(), now.getTime()));

// ---- the records at an instant ---------------------------------------------------------------

export type Scope = { unit_id: string } | { body_id: string };

interface Row {
	id: string;
	unit_id: string;
	unit_name: string;
	unit_profile: UnitProfile | null;
	body_name: string;
	record: SystemRecord;
	proposed_level: number | null;
	ruleset: string | null;
	dossier_at: Date | string | null;
	decision: 'approved' | 'returned' | null;
	appraised: boolean;
	approval_number: string | null;
	approval_date: string | null;
	approved_level: number | null;
}

/** The security plan's state as the record declares it: items in place, and the last planned date. */
export function planOf(plan: SystemRecord['plan']): SystemAt['plan'] {
	const items = Object.values(plan ?? {}).filter(
		(p): p is Exclude<PlanItemStatus, { status: 'not_applicable' }> =>
			!!p && (p.status === 'in_place' || p.status === 'planned')
	);
	if (items.length === 0) return null;
	const inPlace = items.filter((p) => p.status === 'in_place').length;
	const dates = items.flatMap((p) => (p.status === 'planned' && p.date ? [p.date] : [])).sort();
	const status: PlanStatus = inPlace === items.length ? 'full' : inPlace > 0 ? 'partial' : 'none';
	return { status, date: dates.at(-1) ?? null };
}

/**
 * Every system of the scope that existed before `asOf`, as its records stood then:
 * - the record: the revision frozen at the last submission before `asOf`, else the saved record;
 * - classified / level: the last classification made before `asOf`;
 * - dossier: a dossier submitted before `asOf`; its review's decision only if taken before `asOf`;
 * - appraised / approved: a favourable decision before `asOf` (capdo records appraisal and
 *   approval in one decision; a return is an appraisal that did not pass).
 */
export async function snapshotAt(
	db: Kysely<DB>,
	scope: Scope,
	window: { start: string; end: string },
	asOf: Date
): Promise<Snapshot> {
	const at = asOf.toISOString();
	const inScope =
		'unit_id' in scope
			? sql`s.unit_id = ${scope.unit_id}::uuid`
			: sql`u.body_id = ${scope.body_id}::uuid`;
	const r = await sql<Row>`
		select s.id, s.unit_id, u.name as unit_name, u.profile as unit_profile, b.name as body_name,
			coalesce(rv.record, s.record) as record,
			c.proposed_level, c.ruleset_id || '@' || c.ruleset_version as ruleset,
			d.submitted_at as dossier_at,
			case when dr.decided_at < ${at}::timestamptz then dr.decision end as decision,
			ap.id is not null as appraised,
			ap.approval_number, ap.approval_date, ap.approved_level
		from systems s
		join units u on u.id = s.unit_id
		join governing_bodies b on b.id = u.body_id
		left join lateral (
			select r.record from system_revisions r
			where r.system_id = s.id and r.created_at < ${at}::timestamptz
			order by r.revision desc limit 1
		) rv on true
		left join lateral (
			select c.proposed_level, c.ruleset_id, c.ruleset_version from classifications c
			where c.system_id = s.id and c.created_at < ${at}::timestamptz
			order by c.created_at desc, c.revision desc limit 1
		) c on true
		left join lateral (
			select d.id, d.submitted_at from dossiers d
			where d.system_id = s.id and d.submitted_at < ${at}::timestamptz
			order by d.submitted_at desc, d.revision desc limit 1
		) d on true
		left join reviews dr on dr.dossier_id = d.id
		left join lateral (
			select r.id, r.approval_number, r.approval_date, r.approved_level from reviews r
			where r.system_id = s.id and r.decision = 'approved' and r.decided_at < ${at}::timestamptz
			order by r.decided_at desc limit 1
		) ap on true
		where ${inScope} and s.created_at < ${at}::timestamptz
		order by u.name, s.record->>'name', s.id`.execute(db);
	return {
		as_of: at,
		window: { start: window.start, end: window.end },
		systems: r.rows.map((x): SystemAt => {
			const state: ApprovalState =
				x.dossier_at === null
					? 'drafting'
					: x.decision === 'approved'
						? 'approved'
						: x.decision === 'returned'
							? 'drafting'
							: 'submitted';
			return {
				id: x.id,
				unit_id: x.unit_id,
				unit_name: x.unit_name,
				name: x.record.name,
				owner: x.record.owner || x.unit_profile?.governing_body || x.body_name,
				operator: x.record.operator || x.unit_name,
				proposed_level: x.proposed_level,
				ruleset: x.ruleset,
				state,
				classified: x.proposed_level !== null,
				dossier: x.dossier_at !== null,
				appraised: x.appraised,
				approval:
					x.approval_number && x.approval_date && x.approved_level
						? {
								number: x.approval_number,
								date: x.approval_date,
								level: x.approved_level,
								by: x.body_name
							}
						: null,
				plan: planOf(x.record.plan)
			};
		})
	};
}

// ---- who files -------------------------------------------------------------------------------

export type Filer =
	| {
			kind: 'unit';
			unit_id: string;
			name: string;
			body_id: string;
			body_name: string;
			profile: UnitProfile | null;
	  }
	| { kind: 'body'; body_id: string; name: string };

const scopeOf = (f: Filer): Scope =>
	f.kind === 'unit' ? { unit_id: f.unit_id } : { body_id: f.body_id };

async function filerOf(db: Kysely<DB>, user: Principal, spec: ReportSpec): Promise<Filer> {
	const filer = spec.filer ?? 'unit';
	if (filer === 'unit' && user.role === 'unit' && user.unit_id) {
		const u = await db
			.selectFrom('units')
			.innerJoin('governing_bodies', 'governing_bodies.id', 'units.body_id')
			.select([
				'units.id',
				'units.name',
				'units.profile',
				'units.body_id',
				'governing_bodies.name as body_name'
			])
			.where('units.id', '=', user.unit_id)
			.executeTakeFirstOrThrow();
		return {
			kind: 'unit',
			unit_id: u.id,
			name: u.name,
			body_id: u.body_id,
			body_name: u.body_name,
			profile: u.profile as UnitProfile | null
		};
	}
	if (filer === 'body' && user.role === 'appraiser' && user.body_id) {
		const b = await db
			.selectFrom('governing_bodies')
			.select(['id', 'name'])
			.where('id', '=', user.body_id)
			.executeTakeFirstOrThrow();
		return { kind: 'body', body_id: b.id, name: b.name };
	}
	// Another role's report looks like no report at all.
	throw new ReportError(404, 'Không có báo cáo này.');
}

const filerWhere = (f: Filer) =>
	f.kind === 'unit'
		? sql`unit_id = ${f.unit_id}::uuid and body_id is null`
		: sql`body_id = ${f.body_id}::uuid and unit_id is null`;

// ---- the report as the reporter sees it --------------------------------------------------------

export interface Submitted {
	id: string;
	submitted_at: string;
	late: boolean;
	as_of: string;
	values: Mau08Values;
	snapshot: Snapshot;
}

async function lastSubmission(
	db: Kysely<DB>,
	key: { config_id: string; report_id: string; period_id: string },
	filer: Filer
): Promise<Submitted | undefined> {
	const r = await sql<{
		id: string;
		submitted_at: Date | string;
		late: boolean;
		as_of: Date | string;
		values: Mau08Values;
		snapshot: Snapshot;
	}>`select id, submitted_at, late, as_of, "values", snapshot from report_submissions
		where config_id = ${key.config_id} and report_id = ${key.report_id}
			and period_id = ${key.period_id} and ${filerWhere(filer)} and snapshot is not null
		order by submitted_at desc limit 1`.execute(db);
	const x = r.rows[0];
	return (
		x && {
			...x,
			submitted_at: new Date(x.submitted_at).toISOString(),
			as_of: new Date(x.as_of).toISOString()
		}
	);
}

async function draftOf(
	db: Kysely<DB>,
	key: { config_id: string; report_id: string; period_id: string },
	filer: Filer
) {
	const r = await sql<{ values: Partial<Mau08Values>; version: number; updated_at: Date | string }>`
		select "values", version, updated_at from report_drafts
		where config_id = ${key.config_id} and report_id = ${key.report_id}
			and period_id = ${key.period_id} and ${filerWhere(filer)}`.execute(db);
	const x = r.rows[0];
	return x && { ...x, updated_at: new Date(x.updated_at).toISOString() };
}

/** The per-system inputs each unit last submitted for this period (the body's starting point). */
async function unitInputs(
	db: Kysely<DB>,
	key: { config_id: string; report_id: string; period_id: string },
	body_id: string
) {
	const r = await sql<{ unit_id: string; values: Mau08Values; submitted_at: Date | string }>`
		select distinct on (r.unit_id) r.unit_id, r."values", r.submitted_at
		from report_submissions r
		where r.config_id = ${key.config_id} and r.report_id = ${key.report_id}
			and r.period_id = ${key.period_id} and r.snapshot is not null
			and r.unit_id in (select id from units where body_id = ${body_id}::uuid)
		order by r.unit_id, r.submitted_at desc`.execute(db);
	return r.rows;
}

/** The unit's own report goes to its owner; the owner's to the Ministry (Điều 35 khoản 4). */
async function defaultsFor(
	db: Kysely<DB>,
	config: ReportingConfig,
	spec: ReportSpec,
	filer: Filer,
	key: { config_id: string; report_id: string; period_id: string }
): Promise<Defaults & { from_units: { unit_id: string; submitted_at: string }[] }> {
	const recipient = (spec.recipient ?? config.recipient).vi;
	if (filer.kind === 'unit') {
		const p = filer.profile;
		return {
			recipient: p?.governing_body || filer.body_name || recipient,
			place: p?.place,
			owner: { name: p?.governing_body || filer.body_name },
			specialized: { name: p?.security_unit ?? '' },
			signer: p?.signer,
			from_units: []
		};
	}
	const reported = spec.consolidates
		? await unitInputs(db, { ...key, report_id: spec.consolidates }, filer.body_id)
		: [];
	const latest = [...reported].sort((a, b) => (a.submitted_at < b.submitted_at ? 1 : -1))[0];
	const systems: Defaults['systems'] = {};
	for (const u of reported) Object.assign(systems, u.values.systems);
	return {
		recipient,
		place: latest?.values.place,
		// The units' reports name the same owner and specialised unit: start from the latest.
		owner: { ...latest?.values.owner, name: filer.name },
		specialized: { ...latest?.values.specialized },
		systems,
		from_units: reported.map((u) => ({
			unit_id: u.unit_id,
			submitted_at: new Date(u.submitted_at).toISOString()
		}))
	};
}

export interface YearlyView {
	spec: ReportSpec;
	period: Period;
	filer: Filer;
	/** True while the window is still open: the counts are as of now and will change. */
	provisional: boolean;
	snapshot: Snapshot;
	values: Mau08Values;
	draft?: { version: number; updated_at: string };
	last?: Submitted;
	late: boolean;
	/** For the body: which units' reports its per-system columns come from. */
	from_units: { unit_id: string; submitted_at: string }[];
}

function findYearly(config: ReportingConfig, reportId: string, periodId: string) {
	const found = findPeriod(config, reportId, periodId);
	if (!found || found.spec.template !== 'nd331-mau-08')
		throw new ReportError(404, 'Không có báo cáo này.');
	return found;
}

/** The report for the signed-in filer: records at the window's close (or now), saved inputs. */
export async function yearlyView(
	db: Kysely<DB>,
	user: Principal,
	config: ReportingConfig,
	reportId: string,
	periodId: string,
	now = new Date()
): Promise<YearlyView> {
	const { spec, period } = findYearly(config, reportId, periodId);
	const filer = await filerOf(db, user, spec);
	const today = todayVN(now);
	if (today < period.start) throw new ReportError(404, 'Không có báo cáo này.');
	const key = { config_id: configOf(config, spec), report_id: spec.id, period_id: period.id };
	const asOf = asOfFor(period, now);
	const [snapshot, draft, last, defaults] = [
		await snapshotAt(db, scopeOf(filer), period, asOf),
		await draftOf(db, key, filer),
		await lastSubmission(db, key, filer),
		await defaultsFor(db, config, spec, filer, key)
	];
	return {
		spec,
		period,
		filer,
		provisional: asOf.getTime() < windowClose(period).getTime(),
		snapshot,
		values: initialValues(snapshot, defaults, draft?.values ?? last?.values),
		draft: draft && { version: draft.version, updated_at: draft.updated_at },
		last,
		late: today > period.due,
		from_units: defaults.from_units
	};
}

export class StaleDraftError extends ReportError {
	constructor() {
		super(409, 'Báo cáo đã được lưu từ nơi khác. Tải lại trang trước khi lưu.');
	}
}

/** Saves what the reporter typed, valid or not (nothing is lost); audited. */
export async function saveYearlyDraft(
	db: Kysely<DB>,
	user: Principal,
	config: ReportingConfig,
	reportId: string,
	periodId: string,
	raw: Record<string, unknown>,
	expectedVersion: number | undefined,
	now = new Date()
) {
	const view = await yearlyView(db, user, config, reportId, periodId, now);
	const values = parseForm(raw, view.snapshot, view.filer.kind === 'unit');
	const key = {
		config_id: configOf(config, view.spec),
		report_id: view.spec.id,
		period_id: view.period.id
	};
	const filer = view.filer;
	return tables(db)
		.transaction()
		.execute(async (trx) => {
			const before = await sql<{ id: string; version: number; values: unknown }>`
				select id, version, "values" from report_drafts
				where config_id = ${key.config_id} and report_id = ${key.report_id}
					and period_id = ${key.period_id} and ${filerWhere(filer)} for update`.execute(trx);
			const row = before.rows[0];
			if (expectedVersion !== undefined && (row?.version ?? 0) !== expectedVersion)
				throw new StaleDraftError();
			const id = row?.id ?? randomUUID();
			const version = (row?.version ?? 0) + 1;
			if (row)
				await trx
					.updateTable('report_drafts')
					.set({ values: JSON.stringify(values), version, updated_by: user.id, updated_at: now })
					.where('id', '=', id)
					.execute();
			else
				await trx
					.insertInto('report_drafts')
					.values({
						id,
						unit_id: filer.kind === 'unit' ? filer.unit_id : null,
						body_id: filer.kind === 'body' ? filer.body_id : null,
						...key,
						values: JSON.stringify(values),
						version,
						updated_by: user.id,
						updated_at: now
					})
					.execute();
			await appendAudit(trx as never, actorOf(user), {
				action: 'report.draft',
				entity_type: 'report_draft',
				entity_id: id,
				unit_id: filer.kind === 'unit' ? filer.unit_id : null,
				// What changed, not the form twice per autosave (issue 16 item 2); the first entry's
				// changes hold the whole first draft, so the draft can be rebuilt from the log.
				after: { ...key, changes: changesBetween(row?.values ?? {}, values) }
			});
			return { version, values, errors: validate(values, view.snapshot, filer.kind) };
		});
}

/**
 * Submits the saved draft: validated against the records at the window's close (or now), which
 * are frozen with it. A later submission replaces it; one after the due date is marked late.
 */
export async function submitYearly(
	db: Kysely<DB>,
	user: Principal,
	config: ReportingConfig,
	reportId: string,
	periodId: string,
	now = new Date()
) {
	const view = await yearlyView(db, user, config, reportId, periodId, now);
	if (!view.draft && !view.last)
		throw new ReportError(409, 'Chưa có bản nháp để nộp: lưu báo cáo trước.');
	const errors = validate(view.values, view.snapshot, view.filer.kind);
	if (errors.length) return { ok: false as const, errors };
	const filer = view.filer;
	const row = {
		id: randomUUID(),
		unit_id: filer.kind === 'unit' ? filer.unit_id : null,
		body_id: filer.kind === 'body' ? filer.body_id : null,
		config_id: configOf(config, view.spec),
		report_id: view.spec.id,
		period_id: view.period.id,
		due: view.period.due,
		late: view.late,
		values: JSON.stringify(view.values),
		snapshot: JSON.stringify(view.snapshot),
		as_of: view.snapshot.as_of,
		submitted_by: user.id,
		submitted_at: now
	};
	await insertSubmission(db, user, row, {
		config_id: row.config_id,
		report_id: row.report_id,
		period_id: row.period_id,
		late: row.late,
		as_of: row.as_of,
		counts: counts(view.snapshot, view.values),
		values: view.values
	});
	return { ok: true as const, id: row.id, late: row.late };
}

/** A submitted report by id, if the user may see it (its filer, or the filer's body). */
export async function submittedReport(db: Kysely<DB>, user: Principal, id: string) {
	if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
	const r = await sql<{
		id: string;
		unit_id: string | null;
		body_id: string | null;
		unit_body: string | null;
		unit_name: string | null;
		body_name: string;
		report_id: string;
		period_id: string;
		values: Mau08Values;
		snapshot: Snapshot;
		submitted_at: Date | string;
		late: boolean;
	}>`select r.id, r.unit_id, r.body_id, u.body_id as unit_body, u.name as unit_name,
			coalesce(b.name, ub.name) as body_name, r.report_id, r.period_id, r."values", r.snapshot,
			r.submitted_at, r.late
		from report_submissions r
		left join units u on u.id = r.unit_id
		left join governing_bodies ub on ub.id = u.body_id
		left join governing_bodies b on b.id = r.body_id
		where r.id = ${id}::uuid and r.snapshot is not null`.execute(db);
	const x = r.rows[0];
	if (!x) return undefined;
	const body = x.body_id ?? x.unit_body;
	const allowed =
		user.role === 'admin' ||
		(user.role === 'unit' && !!x.unit_id && user.unit_id === x.unit_id) ||
		(user.role === 'appraiser' && user.body_id === body);
	return allowed ? { ...x, submitted_at: new Date(x.submitted_at).toISOString() } : undefined;
}

// ---- the body's roll-up ------------------------------------------------------------------------

export interface YearlyRollupRow {
	unit_id: string;
	unit_name: string;
	status: UnitReportStatus;
	submission_id: string | null;
	submitted_at: string | null;
	as_of: string | null;
	counts: ReturnType<typeof counts> | null;
}

/** Who has reported for the period, who is late, and the totals of what was reported. */
export async function yearlyRollup(
	db: Kysely<DB>,
	scope: { body_id: string } | 'all',
	config: ReportingConfig,
	reportId: string,
	periodId: string,
	now = new Date()
) {
	const found = findPeriod(config, reportId, periodId);
	if (!found || found.spec.template !== 'nd331-mau-08' || (found.spec.filer ?? 'unit') !== 'unit')
		return undefined;
	const { spec, period } = found;
	let q = db.selectFrom('units').select(['id', 'name']).orderBy('name');
	if (scope !== 'all') q = q.where('body_id', '=', scope.body_id);
	const units = await q.execute();
	const inScope =
		scope === 'all'
			? sql`r.unit_id is not null`
			: sql`r.unit_id in (select id from units where body_id = ${scope.body_id}::uuid)`;
	const latest = await sql<{
		id: string;
		unit_id: string;
		late: boolean;
		submitted_at: Date | string;
		as_of: Date | string;
		values: Mau08Values;
		snapshot: Snapshot;
	}>`select distinct on (r.unit_id) r.id, r.unit_id, r.late, r.submitted_at, r.as_of,
			r."values", r.snapshot
		from report_submissions r
		where r.config_id = ${configOf(config, spec)} and r.report_id = ${spec.id}
			and r.period_id = ${period.id} and r.snapshot is not null and ${inScope}
		order by r.unit_id, r.submitted_at desc`.execute(db);
	const byUnit = new Map(latest.rows.map((l) => [l.unit_id, l]));
	const today = todayVN(now);
	const rows: YearlyRollupRow[] = units.map((u) => {
		const s = byUnit.get(u.id);
		return {
			unit_id: u.id,
			unit_name: u.name,
			status: s ? (s.late ? 'submitted_late' : 'submitted') : periodStatus(period, today),
			submission_id: s?.id ?? null,
			submitted_at: s ? new Date(s.submitted_at).toISOString() : null,
			as_of: s ? new Date(s.as_of).toISOString() : null,
			counts: s ? counts(s.snapshot, s.values) : null
		};
	});
	const tally = { submitted: 0, submitted_late: 0, overdue: 0, open: 0, upcoming: 0 };
	for (const r of rows) tally[r.status]++;
	const totals = {
		in_scope: 0,
		classified: 0,
		dossier: 0,
		appraised: 0,
		approved: 0,
		checked_periodic: 0
	};
	for (const r of rows)
		if (r.counts)
			for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += r.counts[k];
	return { spec, period, rows, tally, totals };
}
