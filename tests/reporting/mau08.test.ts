// Mẫu 08 on paper: a filled report written as PDF and DOCX by the shared paper writers, read back
// with pdftotext, from the DOCX XML and through LibreOffice. The fixed text expected below is
// copied from the form (../shared/legal/decree-331-2026.md, Mẫu số 08).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { counts, initialValues, validate } from '../../src/lib/reporting/mau08/model';
import { mau08Docx, mau08Pdf } from '../../src/lib/reporting/mau08/render';
import { COLUMNS, mau08Blocks } from '../../src/lib/reporting/mau08/template';
import { SNAPSHOT } from './mau08-fixture';
import { docxParts, libreOfficePdf, norm, pdfText as readPdf, pdfWords } from '../paper/measure';

const values = () => {
	const v = initialValues(SNAPSHOT, {
		recipient: 'Ủy ban nhân dân tỉnh Gia Lai',
		place: 'Gia Lai',
		owner: {
			name: 'Ủy ban nhân dân tỉnh Gia Lai',
			representative: 'Nguyễn Văn An, Chủ tịch',
			address: '02 Trần Phú, Pleiku',
			phone: '0269 3822 111',
			email: 'ubnd@gialai.gov.vn'
		},
		specialized: {
			name: 'Sở Khoa học và Công nghệ tỉnh Gia Lai',
			mandate: 'Quyết định số 10/2025/QĐ-UBND',
			representative: 'Trần Thị Bình, Giám đốc',
			address: '15 Lê Lợi, Pleiku',
			phone: '0269 3822 222',
			email: 'skhcn@gialai.gov.vn'
		},
		signer: { title: 'Giám đốc', name: 'Lê Văn Cường' }
	});
	v.expected_completion = '06/2027';
	v.number = '123/BC-STC';
	v.date = '2026-12-16';
	v.systems.s1!.check_periodic = true;
	v.systems.s1!.check_before_use = true;
	v.systems.s1!.regulation = 'Quyết định số 20/QĐ-STC ngày 02/01/2026';
	v.systems.s3!.expected_approval = '01/2027';
	v.systems.s4!.expected_approval = '06/2027';
	return v;
};

function pdfText(bytes: Uint8Array) {
	const dir = mkdtempSync(join(tmpdir(), 'capdo-mau08-'));
	writeFileSync(join(dir, 'r.pdf'), bytes);
	return readPdf(join(dir, 'r.pdf'));
}
/** The visible text of a DOCX body: its runs joined, paragraphs and cells apart. */
const docxText = (bytes: Uint8Array) =>
	norm(
		docxParts(bytes)
			['word/document.xml']!.replace(/<\/w:p>/g, ' ')
			.replace(/<w:tab\/>/g, ' ')
			.replace(/<[^>]+>/g, '')
			.replace(/&amp;/g, '&')
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&quot;/g, '"')
			.replace(/&apos;/g, "'")
	);

