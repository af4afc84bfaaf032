// Reporting calendar: the periods and due dates of each report a province requires, computed from
// its YAML (reporting/<id>.yaml). Dates are plain "YYYY-MM-DD" strings; no time zones involved.
// Which days are worked comes from the holiday calendar (calendars/vn.yaml, src/lib/calendar),
// passed in by the caller so this stays pure.
import { addDays, format, lastDayOfMonth } from 'date-fns';
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
	/** The holiday calendar of the due date's year is not fully known: the date may still move. */
	provisional: boolean;
}

const iso = (d: Date) => format(d, 'yyyy-MM-dd');

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
 * Whether a day is worked, and whether its year's calendar is only provisional: on the server,
 * `(d) => isWorkingDay(vnCalendar(), d)` (src/lib/calendar).
 */
export type WorkingDays = (iso: string) => { working: boolean; provisional: boolean };

/**
 * Moves a deadline off a day off as the rule says: the next working day is Bộ luật Dân sự 2015
 * Điều 148 khoản 5; a province may choose the previous one, or none.
 */
export function applyWeekendRule(
	date: Date,
	rule: WeekendRule,
	working: WorkingDays
): { date: Date; provisional: boolean } {
	let provisional = working(iso(date)).provisional;
	if (rule === 'none') return { date, provisional };
	const step = rule === 'next_working_day' ? 1 : -1;
	let d = date;
	// Tết is the longest run of days off (about nine); the bound only guards a broken calendar.
	for (let i = 0; i < 60; i++) {
		const w = working(iso(d));
		provisional ||= w.provisional;
		if (w.working) break;
		d = addDays(d, step);
	}
	return { date: d, provisional };
}

const dayOf = (year: number, md: MonthDay) =>
	new Date(md.previous_year ? year - 1 : year, md.month - 1, md.day);

/** Every period of one report in a calendar year (by the year it ends in), with its due date. */
export function periodsOf(
	config: Pick<ReportingConfig, 'on_weekend'>,
	spec: ReportSpec,
	year: number,
	working: WorkingDays
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
		const moved = applyWeekendRule(due, rule, working);
		out.push({
			report: spec.id,
			id: periodId(spec, year, i),
			start: iso(first),
			end: iso(last),
			due: iso(moved.date),
			nominal: {
				day,
				month: dueMonth.getMonth() + 1,
				year: dueMonth.getFullYear(),
				before: spec.due.before ?? false
			},
			provisional: moved.provisional
		});
	}
	return out;
}

/** All periods of all reports whose due date falls in [from, to], sorted by due date. */
export function calendar(
	config: ReportingConfig,
	from: string,
	to: string,
	working: WorkingDays
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
