// What a template produces and the PDF writer lays out: a flat list of blocks, no coordinates.
// Templates stay pure (testable without jsPDF); one writer serves every regime's template.

export interface Run {
	text: string;
	bold?: boolean;
	italic?: boolean;
}

/** The Decree 30/2020/NĐ-CP header: issuer left, national motto right, number/date, subject. */
export interface Letterhead {
	kind: 'letterhead';
	governing_body?: string; // cơ quan chủ quản (regular caps)
	issuer: string; // tên cơ quan ban hành (bold caps, short rule below)
	motto: [string, string]; // Quốc hiệu, Tiêu ngữ
	number: string; // "Số: …/…"
	subject?: string; // trích yếu "V/v …" under the number (công văn)
	date_line: string; // "<place>, ngày … tháng … năm …" (italic)
}

export type Block =
	| Letterhead
	| { kind: 'title'; text: string; sub?: string } // centred bold title (tờ trình, hồ sơ)
	| { kind: 'addressee'; label: string; lines: string[] } // "Kính gửi: …"
	| { kind: 'heading'; level: 1 | 2; text: string; cite?: string }
	| {
			kind: 'para';
			runs: Run[];
			indent?: boolean;
			size?: number;
			align?: 'left' | 'justify' | 'right';
	  }
	| { kind: 'list'; items: Run[][]; marker?: 'dash' | 'none' }
	| { kind: 'quote'; text: string; cite: string } // legal text, quoted and cited
	| { kind: 'notice'; title: string; text: string } // boxed warning (unverified rule set)
	| { kind: 'fields'; rows: [string, string][] } // label: value pairs
	| { kind: 'table'; columns: { title: string; width: number }[]; rows: TableRow[] }
	| {
			kind: 'signature';
			recipients_label: string;
			recipients: string[];
			title: string;
			note: string;
			name: string;
	  }
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
