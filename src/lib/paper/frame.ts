// The Decree 30/2020/NĐ-CP Phụ lục I frame, shared by the PDF and the DOCX writer so both measure
// the same: A4; margins top 20–25, bottom 20–25, left 30–35, right 15–20 mm; Times New Roman
// 13–14 pt body; page number top centre from page 2; paragraph spacing at least 6 pt.

export const PAGE = { w: 210, h: 297 } as const; // mm
export const MARGIN = { top: 20, bottom: 20, left: 30, right: 15 } as const; // mm
export const TEXT_WIDTH = PAGE.w - MARGIN.left - MARGIN.right; // 165 mm

export const FONT = 'Times New Roman';
export const SIZE = {
	body: 13,
	title: 14,
	header: 12, // tên cơ quan, Quốc hiệu (12–13)
	motto: 13, // Tiêu ngữ (13–14)
	small: 12, // quotes, the form caption, "Nơi nhận" label
	table: 11,
	recipients: 11,
	pageNumber: 13,
	stamp: 8 // the draft copy's machine footer
} as const;

export const LEADING = 1.15; // line height / font size: single spacing in Times New Roman (Word "single")
export const PARA_GAP_PT = 6; // Decree 30: spacing between paragraphs at least 6 pt
export const INDENT = 10; // mm, first-line indent (1–1.27 cm)
export const PAGE_NUMBER_Y = 12; // mm from the top edge to the page number's baseline
export const FOOTER_RULE_Y = 279; // mm: the draft copy's machine footer starts below this rule

/** The letterhead's two columns inside the text area: issuer ≈ 2/5, national motto ≈ 3/5. */
export const HEADER_COLUMNS = { left: 68, right: TEXT_WIDTH - 68 } as const; // mm

/** A table cell's inner margin, mm, in both writers (Word's default 1.9 mm would split words). */
export const CELL_PAD = 1.5;

export const MM_PER_PT = 25.4 / 72;
export const TWIPS_PER_MM = 1440 / 25.4;
export const twips = (mm: number) => Math.round(mm * TWIPS_PER_MM);
