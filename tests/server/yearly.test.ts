// The Decree 331 yearly report (Mẫu 08) against a real database: counts read back from history at
// the close of the data window and checked against a hand-computed table, the unit's draft →
// submit flow with its validation, the body's roll-up, and who may see what.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyChanges, pathText, type FieldChange } from '../../src/lib/server/audit/changes';
import { readAudit } from '../../src/lib/server/audit/log';
import { auditLines } from '../../src/lib/server/audit/view';
import { verifyAudit } from '../../src/lib/server/audit/verify';
import { reportingConfig } from '../../src/lib/server/reports/config';
import {
	asOfFor,
	saveYearlyDraft,
	snapshotAt,
	submittedReport,
	submitYearly,
	yearlyRollup,
	yearlyView
} from '../../src/lib/server/reports/yearly';
import { findPeriod } from '../../src/lib/server/reports/service';
import { yearlyCsv, yearlyXlsx } from '../../src/lib/server/reports/yearly-export';
import { counts, sysField } from '../../src/lib/reporting/mau08/model';
import { freshDatabase, seed, type Seeded } from './fixtures';
import { CLOSE, seedHistory, type History } from './yearly-fixture';

const config = reportingConfig('gia-lai');
const UNIT = 'nd331-yearly-unit';
const OWNER = 'nd331-yearly-owner';
let d: Awaited<ReturnType<typeof freshDatabase>>;
let s: Seeded;
let h: History;

beforeAll(async () => {
	d = await freshDatabase();
	s = await seed(d);
	h = await seedHistory(d.db, s);
}, 60_000);
afterAll(() => d?.cleanup());

const period = findPeriod(config, UNIT, '2026')!.period;
const close = new Date(CLOSE);

// What each system was at the close of 14/12/2026, worked out by hand from the stories in
// yearly-fixture.ts: [key, classified, dossier, appraised, approved, state, proposed level].
const AT_CLOSE: [string, boolean, boolean, boolean, boolean, string, number | null][] = [
	['A1', true, true, true, true, 'approved', 2],
	['A2', true, true, true, true, 'approved', 3], // approved 23:59 on 14/12
	['A3', true, true, false, false, 'submitted', 2], // approved 00:00 on 15/12: next window
	['A4', false, false, false, false, 'drafting', null],
	['B1', true, true, false, false, 'drafting', 3], // returned
	['B2', true, true, false, false, 'submitted', 1], // under review
	['B3', true, false, false, false, 'drafting', 2], // level 4 only from 20/12
	['B4', true, true, true, true, 'submitted', 3], // approved at 2; revision 2 under review
	['B5', false, false, false, false, 'drafting', null], // classified 15/12
	['D1', true, true, true, true, 'approved', 1]
];
// Per unit: in scope, classified, dossier, appraised, approved.
const COUNTS = {
	A: [4, 3, 3, 2, 2],
	B: [5, 4, 3, 1, 1],
	C: [0, 0, 0, 0, 0],
	D: [1, 1, 1, 1, 1],
	P: [10, 8, 7, 4, 4]
};
const five = (c: ReturnType<typeof counts>) => [
	c.in_scope,
	c.classified,
	c.dossier,
	c.appraised,
	c.approved
];

describe('the data window', () => {
	it('runs 15/12/2025 – 14/12/2026 and closes at midnight Vietnam time', () => {
		expect([period.start, period.end]).toEqual(['2025-12-15', '2026-12-14']);
		expect(asOfFor(period, new Date('2027-01-05T00:00:00Z')).toISOString()).toBe(CLOSE);
		// A report made before the close reads the records as of that moment.
		const early = new Date('2026-12-10T03:00:00Z');
		expect(asOfFor(period, early)).toEqual(early);
	});
});

