// Dates as Vietnamese readers write them (02/12/2026), every time stamp read in one time zone
// (Asia/Ho_Chi_Minh: UTC+7 all year, no daylight saving), and reporting periods by their names
// ("Quý IV/2025", "6 tháng đầu năm 2026"). Used by every page, export and paper, so a date never
// shows as an ISO string or shifts by a day between the browser, the server and the PDF.
import type { Lang } from '../rules/types';

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** A plain calendar date ("2026-12-02"), an ISO time stamp, a Date or epoch milliseconds. */
export type DateLike = string | Date | number;

const PLAIN = /^(\d{4})-(\d{2})-(\d{2})$/;

const dayParts = new Intl.DateTimeFormat('en-CA', {
	timeZone: TIME_ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit'
});
const timeParts = new Intl.DateTimeFormat('en-GB', {
	timeZone: TIME_ZONE,
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23'
});

function instant(d: DateLike): Date | undefined {
	const date = d instanceof Date ? d : new Date(d);
	return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * The calendar day (YYYY-MM-DD) of `d` in Vietnam. A plain date is a day already and passes
 * through; a time stamp such as "2026-12-01T18:30:00Z" is 02/12 in Hà Nội. Undefined if invalid.
 */
export function isoDay(d: DateLike): string | undefined {
	if (typeof d === 'string' && PLAIN.test(d)) return d;
	const at = instant(d);
	if (!at) return undefined;
	const p = Object.fromEntries(dayParts.formatToParts(at).map((x) => [x.type, x.value]));
	return `${p.year}-${p.month}-${p.day}`;
}

/** Today in Vietnam, YYYY-MM-DD: what "today" means for deadlines and regimes in force. */
export const todayVN = (now: DateLike = new Date()): string => isoDay(now)!;

/** "02/12/2026". Anything unreadable is returned as given rather than hidden. */
export function formatDate(d: DateLike): string {
	const day = isoDay(d);
	if (!day) return String(d);
	const [y, m, dd] = day.split('-');
	return `${dd}/${m}/${y}`;
}

/** "02/12/2026 15:04", Vietnam time. A plain date has no time and prints as formatDate. */
export function formatDateTime(d: DateLike): string {
	if (typeof d === 'string' && PLAIN.test(d)) return formatDate(d);
	const at = instant(d);
	return at ? `${formatDate(at)} ${timeParts.format(at)}` : String(d);
}

const ROMAN = ['I', 'II', 'III', 'IV'];
const MONTHS_EN = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

/**
 * A reporting period by name, from its id (see reporting/calendar.ts): "2025-Q4" → "Quý IV/2025",
 * "2026-H1" → "6 tháng đầu năm 2026", "2026-H2" → "6 tháng cuối năm 2026", "2026-M03" →
 * "Tháng 3/2026", "2026" → "Năm 2026". An id of another shape is returned as given.
 */
export function formatPeriod(id: string, lang: Lang = 'vi'): string {
	const m = /^(\d{4})(?:-(Q|H|M)(\d{1,2}))?$/.exec(id);
	if (!m) return id;
	const [, year, kind, n] = m;
	const i = Number(n);
	const vi = lang === 'vi';
	switch (kind) {
		case undefined:
			return vi ? `Năm ${year}` : `Year ${year}`;
		case 'Q':
			if (i < 1 || i > 4) return id;
			return vi ? `Quý ${ROMAN[i - 1]}/${year}` : `Q${i} ${year}`;
		case 'H':
			if (i < 1 || i > 2) return id;
			if (vi) return `6 tháng ${i === 1 ? 'đầu' : 'cuối'} năm ${year}`;
			return `${i === 1 ? 'First' : 'Second'} half of ${year}`;
		default:
			if (i < 1 || i > 12) return id;
			return vi ? `Tháng ${i}/${year}` : `${MONTHS_EN[i - 1]} ${year}`;
	}
}
