// What a template produces and the writers (PDF, DOCX) lay out: a flat list of blocks, no
// coordinates. Templates stay pure (testable without jsPDF or docx); one pair of writers serves
// every paper: the dossier (issue 12), the appraisal papers Mẫu 04–07, the yearly report Mẫu 08.

export interface Run {
	text: string;
	bold?: boolean;
	italic?: boolean;
}

/** The Decree 30/2020/NĐ-CP header: issuer left, national motto right, number/date, subject. */
export interface Letterhead {
	kind: 'letterhead';
	governing_body?: string; // cơ quan chủ quản (regular caps)
	issuer: string; // tên cơ quan ban hành (bold caps, short rule below); "\n" forces a line break
	motto: [string, string]; // Quốc hiệu, Tiêu ngữ
	number: string; // "Số: …/…"
	subject?: string; // trích yếu "V/v …" under the number (công văn)
	date_line: string; // "<place>, ngày … tháng … năm …" (italic); see date.ts
}

/**
 * The signature block: "Nơi nhận" left; right the authority line when someone signs for the head
 * ("KT. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN"), the signer's title ("PHÓ GIÁM ĐỐC"), the hint
 * "(Ký, ghi rõ họ tên…)" (forms only: the signature copy leaves it out), then the name.
 * Writers keep it on one page with the paragraph before it.
 */
export interface Signature {
	kind: 'signature';
	recipients_label?: string;
	recipients?: string[];
	authority?: string;
	title: string;
	note?: string;
	name: string;
}

export interface Column {
	title: string;
	/** Share of the text width; the shares of a table add up to 1. */
	width: number;
	align?: 'left' | 'center' | 'right';
}

export type Block =
	| Letterhead
	| { kind: 'title'; text: string; sub?: string } // centred bold title; sub lines by "\n"
	| { kind: 'addressee'; label: string; lines: string[] } // "Kính gửi: …"
	| { kind: 'heading'; level: 1 | 2; text: string; cite?: string }
	| {
			kind: 'para';
			runs: Run[];
			indent?: boolean;
			size?: number;
			align?: 'left' | 'justify' | 'right' | 'center';
			/** Keep on the same page as the next block. */
			keepNext?: boolean;
	  }
	/** `number`: a real numbered list (1. 2. …, restarting at each list); `dash`: "- " items. */
	| { kind: 'list'; items: Run[][]; marker?: 'dash' | 'number' | 'none' }
	| { kind: 'quote'; text: string; cite: string } // legal text, quoted and cited
	| { kind: 'notice'; title: string; text: string } // boxed warning (unverified rule set)
	| { kind: 'fields'; rows: [string, string][] } // label: value pairs
	/**
	 * A table whose header row repeats on every page; a row taller than a page splits. `size`
	 * (pt, default 11) for a wide table such as Mẫu 08's twelve columns.
	 */
	| { kind: 'table'; columns: Column[]; rows: TableRow[]; size?: number }
	| Signature
	| { kind: 'page_break' };

/** A row of cells; `group` rows span all columns (a requirement group heading). */
export type TableRow = { cells: Run[][] } | { group: string };

export const run = (text: string, style: Omit<Run, 'text'> = {}): Run => ({ text, ...style });
export const para = (
	text: string,
	opts: Partial<Extract<Block, { kind: 'para' }>> = {}
): Block => ({
	kind: 'para',
	runs: [run(text)],
	indent: true,
	...opts
});

/**
 * One document of a file: its blocks, numbered from its own page 1. A file (PDF or DOCX) holds one
 * or more, each starting on a new page (the cover letter, then the dossier).
 */
export interface Paper {
	blocks: Block[];
	/**
	 * `draft`: "DỰ THẢO" across every page and, at the foot of every page, `footer` (machine lines:
	 * rule set, time, fingerprint) and `banner` (a warning in red). `final` (bản trình ký): none of
	 * these; the fingerprint goes to the document properties only (and wherever the template puts it).
	 */
	copy: 'draft' | 'final';
	title: string;
	footer?: string[];
	banner?: string;
	/** Shown as the draft label in the footer ("DỰ THẢO", "DỰ THẢO (DRAFT)"). */
	draftLabel?: string;
	/** Stored in the file's properties (PDF keywords, DOCX custom property "fingerprint"). */
	fingerprint?: string;
	keywords?: string;
}
