// Lays out paper blocks on A4 with jsPDF in the Decree 30/2020/NĐ-CP frame (frame.ts). jsPDF and
// the fonts are passed in, so the caller decides how to load them (lazily in the browser, directly
// in Node). Long words break, table rows taller than the space left split with the header
// repeated, the signature stays with the paragraph before it, and nothing is drawn outside the
// page's frame: body inside the margins, page number and draft footer in the top/bottom margins.
import type { jsPDF as JsPdf } from 'jspdf';
import type { Block, Letterhead, Paper, Run, Signature } from './blocks';
import { assertPrintable } from './check';
import {
	CELL_PAD,
	FOOTER_RULE_Y,
	HEADER_COLUMNS,
	INDENT,
	LEADING,
	MARGIN as M,
	MM_PER_PT,
	PAGE,
	PAGE_NUMBER_Y,
	PARA_GAP_PT,
	SIZE,
	TEXT_WIDTH as WIDTH
} from './frame';
import { WATERMARK } from './fonts/watermark';
import { inText, keepNames, nfc } from './text';

export interface Fonts {
	regular: string;
	bold: string;
	italic: string;
	bolditalic: string;
	/** DejaVu Sans subset for ✓ ✗ ☐ ⇒ … (what Tinos lacks). */
	symbols: string;
}
export interface PdfDeps {
	jsPDF: typeof JsPdf;
	fonts: Fonts;
}

type Style = 'normal' | 'bold' | 'italic' | 'bolditalic';
/** A font face: a Tinos style, or the symbol fallback. */
type Face = Style | 'symbols';
const BOTTOM = PAGE.h - M.bottom;
const PARA_GAP = PARA_GAP_PT * MM_PER_PT;

const styleOf = (r: { bold?: boolean; italic?: boolean }): Style =>
	r.bold ? (r.italic ? 'bolditalic' : 'bold') : r.italic ? 'italic' : 'normal';
const clean = (s: string) => nfc(s).replace(/[ \t\r]+/g, ' ');

interface Piece {
	text: string;
	face: Face;
	width: number;
}
/** A word: pieces with no space between them; `br` forces a line break before it. */
interface Word {
	pieces: Piece[];
	width: number;
	space: number; // width of the space before it
	br?: boolean;
}
type Line = Word[];
const lineWidth = (line: Line) => line.reduce((s, w, i) => s + w.width + (i > 0 ? w.space : 0), 0);

/** Characters after which a long word (URL, path, IP range) may break. */
const BREAK_AFTER = /[/\\\-._,:;?&=@)\]]/;

class Writer {
	y: number = M.top;
	private widths = new Map<string, number>();
	constructor(readonly doc: JsPdf) {}

	font(face: Face, size: number) {
		if (face === 'symbols') this.doc.setFont('Symbols', 'normal');
		else this.doc.setFont('Tinos', face);
		this.doc.setFontSize(size);
	}
	/** Width in mm; cached per face at 1 pt, since the same words recur throughout a paper. */
	measure(text: string, face: Face, size: number): number {
		const key = `${face}\u0000${text}`;
		let w = this.widths.get(key);
		if (w === undefined) {
			this.font(face, 1);
			w = this.doc.getTextWidth(text);
			this.widths.set(key, w);
		}
		return w * size;
	}
	lineHeight(size: number) {
		return size * MM_PER_PT * LEADING;
	}
	newPage() {
		this.doc.addPage();
		this.y = M.top;
	}
	/** Starts a new page unless `h` fits below; never on an empty page. */
	ensure(h: number) {
		if (this.y + h > BOTTOM + 0.01 && this.y > M.top) this.newPage();
	}

	/** Text in one style → pieces by face (symbols the body font lacks go to the fallback). */
	pieces(text: string, style: Style, size: number): Piece[] {
		const out: Piece[] = [];
		for (const ch of text) {
			const face: Face = inText(ch.codePointAt(0)!) ? style : 'symbols';
			const last = out[out.length - 1];
			if (last && last.face === face) last.text += ch;
			else out.push({ text: ch, face, width: 0 });
		}
		for (const p of out) p.width = this.measure(p.text, p.face, size);
		return out;
	}

