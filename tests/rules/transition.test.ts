import { describe, expect, it } from 'vitest';
import { transitionStatus, type TransitionInput } from '../../src/lib/rules';
import { bundledRuleSets } from '../../src/lib/server/ruleset-files';

const { rulesets, errors } = bundledRuleSets();
const TT12 = 'vn-nd85@tt12-2022';
const TT03 = 'vn-nd85@tt03-2017';
const ND331 = 'vn-nd331@2026';

it('loads the bundled rule sets', () => expect(errors).toEqual([]));

type Row = [
	string, // pinned
	TransitionInput['stage'],
	string | undefined, // approved on
	string, // today
	{
		regime: string;
		action: string;
		reason: string;
		until?: string;
		overdue: boolean;
		basis: string[];
	}
];

// prettier-ignore
const rows: Row[] = [
	// Approved under Decree 85: the level stays (Luật 116 Điều 45.1); measures by 01/7/2027.
	[TT12, 'in_operation', '2024-03-01', '2026-07-01', { regime: TT12, action: 'update_measures', reason: 'approved_keeps_level', overdue: false, basis: ['luat116-d45-k1', 'luat116-d45-k3'] }],
	[TT12, 'in_operation', '2024-03-01', '2026-08-19', { regime: TT12, action: 'update_measures', reason: 'approved_keeps_level', overdue: false, basis: ['luat116-d45-k1', 'luat116-d45-k3'] }],
	[TT12, 'in_operation', '2024-03-01', '2027-07-01', { regime: TT12, action: 'update_measures', reason: 'approved_keeps_level', overdue: false, basis: ['luat116-d45-k1', 'luat116-d45-k3'] }],
	[TT12, 'in_operation', '2024-03-01', '2027-07-02', { regime: TT12, action: 'update_measures', reason: 'approved_keeps_level', overdue: true, basis: ['luat116-d45-k1', 'luat116-d45-k3'] }],
	[TT12, 'new_project', '2026-10-15', '2027-01-01', { regime: TT12, action: 'update_measures', reason: 'approved_keeps_level', overdue: false, basis: ['luat116-d45-k1', 'nd331-d39-k1-measures'] }],
	// An approval dated after today does not count yet.
	[TT12, 'new_project', '2026-10-15', '2026-08-19', { regime: TT12, action: 'finish_under_old', reason: 'project_finishes_under_old', until: '2027-01-01', overdue: false, basis: ['nd331-d39-k1-nd85', 'nd331-d39-k1-measures'] }],
	// A project under way: finish under Decree 85 until 01/01/2027 (Nghị định 331 Điều 39.1).
	[TT12, 'new_project', undefined, '2026-07-01', { regime: TT12, action: 'finish_under_old', reason: 'project_finishes_under_old', until: '2027-01-01', overdue: false, basis: ['nd331-d39-k1-nd85', 'nd331-d39-k1-measures'] }],
	[TT12, 'new_project', undefined, '2027-01-01', { regime: TT12, action: 'finish_under_old', reason: 'project_finishes_under_old', until: '2027-01-01', overdue: false, basis: ['nd331-d39-k1-nd85', 'nd331-d39-k1-measures'] }],
	[TT12, 'new_project', undefined, '2027-01-02', { regime: ND331, action: 'reclassify_under_new', reason: 'finish_deadline_passed', overdue: true, basis: ['nd331-d39-k1-nd85', 'nd331-d38'] }],
	// In operation, not approved: Decree 85 only while it is in force (to 18/8/2026).
	[TT12, 'in_operation', undefined, '2026-07-01', { regime: TT12, action: 'finish_under_old', reason: 'old_still_in_force', until: '2026-08-18', overdue: false, basis: ['nd331-d38'] }],
	[TT12, 'in_operation', undefined, '2026-08-19', { regime: ND331, action: 'reclassify_under_new', reason: 'not_covered', overdue: false, basis: ['nd331-d38'] }],
	[TT12, undefined, undefined, '2027-01-01', { regime: ND331, action: 'reclassify_under_new', reason: 'not_covered', overdue: false, basis: ['nd331-d38'] }],
	// Circular 03 was replaced by Circular 12 within Decree 85: the old regime is its last version.
	[TT03, 'in_operation', '2020-05-01', '2026-08-19', { regime: TT12, action: 'update_measures', reason: 'approved_keeps_level', overdue: false, basis: ['luat116-d45-k1', 'luat116-d45-k3'] }],
	[TT03, 'new_project', undefined, '2026-07-01', { regime: TT12, action: 'finish_under_old', reason: 'project_finishes_under_old', until: '2027-01-01', overdue: false, basis: ['nd331-d39-k1-nd85', 'nd331-d39-k1-measures'] }],
	// Classified under Decree 331: nothing to do, whatever the date or stage.
	[ND331, 'new_project', undefined, '2026-08-19', { regime: ND331, action: 'none', reason: 'current', overdue: false, basis: [] }],
	[ND331, 'in_operation', '2026-09-01', '2027-07-02', { regime: ND331, action: 'none', reason: 'current', overdue: false, basis: [] }]
];

