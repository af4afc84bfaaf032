// Lays out template blocks on A4 with jsPDF, in the Decree 30/2020/NĐ-CP geometry (margins top 20,
// bottom 25, left 30, right 15 mm; Times-metric body 13 pt). jsPDF and the fonts are passed in,
// so the caller decides how to load them (lazily in the browser, directly in Node).
import type { jsPDF as JsPdf } from 'jspdf';
import type { Block, Letterhead, Run, TableRow } from './blocks';
import { WATERMARK } from './fonts/watermark';

export interface Fonts {
	regular: string;
	bold: string;
	italic: string;
	bolditalic: string;
}
export interface PdfDeps {
	jsPDF: typeof JsPdf;
	fonts: Fonts;
}
export interface PdfMeta {
	title: string;
	/** Shown on every page: left (page, system) and a second line (rule set, time, fingerprint). */
	footer: (page: number, pages: number) => [string, string];
	/** "DỰ THẢO" diagonally on every page until approved. */
	watermark: boolean;
	/** Also printed in the footer's right corner, so the draft state survives text extraction. */
	draftLabel?: string;
	/** A warning printed in red in every page's top margin (an unverified legal source). */
	banner?: string;
	keywords?: string;
}

type Style = 'normal' | 'bold' | 'italic' | 'bolditalic';
const PAGE = { w: 210, h: 297 };
const M = { top: 20, bottom: 25, left: 30, right: 15 };
const WIDTH = PAGE.w - M.left - M.right;
const BODY = 13;
const PT = 25.4 / 72; // mm per point
const LEADING = 1.25;
const PARA_GAP = 1.6; // mm after a paragraph
const INDENT = 10; // first-line indent, Decree 30: 1–1.27 cm

const styleOf = (r: { bold?: boolean; italic?: boolean }): Style =>
	r.bold ? (r.italic ? 'bolditalic' : 'bold') : r.italic ? 'italic' : 'normal';
const nfc = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ');

interface Piece {
	text: string;
	style: Style;
	width: number;
}
/** A word: pieces with no space between them (a run boundary inside a word keeps them glued). */
interface Word {
	pieces: Piece[];
	width: number;
	space: number; // width of the space before it
}
type Line = Word[];

class Writer {
	y = M.top;
	private widths = new Map<string, number>();
	constructor(readonly doc: JsPdf) {}

	font(style: Style, size: number) {
		this.doc.setFont('Tinos', style);
		this.doc.setFontSize(size);
	}
	/** Width in mm; cached per style at 1 pt, since the same words recur throughout a dossier. */
	measure(text: string, style: Style, size: number): number {
		const key = `${style}\u0000${text}`;
		let w = this.widths.get(key);
		if (w === undefined) {
			this.font(style, 1);
			w = this.doc.getTextWidth(text);
			this.widths.set(key, w);
		}
		return w * size;
	}
	lineHeight(size: number) {
		return size * PT * LEADING;
	}
	newPage() {
		this.doc.addPage();
		this.y = M.top;
	}
	ensure(h: number) {
		if (this.y + h > PAGE.h - M.bottom && this.y > M.top) this.newPage();
	}

	words(runs: Run[], size: number): Word[] {
		const out: Word[] = [];
		let glue = false; // the previous piece ended without a space: continue its word
		for (const r of runs) {
			const style = styleOf(r);
			const text = nfc(r.text);
			const parts = text.split(' ');
			parts.forEach((p, i) => {
				if (i > 0) glue = false;
				if (p === '') return;
				const piece = { text: p, style, width: this.measure(p, style, size) };
				const last = out[out.length - 1];
				if (glue && last) {
					last.pieces.push(piece);
					last.width += piece.width;
				} else
					out.push({ pieces: [piece], width: piece.width, space: this.measure(' ', style, size) });
				glue = true;
			});
			if (text.endsWith(' ')) glue = false;
		}
		return out;
	}

