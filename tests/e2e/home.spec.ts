import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test('home page renders, hydrates and has no axe violations', async ({ page }) => {
	const consoleErrors: string[] = [];
	page.on('console', (msg) => {
		if (msg.type() === 'error') consoleErrors.push(msg.text());
	});
	page.on('pageerror', (err) => consoleErrors.push(err.message));

	await page.goto('/');
	await page.locator('body[data-hydrated="true"]').waitFor();

	await expect(page).toHaveTitle(/capdo/);
	await expect(
		page.getByRole('heading', {
			level: 1,
			name: 'Xác định cấp độ an toàn hệ thống thông tin'
		})
	).toBeVisible();
	await expect(page.getByRole('main')).toBeVisible();

	const results = await new AxeBuilder({ page }).analyze();
	expect(results.violations).toEqual([]);
	expect(consoleErrors).toEqual([]);
});
