// The Vietnamese lunar calendar, computed: Hồ Ngọc Đức's algorithm ("Thuật toán tính âm lịch"),
// which finds new moons and the sun's longitude with the formulas of Jean Meeus, "Astronomical
// Algorithms" (1998), and applies the rules of the Chinese-Vietnamese calendar in a given time
// zone. Vietnam's calendar is reckoned at UTC+7 and China's at UTC+8; the two differ in some years
// (Tết 1985: 21/1 in Vietnam, 20/2 in China; 2007: 17/2 and 18/2), which is why the zone is a
// parameter and why capdo computes rather than borrowing a Chinese-calendar library.
//
// capdo uses it only to propose and to check: the holidays themselves are data with their notices
// (calendars/vn.yaml), because the Prime Minister decides the days off each year.

const PI = Math.PI;
const INT = Math.floor;

/** Vietnam's standard time (UTC+7). */
export const VN_TIME_ZONE = 7;

/** Julian day number of a Gregorian date (Julian calendar before 15/10/1582). */
export function jdFromDate(dd: number, mm: number, yy: number): number {
	const a = INT((14 - mm) / 12);
	const y = yy + 4800 - a;
	const m = mm + 12 * a - 3;
	let jd = dd + INT((153 * m + 2) / 5) + 365 * y + INT(y / 4) - INT(y / 100) + INT(y / 400) - 32045;
	if (jd < 2299161) jd = dd + INT((153 * m + 2) / 5) + 365 * y + INT(y / 4) - 32083;
	return jd;
}

/** Gregorian [day, month, year] of a Julian day number. */
export function jdToDate(jd: number): [number, number, number] {
	let b: number;
	let c: number;
	if (jd > 2299160) {
		const a = jd + 32044;
		b = INT((4 * a + 3) / 146097);
		c = a - INT((b * 146097) / 4);
	} else {
		b = 0;
		c = jd + 32082;
	}
	const d = INT((4 * c + 3) / 1461);
	const e = c - INT((1461 * d) / 4);
	const m = INT((5 * e + 2) / 153);
	return [
		e - INT((153 * m + 2) / 5) + 1,
		m + 3 - 12 * INT(m / 10),
		b * 100 + d - 4800 + INT(m / 10)
	];
}

/** Julian date (fractional, UT) of the k-th new moon after 1/1/1900 (Meeus, ch. 49, shortened). */
function newMoon(k: number): number {
	const T = k / 1236.85;
	const T2 = T * T;
	const T3 = T2 * T;
	const dr = PI / 180;
	let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
	jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
	const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
	const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
	const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
	let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * dr) + 0.0021 * Math.sin(2 * dr * M);
	c1 = c1 - 0.4068 * Math.sin(Mpr * dr) + 0.0161 * Math.sin(dr * 2 * Mpr);
	c1 = c1 - 0.0004 * Math.sin(dr * 3 * Mpr);
	c1 = c1 + 0.0104 * Math.sin(dr * 2 * F) - 0.0051 * Math.sin(dr * (M + Mpr));
	c1 = c1 - 0.0074 * Math.sin(dr * (M - Mpr)) + 0.0004 * Math.sin(dr * (2 * F + M));
	c1 = c1 - 0.0004 * Math.sin(dr * (2 * F - M)) - 0.0006 * Math.sin(dr * (2 * F + Mpr));
	c1 = c1 + 0.001 * Math.sin(dr * (2 * F - Mpr)) + 0.0005 * Math.sin(dr * (2 * Mpr + M));
	const deltaT =
		T < -11
			? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
			: -0.000278 + 0.000265 * T + 0.000262 * T2;
	return jd1 + c1 - deltaT;
}

/** The sun's apparent longitude (radians, 0–2π) at Julian date `jdn` (Meeus, ch. 25, low precision). */
function sunLongitude(jdn: number): number {
	const T = (jdn - 2451545.0) / 36525;
	const T2 = T * T;
	const dr = PI / 180;
	const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
	const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
	let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * M);
	DL += (0.019993 - 0.000101 * T) * Math.sin(dr * 2 * M) + 0.00029 * Math.sin(dr * 3 * M);
	const L = (L0 + DL) * dr;
	return L - PI * 2 * INT(L / (PI * 2));
}

