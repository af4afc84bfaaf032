// The appraisal workflow in a real browser against its own server and database: unit A submits,
// the appraiser returns it with a reason, unit A revises and resubmits, the appraiser approves;
// unit B sees none of it. axe on every page.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { classifySystem, createSystem } from '../../src/lib/server/workflow/service';
import { freshDatabase, level2Record, PASSWORD, seed } from '../server/fixtures';
import { ensureBuilt, startServer, type Server } from '../server/server-process';

test.describe.configure({ mode: 'serial' });

let server: Server;
let cleanup: () => Promise<void>;
let systemId: string;
const NAME = 'Cổng thông tin điện tử Sở Tài chính P';

test.beforeAll(async () => {
	test.setTimeout(300_000);
	await ensureBuilt();
	const d = await freshDatabase();
	cleanup = d.cleanup;
	const s = await seed(d);
	const { id } = await createSystem(s.ctx('unitA'), level2Record(NAME));
	await classifySystem(s.ctx('unitA'), id);
	systemId = id;
	await d.close();
	server = await startServer(d.target);
});
test.afterAll(async () => {
	await server?.stop();
	await cleanup?.();
});

async function signIn(browser: Browser, username: string): Promise<Page> {
	const context = await browser.newContext({ baseURL: server.origin });
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

const hydrated = (page: Page) => page.locator('body[data-hydrated="true"]').waitFor();

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

test('submit, return with a reason, revise, resubmit, approve; unit B sees nothing', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const login = await (await browser.newContext({ baseURL: server.origin })).newPage();
	await login.goto('/login');
	await hydrated(login);
	await axe(login);

	// Unit A submits its classified system.
	const unit = await signIn(browser, 'unita');
	await expect(unit).toHaveURL(/\/submissions$/);
	await expect(unit.getByRole('heading', { name: NAME })).toBeVisible();
	await expect(unit.getByTestId('status')).toHaveText('Đã xác định cấp độ');
	await axe(unit);
	await click(unit, `Nộp hồ sơ: ${NAME}`);
	await expect(unit.getByTestId('status')).toHaveText('Đã nộp hồ sơ');

	// The appraiser of the body returns it with a reason.
	const appr = await signIn(browser, 'appraiser');
	await expect(appr).toHaveURL(/\/appraisal$/);
	await axe(appr);
	await appr.getByRole('link', { name: NAME }).click();
	await hydrated(appr);
	await expect(appr.getByTestId('recheck')).toContainText('mã băm khớp');
	await expect(appr.getByTestId('recheck')).toContainText('cấp độ 2');
	await axe(appr);
	await click(appr, 'Bắt đầu thẩm định');
	await expect(appr.getByTestId('status')).toHaveText('Đang thẩm định');
	await axe(appr);
	const reason = 'Bổ sung phương án bảo đảm an toàn thông tin trong quá trình vận hành.';
	await appr.getByLabel('Lý do trả lại').fill(reason);
	await click(appr, 'Trả lại hồ sơ');
	await expect(appr.getByTestId('status')).toHaveText('Bị trả lại');

	// Unit A sees the reason, revises (the wizard would save through the API) and resubmits.
	await unit.reload();
	await hydrated(unit);
	await expect(unit.getByTestId('return-reasons')).toContainText(reason);
	await axe(unit);
	await click(unit, `Sửa đổi hồ sơ: ${NAME}`);
	await expect(unit.getByTestId('status')).toHaveText('Đang soạn');
	const saved = await unit.request.put(`/api/systems/${systemId}`, {
		headers: { origin: server.origin },
		data: {
			record: {
				...level2Record(NAME),
				id: systemId,
				description: 'Đã bổ sung phương án vận hành theo ý kiến thẩm định.'
			}
		}
	});
	expect(saved.status()).toBe(200);
	await unit.reload();
	await hydrated(unit);
	await click(unit, `Xác định cấp độ: ${NAME}`);
	await click(unit, `Nộp hồ sơ: ${NAME}`);
	await expect(unit.getByTestId('status')).toHaveText('Đã nộp hồ sơ');

	// The appraiser approves with the Điều 16 khoản 1 checklist.
	await appr.goto(`/appraisal/${systemId}`);
	await hydrated(appr);
	await expect(appr.getByText('Lần nộp', { exact: true })).toBeVisible();
	// The resubmission shows what changed since the first one, in words.
	await expect(appr.getByTestId('changes')).toContainText('Mô tả tổng quan');
	await click(appr, 'Bắt đầu thẩm định');
	for (const item of ['a', 'b', 'c']) await appr.locator(`#${item}_met`).check();
	await appr.getByLabel('Nhận xét').first().fill('Đề xuất cấp độ 2 phù hợp Điều 8 khoản 1.');
	await appr.getByLabel('Hồ sơ phù hợp với cấp độ đề xuất').check();
	await appr.getByLabel('Số quyết định phê duyệt', { exact: true }).fill('25/QĐ-STC');
	await click(appr, 'Phê duyệt');
	await expect(appr.getByTestId('status')).toHaveText('Đã phê duyệt');
	await expect(appr.getByTestId('approval-record')).toContainText('Số 25/QĐ-STC');
	await axe(appr);
	await appr.screenshot({ path: 'test-results/screens/review-approved.png', fullPage: true });

	await unit.reload();
	await hydrated(unit);
	await expect(unit.getByTestId('status')).toHaveText('Đã phê duyệt');
	await expect(unit.getByTestId('approval')).toContainText('quyết định số 25/QĐ-STC');
	await unit.screenshot({ path: 'test-results/screens/submissions-approved.png', fullPage: true });

	// The audit page shows every workflow step, by name, and an intact chain; the unit's drafting
	// (creation, saves) is not the appraiser's to read.
	await appr.goto('/admin/audit');
	await hydrated(appr);
	await expect(appr.getByTestId('chain-status')).toContainText('toàn vẹn');
	for (const step of ['Phê duyệt', 'Trả lại hồ sơ', 'Nộp hồ sơ', 'Bắt đầu thẩm định'])
		await expect(appr.getByRole('cell', { name: step, exact: true }).first()).toBeVisible();
	await expect(appr.getByRole('cell', { name: 'Lưu câu trả lời' })).toHaveCount(0);
	await expect(appr.getByText('system.approve')).toHaveCount(0);
	await axe(appr);

	// Unit B (same body) sees none of it: not in its list, not by URL, not by API.
	const other = await signIn(browser, 'unitb');
	await expect(other.locator('main')).not.toContainText(NAME);
	await axe(other);
	const page = await other.goto(`/appraisal/${systemId}`);
	expect(page!.status()).toBe(403);
	await expect(other.locator('body')).not.toContainText(NAME);
	for (const path of [`/api/systems/${systemId}`, `/api/systems/${systemId}/history`]) {
		const r = await other.request.get(path);
		expect(r.status()).toBe(404);
		expect(await r.text()).not.toContain(NAME);
	}
	const put = await other.request.put(`/api/systems/${systemId}`, {
		headers: { origin: server.origin },
		data: { record: { ...level2Record('chiếm quyền'), id: systemId } }
	});
	expect(put.status()).toBe(404);
});
