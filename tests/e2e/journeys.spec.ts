// The interview a non-expert finishes in ten minutes, measured: whole journeys under each regime
// (Decree 331 in force, and Decree 85 with Circular 03/2017 or 12/2022 for systems still under it),
// at desktop (1280 px) and phone (375 px) widths. Every page is checked with axe, must show
// no internal identifier (a fact's name, a group's id, a rule set's id), must not scroll sideways
// at 375 px (header at most 120 px tall there), and is saved as a screenshot to be looked at
// (test-results/journeys/). The question pages are counted against the goals:
//   a portal with two components (a LAN and an application) in at most 15 question pages;
//   a single internal system in at most 6.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import type { FactValue, RuleSet } from '../../src/lib/rules/types';
import { defaultRuleSet } from '../../src/lib/wizard/rulesets';
import { bundledRuleSets } from '../../src/lib/server/ruleset-files';
import { cliResult, identifierIn, regime, shownResult } from './wizard-helpers';

test.describe.configure({ timeout: 360_000 });

const rulesets = bundledRuleSets().rulesets;
const inForce: RuleSet = defaultRuleSet(rulesets)!;
const byRef = (ref: string) => rulesets.find((r) => r.ref === ref)!;

type Profile = Record<string, FactValue>;

/** What a page of the interview asks, from the rule set: a group's facts or one fact. */
function factsOn(rs: RuleSet, pageId: string): string[] {
	if (rs.data.groups?.[pageId])
		return Object.keys(rs.data.facts).filter((n) => rs.data.facts[n]!.group === pageId);
	return [pageId];
}

const label = (rs: RuleSet, fact: string, v: string) =>
	(rs.data.facts[fact] as { labels?: Record<string, { vi: string }> }).labels?.[v]?.vi ?? v;

/** Answers the page on screen as `profile` says, by what the page shows. */
async function answerPage(page: Page, rs: RuleSet, profile: Profile) {
	const pageId = /\/q\/[^/]+\/([a-z0-9_]+)/.exec(page.url())![1]!;
	const facts = factsOn(rs, pageId);
	const grouped = facts.length > 1 || rs.data.facts[facts[0]!]!.group !== undefined;
	const noneBox = page.getByLabel('Không có trường hợp nào ở trên', { exact: true });
	const together = grouped && !facts.some((n) => rs.data.facts[n]!.statement);
	if (together) {
		// Questions asked together: each shown fact's own field, by its question.
		for (const n of facts) {
			const field = page.getByLabel(rs.data.facts[n]!.question.vi, { exact: true });
			if (await field.count()) await field.fill(String(profile[n] ?? 0));
		}
	} else if (grouped && (await noneBox.count())) {
		// A screening page: tick what the profile says applies, or "None of these".
		const on = facts.filter((n) => {
			const d = rs.data.facts[n]!;
			const v = profile[n] ?? d.default;
			return d.type === 'boolean' ? v === true : v !== undefined && v !== d.default;
		});
		const shown = [];
		for (const n of on) {
			const box = page.getByLabel(rs.data.facts[n]!.statement!.vi, { exact: true });
			if (!(await box.count())) continue;
			shown.push(n);
			await box.check();
			const d = rs.data.facts[n]!;
			if (d.type === 'integer' && !('labels' in d && d.labels))
				await page.getByLabel(d.question.vi, { exact: true }).fill(String(profile[n]));
			else if (d.type !== 'boolean')
				await page.getByLabel(label(rs, n, String(profile[n])), { exact: true }).check();
		}
		if (shown.length === 0) await noneBox.check();
	} else {
		// One fact on the page (a group left with one yes/no fact asks it alone, by its question).
		const fact =
			facts.length === 1
				? facts[0]!
				: (
						await Promise.all(
							facts.map(async (n) =>
								(await page.getByText(rs.data.facts[n]!.question.vi, { exact: true }).count())
									? n
									: undefined
							)
						)
					).find((n) => n !== undefined)!;
		const d = rs.data.facts[fact]!;
		// Not in the profile: the default, else "no" (what most systems answer).
		const v = profile[fact] ?? d.default ?? (d.type === 'boolean' ? false : undefined);
		if (v === undefined) throw new Error(`the profile has no answer for ${fact}`);
		if (d.type === 'boolean') await page.getByLabel(v ? 'Có' : 'Không', { exact: true }).check();
		else if (d.type === 'set')
			for (const x of v as string[])
				await page.getByLabel(label(rs, fact, x), { exact: true }).check();
		else if (d.type === 'integer' && !('labels' in d && d.labels))
			await page.getByRole('textbox').fill(String(v));
		else await page.getByLabel(label(rs, fact, String(v)), { exact: true }).check();
	}
	const before = page.url();
	await page.getByRole('button', { name: 'Tiếp tục', exact: true }).click();
	await page.waitForURL((u) => u.toString() !== before);
}

