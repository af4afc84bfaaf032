// The rule browser (public) and the maintainer workspace in a real browser against its own server
// and database: an invalid upload shows its error at file:line, a valid new version shows passing
// golden cases and its diff, then is published and appears in the browser. axe on every page.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { classifySystem, createSystem } from '../../src/lib/server/workflow/service';
import { freshDatabase, level2Record, PASSWORD, seed } from '../server/fixtures';
import { ensureBuilt, startServer, type Server } from '../server/server-process';

test.describe.configure({ mode: 'serial' });

let server: Server;
let cleanup: () => Promise<void>;
const FIX = 'tests/fixtures/maintain';
const SHOTS = process.env.CAPDO_SCREENSHOTS;

test.beforeAll(async () => {
	test.setTimeout(300_000);
	await ensureBuilt();
	const d = await freshDatabase();
	cleanup = d.cleanup;
	const s = await seed(d);
	const { id } = await createSystem(s.ctx('unitA'), level2Record('Quản lý văn bản'));
	await classifySystem(s.ctx('unitA'), id);
	await d.close();
	server = await startServer(d.target);
});
test.afterAll(async () => {
	await server?.stop();
	await cleanup?.();
});

const hydrated = (page: Page) => page.locator('body[data-hydrated="true"]').waitFor();

async function axe(page: Page) {
	const r = await new AxeBuilder({ page }).analyze();
	expect(r.violations, JSON.stringify(r.violations.map((v) => [v.id, v.nodes[0]?.html]))).toEqual(
		[]
	);
}

async function open(browser: Browser): Promise<Page> {
	const context = await browser.newContext({ baseURL: server.origin });
	const page = await context.newPage();
	page.on('pageerror', (e) => {
		throw e;
	});
	return page;
}

async function shot(page: Page, name: string) {
	if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test('the rule browser shows each criterion with its legal text and golden cases', async ({
	browser
}) => {
	const page = await open(browser);
	await page.goto('/');
	await hydrated(page);
	await page.getByRole('link', { name: 'Bộ quy tắc' }).click();
	await expect(page).toHaveURL(/\/rules$/);
	const table = page.getByRole('table', { name: 'Các bộ quy tắc và thời gian hiệu lực' });
	// Each regime by name first; the version id stays for maintainers, beside it.
	await expect(table.getByRole('rowheader', { name: /^Nghị định 331\/2026\/NĐ-CP/ })).toBeVisible();
	await expect(table.getByRole('cell', { name: 'vn-nd331@2026' })).toBeVisible();
	await expect(table.getByText('19/08/2026').first()).toBeVisible();
	await expect(table.getByText('Chưa đối chiếu').first()).toBeVisible();
	await axe(page);
	await shot(page, 'rules-index');

	await table
		.getByRole('link', { name: 'Nghị định 85/2016/NĐ-CP và Thông tư 03/2017/TT-BTTTT' })
		.click();
	await hydrated(page);
	const c = page.getByRole('article', {
		name: /^Điều 9 khoản 2 điểm c Nghị định 85\/2016\/NĐ-CP — Cấp độ 3/
	});
	await expect(c).toBeVisible();
	await expect(c.locator('blockquote')).toContainText(
		'thông tin cá nhân của từ 10.000 người sử dụng trở lên'
	);
	await expect(c.getByRole('list').last().getByRole('listitem').first()).toBeVisible();
	await expect(c.getByRole('link').first()).toHaveAttribute('href', /#fact-/);
	await axe(page);
	await shot(page, 'rules-tt03');

	// English on request.
	await page.goto('/rules/vn-nd85@tt03-2017?lang=en');
	await expect(
		page.getByRole('article', { name: /^Article 9\(2\)\(c\) of Decree 85\/2016\/NĐ-CP — Level 3/ })
	).toBeVisible();
	await axe(page);
});

test('a maintainer sees an invalid file’s error at its line, then checks and publishes a new version', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const page = await open(browser);
	await page.goto('/maintain');
	await expect(page).toHaveURL(/\/login\?next=%2Fmaintain/);
	await hydrated(page);
	await page.getByLabel('Tên đăng nhập').fill('maintainer');
	await page.getByLabel('Mật khẩu').fill(PASSWORD);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await page.waitForURL(/\/maintain$/);
	await hydrated(page);
	await axe(page);

	// The valid fixture with its "en:" title indented one space too far (line 8).
	const valid = readFileSync(`${FIX}/valid/ruleset.yaml`, 'utf8');
	await page.getByLabel('Tải lên các tệp YAML').setInputFiles({
		name: 'ruleset.yaml',
		mimeType: 'application/yaml',
		buffer: Buffer.from(valid.replace('\n  en:', '\n   en:'))
	});
	await page.getByRole('button', { name: 'Kiểm tra' }).click();
	await hydrated(page);
	const summary = page.getByRole('alert');
	await expect(summary).toContainText('Bộ quy tắc chưa hợp lệ');
	const link = summary.getByRole('link', { name: /^ruleset\.yaml:7:7: Nested mappings/ });
	await expect(link).toBeVisible();
	await axe(page);
	await shot(page, 'maintain-invalid');
	await link.click();
	await expect(page.getByLabel('Nội dung ruleset.yaml')).toBeFocused();

	// Replace the text with a valid new rule set (its own id, so it tiles alone).
	await page.getByLabel('Nội dung ruleset.yaml').fill(valid);
	await page.getByRole('button', { name: 'Kiểm tra' }).click();
	await hydrated(page);
	await expect(page.getByRole('heading', { name: /^vn-demo@2027 hợp lệ/ })).toBeVisible();
	await expect(page.getByTestId('tests-summary')).toHaveText(/^\d+ ca đạt, 0 ca không đạt\.$/);
	await expect(page.getByRole('heading', { name: 'Thay đổi so với vn-nd331@2026' })).toBeVisible();
	await expect(page.getByRole('table', { name: 'Các thay đổi theo phần' })).toContainText('title');
	await expect(page.getByText(/1 hệ thống đã xác định cấp độ được tính lại/)).toBeVisible();
	await expect(page.getByText('Có thể công bố.')).toBeVisible();
	await axe(page);
	await shot(page, 'maintain-valid');

	await page.getByRole('button', { name: 'Công bố' }).click();
	await hydrated(page);
	await expect(page.getByRole('status')).toContainText('Đã công bố vn-demo@2027');
	await expect(
		page.getByRole('table', { name: 'Phiên bản công bố hoặc lưu nháp qua trang này' })
	).toContainText('vn-demo@2027');
	await axe(page);

	// Publishing the same ref again is refused.
	await page.getByRole('button', { name: 'Công bố' }).click();
	await hydrated(page);
	await expect(page.getByText(/đã được công bố với đúng nội dung này/)).toBeVisible();

	// Everyone now sees it in the browser.
	const anyone = await open(browser);
	await anyone.goto('/rules');
	await expect(anyone.getByRole('rowheader', { name: 'vn-demo@2027' })).toBeVisible();
	await anyone.goto('/rules/vn-demo@2027');
	await expect(anyone.getByRole('heading', { level: 1 })).toHaveText(
		'Bộ quy tắc thử nghiệm dựa trên Nghị định 331/2026/NĐ-CP'
	);
	await axe(anyone);
});
