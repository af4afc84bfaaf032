// Periodic reports: a unit submits its figures for a period of a report the province requires;
// the governing body sees, per period, who submitted on time, late, or not at all.
import { randomUUID } from 'node:crypto';
import { format } from 'date-fns';
import { sql, type Kysely } from 'kysely';
import { calendar, periodsOf, periodStatus, type Period } from '../../reporting/calendar';
import type { ReportingConfig, ReportSpec } from '../../reporting/types';
import type { Localized } from '../../rules/types';
import { actorOf } from '../auth/accounts';
import { workingDays } from './config';
import type { Principal } from '../auth/policy';
import { appendAudit } from '../audit/log';
import type { DB } from '../db/schema';

export interface ReportSubmissionsTable {
	id: string;
	/** The filer: a unit, or (for the body's own report) a governing body. */
	unit_id: string | null;
	body_id?: string | null;
	config_id: string;
	report_id: string;
	period_id: string;
	due: string;
	late: boolean;
	values: string;
	submitted_by: string;
	submitted_at: Date | string | undefined;
	/** Mẫu 08: the records at `as_of`, frozen with the submission. */
	snapshot?: string | null;
	as_of?: Date | string | null;
}
type ReportsDB = DB & { report_submissions: ReportSubmissionsTable };
const withReports = (db: Kysely<DB>) =>
	db.withTables<{ report_submissions: ReportSubmissionsTable }>();

/** Stores a sent report and its audit entry in one transaction (quarterly reports and Mẫu 08). */
export async function insertSubmission(
	db: Kysely<DB>,
	user: Principal,
	row: ReportSubmissionsTable,
	after: Record<string, unknown>
) {
	await withReports(db)
		.transaction()
		.execute(async (trx) => {
			await trx.insertInto('report_submissions').values(row).execute();
			await appendAudit(trx as never, actorOf(user), {
				action: 'report.submit',
				entity_type: 'report_submission',
				entity_id: row.id,
				unit_id: row.unit_id,
				after
			});
		});
}

export type Values = Record<string, number | string>;
export interface FieldError {
	field: string;
	message: Localized;
}

/** The local calendar day, as the reporting calendar counts days. */
export const localDay = (d: Date) => format(d, 'yyyy-MM-dd');

export function findPeriod(config: ReportingConfig, reportId: string, periodId: string) {
	const spec = config.reports.find((r) => r.id === reportId);
	const year = Number(periodId.slice(0, 4));
	if (!spec || !/^\d{4}/.test(periodId)) return undefined;
	const period = periodsOf(config, spec, year, workingDays).find((p) => p.id === periodId);
	return period && { spec, period };
}

/** The file a report's submissions are stored under (an included duty keeps its own). */
export const configOf = (config: ReportingConfig, spec: ReportSpec) => spec.config_id ?? config.id;

/** Reports of the kind this filer sends: each unit's, or the body's own. */
export const reportsFiledBy = (config: ReportingConfig, filer: 'unit' | 'body') =>
	config.reports.filter((r) => (r.filer ?? 'unit') === filer);

/** Whole numbers ≥ 0, required unless optional, and no count above its `max_field`. */
export function validateValues(
	spec: ReportSpec,
	raw: Record<string, unknown>
):
	| { ok: true; values: Values }
	| { ok: false; errors: FieldError[]; input: Record<string, string> } {
	const errors: FieldError[] = [];
	const values: Values = {};
	const input: Record<string, string> = {};
	for (const f of spec.fields) {
		const text = String(raw[f.id] ?? '').trim();
		input[f.id] = text;
		if (f.type === 'text') {
			if (text.length > 2000)
				errors.push({
					field: f.id,
					message: { vi: 'Tối đa 2.000 ký tự.', en: 'At most 2,000 characters.' }
				});
			else if (text || !f.optional) values[f.id] = text;
			if (!text && !f.optional)
				errors.push({
					field: f.id,
					message: {
						vi: `Nhập ${f.label.vi.toLowerCase()}.`,
						en: `Enter ${f.label.en.toLowerCase()}.`
					}
				});
			continue;
		}
		if (!text) {
			if (!f.optional)
				errors.push({
					field: f.id,
					message: {
						vi: `Nhập ${f.label.vi.toLowerCase()}.`,
						en: `Enter ${f.label.en.toLowerCase()}.`
					}
				});
			continue;
		}
		if (!/^\d{1,9}$/.test(text)) {
			errors.push({
				field: f.id,
				message: {
					vi: `${f.label.vi} phải là số nguyên không âm, ví dụ 12.`,
					en: `${f.label.en} must be a whole number of 0 or more, like 12.`
				}
			});
			continue;
		}
		values[f.id] = Number(text);
	}
	for (const f of spec.fields) {
		if (!f.max_field || typeof values[f.id] !== 'number' || typeof values[f.max_field] !== 'number')
			continue;
		if ((values[f.id] as number) > (values[f.max_field] as number)) {
			const max = spec.fields.find((x) => x.id === f.max_field)!;
			errors.push({
				field: f.id,
				message: {
					vi: `${f.label.vi} không được lớn hơn ${max.label.vi.toLowerCase()} (${values[f.max_field]}).`,
					en: `${f.label.en} cannot be more than ${max.label.en.toLowerCase()} (${values[f.max_field]}).`
				}
			});
		}
	}
	return errors.length ? { ok: false, errors, input } : { ok: true, values };
}

