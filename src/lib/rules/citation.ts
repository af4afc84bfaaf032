import type { Citation, Lang, Source } from './types';

/** "Điều 9 khoản 2 điểm c Nghị định 85/2016/NĐ-CP" / "Article 9(2)(c) of Decree 85/2016/NĐ-CP". */
export function formatCitation(c: Citation, sources: readonly Source[], lang: Lang = 'vi'): string {
	const src = sources.find((s) => s.id === c.source);
	const doc = src ? `${src.type[lang]} ${src.number}` : c.source;
	if (lang === 'en') {
		const parts = `Article ${c.article}${c.clause ? `(${c.clause})` : ''}${c.point ? `(${c.point})` : ''}`;
		return `${parts} of ${doc}`;
	}
	const parts = [`Điều ${c.article}`];
	if (c.clause) parts.push(`khoản ${c.clause}`);
	if (c.point) parts.push(`điểm ${c.point}`);
	return `${parts.join(' ')} ${doc}`;
}
