// Shared steps for the wizard's end-to-end tests: axe on every page, answering by visible label,
// and the CLI as the oracle for the browser's classification.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { regimeName } from '../../src/lib/rules/citation';
import { bundledRuleSets } from '../../src/lib/server/ruleset-files';

/** A regime's name as the pages show it (never its id), from the bundled rule sets. */
export function regime(ref: string, lang: 'vi' | 'en' = 'vi'): string {
	const rs = bundledRuleSets().rulesets.find((r) => r.ref === ref);
	if (!rs) throw new Error(`no rule set ${ref}`);
	return regimeName(rs.data, lang);
}

/** Every name a page must never show: facts, groups, rule-set ids and refs of the bundled rule
 *  sets, as whole words. */
const IDENTIFIERS = [
	...new Set(
		bundledRuleSets().rulesets.flatMap((r) => [
			...Object.keys(r.data.facts),
			...Object.keys(r.data.groups ?? {}),
			r.data.id,
			r.ref
		])
	)
];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LEAK = new RegExp(
	`(^|[^\\p{L}\\p{N}_@-])(${IDENTIFIERS.map(escape).join('|')})(?![\\p{L}\\p{N}_@-])`,
	'u'
);

/** The first internal identifier in `text`, if any. */
export const identifierIn = (text: string): string | undefined => LEAK.exec(text)?.[2];

/** Waits for the page to be interactive at `url`, then asserts axe finds nothing. */
export async function settle(page: Page, url?: RegExp) {
	if (url) await page.waitForURL(url);
	await page.locator('body[data-hydrated="true"]').waitFor();
	await expect(page.locator('h1')).toHaveCount(1);
	await expect(page.getByRole('main')).toHaveCount(1);
	expect(await page.title()).not.toBe('');
	const { violations } = await new AxeBuilder({ page }).analyze();
	expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

export async function open(page: Page, path: string) {
	await page.goto(path);
	await settle(page);
}

export type Answer = string | string[] | number;

/** Answers the current question by its labels (radio, checkboxes) or types a number. */
export async function answer(page: Page, a: Answer, submit = 'Tiếp tục') {
	const before = page.url();
	if (typeof a === 'number') await page.getByRole('textbox').fill(String(a));
	else
		for (const label of Array.isArray(a) ? a : [a])
			await page.getByLabel(label, { exact: true }).check();
	await page.getByRole('button', { name: submit, exact: true }).click();
	await page.waitForURL((u) => u.toString() !== before);
	await settle(page);
}

/**
 * Adds a system and fills its details. These journeys answer the Decree 85/Circular 03 questions,
 * so they pick that regime explicitly (a project finishing under the transition); the default is
 * the regime in force today.
 */
export async function addSystem(page: Page, name: string, ruleset = 'vn-nd85@tt03-2017') {
	await open(page, '/systems');
	await page.getByLabel('Tên hệ thống mới').fill(name);
	await page.getByRole('button', { name: 'Thêm hệ thống' }).click();
	await settle(page, /\/details$/);
	await page.getByRole('radio', { name: regime(ruleset), exact: true }).check();
	await page.getByLabel('Chủ quản hệ thống thông tin').fill('Ủy ban nhân dân tỉnh');
	await page.getByLabel('Đơn vị vận hành').fill('Trung tâm Công nghệ thông tin');
	await page.getByLabel('Hệ thống đang vận hành', { exact: true }).check();
	await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
	await settle(page, /\/q\/main\//);
}

/** The screening page's "None of these" (defence or security, national system, 24/7, …). */
export const NONE_OF_THESE = 'Không có trường hợp nào ở trên';

// The third page is the screening page: none of these apply, so the system does not serve
// defence or security and the damage question (Điều 9–11 khoản 1) is not asked.
export const INTERNAL_PUBLIC: Answer[] = [
	'Phục vụ hoạt động nội bộ',
	['Thông tin công cộng'],
	NONE_OF_THESE
];

export const ONE_STOP_SHOP: Answer[] = [
	'Phục vụ người dân, doanh nghiệp',
	['Thông tin công cộng', 'Thông tin riêng', 'Thông tin cá nhân'],
	NONE_OF_THESE,
	'Mức độ 4: nộp, thanh toán và nhận kết quả trực tuyến',
	25000
];

/** What the page shows: the level and the criteria that fired (system and components). */
export async function shownResult(page: Page) {
	const level = await page.getByTestId('level').getAttribute('data-level');
	// The page lists the deciding criterion first: compare as sets (the order is tested apart).
	const criteria = await page
		.locator('[data-criterion]')
		.evaluateAll((els) => els.map((e) => e.getAttribute('data-criterion')!));
	return { level: level ? Number(level) : null, criteria: criteria.sort() };
}

/** Classifies the stored system with the CLI (`capdo classify --json`), same rule set. */
export async function cliResult(page: Page, systemName: string) {
	const inv = await page.evaluate(() => JSON.parse(localStorage.getItem('capdo.inventory')!));
	const s = inv.systems.find((x: { name: string }) => x.name === systemName);
	const dir = mkdtempSync(join(tmpdir(), 'capdo-wz-'));
	const file = join(dir, 'system.json');
	writeFileSync(file, JSON.stringify({ name: s.name, facts: s.facts, components: s.components }));
	const out = execFileSync('npx', ['capdo', 'classify', file, '--ruleset', s.ruleset, '--json'], {
		encoding: 'utf8'
	});
	const r = JSON.parse(out);
	const criteria = [
		...new Set(
			[...r.basis, ...r.components.flatMap((c: { basis: unknown[] }) => c.basis)].map(
				(b: { id: string }) => b.id
			)
		)
	].sort();
	return {
		level: r.level as number | null,
		criteria,
		components: r.components.map((c: { level: number | null }) => c.level),
		ruleset: s.ruleset as string
	};
}

/** The same one-stop shop under Circular 12/2022: its online public service in Decree 42 terms. */
export const ONE_STOP_SHOP_TT12: Answer[] = ONE_STOP_SHOP.map((a, i) =>
	i === 3 ? 'Dịch vụ công trực tuyến toàn trình' : a
);
