// The letter a province's reporting duties come from, as the pages name it. A letter whose number
// is unknown says so ("số hiệu không rõ") instead of printing a dangling "/UBND-KGVX".
import { formatDate } from '../i18n/dates';

export interface SourceLetter {
	/** "1234/UBND-KGVX", or only the symbol ("/UBND-KGVX") when the number is unknown. */
	number: string;
	/** YYYY-MM-DD, or YYYY-MM when only the month is known. */
	date: string;
	issuer: string;
}

export function sourceLetter(s: SourceLetter, lang: 'vi' | 'en'): string {
	const n = s.number.trim();
	const known = /^\d/.test(n);
	const symbol = known ? '' : n.replace(/^[^/]*/, '');
	const vi = lang === 'vi';
	const number = known
		? `${vi ? 'số' : 'No.'} ${n}`
		: vi
			? `số hiệu không rõ${symbol ? ` (ký hiệu …${symbol})` : ''}`
			: `number unknown${symbol ? ` (reference …${symbol})` : ''}`;
	const month = /^(\d{4})-(\d{2})$/.exec(s.date);
	const date = month
		? vi
			? `tháng ${Number(month[2])}/${month[1]}`
			: new Date(`${s.date}-01T00:00:00Z`).toLocaleString('en-GB', {
					month: 'long',
					year: 'numeric',
					timeZone: 'UTC'
				})
		: `${vi ? 'ngày' : 'of'} ${formatDate(s.date)}`;
	return vi
		? `Công văn ${number} ${date} của ${s.issuer}`
		: `Letter ${number}, ${date}, ${s.issuer}`;
}
