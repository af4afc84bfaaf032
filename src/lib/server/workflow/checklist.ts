// The appraisal checklist of the rule set a dossier cites (its `appraisal.checklist`, e.g. Điều 16
// khoản 1 Nghị định 85/2016, Điều 23 khoản 1 Nghị định 331/2026): which items apply to a proposed
// level, the verdicts read from a form, and what still blocks an approval.
import type { ChecklistItem, Level, RuleSet } from '../../rules';
import { InputError } from '../auth/accounts';

export type Verdict = 'met' | 'not_met' | '';
export type ChecklistEntry = { verdict: Verdict; comment: string };
/** Verdicts keyed by checklist item id. */
export type Checklist = Record<string, ChecklistEntry>;

const VERDICTS: readonly Verdict[] = ['met', 'not_met', ''];
const MAX_COMMENT = 4000;

/** The items that apply to `level` (items without `levels` apply to every level). */
export function checklistFor(rs: RuleSet | undefined, level: Level): ChecklistItem[] {
	return (rs?.data.appraisal?.checklist ?? []).filter((i) => !i.levels || i.levels.includes(level));
}

/** Reads `<id>_verdict` and `<id>_comment` form fields for each item. */
export function parseChecklist(items: ChecklistItem[], raw: Record<string, unknown>): Checklist {
	const out: Checklist = {};
	for (const { id } of items) {
		const verdict = String(raw[`${id}_verdict`] ?? '') as Verdict;
		if (!VERDICTS.includes(verdict))
			throw new InputError({ key: 'appraisal.error.conclusion' }, `${id}_verdict`);
		const comment = String(raw[`${id}_comment`] ?? '').trim();
		if (comment.length > MAX_COMMENT)
			throw new InputError(
				{ key: 'appraisal.error.commentTooLong', params: { max: MAX_COMMENT } },
				`${id}_comment`
			);
		out[id] = { verdict, comment };
	}
	return out;
}

/** Items not ruled "met": an approval needs none. */
export const unmetItems = (items: ChecklistItem[], checklist: Partial<Checklist> | undefined) =>
	items.filter((i) => checklist?.[i.id]?.verdict !== 'met');
