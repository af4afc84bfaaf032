// What the wizard costs on the wire, as the browser receives it (issue 15): bytes of the first
// question page (HTML and page data), of the rule sets it fetches once, and of each question →
// next-question navigation; and the time of one such navigation, unthrottled and on a slow line.
// Headless Chromium (Debian's) against the built server (`node build`), counting each response's
// encoded bytes (CDP Network.loadingFinished: headers and body, compressed as sent). Baseline in
// the same run: the same journey with `Accept-Encoding: identity` (what every response weighed
// before compression).
// TRANSFER_URL=http://host:port measures a server already running instead (e.g. another build).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ensureBuilt, startServer, type Server } from '../tests/server/server-process';
import type { BenchResult } from './run';

const NAVIGATIONS = 6;
const SLOW_NAVIGATIONS = 3;
const BR5 = { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } };
/** A provincial connection for the first-load timing: 1.6 Mbit/s down, 0.75 up, 150 ms round trip. */
const SLOW = {
	offline: false,
	latency: 150,
	downloadThroughput: 200_000,
	uploadThroughput: 94_000
};

interface Req {
	url: string;
	type: string;
	bytes: number;
}

/** Records every finished response of the page, in encoded bytes. */
async function recorder(page: Page) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Network.enable');
	const seen = new Map<string, { url: string; type: string }>();
	const open = new Set<string>();
	let last = performance.now();
	let log: Req[] = [];
	cdp.on('Network.requestWillBeSent', (e) => {
		open.add(e.requestId);
		last = performance.now();
	});
	cdp.on('Network.responseReceived', (e) =>
		seen.set(e.requestId, { url: e.response.url, type: e.type })
	);
	cdp.on('Network.loadingFinished', (e) => {
		open.delete(e.requestId);
		last = performance.now();
		const r = seen.get(e.requestId);
		if (r) log.push({ ...r, bytes: e.encodedDataLength });
	});
	cdp.on('Network.loadingFailed', (e) => {
		open.delete(e.requestId);
		last = performance.now();
	});
	return {
		/** What arrived since the last take, once nothing has been in flight for 500 ms. */
		async take() {
			while (open.size > 0 || performance.now() - last < 500)
				await new Promise((ok) => setTimeout(ok, 50));
			const l = log;
			log = [];
			return l;
		}
	};
}

const sum = (l: Req[]) => l.reduce((a, r) => a + r.bytes, 0);
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const isDoc = (r: Req) => r.type === 'Document';
const isData = (r: Req) => /__data\.json/.test(r.url);
const isRuleData = (r: Req) => /\/rules\/data\//.test(r.url);

async function ready(page: Page) {
	await page.locator('body[data-hydrated="true"]').waitFor();
	await page.waitForLoadState('networkidle');
}

