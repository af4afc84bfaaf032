// Due dates from the real Gia Lai reporting YAML: quarter and year boundaries, weekends.
// Expected weekdays were checked against an independent calendar (Python's datetime).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calendar, periodStatus, periodsOf } from '../../src/lib/reporting/calendar';
import { loadReporting, withIncludes } from '../../src/lib/reporting/load';
import { workingDays } from '../../src/lib/server/reports/config';
import type { ReportingConfig } from '../../src/lib/reporting/types';

const PATH = 'reporting/gia-lai.yaml';
const loaded = loadReporting(PATH, readFileSync(PATH, 'utf8'));
if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
const config = loaded.config;
const spec = (id: string) => config.reports.find((r) => r.id === id)!;
const due = (c: ReportingConfig, id: string, year: number) =>
	Object.fromEntries(periodsOf(c, spec(id), year, workingDays).map((p) => [p.id, p.due]));

describe('quarterly malware report: before the 15th of the quarter’s last month', () => {
	it.each([
		// [period, nominal last day (weekday), due after the next-working-day rule]
		['2026-Q1', '2026-03-14 (Sat)', '2026-03-16'],
		['2026-Q2', '2026-06-14 (Sun)', '2026-06-15'],
		['2026-Q3', '2026-09-14 (Mon)', '2026-09-14'],
		['2026-Q4', '2026-12-14 (Mon)', '2026-12-14']
	])('%s: last day %s → due %s', (period, _nominal, expected) => {
		expect(due(config, 'malware-quarterly', 2026)[period]).toBe(expected);
	});

	it('crosses the year boundary: 2025-Q4 (Sun 14/12) → Mon 15/12, 2027-Q1 (Sun 14/3) → Mon 15/3', () => {
		expect(due(config, 'malware-quarterly', 2025)['2025-Q4']).toBe('2025-12-15');
		expect(due(config, 'malware-quarterly', 2027)['2027-Q1']).toBe('2027-03-15');
	});

	it('periods tile the year', () => {
		const ps = periodsOf(config, spec('malware-quarterly'), 2026, workingDays);
		expect(ps.map((p) => [p.start, p.end])).toEqual([
			['2026-01-01', '2026-03-31'],
			['2026-04-01', '2026-06-30'],
			['2026-07-01', '2026-09-30'],
			['2026-10-01', '2026-12-31']
		]);
		expect(ps[3]!.nominal).toEqual({ day: 15, month: 12, year: 2026, before: true });
	});
});

describe('six-monthly monitoring report: before 30/5 and 30/11', () => {
	it.each([
		[2025, '2025-05-29', '2025-12-01'], // Thu 29/5; Sat 29/11 → Mon 1/12
		[2026, '2026-05-29', '2026-11-30'], // Fri 29/5; Sun 29/11 → Mon 30/11
		[2027, '2027-05-31', '2027-11-29'], // Sat 29/5 → Mon 31/5; Mon 29/11
		[2028, '2028-05-29', '2028-11-29'] // Mon 29/5; Wed 29/11
	])('%i: H1 %s, H2 %s', (year, h1, h2) => {
		expect(due(config, 'monitoring-semiannual', year)).toEqual({
			[`${year}-H1`]: h1,
			[`${year}-H2`]: h2
		});
	});
});

describe('weekend rule is data', () => {
	it.each([
		['none', '2026-03-14'],
		['previous_working_day', '2026-03-13'],
		['next_working_day', '2026-03-16']
	] as const)('%s → %s', (rule, expected) => {
		expect(due({ ...config, on_weekend: rule }, 'malware-quarterly', 2026)['2026-Q1']).toBe(
			expected
		);
	});
});

describe('calendar and status', () => {
	it('lists what falls due in a window, in date order, across the year end', () => {
		expect(
			calendar(config, '2026-11-01', '2027-03-31', workingDays).map(
				(p) => `${p.report} ${p.id} ${p.due}`
			)
		).toEqual([
			'monitoring-semiannual 2026-H2 2026-11-30',
			'malware-quarterly 2026-Q4 2026-12-14',
			'malware-quarterly 2027-Q1 2027-03-15'
		]);
	});

	it('status: on time, late, overdue, open, upcoming', () => {
		const q4 = periodsOf(config, spec('malware-quarterly'), 2026, workingDays)[3]!;
		expect(periodStatus(q4, '2026-12-20', '2026-12-14')).toBe('submitted');
		expect(periodStatus(q4, '2026-12-20', '2026-12-15')).toBe('submitted_late');
		expect(periodStatus(q4, '2026-12-15')).toBe('overdue');
		expect(periodStatus(q4, '2026-12-14')).toBe('open');
		expect(periodStatus(q4, '2026-09-30')).toBe('upcoming');
	});
});

