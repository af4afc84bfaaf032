// The governing body's overview and the units' periodic reports in a real browser, against a
// seeded province (20 units × 5 systems, levels from the engine): filters, CSV and XLSX downloads
// parsed back, a unit's quarterly report with an error summary, and the body's roll-up. axe on
// every page.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { seedProvince } from '../../src/lib/server/overview/seed';
import { reportingConfig } from '../../src/lib/server/reports/config';
import { findPeriod, localDay } from '../../src/lib/server/reports/service';
import { bundledRuleSets } from '../../src/lib/server/ruleset-files';
import { freshDatabase, PASSWORD, RULESET } from '../server/fixtures';
import { ensureBuilt, startServer, type Server } from '../server/server-process';

test.describe.configure({ mode: 'serial' });

let server: Server;
let cleanup: () => Promise<void>;
let firstUnit: string;
let reportingUnit: string;

test.beforeAll(async () => {
	test.setTimeout(300_000);
	await ensureBuilt();
	const d = await freshDatabase();
	cleanup = d.cleanup;
	const ruleset = bundledRuleSets().rulesets.find((r) => r.ref === RULESET)!;
	await seedProvince(d.db, { units: 20, systemsPerUnit: 5, ruleset, password: PASSWORD });
	const unit = await d.db
		.selectFrom('units')
		.select('name')
		.orderBy('name')
		.executeTakeFirstOrThrow();
	firstUnit = unit.name;
	const u1 = await d.db
		.selectFrom('users')
		.innerJoin('units', 'units.id', 'users.unit_id')
		.select('units.name')
		.where('username', '=', 'unit1')
		.executeTakeFirstOrThrow();
	reportingUnit = u1.name;
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
	return page;
}

async function axe(page: Page) {
	const r = await new AxeBuilder({ page }).analyze();
	expect(r.violations, JSON.stringify(r.violations.map((v) => [v.id, v.nodes[0]?.html]))).toEqual(
		[]
	);
}

/** The count the chart's table gives for a row label. */
async function chartCount(page: Page, chart: string, label: string) {
	const table = page.locator('figure', { hasText: chart }).locator('table');
	return Number(await table.getByRole('row', { name: label }).getByRole('cell').textContent());
}

const quarter = () => {
	const d = new Date();
	return `${d.getFullYear()}-Q${Math.floor(d.getMonth() / 3) + 1}`;
};

test('the overview lists the province, filters, and exports what is shown', async ({ browser }) => {
	const page = await signIn(browser, 'appraiser');
	await page.goto('/overview');
	await hydrated(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Tổng hợp cấp độ các hệ thống thông tin'
	);
	await expect(page.getByText('20 đơn vị, 100 hệ thống')).toBeVisible();
	await expect(page.getByRole('img', { name: 'Số hệ thống theo cấp độ' })).toBeVisible();
	await axe(page);

	const approved = await chartCount(page, 'Số hệ thống theo trạng thái hồ sơ', 'Đã phê duyệt');
	expect(approved).toBeGreaterThan(0);
	await page.getByRole('combobox', { name: 'Trạng thái hồ sơ' }).selectOption('approved');
	await page.getByRole('button', { name: 'Lọc', exact: true }).click();
	await page.waitForURL(/status=approved/);
	await expect(page.locator('table.systems caption')).toContainText(`(${approved} hệ thống)`);
	const statuses = await page.locator('table.systems tbody tr td:nth-child(6)').allTextContents();
	expect(statuses.length).toBe(Math.min(50, approved));
	expect(statuses.every((s) => s.trim() === 'Đã phê duyệt')).toBe(true);
	// Drill-down: an approved system's review page.
	await page.locator('table.systems tbody a').first().click();
	await page.waitForURL(/\/appraisal\//);
	await page.goBack();
	await hydrated(page);

	await page.getByRole('combobox', { name: 'Đơn vị' }).selectOption({ label: firstUnit });
	await page.getByRole('button', { name: 'Lọc', exact: true }).click();
	await page.waitForURL(/unit=/);
	const caption = page.locator('table.systems caption');
	await expect(caption).not.toContainText(`(${approved} hệ thống)`);
	const shown = Number(
		(await page.locator('table.systems caption').textContent())!.match(/\((\d+) hệ thống\)/)![1]
	);
	expect(shown).toBeLessThanOrEqual(5);
	await axe(page);

	const [csvDownload] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'CSV' }).click()
	]);
	const csv = parse(readFileSync((await csvDownload.path())!), { bom: true }) as string[][];
	expect(csv[0]![0]).toBe('Đơn vị');
	expect(csv.length - 1).toBe(shown);
	expect(csv.slice(1).every((l) => l[0] === firstUnit && l[5] === 'Đã phê duyệt')).toBe(true);

	const [xlsxDownload] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Excel (XLSX)' }).click()
	]);
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.readFile((await xlsxDownload.path())!);
	const ws = wb.worksheets[0]!;
	expect(ws.rowCount - 1).toBe(shown);
	expect(ws.getRow(2).getCell(1).value).toBe(firstUnit);
	expect(ws.getRow(2).getCell(6).value).toBe('Đã phê duyệt');
});