	words(runs: Run[], size: number): Word[] {
		const out: Word[] = [];
		let glue = false; // the previous piece ended without a space: continue its word
		let br = false;
		for (const r of runs) {
			const style = styleOf(r);
			nfc(r.text)
				.split('\n')
				.forEach((textLine, li) => {
					if (li > 0) [glue, br] = [false, true];
					const text = clean(textLine);
					text.split(' ').forEach((p, i) => {
						if (i > 0) glue = false;
						if (p === '') return;
						const ps = this.pieces(p, style, size);
						const width = ps.reduce((s, x) => s + x.width, 0);
						const last = out[out.length - 1];
						if (glue && last) {
							last.pieces.push(...ps);
							last.width += width;
						} else {
							out.push({ pieces: ps, width, space: this.measure(' ', style, size), br });
							br = false;
						}
						glue = true;
					});
					if (text.endsWith(' ')) glue = false;
				});
		}
		return out;
	}

	/** A word wider than `width` cut into chunks that fit, preferably after / - . _ and the like. */
	splitWord(word: Word, first: number, width: number, size: number): Word[] {
		const chars = word.pieces.flatMap((p) =>
			[...p.text].map((ch) => ({ ch, face: p.face, w: this.measure(ch, p.face, size) }))
		);
		const chunks: (typeof chars)[] = [];
		let cur: typeof chars = [];
		let w = 0;
		let avail = first;
		for (const c of chars) {
			if (cur.length > 0 && w + c.w > avail) {
				let cut = cur.length;
				for (let k = cur.length - 1; k > cur.length / 3; k--)
					if (BREAK_AFTER.test(cur[k]!.ch)) {
						cut = k + 1;
						break;
					}
				chunks.push(cur.slice(0, cut));
				cur = cur.slice(cut);
				w = cur.reduce((s, x) => s + x.w, 0);
				avail = width;
			}
			cur.push(c);
			w += c.w;
		}
		if (cur.length > 0) chunks.push(cur);
		return chunks.map((cs, i) => {
			const pieces: Piece[] = [];
			for (const c of cs) {
				const last = pieces[pieces.length - 1];
				if (last && last.face === c.face) {
					last.text += c.ch;
					last.width += c.w;
				} else pieces.push({ text: c.ch, face: c.face, width: c.w });
			}
			return {
				pieces,
				width: pieces.reduce((s, p) => s + p.width, 0),
				space: i === 0 ? word.space : 0,
				br: i === 0 ? word.br : true
			};
		});
	}

	/** Greedy line breaking; forced breaks start a new line; a too-long word is split. */
	wrap(words: Word[], width: number, firstIndent = 0): Line[] {
		const lines: Line[] = [];
		let line: Line = [];
		let w = 0;
		const avail = () => width - (lines.length === 0 ? firstIndent : 0);
		const flush = () => {
			lines.push(line);
			line = [];
			w = 0;
		};
		for (const word of words) {
			if (word.br && line.length > 0) flush();
			const add = (line.length > 0 ? word.space : 0) + word.width;
			if (line.length > 0 && w + add > avail()) flush();
			if (word.width > avail() + 0.01) {
				for (const part of this.splitWord(word, avail(), width, this.size)) {
					if (part.br && line.length > 0) flush();
					line.push(part);
					w += part.width;
				}
				continue;
			}
			line.push(word);
			w += (line.length > 1 ? word.space : 0) + word.width;
		}
		if (line.length > 0 || lines.length === 0) lines.push(line);
		return lines;
	}
	private size: number = SIZE.body;
	/** Words laid into lines at `size`. */
	layout(runs: Run[], size: number, width: number, firstIndent = 0): Line[] {
		this.size = size;
		return this.wrap(this.words(runs, size), width, firstIndent);
	}