describe('Mẫu 08 counts from history, against the hand-computed table', () => {
	it('each system is what its records said at the close, not what it is today', async () => {
		const snap = await snapshotAt(d.db, { body_id: s.bodies.P }, period, close);
		const byId = new Map(snap.systems.map((x) => [x.id, x]));
		expect(snap.systems.length).toBe(AT_CLOSE.length);
		for (const [key, classified, dossier, appraised, approved, state, level] of AT_CLOSE) {
			const x = byId.get(h.systems[key]!);
			expect(x, key).toBeDefined();
			expect(
				[x!.classified, x!.dossier, x!.appraised, !!x!.approval, x!.state, x!.proposed_level],
				key
			).toEqual([classified, dossier, appraised, approved, state, level]);
		}
		// Created after the close, and another body's system: not in the report.
		expect(byId.has(h.systems.A5!)).toBe(false);
		expect(byId.has(h.systems.Q1!)).toBe(false);
		// B4 keeps its 2025 approval (level 2) while revision 2 (level 3) is under review.
		expect(byId.get(h.systems.B4!)!.approval).toEqual({
			number: '88/QĐ-SYT',
			date: '2025-07-01',
			level: 2,
			by: 'UBND tỉnh P'
		});
		// D1's record was renamed after the close: the report names it as it was submitted.
		expect(byId.get(h.systems.D1!)!.name).toBe('Cổng dịch vụ công Sở Nội vụ');
		// Today A3 is approved and B3 is at level 4: history, not the current status, counts.
		const today = await d.db
			.selectFrom('systems')
			.select(['id', 'status'])
			.where('id', 'in', [h.systems.A3!, h.systems.D1!])
			.execute();
		expect(Object.fromEntries(today.map((t) => [t.id, t.status]))).toEqual({
			[h.systems.A3!]: 'approved',
			[h.systems.D1!]: 'draft'
		});
	});

	it.each(['A', 'B', 'C', 'D'] as const)('unit %s', async (u) => {
		const snap = await snapshotAt(d.db, { unit_id: h.units[u] }, period, close);
		expect(five(counts(snap))).toEqual(COUNTS[u]);
	});

	it('the body: all its units, no other body’s', async () => {
		const snap = await snapshotAt(d.db, { body_id: s.bodies.P }, period, close);
		expect(five(counts(snap))).toEqual(COUNTS.P);
		const q = await snapshotAt(d.db, { body_id: s.bodies.Q }, period, close);
		expect(five(counts(q))).toEqual([1, 1, 1, 1, 1]);
	});

	it('one millisecond earlier or a year earlier gives the counts of that instant', async () => {
		const before = await snapshotAt(
			d.db,
			{ body_id: s.bodies.P },
			period,
			new Date(close.getTime() - 60_001)
		);
		// A2's approval at 16:59:00Z is now in the future.
		expect(five(counts(before))).toEqual([10, 8, 7, 3, 3]);
		// The 2025 window closed at 17:00Z on 14/12/2025: only A1 and B4 existed, both approved.
		const y2025 = await snapshotAt(
			d.db,
			{ body_id: s.bodies.P },
			{ start: '2024-12-15', end: '2025-12-14' },
			new Date('2025-12-14T17:00:00Z')
		);
		expect(five(counts(y2025))).toEqual([2, 2, 2, 2, 2]);
	});

	it('prefills the plan columns from the record’s security plan', async () => {
		const v = await yearlyView(d.db, s.users.unitA, config, UNIT, '2026', new Date(CLOSE));
		expect(v.values.systems[h.systems.A1!]).toMatchObject({ plan: 'full', plan_date: '' });
		expect(v.values.systems[h.systems.A2!]).toMatchObject({
			plan: 'partial',
			plan_date: '03/2027'
		});
		expect(v.values.systems[h.systems.A4!]).toMatchObject({ plan: '' });
		expect(v.values.owner.name).toBe('UBND tỉnh P');
	});
});

/** A complete unit report for unit A as its form would post it. */
function formA(extra: Record<string, string> = {}) {
	return {
		recipient: 'UBND tỉnh P',
		place: 'Gia Lai',
		expected_completion: '06/2027',
		'owner.name': 'UBND tỉnh P',
		'owner.representative': 'Nguyễn Văn A, Chủ tịch',
		'owner.address': '02 Trần Phú, Pleiku',
		'owner.phone': '0269 3822 111',
		'owner.email': 'ubnd@p.gov.vn',
		'specialized.name': 'Sở Khoa học và Công nghệ P',
		'specialized.mandate': 'Quyết định 10/2025/QĐ-UBND',
		'specialized.representative': 'Trần Thị B, Giám đốc',
		'specialized.address': '15 Lê Lợi, Pleiku',
		'specialized.phone': '0269 3822 222',
		'specialized.email': 'skhcn@p.gov.vn',
		signer_title: 'Giám đốc',
		signer_name: 'Lê Văn C',
		[sysField(h.systems.A1!, 'plan')]: 'full',
		[sysField(h.systems.A1!, 'check_periodic')]: 'on',
		[sysField(h.systems.A1!, 'regulation')]: 'Quyết định 20/QĐ-STC ngày 02/01/2026',
		[sysField(h.systems.A2!, 'plan')]: 'partial',
		[sysField(h.systems.A2!, 'plan_date')]: '03/2027',
		[sysField(h.systems.A3!, 'expected_approval')]: '01/2027',
		[sysField(h.systems.A4!, 'expected_approval')]: '15/06/2027',
		...extra
	};
}

