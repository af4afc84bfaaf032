// First-load JavaScript of the wizard's question page vs a bare SvelteKit page, both built with the
// same `vite build` + adapter-node and served by `node build`. First-load JS = the modules the
// server's response names (Link modulepreload header, <link rel=modulepreload>, inline import())
// plus their static-import closure, each gzipped, summed.
//
// Baseline: a throwaway SvelteKit project with this repo's svelte/kit/vite/adapter versions and
// config shape, one route whose page is a single <h1>: the cost of the framework alone, so the
// ratio is what the wizard adds (layout, i18n, rules engine, xstate, the question page).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchResult } from './run';

const ROOT = resolve(import.meta.dirname, '..');
const WIZARD_ROUTE = '/systems/bench/q/main/function';

const freePort = () =>
	new Promise<number>((ok) => {
		const s = createServer().listen(0, () => {
			const { port } = s.address() as { port: number };
			s.close(() => ok(port));
		});
	});

function build(dir: string) {
	execFileSync(join(ROOT, 'node_modules/.bin/vite'), ['build'], { cwd: dir, stdio: 'ignore' });
}

/**
 * Polls `url` until the server answers (its first start creates the PGlite data dir, which can take
 * well over 10 s on a busy machine). Fails with the server's stderr if it exits or is not up in time.
 */
async function whenReady(server: ChildProcess, url: string, limitMs = 180_000): Promise<Response> {
	let stderr = '';
	server.stderr?.on('data', (b) => (stderr += b));
	const deadline = Date.now() + limitMs;
	for (;;) {
		if (server.exitCode !== null || server.signalCode !== null)
			throw new Error(`the built server exited before answering GET ${url}:\n${stderr}`);
		const res = await fetch(url).catch(() => undefined);
		if (res) {
			if (res.ok) return res;
			throw new Error(`GET ${url} answered ${res.status}:\n${stderr}`);
		}
		if (Date.now() > deadline)
			throw new Error(
				`the built server did not answer GET ${url} within ${limitMs / 1000} s:\n${stderr}`
			);
		await new Promise((ok) => setTimeout(ok, 200));
	}
}

/** Starts `node build` in `dir`, fetches `route`, returns the response's JS references. */
async function firstLoad(dir: string, route: string) {
	const port = await freePort();
	const server = spawn('node', ['build'], {
		cwd: dir,
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://localhost:${port}`
		},
		stdio: ['ignore', 'ignore', 'pipe']
	});
	try {
		const url = `http://localhost:${port}${route}`;
		const res = await whenReady(server, url);
		const html = await res.text();
		const refs = new Set<string>();
		for (const m of (res.headers.get('link') ?? '').matchAll(/<([^>]+\.js)>/g)) refs.add(m[1]!);
		for (const m of html.matchAll(/rel="modulepreload"[^>]*href="([^"]+)"/g)) refs.add(m[1]!);
		for (const m of html.matchAll(/import\("([^"]+\.js)"\)/g)) refs.add(m[1]!);
		const client = join(dir, 'build/client');
		const files = [...refs].map((r) => join(client, new URL(r, url).pathname));
		return closure(files);
	} finally {
		server.kill();
	}
}

/** The files plus everything they import statically (what the browser must fetch first). */
function closure(files: string[]): Map<string, number> {
	const seen = new Map<string, number>();
	const visit = (f: string) => {
		if (seen.has(f)) return;
		const code = readFileSync(f);
		seen.set(f, gzipSync(code).length);
		for (const m of code.toString().matchAll(/(?:import|from)\s*["'](\.{1,2}\/[^"']+\.js)["']/g))
			visit(join(dirname(f), m[1]!));
	};
	files.forEach(visit);
	return seen;
}

