// Shared test helpers: the real bundled rule sets and a way to load YAML written inline.
import { loadLibrary, type RuleSet, type SourceFile } from '../../src/lib/rules';
import { bundledRuleSets, readYamlTree } from '../../src/lib/server/ruleset-files';

/**
 * Under Stryker (`npm run mutate`): a CLI child process runs the code without the active mutant, so
 * a test that only drives the CLI can kill nothing there and costs seconds per mutant; skip it.
 */
export const UNDER_STRYKER = Boolean(process.env.STRYKER_MUTATOR_WORKER);

/** Circular 03: an internal system holding public information only, every other fact "no" (level 1). */
export const INTERNAL_PUBLIC_TT03 = {
	function: 'internal',
	information: ['public'],
	defense_security_damage: 'none',
	operates_24x7_no_unplanned_downtime: false,
	national_egov_system: false,
	national_critical_data_store: false,
	prime_minister_designated: false
};

export function ruleset(ref: string): RuleSet {
	const r = bundledRuleSets().rulesets.find((x) => x.ref === ref);
	if (!r)
		throw new Error(`rule set ${ref} not loaded: ${JSON.stringify(bundledRuleSets().errors)}`);
	return r;
}

/** The files of a bundled version folder, with some replaced or added, loaded with the library as parents. */
export function loadVariant(
	dir: string,
	replace: Record<string, string>,
	external: RuleSet[] = []
) {
	const files: SourceFile[] = Object.entries(replace).map(([name, text]) => ({
		path: `${dir}/${name}`,
		text
	}));
	return loadLibrary(files, external);
}

const trees = new Map<string, SourceFile[]>();
/** The loader's errors for a bundled version folder with one file's text edited by `edit`. */
export function errorsWithEdited(dir: string, file: string, edit: (text: string) => string) {
	const path = `${dir}/${file}`;
	if (!trees.has(dir)) trees.set(dir, readYamlTree(dir));
	return loadLibrary(
		trees.get(dir)!.map((x) => (x.path === path ? { ...x, text: edit(x.text) } : x))
	).errors;
}

/** A located error in `file`, as the loader reports it. */
export const errorIn =
	(file: string) => (line: number, column: number, field: string, message: string) => ({
		file,
		line,
		column,
		field,
		message
	});
