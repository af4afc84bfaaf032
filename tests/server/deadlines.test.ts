// Deadlines of Điều 16 khoản 2 and Điều 17 khoản 2 Nghị định 85/2016 from the rule set's procedure.
import { describe, expect, it } from 'vitest';
import { bundledRuleSets } from '../../src/lib/server/ruleset-files';
import { deadlinesFor as allDeadlines } from '../../src/lib/server/workflow/deadlines';
import { RULESET } from './fixtures';

const rs = bundledRuleSets().rulesets.find((r) => r.ref === RULESET)!;
const at = (d: string) => new Date(`${d}T09:00:00`);
/** The appraisal and approval deadlines (the validity check comes first, tested on its own). */
const deadlinesFor = (...a: Parameters<typeof allDeadlines>) =>
	allDeadlines(...a).filter((d) => d.kind !== 'completeness');

describe('deadlinesFor', () => {
	it('level 3: 15 calendar days to appraise, then 7 working days (weekends skipped) to approve', () => {
		const d = deadlinesFor(rs, 3, at('2026-11-26'), at('2026-12-01'), false);
		expect(d.map((x) => [x.kind, x.due, x.working_days, x.overdue])).toEqual([
			['appraisal', '2026-12-11', false, false],
			['approval', '2026-12-22', true, false]
		]);
		expect(d[0]!.citation).toMatch(/Điều 16 khoản 2/);
	});

	it('level 2 has only the approval deadline, counted in working days from submission', () => {
		const d = deadlinesFor(rs, 2, at('2026-11-26'), at('2026-11-26'), false);
		expect(d.map((x) => [x.kind, x.due])).toEqual([['approval', '2026-12-07']]);
	});

	it('is overdue the day after it falls due, and never once decided', () => {
		expect(deadlinesFor(rs, 3, at('2026-11-26'), at('2026-12-11'), false)[0]!.overdue).toBe(false);
		expect(deadlinesFor(rs, 3, at('2026-11-26'), at('2026-12-12'), false)[0]!.overdue).toBe(true);
		expect(
			deadlinesFor(rs, 3, at('2026-11-26'), at('2027-01-30'), true).some((x) => x.overdue)
		).toBe(false);
	});
});

describe('deadlinesFor on the holiday calendar', () => {
	const nd331 = bundledRuleSets().rulesets.find((r) => r.ref === 'vn-nd331@2026')!;
	it('counts Vietnam days and skips Tết: level 3 under Decree 331, 15 working days', () => {
		const d = deadlinesFor(
			nd331,
			3,
			new Date('2026-02-11T10:00:00+07:00'),
			at('2026-02-12'),
			false
		);
		// 12, 13 Feb; Tết 14–22 Feb skipped; 23 Feb … 6 Mar (10 days); 9–11 Mar → 11/3/2026.
		expect(d[0]).toMatchObject({ kind: 'appraisal', due: '2026-03-11', provisional: false });
		// Weekends only would give 4/3/2026.
		expect(d[1]).toMatchObject({ kind: 'approval', due: '2026-03-20' });
	});

	it('takes the submission day in Vietnam (UTC+7), not the server clock', () => {
		// 18:30 UTC on 28/4 is 01:30 on 29/4 in Hà Nội: 7 working days after 29/4 skip 30/4, 1/5
		// (holidays) and 2–3/5 → 4, 5, 6, 7, 8, 11, 12/5.
		const late = deadlinesFor(nd331, 2, new Date('2026-04-28T18:30:00Z'), at('2026-04-29'), false);
		expect(late[0]).toMatchObject({ kind: 'approval', due: '2026-05-12' });
		// Submitted during 28/4 in Hà Nội: 29/4, then 4 … 11/5.
		const early = new Date('2026-04-28T09:00:00+07:00');
		expect(deadlinesFor(nd331, 2, early, at('2026-04-29'), false)[0]!.due).toBe('2026-05-11');
	});

	it('moves a calendar-day period that ends on a holiday to the next working day (BLDS Điều 148 k5)', () => {
		// Decree 85 level 3: 15 calendar days from 15/4/2025 end on 30/4/2025 (holiday): 30/4, 1/5, 2/5
		// (swapped), 3–4/5 weekend → 5/5/2025.
		const d = deadlinesFor(rs, 3, new Date('2025-04-15T09:00:00+07:00'), at('2025-04-16'), false);
		expect(d[0]).toMatchObject({ kind: 'appraisal', due: '2025-05-05', working_days: false });
	});

	it('says when a year has no announced holidays', () => {
		const d = deadlinesFor(
			nd331,
			4,
			new Date('2027-01-25T09:00:00+07:00'),
			at('2027-01-25'),
			false
		);
		expect(d[0]!.provisional).toBe(true);
		expect(d[0]!.provisional_reasons[0]!.vi).toContain('Chưa có thông báo nghỉ lễ, tết năm 2027');
	});
});

describe('the validity check', () => {
	it('comes first: 05 working days from receipt (Thông tư 03/2017 Điều 14 khoản 3), never overdue here', () => {
		const d = allDeadlines(rs, 3, new Date('2026-04-28T09:00:00+07:00'), at('2026-06-01'), false);
		expect(d.map((x) => x.kind)).toEqual(['completeness', 'appraisal', 'approval']);
		// 29/4, then 30/4–3/5 off: 4, 5, 6, 7/5.
		expect(d[0]).toMatchObject({ due: '2026-05-07', days: 5, working_days: true, overdue: false });
		expect(d[0]!.citation).toBe('Điều 14 khoản 3 Thông tư 03/2017/TT-BTTTT');
	});

	it('is Điều 23 khoản 2 under Decree 331, and absent under Circular 12 (which has no such rule)', () => {
		const nd331 = bundledRuleSets().rulesets.find((r) => r.ref === 'vn-nd331@2026')!;
		const tt12 = bundledRuleSets().rulesets.find((r) => r.ref === 'vn-nd85@tt12-2022')!;
		const submitted = new Date('2026-11-02T09:00:00+07:00');
		expect(allDeadlines(nd331, 1, submitted, submitted, false)[0]!.citation).toBe(
			'Điều 23 khoản 2 Nghị định 331/2026/NĐ-CP'
		);
		expect(allDeadlines(tt12, 3, submitted, submitted, false).map((x) => x.kind)).toEqual([
			'appraisal',
			'approval'
		]);
	});
});
