// Dates as Decree 30/2020/NĐ-CP writes them on a document (Phụ lục I, mục I.5): "ngày 05 tháng 3
// năm 2026" — a leading zero only for days below 10 and for months 1 and 2 (so "tháng 01",
// "tháng 02" cannot be misread as 11 or 12 when filled in by hand).

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-03-05" → "ngày 05 tháng 3 năm 2026"; undefined → dotted blanks to fill in by hand. */
export function documentDate(iso?: string): string {
	if (!iso) return 'ngày …… tháng …… năm ……';
	const m = ISO.exec(iso);
	if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${iso}`);
	const [, y, mo, d] = m as unknown as [string, string, string, string];
	const day = Number(d);
	const month = Number(mo);
	if (month < 1 || month > 12 || day < 1 || day > 31)
		throw new RangeError(`not a calendar date: ${iso}`);
	const dd = day < 10 ? `0${day}` : String(day);
	const mm = month <= 2 ? `0${month}` : String(month);
	return `ngày ${dd} tháng ${mm} năm ${y}`;
}

/** The place-and-date line under the motto: "Gia Lai, ngày 05 tháng 3 năm 2026". */
export function placeDate(place: string | undefined, iso?: string): string {
	return `${place ?? '……'}, ${documentDate(iso)}`;
}

/** "5 March 2026" for English papers. */
export function documentDateEn(iso?: string): string {
	if (!iso) return '…… ……… ……';
	const m = ISO.exec(iso);
	if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${iso}`);
	const months =
		'January February March April May June July August September October November December'.split(
			' '
		);
	return `${Number(m[3])} ${months[Number(m[2]) - 1]} ${m[1]}`;
}