describe('loading reporting YAML', () => {
	it('reports errors with line and column', () => {
		const text = readFileSync(PATH, 'utf8').replace('frequency: quarterly', 'frequency: weekly');
		const r = loadReporting(PATH, text);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		const line = text.split('\n').findIndex((l) => l.includes('frequency: weekly')) + 1;
		expect(r.errors[0]).toMatchObject({
			file: PATH,
			line,
			column: 16,
			field: 'reports.0.frequency'
		});
	});

	it('refuses a due month outside the period', () => {
		const text = readFileSync(PATH, 'utf8').replace('month_of_period: 3,', 'month_of_period: 4,');
		const r = loadReporting(PATH, text);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors[0]!.message).toBe('a quarterly period has only 3 month(s)');
	});
});

// The national duty (reporting/vn-nd331.yaml) as Gia Lai includes it. Weekdays checked against
// an independent calendar (Python's datetime): 19/12/2026 Sat, 19/12/2027 Sun, 24/12/2028 Sun.
describe('Decree 331 yearly report: window 15/12 – 14/12, due before 20/12 and 25/12', () => {
	const national = loadReporting(
		'reporting/vn-nd331.yaml',
		readFileSync('reporting/vn-nd331.yaml', 'utf8')
	);
	if (!national.ok) throw new Error(JSON.stringify(national.errors));
	const merged = withIncludes(config, (id) => {
		if (id !== 'vn-nd331') throw new Error(id);
		return national.config;
	});
	const unit = merged.reports.find((r) => r.id === 'nd331-yearly-unit')!;
	const owner = merged.reports.find((r) => r.id === 'nd331-yearly-owner')!;

	it('is included with its own file id, weekend rule and recipients', () => {
		expect(merged.reports.map((r) => [r.id, r.config_id])).toEqual([
			['malware-quarterly', 'gia-lai'],
			['monitoring-semiannual', 'gia-lai'],
			['nd331-yearly-unit', 'vn-nd331'],
			['nd331-yearly-owner', 'vn-nd331']
		]);
		expect(unit.recipient!.vi).toBe('Chủ quản hệ thống thông tin');
		expect(owner.recipient!.vi).toBe('Bộ Công an');
		expect(unit.citation.vi).toBe('Điểm a khoản 4 Điều 35 Nghị định 331/2026/NĐ-CP');
		expect(owner.citation.vi).toBe('Điểm b khoản 4 Điều 35 Nghị định 331/2026/NĐ-CP');
		expect(unit.window!.citation.vi).toBe('Khoản 3 Điều 35 Nghị định 331/2026/NĐ-CP');
		// The quotes are the decree's words (Điều 35 khoản 3, khoản 4 điểm a, b), copied here from
		// ../shared/legal/decree-331-2026.md.
		const flat = (t: string) => t.replace(/\s+/g, ' ').trim();
		expect([unit.window!.quote, unit.quote, owner.quote].map((q) => flat(q!))).toEqual([
			'Thời gian chốt số liệu báo cáo định kỳ hằng năm: Tính từ ngày 15 tháng 12 năm trước kỳ báo cáo đến ngày 14 tháng 12 của kỳ báo cáo.',
			'Đơn vị chuyên trách về an ninh mạng, đơn vị vận hành hệ thống thông tin gửi báo cáo tới chủ quản hệ thống thông tin trước ngày 20 tháng 12 hằng năm;',
			'Chủ quản hệ thống thông tin gửi báo cáo Bộ Công an trước ngày 25 tháng 12 hằng năm.'
		]);
	});

	it.each([
		// [year, window, unit due (last day on time), owner due]
		[2026, ['2025-12-15', '2026-12-14'], '2026-12-21', '2026-12-24'], // Sat 19 → Mon 21; Thu 24
		[2027, ['2026-12-15', '2027-12-14'], '2027-12-20', '2027-12-24'], // Sun 19 → Mon 20; Fri 24
		[2028, ['2027-12-15', '2028-12-14'], '2028-12-19', '2028-12-25'], // Tue 19; Sun 24 → Mon 25
		[2029, ['2028-12-15', '2029-12-14'], '2029-12-19', '2029-12-24'] // Wed 19; Mon 24
	])('%i: window %j, unit due %s, owner due %s', (year, window, unitDue, ownerDue) => {
		const [u] = periodsOf(merged, unit, year, workingDays);
		const [o] = periodsOf(merged, owner, year, workingDays);
		expect([u!.id, u!.start, u!.end]).toEqual([String(year), ...window]);
		expect([u!.due, o!.due]).toEqual([unitDue, ownerDue]);
		expect(u!.nominal).toEqual({ day: 20, month: 12, year, before: true });
	});

	it('has no period before the decree took effect (19/8/2026)', () => {
		expect(periodsOf(merged, unit, 2025, workingDays)).toEqual([]);
	});

	it('sits in the calendar across the year end with the province’s own duties', () => {
		expect(
			calendar(merged, '2026-12-01', '2027-03-31', workingDays).map(
				(p) => `${p.report} ${p.id} ${p.due}`
			)
		).toEqual([
			'malware-quarterly 2026-Q4 2026-12-14',
			'nd331-yearly-unit 2026 2026-12-21',
			'nd331-yearly-owner 2026 2026-12-24',
			'malware-quarterly 2027-Q1 2027-03-15'
		]);
	});

	it('2027’s days off are not all announced yet: its due dates are provisional', () => {
		expect(periodsOf(merged, unit, 2026, workingDays)[0]!.provisional).toBe(false);
		expect(periodsOf(merged, unit, 2027, workingDays)[0]!.provisional).toBe(true);
	});

	it('an engine check: a day off that is not a weekend moves the deadline too', () => {
		const off = new Set(['2026-12-21']);
		const working = (d: string) => ({
			working: workingDays(d).working && !off.has(d),
			provisional: false
		});
		expect(periodsOf(merged, unit, 2026, working)[0]!.due).toBe('2026-12-22');
	});
});

