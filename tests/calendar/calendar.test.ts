// The holiday calendar: lunar dates computed at UTC+7 and checked against the notices, the data
// checked against the law, and deadlines on known years (Tết, 30/4–1/5, swaps, make-up Saturdays).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { deadline, hungKingsDate, loadCalendar, tetDate, toLunar } from '../../src/lib/calendar';
import { CALENDAR_FILE, vnCalendar } from '../../src/lib/server/calendar-file';
import { main } from '../../src/cli/main';

const TEXT = readFileSync(CALENDAR_FILE, 'utf8');
const cal = vnCalendar();

describe('lunar dates (UTC+7)', () => {
	// Mùng 1 Tết and Giỗ Tổ of each year, as the yearly notices give them.
	const KNOWN: [number, string, string][] = [
		[2016, '2016-02-08', '2016-04-16'],
		[2017, '2017-01-28', '2017-04-06'],
		[2018, '2018-02-16', '2018-04-25'],
		[2019, '2019-02-05', '2019-04-14'],
		[2020, '2020-01-25', '2020-04-02'],
		[2021, '2021-02-12', '2021-04-21'],
		[2022, '2022-02-01', '2022-04-10'],
		[2023, '2023-01-22', '2023-04-29'],
		[2024, '2024-02-10', '2024-04-18'],
		[2025, '2025-01-29', '2025-04-07'],
		[2026, '2026-02-17', '2026-04-26'],
		[2027, '2027-02-06', '2027-04-16']
	];
	it.each(KNOWN)('%i: Tết %s, Giỗ Tổ %s', (year, tet, hung) => {
		expect(tetDate(year)).toBe(tet);
		expect(hungKingsDate(year)).toBe(hung);
	});

	it("differs from China's calendar (UTC+8) where the two part", () => {
		expect(tetDate(1985)).toBe('1985-01-21');
		expect(tetDate(1985, 8)).toBe('1985-02-20');
		expect(tetDate(2007)).toBe('2007-02-17');
		expect(tetDate(2007, 8)).toBe('2007-02-18');
		expect(toLunar(16, 2, 2026)).toEqual({ day: 29, month: 12, year: 2025, leap: false });
	});
});

describe('calendars/vn.yaml', () => {
	it('loads: every year 2016–2027 is there, and only 2027 is incomplete', () => {
		expect(loadCalendar('vn.yaml', TEXT).errors).toEqual([]);
		expect(cal.data.years.map((y) => [y.year, y.complete])).toEqual(
			Array.from({ length: 12 }, (_, i) => [2016 + i, i < 11])
		);
		for (const y of cal.data.years)
			for (const d of y.days) expect(d.sources.length, d.date).toBeGreaterThan(0);
	});

	const errorsOf = (edit: (s: string) => string) =>
		loadCalendar('vn.yaml', edit(TEXT)).errors.map((e) => `${e.line}: ${e.message}`);
	const lineOf = (needle: string) => TEXT.split('\n').findIndex((l) => l.includes(needle)) + 1;

	it('refuses a year that leaves a weekend holiday uncompensated', () => {
		// Giỗ Tổ 2023 fell on Saturday 29/4; its compensatory day is 2/5.
		expect(errorsOf((s) => s.replace(/\n.*2023-05-02.*/, ''))).toEqual([
			`${lineOf('- year: 2023')}: Hung Kings' Commemoration 2023 falls on Saturday 2023-04-29: list its compensatory day (Labour Code Article 111(3))`
		]);
	});

	it('refuses a Tết that the computation does not find', () => {
		// Moving the 2024 Tết days a week late leaves mùng 1 (10/2/2024) outside them.
		const edited = errorsOf((s) =>
			s.replace(/2024-02-(08|09|12|13|14)/g, (_m, d: string) => `2024-02-${Number(d) + 7}`)
		);
		expect(edited).toContainEqual(
			expect.stringContaining(
				'Lunar New Year 2024: the computed first day is 2024-02-10 (UTC+7), but 2024-02-12, day 3 of the new year, is not among the year\'s "tet" days off'
			)
		);
	});

	it('locates kinds, dates and sources that make no sense', () => {
		const errors = errorsOf((s) =>
			s
				.replace('{ date: 2019-01-05, kind: workday', '{ date: 2019-01-07, kind: workday')
				.replace(
					'{ date: 2020-01-01, kind: holiday, holiday: new_year, sources: [blld2012] }',
					'{ date: 2020-01-01, kind: holiday, holiday: new_year, sources: [nowhere] }'
				)
		);
		expect(errors).toEqual([
			`${lineOf('2019-01-05')}: 2019-01-07 is a weekday: only a Saturday or Sunday can be a make-up working day`,
			`${lineOf('{ date: 2020-01-01')}: unknown source "nowhere"`
		]);
	});
});

