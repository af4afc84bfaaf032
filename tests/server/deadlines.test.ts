// Deadlines of Điều 16 khoản 2 and Điều 17 khoản 2 Nghị định 85/2016 from the rule set's procedure.
import { describe, expect, it } from 'vitest';
import { bundledRuleSets } from '../../src/lib/server/ruleset-files';
import { deadlinesFor } from '../../src/lib/server/workflow/deadlines';
import { RULESET } from './fixtures';

const rs = bundledRuleSets().rulesets.find((r) => r.ref === RULESET)!;
const at = (d: string) => new Date(`${d}T09:00:00`);

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
