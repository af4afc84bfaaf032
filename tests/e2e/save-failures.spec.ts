// When a save or a load does not get through, in a real browser against its own server: the network
// cut on "Continue", the session ended mid-interview, the saved work unreadable on arrival, and
// (anonymous) the browser's storage full. Each time the page says so at the top and takes focus
// there, stays where it is with what was typed, and the same button works once the cause is gone.
// No unhandled error reaches the page (pageerror fails the test). axe on every state.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { freshDatabase, PASSWORD, seed } from '../server/fixtures';
import { ensureBuilt, startServer, type Server } from '../server/server-process';
import { addSystem, INTERNAL_PUBLIC, open, settle } from './wizard-helpers';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

let server: Server;
let cleanup: () => Promise<void>;

test.beforeAll(async () => {
	test.setTimeout(300_000);
	await ensureBuilt();
	const d = await freshDatabase();
	cleanup = d.cleanup;
	await seed(d);
	await d.close();
	server = await startServer(d.target);
});
test.afterAll(async () => {
	await server?.stop();
	await cleanup?.();
});

async function newPage(browser: Browser): Promise<Page> {
	const context = await browser.newContext({ baseURL: server.origin });
	const page = await context.newPage();
	page.on('pageerror', (e) => {
		throw e;
	});
	return page;
}

async function signIn(page: Page, username = 'unita') {
	await open(page, '/login');
	await page.getByLabel('Tên đăng nhập').fill(username);
	await page.getByLabel('Mật khẩu').fill(PASSWORD);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await page.waitForURL((u) => u.pathname !== '/login');
	await settle(page);
}

const FIRST = INTERNAL_PUBLIC[0] as string;
const alert = (page: Page) => page.getByTestId('save-alert');

/** The system's saved answers, as the server holds them. */
async function savedFacts(page: Page, name: string) {
	const unit = await (await page.request.get('/api/unit')).json();
	return unit.inventory.systems.find((s: { name: string }) => s.name === name)?.facts;
}

test('a save cut off by the network, then by the end of the session, loses nothing', async ({
	browser
}) => {
	const page = await newPage(browser);
	await signIn(page);
	const name = 'Cổng thông tin điện tử thử mất kết nối';
	await addSystem(page, name);
	const question = page.url();

	// No answer from the server: the page says so, keeps the answer, and does not move on.
	await page.route('**/api/systems/**', (r) =>
		r.request().method() === 'PUT' ? r.abort('internetdisconnected') : r.continue()
	);
	await page.getByLabel(FIRST, { exact: true }).check();
	await page.getByRole('button', { name: 'Tiếp tục', exact: true }).click();
	await expect(alert(page)).toContainText('Chưa lưu được');
	await expect(alert(page)).toContainText('Không kết nối được tới máy chủ');
	await expect(alert(page)).toBeFocused();
	expect(page.url()).toBe(question);
	await expect(page.getByLabel(FIRST, { exact: true })).toBeChecked();
	await settle(page);
	expect(await savedFacts(page, name)).toEqual({});
	await page.screenshot({ path: 'test-results/save-failures/offline.png', fullPage: true });

	// The connection is back: the same button saves and moves on, and the alert goes.
	await page.unroute('**/api/systems/**');
	await page.getByRole('button', { name: 'Tiếp tục', exact: true }).click();
	await page.waitForURL((u) => u.toString() !== question);
	await settle(page);
	await expect(alert(page)).toHaveCount(0);
	expect(Object.keys(await savedFacts(page, name))).toHaveLength(1);

	// The session ends (signed out elsewhere, or expired): the page says how to go on.
	const second = page.url();
	const context = page.context();
	await context.clearCookies();
	await page.getByLabel((INTERNAL_PUBLIC[1] as string[])[0]!, { exact: true }).check();
	await page.getByRole('button', { name: 'Tiếp tục', exact: true }).click();
	await expect(alert(page)).toContainText('Phiên đăng nhập đã hết hạn');
	expect(page.url()).toBe(second);
	const again = page.getByRole('link', { name: 'Đăng nhập lại (mở thẻ mới)' });
	await expect(again).toHaveAttribute('target', '_blank');
	await settle(page);
	await page.screenshot({ path: 'test-results/save-failures/signed-out.png', fullPage: true });

	// Signing in again in the new tab, then pressing the same button here, saves the answer.
	const [tab] = await Promise.all([context.waitForEvent('page'), again.click()]);
	await tab.waitForLoadState();
	await tab.getByLabel('Tên đăng nhập').fill('unita');
	await tab.getByLabel('Mật khẩu').fill(PASSWORD);
	await tab.getByRole('button', { name: 'Đăng nhập' }).click();
	await tab.waitForURL((u) => u.pathname !== '/login');
	await tab.close();
	await expect(
		page.getByLabel((INTERNAL_PUBLIC[1] as string[])[0]!, { exact: true })
	).toBeChecked();
	await page.getByRole('button', { name: 'Tiếp tục', exact: true }).click();
	await page.waitForURL((u) => u.toString() !== second);
	await settle(page);
	expect(Object.keys(await savedFacts(page, name))).toHaveLength(2);
});

