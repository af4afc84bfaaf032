// Deadlines of appraisal and approval as the rule set's procedure gives them (e.g. Nghị định
// 85/2016 Điều 16 khoản 2, Điều 17 khoản 2; Nghị định 331/2026 Điều 23 khoản 3, Điều 24 khoản 2),
// on the civil-service holiday calendar (calendars/vn.yaml): working days skip weekends, public
// holidays, compensatory and swapped days; a calendar-day period ending on a day off moves to the
// next working day (Bộ luật Dân sự 2015 Điều 148 khoản 5). Days are Vietnam's (UTC+7).
import { deadline, vnDateOf, type Calendar } from '../../calendar';
import { procedureFor, type Level, type Localized, type RuleSet } from '../../rules';
import { vnCalendar } from '../calendar-file';

export interface Deadline {
	/** `completeness`: to check the dossier is complete and valid (never overdue here: not tracked). */
	kind: 'completeness' | 'appraisal' | 'approval';
	due: string; // YYYY-MM-DD
	days: number;
	working_days: boolean;
	citation: string;
	overdue: boolean;
	/** A year of the period has no announced holidays yet: the date may move. */
	provisional: boolean;
	/** Why it is provisional, per year. */
	provisional_reasons: Localized[];
}

/**
 * From the submission date: the time to check the dossier's validity (where the rule set has one),
 * the appraisal deadline, then the approval deadline counted from the
 * end of appraisal (or from submission where the level has no appraisal deadline). The day of
 * submission is not counted (Bộ luật Dân sự 2015 Điều 147). Overdue means past due while still
 * undecided.
 */
export function deadlinesFor(
	ruleset: RuleSet,
	level: Level,
	submittedAt: Date,
	now: Date,
	decided: boolean,
	calendar: Calendar = vnCalendar()
): Deadline[] {
	const p = procedureFor(ruleset, level);
	const out: Deadline[] = [];
	const today = vnDateOf(now);
	const submitted = vnDateOf(submittedAt);
	const check = p.completeness_deadline;
	if (check) {
		const d = deadline(calendar, {
			from: submitted,
			days: check.days,
			working_days: check.working_days
		});
		out.push({
			kind: 'completeness',
			due: d.due,
			days: check.days,
			working_days: check.working_days,
			citation: check.citation,
			overdue: false,
			provisional: d.provisional,
			provisional_reasons: d.provisional_years.map((y) => y.reason)
		});
	}
	let start = submitted;
	for (const [kind, rule] of [
		['appraisal', p.appraisal_deadline],
		['approval', p.approval_deadline]
	] as const) {
		if (!rule) continue;
		const d = deadline(calendar, { from: start, days: rule.days, working_days: rule.working_days });
		out.push({
			kind,
			due: d.due,
			days: rule.days,
			working_days: rule.working_days,
			citation: rule.citation,
			overdue: !decided && today > d.due,
			provisional: d.provisional,
			provisional_reasons: d.provisional_years.map((y) => y.reason)
		});
		start = d.due;
	}
	return out;
}
