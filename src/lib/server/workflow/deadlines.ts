// Deadlines of Điều 16 khoản 2 (appraisal) and Điều 17 khoản 2 (approval) Nghị định 85/2016, as
// the rule set's procedure gives them. Working days skip Saturdays and Sundays (public holidays
// are not known here, so a working-day deadline may in fact fall a little later).
import { addBusinessDays, addDays, formatISO } from 'date-fns';
import { procedureFor, type Level, type RuleSet } from '../../rules';

export interface Deadline {
	kind: 'appraisal' | 'approval';
	due: string; // YYYY-MM-DD
	days: number;
	working_days: boolean;
	citation: string;
	overdue: boolean;
}

const day = (d: Date) => formatISO(d, { representation: 'date' });
const add = (from: Date, days: number, working: boolean) =>
	working ? addBusinessDays(from, days) : addDays(from, days);

/**
 * From the submission date: the appraisal deadline, then the approval deadline counted from the
 * end of appraisal (or from submission where the level has no appraisal deadline). Overdue means
 * past due while still undecided.
 */
export function deadlinesFor(
	ruleset: RuleSet,
	level: Level,
	submittedAt: Date,
	now: Date,
	decided: boolean
): Deadline[] {
	const p = procedureFor(ruleset, level);
	const out: Deadline[] = [];
	const today = day(now);
	let start = submittedAt;
	for (const [kind, rule] of [
		['appraisal', p.appraisal_deadline],
		['approval', p.approval_deadline]
	] as const) {
		if (!rule) continue;
		const due = add(start, rule.days, rule.working_days);
		out.push({
			kind,
			due: day(due),
			days: rule.days,
			working_days: rule.working_days,
			citation: rule.citation,
			overdue: !decided && today > day(due)
		});
		start = due;
	}
	return out;
}
