// The shared paper writers measured as a reader would: the PDF through `pdftotext -bbox` (every
// word inside the Decree 30 margins, page numbers top centre from page 2, table headers repeated,
// the signature with its paragraph), the DOCX through its XML (w:pgMar, w:rFonts, styles, header
// rows, page-number field, watermark, properties) and through LibreOffice back to PDF text.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	blockStrings,
	documentDate,
	keepNames,
	paperDocx,
	paperPdf,
	PaperError,
	type Block,
	type Paper
} from '../../src/lib/paper';
import { docxParts, libreOfficePdf, norm, pages, pdfText, pdfWords } from './measure';

const SYMBOLS = '≥ ≤ ± × ÷ − – — ‘ ’ “ ” … • € ‰ § № ✓ ✔ ✗ ☐ ☑ ← ↑ → ↓ ↔ ⇒ ⇔ ₫ ℃';
const URL =
	'https://dichvucong.gialai.gov.vn/portal/p/home/thu-tuc-hanh-chinh/chi-tiet?ma=1.009876.000.00.00.H21&lang=vi';
const longCell = Array.from(
	{ length: 140 },
	(_, i) => `Dòng ghi chú dài số ${i + 1} về thiết bị tường lửa, dải IP 10.20.${i}.0/24.`
).join(' ');

const blocks: Block[] = [
	{
		kind: 'letterhead',
		governing_body: 'ỦY BAN NHÂN DÂN TỈNH GIA LAI',
		issuer: 'SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI TỈNH GIA LAI',
		motto: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
		number: 'Số: 12/SLĐTBXH-VP',
		subject: 'V/v thử nghiệm khung văn bản',
		date_line: `Gia Lai, ${documentDate('2026-03-05')}`
	},
	{ kind: 'addressee', label: 'Kính gửi:', lines: ['Sở Khoa học và Công nghệ tỉnh Gia Lai'] },
	{ kind: 'heading', level: 1, text: 'Phần 1. Ký hiệu và đường dẫn', cite: 'Điều 1 khoản 2' },
	{
		kind: 'para',
		indent: true,
		runs: [{ text: `Ký hiệu: ${SYMBOLS}. Đường dẫn: ${URL} và tiếp theo.` }]
	},
	{ kind: 'list', marker: 'number', items: [[{ text: 'Mục một' }], [{ text: 'Mục hai' }]] },
	{ kind: 'quote', text: 'Văn bản trích dẫn nguyên văn.', cite: 'Điều 9 khoản 2 điểm c' },
	{ kind: 'notice', title: 'CẢNH BÁO', text: 'Nguồn văn bản chưa được kiểm chứng.' },
	{ kind: 'fields', rows: [['Tên hệ thống', 'Cổng dịch vụ công']] },
	{
		kind: 'table',
		columns: [
			{ title: 'Yêu cầu', width: 0.4 },
			{ title: 'Căn cứ', width: 0.3 },
			{ title: 'Mô tả', width: 0.3 }
		],
		rows: [
			{ group: 'Nhóm yêu cầu' },
			{ cells: [[{ text: 'Ô rất dài' }], [{ text: 'Điều 8' }], [{ text: longCell }]] },
			...Array.from({ length: 30 }, (_, i) => ({
				cells: [
					[{ text: `Yêu cầu ${i + 1}` }],
					[{ text: `Điều ${i + 1}` }],
					[{ text: 'đã triển khai' }]
				]
			}))
		]
	},
	{ kind: 'para', indent: true, runs: [{ text: 'Đoạn cuối trước chữ ký.' }] },
	{
		kind: 'signature',
		recipients_label: 'Nơi nhận:',
		recipients: ['Như trên;', 'Lưu: VT.'],
		authority: 'KT. GIÁM ĐỐC',
		title: 'PHÓ GIÁM ĐỐC',
		name: 'Nguyễn Văn An'
	}
];

const paper = (copy: Paper['copy']): Paper => ({
	blocks,
	copy,
	title: 'Khung văn bản',
	fingerprint: '0123456789abcdef',
	draftLabel: 'DỰ THẢO',
	footer: ['Hệ thống thử', 'Bộ quy tắc x@1 · Mã kiểm tra 0123456789abcdef']
});

