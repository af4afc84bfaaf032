// Reporting calendar: the periods and due dates of each report a province requires, computed from
// its YAML (reporting/<id>.yaml). Dates are plain "YYYY-MM-DD" strings; no time zones involved.
import { addDays, format, isWeekend, lastDayOfMonth } from 'date-fns';
import type { MonthDay, ReportingConfig, ReportSpec, WeekendRule } from './types';

const MONTHS_PER_PERIOD = { monthly: 1, quarterly: 3, semiannual: 6, annual: 12 } as const;

export interface Period {
	report: string;
	/** "2026-Q1", "2026-H2", "2026-M03", "2026" (a yearly window is named by the year it ends in). */
	id: string;
	start: string;
	end: string;
	/** The last day a report is on time, after the weekend rule. */
	due: string;
	/** The day written in the rule ("trước ngày 15/12"), before the weekend rule. */
	nominal: { day: number; month: number; year: number; before: boolean };
}

const iso = (d: Date) => format(d, 'yyyy-MM-dd');

/** The day an instant falls on in Vietnam (UTC+7 all year, no daylight saving), "YYYY-MM-DD". */
export const vietnamDay = (instant: Date | string) =>
	new Date(new Date(instant).getTime() + 7 * 3600_000).toISOString().slice(0, 10);
const local = (s: string) => {
	const [y, m, d] = s.split('-').map(Number);
	return new Date(y!, m! - 1, d!);
};

function periodId(spec: ReportSpec, year: number, index: number): string {
	switch (spec.frequency) {
		case 'monthly':
			return `${year}-M${String(index + 1).padStart(2, '0')}`;
		case 'quarterly':
			return `${year}-Q${index + 1}`;
		case 'semiannual':
			return `${year}-H${index + 1}`;
		case 'annual':
			return `${year}`;
	}
}

/**
 * Whether a deadline may end on this day. Weekends only for now: the holiday calendar
 * (`calendars/vn.yaml`, helper `legal`) replaces this when it lands.
 */
export type WorkingDay = (d: Date) => boolean;
export const weekdaysOnly: WorkingDay = (d) => !isWeekend(d);

/** Moves a deadline off a non-working day as the rule says (Bộ luật Dân sự 2015 Điều 148 khoản 5). */
export function applyWeekendRule(
	date: Date,
	rule: WeekendRule,
	working: WorkingDay = weekdaysOnly
): Date {
	if (rule === 'none') return date;
	const step = rule === 'next_working_day' ? 1 : -1;
	let d = date;
	// A year has far fewer than 60 days off in a row; the bound only guards a broken calendar.
	for (let i = 0; i < 60 && !working(d); i++) d = addDays(d, step);
	return d;
}

const dayOf = (year: number, md: MonthDay) =>
	new Date(md.previous_year ? year - 1 : year, md.month - 1, md.day);

/** Every period of one report in a calendar year (by the year it ends in), with its due date. */
export function periodsOf(
	config: Pick<ReportingConfig, 'on_weekend'>,
	spec: ReportSpec,
	year: number,
	working: WorkingDay = weekdaysOnly
): Period[] {
	const months = MONTHS_PER_PERIOD[spec.frequency];
	const rule = spec.on_weekend ?? config.on_weekend;
	const out: Period[] = [];
	for (let i = 0; i < 12 / months; i++) {
		const first = spec.window ? dayOf(year, spec.window.start) : new Date(year, i * months, 1);
		const last = spec.window
			? dayOf(year, spec.window.end)
			: lastDayOfMonth(new Date(year, i * months + months - 1, 1));
		const dueMonth =
			'month' in spec.due
				? new Date(year, spec.due.month - 1, 1)
				: new Date(year, i * months + spec.due.month_of_period - 1, 1);
		// Clamp day 31 to the month's length (e.g. "ngày 31" in a 30-day month).
		const day = Math.min(spec.due.day, lastDayOfMonth(dueMonth).getDate());
		let due = new Date(dueMonth.getFullYear(), dueMonth.getMonth(), day);
		if (spec.due.before) due = addDays(due, -1);
		if (spec.effective_from && iso(last) < spec.effective_from) continue;
		out.push({
			report: spec.id,
			id: periodId(spec, year, i),
			start: iso(first),
			end: iso(last),
			due: iso(applyWeekendRule(due, rule, working)),
			nominal: {
				day,
				month: dueMonth.getMonth() + 1,
				year: dueMonth.getFullYear(),
				before: spec.due.before ?? false
			}
		});
	}
	return out;
}

/** All periods of all reports whose due date falls in [from, to], sorted by due date. */
export function calendar(
	config: ReportingConfig,
	from: string,
	to: string,
	working: WorkingDay = weekdaysOnly
): Period[] {
	const out: Period[] = [];
	for (let y = local(from).getFullYear() - 1; y <= local(to).getFullYear() + 1; y++)
		for (const spec of config.reports)
			for (const p of periodsOf(config, spec, y, working))
				if (p.due >= from && p.due <= to) out.push(p);
	return out.sort((a, b) =>
		a.due < b.due ? -1 : a.due > b.due ? 1 : a.report < b.report ? -1 : 1
	);
}

export type PeriodStatus = 'submitted' | 'submitted_late' | 'overdue' | 'open' | 'upcoming';

/** Where a unit stands on one period, given when (if ever) it submitted. */
export function periodStatus(period: Period, today: string, submittedOn?: string): PeriodStatus {
	if (submittedOn) return submittedOn <= period.due ? 'submitted' : 'submitted_late';
	if (today > period.due) return 'overdue';
	return today >= period.start ? 'open' : 'upcoming';
}
