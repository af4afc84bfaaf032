// Writes paper blocks as a Word document with the `docx` package, in the Decree 30/2020/NĐ-CP
// frame (frame.ts): A4, the margins in twips, Times New Roman, real styles (Heading 1/2, Title,
// Quote, table text, numbered and dash lists) so the agency can go on editing it in Word; the
// letterhead and the signature block as borderless two-column tables; page numbers top centre from
// page 2 (a different first page); table header rows that repeat; the signature kept with the
// paragraph before it. Each paper is its own section, numbered from 1. The draft copy carries
// Word's own "DỰ THẢO" watermark (removable with Design › Watermark) and the machine footer; the
// signature copy carries neither, and the fingerprint sits in the document properties.
// The module is passed in (`import('docx')`), so it loads only when a DOCX is made.
import type * as D from 'docx';
import type { Block, Letterhead, Paper, Run, Signature } from './blocks';
import { assertPrintable } from './check';
import {
	CELL_PAD,
	FONT,
	HEADER_COLUMNS,
	INDENT,
	MARGIN,
	PAGE,
	PAGE_NUMBER_Y,
	PARA_GAP_PT,
	SIZE,
	TEXT_WIDTH,
	twips
} from './frame';
import { keepNames, nfc, textWidth } from './text';

export type DocxModule = typeof D;
export interface DocxDeps {
	docx: DocxModule;
	/** "DỰ THẢO" and its watermark in Word (`TextWatermark` from docx/watermarks). */
	watermarks: { TextWatermark: typeof import('docx/watermarks').TextWatermark };
}

const hp = (pt: number) => Math.round(pt * 2); // half-points
const GAP = PARA_GAP_PT * 20; // twips
const NUMBER = 'capdo-number';
const DASH = 'capdo-dash';

