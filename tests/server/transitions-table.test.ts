// The workflow's allowed and forbidden transitions, written out by hand from Nghị định 85/2016 Điều
// 12–18 and Thông tư 03/2017 Điều 14–16 — deliberately not generated from TRANSITIONS, so a wrong
// entry in that table (a unit saving a submitted dossier, an appraiser approving a draft) fails here.
import { describe, expect, it } from 'vitest';
import type { Role, Status } from '../../src/lib/server/db/schema';
import {
	allowedActions,
	nextStatus,
	TransitionError,
	type Action
} from '../../src/lib/server/workflow/transitions';

const STATUSES: Status[] = [
	'draft',
	'classified',
	'submitted',
	'under_review',
	'returned',
	'approved'
];

// Row: the action, who may take it, then the status it leads to from each status ('-' = refused).
//                     by           draft        classified    submitted       under_review  returned     approved
// prettier-ignore
const TABLE: [Action, Role, ...(Status | '-')[]][] = [
	['save',         'unit',      'draft',      'draft',      '-',            '-',          '-',         '-'],
	['classify',     'unit',      'classified', 'classified', '-',            '-',          '-',         '-'],
	['submit',       'unit',      '-',          'submitted',  '-',            '-',          'submitted', '-'],
	['revise',       'unit',      '-',          '-',          '-',            '-',          'draft',     'draft'],
	['start_review', 'appraiser', '-',          '-',          'under_review', '-',          '-',         '-'],
	['checklist',    'appraiser', '-',          '-',          '-',            'under_review', '-',       '-'],
	['return',       'appraiser', '-',          '-',          '-',            'returned',   '-',         '-'],
	['approve',      'appraiser', '-',          '-',          '-',            'approved',   '-',         '-']
];

describe('every (action, status) pair against the hand-written table', () => {
	for (const [action, , ...row] of TABLE)
		STATUSES.forEach((from, i) => {
			const to = row[i]!;
			it(`${action} from ${from}: ${to === '-' ? 'refused' : to}`, () => {
				if (to === '-') expect(() => nextStatus(action, from)).toThrow(TransitionError);
				else expect(nextStatus(action, from)).toBe(to);
			});
		});

	it('the table covers every action the workflow knows', () => {
		const known = new Set(
			STATUSES.flatMap((s) => [...allowedActions(s, 'unit'), ...allowedActions(s, 'appraiser')])
		);
		expect([...known].sort()).toEqual(TABLE.map(([a]) => a).sort());
	});
});

describe('what each role may do in each status', () => {
	const expected = (status: Status, role: Role) =>
		TABLE.filter(([, by, ...row]) => by === role && row[STATUSES.indexOf(status)] !== '-')
			.map(([a]) => a)
			.sort();
	for (const status of STATUSES)
		for (const role of ['unit', 'appraiser', 'admin', 'maintainer'] as Role[])
			it(`${role} in ${status}`, () => {
				expect([...allowedActions(status, role)].sort()).toEqual(expected(status, role));
			});

	it('spot checks written out in full', () => {
		expect(allowedActions('submitted', 'unit')).toEqual([]);
		expect(allowedActions('under_review', 'unit')).toEqual([]);
		expect(allowedActions('draft', 'appraiser')).toEqual([]);
		expect(allowedActions('returned', 'unit').sort()).toEqual(['revise', 'submit']);
		expect(allowedActions('under_review', 'appraiser').sort()).toEqual([
			'approve',
			'checklist',
			'return'
		]);
	});
});

describe('a refused change says what and why, in the words users see', () => {
	// prettier-ignore
	const LABEL: Record<Status, string> = {
		draft: 'Đang soạn', classified: 'Đã xác định cấp độ', submitted: 'Đã nộp hồ sơ',
		under_review: 'Đang thẩm định', returned: 'Bị trả lại', approved: 'Đã phê duyệt'
	};
	for (const status of STATUSES)
		it(`approve from ${status}`, () => {
			const e = new TransitionError('approve', status);
			expect(e.message).toBe(
				`Không thể "approve" khi hồ sơ ở trạng thái "${LABEL[status]}" (${status}).`
			);
			expect([e.action, e.status]).toEqual(['approve', status]);
			if (status === 'under_review') expect(nextStatus('approve', status)).toBe('approved');
			else expect(() => nextStatus('approve', status)).toThrow(e.message);
		});
});