describe('transitionStatus over the bundled rule sets', () => {
	it.each(rows)('%s, %s, approved %s, on %s', (ruleset, stage, approved_on, date, want) => {
		const s = transitionStatus(rulesets, { ruleset, stage, approved_on, date })!;
		expect({
			regime: s.regime,
			action: s.action,
			reason: s.reason,
			until: s.applies_until,
			overdue: s.overdue,
			basis: s.basis.map((b) => b.id)
		}).toEqual({ ...want, until: want.until });
	});
});

describe('deadlines and citations', () => {
	it('lists the dated provisions covering an approved system in operation, cited', () => {
		const s = transitionStatus(rulesets, {
			ruleset: TT12,
			stage: 'in_operation',
			approved_on: '2024-03-01',
			date: '2027-01-02'
		})!;
		expect(s.successor).toBe(ND331);
		expect(s.deadlines.map((d) => [d.id, d.date, d.passed, d.citation.vi])).toEqual([
			['nd331-d38', '2026-08-19', true, 'Điều 38 Nghị định 331/2026/NĐ-CP'],
			['luat116-d45-k1', '2027-07-01', false, 'Điều 45 khoản 1 Luật 116/2025/QH15'],
			['luat116-d45-k3', '2027-07-01', false, 'Điều 45 khoản 3 Luật 116/2025/QH15']
		]);
		expect(s.deadlines[1]?.citation.en).toBe('Article 45(1) of Law 116/2025/QH15');
		expect(s.deadlines.every((d) => d.summary.vi && d.summary.en && d.text)).toBe(true);
	});

	it('gives a project the finish-under-Decree-85 and measures deadlines (Điều 39.1)', () => {
		const s = transitionStatus(rulesets, {
			ruleset: TT12,
			stage: 'new_project',
			date: '2026-07-01'
		})!;
		expect(s.deadlines.map((d) => [d.id, d.date, d.citation.vi])).toEqual([
			['nd331-d38', '2026-08-19', 'Điều 38 Nghị định 331/2026/NĐ-CP'],
			['nd331-d39-k1-nd85', '2027-01-01', 'Điều 39 khoản 1 Nghị định 331/2026/NĐ-CP'],
			['nd331-d39-k1-measures', '2027-07-01', 'Điều 39 khoản 1 Nghị định 331/2026/NĐ-CP']
		]);
	});

	it('reads every date from the rule-set data', () => {
		const nd331 = rulesets.find((r) => r.ref === ND331)!;
		const moved = {
			...nd331,
			data: {
				...nd331.data,
				transition: nd331.data.transition!.map((t) =>
					t.effect === 'finish_under_old' ? { ...t, deadline: '2027-03-31' } : t
				)
			}
		};
		const lib = rulesets.map((r) => (r.ref === ND331 ? moved : r));
		const s = transitionStatus(lib, { ruleset: TT12, stage: 'new_project', date: '2027-02-01' })!;
		expect([s.action, s.applies_until]).toEqual(['finish_under_old', '2027-03-31']);
	});

	it('counts a period in months from the new regime taking effect, to the corresponding day', () => {
		const nd331 = rulesets.find((r) => r.ref === ND331)!;
		const months = {
			...nd331,
			data: {
				...nd331.data,
				transition: nd331.data.transition!.map((t) =>
					t.effect === 'finish_under_old' ? { ...t, deadline: undefined, months: 6 } : t
				)
			}
		};
		const lib = rulesets.map((r) => (r.ref === ND331 ? months : r));
		const s = transitionStatus(lib, { ruleset: TT12, stage: 'new_project', date: '2026-12-01' })!;
		expect(s.applies_until).toBe('2027-02-19');
	});

	it('returns nothing for a rule set that is not installed', () => {
		expect(transitionStatus(rulesets, { ruleset: 'vn-nd85@none', date: '2026-08-19' })).toBe(
			undefined
		);
	});
});