test('saved work that cannot be loaded is reported, with a retry that works', async ({
	browser
}) => {
	const page = await newPage(browser);
	await signIn(page);
	await page.route('**/api/unit', (r) => r.abort('connectionreset'));
	await open(page, '/systems');
	await expect(alert(page)).toContainText('Không tải được dữ liệu đã lưu');
	await expect(alert(page)).toContainText('Không kết nối được tới máy chủ');
	// The page under the alert does not go on saying it is loading.
	await expect(
		page.getByText('Chưa tải được dữ liệu đã lưu: xem thông báo ở đầu trang.')
	).toBeVisible();
	await expect(page.getByText('Đang tải dữ liệu đã lưu…')).toHaveCount(0);
	await page.screenshot({ path: 'test-results/save-failures/unloaded.png', fullPage: true });
	await page.unroute('**/api/unit');
	await page.getByRole('button', { name: 'Thử lại' }).click();
	await expect(alert(page)).toHaveCount(0);
	await expect(page.getByText('Cổng thông tin điện tử thử mất kết nối')).toBeVisible();
	await expect(page.getByText('Chưa tải được dữ liệu đã lưu')).toHaveCount(0);
	await settle(page);
});

test('anonymous work: a full browser storage is reported and nothing is pretended saved', async ({
	browser
}) => {
	const page = await newPage(browser);
	await page.addInitScript(() => {
		const setItem = Storage.prototype.setItem;
		Storage.prototype.setItem = function (key: string, value: string) {
			if (key === 'capdo.inventory' && (globalThis as { full?: boolean }).full)
				throw new DOMException('quota', 'QuotaExceededError');
			setItem.call(this, key, value);
		};
	});
	await open(page, '/systems');
	await page.evaluate(() => ((globalThis as { full?: boolean }).full = true));
	await page.getByLabel('Tên hệ thống mới').fill('Hệ thống thử bộ nhớ đầy');
	await page.getByRole('button', { name: 'Thêm hệ thống' }).click();
	await expect(alert(page)).toContainText('Bộ nhớ của trình duyệt đã đầy');
	await expect(page).toHaveURL(/\/systems$/);
	await expect(page.getByLabel('Tên hệ thống mới')).toHaveValue('Hệ thống thử bộ nhớ đầy');
	await settle(page);

	await page.evaluate(() => ((globalThis as { full?: boolean }).full = false));
	await page.getByRole('button', { name: 'Thêm hệ thống' }).click();
	await settle(page, /\/details$/);
	await expect(alert(page)).toHaveCount(0);
});

test('anonymous work added to the account: an import cut off half-way goes on without copies', async ({
	browser
}) => {
	const page = await newPage(browser);
	const names = ['Hệ thống thử nhập một', 'Hệ thống thử nhập hai'];
	for (const name of names) await addSystem(page, name);
	await signIn(page, 'unitb');
	const onServer = async () =>
		(await (await page.request.get('/api/unit')).json()).inventory.systems
			.map((s: { name: string }) => s.name)
			.sort();

	// The second system's save does not get through: the first stays added, the offer stays for
	// the second, and the alert says why.
	let posts = 0;
	await page.route('**/api/systems', (r) =>
		r.request().method() === 'POST' && ++posts === 2
			? r.abort('internetdisconnected')
			: r.continue()
	);
	await open(page, '/');
	await expect(page.getByTestId('import-offer')).toContainText('2 hệ thống');
	await page.getByRole('button', { name: 'Đưa vào tài khoản' }).click();
	await expect(alert(page)).toContainText('Chưa lưu được');
	await expect(alert(page)).toContainText('Không kết nối được tới máy chủ');
	await expect(page.getByTestId('import-offer')).toContainText('1 hệ thống');
	expect(await onServer()).toEqual([names[0]]);
	await settle(page);

	// A reload does not offer the first one again.
	await page.unroute('**/api/systems');
	await page.reload();
	await settle(page);
	await expect(page.getByTestId('import-offer')).toContainText('1 hệ thống');
	await page.getByRole('button', { name: 'Đưa vào tài khoản' }).click();
	await expect(page.getByText('Đã đưa 2 hệ thống vào tài khoản')).toBeVisible();
	await expect(alert(page)).toHaveCount(0);
	expect(await onServer()).toEqual([...names].sort());
	await page.reload();
	await settle(page);
	await expect(page.getByTestId('import-offer')).toHaveCount(0);
});