	/** Greedy line breaking; a word wider than the line is split by characters. */
	wrap(words: Word[], width: number, firstIndent = 0): Line[] {
		const lines: Line[] = [];
		let line: Line = [];
		let w = 0;
		let avail = width - firstIndent;
		for (const word of words) {
			const add = (line.length > 0 ? word.space : 0) + word.width;
			if (line.length > 0 && w + add > avail) {
				lines.push(line);
				line = [];
				w = 0;
				avail = width;
			}
			line.push(word);
			w += (line.length > 1 ? word.space : 0) + word.width;
		}
		if (line.length > 0) lines.push(line);
		return lines;
	}

	/**
	 * Draws a line as few text calls as possible: one per run of same-style words. A justified
	 * segment uses jsPDF's own justification (per-word offsets inside one text object, the only way
	 * with Identity-H fonts), given the segment's share of the line's slack.
	 */
	drawLine(line: Line, x: number, baseline: number, width: number, align: string, size: number) {
		const natural = line.reduce((s, w, i) => s + w.width + (i > 0 ? w.space : 0), 0);
		let extra = 0;
		if (align === 'justify' && line.length > 1) extra = (width - natural) / (line.length - 1);
		const segments: { style: Style; text: string; width: number; gaps: number; space: number }[] =
			[];
		line.forEach((word, i) =>
			word.pieces.forEach((p, j) => {
				const last = segments[segments.length - 1];
				const newWord = i > 0 && j === 0;
				if (last && last.style === p.style) {
					last.text += (newWord ? ' ' : '') + p.text;
					last.width += (newWord ? word.space : 0) + p.width;
					if (newWord) last.gaps++;
				} else
					segments.push({
						style: p.style,
						text: p.text,
						width: p.width,
						gaps: 0,
						space: newWord ? word.space : -1
					});
			})
		);
		let cx =
			align === 'center' ? x + (width - natural) / 2 : align === 'right' ? x + width - natural : x;
		for (const seg of segments) {
			if (seg.space >= 0) cx += seg.space + extra;
			this.font(seg.style, size);
			const w = seg.width + extra * seg.gaps;
			if (extra > 0.01 && seg.gaps > 0)
				this.doc.text([seg.text, ''], cx, baseline, { align: 'justify', maxWidth: w + 0.05 });
			else this.doc.text(seg.text, cx, baseline);
			cx += w;
		}
	}

	/** A paragraph at `x` within `width`; returns the height used. */
	paragraph(
		runs: Run[],
		opts: {
			x?: number;
			width?: number;
			size?: number;
			indent?: number;
			align?: string;
			gap?: number;
		} = {}
	) {
		const size = opts.size ?? BODY;
		const x = opts.x ?? M.left;
		const width = opts.width ?? WIDTH;
		const lh = this.lineHeight(size);
		const lines = this.wrap(this.words(runs, size), width, opts.indent ?? 0);
		lines.forEach((line, i) => {
			this.ensure(lh);
			const ind = i === 0 ? (opts.indent ?? 0) : 0;
			const last = i === lines.length - 1;
			const align = opts.align === 'justify' && last ? 'left' : (opts.align ?? 'left');
			this.drawLine(line, x + ind, this.y + lh * 0.78, width - ind, align, size);
			this.y += lh;
		});
		this.y += opts.gap ?? PARA_GAP;
	}

	/** Lays out centred lines in a column without page checks (the letterhead); returns bottom y. */
	centred(
		runs: Run[],
		cx: number,
		width: number,
		size: number,
		y: number
	): { y: number; widths: number[] } {
		const lh = this.lineHeight(size);
		const lines = this.wrap(this.words(runs, size), width);
		const widths: number[] = [];
		for (const line of lines) {
			const natural = line.reduce((s, w, i) => s + w.width + (i > 0 ? w.space : 0), 0);
			widths.push(natural);
			this.drawLine(line, cx - width / 2, y + lh * 0.78, width, 'center', size);
			y += lh;
		}
		return { y, widths };
	}

	rule(x1: number, x2: number, y: number, w = 0.3) {
		this.doc.setLineWidth(w);
		this.doc.line(x1, y, x2, y);
	}
}

