#!/usr/bin/env node
// Build the app when needed, then serve it with adapter-node.
// Env: PORT (default 3000), HOST (default 0.0.0.0), ORIGIN (default http://localhost:$PORT).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const buildEntry = join(root, 'build', 'index.js');

// rulesets/ is not a build input: the server reads the YAML at run time (ruleset-files.ts), so a
// changed rule set needs a restart, not a rebuild.
export const SOURCES = [
	'src',
	'static',
	'package.json',
	'package-lock.json',
	'svelte.config.js',
	'vite.config.ts'
];
const SKIP_DIRS = new Set(['node_modules', '.svelte-kit', 'build']);

/**
 * Newest modification time (ms) of a file or, recursively, of a directory's files.
 * @param {string} path
 * @returns {number}
 */
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

/**
 * The build inputs newer than build/ (all of them when there is no build).
 * @param {string} [dir]
 * @returns {string[]}
 */
export function staleSources(dir = root) {
	const entry = join(dir, 'build', 'index.js');
	if (!existsSync(entry)) return SOURCES;
	const built = statSync(entry).mtimeMs;
	return SOURCES.filter((source) => newestMtime(join(dir, source)) > built);
}

const main = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (main && process.env.CAPDO_SKIP_BUILD !== '1' && staleSources().length > 0) {
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

if (main) {
	process.env.PORT ||= '3000';
	// adapter-node refuses request bodies over BODY_SIZE_LIMIT (512 kB by default); signed PDFs are
	// accepted up to 10 MB (src/lib/server/files/store.ts), sent as multipart forms.
	process.env.BODY_SIZE_LIMIT ||= '12M';
	// SvelteKit's CSRF check on form posts needs the public origin.
	process.env.ORIGIN ||= `http://localhost:${process.env.PORT}`;
	await import(pathToFileURL(buildEntry).href);
}
