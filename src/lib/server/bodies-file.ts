// Reads bodies/vn.yaml (state bodies over time) from disk: the I/O edge for the server and the CLI.
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { loadBodies, type Bodies } from '../bodies';
import { formatLoadError } from '../rules';
import { DEFAULT_RULESETS_DIR } from './ruleset-files';

/** bodies/ beside rulesets/ at the repository root. */
export const BODIES_FILE = join(dirname(DEFAULT_RULESETS_DIR), 'bodies', 'vn.yaml');

/** Loads and checks a bodies file; the errors are located (file:line:column). */
export function readBodies(path = BODIES_FILE) {
	const rel = relative(process.cwd(), path);
	return loadBodies(rel.startsWith('..') ? path : rel, readFileSync(path, 'utf8'));
}

let cached: Bodies | undefined;

/** The reorganisation data, loaded once per process; a broken file is an error. */
export function vnBodies(): Bodies {
	if (cached) return cached;
	const { bodies, errors } = readBodies();
	if (!bodies)
		throw new Error(`bodies/vn.yaml does not load:\n${errors.map(formatLoadError).join('\n')}`);
	cached = bodies;
	return cached;
}