/** Builds the Word document for one or more papers (each its own numbered section). */
export function buildDocx(
	papers: Paper[],
	deps: DocxDeps,
	title = papers[0]?.title ?? ''
): D.Document {
	assertPrintable(papers);
	const d = deps.docx;
	let lists = 0; // each list gets its own numbering instance, so numbering restarts at 1

	const runs = (rs: Run[], extra: Partial<D.IRunOptions> = {}): D.TextRun[] =>
		rs.flatMap((r) =>
			nfc(r.text)
				.split('\n')
				.map(
					(t, i) =>
						new d.TextRun({
							text: t.replace(/[ \t\r]+/g, ' '),
							bold: r.bold || undefined,
							italics: r.italic || undefined,
							break: i > 0 ? 1 : undefined,
							...extra
						})
				)
		);
	const p = (children: D.ParagraphChild[], o: Partial<D.IParagraphOptions> = {}) =>
		new d.Paragraph({ children, ...o });
	const text = (t: string, o: Partial<D.IRunOptions> = {}) => runs([{ text: t }], o);
	const NONE = { style: d.BorderStyle.NONE, size: 0, color: 'FFFFFF' };
	const noBorders = {
		top: NONE,
		bottom: NONE,
		left: NONE,
		right: NONE,
		insideHorizontal: NONE,
		insideVertical: NONE
	};
	const cellNoMargins = { top: 0, bottom: 0, left: 0, right: 0 };
	const centred = { alignment: d.AlignmentType.CENTER, spacing: { after: 0, before: 0 } };
	/** A paragraph whose only content is its bottom border, `width` mm long, centred in `col` mm. */
	const rule = (width: number, col: number) =>
		p([], {
			spacing: { before: 0, after: 0, line: 120, lineRule: d.LineRuleType.EXACT },
			indent: { left: twips((col - width) / 2), right: twips((col - width) / 2) },
			border: { bottom: { style: d.BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } }
		});
	const twoColumns = (left: D.Paragraph[], right: D.Paragraph[], keep = false) =>
		new d.Table({
			width: { size: twips(TEXT_WIDTH), type: d.WidthType.DXA },
			columnWidths: [twips(HEADER_COLUMNS.left), twips(HEADER_COLUMNS.right)],
			layout: d.TableLayoutType.FIXED,
			borders: noBorders,
			rows: [
				new d.TableRow({
					cantSplit: keep,
					children: [
						new d.TableCell({
							width: { size: twips(HEADER_COLUMNS.left), type: d.WidthType.DXA },
							margins: cellNoMargins,
							children: left.length > 0 ? left : [p([])]
						}),
						new d.TableCell({
							width: { size: twips(HEADER_COLUMNS.right), type: d.WidthType.DXA },
							margins: cellNoMargins,
							children: right
						})
					]
				})
			]
		});

	function letterhead(b: Letterhead): D.FileChild[] {
		const left: D.Paragraph[] = [];
		if (b.governing_body)
			left.push(p(text(keepNames(b.governing_body), { size: hp(SIZE.header) }), centred));
		left.push(p(text(keepNames(b.issuer), { size: hp(SIZE.header), bold: true }), centred));
		const issuerWidth = Math.min(
			HEADER_COLUMNS.left,
			...keepNames(b.issuer)
				.split('\n')
				.map((l) => textWidth(l, 'bold', SIZE.header))
		);
		left.push(rule(Math.max(15, issuerWidth / 3), HEADER_COLUMNS.left));
		left.push(
			p(text(b.number, { size: hp(SIZE.body) }), { ...centred, spacing: { before: 160, after: 0 } })
		);
		if (b.subject) left.push(p(text(b.subject, { size: hp(SIZE.header) }), centred));
		const motto = textWidth(b.motto[1], 'bold', SIZE.motto);
		const right = [
			p(text(b.motto[0], { bold: true, size: hp(SIZE.header) }), centred),
			p(text(b.motto[1], { bold: true, size: hp(SIZE.motto) }), centred),
			rule(Math.min(motto, HEADER_COLUMNS.right), HEADER_COLUMNS.right),
			p(text(b.date_line, { italics: true, size: hp(SIZE.body) }), {
				...centred,
				spacing: { before: 160, after: 0 }
			})
		];
		return [twoColumns(left, right), p([], { spacing: { after: GAP } })];
	}

	function signature(b: Signature): D.FileChild[] {
		const keep = { keepNext: true, keepLines: true };
		const left: D.Paragraph[] = [];
		if (b.recipients_label)
			left.push(
				p(text(b.recipients_label, { bold: true, italics: true, size: hp(SIZE.small) }), {
					spacing: { after: 0 },
					...keep
				})
			);
		for (const r of b.recipients ?? [])
			left.push(
				p(text(`- ${r}`, { size: hp(SIZE.recipients) }), { spacing: { after: 0 }, ...keep })
			);
		const right: D.Paragraph[] = [];
		const line = (t: string, o: Partial<D.IRunOptions>, after = 0) =>
			right.push(p(text(t, o), { ...centred, spacing: { before: 0, after }, ...keep }));
		if (b.authority) line(b.authority, { bold: true });
		line(b.title, { bold: true });
		if (b.note) line(b.note, { italics: true, size: hp(SIZE.small) });
		line('', {}, twips(16)); // room for the signature and seal
		line(b.name, { bold: true });
		return [twoColumns(left, right, true)];
	}

	function table(b: Extract<Block, { kind: 'table' }>): D.Table {
		const widths = b.columns.map((c) => twips(c.width * TEXT_WIDTH));
		// A table's own size (a wide table) overrides the Table Text style's on each run.
		const sized = b.size ? { size: hp(b.size) } : {};
		const cellText = (rs: Run[], o: Partial<D.IParagraphOptions> = {}) =>
			p(runs(rs, sized), { style: 'TableText', ...o });
		const border = { style: d.BorderStyle.SINGLE, size: 4, color: '000000' };
		const header = new d.TableRow({
			tableHeader: true,
			cantSplit: true,
			children: b.columns.map(
				(c, i) =>
					new d.TableCell({
						width: { size: widths[i]!, type: d.WidthType.DXA },
						shading: { type: d.ShadingType.CLEAR, color: 'auto', fill: 'EBEBEB' },
						children: [p(runs([{ text: c.title }], sized), { style: 'TableHeading' })]
					})
			)
		});
		const rows = b.rows.map((r) =>
			'group' in r
				? new d.TableRow({
						cantSplit: true,
						children: [
							new d.TableCell({
								columnSpan: b.columns.length,
								shading: { type: d.ShadingType.CLEAR, color: 'auto', fill: 'F5F5F5' },
								children: [
									cellText([{ text: r.group, bold: true, italic: true }], { keepNext: true })
								]
							})
						]
					})
				: new d.TableRow({
						children: r.cells.map(
							(c, i) =>
								new d.TableCell({
									width: { size: widths[i]!, type: d.WidthType.DXA },
									children: [
										cellText(c, {
											alignment:
												b.columns[i]?.align === 'center'
													? d.AlignmentType.CENTER
													: b.columns[i]?.align === 'right'
														? d.AlignmentType.RIGHT
														: d.AlignmentType.LEFT
										})
									]
								})
						)
					})
		);
		return new d.Table({
			width: { size: twips(TEXT_WIDTH), type: d.WidthType.DXA },
			columnWidths: widths,
			layout: d.TableLayoutType.FIXED,
			// The PDF's cell margin, so a column holds the same words in both.
			margins: {
				marginUnitType: d.WidthType.DXA,
				left: twips(CELL_PAD),
				right: twips(CELL_PAD)
			},
			borders: {
				top: border,
				bottom: border,
				left: border,
				right: border,
				insideHorizontal: border,
				insideVertical: border
			},
			rows: [header, ...rows]
		});
	}

	function block(b: Block, keepNext: boolean): D.FileChild[] {
		const keep = keepNext ? { keepNext: true, keepLines: true } : {};
		switch (b.kind) {
			case 'letterhead':
				return letterhead(b);
			case 'title':
				return [
					p(text(b.text), { style: 'Title' }),
					...(b.sub ?? '')
						.split('\n')
						.filter(Boolean)
						.map((line, i) =>
							p(text(line, i === 0 ? { bold: true } : { italics: true, size: hp(SIZE.small) }), {
								alignment: d.AlignmentType.CENTER,
								spacing: { after: i === 0 ? 0 : GAP * 2 },
								keepNext: true
							})
						)
				];
			case 'addressee': {
				const body = b.lines.join('; ');
				const short = textWidth(`${b.label} ${body}`, 'regular', SIZE.title) <= TEXT_WIDTH - 20;
				return [
					short
						? p(text(`${b.label} ${body}`, { size: hp(SIZE.title) }), {
								alignment: d.AlignmentType.CENTER,
								spacing: { before: GAP, after: GAP * 2 }
							})
						: p(text(`${b.label} ${body}`, { size: hp(SIZE.title) }), {
								indent: {
									left: twips(15 + textWidth(`${b.label} `, 'regular', SIZE.title)),
									hanging: twips(textWidth(`${b.label} `, 'regular', SIZE.title))
								},
								spacing: { before: GAP, after: GAP * 2 }
							})
				];
			}
			case 'heading':
				return [
					p(
						[
							...runs([{ text: b.text }]),
							...(b.cite ? runs([{ text: ` (${b.cite})`, italic: true }], { bold: false }) : [])
						],
						{ heading: b.level === 1 ? d.HeadingLevel.HEADING_1 : d.HeadingLevel.HEADING_2 }
					)
				];
			case 'para':
				return [
					p(runs(b.runs, b.size ? { size: hp(b.size) } : {}), {
						indent: b.indent ? { firstLine: twips(INDENT) } : undefined,
						alignment:
							b.align === 'right'
								? d.AlignmentType.RIGHT
								: b.align === 'center'
									? d.AlignmentType.CENTER
									: b.align === 'left'
										? d.AlignmentType.LEFT
										: d.AlignmentType.JUSTIFIED,
						keepNext: b.keepNext || keepNext || undefined,
						keepLines: keepNext || undefined
					})
				];
			case 'list': {
				const instance = ++lists;
				return b.items.map((item, i) =>
					p(runs(item), {
						style: 'ListParagraph',
						numbering:
							b.marker === 'number' || b.marker === 'dash'
								? { reference: b.marker === 'number' ? NUMBER : DASH, level: 0, instance }
								: undefined,
						indent: b.marker === 'none' || !b.marker ? { left: twips(INDENT) } : undefined,
						...(i === b.items.length - 1 ? keep : {})
					})
				);
			}
			case 'quote':
				return [
					p(
						[
							...runs([{ text: `“${b.text.trim()}”`, italic: true }]),
							...runs([{ text: ` (${b.cite})` }], { italics: false })
						],
						{ style: 'Quote', ...keep }
					)
				];
			case 'fields':
				return b.rows.map(([k, v], i) =>
					p(runs([{ text: `${k}: ` }, { text: v, bold: true }]), {
						indent: { firstLine: twips(INDENT) },
						alignment: d.AlignmentType.JUSTIFIED,
						...(i === b.rows.length - 1 ? keep : {})
					})
				);
			case 'notice': {
				const red = { style: d.BorderStyle.SINGLE, size: 12, color: '960000', space: 4 };
				const box = { top: red, bottom: red, left: red, right: red };
				return [
					p(text(b.title, { bold: true, color: '960000', size: hp(SIZE.table) }), {
						border: box,
						spacing: { after: 0 },
						keepNext: true
					}),
					p(text(b.text, { color: '960000', size: hp(SIZE.table) }), {
						border: box,
						alignment: d.AlignmentType.JUSTIFIED
					})
				];
			}
			case 'table':
				return [
					table(b),
					p([], { spacing: { after: 0, line: 120, lineRule: d.LineRuleType.EXACT } })
				];
			case 'signature':
				return signature(b);
			case 'page_break':
				return [p([new d.PageBreak()], { spacing: { after: 0 } })];
		}
	}

	const section = (paper: Paper): D.ISectionOptions => {
		const children = paper.blocks.flatMap((b, i) =>
			block(b, paper.blocks[i + 1]?.kind === 'signature')
		);
		const mark = () =>
			paper.copy === 'draft'
				? [
						p(
							[
								new deps.watermarks.TextWatermark({
									text: 'DỰ THẢO',
									font: FONT,
									bold: true,
									color: 'C80000',
									opacity: 0.15
								})
							],
							{ spacing: { after: 0 } }
						)
					]
				: [];
		const pageNumber = p(
			[new d.TextRun({ children: [d.PageNumber.CURRENT], size: hp(SIZE.pageNumber) })],
			{
				alignment: d.AlignmentType.CENTER,
				spacing: { after: 0 }
			}
		);
		const stamp = (t: string, o: Partial<D.IRunOptions> = {}) =>
			p(text(t, { size: hp(SIZE.stamp), color: '5A5A5A', ...o }), { spacing: { after: 0 } });
		const footer =
			paper.copy === 'draft'
				? new d.Footer({
						children: [
							...(paper.banner ? [stamp(paper.banner, { bold: true, color: '960000' })] : []),
							...(paper.footer ?? []).map((l, i) =>
								i === 0 && paper.draftLabel
									? p(
											[
												...text(l, { size: hp(SIZE.stamp), color: '5A5A5A' }),
												new d.TextRun({ text: '\t' }),
												...text(paper.draftLabel, {
													size: hp(SIZE.stamp),
													bold: true,
													color: '5A5A5A'
												})
											],
											{
												spacing: { after: 0 },
												tabStops: [{ type: d.TabStopType.RIGHT, position: twips(TEXT_WIDTH) }],
												border: {
													top: { style: d.BorderStyle.SINGLE, size: 2, color: 'A0A0A0', space: 2 }
												}
											}
										)
									: stamp(l)
							)
						]
					})
				: undefined;
		return {
			properties: {
				titlePage: true,
				page: {
					size: { width: twips(PAGE.w), height: twips(PAGE.h) },
					margin: {
						top: twips(MARGIN.top),
						bottom: twips(MARGIN.bottom),
						left: twips(MARGIN.left),
						right: twips(MARGIN.right),
						header: twips(PAGE_NUMBER_Y - 5),
						footer: twips(7)
					},
					pageNumbers: { start: 1 }
				}
			},
			headers: {
				first: new d.Header({ children: mark() }),
				default: new d.Header({ children: [pageNumber, ...mark()] })
			},
			footers: footer ? { first: footer, default: footer } : undefined,
			children
		};
	};

	const fingerprints = [
		...new Set(papers.map((x) => x.fingerprint).filter((x): x is string => !!x))
	];
	const run = { font: { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT }, size: hp(SIZE.body) };
	return new d.Document({
		creator: 'capdo',
		title: nfc(title),
		keywords: [papers[0]?.keywords, ...fingerprints].filter(Boolean).join(' '),
		description: papers.some((x) => x.copy === 'draft') ? 'DỰ THẢO' : 'Bản trình ký',
		customProperties: [
			...(fingerprints.length > 0 ? [{ name: 'fingerprint', value: fingerprints.join(' ') }] : []),
			{ name: 'copy', value: papers.some((x) => x.copy === 'draft') ? 'draft' : 'final' }
		],
		styles: {
			default: {
				document: {
					run,
					paragraph: { spacing: { after: GAP, line: 240, lineRule: d.LineRuleType.AUTO } }
				},
				title: {
					run: { ...run, size: hp(SIZE.title), bold: true, color: '000000' },
					paragraph: {
						alignment: d.AlignmentType.CENTER,
						spacing: { before: GAP, after: 0 },
						keepNext: true
					}
				},
				heading1: {
					run: { ...run, bold: true, color: '000000' },
					paragraph: { spacing: { before: GAP * 2, after: GAP }, keepNext: true, keepLines: true }
				},
				heading2: {
					run: { ...run, bold: true, italics: true, color: '000000' },
					paragraph: { spacing: { before: GAP, after: GAP }, keepNext: true, keepLines: true }
				},
				listParagraph: { run, paragraph: { alignment: d.AlignmentType.JUSTIFIED } }
			},
			paragraphStyles: [
				{
					id: 'Quote',
					name: 'Quote',
					basedOn: 'Normal',
					next: 'Normal',
					quickFormat: true,
					run: { size: hp(SIZE.small) },
					paragraph: {
						indent: { left: twips(INDENT), right: twips(INDENT) },
						alignment: d.AlignmentType.JUSTIFIED
					}
				},
				{
					id: 'TableText',
					name: 'Table Text',
					basedOn: 'Normal',
					quickFormat: true,
					run: { size: hp(SIZE.table) },
					paragraph: {
						spacing: { before: 40, after: 40, line: 240, lineRule: d.LineRuleType.AUTO }
					}
				},
				{
					id: 'TableHeading',
					name: 'Table Heading',
					basedOn: 'TableText',
					quickFormat: true,
					run: { bold: true },
					paragraph: { alignment: d.AlignmentType.CENTER, keepNext: true }
				}
			]
		},
		numbering: {
			config: [
				{
					reference: NUMBER,
					levels: [
						{
							level: 0,
							format: d.LevelFormat.DECIMAL,
							text: '%1.',
							alignment: d.AlignmentType.LEFT,
							style: { paragraph: { indent: { left: twips(2 * INDENT), hanging: twips(INDENT) } } }
						}
					]
				},
				{
					reference: DASH,
					levels: [
						{
							level: 0,
							format: d.LevelFormat.BULLET,
							text: '-',
							alignment: d.AlignmentType.LEFT,
							style: {
								paragraph: { indent: { left: twips(2 * INDENT), hanging: twips(INDENT / 2) } }
							}
						}
					]
				}
			]
		},
		sections: papers.map(section)
	});
}

/** The DOCX file's bytes (Node and browser). */
export async function renderDocx(
	papers: Paper[],
	deps: DocxDeps,
	title?: string
): Promise<Uint8Array> {
	return deps.docx.Packer.pack(buildDocx(papers, deps, title), 'uint8array');
}