	/**
	 * Draws a line as few text calls as possible: one per run of same-face words. A justified
	 * segment uses jsPDF's own justification (per-word offsets inside one text object, the only way
	 * with Identity-H fonts), given the segment's share of the line's slack.
	 */
	drawLine(line: Line, x: number, baseline: number, width: number, align: string, size: number) {
		const natural = lineWidth(line);
		let extra = 0;
		if (align === 'justify' && line.length > 1) extra = (width - natural) / (line.length - 1);
		const segments: { face: Face; text: string; width: number; gaps: number; space: number }[] = [];
		line.forEach((word, i) =>
			word.pieces.forEach((p, j) => {
				const last = segments[segments.length - 1];
				const newWord = i > 0 && j === 0;
				if (last && last.face === p.face) {
					last.text += (newWord ? ' ' : '') + p.text;
					last.width += (newWord ? word.space : 0) + p.width;
					if (newWord) last.gaps++;
				} else
					segments.push({
						face: p.face,
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
			this.font(seg.face, size);
			const w = seg.width + extra * seg.gaps;
			if (extra > 0.01 && seg.gaps > 0)
				this.doc.text([seg.text, ''], cx, baseline, { align: 'justify', maxWidth: w + 0.05 });
			else this.doc.text(seg.text, cx, baseline);
			cx += w;
		}
	}

	/** Height of a paragraph laid out as `paragraph` would, without drawing it. */
	paragraphHeight(runs: Run[], opts: ParaOpts = {}) {
		const size = opts.size ?? SIZE.body;
		const lines = this.layout(runs, size, opts.width ?? WIDTH, opts.indent ?? 0);
		return lines.length * this.lineHeight(size) + (opts.gap ?? PARA_GAP);
	}

	/** A paragraph at `x` within `width`, breaking pages between lines. */
	paragraph(runs: Run[], opts: ParaOpts = {}) {
		const size = opts.size ?? SIZE.body;
		const x = opts.x ?? M.left;
		const width = opts.width ?? WIDTH;
		const lh = this.lineHeight(size);
		const lines = this.layout(runs, size, width, opts.indent ?? 0);
		// No single line left at the foot of a page (widow/orphan control for short paragraphs).
		if (lines.length <= 3) this.ensure(lines.length * lh);
		else this.ensure(2 * lh);
		lines.forEach((line, i) => {
			this.ensure(lh);
			const ind = i === 0 ? (opts.indent ?? 0) : 0;
			const last = i === lines.length - 1 || lines[i + 1]?.[0]?.br;
			const align = opts.align === 'justify' && last ? 'left' : (opts.align ?? 'left');
			this.drawLine(line, x + ind, this.y + lh * 0.78, width - ind, align, size);
			this.y += lh;
		});
		this.y += opts.gap ?? PARA_GAP;
	}

	/** Centred lines in a column without page checks (letterhead, signature); returns bottom y. */
	centred(runs: Run[], x: number, width: number, size: number, y: number, draw = true) {
		const lh = this.lineHeight(size);
		const lines = this.layout(runs, size, width);
		const widths: number[] = [];
		for (const line of lines) {
			widths.push(lineWidth(line));
			if (draw) this.drawLine(line, x, y + lh * 0.78, width, 'center', size);
			y += lh;
		}
		return { y, widths };
	}

	rule(x1: number, x2: number, y: number, w = 0.3) {
		this.doc.setLineWidth(w);
		this.doc.line(x1, y, x2, y);
	}
}

interface ParaOpts {
	x?: number;
	width?: number;
	size?: number;
	indent?: number;
	align?: string;
	gap?: number;
}

const LEFT = { x: M.left, w: HEADER_COLUMNS.left };
const RIGHT = { x: M.left + HEADER_COLUMNS.left, w: HEADER_COLUMNS.right };
const cx = (col: { x: number; w: number }) => col.x + col.w / 2;

function letterhead(wr: Writer, b: Letterhead) {
	const top = wr.y; // the page top, or below a form caption
	let yl = top;
	if (b.governing_body)
		yl = wr.centred([{ text: keepNames(b.governing_body) }], LEFT.x, LEFT.w, SIZE.header, yl).y;
	const issuer = wr.centred(
		[{ text: keepNames(b.issuer), bold: true }],
		LEFT.x,
		LEFT.w,
		SIZE.header,
		yl
	);
	yl = issuer.y + 1.5;
	const rule = Math.max(...issuer.widths) / 3;
	wr.rule(cx(LEFT) - rule / 2, cx(LEFT) + rule / 2, yl);

	let yr = wr.centred([{ text: b.motto[0], bold: true }], RIGHT.x, RIGHT.w, SIZE.header, top).y;
	const motto = wr.centred([{ text: b.motto[1], bold: true }], RIGHT.x, RIGHT.w, SIZE.motto, yr);
	yr = motto.y + 1.5;
	const mw = motto.widths[0] ?? 0;
	wr.rule(cx(RIGHT) - mw / 2, cx(RIGHT) + mw / 2, yr);

	const y = Math.max(yl, yr) + 4;
	const left = wr.centred([{ text: b.number }], LEFT.x, LEFT.w, SIZE.body, y).y;
	const sub = b.subject
		? wr.centred([{ text: b.subject }], LEFT.x, LEFT.w, SIZE.header, left + 0.5).y
		: left;
	const right = wr.centred([{ text: b.date_line, italic: true }], RIGHT.x, RIGHT.w, SIZE.body, y).y;
	wr.y = Math.max(sub, right) + 6;
}

/** Rows of a table; a row that does not fit splits across pages, the header row repeated. */
function table(wr: Writer, b: Extract<Block, { kind: 'table' }>) {
	const size = b.size ?? SIZE.table;
	const pad = CELL_PAD;
	const lh = wr.lineHeight(size);
	const widths = b.columns.map((c) => c.width * WIDTH);
	const layout = (cells: Run[][], bold = false) =>
		cells.map((runs, i) =>
			wr.layout(
				runs.map((r) => ({ ...r, bold: bold || r.bold })),
				size,
				widths[i]! - 2 * pad
			)
		);
	type Cells = ReturnType<typeof layout>;
	const drawRow = (cells: Cells, aligns: string[], from: number, n: number, fill?: number) => {
		const h = n * lh + 2 * pad;
		let x = M.left;
		if (fill !== undefined) {
			wr.doc.setFillColor(fill, fill, fill);
			wr.doc.rect(M.left, wr.y, WIDTH, h, 'F');
		}
		cells.forEach((lines, i) => {
			lines
				.slice(from, from + n)
				.forEach((line, j) =>
					wr.drawLine(
						line,
						x + pad,
						wr.y + pad + lh * j + lh * 0.78,
						widths[i]! - 2 * pad,
						aligns[i]!,
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
		b.columns.map((c) => [{ text: c.title }]),
		true
	);
	const headerLines = Math.max(...header.map((l) => l.length));
	const headerH = headerLines * lh + 2 * pad;
	const drawHeader = () =>
		drawRow(
			header,
			b.columns.map(() => 'center'),
			0,
			headerLines,
			235
		);
	const aligns = b.columns.map((c) => c.align ?? 'left');
	wr.ensure(headerH + lh + 2 * pad);
	drawHeader();
	const fresh = () => {
		wr.newPage();
		drawHeader();
	};
	for (const row of b.rows) {
		if ('group' in row) {
			const lines = [
				wr.layout([{ text: row.group, bold: true, italic: true }], size, WIDTH - 2 * pad)
			];
			const h = lines[0]!.length * lh + 2 * pad;
			// A group heading never ends a page: it needs room for one row under it.
			if (wr.y + h + lh + 2 * pad > BOTTOM) fresh();
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
		const total = Math.max(...cells.map((l) => l.length));
		const fits = (n: number) => wr.y + n * lh + 2 * pad <= BOTTOM + 0.01;
		// A row that fits on a fresh page moves there whole; a taller one splits line by line.
		const page = Math.floor((BOTTOM - M.top - headerH - 2 * pad) / lh);
		if (!fits(total) && total <= Math.min(page, 8)) fresh();
		let from = 0;
		while (from < total) {
			let n = Math.min(total - from, Math.floor((BOTTOM - wr.y - 2 * pad) / lh));
			if (n < 1) {
				fresh();
				continue;
			}
			n = Math.max(n, 1);
			drawRow(cells, aligns, from, n);
			from += n;
			if (from < total) fresh();
		}
	}
	wr.y += PARA_GAP;
}

/** The signature block's layout; `draw` false only measures it. */
function signature(wr: Writer, b: Signature, draw: boolean): number {
	const top = wr.y + 1;
	let yl = top;
	const lhLabel = wr.lineHeight(SIZE.small);
	if (b.recipients_label) {
		if (draw) {
			wr.font('bolditalic', SIZE.small);
			wr.doc.text(nfc(b.recipients_label), M.left, yl + lhLabel * 0.78);
		}
		yl += lhLabel;
	}
	const lh = wr.lineHeight(SIZE.recipients);
	for (const r of b.recipients ?? [])
		for (const line of wr.layout([{ text: `- ${r}` }], SIZE.recipients, LEFT.w)) {
			if (draw) wr.drawLine(line, M.left, yl + lh * 0.78, LEFT.w, 'left', SIZE.recipients);
			yl += lh;
		}
	let yr = top;
	const c = (runs: Run[], size: number) => {
		yr = wr.centred(runs, RIGHT.x, RIGHT.w, size, yr, draw).y;
	};
	if (b.authority) c([{ text: b.authority, bold: true }], SIZE.body);
	c([{ text: b.title, bold: true }], SIZE.body);
	if (b.note) c([{ text: b.note, italic: true }], SIZE.small);
	yr += 20; // room for the signature and seal
	c([{ text: b.name, bold: true }], SIZE.body);
	return Math.max(yl, yr) + 4 - wr.y;
}

/** Height a block needs to stay with the next one (keep-with-next); 0 when it can break freely. */
function heightOf(wr: Writer, b: Block): number {
	switch (b.kind) {
		case 'para':
			return wr.paragraphHeight(b.runs, {
				size: b.size,
				indent: b.indent ? INDENT : 0
			});
		case 'list':
			return b.items.reduce(
				(s, item, i) => s + wr.paragraphHeight(marked(b, item, i), { width: WIDTH - INDENT }),
				0
			);
		case 'fields':
			return b.rows.reduce(
				(s, [k, v]) =>
					s + wr.paragraphHeight([{ text: `${k}: ` }, { text: v, bold: true }], { indent: INDENT }),
				0
			);
		case 'quote':
			return wr.paragraphHeight(quoteRuns(b), { width: WIDTH - 2 * INDENT, size: SIZE.small });
		case 'signature':
			return signature(wr, b, false);
		default:
			return 0;
	}
}

const marked = (b: Extract<Block, { kind: 'list' }>, item: Run[], i: number): Run[] =>
	b.marker === 'dash'
		? [{ text: '- ' }, ...item]
		: b.marker === 'number'
			? [{ text: `${i + 1}. ` }, ...item]
			: item;
const quoteRuns = (b: Extract<Block, { kind: 'quote' }>): Run[] => [
	{ text: `“${b.text.trim()}”`, italic: true },
	{ text: ` (${b.cite})` }
];

function block(wr: Writer, b: Block) {
	switch (b.kind) {
		case 'letterhead':
			return letterhead(wr, b);
		case 'title': {
			wr.ensure(30);
			wr.y += 2;
			wr.paragraph([{ text: b.text, bold: true }], { size: SIZE.title, align: 'center', gap: 1 });
			for (const [i, line] of (b.sub ?? '').split('\n').filter(Boolean).entries())
				wr.paragraph([{ text: line, bold: i === 0, italic: i > 0 }], {
					align: 'center',
					size: i === 0 ? SIZE.body : SIZE.small,
					gap: 0.5
				});
			wr.y += 4;
			return;
		}
		case 'addressee': {
			const label = clean(b.label);
			const size = SIZE.title;
			const lw = wr.measure(label + ' ', 'normal', size);
			const text = b.lines.join('; ');
			const tw = wr
				.layout([{ text }], size, 1e6)[0]!
				.reduce((s, w, i) => s + w.width + (i ? w.space : 0), 0);
			wr.y += 1;
			if (lw + tw <= WIDTH - 20)
				wr.paragraph([{ text: `${label} ${text}` }], { size, align: 'center', gap: 3 });
			else {
				const x = M.left + 15;
				const lh = wr.lineHeight(size);
				wr.ensure(lh);
				wr.font('normal', size);
				wr.doc.text(label, x, wr.y + lh * 0.78);
				wr.paragraph([{ text }], { size, x: x + lw, width: WIDTH - 15 - lw, gap: 3 });
			}
			return;
		}
		case 'heading': {
			const size = SIZE.body;
			wr.ensure(wr.lineHeight(size) * 3);
			wr.y += b.level === 1 ? 2.5 : 1;
			const runs: Run[] = [{ text: b.text, bold: true, italic: b.level === 2 }];
			if (b.cite) runs.push({ text: ` (${b.cite})`, italic: true });
			return wr.paragraph(runs, { size, gap: PARA_GAP });
		}
		case 'para':
			return wr.paragraph(b.runs, {
				size: b.size,
				indent: b.indent ? INDENT : 0,
				align: b.align ?? 'justify'
			});
		case 'list':
			b.items.forEach((item, i) =>
				wr.paragraph(marked(b, item, i), {
					x: M.left + INDENT,
					width: WIDTH - INDENT,
					align: 'justify'
				})
			);
			return;
		case 'quote':
			return wr.paragraph(quoteRuns(b), {
				x: M.left + INDENT,
				width: WIDTH - 2 * INDENT,
				size: SIZE.small,
				align: 'justify'
			});
		case 'fields':
			for (const [k, v] of b.rows)
				wr.paragraph([{ text: `${k}: ` }, { text: v, bold: true }], {
					indent: INDENT,
					align: 'justify'
				});
			return;
		case 'notice': {
			const size = SIZE.table;
			const x = M.left;
			const inner = { x: x + 3, width: WIDTH - 6, size };
			const h =
				wr.paragraphHeight([{ text: b.title, bold: true }], { ...inner, gap: 0.5 }) +
				wr.paragraphHeight([{ text: b.text }], { ...inner, gap: 0 }) +
				4;
			wr.ensure(Math.min(h, BOTTOM - M.top));
			const y0 = wr.y;
			wr.y += 2;
			wr.doc.setTextColor(150, 0, 0);
			wr.paragraph([{ text: b.title, bold: true }], { ...inner, gap: 0.5 });
			wr.paragraph([{ text: b.text }], { ...inner, gap: 0, align: 'justify' });
			wr.doc.setTextColor(0);
			wr.doc.setDrawColor(150, 0, 0);
			wr.doc.setLineWidth(0.5);
			// Boxed when it stayed on one page (ensured above unless it is longer than a page).
			if (wr.y > y0) wr.doc.rect(x, y0, WIDTH, wr.y - y0 + 2);
			wr.doc.setDrawColor(0);
			wr.y += 2 + PARA_GAP;
			return;
		}
		case 'table':
			return table(wr, b);
		case 'signature': {
			wr.ensure(signature(wr, b, false));
			wr.y += signature(wr, b, true);
			return;
		}
		case 'page_break':
			if (wr.y > M.top) wr.newPage();
			return;
	}
}

/** Lays out one paper's blocks, keeping a block with a following signature (or keepNext). */
function blocks(wr: Writer, list: Block[]) {
	list.forEach((b, i) => {
		const next = list[i + 1];
		const keep = next && (next.kind === 'signature' || (b.kind === 'para' && b.keepNext));
		if (keep) {
			const together =
				heightOf(wr, b) +
				(next.kind === 'signature' ? heightOf(wr, next) : wr.lineHeight(SIZE.body) * 2);
			if (together <= BOTTOM - M.top) wr.ensure(together);
		}
		block(wr, b);
	});
}

const FACES: [Face, keyof Fonts][] = [
	['normal', 'regular'],
	['bold', 'bold'],
	['italic', 'italic'],
	['bolditalic', 'bolditalic'],
	['symbols', 'symbols']
];

/**
 * Writes papers one after another into one PDF, each from a new page, numbered on its own (page
 * numbers top centre from its page 2), stamped as its copy says. Throws PaperError, before drawing
 * anything, when a character cannot be printed.
 */
export function renderPdf(
	papers: Paper[],
	deps: PdfDeps,
	title = papers[0]?.title ?? ''
): Uint8Array {
	assertPrintable(papers);
	const doc = new deps.jsPDF({
		unit: 'mm',
		format: 'a4',
		compress: true,
		putOnlyUsedFonts: true,
		floatPrecision: 2 // 1/100 pt is plenty; the default 16 digits doubles the file
	});
	for (const [face, key] of FACES) {
		doc.addFileToVFS(`capdo-${face}.ttf`, deps.fonts[key]);
		if (face === 'symbols')
			doc.addFont(`capdo-${face}.ttf`, 'Symbols', 'normal', undefined, 'Identity-H');
		else doc.addFont(`capdo-${face}.ttf`, 'Tinos', face, undefined, 'Identity-H');
	}
	const fps = [...new Set(papers.map((p) => p.fingerprint).filter(Boolean))];
	doc.setProperties({
		title: nfc(title),
		creator: 'capdo',
		keywords: [papers[0]?.keywords, ...fps].filter(Boolean).join(' ')
	});
	doc.setLineHeightFactor(LEADING);
	const wr = new Writer(doc);
	const starts: number[] = [];
	papers.forEach((paper, k) => {
		if (k > 0) wr.newPage();
		starts.push(doc.getNumberOfPages());
		blocks(wr, paper.blocks);
	});
	const total = doc.getNumberOfPages();
	papers.forEach((paper, k) => {
		const first = starts[k]!;
		const last = (starts[k + 1] ?? total + 1) - 1;
		for (let i = first; i <= last; i++) stamp(wr, paper, i, i - first + 1);
	});
	return new Uint8Array(doc.output('arraybuffer'));
}

/** Page number (from page 2), and on the draft copy the watermark and the machine footer. */
function stamp(wr: Writer, paper: Paper, page: number, i: number) {
	const doc = wr.doc;
	doc.setPage(page);
	if (i > 1) {
		wr.font('normal', SIZE.pageNumber);
		doc.text(String(i), M.left + WIDTH / 2, PAGE_NUMBER_Y, { align: 'center' });
	}
	if (paper.copy !== 'draft') return;
	watermark(doc);
	const lines = (paper.footer ?? []).map(clean);
	let y = FOOTER_RULE_Y + 3.5;
	doc.setDrawColor(160);
	wr.rule(M.left, PAGE.w - M.right, FOOTER_RULE_Y, 0.2);
	doc.setDrawColor(0);
	if (paper.banner) {
		wr.font('bold', SIZE.stamp);
		doc.setTextColor(150, 0, 0);
		doc.text(fit(wr, clean(paper.banner), WIDTH, 'bold'), M.left, y);
		y += 3.4;
	}
	doc.setTextColor(90);
	lines.forEach((line, j) => {
		wr.font('normal', SIZE.stamp);
		doc.text(fit(wr, line, j === 0 && paper.draftLabel ? WIDTH - 30 : WIDTH, 'normal'), M.left, y);
		y += 3.4;
	});
	if (paper.draftLabel) {
		wr.font('bold', SIZE.stamp);
		doc.text(
			clean(paper.draftLabel),
			PAGE.w - M.right,
			FOOTER_RULE_Y + 3.5 + (paper.banner ? 3.4 : 0),
			{
				align: 'right'
			}
		);
	}
	doc.setTextColor(0);
}

/** Shortens a footer line with an ellipsis so it never runs into the margin. */
function fit(wr: Writer, text: string, width: number, face: Style): string {
	if (wr.measure(text, face, SIZE.stamp) <= width) return text;
	let t = text;
	while (t.length > 1 && wr.measure(t + '…', face, SIZE.stamp) > width) t = t.slice(0, -1);
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