describe('deadline', () => {
	const due = (from: string, days: number, working_days: boolean) =>
		deadline(cal, { from, days, working_days });

	it('skips the five Tết days of 2024 and the weekends around them', () => {
		const r = due('2024-02-07', 3, true);
		// 8–14/2/2024 off (Thursday to Wednesday): 15, 16, 19/2.
		expect(r.due).toBe('2024-02-19');
		expect(r.skipped.map((s) => `${s.date} ${s.reason}`)).toEqual([
			'2024-02-08 holiday',
			'2024-02-09 holiday',
			'2024-02-10 weekend',
			'2024-02-11 weekend',
			'2024-02-12 holiday',
			'2024-02-13 compensatory',
			'2024-02-14 compensatory',
			'2024-02-17 weekend',
			'2024-02-18 weekend'
		]);
		expect(r.skipped[0]!.name).toEqual({ vi: 'Tết Nguyên đán', en: 'Lunar New Year' });
		expect(r.provisional).toBe(false);
		expect(r.sources.map((s) => s.id)).toEqual(
			expect.arrayContaining(['blld2019', 's24', 'blds2015'])
		);
	});

	it('skips 30/4–1/5 and the swapped 2/5/2025, and counts the make-up Saturday 26/4/2025', () => {
		const r = due('2025-04-24', 3, true);
		expect(r.due).toBe('2025-04-28'); // 25 (Fri), 26 (make-up Saturday), 28 (Mon)
		expect(due('2025-04-29', 1, true).due).toBe('2025-05-05');
		expect(due('2025-04-29', 1, true).skipped.map((s) => s.reason)).toEqual([
			'holiday',
			'holiday',
			'swap',
			'weekend',
			'weekend'
		]);
	});

	it('counts the make-up Saturday 5/1/2019 and skips the swapped 31/12/2018', () => {
		expect(due('2018-12-28', 2, true).due).toBe('2019-01-03'); // 2/1, 3/1
		expect(due('2019-01-04', 1, true).due).toBe('2019-01-05');
	});

	it('ends a calendar-day period on the next working day when it falls on a holiday (BLDS Điều 148 k5)', () => {
		const r = due('2026-02-05', 15, false);
		expect(r).toMatchObject({ due: '2026-02-23', moved_from: '2026-02-20' });
		expect(r.basis.map((b) => b.vi).join(' ')).toContain('khoản 5 Điều 148 Bộ luật Dân sự 2015');
		// A period ending on a working day does not move.
		expect(due('2026-03-02', 15, false)).toMatchObject({ due: '2026-03-17' });
		expect(due('2026-03-02', 15, false).moved_from).toBeUndefined();
	});

	it('is provisional across a year whose notice is not out, and never weekends only', () => {
		const r = due('2027-02-01', 5, true);
		expect(r.provisional).toBe(true);
		expect(r.provisional_years.map((y) => y.year)).toEqual([2027]);
		expect(r.provisional_years[0]!.reason.vi).toContain('Tết Đinh Mùi');
		// 2028 is not in the data: fixed statutory holidays still count, with compensation
		// (30/4/2028 is a Sunday and 1/5 a holiday, so 30/4 is compensated on 2/5).
		const y2028 = due('2028-04-28', 1, true);
		expect(y2028).toMatchObject({ due: '2028-05-03', provisional: true });
		expect(y2028.skipped.map((s) => `${s.date} ${s.reason}`)).toEqual([
			'2028-04-29 weekend',
			'2028-04-30 weekend',
			'2028-05-01 holiday',
			'2028-05-02 compensatory'
		]);
		expect(y2028.provisional_years[0]!.reason.vi).toContain('mùng 1 Tết là 26/01/2028');
	});
});

describe('capdo deadline', () => {
	const run = async (args: string[]) => {
		const out: string[] = [];
		const err: string[] = [];
		const code = await main(['deadline', ...args], {
			out: (s) => out.push(s),
			err: (s) => err.push(s)
		});
		return { code, out: out.join('\n'), err: err.join('\n') };
	};

	it('prints the due date, and the days skipped and sources with --json', async () => {
		expect(await run(['--from', '2026-02-12', '--days', '5', '--working-days'])).toEqual({
			code: 0,
			out: '2026-02-26',
			err: ''
		});
		const j = await run(['--from', '2025-04-29', '--days', '15', '--json']);
		const r = JSON.parse(j.out);
		expect(r).toMatchObject({ due: '2025-05-14', working_days: false, provisional: false });
		expect(r.sources.map((s: { id: string }) => s.id)).toContain('blds2015');
	});

	it('labels a provisional date on stderr, and refuses bad input', async () => {
		const p = await run(['--from', '2027-01-28', '--days', '10', '--working-days']);
		expect(p.code).toBe(0);
		expect(p.out).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(p.err).toContain('tạm tính / provisional');
		expect((await run(['--from', '2026-02-30', '--days', '1'])).code).toBe(2);
		expect((await run(['--from', '2026-02-03', '--days', 'x'])).code).toBe(2);
	});
});
