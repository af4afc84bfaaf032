// Mẫu 08 on paper: the template's blocks as a draft or a signature copy, written by the shared
// paper writers (src/lib/paper: PDF and DOCX in the Decree 30 frame).
import { formatDateTime } from '../../i18n/dates';
import { paperDocx, paperPdf, type Paper } from '../../paper';
import { dataUntil, mau08Blocks, type Mau08Paper } from './template';

export interface Mau08RenderOptions {
	/** `draft`: "DỰ THẢO", the machine footer and the source warning; `final`: the copy to sign. */
	copy: Paper['copy'];
	generatedAt: string;
	/** How far the decree's text can be trusted (the draft's red banner). */
	note?: string;
}

export function mau08Paper(paper: Mau08Paper, o: Mau08RenderOptions): Paper {
	return {
		blocks: mau08Blocks(paper, o.copy),
		copy: o.copy,
		title: `Mẫu số 08 — ${paper.filer.name}`,
		keywords: 'capdo-mau08/1',
		draftLabel: 'DỰ THẢO',
		banner: o.note,
		footer: [
			`Mẫu số 08 (Nghị định 331/2026/NĐ-CP) · ${paper.filer.name} · số liệu ${dataUntil(paper)} · capdo, lập lúc ${formatDateTime(o.generatedAt)}`
		]
	};
}

export const mau08Pdf = (paper: Mau08Paper, o: Mau08RenderOptions) =>
	paperPdf(mau08Paper(paper, o), `Mẫu số 08 — ${paper.filer.name}`);

export const mau08Docx = (paper: Mau08Paper, o: Mau08RenderOptions) =>
	paperDocx(mau08Paper(paper, o), `Mẫu số 08 — ${paper.filer.name}`);