// Two header columns inside the text area: issuer (≈ 2/5) and national motto (≈ 3/5).
const LEFT_COL = { cx: M.left + 33, w: 68 };
const RIGHT_COL = { cx: 148, w: 92 };

function letterhead(wr: Writer, b: Letterhead) {
	const top = wr.y; // the page top, or below a form label
	let yl = top;
	if (b.governing_body)
		yl = wr.centred([{ text: b.governing_body }], LEFT_COL.cx, LEFT_COL.w, 12, yl).y;
	const issuer = wr.centred([{ text: b.issuer, bold: true }], LEFT_COL.cx, LEFT_COL.w, 12, yl);
	yl = issuer.y + 2;
	const rule = Math.max(...issuer.widths) / 3;
	wr.rule(LEFT_COL.cx - rule / 2, LEFT_COL.cx + rule / 2, yl);

	let yr = wr.centred([{ text: b.motto[0], bold: true }], RIGHT_COL.cx, RIGHT_COL.w, 12, top).y;
	const motto = wr.centred([{ text: b.motto[1], bold: true }], RIGHT_COL.cx, RIGHT_COL.w, 13, yr);
	yr = motto.y + 2;
	const mw = motto.widths[0] ?? 0;
	wr.rule(RIGHT_COL.cx - mw / 2, RIGHT_COL.cx + mw / 2, yr);

	const y = Math.max(yl, yr) + 4;
	const left = wr.centred([{ text: b.number }], LEFT_COL.cx, LEFT_COL.w, 13, y).y;
	const sub = b.subject
		? wr.centred([{ text: b.subject }], LEFT_COL.cx, LEFT_COL.w, 12, left + 0.5).y
		: left;
	const right = wr.centred(
		[{ text: b.date_line, italic: true }],
		RIGHT_COL.cx,
		RIGHT_COL.w,
		13,
		y
	).y;
	wr.y = Math.max(sub, right) + 6;
}

function table(wr: Writer, columns: { title: string; width: number }[], rows: TableRow[]) {
	const size = 11;
	const pad = 1.5;
	const lh = wr.lineHeight(size);
	const widths = columns.map((c) => c.width * WIDTH);
	const layout = (cells: Run[][], bold = false) =>
		cells.map((runs, i) =>
			wr.wrap(
				wr.words(
					runs.map((r) => ({ ...r, bold: bold || r.bold })),
					size
				),
				widths[i]! - 2 * pad
			)
		);
	const drawRow = (cellLines: ReturnType<typeof layout>, align: string, fill?: number) => {
		const h = Math.max(...cellLines.map((l) => l.length)) * lh + 2 * pad;
		let x = M.left;
		if (fill !== undefined) {
			wr.doc.setFillColor(fill, fill, fill);
			wr.doc.rect(M.left, wr.y, WIDTH, h, 'F');
		}
		cellLines.forEach((lines, i) => {
			lines.forEach((line, j) =>
				wr.drawLine(
					line,
					x + pad,
					wr.y + pad + lh * j + lh * 0.78,
					widths[i]! - 2 * pad,
					align,
					size
				)
			);
			wr.doc.setLineWidth(0.2);
			wr.doc.rect(x, wr.y, widths[i]!, h);
			x += widths[i]!;
		});
		wr.y += h;
	};
	const header = layout(
		columns.map((c) => [{ text: c.title }]),
		true
	);
	const headerH = Math.max(...header.map((l) => l.length)) * lh + 2 * pad;
	wr.ensure(headerH + lh + 2 * pad);
	drawRow(header, 'center', 235);
	for (const row of rows) {
		if ('group' in row) {
			const lines = [
				wr.wrap(wr.words([{ text: row.group, bold: true, italic: true }], size), WIDTH - 2 * pad)
			];
			const h = lines[0]!.length * lh + 2 * pad;
			if (wr.y + h > PAGE.h - M.bottom) {
				wr.newPage();
				drawRow(header, 'center', 235);
			}
			wr.doc.setFillColor(245, 245, 245);
			wr.doc.rect(M.left, wr.y, WIDTH, h, 'FD');
			lines[0]!.forEach((line, j) =>
				wr.drawLine(
					line,
					M.left + pad,
					wr.y + pad + lh * j + lh * 0.78,
					WIDTH - 2 * pad,
					'left',
					size
				)
			);
			wr.y += h;
			continue;
		}
		const cells = layout(row.cells);
		const h = Math.max(...cells.map((l) => l.length)) * lh + 2 * pad;
		if (wr.y + h > PAGE.h - M.bottom) {
			wr.newPage();
			drawRow(header, 'center', 235);
		}
		drawRow(cells, 'left');
	}
	wr.y += PARA_GAP + 1;
}

