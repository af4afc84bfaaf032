// The wizard connected to the server, in a real browser against its own server and database: a
// signed-in unit user's answers live on the server (another session of the same user resumes them,
// a stale tab is told and reloaded), the result is recorded and the dossier submitted, after which
// the wizard is read-only; another unit sees none of it; anonymous work stays in the browser and is
// offered once for import after signing in. Every PDF is read back with pdftotext. axe on each page.
import { execFileSync } from 'node:child_process';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { freshDatabase, PASSWORD, seed } from '../server/fixtures';
import { ensureBuilt, startServer, type Server } from '../server/server-process';
import { addSystem, answer, INTERNAL_PUBLIC, NONE_OF_THESE, open, settle } from './wizard-helpers';

test.describe.configure({ mode: 'serial', timeout: 240_000 });

let server: Server;
let cleanup: () => Promise<void>;
const NAME = 'Hệ thống quản lý hồ sơ công việc Sở Tài chính P';
const UUID = /^[0-9a-f-]{36}$/;

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
	const context = await browser.newContext({ baseURL: server.origin, acceptDownloads: true });
	const page = await context.newPage();
	page.on('pageerror', (e) => {
		throw e;
	});
	return page;
}

async function signIn(page: Page, username: string) {
	await open(page, '/login');
	await page.getByLabel('Tên đăng nhập').fill(username);
	await page.getByLabel('Mật khẩu').fill(PASSWORD);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await page.waitForURL((u) => u.pathname !== '/login');
	await settle(page);
}

/** Clicks a download button and returns the text pdftotext reads from the file. */
async function pdfText(page: Page, button: string | RegExp) {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: button }).click()
	]);
	const file = await download.path();
	return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

const systemId = (page: Page) => /\/systems\/([^/]+)\//.exec(new URL(page.url()).pathname)![1]!;

let id: string;

