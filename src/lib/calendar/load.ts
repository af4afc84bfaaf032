// Loads a holiday calendar (YAML text in, checked Calendar out). Beyond the schema, every year is
// checked against the law and the lunar computation: statutory holidays are days off, one that
// falls on a weekend is compensated (Bộ luật Lao động 2019 Điều 111 khoản 3), the computed Tết and
// Giỗ Tổ (UTC+7) fall among the year's days off. Errors are located at file:line:column.
import { validate as generatedValidate } from './generated/calendar-validator.js';
import { fromLunar } from './lunar';
import { isRealDate, readDataFile, type Path } from '../data-file';
import type { LoadError } from '../rules/types';
import type { Calendar, CalendarData, CalendarDay, HolidayDef } from './types';

const WEEKDAY = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
export const isWeekend = (date: string) => WEEKDAY(date) === 0 || WEEKDAY(date) === 6;

/** The solar date of `holiday` in `year` (undefined before it exists or for lunar leap issues). */
export function holidayDate(h: HolidayDef, year: number): string | undefined {
	let date: string | undefined;
	if (h.date) date = `${year}-${h.date}`;
	else if (h.lunar) {
		const [m, d] = h.lunar.split('-').map(Number);
		date = fromLunar(d!, m!, year);
	}
	if (date && h.from && date < h.from) return undefined;
	return date;
}

/** Parses, validates and checks a calendar file. */
export function loadCalendar(
	file: string,
	text: string
): { calendar?: Calendar; errors: LoadError[] } {
	const { raw, errors, fail } = readDataFile(file, text, generatedValidate, /date|from|instead_of/);
	if (!raw) return { errors };
	const data = raw as CalendarData;
	const sourceIds = new Set(data.sources.map((s) => s.id));
	const byDate = new Map<string, CalendarDay>();
	const byYear = new Map<number, CalendarData['years'][number]>();

	data.years.forEach((y, yi) => {
		const yp: Path = ['years', yi];
		if (byYear.has(y.year)) fail([...yp, 'year'], `year ${y.year} is listed twice`);
		if (yi > 0 && y.year <= data.years[yi - 1]!.year)
			fail([...yp, 'year'], 'years must be in increasing order');
		byYear.set(y.year, y);
		if (!sourceIds.has(y.law)) fail([...yp, 'law'], `unknown source "${y.law}"`);
		if (!y.complete && !y.missing)
			fail([...yp, 'complete'], 'an incomplete year says what is "missing"');
		y.days.forEach((d, di) => {
			const dp: Path = [...yp, 'days', di];
			if (!isRealDate(d.date)) return fail([...dp, 'date'], 'not a calendar date');
			if (!d.date.startsWith(`${y.year}-`)) fail([...dp, 'date'], `${d.date} is not in ${y.year}`);
			if (byDate.has(d.date)) fail([...dp, 'date'], `${d.date} is listed twice`);
			byDate.set(d.date, d);
			if (d.kind === 'workday') {
				if (!isWeekend(d.date))
					fail(
						[...dp, 'kind'],
						`${d.date} is a weekday: only a Saturday or Sunday can be a make-up working day`
					);
			} else {
				if (isWeekend(d.date))
					fail(
						[...dp, 'date'],
						`${d.date} is a weekend: list only weekdays off (a holiday on a weekend is compensated on a weekday)`
					);
				if (!d.holiday) fail([...dp], `a ${d.kind} day names its "holiday"`);
				else if (!data.holidays[d.holiday])
					fail([...dp, 'holiday'], `unknown holiday "${d.holiday}"`);
			}
			d.sources.forEach((s, si) => {
				if (!sourceIds.has(s)) fail([...dp, 'sources', si], `unknown source "${s}"`);
			});
			if (d.sources.length === 0) fail([...dp, 'sources'], 'every day cites a source');
		});
	});
	if (errors.length > 0) return { errors };

	// Each year against the law and the lunar computation.
	const off = (date: string) => {
		const d = byDate.get(date);
		return d ? d.kind !== 'workday' : isWeekend(date);
	};
	data.years.forEach((y, yi) => {
		const yp: Path = ['years', yi];
		const has = (key: string, kinds: string[]) =>
			y.days.some((d) => d.holiday === key && kinds.includes(d.kind));
		for (const [key, h] of Object.entries(data.holidays)) {
			const date = holidayDate(h, y.year);
			if (!date) continue;
			if (h.days) {
				// Tết: days decided each year, but always including mùng 1–3; checked where known.
				if (!y.complete) continue;
				const first3 = [0, 1, 2].map((i) =>
					new Date(Date.parse(`${date}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10)
				);
				const bad = first3.find((d) => !(isWeekend(d) || byDate.get(d)?.holiday === key));
				if (bad)
					fail(
						yp,
						`${h.name.en} ${y.year}: the computed first day is ${date} (UTC+7), but ${bad}, day ` +
							`${first3.indexOf(bad) + 1} of the new year, is not among the year's "${key}" days off`
					);
				continue;
			}
			if (!off(date))
				fail(
					yp,
					`${h.name.en} ${y.year} (${date}${h.lunar ? ', computed at UTC+7' : ''}) is not a day off`
				);
			else if (isWeekend(date) && !has(key, ['compensatory', 'swap']))
				fail(
					yp,
					`${h.name.en} ${y.year} falls on ${WEEKDAY(date) === 6 ? 'Saturday' : 'Sunday'} ${date}: list its compensatory day (Labour Code Article 111(3))`
				);
		}
	});
	if (errors.length > 0) return { errors };
	return { calendar: { data, byDate, byYear }, errors };
}
