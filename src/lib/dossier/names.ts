// File names from the system's (or unit's) name: Vietnamese letters transliterated, lower case,
// hyphens: "Cổng dịch vụ công tỉnh Gia Lai" → "cong-dich-vu-cong-tinh-gia-lai".
import type { Copy, DossierPart } from './render';

export function slug(name: string, max = 60): string {
	const s = name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[đĐ]/g, 'd')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	const cut = s.length > max ? s.slice(0, max).replace(/-[^-]*$/, '') : s;
	return cut || 'he-thong';
}

const PART: Record<DossierPart, string> = {
	letter: 'cong-van',
	dossier: 'ho-so',
	all: 'cong-van-va-ho-so'
};

/** "ho-so-cong-dich-vu-cong-du-thao.pdf", "cong-van-…-ban-trinh-ky.docx", "…json". */
export function fileName(
	name: string,
	o: { part: DossierPart; copy: Copy; ext: string; all?: boolean }
): string {
	if (o.ext === 'json') return `ho-so-${slug(name)}.json`;
	const copy = o.copy === 'final' ? 'ban-trinh-ky' : 'du-thao';
	return `${PART[o.part]}-${o.all ? 'tat-ca-' : ''}${slug(name)}-${copy}.${o.ext}`;
}