export class ReportError extends Error {
	constructor(
		readonly status: 404 | 409,
		message: string
	) {
		super(message);
	}
}

/** Stores a submission for the unit; a later one replaces it, marked late when past due. */
export async function submitReport(
	db: Kysely<DB>,
	user: Principal,
	config: ReportingConfig,
	reportId: string,
	periodId: string,
	raw: Record<string, unknown>,
	now = new Date()
) {
	if (user.role !== 'unit' || !user.unit_id) throw new ReportError(404, 'Không có báo cáo này.');
	const found = findPeriod(config, reportId, periodId);
	if (!found) throw new ReportError(404, 'Không có báo cáo này.');
	const { spec, period } = found;
	// Mẫu 08 and the body's own reports have their own flow (yearly.ts).
	if (spec.template || (spec.filer ?? 'unit') !== 'unit')
		throw new ReportError(404, 'Không có báo cáo này.');
	const today = localDay(now);
	if (today < period.start)
		throw new ReportError(409, `Kỳ báo cáo ${period.id} bắt đầu từ ngày ${period.start}.`);
	const checked = validateValues(spec, raw);
	if (!checked.ok) return checked;
	const row = {
		id: randomUUID(),
		unit_id: user.unit_id,
		config_id: configOf(config, spec),
		report_id: spec.id,
		period_id: period.id,
		due: period.due,
		late: today > period.due,
		values: JSON.stringify(checked.values),
		submitted_by: user.id,
		submitted_at: now
	};
	await insertSubmission(db, user, row, {
		...row,
		values: checked.values,
		submitted_at: now.toISOString()
	});
	return { ok: true as const, id: row.id, late: row.late, values: checked.values };
}

interface Latest {
	unit_id: string;
	report_id: string;
	period_id: string;
	late: boolean;
	values: Values;
	submitted_at: Date | string;
}

/** A report's period as stored: the file it belongs to, the report and the period. */
export interface PeriodKey {
	config_id: string;
	report: string;
	id: string;
}
export const keyOf = (config: ReportingConfig, spec: ReportSpec, p: Pick<Period, 'id'>) => ({
	config_id: configOf(config, spec),
	report: spec.id,
	id: p.id
});

/** The latest submission per unit, report and period among `periods`. */
export async function latestSubmissions(
	db: Kysely<DB>,
	unitIds: string[] | { body_id: string } | 'all',
	periods: PeriodKey[]
): Promise<Latest[]> {
	if (periods.length === 0 || (Array.isArray(unitIds) && unitIds.length === 0)) return [];
	const keys = sql.join(periods.map((p) => sql`(${p.config_id}, ${p.report}, ${p.id})`));
	const units = Array.isArray(unitIds)
		? sql`r.unit_id in (${sql.join(unitIds.map((u) => sql`${u}::uuid`))})`
		: unitIds === 'all'
			? sql`r.unit_id is not null`
			: sql`r.unit_id in (select id from units where body_id = ${unitIds.body_id}::uuid)`;
	const r = await sql<Latest>`
		select distinct on (r.unit_id, r.report_id, r.period_id)
			r.unit_id, r.report_id, r.period_id, r.late, r.values, r.submitted_at
		from report_submissions r
		where (r.config_id, r.report_id, r.period_id) in (${keys}) and ${units}
		order by r.unit_id, r.report_id, r.period_id, r.submitted_at desc`.execute(
		db as unknown as Kysely<ReportsDB>
	);
	return r.rows;
}

const iso = (d: Date | string) => new Date(d).toISOString();

