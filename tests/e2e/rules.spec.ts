// The rule browser (public) and the maintainer workspace in a real browser against its own server
// and database: an invalid upload shows its error at file:line, a valid new version shows passing
// golden cases and its diff, then is published and appears in the browser. axe on every page.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { classifySystem, createSystem, submitSystem } from '../../src/lib/server/workflow/service';
import { freshDatabase, level2Record, PASSWORD, seed, svc50k } from '../server/fixtures';
import { ensureBuilt, startServer, type Server } from '../server/server-process';

test.describe.configure({ mode: 'serial' });

let server: Server;
let cleanup: () => Promise<void>;
const FIX = 'tests/fixtures/maintain';
const AMENDMENT = 'tests/fixtures/amendment/vn-nd331/2027-03';
const AMENDMENT_FILES = ['criteria.yaml', 'facts.yaml', 'ruleset.yaml', 'tests.yaml'];
const ids = { nd331: '' };
const SHOTS = process.env.CAPDO_SCREENSHOTS;

test.beforeAll(async () => {
	test.setTimeout(300_000);
	await ensureBuilt();
	const d = await freshDatabase();
	cleanup = d.cleanup;
	const s = await seed(d);
	const { id } = await createSystem(s.ctx('unitA'), level2Record('Quản lý văn bản'));
	await classifySystem(s.ctx('unitA'), id);
	// Under vn-nd331@2026, submitted: an appraiser rechecks it after the amendment is published.
	ids.nd331 = (await createSystem(s.ctx('unitA'), svc50k('Cổng đăng ký sự kiện'))).id;
	await classifySystem(s.ctx('unitA'), ids.nd331);
	await submitSystem(s.ctx('unitA'), ids.nd331);
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
	// axe over the longest pages of the app: generous on a loaded machine.
	test.setTimeout(180_000);
	const page = await open(browser);
	await page.goto('/');
	await hydrated(page);
	await page.getByRole('link', { name: 'Bộ quy tắc' }).click();
	await expect(page).toHaveURL(/\/rules$/);
	const table = page.getByRole('table', { name: 'Các bộ quy tắc và thời gian hiệu lực' });
	await expect(table.getByRole('rowheader', { name: 'vn-nd331@2026' })).toBeVisible();
	await expect(table.getByText('Chưa đối chiếu').first()).toBeVisible();
	await axe(page);
	await shot(page, 'rules-index');

	await table.getByRole('link', { name: 'vn-nd85@tt03-2017' }).click();
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

async function signIn(browser: Browser, username: string): Promise<Page> {
	const page = await open(browser);
	await page.goto('/login');
	await hydrated(page);
	await page.getByLabel('Tên đăng nhập').fill(username);
	await page.getByLabel('Mật khẩu').fill(PASSWORD);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await page.waitForURL((u) => u.pathname !== '/login');
	await hydrated(page);
	return page;
}

async function press(page: Page, name: string) {
	await page.getByRole('button', { name, exact: true }).click();
	await page.waitForLoadState('load');
	await hydrated(page);
}

test('a maintainer sees an invalid file’s error at its line, then checks a new version', async ({
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
	await press(page, 'Kiểm tra');
	const summary = page.getByRole('alert');
	await expect(summary).toContainText('Bộ quy tắc chưa hợp lệ');
	// Explained in Vietnamese then English, with the parser's own words.
	const link = summary.getByRole('link', {
		name: /^ruleset\.yaml:7:7: giá trị có dấu ": " ở giữa .*dòng dưới thụt lề quá sâu.* \/ a value with ": " inside it.*\(YAML: Nested mappings/
	});
	await expect(link).toBeVisible();
	await axe(page);
	await shot(page, 'maintain-invalid');
	await link.click();
	await expect(page.getByLabel('Nội dung ruleset.yaml')).toBeFocused();

	// Replace the text with a valid new rule set (its own id, so it tiles alone).
	await page.getByLabel('Nội dung ruleset.yaml').fill(valid);
	await press(page, 'Kiểm tra');
	await expect(page.getByRole('heading', { name: /^vn-demo@2027 hợp lệ/ })).toBeVisible();
	await expect(page.getByTestId('tests-summary')).toHaveText(/^\d+ ca đạt, 0 ca không đạt\.$/);
	await expect(page.getByRole('heading', { name: 'Thay đổi so với vn-nd331@2026' })).toBeVisible();
	await expect(page.getByRole('table', { name: 'Các thay đổi theo phần' })).toContainText('title');
	await expect(page.getByText(/2 hệ thống đã xác định cấp độ được tính lại/)).toBeVisible();
	await expect(page.getByTestId('release-note')).toContainText('vn-demo@2027');
	await axe(page);
	await shot(page, 'maintain-valid');
});

test('the amendment from the web: draft → refused self-approval → second maintainer approves → publish; then a withdrawal', async ({
	browser
}) => {
	test.setTimeout(240_000);
	const author = await signIn(browser, 'maintainer');
	await author.goto('/maintain');
	await hydrated(author);
	await author.getByLabel('Tải lên các tệp YAML').setInputFiles(
		AMENDMENT_FILES.map((name) => ({
			name,
			mimeType: 'application/yaml',
			buffer: readFileSync(`${AMENDMENT}/${name}`)
		}))
	);
	// Saved as a draft first; then checked and submitted with a comment.
	await press(author, 'Lưu bản nháp');
	await expect(author.getByRole('status')).toContainText('Đã lưu bản nháp vn-nd331@2027-03');
	await press(author, 'Kiểm tra');
	await expect(author.getByRole('heading', { name: /^vn-nd331@2027-03 hợp lệ/ })).toBeVisible();
	const diff = author.getByRole('table', { name: 'Các thay đổi theo phần' });
	// Before → after in full, for the threshold the amendment lowers.
	await expect(diff).toContainText('dưới 100.000 chủ thể dữ liệu');
	await expect(diff).toContainText('dưới 50.000 chủ thể dữ liệu');
	await expect(diff).toContainText(
		'Dữ liệu cá nhân cơ bản của 50.000 chủ thể → cấp độ 3 (sau sửa đổi)'
	);
	// Impact against 2026 isolates the amendment: the stored 50,000-subject service moves 2 → 3.
	await expect(author.getByTestId('impact-base-rows')).toContainText('Tăng cấp độ');
	await axe(author);
	await author
		.getByLabel('Nhận xét cho người duyệt')
		.fill('Sửa đổi giả định: ngưỡng 50.000, tiêu chí mới về quyết định tự động.');
	await press(author, 'Gửi duyệt');
	await expect(author.getByRole('status')).toContainText('Đã gửi duyệt vn-nd331@2027-03');
	const awaiting = author.getByRole('table', { name: /chờ người quản lý quy tắc thứ hai/ });
	await expect(awaiting).toContainText('vn-nd331@2027-03');
	await axe(author);
	await shot(author, 'maintain-awaiting');

	// The author cannot approve their own draft.
	await awaiting.getByRole('link', { name: /vn-nd331@2027-03/ }).click();
	await hydrated(author);
	await expect(author.getByTestId('version-status')).toHaveText('Chờ duyệt');
	await expect(author.getByText(/Bạn đã soạn hoặc gửi duyệt phiên bản này/)).toBeVisible();
	await author.getByLabel('Nhận xét', { exact: true }).fill('Tự duyệt.');
	await press(author, 'Phê duyệt');
	await expect(author.getByRole('alert')).toContainText('Không thể tự phê duyệt');
	await expect(author.getByTestId('version-status')).toHaveText('Chờ duyệt');
	await axe(author);
	await shot(author, 'maintain-self-approval');

	// A second maintainer reviews, approves and publishes.
	const reviewer = await signIn(browser, 'maintainer2');
	await reviewer.goto('/maintain/v/vn-nd331@2027-03');
	await hydrated(reviewer);
	await expect(reviewer.getByTestId('review-history')).toContainText(
		'Sửa đổi giả định: ngưỡng 50.000'
	);
	await axe(reviewer);
	await reviewer
		.getByLabel('Nhận xét', { exact: true })
		.fill('Đã đối chiếu ngưỡng và ca kiểm thử.');
	await press(reviewer, 'Phê duyệt');
	await expect(reviewer.getByRole('status')).toContainText('Đã phê duyệt vn-nd331@2027-03');
	await expect(reviewer.getByTestId('version-status')).toHaveText('Đã duyệt, chờ công bố');
	await reviewer.getByLabel('Nhận xét', { exact: true }).fill('Công bố.');
	await press(reviewer, 'Công bố');
	await expect(reviewer.getByRole('status')).toContainText('Đã công bố vn-nd331@2027-03');
	await expect(reviewer.getByTestId('review-history')).toContainText('Công bố.');
	await axe(reviewer);
	await shot(reviewer, 'maintain-published');

	// Everyone sees it, with its release note; 2026 now ends on 2027-02-28 with its hash unchanged.
	const anyone = await open(browser);
	await anyone.goto('/rules');
	await hydrated(anyone);
	const table = anyone.getByRole('table', { name: 'Các bộ quy tắc và thời gian hiệu lực' });
	await expect(table.getByRole('row', { name: /vn-nd331@2026/ })).toContainText('2027-02-28');
	await anyone.goto('/rules/vn-nd331@2027-03');
	await hydrated(anyone);
	await expect(anyone.getByTestId('release-note')).toContainText('Thay đổi so với vn-nd331@2026');
	await axe(anyone);

	// The result stored under 2026 still rechecks as matching.
	const appraiser = await signIn(browser, 'appraiser');
	await appraiser.goto(`/appraisal/${ids.nd331}`);
	await hydrated(appraiser);
	await expect(appraiser.getByTestId('recheck')).toContainText('mã băm khớp');
	await expect(appraiser.getByTestId('recheck')).toContainText('khớp với hồ sơ');

	// A unit classifies a system under the new version (through its API, as its own tools would).
	const unit = await signIn(browser, 'unitA');
	const created = await unit.request.post('/api/systems', {
		data: { ...svc50k('Cổng dịch vụ công sau sửa đổi'), ruleset: 'vn-nd331@2027-03' }
	});
	expect(created.status()).toBe(201);
	const amendedId = ((await created.json()) as { id: string }).id;
	// JSON even without a body, as the app's own client sends it (other API writes are refused: CSRF).
	const classified = await unit.request.post(`/api/systems/${amendedId}/classify`, {
		headers: { 'content-type': 'application/json' }
	});
	expect(classified.status()).toBe(200);
	expect(await classified.json()).toMatchObject({
		classification: { ruleset: { id: 'vn-nd331', version: '2027-03' }, level: 3 }
	});

	// Withdrawal with a reason: the version stays, flagged; its stored results need re-determination.
	await reviewer.getByLabel('Lý do rút').fill('Ngưỡng chép sai từ dự thảo.');
	await press(reviewer, 'Rút phiên bản');
	await expect(reviewer.getByRole('status')).toContainText('Đã rút vn-nd331@2027-03');
	await expect(reviewer.getByTestId('version-status')).toHaveText('Đã rút');
	await axe(reviewer);
	await anyone.goto('/rules/vn-nd331@2027-03');
	await expect(anyone.getByRole('note').filter({ hasText: 'đã bị rút' })).toContainText(
		'Ngưỡng chép sai từ dự thảo.'
	);
	// The overview flags the system classified under it, and only that one.
	const admin = await signIn(browser, 'admin');
	await admin.goto('/overview');
	await hydrated(admin);
	const notice = admin.getByTestId('redetermine-notice');
	await expect(notice).toContainText('1 hệ thống cần xác định lại');
	await notice.getByRole('link').click();
	await hydrated(admin);
	await expect(admin).toHaveURL(/redetermine=yes/);
	const rows = admin.getByRole('table').last().locator('tbody tr');
	await expect(rows).toHaveCount(1);
	await expect(rows.first()).toContainText('Cổng dịch vụ công sau sửa đổi');
	await expect(rows.first()).toContainText('Cần xác định lại');
	await shot(admin, 'overview-redetermine');
	await axe(admin);
});