const M = { top: 20, bottom: 20, left: 30, right: 15 };
const SLACK = 0.6; // mm: glyph boxes from pdftotext include side bearings
let dir: string;
let draftPdf: string;
let finalPdf: string;
let draftDocx: Uint8Array;
let finalDocx: Uint8Array;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'capdo-paper-'));
	draftPdf = join(dir, 'draft.pdf');
	finalPdf = join(dir, 'final.pdf');
	writeFileSync(draftPdf, await paperPdf(paper('draft')));
	writeFileSync(finalPdf, await paperPdf(paper('final')));
	draftDocx = await paperDocx(paper('draft'));
	finalDocx = await paperDocx(paper('final'));
}, 60_000);

/** Non-space characters with their counts. */
const chars = (s: string) => {
	const m = new Map<string, number>();
	for (const c of norm(s).replace(/\s/g, '')) m.set(c, (m.get(c) ?? 0) + 1);
	return m;
};
/** Characters of `expected` missing from `actual` (counted), so a dropped glyph shows. */
function lost(expected: string, actual: string): string[] {
	const have = chars(actual);
	return [...chars(expected)].filter(([c, n]) => (have.get(c) ?? 0) < n).map(([c]) => c);
}
const allText = () =>
	blocks
		.flatMap((b, i) => blockStrings(b, `${i}`))
		.map((s) => s.text)
		.join(' ');

describe('document dates (Decree 30/2020 Phụ lục I)', () => {
	it.each([
		['2026-03-05', 'ngày 05 tháng 3 năm 2026'],
		['2026-01-15', 'ngày 15 tháng 01 năm 2026'],
		['2026-02-09', 'ngày 09 tháng 02 năm 2026'],
		['2026-10-10', 'ngày 10 tháng 10 năm 2026'],
		['2026-12-31', 'ngày 31 tháng 12 năm 2026'],
		['2026-11-01', 'ngày 01 tháng 11 năm 2026']
	])('%s → %s', (iso, text) => expect(documentDate(iso)).toBe(text));

	it('leaves dots to fill by hand, and refuses a non-date', () => {
		expect(documentDate()).toBe('ngày …… tháng …… năm ……');
		expect(() => documentDate('2026-13-01')).toThrow(/not a calendar date/);
		expect(() => documentDate('5/3/2026')).toThrow(/YYYY-MM-DD/);
	});
});

describe('unit names never split mid-name', () => {
	it.each([
		['SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH GIA LAI', 'TỈNH GIA LAI'],
		['SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI TỈNH GIA LAI', 'TỈNH GIA LAI'],
		['ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI', 'THÀNH PHỐ HÀ NỘI'],
		['UBND THỊ XÃ AN KHÊ', 'THỊ XÃ AN KHÊ']
	])('%s keeps "%s" on one line', (name, place) => {
		expect(keepNames(name)).toContain(place.replace(/ /g, '\u00a0'));
		expect(keepNames(name).replace(/\u00a0/g, ' ')).toBe(name);
	});

	it('and the PDF letterhead breaks before the place name, not inside it', () => {
		const p1 = pdfWords(finalPdf)[0]!.words.filter((w) => w.y1 < 45 && w.x1 < 100);
		const line = (t: string) => p1.find((w) => w.text === t)!.y0;
		expect(line('GIA')).toBeCloseTo(line('TỈNH'), 1);
		expect(line('LAI')).toBeCloseTo(line('GIA'), 1);
	});
});