// Due dates around real days off, from calendars/vn.yaml (holiday calendar of helper `legal`):
// a duty "before day D" whose last day falls on a holiday ends at the end of the next working
// day (Bộ luật Dân sự 2015 Điều 148 khoản 5). No real duty falls on a holiday in 2026, so these
// are the malware duty's rule moved onto holidays.
describe('due dates around holidays (real calendar)', () => {
	const monthly = {
		...spec('malware-quarterly'),
		frequency: 'monthly' as const,
		due: { month_of_period: 1, day: 2, before: true }
	};
	const due = (month: number, day: number, year = 2026) =>
		periodsOf(
			config,
			{ ...monthly, due: { month_of_period: 1, day, before: true } },
			year,
			workingDays
		)[month - 1]!.due;
	it.each([
		// [before day, month, year, due, why]
		[
			2,
			1,
			2026,
			'2026-01-05',
			'1/1 Tết Dương lịch, 2/1 hoán đổi (CV 12729/VPCP-KGVX), 3–4/1 weekend'
		],
		[11, 1, 2026, '2026-01-10', 'Sat 10/1 is a make-up working day'],
		[17, 2, 2026, '2026-02-23', '16–20/2 Tết Nguyên đán, 21–22/2 weekend'],
		[2, 5, 2026, '2026-05-04', '1/5 Quốc tế lao động (Fri), 2–3/5 weekend'],
		[1, 9, 2026, '2026-09-03', '31/8 hoán đổi, 1–2/9 Quốc khánh'],
		[25, 11, 2026, '2026-11-25', '24/11 Ngày Văn hóa Việt Nam'],
		[2, 1, 2027, '2027-01-04', '1/1/2027 Fri, 2–3/1 weekend (2027 provisional)']
	])('before %i/%i/%i → %s (%s)', (day, month, year, expected) => {
		expect(due(month, day, year)).toBe(expected);
	});
	it('refuses a window that does not run a year, and a `month` due on a quarterly report', () => {
		const text = readFileSync('reporting/vn-nd331.yaml', 'utf8');
		const bad = loadReporting(
			'x.yaml',
			text.replace('day: 15, previous_year: true', 'day: 16, previous_year: true')
		);
		expect(bad.ok).toBe(false);
		if (!bad.ok)
			expect(bad.errors[0]).toMatchObject({
				field: 'reports.0.window.start',
				message: 'the window must start in the previous year, the day after its end day'
			});
		const q = loadReporting(
			PATH,
			readFileSync(PATH, 'utf8').replace('month_of_period: 3, day: 15', 'month: 3, day: 15')
		);
		expect(q.ok).toBe(false);
		if (!q.ok) expect(q.errors[0]!.field).toBe('reports.0.due.month');
	});
});
