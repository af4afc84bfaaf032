// What travels over the wire from the built server (`node build`): compressed pages and page data,
// precompressed static assets, and the security headers on all of them (issue 15).
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../../src/lib/rules';
import { bundledRuleSets } from '../../src/lib/server/ruleset-files';
import { PASSWORD } from './fixtures';
import { Client, ensureBuilt, startServer, type Server } from './server-process';

/** One GET as the bytes arrive (node's fetch would decode them and hide the size). */
function rawGet(origin: string, path: string, headers: Record<string, string> = {}) {
	return new Promise<{ status: number; headers: Record<string, string>; body: Buffer }>(
		(ok, fail) => {
			const req = request(origin + path, { headers }, (res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () =>
					ok({
						status: res.statusCode!,
						headers: res.headers as Record<string, string>,
						body: Buffer.concat(chunks)
					})
				);
				res.on('error', fail);
			});
			req.on('error', fail);
			req.end();
		}
	);
}

function decode(r: { headers: Record<string, string>; body: Buffer }): string {
	const enc = r.headers['content-encoding'];
	const bytes =
		enc === 'br' ? brotliDecompressSync(r.body) : enc === 'gzip' ? gunzipSync(r.body) : r.body;
	return bytes.toString('utf8');
}

const QUESTION = '/systems/any/q/main/function';
const BR = { 'accept-encoding': 'gzip, deflate, br' };

let server: Server;
beforeAll(async () => {
	await ensureBuilt();
	server = await startServer({ dataDir: mkdtempSync(join(tmpdir(), 'capdo-transfer-')) });
}, 300_000);
afterAll(() => server?.stop());

