// The maintainer's check runs in a worker thread on the real built server: while a large upload is
// being checked, other requests are answered; an upload over 5 MB is refused with its size.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, PASSWORD, seed } from './fixtures';
import { Client, ensureBuilt, startServer, type Server } from './server-process';

beforeAll(() => ensureBuilt(), 300_000);

const RULESET_YAML = readFileSync('tests/fixtures/maintain/valid/ruleset.yaml', 'utf8');

/** A section the schema does not know, `n` keys long: parsed in full before it is refused. */
const padding = (name: string, n: number) => {
	const lines = [`${name}:`];
	for (let i = 0; i < n; i++) lines.push(`  khoa_${i}: giá trị số ${i} của một tệp rất lớn`);
	return lines.join('\n') + '\n';
};

describe('maintainer check off the request path', () => {
	let server: Server;
	let cleanup: () => Promise<void>;
	const c = () => new Client(server.origin);
	let maintainer: Client;

	beforeAll(async () => {
		const d = await freshDatabase();
		await seed(d);
		cleanup = d.cleanup;
		if (!process.env.DATABASE_URL) await d.close();
		server = await startServer(d.target);
		maintainer = c();
		await maintainer.login('maintainer', PASSWORD);
		// Opening the workspace starts the check worker.
		expect((await maintainer.fetch('/maintain')).status).toBe(200);
	}, 180_000);
	afterAll(async () => {
		await server?.stop();
		await cleanup?.().catch(() => {});
	});

	const check = (files: { path: string; text: string }[]) => {
		const form = new FormData();
		for (const f of files) {
			form.append('path', f.path);
			form.append('text', f.text);
		}
		return maintainer.fetch('/maintain?/check', {
			method: 'POST',
			headers: { accept: 'text/html' },
			body: form
		});
	};

	it('checks a valid version in the worker as before', async () => {
		const r = await check([{ path: 'ruleset.yaml', text: RULESET_YAML }]);
		expect(r.status).toBe(200);
		const html = await r.text();
		expect(html).toContain('vn-demo@2027');
	});

	it('answers other requests while a large upload is checked', async () => {
		// Four files of about 1 MB each (under both limits): seconds of parsing and validation.
		const files = [0, 1, 2, 3].map((i) => ({
			path: `pad${i}.yaml`,
			text: padding(`x_pad_${i}`, 17_000)
		}));
		const order: string[] = [];
		const big = check(files).then(async (r) => {
			order.push('check');
			return { status: r.status, html: await r.text() };
		});
		// Give the upload time to arrive, then ask for pages one after another.
		await new Promise((r) => setTimeout(r, 300));
		const other = c();
		for (let i = 0; i < 3; i++) {
			const r = await other.fetch('/login');
			expect(r.status).toBe(200);
			await r.arrayBuffer();
			order.push('page');
		}
		const done = await big;
		// The check reached its verdict (the sections are unknown) and the pages did not wait for it.
		expect(done.status).toBe(200);
		expect(done.html).toMatch(/x_pad_0/);
		expect(order).toEqual(['page', 'page', 'page', 'check']);
	});

	it('refuses an upload over 5 MB with its size, before checking it', async () => {
		const text = `# ${'x'.repeat(1_050_000)}\n`;
		const files = [0, 1, 2, 3, 4, 5].map((i) => ({ path: `p${i}.yaml`, text }));
		const r = await check(files);
		expect(r.status).toBe(422);
		const html = await r.text();
		expect(html).toMatch(/quá lớn: 6\.0 MB, tối đa 5 MB/);
	});
});