function bareProject(): string {
	const dir = mkdtempSync(join(tmpdir(), 'capdo-bare-'));
	symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
	mkdirSync(join(dir, 'src/routes'), { recursive: true });
	writeFileSync(join(dir, 'package.json'), '{ "name": "bare", "private": true, "type": "module" }');
	writeFileSync(
		join(dir, 'svelte.config.js'),
		"import adapter from '@sveltejs/adapter-node';\nexport default { compilerOptions: { runes: true }, kit: { adapter: adapter(), csp: { mode: 'auto', directives: { 'script-src': ['self'] } } } };\n"
	);
	writeFileSync(
		join(dir, 'vite.config.js'),
		"import { sveltekit } from '@sveltejs/kit/vite';\nexport default { plugins: [sveltekit()] };\n"
	);
	writeFileSync(join(dir, 'src/app.html'), readFileSync(join(ROOT, 'src/app.html'), 'utf8'));
	writeFileSync(join(dir, 'src/routes/+page.svelte'), '<h1>Bare</h1>\n');
	return dir;
}

/** Gzipped size of the xstate API the machine uses, bundled and minified on its own. */
async function xstateAlone(): Promise<number> {
	const dir = mkdtempSync(join(tmpdir(), 'capdo-xstate-'));
	symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
	writeFileSync(
		join(dir, 'entry.js'),
		"export { assign, getNextSnapshot, raise, setup } from 'xstate';\n"
	);
	const { build: viteBuild } = await import('vite');
	await viteBuild({
		root: dir,
		logLevel: 'silent',
		configFile: false,
		build: {
			outDir: join(dir, 'out'),
			minify: true,
			lib: { entry: join(dir, 'entry.js'), formats: ['es'], fileName: () => 'x.js' }
		}
	});
	const size = gzipSync(readFileSync(join(dir, 'out/x.js'))).length;
	rmSync(dir, { recursive: true, force: true });
	return size;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

export async function run(): Promise<BenchResult> {
	// The app builds in place (build/), as `npm start` does.
	build(ROOT);
	const wizard = await firstLoad(ROOT, WIZARD_ROUTE);
	const bareDir = bareProject();
	try {
		build(bareDir);
		const bare = await firstLoad(bareDir, '/');
		const xs = await xstateAlone();
		const w = sum(wizard);
		const b = sum(bare);
		// The chunk(s) holding xstate (its internal event names survive minification): in the first
		// load, and in the whole client build (loaded when the page steps through the interview).
		const hasXstate = (f: string) => readFileSync(f, 'utf8').includes('xstate.init');
		const x = [...wizard].filter(([f]) => hasXstate(f)).reduce((a, [, n]) => a + n, 0);
		const chunks = join(ROOT, 'build/client/_app/immutable/chunks');
		const lazy = readdirSync(chunks)
			.map((f) => join(chunks, f))
			.filter((f) => f.endsWith('.js') && !wizard.has(f) && hasXstate(f))
			.reduce((a, f) => a + gzipSync(readFileSync(f)).length, 0);
		// What the page's and layout's nodes import as they start (the question form, the saved
		// work): not in the first load, but fetched at once after it, so reported beside it.
		const started = new Map<string, number>();
		for (const f of [...wizard.keys()].filter((f) => f.includes('/nodes/')))
			for (const m of readFileSync(f, 'utf8').matchAll(/import\(`(\.{1,2}\/[^`]+\.js)`\)/g))
				for (const [g, n] of closure([join(dirname(f), m[1]!)]))
					if (!wizard.has(g) && !hasXstate(g)) started.set(g, n);
		return {
			name: 'wizard first-load JS (gzip)',
			lines: [
				`bare SvelteKit page: ${kb(b)} in ${bare.size} files (baseline)`,
				`wizard question page ${WIZARD_ROUTE}: ${kb(w)} in ${wizard.size} files`,
				`ratio: ${(w / b).toFixed(2)}× (goal ≤ 1.5×)`,
				`xstate: ${kb(xs)} bundled alone (setup, assign, raise, getNextSnapshot); in the first load ${kb(x)}, loaded after paint ${kb(lazy)}`,
				`ratio without that chunk: ${((w - x) / b).toFixed(2)}×`,
				`fetched as the page starts (question form, saved work; not in the ratio): ${kb(sum(started))} in ${started.size} files; with it ${((w + sum(started)) / b).toFixed(2)}×`
			]
		};
	} finally {
		rmSync(bareDir, { recursive: true, force: true });
	}
}