test('a unit sends its quarterly report and the body’s roll-up shows it', async ({ browser }) => {
	const unit = await signIn(browser, 'unit1');
	await unit.goto('/reports');
	await hydrated(unit);
	await expect(
		unit.getByRole('heading', { name: 'Báo cáo thống kê chỉ số lây nhiễm mã độc' })
	).toBeVisible();
	// The province's 2018 letter says Sở Thông tin và Truyền thông; since 1/3/2025 that is part of
	// the Sở Khoa học và Công nghệ (bodies/vn.yaml), and the page says both.
	await expect(unit.getByText('Các báo cáo gửi Sở Khoa học và Công nghệ theo')).toBeVisible();
	await expect(unit.getByTestId('recipient-renamed')).toContainText(
		'ghi gửi Sở Thông tin và Truyền thông; từ 01/03/2025'
	);
	await axe(unit);
	const q = quarter();
	await unit.goto(`/reports/malware-quarterly/${q}`);
	await hydrated(unit);
	await axe(unit);
	await unit.getByLabel('Tổng số máy chủ, máy trạm, thiết bị đầu cuối').fill('120');
	await unit.getByLabel('Số thiết bị có giải pháp phòng, chống mã độc').fill('130');
	await unit.getByLabel('Số máy bị lây nhiễm mã độc trong kỳ').fill('3');
	await unit.getByLabel('Số sự cố mã độc đã xử lý').fill('1');
	await unit.getByRole('button', { name: 'Gửi báo cáo' }).click();
	const summary = unit.getByRole('alert');
	await expect(summary).toContainText('Có lỗi cần sửa');
	await expect(summary.getByRole('link')).toHaveText(/không được lớn hơn .*\(120\)/);
	await axe(unit);
	await summary.getByRole('link').click();
	await expect(unit.getByLabel('Số thiết bị có giải pháp phòng, chống mã độc')).toBeFocused();
	await unit.getByLabel('Số thiết bị có giải pháp phòng, chống mã độc').fill('114');
	await unit.getByRole('button', { name: 'Gửi báo cáo' }).click();
	await expect(unit.getByRole('status')).toContainText(`Đã gửi báo cáo kỳ ${q}`);

	const { period } = findPeriod(reportingConfig(), 'malware-quarterly', q)!;
	const late = localDay(new Date()) > period.due;
	const body = await signIn(browser, 'appraiser');
	await body.goto(`/overview/reports?report=malware-quarterly&period=${q}`);
	await hydrated(body);
	const row = body.getByRole('row', { name: reportingUnit, exact: false });
	await expect(row).toContainText(late ? 'Gửi muộn' : 'Đã gửi đúng hạn');
	await expect(body.locator('[data-ratio="endpoints_protected"]')).toContainText(
		'114/120 = 95.0 % (chỉ tiêu 100.0 %)'
	);
	await expect(body.locator(`[data-count="${late ? 'submitted_late' : 'submitted'}"]`)).toHaveText(
		'1'
	);
	await axe(body);
});
