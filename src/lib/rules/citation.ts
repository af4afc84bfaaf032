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
