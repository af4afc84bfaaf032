// The security pages in a real browser, axe on each (issue 16 items 6, 9; 15.4; 17.10): the audit
// log a page at a time with an editing run of autosaves on one line and drafts withheld; the account
// page (password change with an error summary, CLI tokens); the administrator's one-time reset link.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { freshDatabase, level2Record, PASSWORD, seed } from '../server/fixtures';
import { ensureBuilt, startServer, type Server } from '../server/server-process';
import {
	classifySystem,
	createSystem,
	saveSystem,
	submitSystem
} from '../../src/lib/server/workflow/service';
import { open, settle } from './wizard-helpers';

test.describe.configure({ mode: 'serial', timeout: 240_000 });

let server: Server;
let cleanup: () => Promise<void>;

test.beforeAll(async () => {
	test.setTimeout(300_000);
	await ensureBuilt();
	const d = await freshDatabase();
	cleanup = d.cleanup;
	const s = await seed(d);
	const unit = s.ctx('unitA');
	const sent = (await createSystem(unit, level2Record('Cổng thông tin điện tử'))).id;
	await classifySystem(unit, sent);
	await submitSystem(unit, sent);
	const draft = (await createSystem(unit, level2Record('Hệ thống đang soạn'))).id;
	for (let i = 0; i < 60; i++)
		await saveSystem(unit, draft, {
			...level2Record('Hệ thống đang soạn'),
			id: draft,
			description: `Ghi chú riêng số ${i}`
		});
	await d.close();
	server = await startServer(d.target);
});
test.afterAll(async () => {
	await server?.stop();
	await cleanup?.();
});

async function signedIn(browser: Browser, username: string, password = PASSWORD): Promise<Page> {
	const context = await browser.newContext({ baseURL: server.origin });
	const page = await context.newPage();
	page.on('pageerror', (e) => {
		throw e;
	});
	await open(page, '/login');
	await page.getByLabel('Tên đăng nhập').fill(username);
	await page.getByLabel('Mật khẩu').fill(password);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await page.waitForURL((u) => u.pathname !== '/login');
	await settle(page);
	return page;
}

test('the audit log: one line per editing run, drafts withheld, the anchor shown', async ({
	browser
}) => {
	const admin = await signedIn(browser, 'admin');
	await open(admin, '/admin/audit');
	await expect(admin.getByTestId('chain-status')).toContainText('Chuỗi băm toàn vẹn');
	await expect(admin.getByTestId('chain-status')).toContainText('mốc');
	const run = admin.getByRole('row').filter({ hasText: '60 lần tự lưu' });
	await expect(run).toHaveCount(1);
	await expect(run).toContainText('Hệ thống đang soạn');
	await expect(run).toContainText('Nội dung bản nháp (chỉ đơn vị xem)');
	await expect(admin.getByText('Ghi chú riêng')).toHaveCount(0);
	await expect(admin.getByText('Nộp hồ sơ')).toHaveCount(1);
	await admin.screenshot({ path: 'test-results/security-audit-admin.png', fullPage: true });
	// At 375 px the table scrolls in its box; the page does not.
	await admin.setViewportSize({ width: 375, height: 800 });
	const overflow = await admin.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);

	const appraiser = await signedIn(browser, 'appraiser');
	await open(appraiser, '/admin/audit');
	await expect(appraiser.getByText('Nộp hồ sơ')).toHaveCount(1);
	await expect(appraiser.getByText('Hệ thống đang soạn')).toHaveCount(0);
	await expect(appraiser.getByText('Lưu câu trả lời')).toHaveCount(0);
});

test('the account page: a weak password is explained, a good one taken; a CLI token shown once', async ({
	browser
}) => {
	const page = await signedIn(browser, 'maintainer');
	await page.getByRole('link', { name: /maintainer/ }).click();
	await settle(page, /\/account$/);
	await page.getByLabel('Mật khẩu hiện tại').fill(PASSWORD);
	await page.getByLabel('Mật khẩu mới', { exact: true }).fill('password1234');
	await page.getByLabel('Nhập lại mật khẩu mới').fill('password1234');
	await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
	await settle(page);
	const summary = page.getByRole('alert');
	await expect(summary).toContainText('Mật khẩu quá dễ đoán');
	await summary.getByRole('link').click();
	await expect(page.getByLabel('Mật khẩu mới', { exact: true })).toBeFocused();
	await page.screenshot({ path: 'test-results/security-account-error.png', fullPage: true });
	const good = 'đèn vàng bên hồ sen sớm mai';
	await page.getByLabel('Mật khẩu hiện tại').fill(PASSWORD);
	await page.getByLabel('Mật khẩu mới', { exact: true }).fill(good);
	await page.getByLabel('Nhập lại mật khẩu mới').fill(good);
	await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
	await settle(page);
	await expect(page.getByRole('status')).toContainText('Đã đổi mật khẩu');

	await page.getByLabel('Tên mã').fill('máy trạm quản trị');
	await page.getByRole('button', { name: 'Tạo mã' }).click();
	await settle(page);
	await expect(page.getByTestId('new-token')).toHaveText(/^capdo_[\w-]{40,}$/);
	await expect(page.getByRole('button', { name: 'Thu hồi máy trạm quản trị' })).toBeVisible();
	await page.reload();
	await settle(page);
	await expect(page.getByTestId('new-token')).toHaveCount(0);
});

test('the administrator’s reset link sets a new password once', async ({ browser }) => {
	const admin = await signedIn(browser, 'admin');
	await open(admin, '/admin');
	await admin.getByRole('button', { name: 'Đặt lại mật khẩu cho unitb' }).click();
	await settle(admin);
	const link = (await admin.getByTestId('reset-link').textContent())!;
	expect(link).toMatch(/\/reset\/[\w-]{40,}$/);
	const context = await browser.newContext({ baseURL: server.origin });
	const page = await context.newPage();
	await open(page, new URL(link).pathname);
	await expect(page.getByText('Tài khoản unitb')).toBeVisible();
	const pw = 'mây trắng bay qua núi Hàm Rồng';
	await page.getByLabel('Mật khẩu mới', { exact: true }).fill(pw);
	await page.getByLabel('Nhập lại mật khẩu mới').fill(pw);
	await page.getByRole('button', { name: 'Đặt mật khẩu' }).click();
	await settle(page);
	await expect(page.getByRole('status')).toContainText('Đã đặt mật khẩu mới cho unitb');
	await signedIn(browser, 'unitb', pw);
	const again = await page.goto(new URL(link).pathname);
	expect(again?.status()).toBe(404);
});
