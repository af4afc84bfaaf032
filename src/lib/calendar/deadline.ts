// Deadlines in working days or calendar days over the holiday calendar. Pure: dates are
// "YYYY-MM-DD" strings, arithmetic in UTC, so no machine time zone can shift a day.
//
// - A period in days does not count its first day (Bộ luật Dân sự 2015 Điều 147 khoản 2, 3).
// - Working days skip weekends, holidays, compensatory and swapped days, and count make-up
//   Saturdays (the yearly notices).
// - A calendar-day period whose last day is a weekend or a holiday ends at the end of the next
//   working day (Bộ luật Dân sự 2015 Điều 148 khoản 5).
// - A day in a year whose notices are not all known (or not in the data at all) makes the result
//   provisional, said so with the reason; such a year still counts its statutory fixed holidays
//   (derived, with the compensation rule), never weekends only.
import { holidayDate, isWeekend } from './load';
import { tetDate } from './lunar';
import type { Calendar, CalendarDay, CalendarSource, Deadline, SkippedDay } from './types';
import type { Localized } from '../rules/types';

const DAY = 86_400_000;
export const addDaysIso = (date: string, n: number) =>
	new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** The date in Vietnam (UTC+7) of an instant: the day a submission counts from. */
export const vnDateOf = (instant: Date) =>
	new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** Fixed statutory days off of a year without data: holidays with a known date, compensated. */
function derivedYear(cal: Calendar, year: number): Map<string, CalendarDay> {
	const law = year < 2021 ? 'blld2012' : 'blld2019';
	const out = new Map<string, CalendarDay>();
	const dates: [string, string][] = [];
	for (const [key, h] of Object.entries(cal.data.holidays)) {
		if (h.days) continue; // Tết: decided by the Prime Minister each year
		const date = holidayDate(h, year);
		if (date) dates.push([date, key]);
	}
	dates.sort(([a], [b]) => (a < b ? -1 : 1));
	const sources = (key: string) => [law, ...(cal.data.holidays[key]!.lunar ? ['amlich'] : [])];
	// Weekday holidays first, so a compensatory day goes to the next day that is really worked.
	for (const [date, key] of dates)
		if (!isWeekend(date))
			out.set(date, { date, kind: 'holiday', holiday: key, sources: sources(key) });
	for (const [date, key] of dates)
		if (isWeekend(date)) {
			let d = addDaysIso(date, 1);
			while (isWeekend(d) || out.has(d)) d = addDaysIso(d, 1);
			out.set(d, { date: d, kind: 'compensatory', holiday: key, sources: sources(key) });
		}
	return out;
}

interface Day {
	date: string;
	working: boolean;
	entry?: CalendarDay;
	year: number;
}

/** Looks days up, remembering the derived years and which years are provisional. */
function cursor(cal: Calendar) {
	const derived = new Map<number, Map<string, CalendarDay>>();
	const provisional = new Map<number, Localized>();
	const sources = new Set<string>(['blds2015']);
	const at = (date: string): Day => {
		const year = Number(date.slice(0, 4));
		const known = cal.byYear.get(year);
		let entry: CalendarDay | undefined;
		if (known) {
			entry = cal.byDate.get(date);
			sources.add(known.law);
			if (!known.complete) provisional.set(year, known.missing!);
		} else {
			if (!derived.has(year)) derived.set(year, derivedYear(cal, year));
			entry = derived.get(year)!.get(date);
			sources.add(year < 2021 ? 'blld2012' : 'blld2019');
			if (!provisional.has(year)) {
				const tet = tetDate(year).split('-').reverse().join('/');
				provisional.set(year, {
					vi:
						`Không có dữ liệu ngày nghỉ năm ${year}: chỉ tính thứ Bảy, Chủ nhật và các ngày lễ có ngày cố định ` +
						`theo Bộ luật Lao động (kèm nghỉ bù); chưa tính Tết Nguyên đán (mùng 1 Tết là ${tet}, số ngày nghỉ do ` +
						`Thủ tướng quyết định), ngày Quốc khánh liền kề và các ngày hoán đổi.`,
					en:
						`No holiday data for ${year}: only weekends and the fixed-date statutory holidays (with ` +
						`compensatory days) are counted, not the Lunar New Year (its first day is ${tet}; the days off ` +
						`are decided by the Prime Minister), the second National Day or any swapped days.`
				});
			}
		}
		for (const s of entry?.sources ?? []) sources.add(s);
		const working = entry ? entry.kind === 'workday' : !isWeekend(date);
		return { date, working, entry, year };
	};
	return { at, provisional, sources };
}

