// Papers (Decree 30/2020 documents) for every template: the dossier, the appraisal papers, the
// yearly report. A template returns `Paper`s (blocks + copy); these functions write them as PDF
// or DOCX, in Node and in the browser. jsPDF, docx and the fonts are imported dynamically, on
// first use only, so they stay out of the first page load.
import type { Paper } from './blocks';
import type { DocxDeps } from './docx';
import type { PdfDeps } from './pdf';

export * from './blocks';
export { documentDate, documentDateEn, placeDate } from './date';
export { PaperError, paperGlyphProblems, blockStrings } from './check';
export { describeGlyph, glyphProblems, keepNames, type GlyphProblem } from './text';
export type { PdfDeps, Fonts } from './pdf';
export type { DocxDeps } from './docx';

let pdfDeps: Promise<PdfDeps> | undefined;
let docxDeps: Promise<DocxDeps> | undefined;

/** jsPDF and the Tinos subsets + the symbol fallback (~110 kB base64), loaded once. */
export function loadPdfDeps(): Promise<PdfDeps> {
	pdfDeps ??= Promise.all([
		import('jspdf'),
		import('./fonts/tinos-regular'),
		import('./fonts/tinos-bold'),
		import('./fonts/tinos-italic'),
		import('./fonts/tinos-bolditalic'),
		import('./fonts/symbols')
	]).then(([{ jsPDF }, regular, bold, italic, bolditalic, symbols]) => ({
		jsPDF,
		fonts: {
			regular: regular.default,
			bold: bold.default,
			italic: italic.default,
			bolditalic: bolditalic.default,
			symbols: symbols.default
		}
	}));
	return pdfDeps;
}

/** The docx package and its watermark helper, loaded once. */
export function loadDocxDeps(): Promise<DocxDeps> {
	docxDeps ??= Promise.all([import('docx'), import('docx/watermarks')]).then(
		([docx, watermarks]) => ({ docx, watermarks })
	);
	return docxDeps;
}

/** PDF bytes of one or more papers (one file, each paper numbered on its own). */
export async function paperPdf(papers: Paper | Paper[], title?: string): Promise<Uint8Array> {
	const [{ renderPdf }, deps] = await Promise.all([import('./pdf'), loadPdfDeps()]);
	return renderPdf([papers].flat(), deps, title);
}

/** DOCX bytes of one or more papers (one file, one section per paper). */
export async function paperDocx(papers: Paper | Paper[], title?: string): Promise<Uint8Array> {
	const [{ renderDocx }, deps] = await Promise.all([import('./docx'), loadDocxDeps()]);
	return renderDocx([papers].flat(), deps, title);
}

export const MIME = {
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
} as const;