describe('a unit fills, saves and submits', () => {
	const after = new Date('2026-12-16T03:00:00Z');

	it('a draft with gaps is saved as typed, with each gap named', async () => {
		const raw = formA({
			'owner.email': 'không có',
			[sysField(h.systems.A3!, 'expected_approval')]: '',
			[sysField(h.systems.A2!, 'plan_date')]: '13/2027'
		});
		const r = await saveYearlyDraft(d.db, s.users.unitA, config, UNIT, '2026', raw, 0, after);
		expect(r.version).toBe(1);
		expect(r.errors.map((e) => e.field).sort()).toEqual(
			[
				'owner.email',
				sysField(h.systems.A3!, 'expected_approval'),
				sysField(h.systems.A2!, 'plan_date')
			].sort()
		);
		expect(r.errors.find((e) => e.field === 'owner.email')!.message.vi).toMatch(/không hợp lệ/);
		const v = await yearlyView(d.db, s.users.unitA, config, UNIT, '2026', after);
		expect(v.values.owner.email).toBe('không có');
		expect(v.draft?.version).toBe(1);
		// Submitting refuses while errors remain, and stores nothing.
		const sub = await submitYearly(d.db, s.users.unitA, config, UNIT, '2026', after);
		expect(sub.ok).toBe(false);
	});

	it('a stale version is refused, nothing lost', async () => {
		await expect(
			saveYearlyDraft(d.db, s.users.unitA, config, UNIT, '2026', formA(), 0, after)
		).rejects.toMatchObject({ status: 409 });
	});

	it('the completed report is submitted on time with the records frozen at the close', async () => {
		const r = await saveYearlyDraft(d.db, s.users.unitA, config, UNIT, '2026', formA(), 1, after);
		expect(r.errors).toEqual([]);
		const sub = await submitYearly(d.db, s.users.unitA, config, UNIT, '2026', after);
		expect(sub).toMatchObject({ ok: true, late: false });
		const v = await yearlyView(d.db, s.users.unitA, config, UNIT, '2026', after);
		expect(v.last!.snapshot.as_of).toBe(CLOSE);
		expect(v.provisional).toBe(false);
		const c = counts(v.last!.snapshot, v.last!.values);
		expect([...five(c), c.checked_periodic]).toEqual([...COUNTS.A, 1]);
	});

	it('submission and drafts are audited under the unit; the chain holds', async () => {
		const entries = await readAudit(d.db, { unitIds: [h.units.A] });
		const drafts = entries.filter((e) => e.action === 'report.draft').reverse();
		expect(drafts.length).toBe(2);
		// Each save logs what changed, not the form (issue 16 item 2): the first the whole first
		// draft, the second only the three gaps filled in; the two rebuild the draft as sent.
		const changes = drafts.map((e) => (e.after as { changes: FieldChange[] }).changes);
		expect(drafts.every((e) => e.before === null && !('values' in (e.after as object)))).toBe(true);
		expect(changes[1]!.map((c) => pathText(c.path)).sort()).toEqual(
			[
				'owner.email',
				`systems.${h.systems.A2}.plan_date`,
				`systems.${h.systems.A3}.expected_approval`
			].sort()
		);
		const sent = await yearlyView(d.db, s.users.unitA, config, UNIT, '2026', after);
		expect(changes.reduce((v, c) => applyChanges(v, c), {})).toEqual(sent.last!.values);
		// A draft is the unit's own work: the administrator's audit page names who saved it and when,
		// as one line for the editing run, never its content; the body's appraiser does not list it.
		const lines = (await auditLines(d.db, s.users.admin)).lines.filter(
			(l) => l[0]!.action === 'report.draft' && l[0]!.unit_id === h.units.A
		);
		expect(lines.map((l) => l.map((e) => [e.withheld, e.after]))).toEqual([
			[
				[true, null],
				[true, null]
			]
		]);
		const appraiserSees = (await auditLines(d.db, s.users.appraiser)).lines.flat();
		expect(appraiserSees.some((e) => e.action === 'report.draft')).toBe(false);
		const submit = entries.find((e) => e.action === 'report.submit')!;
		expect((submit.after as { counts: { in_scope: number } }).counts.in_scope).toBe(4);
		expect((await verifyAudit(d.db)).ok).toBe(true);
	});

	it('the due date is 21/12/2026 (19/12 is a Saturday): 22/12 is late', async () => {
		expect(period.due).toBe('2026-12-21');
		const formB = {
			...formA(),
			[sysField(h.systems.B4!, 'plan')]: 'none',
			[sysField(h.systems.B4!, 'plan_date')]: '12/2027',
			[sysField(h.systems.B4!, 'check_periodic')]: 'on',
			[sysField(h.systems.B1!, 'expected_approval')]: '03/2027',
			[sysField(h.systems.B2!, 'expected_approval')]: '03/2027',
			[sysField(h.systems.B3!, 'expected_approval')]: '03/2027',
			[sysField(h.systems.B5!, 'expected_approval')]: '03/2027'
		};
		const late = new Date('2026-12-21T17:00:00Z'); // 00:00 on 22/12 in Vietnam
		await saveYearlyDraft(d.db, s.users.unitB, config, UNIT, '2026', formB, 0, late);
		expect(await submitYearly(d.db, s.users.unitB, config, UNIT, '2026', late)).toMatchObject({
			ok: true,
			late: true
		});
	});
});

