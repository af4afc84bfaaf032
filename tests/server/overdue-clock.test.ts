// Overdue flags for a fixed clock, computed by hand (not with the workflow's deadline function):
// Friday 20/3/2026 at noon in Hà Nội; Decree 85 level 2 has no appraisal time limit and 07 working
// days to approve (Điều 17 khoản 2), counted from the day after submission (Bộ luật Dân sự Điều 147);
// March 2026 has no public holiday.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { overviewRows, parseFilters } from '../../src/lib/server/overview/query';
import { bundledRuleSets } from '../../src/lib/server/ruleset-files';
import {
	classifySystem,
	createSystem,
	startReview,
	submitSystem
} from '../../src/lib/server/workflow/service';
import { freshDatabase, level2Record, seed, type Seeded } from './fixtures';

const NOW = new Date('2026-03-20T05:00:00Z'); // 12:00 on Friday 20/3/2026 (UTC+7)
// Submission day (Vietnam) → due day (7th working day after) → overdue on 20/3?
const CASES: [
	name: string,
	submitted: string,
	status: 'submitted' | 'under_review',
	overdue: boolean
][] = [
	['Nộp thứ Hai 09/3: hạn thứ Tư 18/3', '2026-03-09T09:00:00+07:00', 'submitted', true],
	['Nộp thứ Ba 10/3: hạn thứ Năm 19/3', '2026-03-10T16:30:00+07:00', 'under_review', true],
	// 23:30 on the 10th in Hà Nội is still the 10th, though it is the 10th at 16:30 UTC.
	['Nộp 23:30 thứ Ba 10/3: hạn thứ Năm 19/3', '2026-03-10T23:30:00+07:00', 'submitted', true],
	[
		'Nộp 00:30 thứ Tư 11/3: hạn thứ Sáu 20/3 (hôm nay)',
		'2026-03-11T00:30:00+07:00',
		'submitted',
		false
	],
	['Nộp thứ Sáu 13/3: hạn thứ Ba 24/3', '2026-03-13T08:00:00+07:00', 'under_review', false]
];

let d: Awaited<ReturnType<typeof freshDatabase>>;
let s: Seeded;
beforeAll(async () => {
	d = await freshDatabase();
	s = await seed(d);
	for (const [name, submitted, status] of CASES) {
		const { id } = await createSystem(s.ctx('unitA'), level2Record(name));
		await classifySystem(s.ctx('unitA'), id);
		await submitSystem(s.ctx('unitA'), id);
		if (status === 'under_review') await startReview(s.ctx('appraiser'), id);
		await d.db
			.updateTable('dossiers')
			.set({ submitted_at: new Date(submitted) })
			.where('system_id', '=', id)
			.execute();
	}
}, 300_000);
afterAll(() => d?.cleanup());

it('flags exactly the dossiers past their hand-computed due day', async () => {
	const { rows } = await overviewRows(
		d.db,
		{
			scope: 'all',
			filters: parseFilters(new URLSearchParams()),
			rulesets: bundledRuleSets().rulesets,
			now: NOW
		},
		true
	);
	const got = Object.fromEntries(
		rows.map((r) => [r.name, [r.status, r.proposed_level, r.overdue]])
	);
	expect(got).toEqual(
		Object.fromEntries(CASES.map(([name, , status, overdue]) => [name, [status, 2, overdue]]))
	);
});