/** One journey's page checks and screenshots. */
function checker(page: Page, name: string, width: number, rs: RuleSet) {
	const dir = `test-results/journeys/${width}`;
	mkdirSync(dir, { recursive: true });
	let n = 0;
	const visited: string[] = [];
	return {
		visited,
		async check() {
			await page.locator('body[data-hydrated="true"]').waitFor();
			await expect(page.locator('h1')).toHaveCount(1);
			const url = new URL(page.url());
			visited.push(url.pathname + url.search);
			// No internal identifier in what the page shows.
			const text = await page.locator('body').innerText();
			expect(identifierIn(text), `identifier shown on ${url.pathname}`).toBeUndefined();
			// Help comes from the system's own regime: a Decree 331 system never cites Decree 85 or
			// its circulars, a Circular 03 system never Circular 12 and the other way round (the
			// details page, which offers every regime by name, excepted; a Decree 85 system may be
			// told that Decree 331 now applies).
			if (url.pathname.startsWith('/systems/') && !url.pathname.endsWith('/details'))
				expect(text, `another regime cited on ${url.pathname}`).not.toMatch(OTHER[rs.ref]!);
			// A question page in plain words: its title in 15 words or fewer, article references only
			// under "Căn cứ pháp lý" (issue 17 item 2).
			if (/\/q\//.test(url.pathname)) {
				const title = (await page.locator('h1').innerText()).trim();
				expect(title.split(/\s+/).length, `question title on ${url.pathname}`).toBeLessThanOrEqual(
					15
				);
				const outside = await page.locator('main').evaluate((m) => {
					const copy = m.cloneNode(true) as HTMLElement;
					copy.querySelectorAll('details.legal').forEach((d) => d.remove());
					return copy.textContent ?? '';
				});
				expect(
					outside,
					`article reference outside "Căn cứ pháp lý" on ${url.pathname}`
				).not.toMatch(/\b(Điều|khoản) \d/u);
			}
			const { violations } = await new AxeBuilder({ page }).analyze();
			expect(violations.map((v) => `${v.id}: ${v.nodes.map((x) => x.target).join(' ')}`)).toEqual(
				[]
			);
			if (width < 600) {
				const m = await page.evaluate(() => ({
					overflow: document.documentElement.scrollWidth - window.innerWidth,
					header: document.querySelector('.site-header')!.getBoundingClientRect().height
				}));
				expect(m.overflow, `horizontal overflow on ${url.pathname}`).toBeLessThanOrEqual(0);
				expect(m.header).toBeLessThanOrEqual(120);
			}
			await page.screenshot({
				path: `${dir}/${name}-${String(++n).padStart(2, '0')}.png`,
				fullPage: true
			});
		}
	};
}

/** What a system of each regime must never cite (its help comes from its own regime only). */
const OTHER: Record<string, RegExp> = {
	'vn-nd331@2026': /85\/2016|03\/2017|12\/2022/,
	'vn-nd85@tt03-2017': /12\/2022/,
	'vn-nd85@tt12-2022': /03\/2017/
};