function signature(wr: Writer, b: Extract<Block, { kind: 'signature' }>) {
	wr.ensure(36);
	const top = wr.y + 1;
	let yl = top;
	wr.font('bolditalic', 12);
	const lh12 = wr.lineHeight(12);
	wr.doc.text(nfc(b.recipients_label), M.left, yl + lh12 * 0.78);
	yl += lh12;
	for (const r of b.recipients) {
		const lines = wr.wrap(wr.words([{ text: `- ${r}` }], 11), 70);
		for (const line of lines) {
			wr.drawLine(line, M.left, yl + wr.lineHeight(11) * 0.78, 70, 'left', 11);
			yl += wr.lineHeight(11);
		}
	}
	let yr = wr.centred([{ text: b.title, bold: true }], RIGHT_COL.cx, RIGHT_COL.w, 13, top).y;
	yr = wr.centred([{ text: b.note, italic: true }], RIGHT_COL.cx, RIGHT_COL.w, 12, yr).y + 18;
	yr = wr.centred([{ text: b.name, bold: true }], RIGHT_COL.cx, RIGHT_COL.w, 13, yr).y;
	wr.y = Math.max(yl, yr) + 4;
}

function block(wr: Writer, b: Block) {
	switch (b.kind) {
		case 'letterhead':
			return letterhead(wr, b);
		case 'title': {
			wr.ensure(30);
			wr.y += 2;
			wr.paragraph([{ text: b.text, bold: true }], { size: 14, align: 'center', gap: 1 });
			for (const [i, line] of (b.sub ?? '').split('\n').filter(Boolean).entries())
				wr.paragraph([{ text: line, bold: i === 0, italic: i > 0 }], {
					align: 'center',
					size: i === 0 ? 13 : 12,
					gap: 0.5
				});
			wr.y += 4;
			return;
		}
		case 'addressee': {
			const label = nfc(b.label);
			const lw = wr.measure(label + ' ', 'normal', 14);
			const text = b.lines.join('; ');
			const tw = wr.measure(nfc(text), 'normal', 14);
			wr.y += 1;
			if (lw + tw <= WIDTH - 20)
				wr.paragraph([{ text: `${label} ${text}` }], { size: 14, align: 'center', gap: 3 });
			else {
				const x = M.left + 15;
				wr.font('normal', 14);
				const lh = wr.lineHeight(14);
				wr.ensure(lh);
				wr.doc.text(label, x, wr.y + lh * 0.78);
				wr.paragraph([{ text }], { size: 14, x: x + lw, width: WIDTH - 15 - lw, gap: 3 });
			}
			return;
		}
		case 'heading': {
			const size = 13;
			wr.ensure(wr.lineHeight(size) * 3);
			wr.y += b.level === 1 ? 2.5 : 1;
			const runs: Run[] = [{ text: b.text, bold: true, italic: b.level === 2 }];
			if (b.cite) runs.push({ text: ` (${b.cite})`, italic: true });
			return wr.paragraph(runs, { size, gap: 1.2 });
		}
		case 'para':
			return wr.paragraph(b.runs, {
				size: b.size,
				indent: b.indent ? INDENT : 0,
				align: b.align ?? 'justify'
			});
		case 'list':
			for (const item of b.items)
				wr.paragraph(b.marker === 'dash' ? [{ text: '- ' }, ...item] : item, {
					x: M.left + INDENT,
					width: WIDTH - INDENT,
					align: 'justify',
					gap: 0.6
				});
			wr.y += PARA_GAP;
			return;
		case 'quote':
			return wr.paragraph(
				[{ text: `“${b.text.trim()}”`, italic: true }, { text: ` (${b.cite})` }],
				{ x: M.left + INDENT, width: WIDTH - 2 * INDENT, size: 12, align: 'justify' }
			);
		case 'fields':
			for (const [k, v] of b.rows)
				wr.paragraph([{ text: `${k}: ` }, { text: v, bold: true }], {
					indent: INDENT,
					align: 'justify',
					gap: 0.6
				});
			wr.y += PARA_GAP;
			return;
		case 'notice': {
			const size = 11;
			const x = M.left;
			const start = wr.y;
			wr.ensure(25);
			const y0 = wr.y === start ? wr.y : M.top;
			wr.y = y0 + 2;
			wr.doc.setTextColor(150, 0, 0);
			wr.paragraph([{ text: b.title, bold: true }], { x: x + 3, width: WIDTH - 6, size, gap: 0.5 });
			wr.paragraph([{ text: b.text }], {
				x: x + 3,
				width: WIDTH - 6,
				size,
				gap: 0,
				align: 'justify'
			});
			wr.doc.setTextColor(0);
			wr.doc.setDrawColor(150, 0, 0);
			wr.doc.setLineWidth(0.5);
			wr.doc.rect(x, y0, WIDTH, wr.y - y0 + 2);
			wr.doc.setDrawColor(0);
			wr.y += 5;
			return;
		}
		case 'table':
			return table(wr, b.columns, b.rows);
		case 'signature':
			return signature(wr, b);
		case 'page_break':
			if (wr.y > M.top) wr.newPage();
			return;
	}
}

