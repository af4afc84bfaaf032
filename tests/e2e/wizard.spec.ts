import { expect, test } from '@playwright/test';
import {
	addSystem,
	answer,
	cliResult,
	INTERNAL_PUBLIC,
	NONE_OF_THESE,
	ONE_STOP_SHOP,
	open,
	settle,
	regime,
	shownResult
} from './wizard-helpers';

// Long journeys with axe on every page: a loaded 2-core machine took over 2 min for one.
test.describe.configure({ timeout: 360_000 });

async function toResult(page: import('@playwright/test').Page) {
	await page.getByRole('link', { name: 'Tiếp tục đến bước kiểm tra câu trả lời' }).click();
	await settle(page, /\/check$/);
	await page.getByRole('button', { name: 'Xác định cấp độ' }).click();
	await settle(page, /\/result$/);
}

test('internal system with public information only: level 1, same as the CLI', async ({ page }) => {
	await open(page, '/');
	await addSystem(page, 'Thư điện tử nội bộ');
	await expect(page.getByText('Câu hỏi 1 / khoảng')).toBeVisible();
	// The law's wording is folded away under "Căn cứ pháp lý", with the article cited.
	await expect(page.getByText(/Căn cứ: Điều \d+/)).toBeHidden();
	await page.getByText('Căn cứ pháp lý').click();
	await expect(page.getByText(/Căn cứ: Điều \d+/)).toBeVisible();
	for (const a of INTERNAL_PUBLIC) await answer(page, a);
	await settle(page, /\/components$/);
	await toResult(page);
	await expect(page.getByTestId('level')).toHaveText('Cấp độ 1');
	await expect(page.getByTestId('ruleset')).toHaveText(
		`Xác định theo ${regime('vn-nd85@tt03-2017')}.`
	);
	const shown = await shownResult(page);
	const cli = await cliResult(page, 'Thư điện tử nội bộ');
	expect(shown).toEqual({ level: cli.level, criteria: cli.criteria });
	// Internal systems are never asked about online services: three pages, the screening page
	// answering its five yes/no questions at once.
	const inv = await page.evaluate(() => JSON.parse(localStorage.getItem('capdo.inventory')!));
	expect(Object.keys(inv.systems[0].facts).sort()).toEqual([
		'defense_security_system',
		'function',
		'information',
		'national_critical_data_store',
		'national_egov_system',
		'operates_24x7_no_unplanned_downtime',
		'prime_minister_designated'
	]);
	expect(Object.values(inv.systems[0].facts).filter((v) => v === true)).toEqual([]);
	await open(page, '/');
	await expect(page.getByText('Đã xác định cấp độ: Cấp độ 1')).toBeVisible();
});

test('one-stop-shop portal ends at level 3 with its criteria, procedure and plan', async ({
	page
}) => {
	await addSystem(page, 'Một cửa điện tử');
	for (const a of ONE_STOP_SHOP) await answer(page, a);
	await toResult(page);
	await expect(page.getByTestId('level')).toHaveText('Cấp độ 3');
	await expect(page.locator('blockquote').first()).toBeVisible();
	// The criterion that sets the level comes first, under its own heading.
	await expect(page.getByRole('heading', { name: 'Tiêu chí quyết định cấp độ 3' })).toBeVisible();
	await expect(page.locator('[data-criterion]').first()).toContainText('Cấp độ 3');
	await expect(
		page.getByText('Điều 9 khoản 2 điểm a Nghị định 85/2016/NĐ-CP').first()
	).toBeVisible();
	await expect(page.getByText('15 ngày')).toBeVisible();
	const shown = await shownResult(page);
	const cli = await cliResult(page, 'Một cửa điện tử');
	expect(shown).toEqual({ level: cli.level, criteria: cli.criteria });
	await expect(page.locator('[data-slot="dossier"]')).toContainText(
		'Tải hồ sơ đề xuất cấp độ (PDF)'
	);
	// The security-plan checklist: "planned" needs a date, "not applicable" a reason.
	await page.getByRole('link', { name: 'Phương án bảo đảm an toàn thông tin' }).click();
	await settle(page, /\/plan$/);
	const first = page.getByRole('group').first();
	await first.getByLabel('Có kế hoạch').check();
	await page.getByRole('button', { name: 'Lưu' }).click();
	await expect(page.locator('.error-summary')).toBeFocused();
	await settle(page);
	await page.getByLabel('Ngày dự kiến hoàn thành').fill('2027-06-30');
	await page.getByRole('button', { name: 'Lưu' }).click();
	// Saving confirms at the top, with focus, and says what comes next.
	await expect(page.getByTestId('plan-saved')).toBeFocused();
	await expect(page.getByTestId('plan-saved')).toContainText('Đã lưu phương án');
	await expect(
		page.getByRole('link', { name: 'Bước tiếp theo: tải hoặc nộp hồ sơ ở trang kết quả' })
	).toBeVisible();
	await settle(page);
});

