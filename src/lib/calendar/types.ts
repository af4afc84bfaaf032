// The shapes of a holiday calendar (calendars/<id>.yaml) and of a computed deadline.
import type { Localized } from '../rules/types';

/**
 * A day that changes the working week: `holiday` (a day of a public holiday), `compensatory`
 * (nghỉ bù: a holiday fell on the weekly rest day), `swap` (nghỉ hoán đổi: a weekday off against a
 * working Saturday), `workday` (a Saturday worked to make up a swapped day).
 */
export type DayKind = 'holiday' | 'compensatory' | 'swap' | 'workday';

export interface CalendarDay {
	date: string;
	kind: DayKind;
	/** Key into `holidays` (every kind but `workday`). */
	holiday?: string;
	/** For a make-up Saturday: the weekday it makes up for. */
	instead_of?: string;
	sources: string[];
	note?: string;
}

export interface CalendarYear {
	year: number;
	/** Source id of the labour code in force (its holidays and compensation rule). */
	law: string;
	/** The year's notices are all known; false makes every period across the year provisional. */
	complete: boolean;
	/** What is not yet known (required when not complete). */
	missing?: Localized;
	days: CalendarDay[];
}

export interface HolidayDef {
	name: Localized;
	/** Solar "MM-DD", or `lunar` "MM-DD" (lunar month-day). */
	date?: string;
	lunar?: string;
	/** Days decided by the Prime Minister each year (Tết): not derived for years without data. */
	days?: number;
	/** First day the holiday exists. */
	from?: string;
	citation: Localized;
}

export type Trust = 'official-gazette' | 'law-library' | 'gov-portal' | 'secondary' | 'computed';

export interface CalendarSource {
	id: string;
	title: string;
	url?: string;
	trust: Trust;
}

export interface CalendarData {
	id: string;
	title: Localized;
	scope: Localized;
	rules: { working_day: Localized; calendar_days: Localized; compensatory: Localized };
	holidays: Record<string, HolidayDef>;
	sources: CalendarSource[];
	years: CalendarYear[];
}

/** A loaded, checked calendar: entries by date and years by number. */
export interface Calendar {
	data: CalendarData;
	byDate: Map<string, CalendarDay>;
	byYear: Map<number, CalendarYear>;
}

/** A non-working day passed over, or the day a calendar-day period's end moved from. */
export interface SkippedDay {
	date: string;
	reason: 'weekend' | Exclude<DayKind, 'workday'>;
	/** The holiday's name, for holidays, compensatory and swapped days. */
	name?: Localized;
}

export interface Deadline {
	from: string;
	days: number;
	working_days: boolean;
	/** The last day of the period (YYYY-MM-DD), to be met by the end of that day. */
	due: string;
	/** Some day counted (or the due day) lies in a year whose holidays are not all announced. */
	provisional: boolean;
	/** Why, per year concerned. */
	provisional_years: { year: number; reason: Localized }[];
	/** Non-working days skipped while counting working days, or that moved a calendar-day end. */
	skipped: SkippedDay[];
	/** For calendar days: the nominal last day, when it was a non-working day and the end moved. */
	moved_from?: string;
	/** The rules applied (Civil Code Điều 147, 148), bilingual. */
	basis: Localized[];
	/** The sources behind every day consulted: the labour code, notices, the Civil Code. */
	sources: CalendarSource[];
}
