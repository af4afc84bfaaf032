// Which regime governs a stored classification today, and its transition deadlines. Everything
// dated or cited comes from the newer regime's `transition` provisions (Luật 116/2025 Điều 45,
// Nghị định 331/2026 Điều 38–39 for vn-nd331), tagged with an `effect` and the systems they cover.
import { formatCitation } from './citation';
import { addDays } from './versions';
import type { Localized, RuleSet, TransitionRule } from './types';

export type TransitionAction =
	'none' | 'finish_under_old' | 'reclassify_under_new' | 'update_measures';

/** Why the action: one i18n key per case (`transition.reason.<reason>`). */
export type TransitionReason =
	| 'current' // pinned to the newest regime
	| 'approved_keeps_level' // approved under the old regime: the level stays, measures must follow
	| 'project_finishes_under_old' // a project may finish its appraisal under the old regime
	| 'old_still_in_force' // the new regime has not taken effect yet
	| 'finish_deadline_passed' // the project missed the finish-under-old deadline
	| 'not_covered' // no provision keeps the old regime for this system
	| 'superseded_version'; // a newer version of the same regime replaced the pinned one

export interface TransitionProvision {
	id: string;
	/** The quoted text (Vietnamese). */
	text: string;
	summary: Localized;
	citation: Localized;
	date?: string;
	/** The date is before `date` (the day itself still counts). */
	passed: boolean;
}

export interface TransitionStatus {
	pinned: string;
	/** The rule set whose level governs the system today. */
	regime: string;
	/** The regime that replaces the pinned one, when there is one. */
	successor?: string;
	/** Last day the old regime may still be used for this system. */
	applies_until?: string;
	action: TransitionAction;
	reason: TransitionReason;
	/** The provisions behind the action. */
	basis: TransitionProvision[];
	/** Every dated provision that covers this system, earliest first. */
	deadlines: (TransitionProvision & { date: string })[];
	overdue: boolean;
}

export interface TransitionInput {
	/** "id@version" the classification is pinned to. */
	ruleset: string;
	stage?: 'new_project' | 'in_operation';
	/** Date the level was approved (ISO), if it was. */
	approved_on?: string;
	/** Today (ISO). */
	date: string;
}

type RuleSetLike = Pick<RuleSet, 'ref' | 'data'>;

const inForce = (r: RuleSetLike, date: string) =>
	r.data.effective_from <= date && (!r.data.effective_to || date <= r.data.effective_to);

/** A period of months ends on the corresponding day of its last month (Bộ luật Dân sự Điều 148). */
function addMonths(date: string, months: number): string {
	const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
	const total = y * 12 + (m - 1) + months;
	const year = Math.floor(total / 12);
	const month = (total % 12) + 1;
	const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${year}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/** The day a provision of `owner`'s transition ends: its deadline, or its months counted from the
 * day `owner` takes effect; none for a provision without a period. */
export const provisionDate = (t: TransitionRule, owner: RuleSetLike): string | undefined =>
	t.deadline ?? (t.months ? addMonths(owner.data.effective_from, t.months) : undefined);

/** The regime that replaces `pinned`: another rule-set id that took effect later — the one in force
 * on `date` if it is such, else the first one to come. */
function successorOf(
	rulesets: readonly RuleSetLike[],
	pinned: RuleSetLike,
	date: string
): RuleSetLike | undefined {
	const later = rulesets
		.filter(
			(r) => r.data.id !== pinned.data.id && r.data.effective_from > pinned.data.effective_from
		)
		.sort((a, b) => (a.data.effective_from < b.data.effective_from ? -1 : 1));
	return later.filter((r) => r.data.effective_from <= date).at(-1) ?? later[0];
}

/** The last version of `id` that has taken effect by `date`. */
function lastVersion(rulesets: readonly RuleSetLike[], id: string, date: string) {
	return rulesets
		.filter((r) => r.data.id === id && r.data.effective_from <= date)
		.sort((a, b) => (a.data.effective_from < b.data.effective_from ? 1 : -1))[0];
}

export function transitionStatus(
	rulesets: readonly RuleSetLike[],
	input: TransitionInput
): TransitionStatus | undefined {
	const pinned = rulesets.find((r) => r.ref === input.ruleset);
	if (!pinned) return undefined;
	const { date, stage } = input;
	const approved = input.approved_on !== undefined && input.approved_on <= date;
	const base = { pinned: pinned.ref, deadlines: [], basis: [], overdue: false };
	const next = successorOf(rulesets, pinned, date);

	if (!next) {
		// No other regime replaces it: current, or replaced by a newer version of itself.
		const latest = lastVersion(rulesets, pinned.data.id, date) ?? pinned;
		if (latest.ref === pinned.ref || inForce(pinned, date))
			return { ...base, regime: pinned.ref, action: 'none', reason: 'current' };
		return {
			...base,
			regime: latest.ref,
			successor: latest.ref,
			action: 'reclassify_under_new',
			reason: 'superseded_version'
		};
	}

	const provision = (t: TransitionRule): TransitionProvision => {
		const when = provisionDate(t, next);
		return {
			id: t.id,
			text: t.text,
			summary: t.summary ?? { vi: t.text, en: t.text },
			citation: {
				vi: formatCitation(t.citation, next.data.sources, 'vi'),
				en: formatCitation(t.citation, next.data.sources, 'en')
			},
			date: when,
			passed: when !== undefined && when < date
		};
	};
	const covers = (t: TransitionRule) =>
		(t.applies_to?.approved === undefined || t.applies_to.approved === approved) &&
		(!t.applies_to?.stage || (stage !== undefined && t.applies_to.stage.includes(stage)));
	const rules = (next.data.transition ?? []).filter((t) => t.effect && covers(t));
	const of = (effect: TransitionRule['effect']) =>
		rules.filter((t) => t.effect === effect).map(provision);
	const deadlines = rules
		.map(provision)
		.filter((p): p is TransitionProvision & { date: string } => p.date !== undefined)
		.sort((a, b) => (a.date < b.date ? -1 : 1));
	const old = lastVersion(rulesets, pinned.data.id, date) ?? pinned;
	const inForceRule = of('in_force');
	const common = { ...base, successor: next.ref, deadlines };

	if (approved) {
		const basis = [...of('keep_level'), ...of('update_measures')];
		return {
			...common,
			regime: old.ref,
			action: 'update_measures',
			reason: 'approved_keeps_level',
			basis,
			overdue: basis.some((p) => p.passed)
		};
	}
	const finish = of('finish_under_old');
	const open = finish.filter((p) => !p.passed && p.date);
	if (open.length)
		return {
			...common,
			regime: old.ref,
			applies_until: open.map((p) => p.date!).sort()[0],
			action: 'finish_under_old',
			reason: 'project_finishes_under_old',
			basis: [...open, ...of('update_measures')]
		};
	if (date < next.data.effective_from)
		return {
			...common,
			regime: old.ref,
			applies_until: old.data.effective_to ?? addDays(next.data.effective_from, -1),
			action: 'finish_under_old',
			reason: 'old_still_in_force',
			basis: inForceRule
		};
	return {
		...common,
		regime: next.ref,
		action: 'reclassify_under_new',
		reason: finish.length ? 'finish_deadline_passed' : 'not_covered',
		basis: [...finish, ...inForceRule],
		overdue: finish.length > 0
	};
}
