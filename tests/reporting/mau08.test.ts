// Mẫu 08 on paper: a filled report rendered to PDF and read back with pdftotext. The fixed text
// expected below is copied from the form (../shared/legal/decree-331-2026.md, Mẫu số 08).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPdfDeps } from '../../src/lib/dossier';
import { counts, initialValues, validate } from '../../src/lib/reporting/mau08/model';
import { mau08Pdf } from '../../src/lib/reporting/mau08/render';
import { mau08Blocks } from '../../src/lib/reporting/mau08/template';
import { SNAPSHOT } from './mau08-fixture';

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

function pdfText(bytes: Uint8Array, layout = false) {
	const dir = mkdtempSync(join(tmpdir(), 'capdo-mau08-'));
	writeFileSync(join(dir, 'r.pdf'), bytes);
	return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), join(dir, 'r.pdf'), '-'], {
		encoding: 'utf8'
	});
}
const flat = (t: string) => t.replace(/\s+/g, ' ');

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

	it('the PDF holds the form’s fixed text with every count, the parties and the table', async () => {
		const bytes = mau08Pdf(
			{
				filer: { name: 'Sở Tài chính tỉnh Gia Lai', governing_body: 'UBND tỉnh Gia Lai' },
				snapshot: SNAPSHOT,
				values: v,
				counts: c,
				closed: true
			},
			await loadPdfDeps(),
			{ draft: false, generatedAt: '2026-12-16T02:00:00Z' }
		);
		const text = flat(pdfText(bytes));
		for (const line of [
			'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
			'Độc lập - Tự do - Hạnh phúc',
			'Số: 123/BC-STC',
			'V/v kết quả công tác bảo đảm an ninh mạng hệ thống thông tin',
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
			'GIÁM ĐỐC',
			'Lê Văn Cường'
		])
			expect(text).toContain(line);
		// Table cells (wrapped inside narrow columns, so checked word by word).
		for (const word of [
			'STT',
			'Đã được phê duyệt',
			'Đã gửi thẩm định',
			'Đang dự thảo',
			'345/QĐ-UBND',
			'Định kỳ',
			'01/2027',
			'03/2027'
		])
			expect(text.replace(/ /g, '')).toContain(word.replace(/ /g, ''));
		expect(text).not.toContain('DỰ THẢO');
	});

	it('an early report says how far its data run; a draft says DỰ THẢO', async () => {
		const early = { ...SNAPSHOT, as_of: '2026-12-10T03:00:00.000Z' };
		const bytes = mau08Pdf(
			{ filer: { name: 'Sở Tài chính' }, snapshot: early, values: v, counts: c, closed: false },
			await loadPdfDeps(),
			{ draft: true, generatedAt: '2026-12-10T03:00:00Z' }
		);
		const text = flat(pdfText(bytes));
		expect(text).toContain('số liệu tính từ ngày 15/12/2025 đến ngày 10/12/2026');
		expect(text).toContain('DỰ THẢO');
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
