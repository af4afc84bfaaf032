// The overview's additions against a real database, systems taken through the real workflow:
// the share of approved systems by level and unit, approvals to renew, and the transition
// deadlines with the systems still on Decree 85, each checked against a hand-made table.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SystemRecord } from '../../src/lib/model/inventory';
import { overviewCoverage, parseFilters } from '../../src/lib/server/overview/query';
import { regimeOverview, renewals } from '../../src/lib/server/overview/regime';
import { bundledRuleSets } from '../../src/lib/server/ruleset-files';
import {
	approveSystem,
	classifySystem,
	createSystem,
	reviseSystem,
	startReview,
	submitSystem
} from '../../src/lib/server/workflow/service';
import type { Checklist } from '../../src/lib/server/workflow/checklist';
import { EMPTY_OPINION } from '../../src/lib/server/workflow/opinion';
import { freshDatabase, level2Record, seed, type Seeded } from './fixtures';

const rulesets = bundledRuleSets().rulesets;
const met = { verdict: 'met' as const, comment: '' };
const allMet: Checklist = { a: met, b: met, c: met };
// Fixed dates, not the clock: the countdown below is asked as of 02/12/2026, so approvals dated
// "today" on a later day would fall after it (the test failed on 03/12/2026 for that reason).
const approvedOn = '2026-11-20';
const asOf = '2026-12-02';
let d: Awaited<ReturnType<typeof freshDatabase>>;
let s: Seeded;
const ids: Record<string, string> = {};

/** Level 1 under tt03: internal, public information only. */
const level1 = (name: string): Omit<SystemRecord, 'id'> => {
	const r = level2Record(name);
	return { ...r, facts: { ...r.facts, information: ['public'] } };
};

async function make(
	key: string,
	who: 'unitA' | 'unitB',
	record: Omit<SystemRecord, 'id'>,
	to: 'draft' | 'classified' | 'submitted' | 'approved' | 'revised'
) {
	const { id } = await createSystem(s.ctx(who), record);
	ids[key] = id;
	if (to === 'draft') return;
	await classifySystem(s.ctx(who), id);
	if (to === 'classified') return;
	await submitSystem(s.ctx(who), id);
	if (to === 'submitted') return;
	await startReview(s.ctx('appraiser'), id);
	await approveSystem(s.ctx('appraiser'), id, {
		number: `${key}/QĐ`,
		date: approvedOn,
		checklist: allMet,
		opinion: { ...EMPTY_OPINION, conclusion: 'suitable' }
	});
	if (to === 'revised') await reviseSystem(s.ctx(who), id);
}

beforeAll(async () => {
	d = await freshDatabase();
	s = await seed(d);
	// Unit A (Sở Tài chính P): two level-2 approved (one of them in operation), one level-1
	// approved, one level-2 submitted (a new project), one level-2 draft.
	await make('A1', 'unitA', { ...level2Record('A1'), stage: 'in_operation' }, 'approved');
	await make('A2', 'unitA', level2Record('A2'), 'approved');
	await make('A3', 'unitA', level1('A3'), 'approved');
	await make('A4', 'unitA', { ...level2Record('A4'), stage: 'new_project' }, 'submitted');
	await make('A5', 'unitA', { ...level2Record('A5'), stage: 'in_operation' }, 'classified');
	// Unit B (Sở Y tế P): one level-2 approved then revised (re-determination), one level-1 draft
	// pinned to Decree 331 (not on the old regime).
	await make('B1', 'unitB', level2Record('B1'), 'revised');
	await make('B2', 'unitB', { ...level1('B2'), ruleset: 'vn-nd331@2026', facts: {} }, 'draft');
	// A2's rule set was corrected after its approval and now gives level 1 (simulated: the stored
	// hash is an earlier revision's and the stored level 3); A3's hash changed, its level did not.
	await sql`update classifications set ruleset_hash = ${'1'.repeat(64)}, computed_level = 3
		where system_id = ${ids.A2!}::uuid`.execute(d.db);
	await sql`update classifications set ruleset_hash = ${'2'.repeat(64)}
		where system_id = ${ids.A3!}::uuid`.execute(d.db);
}, 120_000);
afterAll(() => d?.cleanup());