/** Which of the 12 sectors (30° each) the sun is in at the start of local day `dayNumber`. */
const sunSector = (dayNumber: number, tz: number) =>
	INT((sunLongitude(dayNumber - 0.5 - tz / 24) / PI) * 6);

/** The local day (Julian day number) of the k-th new moon. */
const newMoonDay = (k: number, tz: number) => INT(newMoon(k) + 0.5 + tz / 24);

/** The first day of the lunar month 11 (the month of the winter solstice) of year `yy`. */
function lunarMonth11(yy: number, tz: number): number {
	const off = jdFromDate(31, 12, yy) - 2415021;
	const k = INT(off / 29.530588853);
	const nm = newMoonDay(k, tz);
	return sunSector(nm, tz) >= 9 ? newMoonDay(k - 1, tz) : nm;
}

/** In a 13-month year starting at month 11 `a11`, the offset of the leap month (no major term). */
function leapMonthOffset(a11: number, tz: number): number {
	const k = INT((a11 - 2415021.076998695) / 29.530588853 + 0.5);
	let i = 1;
	let arc = sunSector(newMoonDay(k + i, tz), tz);
	let last: number;
	do {
		last = arc;
		i++;
		arc = sunSector(newMoonDay(k + i, tz), tz);
	} while (arc !== last && i < 14);
	return i - 1;
}

export interface LunarDate {
	day: number;
	month: number;
	year: number;
	leap: boolean;
}

/** The lunar date of a Gregorian date, reckoned in time zone `tz` (hours east of UTC). */
export function toLunar(dd: number, mm: number, yy: number, tz = VN_TIME_ZONE): LunarDate {
	const dayNumber = jdFromDate(dd, mm, yy);
	const k = INT((dayNumber - 2415021.076998695) / 29.530588853);
	let monthStart = newMoonDay(k + 1, tz);
	if (monthStart > dayNumber) monthStart = newMoonDay(k, tz);
	let a11 = lunarMonth11(yy, tz);
	let b11 = a11;
	let year: number;
	if (a11 >= monthStart) {
		year = yy;
		a11 = lunarMonth11(yy - 1, tz);
	} else {
		year = yy + 1;
		b11 = lunarMonth11(yy + 1, tz);
	}
	const day = dayNumber - monthStart + 1;
	const diff = INT((monthStart - a11) / 29);
	let leap = false;
	let month = diff + 11;
	if (b11 - a11 > 365) {
		const leapDiff = leapMonthOffset(a11, tz);
		if (diff >= leapDiff) {
			month = diff + 10;
			if (diff === leapDiff) leap = true;
		}
	}
	if (month > 12) month -= 12;
	if (month >= 11 && diff < 4) year -= 1;
	return { day, month, year, leap };
}

/** The Gregorian date (YYYY-MM-DD) of a lunar date, or undefined if that leap month does not exist. */
export function fromLunar(
	day: number,
	month: number,
	year: number,
	leap = false,
	tz = VN_TIME_ZONE
): string | undefined {
	let a11: number;
	let b11: number;
	if (month < 11) {
		a11 = lunarMonth11(year - 1, tz);
		b11 = lunarMonth11(year, tz);
	} else {
		a11 = lunarMonth11(year, tz);
		b11 = lunarMonth11(year + 1, tz);
	}
	const k = INT(0.5 + (a11 - 2415021.076998695) / 29.530588853);
	let off = month - 11;
	if (off < 0) off += 12;
	if (b11 - a11 > 365) {
		const leapOff = leapMonthOffset(a11, tz);
		let leapMonth = leapOff - 2;
		if (leapMonth < 0) leapMonth += 12;
		if (leap && month !== leapMonth) return undefined;
		if (leap || off >= leapOff) off += 1;
	} else if (leap) return undefined;
	const [d, m, y] = jdToDate(newMoonDay(k + off, tz) + day - 1);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${y}-${pad(m)}-${pad(d)}`;
}

/** Mùng 1 Tết (1/1 lunar) of the lunar year that starts in Gregorian year `year`. */
export const tetDate = (year: number, tz = VN_TIME_ZONE) => fromLunar(1, 1, year, false, tz)!;

/** Giỗ Tổ Hùng Vương (10/3 lunar) in Gregorian year `year`. */
export const hungKingsDate = (year: number, tz = VN_TIME_ZONE) =>
	fromLunar(10, 3, year, false, tz)!;