describe('PDF, measured with pdftotext -bbox', () => {
	it('draws every word inside the margins, the page number and the draft footer in theirs', () => {
		for (const file of [draftPdf, finalPdf]) {
			const ps = pdfWords(file);
			expect(ps.length).toBeGreaterThan(3);
			ps.forEach((p, i) => {
				expect(p.width).toBeCloseTo(210, 0);
				expect(p.height).toBeCloseTo(297, 0);
				for (const w of p.words) {
					const where = `${file} page ${i + 1} “${w.text}” at ${w.x0.toFixed(1)},${w.y0.toFixed(1)}`;
					expect(w.x0, where).toBeGreaterThanOrEqual(M.left - SLACK);
					expect(w.x1, where).toBeLessThanOrEqual(210 - M.right + SLACK);
					if (w.y1 < M.top) {
						// Only the page number sits in the top margin, centred, from page 2.
						expect(i, where).toBeGreaterThan(0);
						expect(w.text, where).toBe(String(i + 1));
						expect((w.x0 + w.x1) / 2, where).toBeCloseTo(M.left + 165 / 2, 0);
					} else if (w.y0 > 297 - M.bottom) {
						expect(file, where).toBe(draftPdf); // the machine footer: draft only
						expect(w.y1, where).toBeLessThanOrEqual(297 - 5);
					} else expect(w.y0, where).toBeGreaterThanOrEqual(M.top - SLACK);
				}
			});
		}
	});

	it('prints every character it was given (Vietnamese, symbols, the long URL) and nothing is lost', () => {
		const text = pdfText(finalPdf);
		expect(lost(allText(), text)).toEqual([]);
		for (const s of SYMBOLS.split(' ')) expect(text, s).toContain(s);
		// The URL broke across lines after its own punctuation, every character kept.
		expect(text.replace(/\s/g, '')).toContain(URL);
	});

	it('splits the tall row across pages and repeats the header row on each', () => {
		const ps = pdfWords(finalPdf);
		const withRows = ps
			.map((p, i) => ({ i, p }))
			.filter(({ p }) => p.words.some((w) => /^Dòng$|^Yêu$/.test(w.text) && w.y0 > 40));
		expect(withRows.length).toBeGreaterThanOrEqual(2);
		for (const { p } of withRows.slice(1)) {
			const head = p.words.filter((w) => w.text === 'Căn' && w.y0 < 35);
			expect(head.length, 'header row on a continuation page').toBe(1);
		}
		// All 140 lines of the tall cell made it, in order.
		const t = pdfText(finalPdf);
		let at = 0;
		for (let i = 1; i <= 140; i++) {
			const k = t.indexOf(`số ${i} về`, at);
			expect(k, `line ${i}`).toBeGreaterThan(-1);
			at = k;
		}
	});

	it('keeps the signature with the paragraph before it, and prints the two-line authority', () => {
		const ps = pdfWords(finalPdf);
		const pageOf = (t: string) => ps.findIndex((p) => p.words.some((w) => w.text === t));
		expect(pageOf('An')).toBe(pageOf('cuối'));
		const t = pdfText(finalPdf, pageOf('An') + 1);
		expect(t).toMatch(/KT\. GIÁM ĐỐC[\s\S]*PHÓ GIÁM ĐỐC[\s\S]*Nguyễn Văn An/);
	});

	it('marks the draft (watermark outlines, footer) and not the signature copy', () => {
		const d = pdfText(draftPdf);
		const f = pdfText(finalPdf);
		expect(d).toContain('DỰ THẢO');
		expect(d).toContain('Mã kiểm tra 0123456789abcdef');
		expect(f).not.toContain('DỰ THẢO');
		expect(f).not.toContain('Mã kiểm tra');
		expect(pages(draftPdf)).toBe(pages(finalPdf));
	});

	it('uses a body size of 13 pt and the letterhead sizes of Decree 30', () => {
		const p1 = pdfWords(finalPdf)[0]!.words;
		const h = (t: string) => {
			const w = p1.find((x) => x.text === t)!;
			return (w.y1 - w.y0) / (25.4 / 72);
		};
		// pdftotext boxes are the font's ascent + descent: ≈ 1.15 × the size for Times metrics.
		expect(h('Ký') / 1.15).toBeCloseTo(13, 0);
		expect(h('CỘNG') / 1.15).toBeCloseTo(12, 0);
		expect(h('Độc') / 1.15).toBeCloseTo(13, 0);
	});
});

describe('an unsupported character is an error naming it and where it is', () => {
	const bad = (): Paper => ({
		...paper('final'),
		blocks: [
			blocks[0]!,
			{
				kind: 'table',
				columns: [
					{ title: 'A', width: 0.5 },
					{ title: 'B', width: 0.5 }
				],
				rows: [{ cells: [[{ text: 'ổn' }], [{ text: 'vui 😀 lắm' }]] }]
			}
		]
	});
	it.each([
		['PDF', paperPdf],
		['DOCX', paperDocx]
	])('%s', async (_, write) => {
		const e = await write(bad()).catch((x: unknown) => x);
		expect(e).toBeInstanceOf(PaperError);
		expect((e as PaperError).problems).toEqual([
			{ path: 'paper[0].blocks[1](table).rows[0].cells[1]', char: '😀', code: 'U+1F600' }
		]);
		expect((e as Error).message).toContain(
			'“😀” (U+1F600) in paper[0].blocks[1](table).rows[0].cells[1]'
		);
	});
});

