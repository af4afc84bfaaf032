// Mẫu 08 on paper: the template's blocks laid out by the dossier's renderers (Decree 30 frame).
import { formatGenerated } from '../../dossier/render';
import { renderPdf, type PdfDeps } from '../../dossier/pdf';
import { dataUntil, mau08Blocks, type Mau08Paper } from './template';

export interface Mau08RenderOptions {
	/** Not yet submitted: "DỰ THẢO" on every page. */
	draft: boolean;
	generatedAt: string;
	/** How far the decree's text can be trusted (printed in the top margin of a draft). */
	note?: string;
}

export function mau08Pdf(paper: Mau08Paper, deps: PdfDeps, o: Mau08RenderOptions): Uint8Array {
	return renderPdf(
		mau08Blocks(paper),
		{
			title: `Mẫu số 08 — ${paper.filer.name}`,
			keywords: 'capdo-mau08/1',
			watermark: o.draft,
			draftLabel: o.draft ? 'DỰ THẢO' : undefined,
			banner: o.draft && o.note ? o.note : undefined,
			footer: (i, n) => [
				`Trang ${i}/${n} · Mẫu số 08 (Nghị định 331/2026/NĐ-CP) · ${paper.filer.name}`,
				`Số liệu ${dataUntil(paper)} · capdo · Lập lúc ${formatGenerated(o.generatedAt)}`
			]
		},
		deps
	);
}
