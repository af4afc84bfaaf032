// The Decree 331 yearly report (Mẫu 08) in a real browser against a seeded province: a unit opens
// the form (counts computed from its records), is told what is missing, completes it, checks it,
// downloads the draft, sends it; the body sees who has sent, the totals and the CSV, and makes its
// own report to the Ministry from the units' answers. axe on every page; papers read back with
// pdftotext.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import {
	expect,
	test,
	type Browser,
	type Download,
	type Locator,
	type Page
} from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { counts, type Counts } from '../../src/lib/reporting/mau08/model';
import { seedProvince } from '../../src/lib/server/overview/seed';
import { reportingConfig } from '../../src/lib/server/reports/config';
import { findPeriod } from '../../src/lib/server/reports/service';
import { asOfFor, snapshotAt } from '../../src/lib/server/reports/yearly';
import { bundledRuleSets } from '../../src/lib/server/ruleset-files';
import { docxParts } from '../paper/measure';
import { freshDatabase, PASSWORD, RULESET } from '../server/fixtures';
import { ensureBuilt, startServer, type Server } from '../server/server-process';

test.describe.configure({ mode: 'serial', timeout: 240_000 });

let server: Server;
let cleanup: () => Promise<void>;
let unitName: string;
let expected: Counts;
let unitsInBody: number;
const REPORT = 'nd331-yearly-unit';
/** The window open today: 15/12 of one year to 14/12 of the next, named by its end. */
const year = (() => {
	const d = new Date(Date.now() + 7 * 3600_000);
	return String(d.getUTCFullYear() + (d.getUTCMonth() === 11 && d.getUTCDate() >= 15 ? 1 : 0));
})();