/** Blocks with the stamps for their pages: one dossier in a file that may hold several. */
export interface PdfSection {
	blocks: Block[];
	meta: PdfMeta;
}

/** Renders blocks to PDF bytes, then stamps every page with the footer and the draft watermark. */
export function renderPdf(blocks: Block[], meta: PdfMeta, deps: PdfDeps): Uint8Array {
	return renderPdfSections([{ blocks, meta }], meta, deps);
}

/**
 * Several sections one after another, each from a new page, stamped with its own footer and
 * numbered on its own (page x/y of that dossier).
 */
export function renderPdfSections(
	sections: PdfSection[],
	props: Pick<PdfMeta, 'title' | 'keywords'>,
	deps: PdfDeps
): Uint8Array {
	const doc = new deps.jsPDF({
		unit: 'mm',
		format: 'a4',
		compress: true,
		putOnlyUsedFonts: true,
		floatPrecision: 2 // 1/100 pt is plenty; the default 16 digits doubles the file
	});
	const files: [Style, string][] = [
		['normal', deps.fonts.regular],
		['bold', deps.fonts.bold],
		['italic', deps.fonts.italic],
		['bolditalic', deps.fonts.bolditalic]
	];
	for (const [style, data] of files) {
		doc.addFileToVFS(`Tinos-${style}.ttf`, data);
		doc.addFont(`Tinos-${style}.ttf`, 'Tinos', style, undefined, 'Identity-H');
	}
	doc.setProperties({
		title: nfc(props.title),
		creator: 'capdo',
		keywords: props.keywords ?? ''
	});
	doc.setLineHeightFactor(LEADING);
	const wr = new Writer(doc);
	const starts: number[] = [];
	sections.forEach((section, k) => {
		if (k > 0) wr.newPage();
		starts.push(doc.getNumberOfPages());
		for (const b of section.blocks) block(wr, b);
	});
	const total = doc.getNumberOfPages();
	sections.forEach((section, k) => {
		const first = starts[k]!;
		const last = (starts[k + 1] ?? total + 1) - 1;
		for (let i = first; i <= last; i++) stamp(wr, section.meta, i, i - first + 1, last - first + 1);
	});
	return new Uint8Array(doc.output('arraybuffer'));
}