/** The headers hooks.server.ts puts on every page. */
function expectSecurityHeaders(h: Record<string, string>) {
	expect(h['content-security-policy']).toMatch(/script-src 'self' 'nonce-/);
	expect(h['x-content-type-options']).toBe('nosniff');
	expect(h['referrer-policy']).toBe('same-origin');
}

describe('compression', () => {
	it('a question page is sent with brotli, decodes to the page, keeps its security headers', async () => {
		const plain = await rawGet(server.origin, QUESTION, { 'accept-encoding': 'identity' });
		const br = await rawGet(server.origin, QUESTION, BR);
		expect(plain.status).toBe(200);
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(br.status).toBe(200);
		expect(br.headers['content-encoding']).toBe('br');
		expect(br.headers['vary']).toMatch(/accept-encoding/i);
		expect(br.headers['content-length']).toBeUndefined();
		expectSecurityHeaders(br.headers);
		const html = decode(br);
		expect(html).toMatch(/^<!doctype html>/);
		expect(html).toContain('</html>');
		// The same page apart from the per-request CSP nonce.
		const noNonce = (s: string) => s.replace(/nonce="[^"]+"/g, '').replace(/nonce-[^']+/g, '');
		expect(noNonce(html)).toBe(noNonce(plain.body.toString('utf8')));
		expect(br.body.length * 3).toBeLessThan(plain.body.length);
	});

	it('gzip for a client without brotli; identity for a client that refuses both', async () => {
		const gz = await rawGet(server.origin, QUESTION, { 'accept-encoding': 'gzip' });
		expect(gz.headers['content-encoding']).toBe('gzip');
		expect(decode(gz)).toContain('</html>');
		const preferGzip = await rawGet(server.origin, QUESTION, {
			'accept-encoding': 'br;q=0.5, gzip'
		});
		expect(preferGzip.headers['content-encoding']).toBe('gzip');
		const none = await rawGet(server.origin, QUESTION, { 'accept-encoding': 'br;q=0, gzip;q=0' });
		expect(none.headers['content-encoding']).toBeUndefined();
		expect(none.body.toString('utf8')).toContain('</html>');
	});

	it('page data (__data.json) is compressed and decodes to JSON', async () => {
		const r = await rawGet(server.origin, `${QUESTION}/__data.json`, BR);
		expect(r.status).toBe(200);
		expect(r.headers['content-encoding']).toBe('br');
		expect(JSON.parse(decode(r)).type).toBe('data');
	});

	it('static assets are served precompressed, immutable under _app/immutable', async () => {
		const page = await rawGet(server.origin, QUESTION, BR);
		const scripts = [...(page.headers['link'] ?? '').matchAll(/<([^>]+\.js)>/g)].map(
			(m) => new URL(m[1]!, server.origin + QUESTION).pathname
		);
		expect(scripts.length).toBeGreaterThan(0);
		for (const path of scripts) {
			const r = await rawGet(server.origin, path, BR);
			expect(r.status, path).toBe(200);
			// Tiny chunks are not worth compressing; the build leaves them as they are.
			if (r.body.length > 1024) expect(r.headers['content-encoding'], path).toBe('br');
			expect(r.headers['cache-control'], path).toMatch(/immutable/);
		}
		const css = await rawGet(server.origin, '/capdo.css', { 'accept-encoding': 'gzip' });
		expect(css.headers['content-encoding']).toBe('gzip');
	});

	it('a response under 1 kB is sent as is', async () => {
		const r = await rawGet(server.origin, '/api/systems', BR);
		expect(r.status).toBe(401);
		expect(r.headers['content-encoding']).toBeUndefined();
		expect(JSON.parse(r.body.toString('utf8')).message).toBeTruthy();
	});
});

describe('rule sets as immutable resources named by their hash', () => {
	const rulesets = bundledRuleSets().rulesets;
	// Each rule set's first criterion, quoted from the law: what must not ride in page data.
	const quotes = rulesets.map((rs) => rs.data.criteria[0]!.text.slice(0, 60));

	it('page data and the page name the rule sets by hash, without their content', async () => {
		for (const path of [`${QUESTION}/__data.json`, QUESTION, '/__data.json', '/import']) {
			const text = decode(await rawGet(server.origin, path, BR));
			for (const rs of rulesets) expect(text, path).toContain(rs.hash);
			for (const q of quotes) expect(text, path).not.toContain(q);
		}
		// Only the wizard's layout node: what a navigation into /systems downloads.
		const node = await rawGet(
			server.origin,
			`${QUESTION}/__data.json?x-sveltekit-invalidated=01`,
			BR
		);
		expect(node.body.length).toBeLessThan(2048);
	});

	it('/rules/data/<hash>.json is the content with that hash, immutable, compressed', async () => {
		for (const [i, rs] of rulesets.entries()) {
			const r = await rawGet(server.origin, `/rules/data/${rs.hash}.json`, BR);
			expect(r.status).toBe(200);
			expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
			expect(r.headers['content-type']).toBe('application/json');
			expect(r.headers['content-encoding']).toBe('br');
			expect(r.headers['x-content-type-options']).toBe('nosniff');
			const text = decode(r);
			expect(text).toContain(quotes[i]);
			// The name is the content: what rules/hash.ts hashes (no tests, no end date).
			expect(sha256Hex(canonicalJson(JSON.parse(text)))).toBe(rs.hash);
			const plain = await rawGet(server.origin, `/rules/data/${rs.hash}.json`);
			expect(plain.headers['content-encoding']).toBeUndefined();
			expect(plain.body.toString('utf8')).toBe(text);
		}
	});

	it('a wrong or malformed hash is a 404 that no cache keeps', async () => {
		const wrong = rulesets[0]!.hash.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
		for (const path of [`/rules/data/${wrong}.json`, '/rules/data/x.json']) {
			const r = await rawGet(server.origin, path, BR);
			expect(r.status, path).toBe(404);
			expect(r.headers['cache-control'] ?? '', path).not.toMatch(/immutable/);
		}
	});

	it('signed in: pages stay private, no-store; the rule-set data stays immutable', async () => {
		const m = server.output().match(/create the administrator at (http:\S+\/setup\/\S+)/);
		const c = new Client(server.origin);
		const path = new URL(m![1]!).pathname;
		const r = await c.form(path, {
			username: 'root',
			display_name: 'Quản trị',
			password: PASSWORD,
			confirm: PASSWORD
		});
		expect(r.status).toBe(303);
		await c.login('root', PASSWORD);
		const page = await c.fetch('/rules');
		expect(page.status).toBe(200);
		expect(page.headers.get('cache-control')).toBe('private, no-store');
		const data = await c.fetch(`/rules/data/${rulesets[0]!.hash}.json`);
		expect(data.status).toBe(200);
		expect(data.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
	});
});
