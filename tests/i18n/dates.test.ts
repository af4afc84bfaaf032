// Vietnamese dates in one time zone, and reporting periods by name.
import { describe, expect, it } from 'vitest';
import {
	formatDate,
	formatDateTime,
	formatPeriod,
	isoDay,
	todayVN
} from '../../src/lib/i18n/dates';
import { today } from '../../src/lib/rules/select';

describe('formatDate', () => {
	it('writes a plain date as dd/mm/yyyy without shifting it', () => {
		expect(formatDate('2026-12-02')).toBe('02/12/2026');
		expect(formatDate('2017-07-01')).toBe('01/07/2017');
	});

	it('reads a time stamp in Asia/Ho_Chi_Minh (UTC+7), not in UTC or the machine zone', () => {
		// 17:00 UTC on 1 December is midnight on 2 December in Hà Nội.
		expect(formatDate('2026-12-01T16:59:59Z')).toBe('01/12/2026');
		expect(formatDate('2026-12-01T17:00:00Z')).toBe('02/12/2026');
		expect(formatDate(new Date(Date.UTC(2025, 11, 31, 18)))).toBe('01/01/2026');
		expect(formatDate(Date.UTC(2026, 0, 1, 0))).toBe('01/01/2026');
	});

	it('returns what it cannot read instead of "Invalid Date"', () => {
		expect(formatDate('không rõ')).toBe('không rõ');
	});
});

describe('formatDateTime', () => {
	it('adds the 24-hour time in Vietnam', () => {
		expect(formatDateTime('2026-12-01T18:04:00Z')).toBe('02/12/2026 01:04');
		expect(formatDateTime('2026-06-30T08:00:00+07:00')).toBe('30/06/2026 08:00');
	});
	it('a plain date has no time', () => {
		expect(formatDateTime('2026-06-30')).toBe('30/06/2026');
	});
});

describe('today', () => {
	it('is the day in Vietnam: 23:30 UTC is already tomorrow', () => {
		expect(todayVN(new Date('2026-08-18T16:59:00Z'))).toBe('2026-08-18');
		expect(todayVN(new Date('2026-08-18T17:00:00Z'))).toBe('2026-08-19');
		expect(isoDay('2026-08-18T23:30:00Z')).toBe('2026-08-19');
	});
	it('the rule-set selection uses the same day', () => {
		expect(today()).toBe(todayVN());
	});
});

describe('formatPeriod', () => {
	it.each([
		['2025-Q4', 'Quý IV/2025', 'Q4 2025'],
		['2026-Q1', 'Quý I/2026', 'Q1 2026'],
		['2026-H1', '6 tháng đầu năm 2026', 'First half of 2026'],
		['2026-H2', '6 tháng cuối năm 2026', 'Second half of 2026'],
		['2026-M03', 'Tháng 3/2026', 'March 2026'],
		['2026-M12', 'Tháng 12/2026', 'December 2026'],
		['2026', 'Năm 2026', 'Year 2026']
	])('%s → %s / %s', (id, vi, en) => {
		expect(formatPeriod(id)).toBe(vi);
		expect(formatPeriod(id, 'en')).toBe(en);
	});
	it('leaves an unknown shape as it is', () => {
		expect(formatPeriod('2026-Q5')).toBe('2026-Q5');
		expect(formatPeriod('kỳ đặc biệt')).toBe('kỳ đặc biệt');
	});
});
