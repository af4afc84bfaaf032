// A signed-in unit's own pages (task list, dossiers, result, the declaration page, check answers,
// unit profile) at phone (375 px) and desktop (1280 px) widths: axe clean, no sideways page scroll
// at 375 px with the longer signed-in navigation, the header at most 120 px tall there, the
// navigation on one line at 1280 px; each page saved as a screenshot to be looked at
// (test-results/unit-pages/). Then the declaration page submits and confirms.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { createSystem } from '../../src/lib/server/workflow/service';
import { freshDatabase, PASSWORD, seed, svc50kAnswered } from '../server/fixtures';
import { ensureBuilt, startServer, type Server } from '../server/server-process';

test.describe.configure({ mode: 'serial' });

let server: Server;
let cleanup: () => Promise<void>;
let id: string;
const NAME = 'Cổng đăng ký sự kiện văn hóa, thể thao và du lịch tỉnh Gia Lai';

test.beforeAll(async () => {
	test.setTimeout(300_000);
	await ensureBuilt();
	const d = await freshDatabase();
	cleanup = d.cleanup;
	const s = await seed(d);
	const system = await createSystem(s.ctx('unitA'), {
		...svc50kAnswered(NAME),
		owner: 'Ủy ban nhân dân tỉnh Gia Lai',
		operator: 'Sở Văn hóa, Thể thao và Du lịch',
		stage: 'in_operation'
	});
	id = system.id;
	await d.close();
	server = await startServer(d.target);
});
test.afterAll(async () => {
	await server?.stop();
	await cleanup?.();
});

const hydrated = (p: Page) => p.locator('body[data-hydrated="true"]').waitFor();

async function signIn(page: Page) {
	await page.goto('/login');
	await hydrated(page);
	await page.getByLabel('Tên đăng nhập').fill('unita');
	await page.getByLabel('Mật khẩu').fill(PASSWORD);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await page.waitForURL((u) => u.pathname !== '/login');
}

// Phone first: the desktop pass ends by submitting, which locks the dossier.
for (const width of [375, 1280]) {
	test(`a unit's pages at ${width} px`, async ({ browser }) => {
		test.setTimeout(400_000);
		const context = await browser.newContext({
			baseURL: server.origin,
			viewport: { width, height: 900 }
		});
		const page = await context.newPage();
		page.on('pageerror', (e) => {
			throw e;
		});
		await signIn(page);
		const dir = `test-results/unit-pages/${width}`;
		mkdirSync(dir, { recursive: true });
		const look = async (name: string) => {
			await hydrated(page);
			await expect(page.locator('h1')).toHaveCount(1);
			const { violations } = await new AxeBuilder({ page }).analyze();
			expect(
				violations.map((v) => `${v.id}: ${v.nodes.map((x) => x.target).join(' ')}`),
				name
			).toEqual([]);
			const m = await page.evaluate(() => {
				const nav = document.querySelector('.site-header nav')!;
				const links = [...nav.querySelectorAll('a, button')].map((e) => e.getBoundingClientRect());
				return {
					overflow: document.documentElement.scrollWidth - window.innerWidth,
					header: document.querySelector('.site-header')!.getBoundingClientRect().height,
					navLines: new Set(links.map((r) => Math.round(r.top))).size
				};
			});
			if (width < 600) {
				expect(m.overflow, `sideways scroll on ${name}`).toBeLessThanOrEqual(0);
				expect(m.header, `header height on ${name}`).toBeLessThanOrEqual(120);
			} else expect(m.navLines, `navigation lines on ${name}`).toBe(1);
			await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
		};
		for (const [name, path] of [
			['tasks', '/'],
			['submissions', '/submissions'],
			['result', `/systems/${id}/result`],
			['check', `/systems/${id}/check`],
			['unit', '/unit'],
			['submit', `/systems/${id}/submit`]
		] as const) {
			await page.goto(path);
			await look(name);
		}
		await expect(page.getByRole('heading', { name: 'Nộp hồ sơ đề xuất cấp độ' })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Xác nhận và nộp hồ sơ' })).toBeVisible();
		if (width < 600) return;
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Xác nhận và nộp hồ sơ' }).click()
		]);
		expect(download.suggestedFilename()).toMatch(/\.pdf$/);
		await expect(page.getByTestId('submitted')).toContainText('Đã nộp hồ sơ');
		await look('submitted');
		await page.goto('/submissions');
		await expect(page.getByTestId('status')).toHaveText('Đã nộp hồ sơ');
		await look('submissions-after');
	});
}
