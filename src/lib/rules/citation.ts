import type { Amendment, Citation, Lang, Source } from './types';

/**
 * "Điều 9 khoản 2 điểm c Nghị định 85/2016/NĐ-CP" / "Article 9(2)(c) of Decree 85/2016/NĐ-CP";
 * "Mục I.1.1 Phụ lục II Thông tư 12/2022/TT-BTTTT" / "Item I.1.1 of Appendix II to Circular …".
 * An amended provision names its amendments: "… (được sửa đổi, bổ sung bởi Điều 1 khoản 3 Nghị
 * định 999/2027/NĐ-CP)" / "…, as amended by Article 1(3) of Decree 999/2027/NĐ-CP".
 */
export function formatCitation(c: Citation, sources: readonly Source[], lang: Lang = 'vi'): string {
	const own = provision(c, sources, lang);
	if (!c.amended_by?.length) return own;
	const by = c.amended_by.map((a) => provision(a, sources, lang));
	return lang === 'en'
		? `${own}, as amended by ${listOf(by, 'and')}`
		: `${own} (được sửa đổi, bổ sung bởi ${listOf(by, 'và')})`;
}

const listOf = (items: string[], and: string) =>
	items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;

function provision(c: Citation | Amendment, sources: readonly Source[], lang: Lang): string {
	const src = sources.find((s) => s.id === c.source);
	const doc = src ? `${src.type[lang]} ${src.number}` : c.source;
	if ('appendix' in c && c.appendix) {
		if (lang === 'en')
			return `${c.item ? `Item ${c.item} of ` : ''}Appendix ${c.appendix} to ${doc}`;
		return `${c.item ? `Mục ${c.item} ` : ''}Phụ lục ${c.appendix} ${doc}`;
	}
	if (lang === 'en') {
		const parts = `Article ${c.article}${c.clause ? `(${c.clause})` : ''}${c.point ? `(${c.point})` : ''}`;
		return `${parts} of ${doc}`;
	}
	const parts = [`Điều ${c.article}`];
	if (c.clause) parts.push(`khoản ${c.clause}`);
	if (c.point) parts.push(`điểm ${c.point}`);
	return `${parts.join(' ')} ${doc}`;
}

/**
 * A regime by the name users know it by: its principal decree (the first decree in `sources`) and
 * the circulars that guide it ("Nghị định 331/2026/NĐ-CP"; "Nghị định 85/2016/NĐ-CP và Thông tư
 * 12/2022/TT-BTTTT"), never its id. Other decrees a rule set cites for one fact (Decree 42/2022 on
 * online services in Circular 12's version) are sources, not the regime.
 */
export function regimeName(data: { sources: readonly Source[] }, lang: Lang = 'vi'): string {
	const decree = data.sources.find((s) => s.type.en === 'Decree');
	const docs = data.sources.filter((s) => s === decree || s.type.en === 'Circular');
	const names = (docs.length ? docs : data.sources.slice(0, 1)).map(
		(s) => `${s.type[lang]} ${s.number}`
	);
	return names.join(lang === 'vi' ? ' và ' : ' and ');
}