describe('DOCX, measured from its XML', () => {
	it('A4, the Decree 30 margins, Times New Roman 13 pt, spacing ≥ 6 pt', () => {
		const x = docxParts(finalDocx);
		const doc = x['word/document.xml']!;
		expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
		const mar = /<w:pgMar ([^>]*)\/>/.exec(doc)![1]!;
		const tw = (k: string) => Number(new RegExp(`w:${k}="(\\d+)"`).exec(mar)![1]) / 56.693;
		expect(tw('top')).toBeCloseTo(20, 0);
		expect(tw('bottom')).toBeCloseTo(20, 0);
		expect(tw('left')).toBeCloseTo(30, 0);
		expect(tw('right')).toBeCloseTo(15, 0);
		const styles = x['word/styles.xml']!;
		const defaults = /<w:docDefaults>([\s\S]*?)<\/w:docDefaults>/.exec(styles)![1]!;
		const fonts = /<w:rFonts ([^>]*)\/>/.exec(defaults)![1]!;
		for (const k of ['ascii', 'hAnsi', 'cs', 'eastAsia'])
			expect(fonts, k).toContain(`w:${k}="Times New Roman"`);
		expect(defaults).toMatch(/<w:sz w:val="26"\/>/);
		expect(Number(/<w:spacing w:after="(\d+)"/.exec(defaults)![1])).toBeGreaterThanOrEqual(120);
		for (const id of ['Heading1', 'Heading2', 'Title', 'Quote', 'TableText', 'TableHeading'])
			expect(styles, id).toContain(`w:styleId="${id}"`);
	});

	it('page numbers top centre from page 2, header rows that repeat, borderless letterhead', () => {
		const x = docxParts(finalDocx);
		const doc = x['word/document.xml']!;
		expect(doc).toContain('<w:titlePg/>');
		const headers = Object.entries(x).filter(([k]) => /word\/header\d+\.xml/.test(k));
		const withPage = headers.filter(([, v]) => v.includes('PAGE'));
		expect(withPage).toHaveLength(1); // the default header only, not the first page's
		expect(withPage[0]![1]).toMatch(/<w:jc w:val="center"\/>/);
		expect(doc.match(/<w:tblHeader\/>/g)?.length).toBe(1);
		expect(doc).toContain('<w:numPr>'); // a real numbered list
		const firstTable = /<w:tbl>([\s\S]*?)<\/w:tbl>/.exec(doc)![1]!;
		expect(firstTable).toMatch(/<w:tblBorders>[\s\S]*w:val="none"/);
		expect(firstTable).not.toMatch(/w:val="single"[^>]*w:sz="4"/);
	});

	it('draft: Word watermark and machine footer; signature copy: neither, fingerprint in the properties', () => {
		const d = docxParts(draftDocx);
		const f = docxParts(finalDocx);
		const all = (x: Record<string, string>, re: RegExp) =>
			Object.entries(x)
				.filter(([k]) => re.test(k))
				.map(([, v]) => v)
				.join('');
		expect(all(d, /header/)).toContain('DỰ THẢO');
		expect(all(d, /footer/)).toContain('Mã kiểm tra 0123456789abcdef');
		expect(all(f, /header|footer/)).not.toContain('DỰ THẢO');
		expect(all(f, /footer/)).not.toContain('Mã kiểm tra');
		expect(f['docProps/custom.xml']).toMatch(/name="fingerprint"><vt:lpwstr>0123456789abcdef</);
		expect(f['docProps/custom.xml']).toMatch(/name="copy"><vt:lpwstr>final</);
	});

	it('converts with LibreOffice to a PDF with the same text, in the same frame', () => {
		const pdf = libreOfficePdf(finalDocx, 'final.docx');
		const text = pdfText(pdf);
		expect(lost(allText(), text)).toEqual([]);
		expect(text).toContain('Đoạn cuối trước chữ ký.');
		expect(text).toContain('Gia Lai, ngày 05 tháng 3 năm 2026');
		for (const p of pdfWords(pdf))
			for (const w of p.words.filter((w) => w.y0 > M.top && w.y1 < 297 - M.bottom)) {
				expect(w.x0, w.text).toBeGreaterThanOrEqual(M.left - SLACK);
				expect(w.x1, w.text).toBeLessThanOrEqual(210 - M.right + 1.5); // Word may hang punctuation
			}
	}, 120_000);
});