test.beforeAll(async () => {
	test.setTimeout(300_000);
	await ensureBuilt();
	const d = await freshDatabase();
	cleanup = d.cleanup;
	const ruleset = bundledRuleSets().rulesets.find((r) => r.ref === RULESET)!;
	const p = await seedProvince(d.db, {
		units: 4,
		systemsPerUnit: 4,
		ruleset,
		password: PASSWORD,
		unitAccounts: 1,
		seed: 331
	});
	unitsInBody = p.unit_ids.length;
	const u = await d.db
		.selectFrom('users')
		.innerJoin('units', 'units.id', 'users.unit_id')
		.select(['units.id', 'units.name'])
		.where('username', '=', 'unit1')
		.executeTakeFirstOrThrow();
	unitName = u.name;
	// What the form must show: the unit's records now (the window is open), computed here
	// independently of the page.
	const { period } = findPeriod(reportingConfig(), REPORT, year)!;
	const snap = await snapshotAt(d.db, { unit_id: u.id }, period, asOfFor(period, new Date()));
	expected = counts(snap);
	await d.close();
	server = await startServer(d.target);
});
test.afterAll(async () => {
	test.setTimeout(120_000);
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
	return page;
}

async function axe(page: Page) {
	const r = await new AxeBuilder({ page }).analyze();
	expect(r.violations, JSON.stringify(r.violations.map((v) => [v.id, v.nodes[0]?.html]))).toEqual(
		[]
	);
}

async function pdfText(download: Download) {
	return execFileSync('pdftotext', [(await download.path())!, '-'], { encoding: 'utf8' }).replace(
		/\s+/g,
		' '
	);
}

async function download(page: Page, link: string | Locator) {
	const [d] = await Promise.all([
		page.waitForEvent('download'),
		(typeof link === 'string' ? page.getByRole('link', { name: link }) : link).click()
	]);
	return d;
}

const LINES: [keyof Counts, string][] = [
	['in_scope', 'Tổng số hệ thống thông tin thuộc phạm vi quản lý'],
	['dossier', 'Tổng số hệ thống thông tin đã xây dựng hồ sơ đề xuất cấp độ'],
	['approved', 'Tổng số hệ thống thông tin đã được phê duyệt cấp độ']
];

async function fillParties(page: Page) {
	for (const [legend, who] of [
		['a) Chủ quản hệ thống thông tin', 'ubnd'],
		['b) Đơn vị chuyên trách về an ninh mạng', 'skhcn']
	] as const) {
		const box = page.getByRole('group', { name: legend });
		if (who === 'skhcn')
			await box.getByLabel('Văn bản quy định chức năng, nhiệm vụ và quyền hạn').fill('QĐ 10/2025');
		await box.getByLabel('Người đại diện: họ và tên, chức vụ').fill('Nguyễn Văn An, Giám đốc');
		await box.getByLabel('Địa chỉ liên lạc').fill('02 Trần Phú, Pleiku');
		await box.getByLabel('Số điện thoại').fill('0269 3822 111');
		await box.getByLabel('Thư điện tử').fill(`${who}@gialai.gov.vn`);
	}
}

test('a unit completes, checks and sends its yearly report (Mẫu 08)', async ({ browser }) => {
	const page = await signIn(browser, 'unit1');
	await page.goto('/reports');
	await hydrated(page);
	const title =
		'Báo cáo kết quả công tác bảo đảm an ninh mạng hệ thống thông tin (định kỳ hằng năm)';
	await page
		.getByRole('link', {
			name: new RegExp(`^Lập báo cáo\\s*: ${title.replace(/[()]/g, '\\$&')} ${year}$`)
		})
		.click();
	await page.waitForURL(new RegExp(`/reports/yearly/${REPORT}/${year}$`));
	await hydrated(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${title} — ${year}`);
	await expect(
		page.getByText('Căn cứ: Điểm a khoản 4 Điều 35 Nghị định 331/2026/NĐ-CP')
	).toBeVisible();
	for (const k of Object.keys(expected) as (keyof Counts)[])
		await expect(page.locator(`[data-count="${k}"]`)).toHaveText(String(expected[k]));
	await axe(page);

	// Asking to check with everything missing: saved anyway, each gap named and linked.
	await page.getByRole('button', { name: 'Lưu và kiểm tra trước khi nộp' }).click();
	const summary = page.getByRole('alert').filter({ hasText: 'Có lỗi cần sửa' });
	await expect(summary).toBeVisible();
	await expect(summary).toBeFocused();
	await expect(
		summary.getByRole('link', { name: /Nhập người đại diện và chức vụ của chủ quản/ })
	).toBeVisible();
	await expect(page).toHaveTitle(/^Lỗi/);
	await axe(page);
	await summary.getByRole('link', { name: /Nhập thư điện tử của chủ quản/ }).click();
	await expect(
		page.getByRole('group', { name: 'a) Chủ quản hệ thống thông tin' }).getByLabel('Thư điện tử')
	).toBeFocused();

	await page.getByLabel('Dự kiến thời gian hoàn thành phê duyệt cấp độ').fill('06/2027');
	await fillParties(page);
	// Per system: an expected approval date where not approved, the plan and its date.
	const systems = page.locator('fieldset.system');
	const n = await systems.count();
	expect(n).toBe(expected.in_scope);
	let periodic = 0;
	for (let i = 0; i < n; i++) {
		const sys = systems.nth(i);
		const when = sys.getByLabel('(9) Dự kiến thời điểm phê duyệt hồ sơ đề xuất cấp độ');
		if (await when.count()) await when.fill('06/2027');
		// The first approved system (no "expected approval" field) was checked periodically.
		else if (periodic++ === 0) await sys.getByLabel('Định kỳ').check();
		await sys.getByLabel('Đã triển khai một số hạng mục').check();
		await sys.getByLabel('(11) Dự kiến thời điểm triển khai đầy đủ phương án').fill('12/2027');
	}
	expect(periodic).toBe(expected.approved);
	await page.getByLabel('Chức vụ người ký').fill('Giám đốc');
	await page.getByLabel('Họ và tên người ký').fill('Lê Văn Cường');
	await page.getByRole('button', { name: 'Lưu và kiểm tra trước khi nộp' }).click();
	await page.waitForURL(/\/review$/);
	await hydrated(page);
	await expect(page.getByText('Báo cáo đã đủ thông tin để nộp.')).toBeVisible();
	await expect(page.locator('[data-count="checked_periodic"]')).toHaveText(
		expected.approved ? '1' : '0'
	);
	await axe(page);

	const current = page.getByRole('group', { name: 'Tải báo cáo như đang nhập' });
	const draft = await pdfText(
		await download(page, current.getByRole('button', { name: 'Tải xuống' }))
	);
	expect(draft).toContain('DỰ THẢO');
	for (const [k, line] of LINES) expect(draft).toContain(`${line}: ${expected[k]};`);

	await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
	const done = page.getByTestId('submitted');
	await expect(done).toContainText(`Đã nộp báo cáo năm ${year}.`);
	await axe(page);
	const sent = await pdfText(await download(page, done.getByRole('link')));
	// The sent report as a Word signature copy: the same figures in the document XML.
	const sentForm = page.getByRole('group', { name: 'Tải bản đã nộp' });
	await sentForm.getByLabel('Word (DOCX)').check();
	const word = await download(page, sentForm.getByRole('button', { name: 'Tải xuống' }));
	expect(word.suggestedFilename()).toMatch(/^mau-08-.*-ban-trinh-ky\.docx$/);
	const xml = docxParts(readFileSync((await word.path())!))['word/document.xml']!.replace(
		/<[^>]+>/g,
		''
	);
	for (const [k, line] of LINES) expect(xml).toContain(`${line}: ${expected[k]};`);
	expect(sent).not.toContain('DỰ THẢO');
	expect(sent).toContain('V/v kết quả công tác bảo đảm an ninh mạng hệ thống thông tin');
	expect(sent).toContain('(1) Tên chủ quản hệ thống thông tin: Ủy ban nhân dân tỉnh Gia Lai;');
	for (const [k, line] of LINES) expect(sent).toContain(`${line}: ${expected[k]};`);

	// Back on the list, the period reads as sent.
	await page.goto('/reports');
	await expect(page.getByRole('row', { name: new RegExp(`^${year} `) })).toContainText(
		'Đã gửi đúng hạn'
	);
});

test('the body sees who has sent, the totals and the CSV, and makes its own report', async ({
	browser
}) => {
	const page = await signIn(browser, 'appraiser');
	await page.goto('/overview/reports');
	await hydrated(page);
	await page.getByLabel('Báo cáo').selectOption(REPORT);
	await page.getByRole('button', { name: 'Xem' }).click();
	await page.waitForURL(new RegExp(`report=${REPORT}`));
	await hydrated(page);
	const table = page.locator('table.yearly');
	await expect(table.getByRole('row', { name: unitName })).toContainText('Đã gửi đúng hạn');
	await expect(page.locator('[data-count="submitted"]')).toHaveText('1');
	await expect(page.locator('[data-count="open"]')).toHaveText(String(unitsInBody - 1));
	await expect(page.locator('[data-total="in_scope"]')).toHaveText(String(expected.in_scope));
	await expect(page.locator('[data-total="checked_periodic"]')).toHaveText(
		String(expected.approved > 0 ? 1 : 0)
	);
	await axe(page);

	const csv = parse(readFileSync((await (await download(page, 'CSV')).path())!), {
		bom: true
	}) as string[][];
	expect(csv[0]!.slice(0, 5)).toEqual([
		'Đơn vị',
		'Tình trạng',
		'Nộp lúc',
		'Số liệu đến',
		'Thuộc phạm vi'
	]);
	expect(csv.find((r) => r[0] === unitName)!.slice(1, 2)).toEqual(['Đã gửi đúng hạn']);
	expect(csv.at(-1)![0]).toBe('Cộng các báo cáo đã nộp');
	expect(csv.at(-1)![4]).toBe(String(expected.in_scope));

	// The unit's sent paper, as the body downloads it.
	const paper = await pdfText(
		await download(page, page.getByRole('link', { name: new RegExp(`^PDF\\s*— ${unitName}$`) }))
	);
	expect(paper).toContain(`${LINES[0]![1]}: ${expected.in_scope};`);

	// The owner's own report to the Ministry, starting from what the units reported.
	await page.getByRole('link', { name: 'Báo cáo của chủ quản gửi Bộ Công an' }).click();
	await hydrated(page);
	await expect(page.getByText(`báo cáo của 1/${unitsInBody} đơn vị đã nộp`)).toBeVisible();
	await expect(page.getByLabel('Kính gửi')).toHaveValue('Bộ Công an');
	await axe(page);
	await page.getByLabel('Dự kiến thời gian hoàn thành phê duyệt cấp độ').fill('12/2027');
	await fillParties(page);
	await page.getByLabel('Chức vụ người ký').fill('KT. Chủ tịch Phó Chủ tịch');
	await page.getByRole('button', { name: 'Lưu và kiểm tra trước khi nộp' }).click();
	await page.waitForURL(/\/review$/);
	await hydrated(page);
	await axe(page);
	await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
	await expect(page.getByTestId('submitted')).toContainText(`Đã nộp báo cáo năm ${year}.`);
});

test('the overview counts down the transition deadlines and shows coverage', async ({
	browser
}) => {
	const page = await signIn(browser, 'appraiser');
	await page.goto('/overview');
	await hydrated(page);
	const transition = page.getByRole('region', {
		name: 'Chuyển tiếp sang Luật An ninh mạng 2025 và Nghị định 331/2026/NĐ-CP'
	});
	await expect(transition.locator('[data-deadline="2027-01-01"]')).toContainText(
		'đến hết ngày 01/01/2027'
	);
	await expect(transition.locator('[data-deadline="2027-07-01"]')).toContainText(
		'Điều 45 khoản 1 Luật 116/2025/QH15'
	);
	await expect(
		page.getByRole('table', { name: 'Theo cấp độ' }).getByRole('row', { name: /^2 / })
	).toBeVisible();
	await axe(page);
});
