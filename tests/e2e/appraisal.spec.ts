// The appraiser's whole flow under Decree 331/2026 in a real browser: unit A submits → the appraiser
// opens the review (answers in Vietnamese, no fact id; the submitted PDF opens inline; the page and
// a refused return in English) → records the opinion → downloads Mẫu số 04 as PDF and Word (draft
// and signature copy) → approves with a decision number → downloads Mẫu số 06. Each paper is read
// back (pdftotext, the DOCX's XML). axe on the review page; screenshots in test-results/screens.
import { writeFileSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { classifySystem, createSystem } from '../../src/lib/server/workflow/service';
import { freshDatabase, PASSWORD, seed, svc50kAnswered } from '../server/fixtures';
import { ensureBuilt, startServer, type Server } from '../server/server-process';
import { docxText, pdfText } from '../paper/measure';

test.describe.configure({ mode: 'serial' });

let server: Server;
let cleanup: () => Promise<void>;
let systemId: string;
const NAME = 'Cổng đăng ký sự kiện xã Phú Thiện';
const record = svc50kAnswered(NAME);
const dir = mkdtempSync(join(tmpdir(), 'capdo-e2e-appraisal-'));

test.beforeAll(async () => {
	test.setTimeout(300_000);
	await ensureBuilt();
	const d = await freshDatabase();
	cleanup = d.cleanup;
	const s = await seed(d);
	const { id } = await createSystem(s.ctx('unitA'), record);
	await classifySystem(s.ctx('unitA'), id);
	systemId = id;
	await d.close();
	server = await startServer(d.target);
});
test.afterAll(async () => {
	await server?.stop();
	await cleanup?.();
});

const hydrated = (page: Page) => page.locator('body[data-hydrated="true"]').waitFor();

async function signIn(browser: Browser, username: string): Promise<Page> {
	const context = await browser.newContext({ baseURL: server.origin, acceptDownloads: true });
	const page = await context.newPage();
	page.on('pageerror', (e) => {
		throw e;
	});
	await page.goto('/login');
	await hydrated(page);
	await page.getByLabel('Tên đăng nhập').fill(username);
	await page.getByLabel('Mật khẩu').fill(PASSWORD);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await page.waitForURL((u) => u.pathname !== '/login');
	await hydrated(page);
	return page;
}

async function axe(page: Page) {
	const r = await new AxeBuilder({ page }).analyze();
	expect(r.violations, JSON.stringify(r.violations.map((v) => [v.id, v.nodes[0]?.html]))).toEqual(
		[]
	);
}

async function click(page: Page, name: string | RegExp) {
	await page.getByRole('button', { name }).click();
	await page.waitForLoadState('load');
	await hydrated(page);
}

/** A PDF link's bytes (same session), checked to be an inline PDF, as text. */
async function pdfOf(page: Page, testId: string, name: string): Promise<string> {
	const href = (await page.getByTestId(testId).getAttribute('href'))!;
	const r = await page.request.get(href);
	expect(r.status()).toBe(200);
	expect(r.headers()['content-type']).toBe('application/pdf');
	expect(r.headers()['content-disposition']).toMatch(/^inline/);
	const bytes = await r.body();
	expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
	const file = join(dir, `${name}.pdf`);
	writeFileSync(file, bytes);
	return pdfText(file);
}

/** A Word link downloaded as the browser would, read back from its XML. */
async function docxOf(page: Page, testId: string): Promise<{ name: string; text: string }> {
	const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
	return { name: d.suggestedFilename(), text: docxText(readFileSync((await d.path())!)) };
}

test('unit submits → review → opinion → Mẫu 04 (PDF, Word) → approval → Mẫu 06', async ({
	browser
}) => {
	test.setTimeout(300_000);
	const unit = await signIn(browser, 'unita');
	// Submitted as a unit does: its dossiers page, the declaration page, then confirm.
	await unit.goto('/submissions');
	await hydrated(unit);
	await unit.getByRole('link', { name: `Nộp hồ sơ để thẩm định: ${NAME}` }).click();
	await unit.waitForURL(/\/submit$/);
	await hydrated(unit);
	await Promise.all([
		unit.waitForEvent('download'),
		unit.getByRole('button', { name: 'Xác nhận và nộp hồ sơ' }).click()
	]);
	await expect(unit.getByTestId('submitted')).toContainText('Đã nộp hồ sơ');

	const appr = await signIn(browser, 'appraiser');
	await appr.goto(`/appraisal/${systemId}`);
	await hydrated(appr);
	// The answers in Vietnamese words; no fact id anywhere in the page's text.
	const answers = appr.getByTestId('answers');
	await expect(answers).toContainText('Phục vụ người dân, doanh nghiệp');
	const main = await appr.locator('main').innerText();
	for (const fact of Object.keys(record.facts)) expect(main).not.toContain(fact);
	expect(main).not.toMatch(/\b(true|false)\b/);
	// The submitted dossier opens in the browser: the stored bytes, inline.
	expect(await pdfOf(appr, 'dossier-pdf', 'submitted')).toContain(NAME);

	await click(appr, 'Bắt đầu thẩm định');
	await expect(appr.getByTestId('papers')).toBeVisible();
	// In English (issue 17): the page's own words, and a refused action's message from the server.
	await appr.goto(`/appraisal/${systemId}?lang=en`);
	await hydrated(appr);
	await expect(appr.locator('h1')).toHaveText(`Appraisal of the dossier: ${NAME}`);
	await click(appr, 'Return the dossier');
	await expect(appr.getByRole('alert')).toContainText(
		'State the reasons for returning the dossier.'
	);
	await appr.goto(`/appraisal/${systemId}?lang=vi`);
	await hydrated(appr);
	// Every item of the rule set's checklist (Điều 23 khoản 1 a–c; Điều 18 khoản 4 for level 2).
	const items = appr.locator('input[type="radio"][value="met"]');
	await expect(items).toHaveCount(4);
	for (const item of await items.all()) await item.check();
	await appr.getByLabel('Nhận xét').first().fill('Đúng Điều 12 khoản 2 điểm a.');
	await appr.getByLabel('Số công văn đề nghị thẩm định của đơn vị').fill('45/UBND-VP');
	await appr.getByLabel('Ngày công văn đề nghị').fill('2026-11-20');
	await appr.getByLabel('Lấy ý kiến bằng văn bản').check();
	await appr.getByLabel('Hồ sơ phù hợp với cấp độ đề xuất').check();
	await appr.getByLabel('Số văn bản ý kiến thẩm định').fill('118/SKHCN-BCVT');
	await appr.getByLabel('Ngày văn bản ý kiến thẩm định').fill('2026-11-25');
	await appr.getByLabel('Người ký quyết định (họ tên)').fill('Phạm Văn D');
	await appr.getByLabel('Chức vụ người ký').fill('Giám đốc');
	await appr.getByLabel(/Tiêu chuẩn quốc gia/).fill('TCVN 14423:2025');
	await click(appr, 'Lưu ý kiến thẩm định');
	await expect(appr.getByRole('status')).toContainText('Đã lưu ý kiến thẩm định');
	await axe(appr);

	// Mẫu số 04, draft: PDF and Word carry the system, the level, the number and the form's text.
	const m04 = await pdfOf(appr, 'paper-opinion-pdf', 'mau04');
	const m04docx = await docxOf(appr, 'paper-opinion-docx');
	expect(m04docx.name).toMatch(
		/^y-kien-tham-dinh-cong-dang-ky-su-kien-xa-phu-thien-du-thao\.docx$/
	);
	for (const text of [m04, m04docx.text]) {
		expect(text).toContain(NAME);
		expect(text).toContain('Số: 118/SKHCN-BCVT');
		expect(text).toContain('Công văn số 45/UBND-VP ngày 20 tháng 11 năm 2026');
		expect(text).toContain('V/v ý kiến thẩm định hồ sơ đề xuất cấp độ');
		expect(text).toContain('Phần 2. Căn cứ pháp lý để thẩm định');
		expect(text).toContain('Đúng Điều 12 khoản 2 điểm a.');
		expect(text).toContain('là phù hợp để theo cấp độ đề xuất (cấp độ 2)');
		expect(text).toContain('(Ký, ghi rõ họ tên, chức danh và đóng dấu)');
	}
	// The signature copy: chosen with the radios, no signing hint.
	await appr.getByLabel(/Bản trình ký/).check();
	await expect(appr.getByTestId('paper-opinion-pdf')).toHaveAttribute('href', /copy=final/);
	const m04final = await pdfOf(appr, 'paper-opinion-pdf', 'mau04-final');
	expect(m04final).toContain('Số: 118/SKHCN-BCVT');
	expect(m04final).not.toContain('(Ký, ghi rõ họ tên');
	await appr.screenshot({ path: 'test-results/screens/review-papers.png', fullPage: true });
	await appr
		.getByTestId('papers')
		.screenshot({ path: 'test-results/screens/review-papers-section.png' });

	// The approval with its decision number; Mẫu số 06 prints it.
	await appr.getByLabel('Số quyết định phê duyệt', { exact: true }).fill('25/QĐ-SKHCN');
	await click(appr, 'Phê duyệt');
	await expect(appr.getByTestId('status')).toHaveText('Đã phê duyệt');
	await axe(appr);
	const m06 = await pdfOf(appr, 'paper-decision-pdf', 'mau06');
	const m06docx = await docxOf(appr, 'paper-decision-docx');
	for (const text of [m06, m06docx.text]) {
		expect(text).toContain(NAME);
		expect(text).toContain('Số: 25/QĐ-SKHCN');
		expect(text).toContain('Về việc phê duyệt cấp độ hệ thống thông tin');
		expect(text).toContain('Cấp độ hệ thống thông tin: cấp độ 2');
		expect(text).toContain('TCVN 14423:2025');
		expect(text).toContain('Phạm Văn D');
	}
	// Unit A has no access to the appraiser's papers.
	const r = await unit.request.get(`/api/systems/${systemId}/papers/opinion`);
	expect(r.status()).toBe(403);
});
