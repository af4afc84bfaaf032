// Downloads of the letter and the dossier, in a real browser: PDF or Word, draft or signature copy,
// letter and dossier together or apart, from the result page and from the task list. Each file is
// read back (pdftotext; the DOCX's XML) and its name comes from the system's name.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { addSystem, answer, INTERNAL_PUBLIC, open, settle } from './wizard-helpers';

test.describe.configure({ timeout: 180_000 });

const NAME = 'Cổng thông tin điện tử Sở Tài chính';

async function download(page: Page, button: string) {
	const [d] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: button, exact: true }).click()
	]);
	return { name: d.suggestedFilename(), file: (await d.path())! };
}
const pdfText = (file: string) =>
	execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
function docx(file: string) {
	const parts = Object.fromEntries(
		Object.entries(unzipSync(readFileSync(file))).map(([k, v]) => [k, strFromU8(v)])
	);
	const all = (re: RegExp) =>
		Object.entries(parts)
			.filter(([k]) => re.test(k))
			.map(([, v]) => v)
			.join('');
	return {
		body: all(/word\/document\.xml/),
		headers: all(/word\/header/),
		footers: all(/word\/footer/)
	};
}

test('the unit downloads letter and dossier as PDF and Word, draft and signature copy', async ({
	page
}) => {
	await open(page, '/unit');
	await page.getByLabel('Tên đơn vị', { exact: true }).fill('Sở Tài chính tỉnh Gia Lai');
	await page.getByLabel('Cơ quan chủ quản', { exact: true }).fill('Ủy ban nhân dân tỉnh Gia Lai');
	await page.getByLabel('Đơn vị chuyên trách về an toàn thông tin').fill('Trung tâm Chuyển đổi số');
	await page.getByLabel('Người liên hệ', { exact: true }).fill('Nguyễn Văn An');
	await page.getByRole('button', { name: 'Lưu', exact: true }).click();
	await settle(page, /\/$/);

	await addSystem(page, NAME);
	for (const a of INTERNAL_PUBLIC) await answer(page, a);
	await settle(page, /\/components$/);
	await page.getByRole('link', { name: 'Tiếp tục đến bước kiểm tra câu trả lời' }).click();
	await settle(page, /\/check$/);
	await page.getByRole('button', { name: 'Xác định cấp độ' }).click();
	await settle(page, /\/result$/);
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

	// Default: letter and dossier, draft, PDF.
	const draft = await download(page, 'Tải hồ sơ đề xuất cấp độ (PDF)');
	expect(draft.name).toBe('cong-van-va-ho-so-cong-thong-tin-dien-tu-so-tai-chinh-du-thao.pdf');
	const t = pdfText(draft.file);
	expect(t).toContain('Kính gửi');
	expect(t).toContain('HỒ SƠ ĐỀ XUẤT CẤP ĐỘ');
	expect(t).toContain('DỰ THẢO');

	// The letter alone, signature copy, Word.
	await page.getByLabel('Chỉ công văn đề nghị').check();
	await page.getByLabel(/^Bản trình ký/).check();
	const letter = await download(page, 'Tải hồ sơ đề xuất cấp độ (Word)');
	expect(letter.name).toBe('cong-van-cong-thong-tin-dien-tu-so-tai-chinh-ban-trinh-ky.docx');
	const w = docx(letter.file);
	expect(w.body).toContain('Kính gửi');
	expect(w.body).toContain(NAME);
	expect(w.body).not.toContain('HỒ SƠ ĐỀ XUẤT CẤP ĐỘ AN TOÀN');
	expect(w.headers + w.footers).not.toContain('DỰ THẢO');

	// The dossier alone, signature copy, PDF: no letter, no watermark, the fingerprint line.
	await page.getByLabel('Chỉ hồ sơ (thuyết minh, phương án, phụ lục)').check();
	const dossier = pdfText((await download(page, 'Tải hồ sơ đề xuất cấp độ (PDF)')).file);
	expect(dossier).not.toContain('Kính gửi');
	expect(dossier).not.toContain('DỰ THẢO');
	expect(dossier).toMatch(/Mã kiểm tra [0-9a-f]{16}/);

	// The task list: every system's papers in one Word file.
	await open(page, '/');
	await page.getByLabel('Dự thảo', { exact: false }).check();
	const all = await download(page, 'Tải hồ sơ của tất cả hệ thống (Word)');
	expect(all.name).toBe('cong-van-va-ho-so-tat-ca-so-tai-chinh-tinh-gia-lai-du-thao.docx');
	const a = docx(all.file);
	expect(a.body).toContain(NAME);
	expect(a.headers).toContain('DỰ THẢO');
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
