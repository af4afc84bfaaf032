// Reporting calendar: the periods and due dates of each report a province requires, computed from
// its YAML (reporting/<id>.yaml). Dates are plain "YYYY-MM-DD" strings; no time zones involved.
import { addDays, format, isWeekend, lastDayOfMonth } from 'date-fns';
import type { ReportingConfig, ReportSpec } from './types';

const MONTHS_PER_PERIOD = { monthly: 1, quarterly: 3, semiannual: 6, annual: 12 } as const;

export interface Period {
	report: string;
	/** "2026-Q1", "2026-H2", "2026-M03", "2026". */
	id: string;
	start: string;
	end: string;
	/** The last day a report is on time, after the weekend rule. */
	due: string;
	/** The day written in the rule ("trước ngày 15/12"), before the weekend rule. */
	nominal: { day: number; month: number; year: number; before: boolean };
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

/** Moves a deadline off a weekend as the province's rule says. */
export function applyWeekendRule(date: Date, rule: ReportingConfig['on_weekend']): Date {
	if (rule === 'none') return date;
	const step = rule === 'next_working_day' ? 1 : -1;
	let d = date;
	while (isWeekend(d)) d = addDays(d, step);
	return d;
}

/** Every period of one report in a calendar year, with its due date. */
export function periodsOf(config: ReportingConfig, spec: ReportSpec, year: number): Period[] {
	const months = MONTHS_PER_PERIOD[spec.frequency];
	const out: Period[] = [];
	for (let i = 0; i < 12 / months; i++) {
		const first = new Date(year, i * months, 1);
		const last = lastDayOfMonth(new Date(year, i * months + months - 1, 1));
		const dueMonth = new Date(year, i * months + spec.due.month_of_period - 1, 1);
		// Clamp day 31 to the month's length (e.g. "ngày 31" in a 30-day month).
		const day = Math.min(spec.due.day, lastDayOfMonth(dueMonth).getDate());
		let due = new Date(dueMonth.getFullYear(), dueMonth.getMonth(), day);
		if (spec.due.before) due = addDays(due, -1);
		out.push({
			report: spec.id,
			id: periodId(spec, year, i),
			start: iso(first),
			end: iso(last),
			due: iso(applyWeekendRule(due, config.on_weekend)),
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
export function calendar(config: ReportingConfig, from: string, to: string): Period[] {
	const out: Period[] = [];
	for (let y = local(from).getFullYear() - 1; y <= local(to).getFullYear() + 1; y++)
		for (const spec of config.reports)
			for (const p of periodsOf(config, spec, y)) if (p.due >= from && p.due <= to) out.push(p);
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
