// The appraisal workflow as data (Nghị định 85/2016 Điều 12, 14, 16, 17, 18; Thông tư 03/2017
// Điều 14–16). Pure: the service checks every change against this table.
import type { Role, Status } from '../db/schema';

export type Action =
	'save' | 'classify' | 'submit' | 'revise' | 'start_review' | 'checklist' | 'return' | 'approve';

interface Transition {
	from: readonly Status[];
	/** Absent: the status does not change. */
	to?: Status;
	by: Role;
}

export const TRANSITIONS: Record<Action, Transition> = {
	// The unit edits only what is not with the appraiser; an edit makes the classification stale.
	save: { from: ['draft', 'classified'], to: 'draft', by: 'unit' },
	classify: { from: ['draft', 'classified'], to: 'classified', by: 'unit' },
	// From `returned` this is a resubmission of the same record with a new dossier.
	submit: { from: ['classified', 'returned'], to: 'submitted', by: 'unit' },
	// Điều 18: after approval (or a return) a new revision re-determines the level.
	revise: { from: ['returned', 'approved'], to: 'draft', by: 'unit' },
	start_review: { from: ['submitted'], to: 'under_review', by: 'appraiser' },
	checklist: { from: ['under_review'], by: 'appraiser' },
	return: { from: ['under_review'], to: 'returned', by: 'appraiser' },
	approve: { from: ['under_review'], to: 'approved', by: 'appraiser' }
};

export const STATUS_LABEL: Record<Status, string> = {
	draft: 'Đang soạn',
	classified: 'Đã xác định cấp độ',
	submitted: 'Đã nộp hồ sơ',
	under_review: 'Đang thẩm định',
	returned: 'Bị trả lại',
	approved: 'Đã phê duyệt'
};

export class TransitionError extends Error {
	constructor(
		readonly action: Action,
		readonly status: Status
	) {
		super(`Không thể "${action}" khi hồ sơ ở trạng thái "${STATUS_LABEL[status]}" (${status}).`);
	}
}

export function nextStatus(action: Action, status: Status): Status {
	const t = TRANSITIONS[action];
	if (!t.from.includes(status)) throw new TransitionError(action, status);
	return t.to ?? status;
}

export const allowedActions = (status: Status, role: Role): Action[] =>
	(Object.keys(TRANSITIONS) as Action[]).filter(
		(a) => TRANSITIONS[a].by === role && TRANSITIONS[a].from.includes(status)
	);
