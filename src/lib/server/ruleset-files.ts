// Reads rule-set YAML from disk (the I/O edge for the CLI and the server).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import {
	loadLibrary,
	parsePublished,
	PUBLISHED_FILE,
	resolveEnds,
	withRevisions,
	type RuleSet,
	type SourceFile
} from '../rules';

/** The repository's rulesets/, found upward from this file (source tree or a build/ chunk). */
function findRulesets(): string {
	for (let dir = import.meta.dirname; dirname(dir) !== dir; dir = dirname(dir))
		if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'rulesets')))
			return join(dir, 'rulesets');
	return resolve(import.meta.dirname, '../../../rulesets');
}
export const DEFAULT_RULESETS_DIR = findRulesets();

/** Every YAML file under `root` (or `root` itself), with paths relative to the working directory. */
export function readYamlTree(root: string): SourceFile[] {
	const out: SourceFile[] = [];
	const add = (p: string) => {
		const rel = relative(process.cwd(), p);
		out.push({ path: rel.startsWith('..') ? p : rel, text: readFileSync(p, 'utf8') });
	};
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir).sort()) {
			const p = join(dir, entry);
			if (statSync(p).isDirectory()) walk(p);
			else if (/\.ya?ml$/.test(entry)) add(p);
		}
	};
	if (statSync(root).isDirectory()) walk(root);
	else add(root);
	return out;
}

let bundled: ReturnType<typeof loadLibrary> | undefined;

/** Loads `files` over `external` and dates each version's end from its successor's start. */
function loadDated(files: SourceFile[], external: readonly RuleSet[] = [], runTests = true) {
	const loaded = loadLibrary(files, external, runTests);
	const ids = new Set(loaded.rulesets.map((r) => r.data.id));
	const siblings = external.filter((r) => ids.has(r.data.id));
	const dated = resolveEnds([...loaded.rulesets, ...siblings]);
	return { ...loaded, rulesets: dated.slice(0, loaded.rulesets.length) };
}

/**
 * The rule sets shipped in `rulesets/`, loaded once per process, with their published revisions
 * and each version's end dated from its successor.
 */
export function bundledRuleSets() {
	if (!bundled) {
		const loaded = loadDated(readYamlTree(DEFAULT_RULESETS_DIR));
		bundled = {
			...loaded,
			rulesets: withPublishedRevisions(DEFAULT_RULESETS_DIR, loaded.rulesets)
		};
	}
	return bundled;
}

/** Attaches the revision hashes listed in `root`/published.yaml (a broken lock attaches none). */
function withPublishedRevisions(root: string, rulesets: RuleSet[]): RuleSet[] {
	const lock = join(root, PUBLISHED_FILE);
	if (!existsSync(lock)) return rulesets;
	const { entries } = parsePublished(lock, readFileSync(lock, 'utf8'));
	return withRevisions(rulesets, entries);
}

/**
 * Loads the rule sets under `root`. A folder there may extend a bundled rule set, so a maintainer
 * can check a new version kept outside the repository; a sub-folder of the library is checked
 * with the rest of the library as its parents.
 */
export function loadRuleSetsFrom(root: string, runTests = true) {
	const abs = resolve(root);
	const library = () =>
		runTests ? bundledRuleSets() : loadDated(readYamlTree(DEFAULT_RULESETS_DIR), [], false);
	if (abs === DEFAULT_RULESETS_DIR) return library();
	if (!abs.startsWith(DEFAULT_RULESETS_DIR + '/'))
		return loadDated(readYamlTree(root), bundledRuleSets().rulesets, runTests);
	const inside = (f: string) => resolve(f) === abs || resolve(f).startsWith(abs + '/');
	const all = library();
	return {
		rulesets: all.rulesets.filter((r) => r.dir !== undefined && inside(r.dir)),
		errors: all.errors.filter((e) => inside(e.file)),
		warnings: all.warnings.filter((e) => inside(e.file))
	};
}