describe('Mẫu 08 filled', () => {
	const v = values();
	const c = counts(SNAPSHOT, v);

	it('is complete: nothing left for the reporter', () => {
		expect(validate(v, SNAPSHOT)).toEqual([]);
		expect(c).toEqual({
			in_scope: 4,
			classified: 3,
			dossier: 3,
			appraised: 2,
			approved: 2,
			checked_periodic: 1
		});
	});

	const paper = {
		filer: { name: 'Sở Tài chính tỉnh Gia Lai', governing_body: 'UBND tỉnh Gia Lai' },
		snapshot: SNAPSHOT,
		values: { ...v, signer_authority: 'KT. Giám đốc', signer_title: 'Phó Giám đốc' },
		counts: c,
		closed: true
	};
	const FIXED = [
		'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
		'Độc lập - Tự do - Hạnh phúc',
		'Số: 123/BC-STC',
		'V/v kết quả công tác bảo đảm an ninh mạng hệ thống thông tin',
		'Gia Lai, ngày 16 tháng 12 năm 2026',
		'Kính gửi: Ủy ban nhân dân tỉnh Gia Lai',
		'số liệu tính từ ngày 15/12/2025 đến hết ngày 14/12/2026',
		'1. Thông tin chung',
		'Tổng số hệ thống thông tin thuộc phạm vi quản lý: 4;',
		'Tổng số hệ thống thông tin đã được phân loại (đã xác định được loại hình hệ thống thông tin): 3;',
		'Tổng số hệ thống thông tin đã xây dựng hồ sơ đề xuất cấp độ: 3;',
		'Tổng số hệ thống thông tin đã được thẩm định hồ sơ đề xuất cấp độ: 2;',
		'Tổng số hệ thống thông tin đã được phê duyệt cấp độ: 2;',
		'Tổng số hệ thống thông tin đã phê duyệt cấp độ được kiểm tra, đánh giá an ninh mạng định kỳ theo quy định: 1;',
		'Dự kiến thời gian hoàn thành phê duyệt đề xuất cấp độ hệ thống thông tin đối với tất cả các hệ thống thông tin thuộc phạm vi quản lý: 06/2027.',
		'2. Thông tin về chủ quản hệ thống thông tin và đơn vị chuyên trách về an ninh mạng',
		'a) Thông tin về chủ quản hệ thống thông tin:',
		'(1) Tên chủ quản hệ thống thông tin: Ủy ban nhân dân tỉnh Gia Lai;',
		'(3) Người đại diện, chức vụ: Nguyễn Văn An, Chủ tịch;',
		'b) Thông tin về đơn vị chuyên trách về an ninh mạng:',
		'(1) Tên đơn vị chuyên trách về an ninh mạng: Sở Khoa học và Công nghệ tỉnh Gia Lai;',
		'(2) Quy định chức năng, nhiệm vụ và quyền hạn: Quyết định số 10/2025/QĐ-UBND;',
		'thư điện tử skhcn@gialai.gov.vn',
		'3. Thông tin chi tiết về các hệ thống thông tin thuộc phạm vi quản lý',
		'KT. GIÁM ĐỐC',
		'PHÓ GIÁM ĐỐC',
		'Lê Văn Cường'
	];
	// Table cells wrap inside narrow columns: checked with the spaces taken out.
	const CELLS = [
		'Tình trạng phê duyệt cấp độ',
		'Đã triển khai đầy đủ PA BĐANM',
		'Đã được phê duyệt',
		'Đã gửi thẩm định',
		'Đang dự thảo',
		'Số 345/QĐ-UBND ngày 14/12/2026 của UBND tỉnh Gia Lai',
		'Trước khi đưa vào sử dụng; Định kỳ',
		'Đã triển khai một số hạng mục',
		'01/2027',
		'03/2027'
	];
	/**
	 * pdftotext reads a table line by line across its cells, so each column is read alone: the
	 * words inside its x range (left margin 30 mm, text width 165 mm), in reading order.
	 */
	const column = (file: string, i: number) => {
		const start = 30 + 165 * COLUMNS.slice(0, i).reduce((a, [, w]) => a + w, 0);
		const end = start + 165 * COLUMNS[i]![1];
		return pdfWords(file)
			.flatMap((p) => p.words)
			.filter((w) => w.x0 >= start - 0.3 && w.x1 <= end + 0.3)
			.map((w) => w.text)
			.join(' ');
	};
	// [column index, text of a cell in it]
	const COLUMN_CELLS: [number, string][] = [
		[0, 'STT'],
		[5, 'Tình trạng phê duyệt cấp độ'],
		[5, 'Đã được phê duyệt'],
		[5, 'Đã gửi thẩm định'],
		[5, 'Đang dự thảo'],
		[6, 'Số 345/QĐ-UBND ngày 14/12/2026 của UBND tỉnh Gia Lai'],
		[8, '01/2027'],
		[9, 'Đã triển khai đầy đủ PA BĐANM'],
		[9, 'Đã triển khai một số hạng mục'],
		[10, '03/2027'],
		[11, 'Trước khi đưa vào sử dụng; Định kỳ']
	];
	const squeeze = (t: string) => t.replace(/\s+/g, '');

	it('the PDF (signature copy) holds the form’s fixed text, every count, the parties and the table', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'capdo-mau08-'));
		const file = join(dir, 'r.pdf');
		writeFileSync(
			file,
			await mau08Pdf(paper, { copy: 'final', generatedAt: '2026-12-16T02:00:00Z' })
		);
		const text = readPdf(file);
		for (const line of FIXED) expect(text).toContain(line);
		for (const [i, cell] of COLUMN_CELLS)
			expect(squeeze(column(file, i)), cell).toContain(squeeze(cell));
		expect(text).not.toContain('DỰ THẢO');
		// The signing hint is the draft's only.
		expect(text).not.toContain('(Ký, ghi rõ họ tên');
	});

	it('the DOCX XML holds the same text; LibreOffice reads it back', async () => {
		const bytes = await mau08Docx(paper, {
			copy: 'final',
			generatedAt: '2026-12-16T02:00:00Z'
		});
		const text = docxText(bytes);
		for (const line of FIXED) expect(text).toContain(line);
		for (const cell of CELLS) expect(squeeze(text)).toContain(squeeze(cell));
		const doc = docxParts(bytes)['word/document.xml']!;
		// Twelve columns with the form's heads, the header row repeated on every page.
		expect(doc).toContain('<w:tblHeader/>');
		const grids = [...doc.matchAll(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/g)].map(
			(m) => m[1]!.match(/<w:gridCol /g)!.length
		);
		expect(grids).toContain(12);
		const file = libreOfficePdf(bytes, 'mau-08.docx');
		const converted = readPdf(file);
		// Word lays out the narrow heads with the PDF's cell margin: their longest words stay whole.
		const words = new Set(pdfWords(file).flatMap((p) => p.words.map((w) => w.text)));
		for (const w of ['STT', 'HSĐXCĐ', 'BĐANM']) expect(words, w).toContain(w);
		expect(converted).toContain('Tổng số hệ thống thông tin đã được phê duyệt cấp độ: 2;');
		expect(converted).toContain('V/v kết quả công tác bảo đảm an ninh mạng hệ thống thông tin');
	}, 180_000);

	it('an early report says how far its data run; a draft says DỰ THẢO', async () => {
		const early = { ...SNAPSHOT, as_of: '2026-12-10T03:00:00.000Z' };
		const bytes = await mau08Pdf(
			{ filer: { name: 'Sở Tài chính' }, snapshot: early, values: v, counts: c, closed: false },
			{ copy: 'draft', generatedAt: '2026-12-10T03:00:00Z', note: 'Nguồn chưa kiểm chứng' }
		);
		const text = pdfText(bytes);
		expect(text).toContain('số liệu tính từ ngày 15/12/2025 đến ngày 10/12/2026');
		// The draft's footer says so (the watermark itself is drawn, not text), with the warning.
		expect(text).toContain('DỰ THẢO');
		expect(text).toContain('Nguồn chưa kiểm chứng');
		expect(text).toContain('(Ký, ghi rõ họ tên và đóng dấu)');
	});

	it('a character the paper cannot print is an error on its field, not a lost glyph', () => {
		const bad = structuredClone(v);
		bad.owner.address = '02 Trần Phú 🏢';
		bad.systems.s1!.regulation = 'QĐ 20 ✉';
		expect(validate(bad, SNAPSHOT).map((e) => [e.field, e.message.vi])).toEqual([
			['owner.address', expect.stringMatching(/^Ký tự “🏢” \(U\+1F3E2\) không in được/)],
			['sys.s1.regulation', expect.stringMatching(/“✉” \(U\+2709\)/)]
		]);
	});

	it('blanks the form leaves are dotted, never "undefined"', () => {
		const blank = initialValues(SNAPSHOT, { recipient: '', owner: {}, specialized: {} });
		const text = JSON.stringify(
			mau08Blocks({
				filer: { name: 'X' },
				snapshot: SNAPSHOT,
				values: blank,
				counts: counts(SNAPSHOT, blank),
				closed: true
			})
		);
		expect(text).not.toMatch(/undefined|null/);
		expect(text).toContain('(1) Tên chủ quản hệ thống thông tin: ……………………;');
	});
});