test('two components: the system takes the highest level (maximum rule)', async ({ page }) => {
	await addSystem(page, 'Trung tâm dữ liệu');
	for (const a of INTERNAL_PUBLIC) await answer(page, a);
	await settle(page, /\/components$/);
	for (const name of ['Cổng thông tin', 'Quản lý nhân sự']) {
		await page.getByLabel('Tên hệ thống thành phần').fill(name);
		await page.getByRole('button', { name: 'Thêm hệ thống thành phần' }).click();
		await expect(page.locator('strong', { hasText: name })).toBeVisible();
	}
	await settle(page);
	await page.getByRole('link', { name: 'Trả lời câu hỏi — Cổng thông tin' }).click();
	await settle(page, /\/q\//);
	await expect(page.getByText('Hệ thống thành phần: Cổng thông tin')).toBeVisible();
	for (const a of ONE_STOP_SHOP) await answer(page, a);
	await settle(page, /\/components$/);
	await page.getByRole('link', { name: 'Trả lời câu hỏi — Quản lý nhân sự' }).click();
	await settle(page, /\/q\//);
	await answer(page, 'Phục vụ hoạt động nội bộ');
	await answer(page, ['Thông tin cá nhân']);
	for (const a of INTERNAL_PUBLIC.slice(2)) await answer(page, a);
	await toResult(page);
	const cli = await cliResult(page, 'Trung tâm dữ liệu');
	expect(cli.components).toEqual([3, 2]);
	expect(cli.level).toBe(3);
	await expect(page.getByTestId('level')).toHaveText('Cấp độ 3');
	await expect(page.getByTestId('component-level')).toHaveText(['Cấp độ 3', 'Cấp độ 2']);
	await expect(page.getByTestId('part-level')).toHaveText('Cấp độ 1');
	await expect(page.getByText('Điều 5 khoản 2 Nghị định 85/2016/NĐ-CP')).toBeVisible();
	expect((await shownResult(page)).criteria).toEqual(cli.criteria);
});

test('change an answer from the check page: new follow-ups first, removed answers shown', async ({
	page
}) => {
	await addSystem(page, 'Quản lý văn bản');
	for (const a of INTERNAL_PUBLIC) await answer(page, a);
	await page.getByRole('link', { name: 'Tiếp tục đến bước kiểm tra câu trả lời' }).click();
	await settle(page, /\/check$/);
	await page
		.getByRole('link', { name: /^Thay đổi — Hệ thống phục vụ hoạt động nghiệp vụ nào\?/ })
		.click();
	await settle(page, /return=check/);
	await expect(page.getByRole('link', { name: 'Quay lại' })).toHaveAttribute('href', /\/check$/);
	await answer(page, 'Phục vụ người dân, doanh nghiệp');
	// The three questions that now apply are asked (the conditional business line on the screening
	// page, which shows only what is still to answer first), then back to the check page.
	await expect(page).toHaveURL(/screening\?return=check/);
	await answer(page, NONE_OF_THESE);
	await expect(page).toHaveURL(/online_public_service_level\?return=check/);
	await answer(page, 'Mức độ 2: tải mẫu đơn, nộp hồ sơ trực tiếp');
	await answer(page, 0);
	await expect(page).toHaveURL(/\/check$/);
	// The check page lists the screening page as one answer, the level as its own.
	await expect(page.locator('dt', { hasText: 'mức độ cao nhất nào' })).toBeVisible();
	// Back to internal: the three follow-ups no longer apply and are removed visibly.
	await page
		.getByRole('link', { name: /^Thay đổi — Hệ thống phục vụ hoạt động nghiệp vụ nào\?/ })
		.click();
	await settle(page, /return=check/);
	await answer(page, 'Phục vụ hoạt động nội bộ');
	await expect(page).toHaveURL(/\/check\?removed=/);
	await expect(page.getByRole('status')).toContainText('Đã xóa câu trả lời không còn áp dụng');
	await expect(page.getByRole('status')).toContainText('mức độ cao nhất nào');
	await expect(page.locator('dt', { hasText: 'mức độ cao nhất nào' })).toHaveCount(0);
	await page.getByRole('button', { name: 'Xác định cấp độ' }).click();
	await settle(page, /\/result$/);
	await expect(page.getByTestId('level')).toHaveText('Cấp độ 1');
});

test('reload mid-interview resumes at the same question with the answers kept', async ({
	page
}) => {
	await addSystem(page, 'Cổng thông tin');
	await answer(page, 'Phục vụ người dân, doanh nghiệp');
	await answer(page, ['Thông tin công cộng']);
	const url = page.url();
	await page.reload();
	await settle(page);
	expect(page.url()).toBe(url);
	await expect(page.getByText('Câu hỏi 3 / khoảng 5')).toBeVisible();
	await page.getByRole('link', { name: 'Quay lại' }).click();
	await settle(page, /information$/);
	await expect(page.getByLabel('Thông tin công cộng', { exact: true })).toBeChecked();
	// A new tab on the task list shows the system in progress and resumes at the next question.
	await open(page, '/');
	await expect(page.getByText('Đang thực hiện')).toBeVisible();
	await page.getByRole('link', { name: 'Cổng thông tin' }).click();
	await settle(page);
	await page.getByRole('link', { name: 'Trả lời câu hỏi' }).click();
	await settle(page);
	expect(page.url()).toBe(url);
});

test('an invalid import is rejected with the reason and changes nothing', async ({ page }) => {
	await addSystem(page, 'Hệ thống giữ nguyên');
	const before = await page.evaluate(() => localStorage.getItem('capdo.inventory'));
	await open(page, '/import');
	const bad = JSON.parse(before!);
	bad.systems[0].facts = { function: 'martian' };
	await page.getByLabel('Tệp JSON').setInputFiles({
		name: 'bad.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(bad))
	});
	await page.getByRole('button', { name: 'Nhập dữ liệu' }).click();
	await expect(page.locator('.error-summary')).toContainText('martian');
	await expect(page.locator('.error-summary')).toContainText(
		'Tệp không hợp lệ, dữ liệu không thay đổi'
	);
	await settle(page);
	expect(await page.evaluate(() => localStorage.getItem('capdo.inventory'))).toBe(before);
	// A valid export imports.
	const good = JSON.parse(before!);
	good.systems[0].name = 'Đã nhập';
	await page.getByLabel('Tệp JSON').setInputFiles({
		name: 'good.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(good))
	});
	await page.getByRole('button', { name: 'Nhập dữ liệu' }).click();
	await expect(page.getByText('Đã nhập 1 hệ thống.')).toBeVisible();
	await open(page, '/');
	await expect(page.getByRole('link', { name: 'Đã nhập' })).toBeVisible();
});

test('keyboard only: a whole system from the task list to the result', async ({ page }) => {
	await open(page, '/systems');
	/** Presses Tab until the focused element matches `selector` (and contains `text`). */
	const tabTo = async (selector: string, text = '', max = 40) => {
		for (let i = 0; i < max; i++) {
			await page.keyboard.press('Tab');
			const hit = await page.evaluate(
				([sel, txt]) =>
					!!document.activeElement?.matches(sel) &&
					(document.activeElement.textContent ?? '').includes(txt),
				[selector, text] as const
			);
			if (hit) return;
		}
		throw new Error(`focus never reached ${selector} ${text}`);
	};
	await tabTo('#new-name');
	await page.keyboard.type('Hệ thống bàn phím');
	await page.keyboard.press('Enter');
	await settle(page, /details$/);
	await tabTo('#owner');
	await page.keyboard.type('Ủy ban nhân dân tỉnh');
	await tabTo('#operator');
	await page.keyboard.type('Trung tâm Công nghệ thông tin');
	await tabTo('input[name=stage]');
	await page.keyboard.press('Space');
	// Pick the Decree 85 / Circular 03 regime with the arrow keys (the default is the one in force).
	await tabTo('input[name=ruleset]');
	for (let i = 0; i < 5; i++) {
		const value = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
		if (value === 'vn-nd85@tt03-2017') break;
		await page.keyboard.press('ArrowDown');
	}
	await expect(
		page.getByRole('radio', { name: regime('vn-nd85@tt03-2017'), exact: true })
	).toBeChecked();
	await tabTo('button[type=submit]');
	// Focus is visible: the focused button is painted in the focus colour.
	const bg = await page.evaluate(() => getComputedStyle(document.activeElement!).backgroundColor);
	expect(bg).toBe('rgb(255, 221, 0)');
	await page.keyboard.press('Enter');
	await settle(page, /\/q\/main\//);
	// Each question: tab into the choices, pick with the keyboard, tab to Continue, Enter. Three
	// pages: what the system serves, its information, and the screening page ("None of these").
	for (let i = 0; i < 3; i++) {
		const before = page.url();
		await tabTo(i < 2 ? 'input[type=radio], input[type=checkbox]' : 'input[value="-none"]');
		await page.keyboard.press('Space');
		await tabTo('button[type=submit]');
		await page.keyboard.press('Enter');
		await page.waitForURL((u) => u.toString() !== before);
		await settle(page);
	}
	await expect(page).toHaveURL(/\/components$/);
	await tabTo('a', 'Tiếp tục đến bước kiểm tra');
	await page.keyboard.press('Enter');
	await settle(page, /\/check$/);
	await tabTo('button', 'Xác định cấp độ');
	await page.keyboard.press('Enter');
	await settle(page, /\/result$/);
	const cli = await cliResult(page, 'Hệ thống bàn phím');
	expect(await shownResult(page)).toEqual({ level: cli.level, criteria: cli.criteria });
});

test('English UI: chosen server-side, remembered, and the rule set speaks English', async ({
	page
}) => {
	await page.goto('/?lang=en');
	await settle(page);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Information system security levels'
	);
	await page.goto('/systems');
	await settle(page);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.getByLabel('Name of the new system').fill('Email');
	await page.getByRole('button', { name: 'Add system' }).click();
	await settle(page, /details$/);
	await page.getByLabel('System owner').fill('Provincial People’s Committee');
	await page.getByLabel('Operator', { exact: true }).fill('IT Centre');
	await page.getByLabel('System in operation').check();
	await page.getByRole('radio', { name: regime('vn-nd85@tt03-2017', 'en'), exact: true }).check();
	await page.getByRole('button', { name: 'Save and continue' }).click();
	await settle(page, /\/q\/main\//);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('What does the system serve?');
	await expect(page.getByText('Question 1 of about')).toBeVisible();
	await page.getByText('Legal basis').click();
	await expect(page.getByText('Source: Article 6(2) of Decree 85/2016/NĐ-CP')).toBeVisible();
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.locator('.error-summary')).toContainText('Select an answer');
	await settle(page);
	await answer(page, 'Internal operations', 'Continue');
	await answer(page, ['Public information'], 'Continue');
	// None of the screening page's cases (so no damage question, issue 14 item 1).
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Do any of these apply to the system?'
	);
	await answer(page, 'None of these', 'Continue');
	await page.getByRole('link', { name: 'Continue to check your answers' }).click();
	await settle(page, /\/check$/);
	await page.getByRole('button', { name: 'Determine the level' }).click();
	await settle(page, /\/result$/);
	await expect(page.getByTestId('level')).toHaveText('Level 1');
	await expect(page.getByText('Level 1 — Article 7 of Decree 85/2016/NĐ-CP')).toBeVisible();
	// Switching back to Vietnamese is a link in the header.
	await page.getByRole('link', { name: /Tiếng Việt/ }).click();
	await settle(page, /lang=vi/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
	await expect(page.getByTestId('level')).toHaveText('Cấp độ 1');
});

test('undetermined result: proposal with required justification, then the level 4 explanation', async ({
	page
}) => {
	await addSystem(page, 'Mạng truyền số liệu');
	for (const a of [
		'Cơ sở hạ tầng thông tin',
		['Thông tin công cộng'],
		NONE_OF_THESE,
		'Dùng chung cho các cơ quan, tổ chức trên phạm vi toàn quốc, không giới hạn trong một ngành'
	])
		await answer(page, a);
	await toResult(page);
	await expect(page.getByTestId('level')).toHaveText('Chưa xác định được cấp độ');
	const cli = await cliResult(page, 'Mạng truyền số liệu');
	expect(cli.level).toBeNull();
	await page.getByRole('button', { name: 'Lưu' }).click();
	await expect(page.locator('.error-summary')).toContainText('Chọn cấp độ đề xuất');
	await expect(page.locator('.error-summary')).toContainText('Nhập thuyết minh đề xuất cấp độ');
	await settle(page);
	await page.getByLabel('Cấp độ 4').check();
	await page.getByRole('button', { name: 'Lưu' }).click();
	await expect(page.locator('.error-summary')).not.toContainText('Chọn cấp độ đề xuất');
	await page.getByLabel('Thuyết minh đề xuất cấp độ').fill('Hạ tầng dùng chung toàn quốc.');
	await page.getByRole('button', { name: 'Lưu' }).click();
	await expect(page.getByTestId('proposed')).toHaveText('Cấp độ đề xuất: 4');
	// Computed and proposed stay distinct; the procedure follows the proposal.
	await expect(page.getByTestId('level')).toHaveText('Chưa xác định được cấp độ');
	await expect(page.getByText('30 ngày')).toBeVisible();
	await settle(page);
	await page.getByRole('link', { name: 'Thuyết minh đề xuất cấp độ (cấp độ 4, 5)' }).click();
	await settle(page, /explanation$/);
	await expect(page.getByText('Điều 7 khoản 3 điểm a Thông tư 03/2017/TT-BTTTT')).toBeVisible();
	await open(page, '/');
	await expect(page.getByText('Đã xác định cấp độ: Cấp độ 4 (đề xuất)')).toBeVisible();
});
