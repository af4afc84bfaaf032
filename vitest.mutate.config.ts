// The tests Stryker runs for `npm run mutate`, per part (MUTATE_PART, see stryker.config.mjs): the
// in-process unit tests of the mutated modules only. Tests that drive the CLI or the built server
// in a child process give Stryker no coverage; the database suites and the 1,000-dossier property
// test are too slow to rerun per mutant on a small machine.
import { defineConfig } from 'vitest/config';
import type { Reporter, Vitest } from 'vitest/node';
import base from './vite.config';

// A mutant that breaks a module as it loads (a static table entry emptied) fails the test file
// before any test runs; Stryker's vitest runner sees no failed test and would call it survived.
// Report the load error as an error of the run instead, so Stryker records it as a runtime error.
function loadErrorsAreErrors(): Reporter {
	let vitest: Vitest | undefined;
	return {
		onInit: (v) => void (vitest = v),
		onTestModuleEnd: (m) => m.errors().forEach((e) => vitest?.state.catchError(e, 'Suite Error'))
	};
}

const RULES = ['tests/rules/**/*.test.ts'];
const TESTS: Record<string, string[]> = {
	policy: ['tests/server/policy.test.ts', 'tests/server/transitions-table.test.ts'],
	// The data-mutant harness test runs every rule set's golden cases hundreds of times (15 s):
	// only for the parts that mutate the harness itself.
	'rules-core': RULES,
	// The loader's own in-process tests: real YAML text in, exact located errors and loaded rule
	// sets out. Every other rules test file loads the bundled rule sets at module level, which runs
	// the loader, so with all of tests/rules Stryker reran minutes of tests per mutant (a run on
	// 4 December was estimated at 8 h and stopped after 991 of 2,358 mutants). These take seconds.
	'rules-load': [
		'tests/rules/yaml-errors.test.ts',
		'tests/rules/fact-order.test.ts',
		'tests/rules/parse-folder.test.ts',
		'tests/rules/fact-checks.test.ts',
		'tests/rules/golden-case-checks.test.ts',
		'tests/rules/load-located.test.ts',
		'tests/rules/load-errors.test.ts',
		'tests/rules/maintainer-errors.test.ts',
		'tests/rules/versions.test.ts',
		'tests/rules/versions-units.test.ts',
		'tests/rules/corrections.test.ts',
		'tests/rules/golden-basis.test.ts',
		'tests/rules/golden-units.test.ts',
		'tests/rules/overrides.test.ts',
		'tests/rules/load-checks.test.ts',
		// positionOf's default (a value, not its key), as the other YAML readers call it.
		'tests/rules/large-yaml.test.ts'
	],
	// The maintainer tools' own in-process tests, not all of tests/rules: with perTest coverage a
	// mutant reruns only the tests that reached it, but every file here is loaded for the dry run
	// and the engine's tests reach hash.ts and suggest.ts on every load. diff, corrections,
	// amendment and versions call the CLI's main() in-process (covered); impact.test.ts and
	// mutate.test.ts also spawn bin/capdo.js, which reaches no mutant and is not rerun.
	'rules-tools': [
		'diff',
		'diff-render',
		'impact',
		'impact-fast',
		'corrections',
		'amendment',
		'versions',
		'mutate',
		'maintainer-errors',
		'tools-units',
		'data-mutants',
		'coverage',
		'timeline'
	].map((t) => `tests/rules/${t}.test.ts`),
	// The in-process tests of the model and the templates' blocks (a few seconds). dossier.test.ts
	// and nd331.test.ts render through the CLI in a child process (no active mutant there) in a
	// beforeAll that every selected test would rerun; letter-attachments and bulk render whole PDFs
	// (50 s for the dry run on the shared machine) and check what blocks.test.ts checks in the
	// blocks: they are left out so that a run over 1,650 mutants can finish.
	dossier: [
		'tests/dossier/model.test.ts',
		'tests/dossier/blocks.test.ts',
		'tests/dossier/format.test.ts',
		'tests/dossier/edge.test.ts',
		'tests/dossier/nd331-papers.test.ts'
	]
};
TESTS.rules = RULES;
const part = process.env.MUTATE_PART;
// The engine's part leaves out the tests of maintainer tools, which mostly drive the CLI.
const MAINTAINER_TESTS = [
	'amendment',
	'corrections',
	'diff',
	'impact',
	'load-errors',
	'maintainer-errors'
];
const exclude =
	part === 'rules-core'
		? ['mutate', 'data-mutants', ...MAINTAINER_TESTS].map((t) => `tests/rules/${t}.test.ts`)
		: part === 'rules-load'
			? ['tests/rules/mutate.test.ts']
			: [];
const include = part ? TESTS[part] : Object.values(TESTS).flat();
if (!include) throw new Error(`MUTATE_PART must be one of ${Object.keys(TESTS).join(', ')}`);

// Not mergeConfig: it would append to the base config's `tests/**/*.test.ts` instead of replacing it.
export default defineConfig((env) => {
	const config = base(env);
	return {
		...config,
		test: {
			...config.test,
			include: [...new Set(include)],
			exclude: [...(config.test?.exclude ?? ['**/node_modules/**']), ...exclude],
			reporters: ['default', loadErrorsAreErrors()]
		}
	};
});