/** Adds a system and its general details under `rs` (the one in force is already chosen). */
async function addSystem(page: Page, check: () => Promise<void>, name: string, rs: RuleSet) {
	await page.goto('/');
	await check();
	await page.goto('/systems');
	await check();
	await page.getByLabel('Tên hệ thống mới').fill(name);
	await page.getByRole('button', { name: 'Thêm hệ thống' }).click();
	await page.waitForURL(/\/details$/);
	await check();
	if (rs.ref !== inForce.ref)
		await page.getByRole('radio', { name: regime(rs.ref), exact: true }).check();
	await page.getByLabel('Chủ quản hệ thống thông tin').fill('Ủy ban nhân dân tỉnh Gia Lai');
	await page.getByLabel('Đơn vị vận hành').fill('Trung tâm Chuyển đổi số tỉnh');
	await page.getByLabel('Hệ thống đang vận hành', { exact: true }).check();
	await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
	await page.waitForURL(/\/q\/main\//);
}

/** Answers question pages until the interview leaves them; returns how many there were. */
async function interview(page: Page, check: () => Promise<void>, rs: RuleSet, profile: Profile) {
	let pages = 0;
	while (/\/q\//.test(new URL(page.url()).pathname)) {
		await check();
		pages++;
		await answerPage(page, rs, profile);
	}
	return pages;
}

async function toResult(page: Page, check: () => Promise<void>) {
	await check(); // the components page
	await page.getByRole('link', { name: 'Tiếp tục đến bước kiểm tra câu trả lời' }).click();
	await page.waitForURL(/\/check$/);
	await check();
	await page.getByRole('button', { name: 'Xác định cấp độ' }).click();
	await page.waitForURL(/\/result$/);
	await check();
}

// Decree 331 (in force): data subjects counted in two bands.
const ND331 = {
	internal: {
		function: 'internal',
		information: ['public', 'private'],
		defense_security_damage: 'none'
	},
	portal: {
		function: 'citizen_services',
		information: ['public', 'private', 'personal'],
		defense_security_damage: 'none',
		administrative_procedure_system: true,
		conditional_business_service: false,
		online_service_data_subjects_basic: 250000,
		online_service_data_subjects_sensitive: 0
	},
	lan: {
		function: 'infrastructure',
		information: ['private'],
		defense_security_damage: 'none',
		infrastructure_scope: 'single_organization'
	},
	application: {
		function: 'citizen_services',
		information: ['public', 'personal'],
		defense_security_damage: 'none',
		administrative_procedure_system: false,
		conditional_business_service: false,
		online_service_data_subjects_basic: 5000,
		online_service_data_subjects_sensitive: 0
	}
} satisfies Record<string, Profile>;

// Decree 85 with Circular 03/2017: the online public service level 1–4 of Decree 43/2011.
const TT03 = {
	internal: { function: 'internal', information: ['public', 'private'] },
	portal: {
		function: 'citizen_services',
		information: ['public', 'private', 'personal'],
		online_public_service_level: 4,
		conditional_business_service: false,
		online_service_users_with_private_info: 250000
	},
	lan: {
		function: 'infrastructure',
		information: ['private'],
		infrastructure_scope: 'single_organization'
	},
	application: {
		function: 'citizen_services',
		information: ['public', 'personal'],
		online_public_service_level: 0,
		conditional_business_service: false,
		online_service_users_with_private_info: 5000
	}
} satisfies Record<string, Profile>;

// Decree 85 with Circular 12/2022: the online public service in Decree 42/2022's terms.
const TT12 = {
	...TT03,
	portal: { ...withoutLevel(TT03.portal), online_public_service_mode: 'full' },
	application: { ...withoutLevel(TT03.application), online_public_service_mode: 'none' }
};
function withoutLevel(p: Profile): Profile {
	return Object.fromEntries(Object.entries(p).filter(([k]) => k !== 'online_public_service_level'));
}

const REGIMES: [RuleSet, Record<'internal' | 'portal' | 'lan' | 'application', Profile>][] = [
	[inForce, ND331],
	[byRef('vn-nd85@tt03-2017'), TT03],
	[byRef('vn-nd85@tt12-2022'), TT12]
];

for (const [rs, profiles] of REGIMES)
	for (const width of [1280, 375]) {
		test.describe(`${rs.ref} at ${width} px`, () => {
			test.use({ viewport: { width, height: 900 } });
			const tag = rs.ref.replace(/\W+/g, '-');

			test(`a single internal system: at most 6 question pages`, async ({ page }) => {
				const c = checker(page, `${tag}-internal`, width, rs);
				await addSystem(page, c.check, 'Quản lý văn bản và điều hành', rs);
				const pages = await interview(page, c.check, rs, profiles.internal);
				await toResult(page, c.check);
				console.log(`${rs.ref} internal system, ${width} px: ${pages} question pages`, c.visited);
				expect(pages).toBeLessThanOrEqual(6);
				const cli = await cliResult(page, 'Quản lý văn bản và điều hành');
				expect(await shownResult(page)).toEqual({ level: cli.level, criteria: cli.criteria });
				expect(cli.ruleset).toBe(rs.ref);
			});

			test(`a portal with a LAN and an application: at most 15 question pages`, async ({
				page
			}) => {
				const c = checker(page, `${tag}-portal`, width, rs);
				const name = 'Cổng dịch vụ công của tỉnh';
				await addSystem(page, c.check, name, rs);
				let pages = await interview(page, c.check, rs, profiles.portal);
				await expect(page).toHaveURL(/\/components$/);
				for (const [component, profile] of [
					['Mạng nội bộ (LAN)', profiles.lan],
					['Ứng dụng một cửa điện tử', profiles.application]
				] as const) {
					await c.check();
					await page.getByLabel('Tên hệ thống thành phần').fill(component);
					await page.getByRole('button', { name: 'Thêm hệ thống thành phần' }).click();
					await page.getByRole('link', { name: `Trả lời câu hỏi — ${component}` }).click();
					await page.waitForURL(/\/q\//);
					pages += await interview(page, c.check, rs, profile);
				}
				await toResult(page, c.check);
				console.log(
					`${rs.ref} portal with two components, ${width} px: ${pages} question pages`,
					c.visited
				);
				expect(pages).toBeLessThanOrEqual(15);
				const cli = await cliResult(page, name);
				expect(await shownResult(page)).toEqual({ level: cli.level, criteria: cli.criteria });
				expect(cli.components).toHaveLength(2);
				expect(cli.ruleset).toBe(rs.ref);
				// The check page and the result page, once more, for the no-identifier rule.
				await page.goto(page.url().replace(/result$/, 'check'));
				await c.check();
				await page.goto('/about');
				await c.check();
			});
		});
	}