function skippedOf(cal: Calendar, d: Day): SkippedDay {
	if (!d.entry) return { date: d.date, reason: 'weekend' };
	const kind = d.entry.kind as SkippedDay['reason'];
	return { date: d.date, reason: kind, name: cal.data.holidays[d.entry.holiday!]?.name };
}

const BASIS = {
	start: {
		vi: 'Ngày bắt đầu không được tính; thời hạn tính từ ngày tiếp theo (khoản 2, 3 Điều 147 Bộ luật Dân sự 2015).',
		en: 'The first day is not counted; the period runs from the next day (Civil Code 2015, Article 147(2), (3)).'
	},
	end: {
		vi: 'Thời hạn kết thúc vào lúc 24 giờ của ngày cuối cùng (khoản 1, 6 Điều 148 Bộ luật Dân sự 2015).',
		en: 'The period ends at midnight at the end of its last day (Civil Code 2015, Article 148(1), (6)).'
	}
};

/**
 * The last day of a period of `days` days from `from` (the day of the event, not counted):
 * working days, or calendar days with the end moved off a non-working day.
 */
export function deadline(
	cal: Calendar,
	opts: { from: string; days: number; working_days: boolean }
): Deadline {
	const { from, days, working_days } = opts;
	if (!Number.isInteger(days) || days < 0 || days > 3650)
		throw new RangeError('days must be a whole number from 0 to 3650');
	const c = cursor(cal);
	const skipped: SkippedDay[] = [];
	const basis: Localized[] = [BASIS.start];
	let due = from;
	let moved_from: string | undefined;
	if (working_days) {
		basis.push(cal.data.rules.working_day);
		let counted = 0;
		while (counted < days) {
			due = addDaysIso(due, 1);
			const d = c.at(due);
			if (d.working) counted++;
			else skipped.push(skippedOf(cal, d));
		}
	} else {
		due = addDaysIso(from, days);
		// Every day of the period is in it, so its years decide whether the end is certain.
		for (let d = addDaysIso(from, 1); d < due; d = addDaysIso(d, 1)) c.at(d);
		let d = c.at(due);
		if (!d.working) {
			basis.push(cal.data.rules.calendar_days);
			moved_from = due;
			while (!d.working) {
				skipped.push(skippedOf(cal, d));
				d = c.at(addDaysIso(d.date, 1));
			}
			due = d.date;
		}
	}
	basis.push(BASIS.end);
	if (!working_days) c.sources.add('blds2015');
	const years = [...c.provisional.entries()].sort(([a], [b]) => a - b);
	return {
		from,
		days,
		working_days,
		due,
		provisional: years.length > 0,
		provisional_years: years.map(([year, reason]) => ({ year, reason })),
		skipped,
		...(moved_from ? { moved_from } : {}),
		basis,
		sources: cal.data.sources.filter((s: CalendarSource) => c.sources.has(s.id))
	};
}

/** Whether `date` is a working day (and whether that is known or provisional). */
export function isWorkingDay(
	cal: Calendar,
	date: string
): { working: boolean; provisional: boolean } {
	const c = cursor(cal);
	const d = c.at(date);
	return { working: d.working, provisional: c.provisional.size > 0 };
}