test('a unit user classifies on the server, resumes elsewhere, records and submits', async ({
	browser
}) => {
	const a = await newPage(browser);
	await signIn(a, 'unita');
	await open(a, '/unit');
	await a.getByLabel('Đơn vị chuyên trách về an toàn thông tin').fill('Phòng Công nghệ thông tin');
	await a.getByLabel('Người liên hệ', { exact: true }).fill('Nguyễn Văn An');
	await a.getByRole('button', { name: 'Lưu', exact: true }).click();
	await settle(a, /\/$/);
	await expect(a.getByText('Câu trả lời được lưu tự động vào tài khoản')).toBeVisible();

	// The server gives the new system its id; the URL follows.
	await addSystem(a, NAME);
	id = systemId(a);
	expect(id).toMatch(UUID);
	for (const ans of INTERNAL_PUBLIC.slice(0, 2)) await answer(a, ans);
	const stalePage = a.url();

	// The answers are on the server: the same user in another browser resumes at question 3.
	const b = await newPage(browser);
	await signIn(b, 'unita');
	const unit = await (await b.request.get('/api/unit')).json();
	const saved = unit.inventory.systems.find((s: { id: string }) => s.id === id);
	expect(Object.keys(saved.facts)).toHaveLength(2);
	expect(unit.systems).toContainEqual(expect.objectContaining({ id, status: 'draft' }));
	await open(b, `/systems/${id}`);
	await b.getByRole('link', { name: 'Trả lời câu hỏi' }).click();
	await settle(b, /\/q\/main\//);
	await expect(b.getByText('Câu hỏi 3 / khoảng')).toBeVisible();
	for (const ans of INTERNAL_PUBLIC.slice(2)) await answer(b, ans);
	await settle(b, /\/components$/);
	await b.getByRole('link', { name: 'Tiếp tục đến bước kiểm tra câu trả lời' }).click();
	await settle(b, /\/check$/);
	await b.getByRole('button', { name: 'Xác định cấp độ' }).click();
	await settle(b, /\/result$/);
	await expect(b.getByTestId('level')).toHaveText('Cấp độ 1');

	// The first tab still holds the old version: its save is refused, it reloads and says so.
	expect(a.url()).toBe(stalePage);
	await a.getByLabel(NONE_OF_THESE, { exact: true }).check();
	await a.getByRole('button', { name: 'Tiếp tục', exact: true }).click();
	await expect(a.getByTestId('save-alert')).toContainText('vừa được lưu từ nơi khác');
	expect(a.url()).toBe(stalePage);
	await settle(a);

	// The result page's PDF names the system and its level.
	const single = await pdfText(b, 'Tải hồ sơ đề xuất cấp độ (PDF)');
	expect(single).toContain(NAME);
	expect(single).toContain('Cấp độ 1');

	// One step: a page lists what will be sent, the declaration, then the server records the level
	// and keeps the dossier and the hash of the PDF the unit downloads.
	await expect(b.getByTestId('server-status')).toHaveText('Bản nháp');
	await b.getByRole('link', { name: 'Nộp hồ sơ để thẩm định' }).click();
	await settle(b, /\/submit$/);
	await expect(b.getByTestId('submit-level')).toHaveText('Cấp độ 1');
	await expect(b.getByText('Khi nộp, đơn vị xác nhận')).toBeVisible();
	const submitted = await pdfText(b, 'Xác nhận và nộp hồ sơ');
	expect(submitted).toContain(NAME);
	await expect(b.getByTestId('submitted')).toContainText('Đã nộp hồ sơ');
	await settle(b);
	await open(b, `/systems/${id}/result`);
	await expect(b.getByTestId('server-status')).toHaveText('Đã nộp');
	await expect(b.getByTestId('read-only')).toBeVisible();
	// Reading stays possible: the dossier can still be downloaded.
	await expect(b.getByRole('button', { name: 'Tải hồ sơ đề xuất cấp độ (PDF)' })).toBeEnabled();
	const sys = await (await b.request.get(`/api/systems/${id}`)).json();
	expect(sys.status).toBe('submitted');
	expect(sys.classification.proposed_level).toBe(1);

	// Submitted: read-only in the wizard, with the way to the submissions page.
	await open(b, `/systems/${id}/q/main/function`);
	await expect(b.getByTestId('read-only')).toContainText('Đã nộp');
	await expect(b.getByRole('button', { name: 'Tiếp tục', exact: true })).toBeDisabled();
	await expect(b.getByRole('link', { name: /Hồ sơ của đơn vị/ }).last()).toBeVisible();

	// The task list shows the server status and downloads every dossier in one PDF.
	await open(b, '/');
	await expect(b.getByTestId(`server-status-${id}`)).toHaveText('Hồ sơ: Đã nộp');
	const all = await pdfText(b, 'Tải hồ sơ của tất cả hệ thống (PDF)');
	expect(all).toContain(NAME);
	expect(all).toContain('Cấp độ 1');
});

test("another unit's user sees none of it", async ({ browser }) => {
	const page = await newPage(browser);
	await signIn(page, 'unitb');
	await open(page, '/');
	await expect(page.getByText('Chưa có hệ thống nào.')).toBeVisible();
	await expect(page.getByText(NAME)).toHaveCount(0);
	expect((await page.request.get(`/api/systems/${id}`)).status()).toBe(404);
	const unit = await (await page.request.get('/api/unit')).json();
	expect(unit.systems).toEqual([]);
	await open(page, `/systems/${id}`);
	await expect(page.locator('h1')).toHaveText('Không tìm thấy hệ thống này.');
});

test('anonymous work stays in the browser; after signing in it is offered once', async ({
	browser
}) => {
	const page = await newPage(browser);
	const api: string[] = [];
	page.on('request', (r) => {
		if (new URL(r.url()).pathname.startsWith('/api/')) api.push(r.url());
	});
	await open(page, '/');
	await expect(page.getByText('Câu trả lời được lưu tự động trong trình duyệt này')).toBeVisible();
	await addSystem(page, 'Thư điện tử nội bộ ẩn danh');
	expect(systemId(page)).not.toMatch(UUID);
	await answer(page, INTERNAL_PUBLIC[0]!);
	const local = await page.evaluate(() => JSON.parse(localStorage.getItem('capdo.inventory')!));
	expect(local.systems[0].name).toBe('Thư điện tử nội bộ ẩn danh');
	expect(Object.keys(local.systems[0].facts)).toHaveLength(1);
	expect(api).toEqual([]);

	// The unfinished system cannot make a dossier: the bulk download says so instead of skipping it.
	await open(page, '/');
	await page.getByRole('button', { name: 'Tải hồ sơ của tất cả hệ thống (PDF)' }).click();
	await expect(page.getByTestId('bulk-skipped')).toContainText('Thư điện tử nội bộ ẩn danh');
	await settle(page);

	// Signed in as unit B: offered once, imported only when accepted.
	await signIn(page, 'unitb');
	await open(page, '/');
	await expect(page.getByTestId('import-offer')).toContainText('1 hệ thống');
	expect((await (await page.request.get('/api/unit')).json()).systems).toEqual([]);
	await page.getByRole('button', { name: 'Đưa vào tài khoản' }).click();
	await expect(page.getByText('Đã đưa 1 hệ thống vào tài khoản')).toBeVisible();
	const unit = await (await page.request.get('/api/unit')).json();
	expect(unit.inventory.systems.map((s: { name: string }) => s.name)).toEqual([
		'Thư điện tử nội bộ ẩn danh'
	]);
	expect(unit.systems[0].id).toMatch(UUID);
	await settle(page);
	await page.reload();
	await settle(page);
	await expect(page.getByTestId('import-offer')).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Thư điện tử nội bộ ẩn danh' })).toHaveCount(1);
});