const P = () => ({ body_id: s.bodies.P });

describe('coverage: the share of systems with an approved level', () => {
	it('by level and by unit, lowest share first', async () => {
		const c = await overviewCoverage(d.db, {
			scope: P(),
			filters: parseFilters(new URLSearchParams()),
			rulesets
		});
		// Effective level: approved, else proposed, else 0. Level 2: A1, A2 (approved), A4, A5, B1
		// (approved before revision); level 1: A3 (approved); 0: B2 (never classified).
		expect(c.byLevel).toEqual([
			{ systems: 1, approved: 0 },
			{ systems: 1, approved: 1 },
			{ systems: 5, approved: 3 },
			{ systems: 0, approved: 0 },
			{ systems: 0, approved: 0 },
			{ systems: 0, approved: 0 }
		]);
		expect(c.byUnit.map((u) => [u.unit_name, u.systems, u.approved])).toEqual([
			['Sở Y tế P', 2, 1],
			['Sở Tài chính P', 5, 3]
		]);
		const q = await overviewCoverage(d.db, {
			scope: { body_id: s.bodies.Q },
			filters: parseFilters(new URLSearchParams()),
			rulesets
		});
		expect(q.byUnit).toEqual([]);
	});
});

describe('approvals to renew', () => {
	it('re-determination under way, and a correction that changes the level — not one that does not', async () => {
		const r = await renewals(d.db, P(), rulesets, asOf);
		expect(r.map((x) => [x.name, x.reason, x.new_level ?? null, x.status])).toEqual([
			['A2', 'ruleset_changed', 2, 'approved'],
			['B1', 'redetermination', null, 'draft']
		]);
		expect(r[1]).toMatchObject({ approval_number: 'B1/QĐ', approved_level: 2 });
		expect(await renewals(d.db, { body_id: s.bodies.Q }, rulesets, asOf)).toEqual([]);
	});
});

describe('the transition to Decree 331, counted down', () => {
	it('on 02/12/2026: 30 and 211 days left, and who must do what', async () => {
		const r = (await regimeOverview(d.db, P(), rulesets, asOf))!;
		expect(r.current).toBe('vn-nd331@2026');
		expect(r.currentName.vi).toMatch(/Nghị định 331\/2026\/NĐ-CP/);
		expect(r.deadlines.map((x) => [x.date, x.days_left, x.systems])).toEqual([
			// Điều 39 khoản 1: A4 (a project not approved) finishes under Decree 85.
			['2027-01-01', 30, 1],
			// Measures by 01/7/2027: the approved A1–A3 and B1 (Luật 116 Điều 45 khoản 1), the project
			// A4 (Điều 39 khoản 1) and A5, in operation (Luật 116 Điều 45 khoản 3).
			['2027-07-01', 211, 6]
		]);
		expect(r.deadlines[0]!.provisions.map((p) => p.citation.vi)).toEqual([
			'Điều 39 khoản 1 Nghị định 331/2026/NĐ-CP'
		]);
		const groups = Object.fromEntries(
			r.groups.map((g) => [g.action, g.systems.map((x) => x.name)])
		);
		expect(groups).toEqual({
			// In operation or of unknown stage, not approved: no provision keeps Decree 85.
			reclassify_under_new: ['A5'],
			finish_under_old: ['A4'],
			// Approved under Decree 85: the level stays, the measures must follow by 01/7/2027.
			update_measures: ['A1', 'A2', 'A3', 'B1']
		});
		expect(r.total).toBe(6);
	});

	it('on 02/01/2027 the first deadline has passed: the project must be determined again', async () => {
		const r = (await regimeOverview(d.db, P(), rulesets, '2027-01-02'))!;
		expect(r.deadlines[0]!.days_left).toBe(-1);
		const reclassify = r.groups.find((g) => g.action === 'reclassify_under_new')!;
		expect(reclassify.systems.map((x) => [x.name, x.overdue])).toEqual([
			['A4', true],
			['A5', false]
		]);
	});
});