/** Adds a system in this context and returns its first question page's URL. */
async function addSystem(page: Page, origin: string) {
	await page.goto(origin + '/systems');
	await ready(page);
	await page.getByLabel('Tên hệ thống mới').fill('Thư điện tử nội bộ');
	await page.getByRole('button', { name: 'Thêm hệ thống' }).click();
	await page.waitForURL(/\/details$/);
	await ready(page);
	await page.getByRole('radio').first().check();
	await page.getByLabel('Chủ quản hệ thống thông tin').fill('Ủy ban nhân dân tỉnh');
	await page.getByLabel('Đơn vị vận hành').fill('Trung tâm Công nghệ thông tin');
	await page.getByLabel('Hệ thống đang vận hành', { exact: true }).check();
	await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
	await page.waitForURL(/\/q\/main\//);
	await ready(page);
	return page.url();
}

/** Answers the shown question with its first choice (0 for a number) and waits for the next. */
async function next(page: Page) {
	const before = page.url();
	const form = page.locator('main form');
	const radio = form.getByRole('radio');
	const box = form.getByRole('checkbox');
	if ((await radio.count()) > 0) await radio.first().check();
	else if ((await box.count()) > 0) await box.first().check();
	else await form.getByRole('textbox').first().fill('0');
	const t0 = performance.now();
	await page.getByRole('button', { name: 'Tiếp tục', exact: true }).click();
	await page.waitForURL((u) => u.toString() !== before);
	await page.locator('main form button[type=submit], main h1').first().waitFor();
	const ms = performance.now() - t0;
	await page.waitForLoadState('networkidle');
	return ms;
}

interface Journey {
	/** Cold first load of the question page until hydrated: unthrottled, and on the SLOW line. */
	firstMs: number;
	slowMs: number;
	/** Question → next question on the SLOW line, each. */
	slowNavMs: number[];
	/** Question page → the rule browser (code not loaded yet) on the SLOW line. */
	slowColdNavMs: number;
	first: Req[];
	reload: Req[];
	navs: { bytes: number; data: number; ms: number }[];
	enterBytes: number;
}

/** One browser profile: a cold first load of a question page, navigations, a reload, re-entry. */
async function journey(browser: Browser, origin: string, encoding?: string): Promise<Journey> {
	const headers = encoding ? { 'accept-encoding': encoding } : undefined;
	const setup = await browser.newContext({ extraHTTPHeaders: headers });
	const q1 = await addSystem(await setup.newPage(), origin);
	const storage = await setup.storageState();
	await setup.close();
	// A fresh profile (empty HTTP cache) that has the saved work: the first visit of a question page.
	const ctx: BrowserContext = await browser.newContext({
		storageState: storage,
		extraHTTPHeaders: headers
	});
	const page = await ctx.newPage();
	const rec = await recorder(page);
	let t0 = performance.now();
	await page.goto(q1);
	await page.locator('main form button[type=submit]').waitFor();
	const firstMs = performance.now() - t0;
	await ready(page);
	const first = await rec.take();
	// The same cold load on a slow line, in another fresh profile.
	const slowCtx = await browser.newContext({ storageState: storage, extraHTTPHeaders: headers });
	const slowPage = await slowCtx.newPage();
	const cdp = await slowCtx.newCDPSession(slowPage);
	await cdp.send('Network.enable');
	await cdp.send('Network.emulateNetworkConditions', SLOW);
	t0 = performance.now();
	await slowPage.goto(q1);
	await slowPage.locator('main form button[type=submit]').waitFor();
	const slowMs = performance.now() - t0;
	// Question → question on the same line: what a navigation's round trips cost there.
	await ready(slowPage);
	const slowNavMs: number[] = [];
	for (let i = 0; i < SLOW_NAVIGATIONS; i++) slowNavMs.push(await next(slowPage));
	// A navigation to a route whose code is not loaded yet (the rule browser, from the header): its
	// scripts and its page data come over the same line.
	await slowPage.waitForLoadState('networkidle');
	t0 = performance.now();
	await slowPage.locator('header nav a[href="/rules"]').click();
	await slowPage.getByRole('heading', { level: 1, name: 'Bộ quy tắc xác định cấp độ' }).waitFor();
	const slowColdNavMs = performance.now() - t0;
	await slowCtx.close();
	const navs = [];
	for (let i = 0; i < NAVIGATIONS; i++) {
		const ms = await next(page);
		const l = await rec.take();
		navs.push({ bytes: sum(l), data: sum(l.filter((r) => isData(r) || isRuleData(r))), ms });
	}
	await page.goto(q1);
	await ready(page);
	const reload = await rec.take();
	await ctx.close();
	// Into the wizard from another page (task list, rule browser): the browser fetches the wizard
	// layout's data (the root layout's is kept). Fetched as SvelteKit's client asks for it.
	const enter = await fetch(`${q1}/__data.json?x-sveltekit-invalidated=01`, {
		headers: { 'accept-encoding': encoding ?? 'br, gzip' }
	});
	// Node's fetch decodes: the size as sent is the body re-encoded the same way.
	const raw = Buffer.from(await enter.arrayBuffer());
	const sent = enter.headers.get('content-encoding');
	const enterBytes =
		sent === 'br'
			? brotliCompressSync(raw, BR5).length
			: sent === 'gzip'
				? gzipSync(raw).length
				: raw.length;
	return { firstMs, slowMs, slowNavMs, slowColdNavMs, first, reload, navs, enterBytes };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(): Promise<BenchResult> {
	let server: Server | undefined;
	let origin = process.env.TRANSFER_URL;
	if (!origin) {
		await ensureBuilt();
		server = await startServer({ dataDir: mkdtempSync(join(tmpdir(), 'capdo-bench-transfer-')) });
		origin = server.origin;
	}
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']
	});
	try {
		const plain = await journey(browser, origin, 'identity');
		const packed = await journey(browser, origin);
		const lines: string[] = [];
		for (const [name, j] of [
			['identity (baseline)', plain],
			['brotli', packed]
		] as const) {
			const doc = j.first.filter(isDoc);
			const rules = j.first.filter(isRuleData);
			lines.push(
				`${name}: first question page HTML + page data ${kb(sum(doc))}` +
					` (goal ≤ 60 kB compressed); rule sets fetched once ${kb(sum(rules))} in ${rules.length} files;` +
					` everything (JS, CSS, fonts) ${kb(sum(j.first))}`,
				`${name}: cold first load to a usable question ${j.firstMs.toFixed(0)} ms; on a 1.6 Mbit/s, 150 ms line ${(j.slowMs / 1000).toFixed(2)} s`,
				`${name}: question → next question, ${NAVIGATIONS} navigations: at most ${kb(Math.max(...j.navs.map((n) => n.bytes)))}` +
					` (page data ${kb(Math.max(...j.navs.map((n) => n.data)))}; goal ≤ 5 kB),` +
					` median ${median(j.navs.map((n) => n.ms)).toFixed(0)} ms each;` +
					` on the 1.6 Mbit/s, 150 ms line median ${median(j.slowNavMs).toFixed(0)} ms (${j.slowNavMs.map((n) => n.toFixed(0)).join(', ')})`,
				`${name}: question page → rule browser (its code not loaded yet) on the 1.6 Mbit/s, 150 ms line ${j.slowColdNavMs.toFixed(0)} ms`,
				`${name}: reload of the question page ${kb(sum(j.reload))} (rule sets ${kb(sum(j.reload.filter(isRuleData)))});` +
					` into the wizard from another page: page data ${kb(j.enterBytes)}`
			);
		}
		const ratio = sum(plain.first.filter(isDoc)) / sum(packed.first.filter(isDoc));
		lines.push(`first question page HTML: ${ratio.toFixed(1)}× smaller compressed`);
		return { name: 'wizard transfer (as the browser receives it)', lines };
	} finally {
		await browser.close();
		await server?.stop();
	}
}
