// Due dates from the real Gia Lai reporting YAML: quarter and year boundaries, weekends.
// Expected weekdays were checked against an independent calendar (Python's datetime).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calendar, periodStatus, periodsOf } from '../../src/lib/reporting/calendar';
import { loadReporting } from '../../src/lib/reporting/load';
import type { ReportingConfig } from '../../src/lib/reporting/types';

const PATH = 'reporting/gia-lai.yaml';
const loaded = loadReporting(PATH, readFileSync(PATH, 'utf8'));
if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
const config = loaded.config;
const spec = (id: string) => config.reports.find((r) => r.id === id)!;
const due = (c: ReportingConfig, id: string, year: number) =>
	Object.fromEntries(periodsOf(c, spec(id), year).map((p) => [p.id, p.due]));

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
		const ps = periodsOf(config, spec('malware-quarterly'), 2026);
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
			calendar(config, '2026-11-01', '2027-03-31').map((p) => `${p.report} ${p.id} ${p.due}`)
		).toEqual([
			'monitoring-semiannual 2026-H2 2026-11-30',
			'malware-quarterly 2026-Q4 2026-12-14',
			'malware-quarterly 2027-Q1 2027-03-15'
		]);
	});

	it('status: on time, late, overdue, open, upcoming', () => {
		const q4 = periodsOf(config, spec('malware-quarterly'), 2026)[3]!;
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
