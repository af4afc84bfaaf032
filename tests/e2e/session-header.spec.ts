// The page header follows the session without a reload, in a real browser against its own server:
// signing out in one tab signs out the header of the other tabs of that browser at once, signing
// in in one signs them in, and a session ended on the server (the account locked by the
// administrator) shows on the next client navigation. Screenshots of the header in both states.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { freshDatabase, PASSWORD, seed } from '../server/fixtures';
import { ensureBuilt, startServer, type Server } from '../server/server-process';
import { open, settle } from './wizard-helpers';

test.describe.configure({ timeout: 180_000 });

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

async function newContext(browser: import('@playwright/test').Browser) {
	return browser.newContext({ baseURL: server.origin });
}

async function newPage(context: BrowserContext): Promise<Page> {
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

const header = (page: Page) => page.locator('header.site-header');

/** The header names `username` (signed in) or offers to sign in (signed out). */
async function expectHeader(page: Page, username: string | null) {
	const h = header(page);
	if (username) {
		await expect(h.locator('a.who')).toHaveText(new RegExp(`^${username} \\(`));
		await expect(h.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
		await expect(h.getByRole('link', { name: 'Đăng nhập', exact: true })).toHaveCount(0);
	} else {
		await expect(h.getByRole('link', { name: 'Đăng nhập', exact: true })).toBeVisible();
		await expect(h.getByRole('button', { name: 'Đăng xuất' })).toHaveCount(0);
		await expect(h.locator('a.who')).toHaveCount(0);
	}
}

/** Marks the page's window: still marked later means no full page load happened in between. */
const mark = (page: Page) =>
	page.evaluate(() => ((globalThis as { sameDocument?: boolean }).sameDocument = true));
const sameDocument = (page: Page) =>
	page.evaluate(() => (globalThis as { sameDocument?: boolean }).sameDocument === true);

test('signing out in one tab signs out the others at once; signing in signs them in', async ({
	browser
}) => {
	const context = await newContext(browser);
	const one = await newPage(context);
	const two = await newPage(context);
	await signIn(one, 'unita');
	await open(two, '/rules');
	await expectHeader(two, 'unita');
	await header(two).screenshot({ path: 'test-results/session-header/signed-in.png' });
	await mark(two);

	// Signed out in the first tab: the second tab's header says so without being touched.
	await header(one).getByRole('button', { name: 'Đăng xuất' }).click();
	await one.waitForURL((u) => u.pathname === '/login');
	await expectHeader(one, null);
	await expectHeader(two, null);
	expect(await sameDocument(two)).toBe(true);
	await header(two).screenshot({ path: 'test-results/session-header/signed-out.png' });
	await settle(two);

	// Signed in (as someone else) in the second tab: the first tab, on the login page, goes on
	// to the home page and names the new user, without a reload.
	await mark(one);
	await signIn(two, 'unitb');
	await expectHeader(two, 'unitb');
	await one.waitForURL((u) => u.pathname !== '/login');
	await expectHeader(one, 'unitb');
	expect(await sameDocument(one)).toBe(true);
	await context.close();
});

test('a session ended on the server shows as signed out on the next client navigation', async ({
	browser
}) => {
	const context = await newContext(browser);
	const page = await newPage(context);
	await signIn(page, 'maintainer');
	await open(page, '/about');
	await expectHeader(page, 'maintainer');
	await mark(page);

	// The administrator locks the account (its sessions are deleted) from another browser.
	const adminContext = await newContext(browser);
	const admin = await newPage(adminContext);
	await signIn(admin, 'admin');
	await open(admin, '/admin');
	await admin.getByRole('button', { name: 'Khóa maintainer', exact: true }).click();
	await expect(admin.getByRole('button', { name: 'Mở khóa maintainer' })).toBeVisible();
	await adminContext.close();

	// Nothing runs until the user moves on; the next page, reached without a reload, is signed out.
	await header(page).getByRole('link', { name: 'Bộ quy tắc' }).click();
	await page.waitForURL((u) => u.pathname === '/rules');
	await expectHeader(page, null);
	expect(await sameDocument(page)).toBe(true);
	await settle(page);
	await context.close();
});
