import { expect, test, type Page } from '@playwright/test';
import {
	addSystem,
	answer,
	cliResult,
	ONE_STOP_SHOP_TT12,
	settle,
	shownResult
} from './wizard-helpers';

// Long journeys with axe on every page: allow for a loaded machine.
test.describe.configure({ timeout: 150_000 });

async function toResult(page: Page) {
	await page.getByRole('link', { name: 'Tiếp tục đến bước kiểm tra câu trả lời' }).click();
	await settle(page, /\/check$/);
	await page.getByRole('button', { name: 'Xác định cấp độ' }).click();
	await settle(page, /\/result$/);
}

// Answers to the questions Decree 331 adds (Điều 12.2.b, 13.2.b–c); any other new question
// (Thủ tướng quyết định, đánh giá rủi ro, Điều 16) is answered "none".
const NEW_ANSWERS: Record<string, string | number> = {
	administrative_procedure_system: 'Có',
	online_service_data_subjects_basic: 50000,
	online_service_data_subjects_sensitive: 0
};
const KEPT = [
	'function',
	'information',
	'defense_security_system',
	'defense_security_damage',
	'conditional_business_service',
	'national_egov_system',
	'national_critical_data_store'
];

test('a Decree 85 system shows its transition and re-classifies under Decree 331', async ({
	page
}) => {
	await addSystem(page, 'Một cửa điện tử', 'vn-nd85@tt12-2022');
	for (const a of ONE_STOP_SHOP_TT12) await answer(page, a);
	await toResult(page);
	await expect(page.getByTestId('level')).toHaveText('Cấp độ 3');

	// The notice: regime used, the Decree 331 and Law 116 provisions with dates and citations.
	const notice = page.getByTestId('transition');
	await expect(notice.getByRole('heading', { name: 'Chuyển tiếp', exact: true })).toBeVisible();
	await expect(notice).toContainText('vn-nd85@tt12-2022');
	const deadlines = notice.getByTestId('transition-deadlines');
	await expect(deadlines.locator('[data-deadline="nd331-d38"]')).toContainText('19/08/2026');
	await expect(deadlines.locator('[data-deadline="nd331-d38"]')).toContainText(
		'Điều 38 Nghị định 331/2026/NĐ-CP'
	);
	await expect(deadlines.locator('[data-deadline="luat116-d45-k3"]')).toContainText('01/07/2027');
	await expect(deadlines.locator('[data-deadline="luat116-d45-k3"]')).toContainText(
		'Điều 45 khoản 3 Luật 116/2025/QH15'
	);

	// The task list tags the system.
	await page.goto('/');
	await settle(page);
	const tag = page.locator('[data-testid^="transition-"]');
	await expect(tag).toContainText('vn-nd331@2026');
	await page.goBack();
	await settle(page, /\/result$/);

	// Re-classify: the kept answers are not asked again, the new ones are.
	const before = await page.evaluate(
		() => JSON.parse(localStorage.getItem('capdo.inventory')!).systems[0].facts
	);
	await page.getByRole('button', { name: 'Xác định lại theo vn-nd331@2026' }).click();
	await settle(page, /\/q\/main\//);
	// The interview opens at the first new question; later questions already answered are shown
	// with their kept answer checked and passed over unchanged.
	const asked: string[] = [];
	for (let m; (m = /\/q\/main\/([a-z0-9_]+)/.exec(page.url()));) {
		const fact = m[1]!;
		asked.push(fact);
		const a = NEW_ANSWERS[fact];
		if (KEPT.includes(fact)) {
			await expect(page.getByRole('radio', { checked: true })).toHaveCount(1);
			await answer(page, []);
		} else if (a !== undefined) await answer(page, a);
		else if (await page.getByRole('textbox').count()) await answer(page, 0);
		else await answer(page, 'Không');
	}
	expect(asked[0]).toBe('administrative_procedure_system');
	expect(asked).toEqual(expect.arrayContaining(Object.keys(NEW_ANSWERS)));
	expect(asked.filter((f) => KEPT.slice(0, 4).includes(f))).toEqual([]);
	const after = await page.evaluate(
		() => JSON.parse(localStorage.getItem('capdo.inventory')!).systems[0]
	);
	expect(after.ruleset).toBe('vn-nd331@2026');
	for (const f of KEPT.filter((k) => k in before)) expect(after.facts[f]).toEqual(before[f]);
	expect(after.facts).not.toHaveProperty('online_public_service_level');
	expect(after.facts).not.toHaveProperty('online_public_service_mode');

	// Điều 8 khoản 3 on the components page.
	await settle(page, /\/components/);
	const warn = page.getByTestId('no-split');
	await expect(warn).toContainText('Không được tách hoặc gộp hệ thống thông tin để hạ cấp độ');
	await expect(warn).toContainText('Điều 8 khoản 3 Nghị định 331/2026/NĐ-CP');

	// The Decree 331 level, as the CLI computes it; no transition notice any more.
	await toResult(page);
	await expect(page.getByTestId('ruleset')).toContainText('vn-nd331@2026');
	const cli = await cliResult(page, 'Một cửa điện tử');
	expect(cli.ruleset).toBe('vn-nd331@2026');
	expect(await shownResult(page)).toEqual({ level: cli.level, criteria: cli.criteria });
	expect(cli.level).toBe(3);
	await expect(page.getByTestId('transition')).toHaveCount(0);
});

test('the inventory page warns against splitting or merging systems (Điều 8)', async ({ page }) => {
	await page.goto('/systems');
	await settle(page);
	await expect(page.getByTestId('no-split')).toContainText(
		'Điều 8 khoản 3 Nghị định 331/2026/NĐ-CP'
	);
});