describe('the body’s roll-up', () => {
	it('who reported, on time or late, who is overdue, and the totals of what was reported', async () => {
		// Unit D reports early (before the close): its counts are as of that moment.
		const early = new Date('2026-12-10T03:00:00Z');
		const unitD = { ...s.users.unitA, id: s.users.unitA.id, unit_id: h.units.D };
		await saveYearlyDraft(
			d.db,
			unitD,
			config,
			UNIT,
			'2026',
			{ ...formA(), [sysField(h.systems.D1!, 'plan')]: 'full' },
			0,
			early
		);
		expect(await submitYearly(d.db, unitD, config, UNIT, '2026', early)).toMatchObject({
			ok: true,
			late: false
		});

		const r = (await yearlyRollup(
			d.db,
			{ body_id: s.bodies.P },
			config,
			UNIT,
			'2026',
			new Date('2026-12-23T03:00:00Z')
		))!;
		expect(Object.fromEntries(r.rows.map((x) => [x.unit_name, x.status]))).toEqual({
			'Sở Nội vụ P': 'submitted',
			'Sở Tài chính P': 'submitted',
			'Sở Y tế P': 'submitted_late',
			'UBND xã Ia Kha P': 'overdue'
		});
		expect(r.tally).toEqual({
			submitted: 2,
			submitted_late: 1,
			overdue: 1,
			open: 0,
			upcoming: 0
		});
		expect(r.rows.find((x) => x.unit_name === 'Sở Nội vụ P')!.as_of).toBe(early.toISOString());
		// A (4,3,3,2,2; periodic 1) + B (5,4,3,1,1; periodic 1) + D (1,1,1,1,1; periodic 0).
		expect(r.totals).toEqual({
			in_scope: 10,
			classified: 8,
			dossier: 7,
			appraised: 4,
			approved: 4,
			checked_periodic: 2
		});
		// The export: CSV and XLSX hold the same rows, one per unit in the roll-up's order, and
		// the totals row.
		const csv = parse(Buffer.from(yearlyCsv(r, 'vi')), { bom: true }) as string[][];
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(Buffer.from(await yearlyXlsx(r, 'vi')) as never);
		const ws = wb.worksheets[0]!;
		expect(ws.name).toBe('2026');
		// Every cell of the sheet, blank as '' (exceljs leaves trailing blanks out of a row).
		const sheet = Array.from({ length: ws.rowCount }, (_, r) =>
			Array.from({ length: csv[0]!.length }, (_, c) => {
				const v = ws.getRow(r + 1).getCell(c + 1).value;
				return v == null ? '' : String(v);
			})
		);
		expect(sheet).toEqual(csv);
		// A unit named like a formula stays text in the CSV (issue 16 item 5).
		const named = {
			...r,
			rows: [{ ...r.rows[0]!, unit_name: '=HYPERLINK("http://x.example","A")' }]
		};
		const cells = parse(Buffer.from(yearlyCsv(named, 'vi')), { bom: true }) as string[][];
		expect(cells[1]![0]).toBe(`'=HYPERLINK("http://x.example","A")`);
		expect(csv[0]!.slice(0, 2)).toEqual(['Đơn vị', 'Tình trạng']);
		expect(csv.slice(1, -1).map((row) => row.slice(0, 2))).toEqual([
			['Sở Nội vụ P', 'Đã gửi đúng hạn'],
			['Sở Tài chính P', 'Đã gửi đúng hạn'],
			['Sở Y tế P', 'Gửi muộn'],
			['UBND xã Ia Kha P', 'Quá hạn, chưa gửi']
		]);
		expect(csv.find((row) => row[0] === 'Sở Tài chính P')!.slice(4)).toEqual([
			'4',
			'3',
			'3',
			'2',
			'2',
			'1'
		]);
		expect(csv.find((row) => row[0] === 'UBND xã Ia Kha P')!.slice(4)).toEqual([
			'',
			'',
			'',
			'',
			'',
			''
		]);
		expect(csv.at(-1)!.slice(4)).toEqual(['10', '8', '7', '4', '4', '2']);
		// Before the due date the missing unit is still "open", not overdue.
		const open = (await yearlyRollup(
			d.db,
			{ body_id: s.bodies.P },
			config,
			UNIT,
			'2026',
			new Date('2026-12-18T03:00:00Z')
		))!;
		expect(open.rows.find((x) => x.unit_name === 'UBND xã Ia Kha P')!.status).toBe('open');
		// Another body's roll-up holds none of these.
		const q = (await yearlyRollup(d.db, { body_id: s.bodies.Q }, config, UNIT, '2026'))!;
		expect(q.rows.map((x) => [x.unit_name, x.counts])).toEqual([['Sở Tài chính Q', null]]);
	});

	it('the body’s own report covers all its units, taking their per-system answers', async () => {
		const now = new Date('2026-12-23T03:00:00Z');
		const v = await yearlyView(d.db, s.users.appraiser, config, OWNER, '2026', now);
		expect(v.period.due).toBe('2026-12-24');
		expect(v.filer).toMatchObject({ kind: 'body', name: 'UBND tỉnh P' });
		expect(five(counts(v.snapshot))).toEqual(COUNTS.P);
		expect(v.values.recipient).toBe('Bộ Công an');
		expect(v.values.systems[h.systems.B4!]).toMatchObject({ plan: 'none', check_periodic: true });
		expect(counts(v.snapshot, v.values).checked_periodic).toBe(2);
		expect(v.from_units.length).toBe(3);
		const header = Object.fromEntries(
			Object.entries(formA()).filter(([k]) => !k.startsWith('sys.'))
		);
		const saved = await saveYearlyDraft(
			d.db,
			s.users.appraiser,
			config,
			OWNER,
			'2026',
			{ ...header, recipient: 'Bộ Công an', [sysField(h.systems.B4!, 'plan')]: 'full' },
			0,
			now
		);
		expect(saved.errors).toEqual([]);
		const sub = await submitYearly(d.db, s.users.appraiser, config, OWNER, '2026', now);
		expect(sub).toMatchObject({ ok: true, late: false });
		const again = await yearlyView(d.db, s.users.appraiser, config, OWNER, '2026', now);
		// The body does not overwrite a unit's per-system answers.
		expect(again.last!.values.systems[h.systems.B4!]!.plan).toBe('none');
	});
});