function stamp(wr: Writer, meta: PdfMeta, page: number, i: number, pages: number) {
	const doc = wr.doc;
	doc.setPage(page);
	if (meta.watermark) watermark(doc);
	if (meta.banner) {
		wr.font('bold', 8);
		doc.setTextColor(150, 0, 0);
		// At most two lines above the 20 mm top margin's rule.
		const lines = (doc.splitTextToSize(nfc(meta.banner), WIDTH) as string[]).slice(0, 2);
		lines.forEach((line, j) =>
			doc.text(line, M.left + WIDTH / 2, 15 - 3.4 * (lines.length - 1 - j), { align: 'center' })
		);
		doc.setDrawColor(150, 0, 0);
		wr.rule(M.left, PAGE.w - M.right, 16.5, 0.3);
		doc.setDrawColor(0);
		doc.setTextColor(0);
	}
	const [l1, l2] = meta.footer(i, pages).map(nfc) as [string, string];
	wr.font('normal', 8);
	doc.setTextColor(90);
	doc.setDrawColor(160);
	wr.rule(M.left, PAGE.w - M.right, 280, 0.2);
	doc.setDrawColor(0);
	doc.text(fit(wr, l1, WIDTH - 30), M.left, 283.5);
	doc.text(fit(wr, l2, WIDTH), M.left, 287.5);
	if (meta.draftLabel) {
		wr.font('bold', 8);
		doc.text(nfc(meta.draftLabel), PAGE.w - M.right, 283.5, { align: 'right' });
	}
	doc.setTextColor(0);
}

/** Shortens a footer line with an ellipsis so it never runs into the margin. */
function fit(wr: Writer, text: string, width: number): string {
	if (wr.doc.getTextWidth(text) <= width) return text;
	let t = text;
	while (t.length > 1 && wr.doc.getTextWidth(t + '…') > width) t = t.slice(0, -1);
	return t + '…';
}

/** "DỰ THẢO" diagonally across the page, as filled outlines (no text to extract), translucent. */
function watermark(doc: JsPdf) {
	const { upem, width, path } = WATERMARK;
	const s = 150 / width; // the word spans 150 mm of the diagonal
	const a = Math.PI / 4;
	const [cos, sin] = [Math.cos(a), Math.sin(a)];
	const capHeight = 0.66 * upem; // Tinos Bold cap height, for vertical centring
	// Font units (y up) → page mm, rotated 45° about the page centre.
	const at = (fx: number, fy: number): [number, number] => {
		const u = (fx - width / 2) * s;
		const v = -(fy - capHeight / 2) * s;
		return [PAGE.w / 2 + u * cos + v * sin, PAGE.h / 2 - u * sin + v * cos];
	};
	const GState = (doc as unknown as { GState: new (o: { opacity: number }) => unknown }).GState;
	doc.saveGraphicsState();
	doc.setGState(new GState({ opacity: 0.13 }) as Parameters<typeof doc.setGState>[0]);
	doc.setFillColor(200, 0, 0);
	let cur: [number, number] = [0, 0];
	for (const [op, ...v] of path as [string, ...number[]][]) {
		if (op === 'M') doc.moveTo(...(cur = at(v[0]!, v[1]!)));
		else if (op === 'L') doc.lineTo(...(cur = at(v[0]!, v[1]!)));
		else if (op === 'Q') {
			const [c, e] = [at(v[0]!, v[1]!), at(v[2]!, v[3]!)];
			const c1 = [cur[0] + (2 / 3) * (c[0] - cur[0]), cur[1] + (2 / 3) * (c[1] - cur[1])];
			const c2 = [e[0] + (2 / 3) * (c[0] - e[0]), e[1] + (2 / 3) * (c[1] - e[1])];
			doc.curveTo(c1[0]!, c1[1]!, c2[0]!, c2[1]!, ...(cur = e));
		} else if (op === 'C') {
			const [c1, c2, e] = [at(v[0]!, v[1]!), at(v[2]!, v[3]!), at(v[4]!, v[5]!)];
			doc.curveTo(...c1, ...c2, ...(cur = e));
		} else if (op === 'Z') doc.close();
	}
	doc.fill();
	doc.restoreGraphicsState();
	doc.setFillColor(0, 0, 0);
}
