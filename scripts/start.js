#!/usr/bin/env node
// Build the app when needed, then serve it with adapter-node.
// Env: PORT (default 3000), HOST (default 0.0.0.0), ORIGIN (default http://localhost:$PORT).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const buildEntry = join(root, 'build', 'index.js');

const SOURCES = [
	'src',
	'static',
	'rulesets',
	'package.json',
	'package-lock.json',
	'svelte.config.js',
	'vite.config.ts'
];
const SKIP_DIRS = new Set(['node_modules', '.svelte-kit', 'build']);

/** Newest modification time (ms) of a file or, recursively, of a directory's files. */
function newestMtime(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = 0;
	for (const entry of readdirSync(path, { withFileTypes: true })) {
		if (entry.isDirectory() && SKIP_DIRS.has(entry.name)) continue;
		newest = Math.max(newest, newestMtime(join(path, entry.name)));
	}
	return newest;
}

function needsBuild() {
	if (process.env.CAPDO_SKIP_BUILD === '1') return false;
	if (!existsSync(buildEntry)) return true;
	const built = statSync(buildEntry).mtimeMs;
	return SOURCES.some((source) => newestMtime(join(root, source)) > built);
}

if (needsBuild()) {
	console.log('capdo: building (build/ is missing or older than the sources)…');
	const result = spawnSync(
		process.execPath,
		[join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'],
		{
			cwd: root,
			stdio: 'inherit'
		}
	);
	if (result.status !== 0) {
		console.error('capdo: build failed');
		process.exit(result.status ?? 1);
	}
}

process.env.PORT ||= '3000';
// adapter-node refuses request bodies over BODY_SIZE_LIMIT (512 kB by default); signed PDFs are
// accepted up to 10 MB (src/lib/server/files/store.ts), sent as multipart forms.
process.env.BODY_SIZE_LIMIT ||= '12M';
// SvelteKit's CSRF check on form posts needs the public origin.
process.env.ORIGIN ||= `http://localhost:${process.env.PORT}`;

await import(pathToFileURL(buildEntry).href);