describe('who sees what', () => {
	it('a unit cannot open the body’s report; an appraiser cannot file a unit’s', async () => {
		await expect(
			yearlyView(d.db, s.users.unitA, config, OWNER, '2026', new Date(CLOSE))
		).rejects.toMatchObject({ status: 404 });
		await expect(
			yearlyView(d.db, s.users.appraiser, config, UNIT, '2026', new Date(CLOSE))
		).rejects.toMatchObject({ status: 404 });
		await expect(
			yearlyView(d.db, s.users.unitA, config, 'malware-quarterly', '2026-Q4', new Date(CLOSE))
		).rejects.toMatchObject({ status: 404 });
	});

	it('a submitted report is visible to its unit and its body, no one else', async () => {
		const r = (await yearlyRollup(d.db, { body_id: s.bodies.P }, config, UNIT, '2026'))!;
		const id = r.rows.find((x) => x.unit_name === 'Sở Tài chính P')!.submission_id!;
		expect(await submittedReport(d.db, s.users.unitA, id)).toBeDefined();
		expect(await submittedReport(d.db, s.users.appraiser, id)).toBeDefined();
		expect(await submittedReport(d.db, s.users.admin, id)).toBeDefined();
		expect(await submittedReport(d.db, s.users.unitB, id)).toBeUndefined();
		expect(await submittedReport(d.db, s.users.otherAppraiser, id)).toBeUndefined();
		expect(await submittedReport(d.db, s.users.maintainer, id)).toBeUndefined();
	});
});