/** The unit's calendar: periods due from a year ago to half a year ahead, with its standing. */
export async function unitCalendar(
	db: Kysely<DB>,
	user: Principal,
	config: ReportingConfig,
	now = new Date()
) {
	if (user.role !== 'unit' || !user.unit_id) return [];
	const today = localDay(now);
	const from = localDay(new Date(now.getFullYear() - 1, now.getMonth(), now.getDate()));
	const to = localDay(new Date(now.getFullYear(), now.getMonth() + 6, now.getDate()));
	const specs = new Map(reportsFiledBy(config, 'unit').map((r) => [r.id, r]));
	const periods = calendar(config, from, to, workingDays).filter((p) => specs.has(p.report));
	const latest = await latestSubmissions(
		db,
		[user.unit_id],
		periods.map((p) => keyOf(config, specs.get(p.report)!, p))
	);
	return periods.map((p) => {
		const s = latest.find((l) => l.report_id === p.report && l.period_id === p.id);
		const status = s ? (s.late ? 'submitted_late' : 'submitted') : periodStatus(p, today);
		return {
			...p,
			status,
			submitted_at: s ? iso(s.submitted_at) : null,
			values: s?.values ?? null
		};
	});
}

/** The unit's latest values for one period (to prefill a resubmission). */
export async function unitSubmission(
	db: Kysely<DB>,
	user: Principal,
	config: ReportingConfig,
	reportId: string,
	periodId: string
) {
	const spec = config.reports.find((r) => r.id === reportId);
	if (user.role !== 'unit' || !user.unit_id || !spec) return undefined;
	const [s] = await latestSubmissions(db, [user.unit_id], [keyOf(config, spec, { id: periodId })]);
	return s && { ...s, submitted_at: iso(s.submitted_at) };
}

export type UnitReportStatus = 'submitted' | 'submitted_late' | 'overdue' | 'open' | 'upcoming';

/** One period across the body's units: who stands where, and the protected-endpoint ratio. */
export async function rollup(
	db: Kysely<DB>,
	scope: { body_id: string } | 'all',
	config: ReportingConfig,
	reportId: string,
	periodId: string,
	now = new Date()
) {
	const found = findPeriod(config, reportId, periodId);
	if (!found) return undefined;
	const { spec, period } = found;
	let q = db.selectFrom('units').select(['id', 'name']).orderBy('name');
	if (scope !== 'all') q = q.where('body_id', '=', scope.body_id);
	const units = await q.execute();
	const latest = await latestSubmissions(db, scope, [keyOf(config, spec, period)]);
	const byUnit = new Map(latest.map((l) => [l.unit_id, l]));
	const today = localDay(now);
	const rows = units.map((u) => {
		const s = byUnit.get(u.id);
		const status: UnitReportStatus = s
			? s.late
				? 'submitted_late'
				: 'submitted'
			: periodStatus(period, today);
		return {
			unit_id: u.id,
			unit_name: u.name,
			status,
			submitted_at: s ? iso(s.submitted_at) : null,
			values: s?.values ?? null
		};
	});
	const counts = { submitted: 0, submitted_late: 0, overdue: 0, open: 0, upcoming: 0 };
	for (const r of rows) counts[r.status]++;
	// Each field with a target ratio (protected / total): the sum over submitted units.
	const ratios = spec.fields
		.filter((f) => f.target_ratio !== undefined && f.max_field)
		.map((f) => {
			let part = 0;
			let whole = 0;
			for (const r of rows)
				if (r.values) {
					part += Number(r.values[f.id] ?? 0);
					whole += Number(r.values[f.max_field!] ?? 0);
				}
			return {
				field: f.id,
				label: f.label,
				of: spec.fields.find((x) => x.id === f.max_field)!.label,
				part,
				whole,
				ratio: whole > 0 ? part / whole : null,
				target: f.target_ratio!,
				// Units below target, so the body can follow up.
				below: rows
					.filter(
						(r) =>
							r.values && Number(r.values[f.id]) < f.target_ratio! * Number(r.values[f.max_field!])
					)
					.map((r) => r.unit_name)
			};
		});
	return { spec, period, rows, counts, ratios };
}

/** Periods of a report whose start is on or before today, newest first (the roll-up's choices). */
export function pastPeriods(config: ReportingConfig, reportId: string, now = new Date()) {
	const spec = config.reports.find((r) => r.id === reportId);
	if (!spec) return [];
	const today = localDay(now);
	const y = now.getFullYear();
	return [
		...periodsOf(config, spec, y - 1, workingDays),
		...periodsOf(config, spec, y, workingDays)
	]
		.filter((p) => p.start <= today)
		.reverse();
}
